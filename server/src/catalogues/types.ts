/**
 * Control catalogues as data: the compiled index written at build time (dist/catalogues-index.json) and the
 * run-time view of one control. IDs and short titles only — the catalogues never hold control text.
 */

/** One catalogue: a framework in one edition. */
export type CatalogueId =
  | 'ismap'
  | 'iso27001-2022'
  | 'iso27001-2013'
  | 'nist-sp800-53r5'
  | 'common-standards-r7'
  | 'common-standards-r5'
  | 'common-standards-guideline-r5';

/** The framework family; it fixes how an ID is normalised. */
export type CatalogueFamily = 'ismap' | 'iso27001' | 'nist-sp800-53' | 'common-standards';

export const CATALOGUE_IDS: readonly CatalogueId[] = [
  'ismap',
  'iso27001-2022',
  'iso27001-2013',
  'nist-sp800-53r5',
  'common-standards-r7',
  'common-standards-r5',
  'common-standards-guideline-r5',
];

export const CATALOGUE_FAMILY: Readonly<Record<CatalogueId, CatalogueFamily>> = {
  ismap: 'ismap',
  'iso27001-2022': 'iso27001',
  'iso27001-2013': 'iso27001',
  'nist-sp800-53r5': 'nist-sp800-53',
  'common-standards-r7': 'common-standards',
  'common-standards-r5': 'common-standards',
  'common-standards-guideline-r5': 'common-standards',
};

/** What a row of a catalogue is. */
export type ControlLevel =
  // ISMAP
  | 'domain' // 3 governance, 4 management, 5–18 controls (ISO/IEC 27002:2013 clauses)
  | 'category' // 9.2
  | 'item' // governance/management criteria 3.1.2 (also 統一基準 (5))
  | 'sub-item' // 3.1.2.1
  | 'objective' // controls criteria 9.2.1 / 9.5.1.P (管理目的)
  | 'detailed' // 9.2.1.6.PB (詳細管理策)
  // ISO/IEC 27001 Annex A
  | 'control'
  // NIST SP 800-53
  | 'family'
  | 'enhancement'
  // 統一基準
  | 'chapter'
  | 'section'
  | 'subsection'
  | 'requirement' // 遵守事項 (a)
  | 'basic-measure'; // ガイドラインの基本対策事項 2.1.1(5)-1

export type IsmapTier = 'governance' | 'management' | 'controls';
/** '' (none), B / PB on detailed controls, P on the 7 cloud-only control objectives. */
export type IsmapSuffix = '' | 'B' | 'PB' | 'P';
export type NistBaseline = 'low' | 'moderate' | 'high' | 'privacy';
/**
 * Where a Japanese title comes from: the 令和5年度版 quoted in the seed, the H30 guideline (indicative only),
 * the ISMAP 管理基準 itself, or the JIS Q 27001:2014 / JIS Q 27001:2023 附属書A heading of the same number (as
 * public sources give it).
 */
export type JapaneseTitleSource = 'seed-r5' | 'h30-guideline' | 'ismap' | 'jis-2014' | 'jis-2023';

/** 2013 → 2022 relationship as intuitem gives it ('' when the pair comes from a source that states none). */
export type IsoRelationship = 'equal' | 'subset' | 'superset' | 'intersect' | '';

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export interface CatalogueSource {
  readonly title: string;
  readonly url: string;
  readonly publisher?: string;
}

/** Where a catalogue or mapping comes from, and how complete it is (every manifest entry has these). */
export interface DataProvenance {
  readonly name: Bilingual;
  readonly source: CatalogueSource;
  readonly provenance: string;
  readonly licence: string;
  readonly asOf: string;
  readonly partial: boolean;
  readonly coverage: string;
}

/** A catalogue's manifest entry (glossary/controls/catalogues.yaml), without the file layout. */
export interface CatalogueInfo extends DataProvenance {
  readonly id: CatalogueId;
  readonly family: CatalogueFamily;
  /** Short name shown before an ID: "NIST SP 800-53 Rev. 5", "ISMAP管理基準". */
  readonly label: string;
  readonly edition: string;
  /** The catalogue of the newer edition, when the data holds one: this edition is superseded. */
  readonly successor?: CatalogueId;
  /** false when no source checked says whether a newer edition exists. */
  readonly newerEditionChecked?: boolean;
}

