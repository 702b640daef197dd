/**
 * NFKC normalisation with an offset map back to the original text.
 *
 * Japanese documents mix full-width and half-width forms (ＩＳＭＡＰ, ９．１．１, ｶﾞﾊﾞﾒﾝﾄ), so every match is
 * made on NFKC-normalised text. NFKC can change lengths and merge characters (ｶ + ﾞ → ガ), so the text is
 * normalised one cluster at a time — a code point plus the combining marks that follow it — and every
 * UTF-16 unit of the result remembers the original cluster it came from. A cluster is never split, so a
 * mapped range never cuts a surrogate pair.
 */

import { commonEnds, type CommonEnds } from './edit';

export interface NormalizedText {
  /** The NFKC form of the input range. */
  readonly text: string;
  /** The original offset where the source cluster of unit `index` of `text` starts (`index` within `text`). */
  startOf(index: number): number;
  /** The original offset just past the source cluster of unit `index` of `text` (`index` within `text`). */
  endOf(index: number): number;
  /** The index of the first unit of `text` that comes from original offset `offset` or later (`text.length` if none). */
  indexAt(offset: number): number;
  /** Units `[from, to)` of `text`, with their offset map. */
  slice(from: number, to: number): NormalizedText;
}

function checkIndex(index: number, length: number): void {
  if (!(index >= 0 && index < length)) {
    throw new RangeError(`normalised index ${index} outside 0..${length - 1}`);
  }
}

/**
 * The offset map as runs. Most text maps one unit to one original unit (full-width forms included), so a
 * run of such units is one entry; a cluster whose form differs in length (ｶﾞ → ガ, ㈱ → (株), a surrogate
 * pair) is a run of its own whose units all map to the whole cluster. Memory and the work of shifting the
 * map after an edit grow with the number of runs, not with the text.
 */
class RunMap implements NormalizedText {
  /** Per run: its first unit in `text`, increasing. */
  private readonly units: number[] = [];
  /** Per run: the original offset of its first unit, increasing. */
  private readonly origins: number[] = [];
  /** Per run: the end of its cluster, or -1 for a run of units that each map to one original unit. */
  private readonly clusterEnds: number[] = [];
  /** The run last looked up (reads are mostly sequential). */
  private lastRun = 0;
  text = '';

  /** Appends units mapping one to one from `origin` on (merged with the last run when it continues it). */
  appendOneToOne(unit: number, origin: number): void {
    const last = this.units.length - 1;
    if (last >= 0 && this.clusterEnds[last] === -1 && this.origins[last] + (unit - this.units[last]) === origin) {
      return;
    }
    this.units.push(unit);
    this.origins.push(origin);
    this.clusterEnds.push(-1);
  }

  /** Appends the units of one cluster `[origin, clusterEnd)`. */
  appendCluster(unit: number, origin: number, clusterEnd: number, length: number): void {
    if (length === 1 && clusterEnd - origin === 1) {
      this.appendOneToOne(unit, origin);
      return;
    }
    this.units.push(unit);
    this.origins.push(origin);
    this.clusterEnds.push(clusterEnd);
  }

  /** Appends the runs of `source` covering its units `[from, to)`, at unit `unit` and original offsets moved by `shift`. */
  appendFrom(source: RunMap, from: number, to: number, unit: number, shift: number): void {
    if (from >= to) {
      return;
    }
    for (let run = source.runAt(from); run < source.units.length && source.units[run] < to; run++) {
      const first = Math.max(from, source.units[run]);
      const at = unit + (first - from);
      const clusterEnd = source.clusterEnds[run];
      if (clusterEnd === -1) {
        this.appendOneToOne(at, source.origins[run] + (first - source.units[run]) + shift);
      } else {
        this.units.push(at);
        this.origins.push(source.origins[run] + shift);
        this.clusterEnds.push(clusterEnd + shift);
      }
    }
  }

  /** The run holding unit `index`. */
  private runAt(index: number): number {
    const { units } = this;
    let run = this.lastRun;
    if (run < units.length && units[run] <= index && (run + 1 === units.length || units[run + 1] > index)) {
      return run;
    }
    let low = 0;
    let high = units.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (units[middle] <= index) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    run = low;
    this.lastRun = run;
    return run;
  }

  startOf(index: number): number {
    checkIndex(index, this.text.length);
    const run = this.runAt(index);
    return this.clusterEnds[run] === -1 ? this.origins[run] + (index - this.units[run]) : this.origins[run];
  }

  endOf(index: number): number {
    checkIndex(index, this.text.length);
    const run = this.runAt(index);
    const clusterEnd = this.clusterEnds[run];
    return clusterEnd === -1 ? this.origins[run] + (index - this.units[run]) + 1 : clusterEnd;
  }

