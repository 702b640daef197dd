/** What a rule is and what it produces. Rules are pure: (document analysis) → findings. */

import type { ControlOccurrence, ServiceOccurrence, TermOccurrence } from '../context/mentions';
import type { DocumentContext, RegionMention } from '../context/types';
import type { DocumentModel } from '../document/model';
import type { Glossary } from '../glossary/glossary';
import type { Severity } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import type { Bilingual } from '../language';

export type { ControlOccurrence, ServiceOccurrence, TermOccurrence } from '../context/mentions';

export interface RuleInput {
  readonly model: DocumentModel;
  readonly knowledge: Knowledge;
  readonly glossary: Glossary;
  readonly terms: readonly TermOccurrence[];
  readonly services: readonly ServiceOccurrence[];
  readonly controls: readonly ControlOccurrence[];
  /** Cloud regions written in the document (us-east-1, Japan East …). */
  readonly regions: readonly RegionMention[];
  /** What kind of document this is and what it says about its system; computed once per version. */
  readonly context: DocumentContext;
}

/** The replacement a quick fix applies, carried with the finding. */
export interface FindingFix {
  /** The action's title in both languages; the LSP layer shows one. */
  readonly title: Bilingual;
  readonly replacement: string;
}

/** The usual fix: write `replacement` in place of the finding's text. */
export function replacementFix(replacement: string): FindingFix {
  return { title: { ja: `「${replacement}」に置き換える`, en: `Replace with "${replacement}"` }, replacement };
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  /**
   * One sentence in each language: what is wrong and what is right (at most 100 characters in Japanese, 160
   * in English). Reasons, clauses and sources belong on the rule page (docs/rules/<id>.md).
   */
  readonly message: Bilingual;
  readonly start: number;
  readonly end: number;
  readonly fix?: FindingFix;
}

export interface Rule {
  /** Stable, namespaced id, e.g. "term/variant"; its documentation is docs/rules/<id>.md. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /**
   * true for a rule that checks only what a specification requires (profile/schema), run only when the
   * document context has the procurement profile. The others run everywhere — a false fact is false in any
   * document — and grade their findings by the document's kind and sector where a requirement is involved.
   */
  readonly procurementOnly: boolean;
  /**
   * What its findings depend on, which decides what an edit makes it redo: 'section' — the text of the
   * section a finding is in (document/view.ts), the headings above it and the document context; 'document'
   * — anything in the document. test/unit/incremental.test.ts checks 'section' rules against fresh runs.
   */
  readonly scope: 'section' | 'document';
  /**
   * For a 'section' rule that also reads one fact from elsewhere in the document: that fact, as a string.
   * A section's findings are reused after an edit only while it is unchanged (and the context too).
   */
  documentKey?(input: RuleInput): string;
  /**
   * For a 'section' rule whose findings in one section depend on what other sections say (a service declared
   * ISMAP-LIU in one, given 機密性3 in another): what one section says, read from that section alone. The
   * engine keeps each section's facts across versions and gives check() the union of every section's; a
   * section's findings are reused only while that union is unchanged.
   */
  sectionFacts?(input: RuleInput): readonly string[];
  /** One line, shown in rule listings. */
  readonly description: string;
  /** `facts`: for a rule with sectionFacts, the union of every section's (the rule computes them itself when absent). */
  check(input: RuleInput, facts?: ReadonlySet<string>): Finding[];
}
