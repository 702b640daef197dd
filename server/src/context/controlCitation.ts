/**
 * Shared reading of control-ID citations for control/unknown-id and control/outdated-iso-numbering: how
 * certain a recognised ID is a citation of the framework (and not the document's own numbering), the
 * sentence it sits in, and how to describe a catalogue's valid IDs in a message.
 */

import { normalizedRange } from '../document/normalized';
import type { Catalogues } from '../catalogues/catalogues';
import { parentKey } from '../catalogues/ids';
import { CATALOGUE_FAMILY, type CatalogueFamily, type CatalogueId } from '../catalogues/types';
import { blockAt } from '../document/blocks';
import type { DocumentModel } from '../document/model';
import { segmentAt, sentenceSpan } from '../document/sentences';
import { normalize, normalizeKey } from '../text/normalize';
import type { ControlOccurrence } from './mentions';
import { itemsStartingIn } from '../document/ranges';

export function familyOf(occurrence: ControlOccurrence): CatalogueFamily {
  return CATALOGUE_FAMILY[occurrence.framework];
}

/** The recognised controls whose start lies in [start, end) (controls are in document order). */
export function controlsIn(controls: readonly ControlOccurrence[], start: number, end: number): ControlOccurrence[] {
  return itemsStartingIn(controls, start, end);
}

// ---------------------------------------------------------------------------------------------------------
// The document's own numbering

/**
 * Words right before a number that make it the document's own: 本書 9.7.1, 別紙 A.5.38, 表 9.2.1, 付録A.9.1,
 * 第9.7.1項, 要件ID AC-99. Checked on NFKC text.
 */
const OWN_NUMBER_BEFORE =
  /(?:本書|本仕様書|本要件定義書|本文書|本資料|本紙|本章|本節|本項|別紙|別添|別表|別記|付録|附録|Appendix|図|表|第|要件ID|要件番号|要件No\.?|項番|管理番号|No\.?)\s*$/i;
/** Words right after a number that make it a section of the document: 9.7.1節, 3.2章, 4.1項. */
const OWN_NUMBER_AFTER = /^\s*(?:節|章|項|条|頁|ページ)/;

export function looksLikeOwnNumbering(model: DocumentModel, occurrence: ControlOccurrence): boolean {
  const before = normalizedRange(model, Math.max(0, occurrence.start - 12), occurrence.start).text;
  const after = normalizedRange(model, occurrence.end, Math.min(model.text.length, occurrence.end + 4)).text;
  return OWN_NUMBER_BEFORE.test(before) || OWN_NUMBER_AFTER.test(after);
}

// ---------------------------------------------------------------------------------------------------------
// How closely the framework is named

/** Framework names, by family, as matched on NFKC text. */
const FRAMEWORK_NAME: Readonly<Record<CatalogueFamily, RegExp>> = {
  ismap: /ISMAP/g,
  // Any ISO/IEC 27xxx standard: the nearest one must be 27001/27002 (27017 CLD numbers are not Annex A).
  iso27001: /(?:ISO\s?\/\s?IEC|ISO|JIS\s?Q)\s?(27\d{3})(?:\s?[:：]\s?\d{4})?|附属書\s?A|Annex\s?A/g,
  'nist-sp800-53': /NIST(?:\s?SP)?(?:\s?800-53)?|SP\s?800-53|800-53/g,
  'common-standards': /統一基準(?:群)?|統一規範|Common Standards|対策基準策定のための?ガイドライン|対策基準策定ガイドライン/g,
};

/**
 * What may stand between a framework's name and an ID that cites it: the rest of the name (管理基準, 附属書A),
 * an edition in brackets, の, list separators, other IDs of the list (removed before the test) and table
 * cell bars; in English, "controls", "and", "or" (「ISO/IEC 27002:2022 controls: 5.1, 8.9 and 8.38」). Anything else — a verb, another noun — means the ID is not (certainly) a citation.
 */
