/**
 * Reading the text around a mention, for rules that must tell a present use from a historical statement or
 * a quoted title: the sentence across soft-wrapped lines, the quotation brackets that enclose a mention, and
 * the section headings above it. Everything here is bounded by a line, a sentence or a small window, so a
 * rule that calls it once per mention stays linear in the document.
 */

import type { DocumentModel, Segment } from '../../document/model';
import { segmentAt } from '../../document/sentences';

const TERMINATOR = /(?:[。！？!?]|．(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ]))\s*$/;
/** Sentence ends; a full-width period inside a number or an ID (９．２．１, Ａ．５．１５) is not one. */
const SENTENCE_END = /[。！？!?]|．(?![0-9０-９A-Za-zＡ-Ｚａ-ｚ])/g;
/** A line that starts a new block rather than continuing a paragraph (after blockquote markers are removed). */
const BLOCK_START = /^\s*(?:$|#{1,6}(?:\s|$)|[-*+]\s|\d{1,9}[.)]\s|\||```|~~~|<!--|={3,}\s*$|-{3,}\s*$)/;
/** How many lines a wrapped sentence may span on each side. */
const MAX_WRAPPED_LINES = 6;

/**
 * How far a line is read on each side of an offset. A longer line (a 1 MB paragraph without line breaks) is
 * cut there, so the work per mention stays bounded.
 */
const LINE_WINDOW = 4096;

/** The start of the line holding `offset`, or `offset - LINE_WINDOW` on a longer line. */
function lineStartOf(text: string, offset: number): number {
  const limit = Math.max(0, offset - LINE_WINDOW);
  for (let index = offset - 1; index >= limit; index--) {
    if (text.charCodeAt(index) === 0x0a) {
      return index + 1;
    }
  }
  return limit;
}

/** The end of the line holding `offset` (before any \r), or `offset + LINE_WINDOW` on a longer line. */
function lineEndOf(text: string, offset: number): number {
  const limit = Math.min(text.length, offset + LINE_WINDOW);
  let end = limit;
  for (let index = offset; index < limit; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      end = index;
      break;
    }
  }
  return end > 0 && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

/** Whether `offset` is really the start of a line (not a cut in a long one). */
function atLineStart(text: string, offset: number): boolean {
  return offset === 0 || text.charCodeAt(offset - 1) === 0x0a;
}

/** Whether `offset` is really the end of a line (not a cut in a long one). */
function atLineEnd(text: string, offset: number): boolean {
  return offset >= text.length || text.charCodeAt(offset) === 0x0a || text.charCodeAt(offset) === 0x0d;
}

const sentenceMemo = new WeakMap<DocumentModel, Map<number, [number, number]>>();

/** The line's text without blockquote markers. */
function lineContent(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/^\s*(?:>\s?)+/, '');
}

/** The first offset of a line that holds a character of prose (segments are per line), or undefined. */
function proseOnLine(segments: readonly Segment[], lineStart: number, lineEnd: number): Segment | undefined {
  for (let offset = lineStart; offset < lineEnd; offset++) {
    const segment = segmentAt(segments, offset);
    if (segment) {
      return segment.kind === 'prose' ? segment : undefined;
    }
  }
  return undefined;
}

/** Like sentenceAround for prose, but a full-width period inside a number (９．２．１) does not end the sentence. */
function sentenceInLine(text: string, offset: number): [number, number] {
  const lineStart = lineStartOf(text, offset);
  const lineEnd = lineEndOf(text, offset);
  // Search the line only: a global regex from lastIndex would run on to the end of the document.
  const line = text.slice(lineStart, lineEnd);
  SENTENCE_END.lastIndex = 0;
  let start = lineStart;
  let match: RegExpExecArray | null;
  while ((match = SENTENCE_END.exec(line))) {
    const at = lineStart + match.index;
    if (at < offset) {
      start = at + 1;
    } else {
      return [start, at + 1];
    }
  }
  return [start, lineEnd];
}

/**
 * The sentence around `offset` as [start, end) original offsets. Like sentenceAround, but a prose sentence
 * that a soft line break cuts in two (Markdown joins the lines of a paragraph) is read as one sentence:
 * the lines are joined while the earlier line does not end with 。．！？ and the later one does not start a
 * new block (list item, heading, table, fence). Headings, table rows and YAML scalars stay one line.
 */
