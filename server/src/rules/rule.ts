/** What a rule is and what it produces. Rules are pure: (document analysis) → findings. */

import type { Glossary } from '../glossary/glossary';
import type { CompiledSpelling, Severity, TermEntry } from '../glossary/types';
import type { DocumentModel, SegmentKind } from '../document/model';

/** A glossary term found in the document. */
export interface TermOccurrence {
  /** Offsets in the original text (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  /** The text as written in the document. */
  readonly surface: string;
  readonly spelling: CompiledSpelling;
  readonly term: TermEntry;
  readonly segmentKind: SegmentKind;
}

export interface RuleInput {
  readonly model: DocumentModel;
  readonly glossary: Glossary;
  readonly terms: readonly TermOccurrence[];
}

/** The replacement a quick fix applies, carried with the finding. */
export interface FindingFix {
  readonly title: string;
  readonly replacement: string;
}

export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  readonly start: number;
  readonly end: number;
  readonly fix?: FindingFix;
}

export interface Rule {
  /** Stable, namespaced id, e.g. "term/variant"; its documentation is docs/rules/<id>.md. */
  readonly id: string;
  readonly defaultSeverity: Severity;
  /** One line, shown in rule listings. */
  readonly description: string;
  check(input: RuleInput): Finding[];
}