const GLUE =
  /^(?:\s+|\([^()]{0,32}\)|[()（）、,・/|:「」『』【】\[\]]|及び|および|並びに|ならびに|又は|または|と|や|から|〜|~|-|–|—|の|における|に定める|に規定する|が定める|で定める|管理基準|管理策基準|管理策|詳細管理策|管理目的|要求事項|遵守事項|基本対策事項|対策事項|附属書\s?A|附属書|Annex\s?A|Annex|番号|項目|ID|controls?\b|control objectives?\b|objectives?\b|requirements?\b|and\b|or\b|&|令和\d+年度版|\d{4}年版|第\d+版|版)/;

function isGlue(text: string): boolean {
  let rest = text;
  while (rest.length > 0) {
    const match = GLUE.exec(rest);
    if (!match || match[0].length === 0) {
      return false;
    }
    rest = rest.slice(match[0].length);
  }
  return true;
}

/** YAML keys that name a framework (as the recogniser reads them). */
const YAML_KEY_NAMES: Readonly<Record<CatalogueFamily, RegExp>> = {
  ismap: /ismap|管理策|管理基準/i,
  iso27001: /iso|27001|27002|annex[-_ ]?a|附属書/i,
  'nist-sp800-53': /nist|800[-_]?53/i,
  'common-standards': /統一基準|common[-_ ]?standards?/i,
};

/** Whether a key above a YAML scalar names the occurrence's framework. */
export function yamlKeyNamesFramework(model: DocumentModel, occurrence: ControlOccurrence): boolean {
  const keyPath = segmentAt(model.segments, occurrence.start)?.keyPath;
  const pattern = YAML_KEY_NAMES[familyOf(occurrence)];
  return !!keyPath && keyPath.some((key) => pattern.test(normalizeKey(key)));
}

export interface Adjacency {
  /** The framework is named right before the ID (only glue in between), or in brackets right after it. */
  readonly adjacent: boolean;
  /** The name found was an ISO standard other than 27001/27002 (27017, 27018 …). */
  readonly otherIsoStandard: boolean;
  /** The annex itself (附属書A, Annex A, 管理策) is named between the name and the ID. */
  readonly annexNamed: boolean;
}

/**
 * Whether the occurrence's framework is named right before it in its sentence: 「ISMAP管理基準の 9.7.1」,
 * 「統一基準（令和7年度版）5.2.1(3)」, 「ISO/IEC 27001:2022 附属書A の 5.38」, 「ISMAP管理基準 9.1.1、9.1.2、9.7.1」
 * — but not 「ISMAP登録サービスを利用すること（詳細は 9.7.1 を参照）」, where 9.7.1 is the document's own section.
 */
export function frameworkAdjacent(
  model: DocumentModel,
  controls: readonly ControlOccurrence[],
  occurrence: ControlOccurrence,
  sentence: readonly [number, number],
): Adjacency {
  const { text } = model;
  const family = familyOf(occurrence);
  const [sentenceStart, sentenceEnd] = sentence;
  const scope = normalizedRange(model, sentenceStart, Math.max(sentenceEnd, occurrence.end));
  const pattern = FRAMEWORK_NAME[family];
  pattern.lastIndex = 0;
  let nearest: { end: number; standard?: string; name: string } | undefined;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(scope.text))) {
    const end = scope.endOf(match.index + match[0].length - 1);
    if (end > occurrence.start) {
      break;
    }
    nearest = { end, standard: match[1], name: match[0] };
  }
  const result = { adjacent: false, otherIsoStandard: false, annexNamed: false };
  if (nearest) {
    if (family === 'iso27001' && nearest.standard && nearest.standard !== '27001' && nearest.standard !== '27002') {
      return { ...result, otherIsoStandard: true };
    }
    // The text in between, without the other IDs of the same list.
    let between = '';
    let from = nearest.end;
    for (const other of controlsIn(controls, nearest.end, occurrence.start)) {
      between += text.slice(from, other.start);
      from = other.end;
    }
    between = normalizeKey(between + text.slice(from, occurrence.start));
    if (isGlue(between)) {
      return { adjacent: true, otherIsoStandard: false, annexNamed: /附属書|Annex|管理策/.test(between) || /附属書|Annex/.test(nearest.name) };
    }
  }
  // 「9.7.1（ISMAP管理基準）」: the name in brackets right after the ID.
  const after = normalize(text, occurrence.end, Math.min(text.length, occurrence.end + 24)).text;
  const bracketed = /^\s*\(([^()]*)/.exec(after);
  if (bracketed) {
    const inner = new RegExp(pattern.source).exec(bracketed[1]);
    if (inner && inner.index === bracketed[1].search(/\S/)) {
      const standard = inner[1];
      if (family === 'iso27001' && standard && standard !== '27001' && standard !== '27002') {
        return { ...result, otherIsoStandard: true };
      }
      return { adjacent: true, otherIsoStandard: false, annexNamed: /附属書|Annex/.test(bracketed[1]) };
    }
  }
  return result;
}

