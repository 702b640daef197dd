/**
 * Sentences: the unit in which rules look for a cue (「ISMAP … 9.2.1」, 「速報 … 5日」). A sentence ends at
 * 。．！？!? or at the end of the line — Markdown soft-wraps are not joined, matching how terms never span a
 * line break. A table row or a heading is one unit as a whole.
 */

import type { Segment } from './model';

/** The sentence (or table row / heading line) around `offset`, as original offsets [start, end). */
export function sentenceAround(text: string, offset: number, kind: Segment['kind']): [number, number] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd === -1) {
    lineEnd = text.length;
  }
  if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 0x0d) {
    lineEnd -= 1;
  }
  if (kind === 'table' || kind === 'heading' || kind === 'yaml-key' || kind === 'yaml-value' || kind === 'front-matter') {
    return [lineStart, lineEnd];
  }
  const terminator = /[。．！？!?]/g;
  terminator.lastIndex = lineStart;
  let start = lineStart;
  let match: RegExpExecArray | null;
  while ((match = terminator.exec(text)) && match.index < lineEnd) {
    if (match.index < offset) {
      start = match.index + 1;
    } else {
      return [start, match.index + 1];
    }
  }
  return [start, lineEnd];
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
