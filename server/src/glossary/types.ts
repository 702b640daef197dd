/** The glossary as data: what the YAML files hold after validation, and the compiled form shipped in dist/. */

import type { Bilingual } from '../language';

export type { Bilingual } from '../language';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface TermSource {
  readonly title: string;
  readonly url: string;
  readonly publisher?: string;
  readonly date?: string;
}

export interface TermAlias {
  readonly text: string;
  readonly canonical: boolean;
  readonly note?: string;
}

export type TermStatus =
  | { readonly state: 'current' }
  | {
      readonly state: 'superseded';
      readonly successor: string;
      /** When the successor took over; with underWay, when the move to it began. */
      readonly date: string;
      /** The move to the successor is still in progress: the old name stays correct for what has not moved. */
      readonly underWay?: boolean;
      readonly note?: Bilingual;
      readonly severity?: Severity;
    };

/** A decided change not yet in force (a law passed and promulgated); moves into the definition once in force. */
export interface PendingChange {
  readonly change: Bilingual;
  readonly passed?: string;
  readonly promulgated: string;
  /** The date the main provisions take effect, when fixed. */
  readonly inForce?: string;
  /** The latest date they take effect, when only a limit is known (within two years of promulgation). */
  readonly inForceBy?: string;
  /** unconfirmed: secondary sources only. */
  readonly confidence: 'confirmed' | 'unconfirmed';
  readonly sources: readonly TermSource[];
}

export type TermCategory =
  | 'organization' | 'system' | 'network' | 'program' | 'law' | 'guideline' | 'standard' | 'role'
  | 'classification' | 'procedure' | 'concept' | 'service' | 'figure';

/** Where an entry is written, for messages and go-to-definition. */
export interface DataLocation {
  /** Path relative to the glossary root for bundled files; absolute for a user's files. */
  readonly file: string;
  /** 1-based line of the entry's first key. */
  readonly line: number;
}

export interface TermEntry {
  readonly id: string;
  readonly term: string;
  readonly reading: string;
  readonly english: string;
  readonly category: TermCategory;
  readonly aliases: readonly TermAlias[];
  readonly definition: Bilingual;
  readonly caveat?: Bilingual;
  readonly related: readonly string[];
  readonly pending: readonly PendingChange[];
  readonly sources: readonly TermSource[];
  readonly asOf: string;
  readonly status: TermStatus;
  readonly location: DataLocation;
}

/** One way of writing a term, keyed by its NFKC form. */
export interface CompiledSpelling {
  readonly key: string;
  /** The spelling as the glossary writes it. */
  readonly text: string;
  readonly termId: string;
  /** true for the term itself and its canonical aliases. */
  readonly canonical: boolean;
}

export const COMPILED_GLOSSARY_FORMAT = 1;

export interface CompiledGlossary {
  readonly format: typeof COMPILED_GLOSSARY_FORMAT;
  readonly terms: readonly TermEntry[];
  readonly spellings: readonly CompiledSpelling[];
}

/** A problem in a data file, with its position (1-based line and column). */
export interface DataProblem<Message> {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: Message;
}

/**
 * A problem in data a user may have written (a glossary file, .govsec.yaml, an ISMAP list): said in both
 * languages, shown in the user's.
 */
export type GlossaryProblem = DataProblem<Bilingual>;

/** A problem in the bundled knowledge found at build time: read by its maintainers, in English. */
export type BuildProblem = DataProblem<string>;
