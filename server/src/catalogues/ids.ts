/**
 * Control ID normalisation, one set of rules per framework family. Every rule applies NFKC first (so
 * full-width ＡＣ－２ or ９．２．１．６．ＰＢ become ASCII), folds dashes, drops white space, and then reads
 * the ID in the framework's own shape:
 *
 * | family            | written                                             | key           |
 * |-------------------|-----------------------------------------------------|---------------|
 * | NIST SP 800-53    | AC-2(1), ac-2.1, AC-02(01), AC - 2 (1), ＡＣ－２（１） | AC-2(1)       |
 * | ISO/IEC 27001     | A.5.15, 5.15, A 5.15, Ａ．５．１５                      | A.5.15        |
 * | ISMAP             | 9.2.1.6.PB, 9.2.1.6pb, ９．２．１．６．ＰＢ             | 9.2.1.6.PB    |
 * | 統一基準           | 2.1.1(5)(a), 2.1.1（５）（ａ）, 2.1.1 (5) (A)           | 2.1.1(5)(a)   |
 *
 * A string that is not an ID of the family gives undefined. Whether the ID exists is for the catalogue
 * (catalogues.ts) to say; these functions only read the shape. Finding IDs in running text is not done here.
 */

import { normalizeKey } from '../text/normalize';
import { CATALOGUE_FAMILY, type Bilingual, type CatalogueFamily, type CatalogueId, type IsmapSuffix } from './types';

/** Hyphen look-alikes that NFKC leaves alone (‐ ‑ ‒ – — ― − ﹘ ﹣ and the katakana long-vowel mark ー). */
const DASHES = /[\u2010-\u2015\u2212\u2043\ufe58\ufe63\uff0d\u30fc]/g;

function prepare(raw: string): string {
  // ASCII is its own NFKC form; skipping the normaliser keeps lookups of already-normalised keys cheap.
  const nfkc = /^[\x20-\x7e]*$/.test(raw) ? raw : normalizeKey(raw);
  return nfkc.replace(DASHES, '-').replace(/\s+/g, '');
}

function number(digits: string): number {
  return Number.parseInt(digits, 10);
}

// ---------------------------------------------------------------------------------------------------------
// NIST SP 800-53

const NIST_ID = /^([A-Z]{2})-?(\d{1,4})(?:\((\d{1,4})\)|\.(\d{1,4}))?$/;

/** AC-2(1), ac-2.1, AC-02(01), "AC - 2 (1)", ＡＣ－２（１） → AC-2(1); AC-02 → AC-2. */
export function normalizeNistId(raw: string): string | undefined {
  const match = NIST_ID.exec(prepare(raw).toUpperCase());
  if (!match) {
    return undefined;
  }
  const base = number(match[2]);
  const enhancementDigits = match[3] ?? match[4];
  const enhancement = enhancementDigits === undefined ? undefined : number(enhancementDigits);
  if (base === 0 || enhancement === 0) {
    return undefined;
  }
  return `${match[1]}-${base}${enhancement === undefined ? '' : `(${enhancement})`}`;
}

// ---------------------------------------------------------------------------------------------------------
// ISO/IEC 27001 Annex A

const ISO_ID = /^(?:A\.?)?(\d{1,2}(?:\.\d{1,2}){0,2})$/;

export type IsoEdition = 2013 | 2022;

function isoParts(raw: string): number[] | undefined {
  const match = ISO_ID.exec(prepare(raw).toUpperCase());
  if (!match) {
    return undefined;
  }
  const parts = match[1].split('.').map(number);
  return parts.some((part) => part === 0) ? undefined : parts;
}

/**
 * A.5.15, 5.15, "A 5.15", Ａ．５．１５ → A.5.15. With an edition the shape must fit it: 2022 controls are
 * A.5.1–A.8.n (two numbers), 2013 controls A.5.1.1–A.18.n.n (three numbers). Without one, either shape.
 */
export function normalizeIsoId(raw: string, edition?: IsoEdition): string | undefined {
  const parts = isoParts(raw);
  if (!parts) {
    return undefined;
  }
  const fits2022 = parts.length === 2 && parts[0] >= 5 && parts[0] <= 8;
  const fits2013 = parts.length === 3 && parts[0] >= 5 && parts[0] <= 18;
  if (edition === 2022 ? !fits2022 : edition === 2013 ? !fits2013 : !fits2022 && !fits2013) {
    return undefined;
  }
  return `A.${parts.join('.')}`;
}