export function wrappedSentence(model: DocumentModel, offset: number): [number, number] {
  let memo = sentenceMemo.get(model);
  if (!memo) {
    memo = new Map();
    sentenceMemo.set(model, memo);
  }
  let sentence = memo.get(offset);
  if (!sentence) {
    sentence = computeWrappedSentence(model, offset);
    memo.set(offset, sentence);
  }
  return [sentence[0], sentence[1]];
}

function computeWrappedSentence(model: DocumentModel, offset: number): [number, number] {
  const { text, segments } = model;
  const kind = segmentAt(segments, offset)?.kind ?? 'prose';
  if (kind !== 'prose') {
    // A table row, heading or YAML scalar is one unit as a whole (as sentenceAround reads it).
    return [lineStartOf(text, offset), lineEndOf(text, offset)];
  }
  let [start, end] = sentenceInLine(text, offset);
  for (let step = 0; step < MAX_WRAPPED_LINES; step++) {
    const lineStart = lineStartOf(text, start);
    // Stop where the sentence starts after a terminator on its line, or at the top of the document.
    if (lineStart === 0 || !atLineStart(text, lineStart) || !/^\s*(?:>\s?)*\s*$/.test(text.slice(lineStart, start))) {
      break;
    }
    if (BLOCK_START.test(lineContent(text, lineStart, lineEndOf(text, lineStart)))) {
      break;
    }
    const previousStart = lineStartOf(text, lineStart - 1);
    const previousEnd = lineEndOf(text, previousStart);
    const previous = lineContent(text, previousStart, previousEnd);
    if (previous.trim() === '' || TERMINATOR.test(previous) || !proseOnLine(segments, previousStart, previousEnd)) {
      break;
    }
    start = sentenceInLine(text, Math.max(previousStart, previousEnd - 1))[0];
  }
  for (let step = 0; step < MAX_WRAPPED_LINES; step++) {
    const lineEnd = lineEndOf(text, Math.max(0, end - 1));
    if (end < lineEnd || !atLineEnd(text, lineEnd) || TERMINATOR.test(text.slice(lineStartOf(text, end), end)) || lineEnd >= text.length) {
      break;
    }
    const nextStart = text.indexOf('\n', lineEnd) + 1;
    if (nextStart === 0 || nextStart >= text.length) {
      break;
    }
    const nextEnd = lineEndOf(text, nextStart);
    const next = lineContent(text, nextStart, nextEnd);
    if (BLOCK_START.test(next) || !proseOnLine(segments, nextStart, nextEnd)) {
      break;
    }
    end = sentenceInLine(text, nextStart + (nextEnd - nextStart - next.length))[1];
  }
  return [start, end];
}

// ---------------------------------------------------------------------------------------------------------
// Quotations

export type QuoteKind = 'kagi' | 'double-kagi' | 'double-quote';

export interface Quotation {
  readonly kind: QuoteKind;
  /** Offsets of the opening and the closing bracket. */
  readonly open: number;
  readonly close: number;
  /** The quoted text (between the brackets). */
  readonly inner: string;
}

const OPENERS: Readonly<Record<string, [QuoteKind, string]>> = { '「': ['kagi', '」'], '『': ['double-kagi', '』'], '“': ['double-quote', '”'] };
const CLOSERS: Readonly<Record<string, string>> = { '」': '「', '』': '『', '”': '“' };
/** How far a quotation is searched for on each side of a mention. */
const QUOTE_WINDOW = 240;

/**
 * The quotations that enclose [start, end), innermost first: 「…」, 『…』, “…” and straight "…" pairs,
 * within the mention's line or wrapped sentence (titles do not span paragraphs).
 */
