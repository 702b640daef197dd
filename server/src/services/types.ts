/**
 * The cloud-service catalogue and ISMAP lists as data: what glossary/services/*.yaml and an ISMAP list file
 * hold after validation, and the compiled, JSON-serialisable form the server and CLI load.
 */

import type { Bilingual, DataLocation } from '../glossary/types';

export type ServiceKind = 'IaaS' | 'PaaS' | 'SaaS' | 'CDN';
export type IsmapProgram = 'ISMAP' | 'ISMAP-LIU';

export interface ServiceSource {
  readonly title: string;
  readonly url: string;
  readonly publisher?: string;
  readonly date?: string;
  /** How the fact was reached (a copy, a document citing this URL …). */
  readonly note?: string;
}

export interface ServiceAlias {
  readonly text: string;
  readonly canonical: boolean;
  readonly note?: string;
  /** false: listed for reference, never matched in text. */
  readonly match?: boolean;
}

/**
 * How directly a source shows an ISMAP state: the official list itself was read; the provider says so
 * (press release, compliance page); or someone else reports it (news, blogs, third-party copies of the list).
 */
export type IsmapEvidence = 'official-list' | 'vendor' | 'second-hand';

/** A registration reported by a source; only what the source says. */
export interface IsmapFact {
  readonly program: IsmapProgram;
  readonly evidence: IsmapEvidence;
  readonly registrationNumber?: string;
  readonly listedName: string;
  readonly registered?: string;
  readonly announced?: string;
  readonly expires?: string;
  readonly note?: Bilingual;
  readonly sources: readonly ServiceSource[];
}

/** A source's statement that a service is NOT on the ISMAP list, as of the statement's date. */
export interface IsmapAbsence {
  readonly program: IsmapProgram;
  /** What the source says is not registered, in its words (may be narrower than the service). */
  readonly listedName: string;
  /** The date of the statement, where the source gives one. */
  readonly asOf?: string;
  readonly evidence: IsmapEvidence;
  readonly note?: Bilingual;
  readonly sources: readonly ServiceSource[];
}

export interface GovCloudStatus {
  readonly status: 'selected' | 'selected-conditional';
  readonly fiscalYear?: number;
  readonly announced?: string;
  readonly confidence: 'high' | 'medium' | 'low';
  readonly note: Bilingual;
  readonly sources: readonly ServiceSource[];
}

/** Where a service keeps or processes data, as a source states it. */
export interface DataResidencyFact {
  readonly note: Bilingual;
  readonly asOf?: string;
  readonly sources: readonly ServiceSource[];
}

export interface ServiceRegion {
  readonly id: string;
  readonly name: string;
  readonly location: string;
  readonly japan: boolean;
  readonly unit?: 'region' | 'zone';
  readonly note?: string;
}

export interface ServiceEntry {
  readonly id: string;
  readonly name: string;
  readonly provider: string;
  readonly kind: readonly ServiceKind[];
  /** A glossary term with the same name; the name is then matched as that term. */
  readonly term?: string;
  /** false: the name is an ordinary word and is not matched in text. */
  readonly matchName?: boolean;
  readonly aliases: readonly ServiceAlias[];
  readonly ismap: readonly IsmapFact[];
  /** Sources saying the service is not registered; never together with `ismap` facts. */
  readonly notRegistered: readonly IsmapAbsence[];
  readonly govCloud?: GovCloudStatus;
  readonly dataResidency?: readonly DataResidencyFact[];
  readonly regions: readonly ServiceRegion[];
  readonly caveat?: Bilingual;
  readonly sources: readonly ServiceSource[];
  readonly asOf: string;
  readonly location: DataLocation;
}

/** One way of writing a service, keyed by its NFKC form (the service counterpart of CompiledSpelling). */
export interface ServiceSpelling {
  readonly key: string;
  /** The spelling as the catalogue writes it. */
  readonly text: string;
  readonly serviceId: string;
  /** true for the name and canonical aliases. */
  readonly canonical: boolean;
}

export interface IsmapListSource {
  readonly id: string;
  readonly title: string;
  readonly url: string;
  readonly publisher?: string;
  readonly date?: string;
  readonly note?: string;
}

export interface IsmapListEntry {
  readonly registrationNumber: string;
  readonly serviceName: string;
  readonly provider?: string;
  readonly registered?: string;
  readonly expires?: string;
  readonly program: IsmapProgram;
  /** The catalogue service the entry refers to (bundled list). */
  readonly serviceId?: string;
  /** Physical line of the row in the imported CSV. */
  readonly line?: number;
  /** Ids of the list's sources (bundled list). */
  readonly sources?: readonly string[];
}

export interface IsmapListImport {
  /** The CSV file's name (no directory). */
  readonly file: string;
  readonly importedAt: string;
  readonly encoding?: 'utf-8' | 'utf-16le' | 'shift_jis';
  readonly rows: number;
  readonly skipped: number;
}

/** An ISMAP list: the bundled partial one, or one imported from the official list with `govsec ismap import`. */
export interface IsmapList {
  readonly kind: 'ismap-list';
  readonly name: string;
  /** The date the list describes (YYYY-MM-DD). */
  readonly asOf: string;
  readonly partial: boolean;
  readonly partialNote?: Bilingual;
  readonly importedFrom?: IsmapListImport;
  readonly sources?: readonly IsmapListSource[];
  readonly entries: readonly IsmapListEntry[];
}

export const COMPILED_SERVICES_FORMAT = 1;

export interface CompiledServices {
  readonly format: typeof COMPILED_SERVICES_FORMAT;
  readonly services: readonly ServiceEntry[];
  readonly spellings: readonly ServiceSpelling[];
  /** The bundled ISMAP list; a workspace's imported list replaces it at run time. */
  readonly ismapList: IsmapList;
}