/**
 * Whether an ID read by its list's or table's lead-in starts its list item or cell (「- 4.2.4(1) クラウド…」,
 * 「- 遵守事項 4.2.4(1)、4.2.4(2)」, | 4.2.4(1) 選定 |): only glue and other IDs before it. A number later in
 * the item (「- 詳細は 9.7.1 を参照」) may be the document's own.
 */
export function leadsItsBlock(model: DocumentModel, controls: readonly ControlOccurrence[], occurrence: ControlOccurrence): boolean {
  const block = blockAt(model, occurrence.start);
  if (!block) {
    return false;
  }
  let between = '';
  let from = block.start;
  for (const other of controlsIn(controls, block.start, occurrence.start)) {
    between += model.text.slice(from, other.start);
    from = other.end;
  }
  // List markers of a nested line and numbering such as (1) or ①are part of the item's start.
  between = normalizeKey(between + model.text.slice(from, occurrence.start)).replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '');
  return isGlue(between);
}

// ---------------------------------------------------------------------------------------------------------
// Whole-document cues

/** Lazily computed: whether a family's framework is named anywhere in the document's scanned text. */
export function documentNames(model: DocumentModel): (family: CatalogueFamily) => boolean {
  const cache = new Map<CatalogueFamily, boolean>();
  let normalizedSegments: string[] | undefined;
  return (family) => {
    let named = cache.get(family);
    if (named === undefined) {
      normalizedSegments ??= model.segments.map((segment) => normalizedRange(model, segment.start, segment.end).text);
      const pattern = new RegExp(FRAMEWORK_NAME[family].source);
      named = normalizedSegments.some((segment) => {
        const match = pattern.exec(segment);
        return !!match && (family !== 'iso27001' || !match[1] || match[1] === '27001' || match[1] === '27002');
      });
      cache.set(family, named);
    }
    return named;
  };
}

