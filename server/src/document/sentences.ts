/**
 * Sentences: the unit in which rules look for a cue (「ISMAP … 9.2.1」, 「速報 … 5日」). A sentence ends at
 * 。．！？!? or at the end of the line — Markdown soft-wraps are not joined, matching how terms never span a
 * line break. A table row or a heading is one unit as a whole.
 */

import type { Segment } from './model';

/** A sentence is looked for at most this far either side of an offset (a bound for text with no punctuation). */
const MAX_REACH = 2000;

function isDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);
}

/** 。．！？!? end a sentence — but not a full-width period between digits (９．２．１). */
function isTerminatorAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 0xff0e) {
    return !(index > 0 && isDigit(text.charCodeAt(index - 1)) && index + 1 < text.length && isDigit(text.charCodeAt(index + 1)));
  }
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f;
}

/**
 * The sentence (or table row / heading line) around `offset`, as original offsets [start, end). Scans only
 * the sentence itself, and at most MAX_REACH characters either side, so it stays cheap on long lines.
 */
export function sentenceAround(text: string, offset: number, kind: Segment['kind']): [number, number] {
  const wholeLine = kind === 'table' || kind === 'heading' || kind === 'yaml-key' || kind === 'yaml-value' || kind === 'front-matter';
  const floor = Math.max(0, offset - MAX_REACH);
  const ceiling = Math.min(text.length, offset + MAX_REACH);
  let start = offset;
  while (start > floor) {
    const code = text.charCodeAt(start - 1);
    if (code === 0x0a || (!wholeLine && isTerminatorAt(text, start - 1))) {
      break;
    }
    start--;
  }
  let end = offset;
  while (end < ceiling) {
    const code = text.charCodeAt(end);
    if (code === 0x0a) {
      break;
    }
    end++;
    if (!wholeLine && isTerminatorAt(text, end - 1)) {
      return [start, end];
    }
  }
  if (end > start && text.charCodeAt(end - 1) === 0x0d) {
    end -= 1;
  }
  return [start, end];
}

/** Bounds of the line holding `offset`: [start, end) without the line break (and without a trailing \r). */
export function lineBounds(text: string, offset: number): { start: number; end: number } {
  const start = offset <= 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end === -1) {
    end = text.length;
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
