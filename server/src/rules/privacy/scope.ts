/**
 * Shared by the privacy/* rules: the text around a statement (its sentence, clause, paragraph and heading)
 * and which side of the APPI the statement is about — 行政機関等 and 保有個人情報 ("public"), or a private
 * business and 個人データ ("private").
 *
 * A statement's side comes from the nearest cue in its sentence (a preceding cue wins over a following one),
 * then in its paragraph (the block of non-blank lines around it), then in the nearest heading above it, then
 * from the document context (`context.sector`). Bare 「事業者」 is not a private-sector cue: government
 * specifications call their contractor 受託事業者.
 *
 * Everything here looks at a bounded window around the statement (SENTENCE_LIMIT, PARAGRAPH_LIMIT), so the
 * rules stay linear even on a one-line file with thousands of statements.
 */

import type { DocumentContext } from '../../context/types';
import type { DocumentModel, Segment, SegmentKind } from '../../document/model';
import { normalize, normalizeKey, type NormalizedText } from '../../text/normalize';

export type Side = 'public' | 'private';

const PUBLIC_CUE = /保有個人情報|行政機関|地方公共団体|独立行政法人|公的部門|法第68条|規則第43条/g;
const PRIVATE_CUE = /個人データ|民間|個人情報取扱事業者|法第26条|規則第7条/g;

/** How far a sentence is looked at around a statement, in UTF-16 units each way. */
const SENTENCE_LIMIT = 1000;
/** How far a paragraph is looked at around a sentence, each way. */
const PARAGRAPH_LIMIT = 2000;

const TERMINATOR = /[。．！？!?]/;
/** A clause separator at the start of the tested text (NFKC); the comma inside 1,000 is not one. */
const CLAUSE_SEPARATOR = /^(?:[、;]|,(?!\d{3}))/;

/**
 * The sentence around `offset`, as `sentenceAround` (server/src/document/sentences.ts) defines it — up to
 * 。．！？!? or the end of the line; the whole line for table rows, headings and YAML — looking at most
 * SENTENCE_LIMIT units each way. Lines are never joined.
 */
export function sentenceBounds(text: string, offset: number, kind: SegmentKind): [number, number] {
  const wholeLine = kind !== 'prose';
  const floor = Math.max(0, offset - SENTENCE_LIMIT);
  const ceiling = Math.min(text.length, offset + SENTENCE_LIMIT);
  let start = offset;
  while (start > floor && text[start - 1] !== '\n' && (wholeLine || !TERMINATOR.test(text[start - 1]))) {
    start--;
  }
  let end = offset;
  while (end < ceiling && text[end] !== '\n' && text[end] !== '\r') {
    end++;
    if (!wholeLine && TERMINATOR.test(text[end - 1])) {
      break;
    }
  }
  return [start, end];
}

/** The clause of (normalised) `text` around `index`: between 、 , ; — scanned locally. */
export function clauseAround(text: string, index: number): [number, number] {
  let start = index;
  while (start > 0 && !CLAUSE_SEPARATOR.test(text.slice(start - 1, start + 3))) {
    start--;
  }
  let end = index;
  while (end < text.length && !CLAUSE_SEPARATOR.test(text.slice(end, end + 4))) {
    end++;
  }
  return [start, end];
}

/** The paragraph around [start, end): contiguous non-blank, non-heading lines, at most PARAGRAPH_LIMIT units each way. */
export function paragraphAround(text: string, start: number, end: number): [number, number] {
  const floor = Math.max(0, start - PARAGRAPH_LIMIT);
  const ceiling = Math.min(text.length, end + PARAGRAPH_LIMIT);
  // Only the bounded window is split, so a statement on a very long line costs O(limit).
  const lines = text.slice(floor, ceiling).split('\n');
  const starts: number[] = [];
  let offset = floor;
  let first = -1;
  let last = -1;
  for (const [index, line] of lines.entries()) {
    starts.push(offset);
    if (first === -1 && offset + line.length >= start) {
      first = index;
    }
    if (last === -1 && offset + line.length >= end) {
      last = index;
    }
    offset += line.length + 1;
  }
  first = first === -1 ? lines.length - 1 : first;
  last = last === -1 ? lines.length - 1 : last;
  // A blank line or a heading line ends a paragraph (the heading is consulted on its own).
  const boundary = (line: string) => line.trim() === '' || /^ {0,3}#{1,6}(?:\s|$)/.test(line);
  while (first > 0 && !boundary(lines[first - 1])) {
    first--;
  }
  while (last < lines.length - 1 && !boundary(lines[last + 1])) {
    last++;
  }
  return [starts[first], starts[last] + lines[last].length];
}

