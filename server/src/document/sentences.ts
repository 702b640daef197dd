/**
 * Sentences: the unit in which rules look for a cue (「ISMAP … 9.2.1」, 「速報 … 5日」). The one splitter of
 * the engine.
 *
 * A Markdown paragraph (a list item's or a quote's included) is split at 。．！？!? — across its soft line
 * breaks, since Markdown joins them — but not at a full-width period inside a number or an ID (９．２．１,
 * Ａ．５．１５) nor at a terminator inside 「」『』（）【】 brackets (「…した。」と述べた). A heading is one
 * unit; a table cell is read with its whole row (a cue in one cell qualifies the next); a YAML or
 * front-matter scalar with its line (the key names what the value is). Every scan is bounded by MAX_REACH
 * characters each way, so asking for the sentence of each mention stays linear on a megabyte on one line.
 */

import { blockAt, blockIndexAt, listLeadIn } from './blocks';
import type { Block, DocumentModel, Segment, TextRange } from './model';

/** A sentence is looked for at most this far either side of an offset (a bound for text with no punctuation). */
const MAX_REACH = 2000;

function isAlphanumeric(code: number): boolean {
  return (
    (code >= 0x30 && code <= 0x39) ||
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** 。．！？!? end a sentence — but not a full-width period followed by a digit or letter (９．２．１). */
function isTerminatorAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 0xff0e) {
    return !(index + 1 < text.length && isAlphanumeric(text.charCodeAt(index + 1)));
  }
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f;
}

const OPENING = new Set(['「', '『', '（', '(', '【', '〔', '［']);
const CLOSING = new Set(['」', '』', '）', ')', '】', '〕', '］']);

/**
 * Splits `text[start, end)` into sentences. Terminators inside brackets do not split; if the brackets do not
 * balance (a stray 「), the text is split again ignoring them.
 */
export function splitSentences(text: string, start: number, end: number): TextRange[] {
  const nested = split(text, start, end, true);
  return nested ?? split(text, start, end, false)!;
}

function split(text: string, start: number, end: number, nesting: boolean): TextRange[] | undefined {
  const sentences: TextRange[] = [];
  let depth = 0;
  let sentenceStart = start;
  for (let index = start; index < end; index++) {
    const char = text[index];
    if (nesting && OPENING.has(char)) {
      depth++;
    } else if (nesting && CLOSING.has(char)) {
      depth--;
      if (depth < 0) {
        return undefined;
      }
    } else if (depth === 0 && isTerminatorAt(text, index)) {
      // Closing brackets and further terminators right after belong to this sentence (「…。」, ！？).
      let close = index + 1;
      while (close < end && (isTerminatorAt(text, close) || text[close] === '」' || text[close] === '』')) {
        close++;
      }
      sentences.push({ start: sentenceStart, end: close });
      sentenceStart = close;
      index = close - 1;
    }
  }
  if (nesting && depth !== 0) {
    return undefined;
  }
  if (sentenceStart < end) {
    sentences.push({ start: sentenceStart, end });
  }
  return sentences;
}

const blockSentences = new WeakMap<Block, readonly TextRange[]>();

/**
 * The sentence around `offset` as original offsets [start, end): within a paragraph, its sentence; a heading
 * whole; a table cell's row, a YAML scalar's line, or any other offset's line (bounded).
 */
export function sentenceAt(model: DocumentModel, offset: number): TextRange {
  const { text } = model;
  const block = model.kind === 'markdown' ? blockAt(model, offset) : undefined;
  if (!block || block.kind === 'table-cell') {
    return boundedLine(text, offset);
  }
  if (block.kind === 'heading') {
    return { start: Math.max(block.start, offset - MAX_REACH), end: Math.min(block.end, offset + MAX_REACH) };
  }
  // A block is split once and its sentences kept: every mention of a long paragraph asks for its sentence.
  let sentences = blockSentences.get(block);
  if (!sentences) {
    sentences = splitSentences(text, block.start, block.end);
    blockSentences.set(block, sentences);
  }
  // The first sentence that ends after `offset` (the last one for an offset at the block's end), by binary search.
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offset < sentences[middle].end) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  const sentence = sentences[low];
  if (!sentence) {
    return { start: offset, end: offset };
  }
  // A sentence with no terminator for a megabyte is read around the offset only.
  return { start: Math.max(sentence.start, offset - MAX_REACH), end: Math.min(sentence.end, offset + MAX_REACH) };
}

