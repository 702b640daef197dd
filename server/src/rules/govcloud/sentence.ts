/**
 * Helpers shared by the govcloud/* and domain/* rules: the sentence a mention sits in, joined across the
 * soft line breaks of a Markdown paragraph (「リージョンは\nus-east-1 とする。」). A sentence ends at 。．！？!?
 * or at the end of the line, as in document/sentences.ts, and a table row, heading or YAML scalar line is
 * one unit. Every scan is bounded (WINDOW characters each way, three lines each way), so a rule that asks
 * for the sentence of each mention stays linear even on a megabyte written as one line.
 */

import type { DocumentModel, Segment } from '../../document/model';
import { segmentAt } from '../../document/sentences';

/** At most this many characters are looked at on each side of a mention. */
const WINDOW = 400;
/** Soft-wrapped lines joined at most this far each way. */
const MAX_WRAPPED_LINES = 3;

const isTerminator = (code: number) =>
  code === 0x3002 /* 。 */ || code === 0xff0e /* ． */ || code === 0xff01 /* ！ */ || code === 0xff1f /* ？ */ || code === 0x21 /* ! */ || code === 0x3f; /* ? */

interface Bound {
  /** The offset found. */
  readonly at: number;
  /** true when it is a line boundary (not a terminator or the window's edge). */
  readonly lineEdge: boolean;
}

/** The start of the unit holding `offset`: after a terminator (prose only) or at the line start, within the window. */
function unitStart(text: string, offset: number, prose: boolean): Bound {
  const limit = Math.max(0, offset - WINDOW);
  for (let index = offset - 1; index >= limit; index--) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      return { at: index + 1, lineEdge: true };
    }
    if (prose && isTerminator(code)) {
      return { at: index + 1, lineEdge: false };
    }
  }
  return { at: limit, lineEdge: limit === 0 };
}

/** The end of the unit holding `offset`: just past a terminator (prose only) or at the line end, within the window. */
function unitEnd(text: string, offset: number, prose: boolean): Bound {
  const limit = Math.min(text.length, offset + WINDOW);
  for (let index = offset; index < limit; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a) {
      return { at: index > 0 && text.charCodeAt(index - 1) === 0x0d ? index - 1 : index, lineEdge: true };
    }
    if (prose && isTerminator(code)) {
      return { at: index + 1, lineEdge: false };
    }
  }
  return { at: limit, lineEdge: limit === text.length };
}

type LineKind = 'text' | 'item' | 'quote' | 'block';

/** What a line starts: a list item, a quote, another block (heading, table row, fence) or plain text. */
function lineKind(content: string): LineKind {
  if (/^\s{0,3}>/.test(content)) {
    return 'quote';
  }
  if (/^\s*(?:[-+*]|\d{1,9}[.)])(?:\s|$)/.test(content)) {
    return 'item';
  }
  return /^\s*(?:#|\||```|~~~|---)/.test(content) ? 'block' : 'text';
}

/** Whether [start, end) holds a prose segment (binary search over the ordered segments). */
function hasProse(segments: readonly Segment[], start: number, end: number): boolean {
  let low = 0;
  let high = segments.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (segments[middle].end <= start) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  for (let index = low; index < segments.length && segments[index].start < end; index++) {
    if (segments[index].kind === 'prose') {
      return true;
    }
  }
  return false;
}

/** A whole line [start, end) if it is at most WINDOW long, else undefined (too long to be a soft-wrapped line). */
function shortLine(text: string, start: number): [number, number] | undefined {
  const end = unitEnd(text, start, false);
  return end.lineEdge ? [start, end.at] : undefined;
}

/**
 * Whether the line `next` continues the paragraph of the line `previous` (both prose): plain text continues
 * anything but a heading, table row or fence; a quote line continues a quote.
 */
function continues(model: DocumentModel, previous: [number, number], next: [number, number]): boolean {
  const previousContent = model.text.slice(previous[0], previous[1]);
  const nextContent = model.text.slice(next[0], next[1]);
  if (previousContent.trim() === '' || nextContent.trim() === '' || /[。．！？!?]\s*$/.test(previousContent)) {
    return false;
  }
  const previousKind = lineKind(previousContent);
  const nextKind = lineKind(nextContent);
  const joinable = previousKind !== 'block' && (nextKind === 'text' || (nextKind === 'quote' && previousKind === 'quote'));
  return joinable && hasProse(model.segments, previous[0], previous[1]) && hasProse(model.segments, next[0], next[1]);
}

/**
 * The sentence holding [start, end): from the sentence start before `start` to the sentence end after `end`.
 * In Markdown prose the sentence is followed across soft line breaks, up to three lines each way, while a
 * line does not end with 。．！？ and the neighbouring line continues the same paragraph.
 */
export function sentenceSpan(model: DocumentModel, start: number, end: number): [number, number] {
  const text = model.text;
  const kind = segmentAt(model.segments, start)?.kind ?? 'prose';
  const prose = kind === 'prose';
  let first = unitStart(text, start, prose);
  let last = unitEnd(text, Math.max(start, end), prose);
  if (!prose) {
    return [first.at, last.at];
  }
  // Backwards, while the sentence starts its line and the previous line runs into it.
  for (let step = 0; step < MAX_WRAPPED_LINES && first.lineEdge && first.at > 0; step++) {
    const lineEnd = unitEnd(text, first.at, false);
    const previousStart = unitStart(text, first.at - 1, false);
    const previousEnd = first.at - 1 > 0 && text.charCodeAt(first.at - 2) === 0x0d ? first.at - 2 : first.at - 1;
    if (!lineEnd.lineEdge || !previousStart.lineEdge || !continues(model, [previousStart.at, previousEnd], [first.at, lineEnd.at])) {
      break;
    }
    first = unitStart(text, previousEnd, true);
  }
  // Forwards, while the sentence ends its line without a terminator and the next line continues it.
  for (let step = 0; step < MAX_WRAPPED_LINES && last.lineEdge && last.at < text.length; step++) {
    const lineStart = unitStart(text, last.at, false);
    const newline = text.indexOf('\n', last.at);
    const next = newline === -1 ? undefined : shortLine(text, newline + 1);
    if (!lineStart.lineEdge || !next || !continues(model, [lineStart.at, last.at], next)) {
      break;
    }
    last = unitEnd(text, next[0], true);
  }
  return [first.at, last.at];
}

/** The keys above a YAML / front-matter scalar (a value's own key included), or undefined in prose. */
export function keyPathAt(model: DocumentModel, offset: number): readonly string[] | undefined {
  return segmentAt(model.segments, offset)?.keyPath;
}