export interface MappingInfo extends DataProvenance {
  readonly id: 'iso27001-2013-to-2022';
  readonly from: CatalogueId;
  readonly to: CatalogueId;
}

/** Flag bits of a compiled row. */
export const RowFlag = {
  Withdrawn: 1,
  BaselineLow: 2,
  BaselineModerate: 4,
  BaselineHigh: 8,
  BaselinePrivacy: 16,
  CloudSpecific: 32,
  TierGovernance: 64,
  TierManagement: 128,
  TierControls: 256,
  JapaneseFromSeedR5: 512,
  JapaneseIndicativeH30: 1024,
  JapaneseFromIsmap: 2048,
  JapaneseFromJis2014: 4096,
  JapaneseFromJis2023: 8192,
} as const;

/**
 * One row of a compiled catalogue, with short keys to keep the index small. Absent keys are empty.
 * `r` depends on the catalogue:
 * - ismap: the ISO reference tag of a control ("27002:2013", "27017:2015", "27014:2013") or, for a heading,
 *   the ISO/IEC 27001:2013 clause tag ("27001-4.4");
 * - iso27001-2022: the theme (Organizational, People, Physical, Technological);
 * - common-standards-r7: the page in the English PDF;
 * - common-standards-r5: the FY2025 ID of the same clause;
 * - common-standards-guideline-r5: the 令和5年度版 requirement the basic measure belongs to.
 */
export interface CompiledRow {
  /** The normalised ID. */
  readonly i: string;
  /** Index into the catalogue's `levels`. */
  readonly l: number;
  /** English short title. */
  readonly t?: string;
  /** Japanese short title. */
  readonly j?: string;
  /** RowFlag bits. */
  readonly f?: number;
  readonly r?: string;
  /** 1-based line of the row in its CSV file (go to definition reads no CSV at run time). */
  readonly n: number;
  /** Index of that file in the catalogue's `files`; absent for the first (the main table). */
  readonly s?: number;
}

export interface CompiledCatalogue {
  readonly info: CatalogueInfo;
  /** The CSV files the rows come from, relative to glossary/controls/ (main table, then headings). */
  readonly files: readonly string[];
  readonly levels: readonly ControlLevel[];
  /** In catalogue order (headings before the controls under them). */
  readonly rows: readonly CompiledRow[];
}

/** [2013 id, 2022 id, relationship, sources ("intuitem;vladsecurity")]. */
export type CompiledIsoPair = readonly [from: string, to: string, relationship: IsoRelationship, sources: string];

export interface CompiledMapping {
  readonly info: MappingInfo;
  readonly pairs: readonly CompiledIsoPair[];
}

export const COMPILED_CATALOGUES_FORMAT = 2;

export interface CompiledCatalogues {
  readonly format: typeof COMPILED_CATALOGUES_FORMAT;
  readonly catalogues: readonly CompiledCatalogue[];
  readonly mappings: readonly CompiledMapping[];
}

/** One control (or heading) at run time. */
export interface Control {
  readonly catalogue: CatalogueId;
  readonly family: CatalogueFamily;
  /** The normalised ID: AC-2(1), A.5.15, 9.2.1.6.PB, 2.1.1(5). */
  readonly id: string;
  readonly level: ControlLevel;
  /** English short title; for a NIST enhancement its own title (without the base control's). */
  readonly title?: string;
  readonly titleJa?: string;
  readonly titleJaSource?: JapaneseTitleSource;
  /** NIST: withdrawn from the catalogue. */
  readonly withdrawn: boolean;
  /** NIST: the baselines that select it (LOW, MODERATE, HIGH, PRIVACY). */
  readonly baselines: readonly NistBaseline[];
  /** ISMAP: governance, management or controls criteria. */
  readonly tier?: IsmapTier;
  readonly suffix?: IsmapSuffix;
  /** ISMAP: cloud-specific (a .P objective or a .PB/.B detailed control named in the cloud text). */
  readonly cloudSpecific: boolean;
  /** ISMAP: the standard the row is based on, e.g. "ISO/IEC 27017:2015"; for a heading, the 27001 clause. */
  readonly reference?: string;
  /** ISO/IEC 27001:2022: the theme. */
  readonly theme?: string;
  /** 統一基準 FY2025: page in the English PDF. */
  readonly page?: string;
}