  indexAt(offset: number): number {
    const { origins, units } = this;
    // The first run starting at or after `offset`; a one-to-one run before it may reach `offset`.
    let low = 0;
    let high = origins.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (origins[middle] < offset) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    const before = low - 1;
    if (before >= 0 && this.clusterEnds[before] === -1) {
      const runEnd = low < units.length ? units[low] : this.text.length;
      const unit = units[before] + (offset - origins[before]);
      if (unit < runEnd) {
        return unit;
      }
    }
    return low < units.length ? units[low] : this.text.length;
  }

  slice(from: number, to: number): NormalizedText {
    return new MapWindow(this, from, Math.max(from, to));
  }
}

/** Units `[from, to)` of a normalised text, indexed from 0. */
class MapWindow implements NormalizedText {
  readonly text: string;

  constructor(
    private readonly whole: NormalizedText,
    private readonly from: number,
    private readonly to: number,
  ) {
    this.text = whole.text.slice(from, to);
  }

  startOf(index: number): number {
    checkIndex(index, this.to - this.from);
    return this.whole.startOf(this.from + index);
  }

  endOf(index: number): number {
    checkIndex(index, this.to - this.from);
    return this.whole.endOf(this.from + index);
  }

  indexAt(offset: number): number {
    return Math.min(this.to, Math.max(this.from, this.whole.indexAt(offset))) - this.from;
  }

  slice(from: number, to: number): NormalizedText {
    return new MapWindow(this.whole, this.from + from, this.from + Math.max(from, to));
  }
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
  const map = new RunMap();
  map.text = normalizeInto(map, 0, original, start, end);
  return map;
}

/** Normalises `original[start, end)` into `map` from its unit `unit` on; returns the normalised text. */
function normalizeInto(map: RunMap, unit: number, original: string, start: number, end: number): string {
  const parts: string[] = [];
  let length = unit;
  /** Start of the current run of characters that NFKC leaves unchanged (copied as one slice). */
  let runStart = start;
  /** Whether the map's last run is one to one up to here (else the next such unit opens or continues one). */
  let oneToOne = false;

  let index = start;
  while (index < end) {
    const code = original.charCodeAt(index);
    const nextIsMark = index + 1 < end && isCombining(original.codePointAt(index + 1)!);
    // Fast path: a BMP character that NFKC keeps and that no following mark can merge with.
    if ((code < 0x80 || (!(code >= 0xd800 && code <= 0xdfff) && isStable(code))) && !nextIsMark) {
      if (!oneToOne) {
        map.appendOneToOne(length, index);
        oneToOne = true;
      }
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
    parts.push(normalized);
    if (normalized.length > 0) {
      map.appendCluster(length, clusterStart, index, normalized.length);
    }
    length += normalized.length;
    runStart = index;
    oneToOne = false;
  }
  if (runStart < end) {
    parts.push(original.slice(runStart, end));
  }
  return parts.length === 1 ? parts[0] : parts.join('');
}

/** NFKC of a whole key (a glossary spelling); used when compiling the glossary. */
export function normalizeKey(key: string): string {
  return normalize(key).text;
}

/** The index of the first normalised unit that comes from original offset `offset` or later. */
export function normalizedIndex(normalized: NormalizedText, offset: number): number {
  return normalized.indexAt(offset);
}

/**
 * The normalisation of `original`, an edited version of `previousOriginal` whose normalisation is `previous`:
 * only the lines between the unchanged head and tail are normalised again, the rest is copied (offsets past
 * the edit shifted). Equal to `normalize(original)`: the text is cut just before a line break on each side,
 * and a line break never joins a cluster with what precedes it, so clusters on either side are unchanged.
 */
export function renormalize(
  previousOriginal: string,
  previous: NormalizedText,
  original: string,
  { head, tail }: CommonEnds = commonEnds(previousOriginal, original),
): NormalizedText {
  if (head === original.length && head === previousOriginal.length) {
    return previous;
  }
  if (!(previous instanceof RunMap)) {
    return normalize(original);
  }
  // The cuts: the last line break in the unchanged head, the first in the unchanged tail (else the text's ends).
  const cutStart = Math.max(0, original.lastIndexOf('\n', head - 1));
  const tailStart = original.length - tail;
  const lineBreak = original.indexOf('\n', tailStart);
  const cutEnd = lineBreak === -1 ? original.length : lineBreak;
  const shift = original.length - previousOriginal.length;
  const headUnits = previous.indexAt(cutStart);
  const tailUnits = previous.indexAt(cutEnd - shift);
  const map = new RunMap();
  map.appendFrom(previous, 0, headUnits, 0, 0);
  const middle = normalizeInto(map, headUnits, original, cutStart, cutEnd);
  map.appendFrom(previous, tailUnits, previous.text.length, headUnits + middle.length, shift);
  map.text = previous.text.slice(0, headUnits) + middle + previous.text.slice(tailUnits);
  return map;
}