interface Cue {
  readonly at: number;
  readonly side: Side;
}

function cuesIn(text: string): Cue[] {
  const cues: Cue[] = [];
  for (const [pattern, side] of [[PUBLIC_CUE, 'public'], [PRIVATE_CUE, 'private']] as const) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text))) {
      cues.push({ at: match.index, side });
    }
  }
  return cues.sort((a, b) => a.at - b.at);
}

/** The side of the cue nearest to `index` (a preceding cue wins over a following one). */
function nearest(cues: readonly Cue[], index: number): Side | undefined {
  let before: Cue | undefined;
  for (const cue of cues) {
    if (cue.at < index) {
      before = cue;
    } else {
      return (before ?? cue).side;
    }
  }
  return before?.side;
}

/** The side named in `text` (its last cue), for headings. */
export function sideIn(text: string): Side | undefined {
  return nearest(cuesIn(text), text.length);
}

export function sideOfContext(context: DocumentContext): Side | undefined {
  return context.sector === 'national' || context.sector === 'local' ? 'public' : context.sector === 'private' ? 'private' : undefined;
}

/** The headings of a document in order, for `headingBefore`. */
export function headingsOf(model: DocumentModel): readonly Segment[] {
  return model.segments.filter((segment) => segment.kind === 'heading');
}

/** The normalised text of the nearest heading that starts before `offset`. */
export function headingBefore(model: DocumentModel, headings: readonly Segment[], offset: number): string | undefined {
  let low = 0;
  let high = headings.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (headings[middle].start < offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found === -1 ? undefined : normalizeKey(model.text.slice(headings[found].start, headings[found].end));
}

/** The index in `normalized` of the first unit that comes from original offset `offset` or later. */
export function indexOfOriginal(normalized: NormalizedText, offset: number): number {
  let low = 0;
  let high = normalized.originalStart.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (normalized.originalStart[middle] < offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The text around one sentence; everything beyond the sentence is computed on first use and kept. */
export class Surroundings {
  /** NFKC of the sentence, with its offset map. */
  readonly sentence: NormalizedText;
  private sentenceCues?: Cue[];
  private paragraphText?: { text: string; sentenceAt: number; cues: Cue[] };
  private headingText?: { text: string | undefined };

  constructor(
    private readonly model: DocumentModel,
    private readonly headings: readonly Segment[],
    readonly start: number,
    readonly end: number,
  ) {
    this.sentence = normalize(model.text, start, end);
  }

  /** NFKC of the paragraph holding the sentence. */
  paragraph(): string {
    return this.paragraphData().text;
  }

  /** NFKC of the nearest heading above the sentence. */
  heading(): string | undefined {
    this.headingText ??= { text: headingBefore(this.model, this.headings, this.start) };
    return this.headingText.text;
  }

  /**
   * The side of a statement at `index` of the sentence: the sentence's nearest cue, else the paragraph's,
   * else the heading's, else the document context.
   */
  sideAt(index: number, context: DocumentContext): Side | undefined {
    this.sentenceCues ??= cuesIn(this.sentence.text);
    const inSentence = nearest(this.sentenceCues, index);
    if (inSentence) {
      return inSentence;
    }
    const paragraph = this.paragraphData();
    return nearest(paragraph.cues, paragraph.sentenceAt + index) ?? sideIn(this.heading() ?? '') ?? sideOfContext(context);
  }

  private paragraphData() {
    if (!this.paragraphText) {
      const [from, to] = paragraphAround(this.model.text, this.start, this.end);
      const normalized = normalize(this.model.text, from, to);
      this.paragraphText = { text: normalized.text, sentenceAt: indexOfOriginal(normalized, this.start), cues: cuesIn(normalized.text) };
    }
    return this.paragraphText;
  }
}

/**
 * Sentences of a scan in document order, reused while statements fall inside the last one: a statement
 * inside the previous sentence window gets the same Surroundings, so windows never overlap.
 */
export class SentenceCache {
  private last?: Surroundings;

  constructor(
    private readonly model: DocumentModel,
    private readonly headings: readonly Segment[] = headingsOf(model),
  ) {}

  /** The sentence around original `offset` in a segment of `kind`, and whether it is new. */
  at(offset: number, kind: SegmentKind): { around: Surroundings; fresh: boolean } {
    if (this.last && offset >= this.last.start && offset < this.last.end) {
      return { around: this.last, fresh: false };
    }
    const [start, end] = sentenceBounds(this.model.text, offset, kind);
    this.last = new Surroundings(this.model, this.headings, start, end);
    return { around: this.last, fresh: true };
  }
}
