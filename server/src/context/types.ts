/**
 * The document context: what kind of document this is and what it says about its system, computed once per
 * document version (server/src/context/documentContext.ts) and read by every rule. Rules never re-derive it.
 */

import type { ServiceEntry, ServiceRegion } from '../services/types';

/** Procurement rules (ismap/*, govcloud/*, domain/*) run only in procurement documents; privacy/* run everywhere. */
export type DocumentProfile = 'procurement' | 'none';

export type ProfileSource =
  /** Front matter `doctype: gov-procurement-spec` (or 調達仕様書, 要件定義書 …). */
  | 'front-matter'
  /** A YAML document's top-level `doctype`/`profile` key, or a system profile shape (`system:` with `cloud:`). */
  | 'yaml'
  /** A profile glob in .govsec.yaml. */
  | 'config'
  /** The text itself: a 調達仕様書/要件定義書 title, or 「ガバメントクラウド上に構築」. */
  | 'text';

/**
 * Whose personal data the document is about, which decides the APPI rules: national (国の行政機関 and
 * 独立行政法人等), local (地方公共団体), both 行政機関等; private (a 個人情報取扱事業者).
 */
export type Sector = 'national' | 'local' | 'private';

/** Who is writing: a vendor answering a tender writes about its client's data (the sector is the client's). */
export type Writer = 'national' | 'independent-agency' | 'local' | 'private' | 'vendor';

/** Where a context fact was established (offsets in the document), for messages and tests. */
export interface Evidence {
  readonly start: number;
  readonly end: number;
}

/** The text a sector was read from: a structured field, the title/byline, or a cue in the prose. */
export interface SectorEvidence extends Evidence {
  /** The cue as written (本市, 当庁, 〇〇市, sector: local …). */
  readonly text: string;
  readonly source: 'front-matter' | 'yaml' | 'header' | 'prose';
}

export interface PlatformContext {
  /** The system is said to run on ガバメントクラウド (prose statement or a YAML key). */
  readonly govCloud: boolean;
  readonly govCloudEvidence?: Evidence;
  /** Cloud providers/services named as the system's platform (prose in a platform statement, or cloud.provider). */
  readonly providers: readonly { readonly service: ServiceEntry; readonly evidence: Evidence }[];
}

export interface DocumentContext {
  readonly profile: DocumentProfile;
  readonly profileSource?: ProfileSource;
  readonly sector?: Sector;
  /** Where the sector was read; absent when it comes from a structured field without source ranges. */
  readonly sectorEvidence?: SectorEvidence;
  readonly writer?: Writer;
  readonly writerEvidence?: SectorEvidence;
  readonly platform: PlatformContext;
  /** Information grades the document assigns (機密性3 → confidentiality 3 …). */
  readonly grades: {
    readonly confidentiality: ReadonlySet<1 | 2 | 3>;
    readonly integrity: ReadonlySet<1 | 2>;
    readonly availability: ReadonlySet<1 | 2>;
  };
  /** The document's date (front matter `date`, 令和 dates converted), ISO YYYY-MM-DD. */
  readonly date?: string;
  /**
   * Ranges that rules never report in, text shown rather than claimed: blocks marked as a bad example (悪い例,
   * NG例, 誤り例 …; the model's examples), the option lines of a quiz, and the old-side cells of a 新旧対照 table.
   * Code, inline code and comments are already outside the model's segments.
   */
  readonly badExamples: readonly Evidence[];
}

/** A region found in the text (us-east-1, Japan East, 東京リージョン …) with the provider it belongs to. */
export interface RegionMention {
  readonly start: number;
  readonly end: number;
  readonly region: ServiceRegion;
  readonly service: ServiceEntry;
}
