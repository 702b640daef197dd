/** Comparing and keeping text across versions of a document. */

/** Compared a chunk at a time first: one native comparison of two slices beats a loop over characters. */
const CHUNK = 1024;

/** Where two versions of a text differ: the lengths of their common head and tail (never overlapping). */
export function commonEnds(before: string, after: string): { head: number; tail: number } {
  const shorter = Math.min(before.length, after.length);
  let head = 0;
  while (head + CHUNK <= shorter && before.slice(head, head + CHUNK) === after.slice(head, head + CHUNK)) {
    head += CHUNK;
  }
  while (head < shorter && before.charCodeAt(head) === after.charCodeAt(head)) {
    head++;
  }
  const room = shorter - head;
  let tail = 0;
  while (tail + CHUNK <= room && before.slice(before.length - tail - CHUNK, before.length - tail) === after.slice(after.length - tail - CHUNK, after.length - tail)) {
    tail += CHUNK;
  }
  while (tail < room && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) {
    tail++;
  }
  return { head, tail };
}

/**
 * A copy of `part` that does not keep the text it was cut from alive. V8 makes a slice of 13 or more
 * characters a view of its parent string, so a short name kept from one version of a document (a mention,
 * a message, a heading title reused after an edit) would hold that whole version in memory.
 */
export function detach(part: string): string {
  return part.length < 13 ? part : ` ${part}`.slice(1);
}
