/** Lookups in ordered, non-overlapping ranges (code blocks, comments, example blocks …), by binary search. */

import type { TextRange } from './model';

/** The range holding `offset`; `inclusiveEnd` also takes an offset right at a range's end (a cursor after it). */
export function rangeAt<T extends TextRange>(ranges: readonly T[], offset: number, inclusiveEnd = false): T | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (offset < range.start) {
      high = middle - 1;
    } else if (offset > range.end || (offset === range.end && !inclusiveEnd)) {
      low = middle + 1;
    } else {
      return range;
    }
  }
  return undefined;
}

/** Whether `offset` falls in one of the ranges. */
export function inSortedRanges(ranges: readonly TextRange[], offset: number): boolean {
  return rangeAt(ranges, offset) !== undefined;
}