/** The edition an ISO Annex A key belongs to by its shape: A.5.15 → 2022, A.9.1.1 → 2013. */
export function isoEditionOf(key: string): IsoEdition | undefined {
  const parts = isoParts(key);
  return parts?.length === 2 ? 2022 : parts?.length === 3 ? 2013 : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// ISMAP 管理基準

const ISMAP_ID = /^(\d{1,2}(?:\.\d{1,3}){0,3})(?:\.?(PB|B|P))?$/;

export interface IsmapId {
  /** The normalised key: 9.2.1.6.PB. */
  readonly key: string;
  /** The numbers: [9, 2, 1, 6]. */
  readonly parts: readonly number[];
  /** The numbers without the suffix: 9.2.1.6. */
  readonly numeric: string;
  readonly suffix: IsmapSuffix;
}

/**
 * Reads an ISMAP ID. One or two numbers are a domain or category (9, 9.2); three a governance/management
 * item or a control objective (9.2.1, or 9.5.1.P for the 7 cloud-only objectives); four a sub-item or a
 * detailed control (9.2.1.6, 9.2.1.6.B, 9.2.1.6.PB). .P belongs on three numbers only, .B/.PB on four.
 */
export function parseIsmapId(raw: string): IsmapId | undefined {
  const match = ISMAP_ID.exec(prepare(raw).toUpperCase());
  if (!match) {
    return undefined;
  }
  const parts = match[1].split('.').map(number);
  const suffix = (match[2] ?? '') as IsmapSuffix;
  if (parts[0] === 0 || parts.slice(1).some((part) => part === 0)) {
    return undefined;
  }
  if ((suffix === 'P' && parts.length !== 3) || ((suffix === 'B' || suffix === 'PB') && parts.length !== 4)) {
    return undefined;
  }
  const numeric = parts.join('.');
  return { key: suffix ? `${numeric}.${suffix}` : numeric, parts, numeric, suffix };
}

/** 9.2.1.6.PB, ９．２．１．６．ＰＢ, 9.2.1.6pb → 9.2.1.6.PB. */
export function normalizeIsmapId(raw: string): string | undefined {
  return parseIsmapId(raw)?.key;
}

/** The control objective number of a detailed control or sub-item: 9.2.1.6.PB → 9.2.1 (9.2.1 → 9.2.1). */
export function ismapObjectiveNumber(raw: string): string | undefined {
  const id = parseIsmapId(raw);
  return id && id.parts.length >= 3 ? id.parts.slice(0, 3).join('.') : undefined;
}

/**
 * What an ISMAP suffix means (Control Criteria 2.2.4 (3)). `level` tells a control objective (three
 * numbers) from a detailed control (four), which matters for the empty suffix.
 */
export function ismapSuffixMeaning(suffix: IsmapSuffix, level: 'objective' | 'detailed'): Bilingual {
  switch (suffix) {
    case 'B':
      return { ja: '原則として実施が必須の詳細管理策', en: 'detailed control that must in principle be implemented' };
    case 'PB':
      return {
        ja: 'クラウドサービス固有の詳細管理策。原則として実施が必須',
        en: 'cloud-specific detailed control that must in principle be implemented',
      };
    case 'P':
      return {
        ja: 'クラウドサービス固有の管理目的（ISO/IEC 27017 の CLD 管理策と同じ番号）',
        en: 'cloud-specific control objective (numbered as the ISO/IEC 27017 CLD control)',
      };
    case '':
      return level === 'objective'
        ? { ja: '管理目的。原則として全て実施', en: 'control objective: in principle all apply' }
        : { ja: '接尾辞なし: 任意（必要に応じて選択）', en: 'no suffix: optional, selected as necessary' };
  }
}

// ---------------------------------------------------------------------------------------------------------
// 統一基準 (Common Standards) and its guideline

const COMMON_STANDARDS_ID = /^(\d{1,2}(?:\.\d{1,2}){0,2})(?:\((\d{1,2})\)(?:\(([a-z])\))?)?(?:-(\d{1,2}))?$/;

/**
 * 2.1.1(5)(a), 2.1.1（５）（ａ）, "2.1.1 (5) (A)" → 2.1.1(5)(a); the guideline's basic measures keep their
 * "-n": 2.1.1(5)-1. A basic measure needs the item number: 2.1.1-1 is not an ID.
 */
export function normalizeCommonStandardsId(raw: string): string | undefined {
  const match = COMMON_STANDARDS_ID.exec(prepare(raw).toLowerCase());
  if (!match) {
    return undefined;
  }
  const [, numbers, item, requirement, measure] = match;
  const parts = numbers.split('.').map(number);
  if (parts.some((part) => part === 0) || (measure !== undefined && item === undefined)) {
    return undefined;
  }
  if ((item !== undefined && number(item) === 0) || (measure !== undefined && number(measure) === 0)) {
    return undefined;
  }
  return (
    parts.join('.') +
    (item === undefined ? '' : `(${number(item)})`) +
    (requirement === undefined ? '' : `(${requirement})`) +
    (measure === undefined ? '' : `-${number(measure)}`)
  );
}

// ---------------------------------------------------------------------------------------------------------
// By catalogue / family

/** The key of `raw` in a catalogue, or undefined when it is not an ID of that catalogue's shape. */
export function normalizeControlId(catalogue: CatalogueId, raw: string): string | undefined {
  switch (catalogue) {
    case 'iso27001-2022':
      return normalizeIsoId(raw, 2022);
    case 'iso27001-2013':
      return normalizeIsoId(raw, 2013);
    default:
      return normalizeFamilyId(CATALOGUE_FAMILY[catalogue], raw);
  }
}

export function normalizeFamilyId(family: CatalogueFamily, raw: string): string | undefined {
  switch (family) {
    case 'nist-sp800-53':
      return normalizeNistId(raw);
    case 'iso27001':
      return normalizeIsoId(raw);
    case 'ismap':
      return normalizeIsmapId(raw);
    case 'common-standards':
      return normalizeCommonStandardsId(raw);
  }
}

/**
 * A possibly incomplete ID typed for completion, as a key prefix: "ac" → AC, "AC-2" → AC-2, "A.9" / "9." →
 * A.9, "9.2." → 9.2, "2.1.1（５）" → 2.1.1(5). Trailing separators are dropped.
 */
export function normalizePrefix(family: CatalogueFamily, raw: string): string | undefined {
  const trimmed = prepare(raw).replace(/[.\-(]+$/, '');
  switch (family) {
    case 'nist-sp800-53':
      return /^[A-Za-z]{2}$/.test(trimmed) ? trimmed.toUpperCase() : normalizeNistId(trimmed);
    case 'iso27001': {
      const parts = isoParts(trimmed);
      return parts ? `A.${parts.join('.')}` : undefined;
    }
    case 'ismap':
      return normalizeIsmapId(trimmed);
    case 'common-standards':
      return normalizeCommonStandardsId(trimmed);
  }
}

/**
 * The key one level up, by shape only: AC-2(1) → AC-2 → AC; A.9.1.1 → A.9.1 → A.9; 9.2.1.6.PB → 9.2.1 →
 * 9.2 → 9 (an ISMAP parent is given without suffix); 2.1.1(5)(a) → 2.1.1(5) → 2.1.1 → 2.1 → 2;
 * 2.1.1(5)-1 → 2.1.1(5). undefined at the top.
 */
export function parentKey(family: CatalogueFamily, key: string): string | undefined {
  switch (family) {
    case 'nist-sp800-53': {
      const match = /^([A-Z]{2})(?:-(\d+)(\(\d+\))?)?$/.exec(key);
      if (!match || match[2] === undefined) {
        return undefined;
      }
      return match[3] === undefined ? match[1] : `${match[1]}-${match[2]}`;
    }
    case 'iso27001': {
      const parts = key.split('.');
      return parts.length > 2 ? parts.slice(0, -1).join('.') : undefined;
    }
    case 'ismap': {
      const id = parseIsmapId(key);
      return id && id.parts.length > 1 ? id.parts.slice(0, -1).join('.') : undefined;
    }
    case 'common-standards': {
      const tail = /(\([0-9a-z]+\)|-\d+)$/.exec(key);
      if (tail) {
        return key.slice(0, tail.index);
      }
      const dot = key.lastIndexOf('.');
      return dot === -1 ? undefined : key.slice(0, dot);
    }
  }
}