/** An English full stop (or ! ?) ending a sentence: followed by space and a capital, a quote or a bracket. */
const ENGLISH_STOP = /[.!?]\s+(?=[A-Z"'(])/g;

/**
 * Within a sentence span, the English sentence holding [start, end): the splitter above cuts at Japanese
 * terminators only (an English paragraph stays whole, since "e.g." or "Inc." would cut it wrongly), so a rule
 * that reads English wording narrows the span to the sentence of its mention this way.
 */
export function englishSentenceIn(text: string, span: readonly [number, number], start: number, end: number): [number, number] {
  let [first, last] = span;
  ENGLISH_STOP.lastIndex = 0;
  const slice = text.slice(first, last);
  let match: RegExpExecArray | null;
  while ((match = ENGLISH_STOP.exec(slice))) {
    const stop = span[0] + match.index + 1;
    if (stop <= start) {
      first = span[0] + match.index + match[0].length;
    } else if (stop >= end) {
      last = stop;
      break;
    }
  }
  return [first, last];
}

/** The sentences holding `start` and `end`, joined: [first sentence start, last sentence end). */
export function sentenceSpan(model: DocumentModel, start: number, end: number): [number, number] {
  const first = sentenceAt(model, start);
  const last = end - 1 > start ? sentenceAt(model, end - 1) : first;
  return [first.start, Math.max(first.end, last.end)];
}

/**
 * The paragraph around `offset`: its block (a paragraph or heading); for a list item, the list up to it and
 * the paragraph introducing the list; a table cell's whole table; or a YAML scalar's line — bounded by
 * MAX_REACH characters each way.
 */
export function paragraphAt(model: DocumentModel, offset: number): TextRange {
  const index = model.kind === 'markdown' ? blockIndexAt(model, offset) : undefined;
  if (index === undefined) {
    return boundedLine(model.text, offset);
  }
  const block = model.markdown!.blocks[index];
  const range = block.table
    ? { start: model.markdown!.lines[block.table.tableFirstLine].start, end: model.markdown!.lines[block.table.tableLastLine].end }
    : block.listItem
      ? { start: model.markdown!.blocks[listLeadIn(model, index)].start, end: block.end }
      : block;
  return { start: Math.max(range.start, offset - MAX_REACH), end: Math.min(range.end, offset + MAX_REACH) };
}

/** The line holding `offset`, at most MAX_REACH characters either side. */
function boundedLine(text: string, offset: number): TextRange {
  const floor = Math.max(0, offset - MAX_REACH);
  const ceiling = Math.min(text.length, offset + MAX_REACH);
  let start = offset;
  while (start > floor && text.charCodeAt(start - 1) !== 0x0a && text.charCodeAt(start - 1) !== 0x0d) {
    start--;
  }
  let end = offset;
  while (end < ceiling && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) {
    end++;
  }
  return { start, end };
}

/**
 * Bounds of the line holding `offset`: [start, end) without the line break (and without a trailing \r); with
 * `within`, the part of it inside that range (searched there only: a line may be a megabyte long).
 */
export function lineBounds(text: string, offset: number, within?: TextRange): { start: number; end: number } {
  const floor = within?.start ?? 0;
  const ceiling = within?.end ?? text.length;
  const start = offset <= floor ? floor : floor + text.slice(floor, offset).lastIndexOf('\n') + 1;
  let end = text.slice(0, ceiling).indexOf('\n', offset);
  if (end === -1) {
    end = ceiling;
  }
  if (end > start && text.charCodeAt(end - 1) === 0x0d) {
    end -= 1;
  }
  return { start, end };
}

/** The segment containing `offset` (binary search over the model's ordered segments). */
export function segmentAt(segments: readonly Segment[], offset: number): Segment | undefined {
  let low = 0;
  let high = segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const segment = segments[middle];
    if (offset < segment.start) {
      high = middle - 1;
    } else if (offset >= segment.end) {
      low = middle + 1;
    } else {
      return segment;
    }
  }
  return undefined;
}

/** The keys above a YAML / front-matter scalar (a value's own key included), or undefined in prose. */
export function keyPathAt(model: DocumentModel, offset: number): readonly string[] | undefined {
  return segmentAt(model.segments, offset)?.keyPath;
}
