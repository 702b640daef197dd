/** Comparing and keeping text across versions of a document. */

/** Below this length a range is compared one character at a time. */
const CHUNK = 256;

/** The lengths of the common head and tail of two versions of a text. */
export interface CommonEnds {
  readonly head: number;
  readonly tail: number;
}

/**
 * Where two versions of a text differ: the lengths of their common head and tail (never overlapping).
 * Ranges are compared as slices, doubling while they are equal and halving after, so a long unchanged
 * part costs a few native comparisons rather than a loop over its characters.
 */
export function commonEnds(before: string, after: string): CommonEnds {
  const shorter = Math.min(before.length, after.length);
  const head = equalLength(shorter, (from, to) => before.slice(from, to) === after.slice(from, to), (at) => before.charCodeAt(at) === after.charCodeAt(at));
  const room = shorter - head;
  const tail = equalLength(
    room,
    (from, to) => before.slice(before.length - to, before.length - from) === after.slice(after.length - to, after.length - from),
    (at) => before.charCodeAt(before.length - 1 - at) === after.charCodeAt(after.length - 1 - at),
  );
  return { head, tail };
}

/** The length of the longest equal run from 0 up to `limit`, given a comparison of ranges and of single positions. */
function equalLength(limit: number, rangeEqual: (from: number, to: number) => boolean, unitEqual: (at: number) => boolean): number {
  let length = 0;
  let step = CHUNK;
  while (length + step <= limit && rangeEqual(length, length + step)) {
    length += step;
    step *= 2;
  }
  for (step >>= 1; step >= CHUNK; step >>= 1) {
    if (length + step <= limit && rangeEqual(length, length + step)) {
      length += step;
    }
  }
  while (length < limit && unitEqual(length)) {
    length++;
  }
  return length;
}

/**
 * A copy of `part` that does not keep the text it was cut from alive. V8 makes a slice of 13 or more
 * characters a view of its parent string, so a short name kept from one version of a document (a mention,
 * a message, a heading title reused after an edit) would hold that whole version in memory.
 */
export function detach(part: string): string {
  return part.length < 13 ? part : ` ${part}`.slice(1);
}
