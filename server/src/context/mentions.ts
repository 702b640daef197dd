/** What the engine finds in a document's prose: glossary terms, cloud services and control IDs, at their offsets. */

import type { ControlReference as CatalogueLookup } from '../catalogues/catalogues';
import type { ControlReference } from './controlRefs';
import type { SegmentKind } from '../document/model';
import type { CompiledSpelling, TermEntry } from '../glossary/types';
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
