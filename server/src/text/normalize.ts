/**
 * NFKC normalisation with an offset map back to the original text.
 *
 * Japanese documents mix full-width and half-width forms (ＩＳＭＡＰ, ９．１．１, ｶﾞﾊﾞﾒﾝﾄ), so every match is
 * made on NFKC-normalised text. NFKC can change lengths and merge characters (ｶ + ﾞ → ガ), so the text is
 * normalised one cluster at a time — a code point plus the combining marks that follow it — and every
 * UTF-16 unit of the result remembers the original cluster it came from. A cluster is never split, so a
 * mapped range never cuts a surrogate pair.
 */

import { commonEnds } from './edit';

export interface NormalizedText {
  /** The NFKC form of the input range. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: the original offset where its source cluster starts. */
  readonly originalStart: Uint32Array;
  /** For each UTF-16 unit of `text`: the original offset just past its source cluster. */
  readonly originalEnd: Uint32Array;
}

const nfkcCache = new Map<string, string>();

function nfkc(cluster: string): string {
  let normalized = nfkcCache.get(cluster);
  if (normalized === undefined) {
    normalized = cluster.normalize('NFKC');
    if (nfkcCache.size < 50_000) {
      nfkcCache.set(cluster, normalized);
    }
  }
  return normalized;
}

/** Marks that NFKC may merge into the preceding character. */
function isCombining(codePoint: number): boolean {
  return (
    (codePoint >= 0x0300 && codePoint <= 0x036f) ||
    codePoint === 0x3099 || codePoint === 0x309a || // combining (han)dakuten
    codePoint === 0xff9e || codePoint === 0xff9f || // half-width (han)dakuten
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || // variation selectors
    (codePoint >= 0xe0100 && codePoint <= 0xe01ef)
  );
}

function codePointLength(codePoint: number): number {
  return codePoint > 0xffff ? 2 : 1;
}

/** Per BMP code unit: 0 not yet known, 1 NFKC leaves it as it is, 2 NFKC changes it. */
const STABILITY = new Uint8Array(0x10000);

function isStable(code: number): boolean {
  let stability = STABILITY[code];
  if (stability === 0) {
    const char = String.fromCharCode(code);
    stability = char.normalize('NFKC') === char ? 1 : 2;
    STABILITY[code] = stability;
  }
  return stability === 1;
}

/** Normalises `original[start, end)`. Offsets in the map are offsets into `original`. */
export function normalize(original: string, start = 0, end = original.length): NormalizedText {
  const parts: string[] = [];
  // Most text maps one to one; the arrays grow only when NFKC expands a cluster.
  let capacity = end - start + 16;
  let originalStart = new Uint32Array(capacity);
  let originalEnd = new Uint32Array(capacity);
  let length = 0;
  /** Start of the current run of characters that NFKC leaves unchanged (copied as one slice). */
  let runStart = start;

  let index = start;
  while (index < end) {
    const code = original.charCodeAt(index);
    const nextIsMark = index + 1 < end && isCombining(original.codePointAt(index + 1)!);
    // Fast path: a BMP character that NFKC keeps and that no following mark can merge with.
    if ((code < 0x80 || (!(code >= 0xd800 && code <= 0xdfff) && isStable(code))) && !nextIsMark) {
      originalStart[length] = index;
      originalEnd[length] = index + 1;
      length += 1;
      index += 1;
      continue;
    }
    if (runStart < index) {
      parts.push(original.slice(runStart, index));
    }
    const clusterStart = index;
    index += codePointLength(original.codePointAt(index)!);
    while (index < end) {
      const mark = original.codePointAt(index)!;
      if (!isCombining(mark)) {
        break;
      }
      index += codePointLength(mark);
    }
    const normalized = nfkc(original.slice(clusterStart, index));
    if (length + normalized.length > capacity) {
      ({ capacity, originalStart, originalEnd } = grow(originalStart, originalEnd, length + normalized.length + (end - index)));
    }
    parts.push(normalized);
    for (let unit = 0; unit < normalized.length; unit++) {
      originalStart[length] = clusterStart;
      originalEnd[length] = index;
      length += 1;
    }
    runStart = index;
  }
  if (runStart < end) {
    parts.push(original.slice(runStart, end));
  }

  return {
    text: parts.length === 1 ? parts[0] : parts.join(''),
    originalStart: originalStart.subarray(0, length),
    originalEnd: originalEnd.subarray(0, length),
  };
}

function grow(starts: Uint32Array, ends: Uint32Array, needed: number) {
  const capacity = Math.max(needed, starts.length * 2);
  const newStarts = new Uint32Array(capacity);
  const newEnds = new Uint32Array(capacity);
  newStarts.set(starts);
  newEnds.set(ends);
  return { capacity, originalStart: newStarts, originalEnd: newEnds };
}

/** NFKC of a whole key (a glossary spelling); used when compiling the glossary. */
export function normalizeKey(key: string): string {
  return normalize(key).text;
}

/** The index of the first normalised unit that comes from original offset `offset` or later (binary search). */
export function normalizedIndex(normalized: NormalizedText, offset: number): number {
  const starts = normalized.originalStart;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (starts[middle] < offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * The normalisation of `original`, an edited version of `previousOriginal` whose normalisation is `previous`:
 * only the lines between the unchanged head and tail are normalised again, the rest is copied (offsets past
 * the edit shifted). Equal to `normalize(original)`: the text is cut just before a line break on each side,
 * and a line break never joins a cluster with what precedes it, so clusters on either side are unchanged.
 */
export function renormalize(previousOriginal: string, previous: NormalizedText, original: string): NormalizedText {
  const { head, tail } = commonEnds(previousOriginal, original);
  if (head === original.length && head === previousOriginal.length) {
    return previous;
  }
  // The cuts: the last line break in the unchanged head, the first in the unchanged tail (else the text's ends).
  const cutStart = Math.max(0, original.lastIndexOf('\n', head - 1));
  const tailStart = original.length - tail;
  const lineBreak = original.indexOf('\n', tailStart);
  const cutEnd = lineBreak === -1 ? original.length : lineBreak;
  const shift = original.length - previousOriginal.length;
  const middle = normalize(original, cutStart, cutEnd);
  const headUnits = normalizedIndex(previous, cutStart);
  const tailUnits = normalizedIndex(previous, cutEnd - shift);
  const length = headUnits + middle.text.length + (previous.text.length - tailUnits);
  const originalStart = new Uint32Array(length);
  const originalEnd = new Uint32Array(length);
  originalStart.set(previous.originalStart.subarray(0, headUnits));
  originalEnd.set(previous.originalEnd.subarray(0, headUnits));
  originalStart.set(middle.originalStart, headUnits);
  originalEnd.set(middle.originalEnd, headUnits);
  for (let from = tailUnits, to = headUnits + middle.text.length; from < previous.text.length; from++, to++) {
    originalStart[to] = previous.originalStart[from] + shift;
    originalEnd[to] = previous.originalEnd[from] + shift;
  }
  return {
    text: previous.text.slice(0, headUnits) + middle.text + previous.text.slice(tailUnits),
    originalStart,
    originalEnd,
  };
}