export function enclosingQuotations(model: DocumentModel, start: number, end: number): Quotation[] {
  const { text } = model;
  const [sentenceStart, sentenceEnd] = wrappedSentence(model, start);
  const from = Math.max(Math.min(lineStartOf(text, start), sentenceStart), start - QUOTE_WINDOW);
  const to = Math.min(Math.max(lineEndOf(text, end), sentenceEnd), end + QUOTE_WINDOW);
  const found: Quotation[] = [];
  const depth = new Map<string, number>();
  for (let index = start - 1; index >= from; index--) {
    const char = text[index];
    const opener = CLOSERS[char];
    if (opener) {
      depth.set(opener, (depth.get(opener) ?? 0) + 1);
      continue;
    }
    const pair = OPENERS[char];
    if (!pair) {
      continue;
    }
    const open = depth.get(char) ?? 0;
    if (open > 0) {
      depth.set(char, open - 1);
      continue;
    }
    const close = closingBracket(text, char, pair[1], end, to);
    if (close !== undefined) {
      found.push({ kind: pair[0], open: index, close, inner: text.slice(index + 1, close) });
    }
  }
  // Straight double quotes: an odd number of them before the mention on its line opens a quotation.
  const lineStart = Math.max(lineStartOf(text, start), from);
  let quotes = 0;
  let lastQuote = -1;
  for (let index = lineStart; index < start; index++) {
    if (text[index] === '"') {
      quotes++;
      lastQuote = index;
    }
  }
  if (quotes % 2 === 1) {
    const close = text.slice(end, Math.min(lineEndOf(text, end), to)).indexOf('"');
    if (close !== -1) {
      found.push({ kind: 'double-quote', open: lastQuote, close: end + close, inner: text.slice(lastQuote + 1, end + close) });
    }
  }
  return found.sort((a, b) => b.open - a.open);
}

function closingBracket(text: string, opener: string, closer: string, from: number, to: number): number | undefined {
  let depth = 0;
  for (let index = from; index < to; index++) {
    const char = text[index];
    if (char === opener) {
      depth++;
    } else if (char === closer) {
      if (depth === 0) {
        return index;
      }
      depth--;
    }
  }
  return undefined;
}

/** Trailing edition or date qualifiers of a title: （令和5年度版）, 第2版, 2024年度版 … */
const TITLE_QUALIFIERS = /(?:\s|[（(][^（）()]{0,30}[)）]|第[0-9０-９]+版|(?:令和|平成)[0-9０-９元]+年度?版?|[0-9０-９]{4}年度?版?|改訂版|案)+$/;
/**
 * The words a Japanese document title ends with (法案, 方針, ガイドライン, 基準, 報告書, 資料, 概要 …). A quoted
 * text ending in one of them is read as the title of a document, not as the writer's own words.
 */
const DOCUMENT_TYPE =
  /(?:法案|法律|方針|ガイドライン|指針|基準|基準群|報告書|報告|資料|概要|計画|戦略|要綱|要領|手引き?|手順書|マニュアル|ハンドブック|白書|通知|規程|規則|解説|とりまとめ|取りまとめ|ロードマップ|工程表|について|に関する検討会)$/;

/** Whether a quoted text reads as a document title (it ends with a document-type word). */
export function looksLikeDocumentTitle(inner: string): boolean {
  return DOCUMENT_TYPE.test(inner.trim().replace(TITLE_QUALIFIERS, ''));
}

// ---------------------------------------------------------------------------------------------------------
// Headings

export interface Heading {
  readonly start: number;
  readonly end: number;
  readonly level: number;
  readonly title: string;
}

/** The Markdown headings of a document, in order, with their levels (ATX # … ###### or setext). */
export function headingsOf(model: DocumentModel): Heading[] {
  const { text } = model;
  const headings: Heading[] = [];
  for (const segment of model.segments) {
    if (segment.kind !== 'heading') {
      continue;
    }
    const lineStart = lineStartOf(text, segment.start);
    const previous = headings[headings.length - 1];
    if (previous && previous.start === lineStart) {
      // A heading cut by inline code has several segments; keep one entry per line.
      continue;
    }
    const hashes = /^\s{0,3}(#{1,6})/.exec(text.slice(lineStart, segment.start + 1));
    let level = hashes ? hashes[1].length : 2;
    if (!hashes) {
      const nextStart = text.indexOf('\n', segment.end) + 1;
      level = nextStart > 0 && text[nextStart] === '=' ? 1 : 2;
    }
    const lineEnd = lineEndOf(text, segment.start);
    headings.push({ start: lineStart, end: lineEnd, level, title: text.slice(segment.start, lineEnd) });
  }
  return headings;
}

/**
 * For offsets given in ascending order, the headings whose sections contain each (outermost first).
 * Create one per check and call it with increasing offsets.
 */
export function sectionTracker(headings: readonly Heading[]): (offset: number) => readonly Heading[] {
  const stack: Heading[] = [];
  let next = 0;
  return (offset) => {
    while (next < headings.length && headings[next].start <= offset) {
      const heading = headings[next++];
      while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) {
        stack.pop();
      }
      stack.push(heading);
    }
    return stack;
  };
}