/** The sentence of an occurrence, across soft-wrapped lines; cached per start offset. */
export function sentenceCache(model: DocumentModel): (offset: number) => [number, number] {
  const cache = new Map<number, [number, number]>();
  return (offset) => {
    let sentence = cache.get(offset);
    if (!sentence) {
      sentence = sentenceSpan(model, offset, offset);
      cache.set(offset, sentence);
    }
    return sentence;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Describing a catalogue in messages

export interface FrameworkName {
  readonly ja: string;
  readonly en: string;
}

/** The framework and edition as a message names it: 「ISO/IEC 27001:2022 附属書A」, 「ISMAP管理基準（2022-04-01版）」. */
export function frameworkName(catalogues: Catalogues, catalogue: CatalogueId): FrameworkName {
  const info = catalogues.info(catalogue);
  const label = info?.label ?? catalogue;
  const edition = info?.edition ?? '';
  switch (CATALOGUE_FAMILY[catalogue]) {
    case 'iso27001':
      return { ja: `${label} 附属書A`, en: `${label} Annex A` };
    case 'nist-sp800-53':
      return { ja: label, en: label };
    case 'ismap': {
      const date = /^\d{4}-\d{2}-\d{2}/.exec(edition)?.[0];
      return date ? { ja: `${label}（${date}版）`, en: `the ISMAP Control Criteria (${date} edition)` } : { ja: label, en: 'the ISMAP Control Criteria' };
    }
    case 'common-standards': {
      const fiscal = /FY\d{4}/.exec(edition)?.[0];
      const english = catalogue === 'common-standards-guideline-r5' ? "the Guidelines for Establishing Agencies' Standards" : 'the Common Standards';
      return { ja: label, en: fiscal ? `${english} (${fiscal} edition)` : english };
    }
  }
}

/** Runs of consecutive IDs: [A.5.1 … A.5.37] → "A.5.1〜A.5.37" / "A.5.1–A.5.37"; two in a row are listed. */
export function describeIds(ids: readonly string[]): { ja: string; en: string } {
  interface Run {
    prefix: string;
    suffix: string;
    first: number;
    last: number;
    firstId: string;
    lastId: string;
  }
  const runs: Run[] = [];
  for (const id of ids) {
    const match = /^(.*?)(\d+)(\D*)$/.exec(id);
    const previous = runs[runs.length - 1];
    if (match && previous && previous.prefix === match[1] && previous.suffix === match[3] && Number(match[2]) === previous.last + 1) {
      previous.last = Number(match[2]);
      previous.lastId = id;
      continue;
    }
    runs.push(match ? { prefix: match[1], suffix: match[3], first: Number(match[2]), last: Number(match[2]), firstId: id, lastId: id } : { prefix: id, suffix: '', first: NaN, last: NaN, firstId: id, lastId: id });
  }
  const ja: string[] = [];
  const en: string[] = [];
  for (const run of runs) {
    if (run.firstId === run.lastId) {
      ja.push(run.firstId);
      en.push(run.firstId);
    } else if (run.last === run.first + 1) {
      ja.push(run.firstId, run.lastId);
      en.push(run.firstId, run.lastId);
    } else {
      ja.push(`${run.firstId}〜${run.lastId}`);
      en.push(`${run.firstId}–${run.lastId}`);
    }
  }
  return { ja: ja.join('、'), en: en.join(', ') };
}

/**
 * The IDs one level below `prefix` in a catalogue (the top level without one), for "X has Y–Z". ISO/IEC
 * 27001 has no heading rows, so its controls are cut to the level below the prefix (A.9 → A.9.1 … A.9.4).
 */
export function idsBelow(catalogues: Catalogues, catalogue: CatalogueId, prefix: string | undefined): readonly string[] {
  return memo(catalogues, `below ${catalogue} ${prefix ?? ''}`, () => computeIdsBelow(catalogues, catalogue, prefix));
}

/** Catalogue walks are linear in the catalogue; their answers are kept per Catalogues instance. */
const memos = new WeakMap<Catalogues, Map<string, unknown>>();

export function memo<T>(catalogues: Catalogues, key: string, compute: () => T): T {
  let cache = memos.get(catalogues);
  if (!cache) {
    cache = new Map();
    memos.set(catalogues, cache);
  }
  if (!cache.has(key)) {
    cache.set(key, compute());
  }
  return cache.get(key) as T;
}

function computeIdsBelow(catalogues: Catalogues, catalogue: CatalogueId, prefix: string | undefined): string[] {
  const family = CATALOGUE_FAMILY[catalogue];
  const children = catalogues.children(catalogue, prefix).map((control) => control.id);
  if (family !== 'iso27001') {
    return children;
  }
  const depth = prefix === undefined ? 2 : prefix.split('.').length + 1;
  return [...new Set(children.map((id) => id.split('.').slice(0, depth).join('.')))];
}

/** The nearest ancestor prefix of `key` that has IDs below it in the catalogue (undefined: the top level). */
export function nearestListedPrefix(catalogues: Catalogues, catalogue: CatalogueId, key: string): string | undefined {
  const family = CATALOGUE_FAMILY[catalogue];
  for (let parent = parentKey(family, key); parent !== undefined; parent = parentKey(family, parent)) {
    if (idsBelow(catalogues, catalogue, parent).length > 0) {
      return parent;
    }
  }
  return undefined;
}
