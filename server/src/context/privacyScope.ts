/**
 * Shared by the privacy/* rules: the text around a statement (its sentence, clause, paragraph and heading)
 * and which side of the APPI the statement is about — 行政機関等 and 保有個人情報 ("public"), or a private
 * business and 個人データ ("private").
 *
 * A statement's side comes from the nearest cue in its sentence (a preceding cue wins over a following one),
 * then the last cue of its paragraph before it (a list's lead-in, an earlier sentence), then the nearest heading above it, then
 * from the document context (`context.sector`). Bare 「事業者」 is not a private-sector cue: government
 * specifications call their contractor 受託事業者.
 *
 * Everything here looks at a bounded window around the statement (SENTENCE_LIMIT, PARAGRAPH_LIMIT), so the
 * rules stay linear even on a one-line file with thousands of statements.
 */

import { normalizedRange } from '../document/normalized';
import type { DocumentContext } from './types';
import type { DocumentModel } from '../document/model';
import { blockAt } from '../document/blocks';
import { headingPath } from '../document/model';
import { enclosingQuotations } from './quotations';
import { CORRECTION, isQuizChoice, isRefutedQuotation, MISCONCEPTION, onlyAsked } from './claims';
import { paragraphAt, sentenceAt } from '../document/sentences';
import { normalizedIndex, normalizeKey, type NormalizedText } from '../text/normalize';

export type Side = 'public' | 'private';

const PUBLIC_CUE =
  /保有個人情報|行政機関|地方公共団体|独立行政法人|公的部門|法第68条|規則第43条|\b(?:administrative organs?|local (?:public )?governments?|public bodies|public sector|retained personal information|Article 68|the (?:prefecture|city|ward|town|village|municipality|ministry|agency)(?=\s+(?:reports?|notifies|must|shall|will)\b))\b/gi;
const PRIVATE_CUE =
  /個人データ|民間|個人情報取扱事業者|法第26条|規則第7条|\b(?:private[- ]sector|private (?:company|companies|business(?:es)?)|business operators?|handling business|our company|the company|personal data under (?:the )?APPI|Article 26)\b/gi;

/** A clause separator at the start of the tested text (NFKC); the comma inside 1,000 is not one. */
const CLAUSE_SEPARATOR = /^(?:[、;]|,(?!\d{3}))/;

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

/** A heading over text quoted to be corrected: 「原文の抜粋（修正前）」, 「指摘箇所」. */
const QUOTED_ORIGINAL_HEADING = /修正前|原文|指摘箇所|指摘事項|誤記/;


/**
 * Whether `[start, end)` is not the writer's own claim: someone else's words quoted to be corrected (inside
 * 「…」 or 『…』 in a sentence or table row that corrects it, or in a blockquote under a heading that presents
 * the quoted original: 修正前, 原文), a quotation refuted right after it (「…」これは誤りです), a misconception
 * reported as one (…という誤解が多い) or a negated value
 * (1,000人ではなく), or an answer option of a quiz (a wrong option is meant to be wrong).
 */
export function isNotAClaim(model: DocumentModel, start: number, end: number): boolean {
  const line = sentenceAt(model, start);
  const block = blockAt(model, start);
  if (isQuizChoice(model, start) || onlyAsked(model, start)) {
    return true;
  }
  if (MISCONCEPTION.test(model.text.slice(line.start, line.end)) || isRefutedQuotation(model, start, end)) {
    return true;
  }
  if (enclosingQuotations(model, start, end).some((quotation) => quotation.kind !== 'double-quote')) {
    // The row or sentence corrects it, or the table column holds originals (| 原文 | 指摘 |).
    if (CORRECTION.test(model.text.slice(line.start, line.end)) || QUOTED_ORIGINAL_HEADING.test(block?.table?.headerText ?? '')) {
      return true;
    }
  }
  return !!block && block.quoteDepth > 0 && headingPath(block.section).some((title) => QUOTED_ORIGINAL_HEADING.test(title));
}

/** The text around one sentence; everything beyond the sentence is computed on first use and kept. */
export class Surroundings {
  /** NFKC of the sentence, with its offset map. */
  readonly sentence: NormalizedText;
  private sentenceCues?: Cue[];
  private paragraphText?: { text: string; sentenceAt: number; cues: Cue[] };
  private headingText?: { text: string | undefined };
  private headingPathText?: string;

  constructor(
    private readonly model: DocumentModel,
    readonly start: number,
    readonly end: number,
    /** The statement's own offset inside the sentence (a table row's sentence starts before its first cell). */
    private readonly anchor: number = start,
  ) {
    this.sentence = normalizedRange(model, start, end);
  }

  /** NFKC of the paragraph holding the sentence. */
  paragraph(): string {
    return this.paragraphData().text;
  }

  /** NFKC of the nearest heading above the sentence. */
  heading(): string | undefined {
    const title = blockAt(this.model, this.anchor)?.section?.title;
    this.headingText ??= { text: title === undefined ? undefined : normalizeKey(title) };
    return this.headingText.text;
  }

  /** NFKC of every heading above the sentence, outermost first, joined: the document's title names its subject. */
  headings(): string {
    this.headingPathText ??= normalizeKey(headingPath(blockAt(this.model, this.anchor)?.section).join('\n'));
    return this.headingPathText;
  }

  /**
   * The side of a statement at `index` of the sentence: the sentence's nearest cue, else the paragraph's,
   * else the heading's, else an outer heading's (the document's title: 'Personal Data Breach Response Policy'), else
   * the document context.
   */
  sideAt(index: number, context: DocumentContext): Side | undefined {
    this.sentenceCues ??= cuesIn(this.sentence.text);
    const inSentence = nearest(this.sentenceCues, index);
    if (inSentence) {
      return inSentence;
    }
    // In the paragraph only what comes before the sentence (a lead-in, an earlier line): a cue in a later
    // sentence is about that sentence (「…100人を超える漏えい等を報告する。なお、民間事業者の場合は…」).
    const paragraph = this.paragraphData();
    const before = paragraph.cues.filter((cue) => cue.at < paragraph.sentenceAt);
    return nearest(before, paragraph.sentenceAt) ?? sideIn(this.heading() ?? '') ?? sideIn(this.headings()) ?? sideOfContext(context);
  }

  private paragraphData() {
    if (!this.paragraphText) {
      const { start: from, end: to } = paragraphAt(this.model, this.anchor);
      const normalized = normalizedRange(this.model, from, to);
      this.paragraphText = { text: normalized.text, sentenceAt: normalizedIndex(normalized, this.start), cues: cuesIn(normalized.text) };
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

  constructor(private readonly model: DocumentModel) {}

  /** The sentence around original `offset`, and whether it is new. */
  at(offset: number): { around: Surroundings; fresh: boolean } {
    if (this.last && offset >= this.last.start && offset < this.last.end) {
      return { around: this.last, fresh: false };
    }
    const { start, end } = sentenceAt(this.model, offset);
    this.last = new Surroundings(this.model, start, end, offset);
    return { around: this.last, fresh: true };
  }
}
