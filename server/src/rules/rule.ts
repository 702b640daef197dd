/** What a rule is and what it produces. Rules are pure: (document analysis) → findings. */

import type { ControlReference as CatalogueLookup } from '../catalogues/catalogues';
import type { DocumentContext, RegionMention } from '../context/types';
import type { ControlReference } from '../document/controlRefs';
import type { DocumentModel, SegmentKind } from '../document/model';
import type { Glossary } from '../glossary/glossary';
import type { CompiledSpelling, Severity, TermEntry } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import type { ServiceEntry, ServiceSpelling } from '../services/types';

interface MentionBase {
  /** Offsets in the original text (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  /** The text as written in the document. */
  readonly surface: string;
}

/** A glossary term found in the document. */
export interface TermOccurrence extends MentionBase {
  readonly kind: 'term';
  readonly spelling: CompiledSpelling;
  readonly term: TermEntry;
  readonly segmentKind: SegmentKind;
}

/** A cloud service from the catalogue named in the document. */
export interface ServiceOccurrence extends MentionBase {
  readonly kind: 'service';
  readonly spelling: ServiceSpelling;
  readonly service: ServiceEntry;
  readonly segmentKind: SegmentKind;
}

/** A control ID written with a framework cue; `control` is absent when the catalogue does not know it. */
export interface ControlOccurrence extends MentionBase, ControlReference {
  readonly kind: 'control';
  readonly control: CatalogueLookup | undefined;
}

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
  /**
   * true for procurement rules (ismap/*, govcloud/*, privacy/*, domain/*): they run only when the document
   * context has the procurement profile. term/* and control/* run everywhere.
   */
  readonly procurementOnly: boolean;
  /** One line, shown in rule listings. */
  readonly description: string;
  check(input: RuleInput): Finding[];
}
