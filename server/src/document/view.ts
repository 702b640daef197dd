/**
 * A document cut into its sections, and a view of the model restricted to one of them: the units of
 * incremental analysis. A Markdown section runs from a heading outside quotes and lists to the next such
 * heading (the text before the first heading is a section too); such a heading closes every open block, so
 * the blocks of a section depend on its own text and on the headings above it only. A YAML file is one section.
 */

import type { DocumentModel, TextRange } from './model';
import { shareNormalization } from './normalized';
import { firstStartingAt } from './ranges';
import type { CommonEnds } from '../text/edit';

export interface SectionSpan extends TextRange {
  /**
   * What the section's blocks depend on besides their text: the headings whose sections hold it, with their
   * levels (a block's heading path and a bad example marked by a heading come from them).
   */
  readonly headings: string;
  /**
   * What the section's model depends on: its text (as a short token, the same from version to version while
   * the text stays the same), its headings and the example flags of its blocks (an admonition left open above
   * may reach into it). Equal keys, equal segments, blocks and findings.
   */
  readonly key: string;
  /** Stands for the section's text: equal tokens, equal text. */
  readonly token: string;
}

const spansOf = new WeakMap<DocumentModel, readonly SectionSpan[]>();

let tokens = 0;
const newToken = () => `t${++tokens}`;

/** The sections of a document, covering it from its start to its end, in order (computed once per model). */
export function sectionSpans(model: DocumentModel): readonly SectionSpan[] {
  let spans = spansOf.get(model);
  if (!spans) {
    spans = computeSpans(model, () => newToken());
    spansOf.set(model, spans);
  }
  return spans;
}

/**
 * The sections of an edited version, computed now: a section that lies whole in the text the edit left
 * unchanged (before it or after it) and whose bounds were a section of the previous version keeps that
 * section's token, so the caches keyed by sections find it without comparing its text.
 */
export function sectionSpansAfterEdit(model: DocumentModel, previous: DocumentModel, { head, tail }: CommonEnds): readonly SectionSpan[] {
  const previousSpans = spansOf.get(previous);
  if (spansOf.has(model) || !previousSpans) {
    return sectionSpans(model);
  }
  const before = new Map<string, string>();
  const shift = model.text.length - previous.text.length;
  const tailStart = model.text.length - tail;
  for (const span of previousSpans) {
    if (span.end <= head || span.start >= tailStart - shift) {
      before.set(`${span.start}:${span.end}`, span.token);
    }
  }
  const spans = computeSpans(model, (start, end) => {
    const old = end <= head ? before.get(`${start}:${end}`) : start >= tailStart ? before.get(`${start - shift}:${end - shift}`) : undefined;
    return old ?? newToken();
  });
  spansOf.set(model, spans);
  return spans;
}

function computeSpans(model: DocumentModel, tokenOf: (start: number, end: number) => string): SectionSpan[] {
  const markdown = model.markdown;
  if (!markdown || markdown.headings.length === 0) {
    const token = tokenOf(0, model.text.length);
    return [{ start: 0, end: model.text.length, headings: '', token, key: `${token}\u0002` }];
  }
  const bounds: { start: number; end: number; headings: string }[] = [];
  const open: { level: number; text: string }[] = [];
  let start = 0;
  let headings = '';
  for (const heading of markdown.headings) {
    const headingStart = markdown.lines[heading.firstLine].start;
    if (headingStart > start) {
      bounds.push({ start, end: headingStart, headings });
    }
    while (open.length > 0 && open[open.length - 1].level >= heading.level) {
      open.pop();
    }
    open.push({ level: heading.level, text: model.text.slice(headingStart, markdown.lines[heading.lastLine].end) });
    headings = open.map((entry) => `${entry.level}\u0000${entry.text}`).join('\u0001');
    start = headingStart;
  }
  bounds.push({ start, end: model.text.length, headings });
  const { blocks } = markdown;
  let block = 0;
  return bounds.map((bound) => {
    let flags = '';
    for (; block < blocks.length && blocks[block].start < bound.end; block++) {
      flags += blocks[block].example ? '1' : '0';
    }
    const token = tokenOf(bound.start, bound.end);
    return { ...bound, token, key: `${token}\u0002${bound.headings}\u0002${flags}` };
  });
}

/** The index of the span holding `offset` (the last one for an offset at the very end). */
export function spanIndexAt(spans: readonly SectionSpan[], offset: number): number {
  return Math.max(0, firstStartingAt(spans, offset + 1) - 1);
}

/** The first index whose range ends after `offset` (ranges sorted by start, not overlapping each other). */
function firstEndingAfter(ranges: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = ranges.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle].end <= offset) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The ranges of a sorted, non-overlapping list that meet `[start, end)` (an empty range at `start` included). */
export function rangesIn<T extends TextRange>(ranges: readonly T[], start: number, end: number): readonly T[] {
  let first = firstEndingAfter(ranges, start);
  // An empty range at `start` (an empty heading, say) ends at `start`, not after it.
  while (first > 0 && ranges[first - 1].start >= start && ranges[first - 1].end === start) {
    first--;
  }
  let last = first;
  while (last < ranges.length && ranges[last].start < end) {
    last++;
  }
  return first === 0 && last === ranges.length ? ranges : ranges.slice(first, last);
}

/**
 * The model of `[start, end)` of a document: the same text (offsets stay those of the document), with only
 * the segments, blocks and ranges of that part. Lines, front matter and the YAML documents are the whole
 * document's. The view shares the document's normalisation.
 */
export function modelView(model: DocumentModel, start: number, end: number): DocumentModel {
  const markdown = model.markdown;
  const view: DocumentModel = {
    ...model,
    part: { start, end },
    segments: rangesIn(model.segments, start, end),
    scalars: rangesIn(model.scalars, start, end),
    comments: rangesIn(model.comments, start, end),
    // Example ranges may nest (a marked quote in a marked list): filtered one by one.
    examples: model.examples.filter((range) => range.end > start && range.start < end),
    markdown: markdown && {
      ...markdown,
      code: rangesIn(markdown.code, start, end),
      html: rangesIn(markdown.html, start, end),
      codeSpans: rangesIn(markdown.codeSpans, start, end),
      blocks: rangesIn(markdown.blocks, start, end),
    },
  };
  shareNormalization(view, model);
  return view;
}
