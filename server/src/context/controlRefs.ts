/**
 * Finds control IDs written in a document (ISMAP 9.2.1, ISO/IEC 27001:2022 A.5.15, NIST SP 800-53 AC-2(1),
 * 統一基準 2.1.1(5)(a)) — but only where a framework cue makes the reading certain:
 *   - the framework is named in the same sentence (prose) or the same table row;
 *   - the ID carries its own cue: an "A." prefix (ISO/IEC 27001 Annex A) or a NIST family prefix (AC-2);
 *   - in YAML, a key above the value names the framework (ismap_controls:, nist:, iso27001_2022: …);
 *   - a table cell holding the ID alone, whose column header names the framework (| ISMAP管理基準 |), or whose
 *     lead-in sentence or section heading does (## ISMAP管理基準との対応) while the header says the column holds
 *     numbers (| 番号 |);
 *   - a list item or table cell with no cue of its own, whose list or table is introduced by a sentence naming
 *     the framework (「統一基準の以下の遵守事項を満たすこと。」 then 「- 4.2.4(1) …」).
 * So a section number such as 「3.2 リージョン」 stays plain text.
 *
 * Matching runs on NFKC-normalised text (９．２．１ reads as 9.2.1) and maps back to original offsets.
 */

import { normalizedRange } from '../document/normalized';
import type { CatalogueId } from '../catalogues/types';
import { normalize, type NormalizedText } from '../text/normalize';
import type { DocumentModel } from '../document/model';
import { sentenceAt } from '../document/sentences';
import { blockAt, blockIndexAt, headingsAt, listLeadIn } from '../document/blocks';

export type FrameworkId = CatalogueId;

export interface ControlReference {
  /** Offsets in the original text. */
  readonly start: number;
  readonly end: number;
  readonly framework: FrameworkId;
  /** The ID in NFKC form, as written (e.g. "A.5.15", "AC-02(01)", "9.2.1.6.PB"). */
  readonly id: string;
  /** What made the reading certain ('lead-in': the sentence introducing the ID's list or table). */
  readonly cue: 'sentence' | 'prefix' | 'yaml-key' | 'table-column' | 'lead-in';
}

export const NIST_FAMILIES = new Set([
  'AC', 'AT', 'AU', 'CA', 'CM', 'CP', 'IA', 'IR', 'MA', 'MP', 'PE', 'PL', 'PM', 'PS', 'PT', 'RA', 'SA', 'SC', 'SI', 'SR',
]);

/** A framework named in the text (the recogniser and control-ID completion read the same cues). */
export type Cue = 'ismap' | 'iso' | 'iso-2022' | 'iso-2013' | 'nist' | 'common-standards' | 'common-standards-r5' | 'common-standards-guideline';

export interface CueHit {
  readonly cue: Cue;
  /** Offsets of the cue in the normalised text searched. */
  readonly at: number;
  readonly end: number;
}

export const CUE_PATTERNS: readonly [Cue, RegExp][] = [
  ['iso-2022', /(?:ISO\/IEC|JIS\s?Q)\s?2700[12]\s?[:：]\s?(?:2022|2023)|2700[12]\s?[:：]\s?2022/g],
  ['iso-2013', /(?:ISO\/IEC|JIS\s?Q)\s?2700[12]\s?[:：]\s?(?:2013|2014)|2700[12]\s?[:：]\s?2013/g],
  ['iso', /ISO\/IEC\s?2700[12]|JIS\s?Q\s?2700[12]|ISO\s?2700[12]|附属書\s?A|Annex\s?A/g],
  ['nist', /NIST|SP\s?800-53|800-53/g],
  ['ismap', /ISMAP/g],
  ['common-standards-guideline', /対策基準策定のための?ガイドライン|対策基準策定ガイドライン/g],
  ['common-standards-r5', /統一基準[^。]{0,12}(?:令和5年度|R5|2023年度)|(?:令和5年度|R5)[^。]{0,6}統一基準/g],
  ['common-standards', /統一基準|統一規範|Common Standards/g],
];

export function findCues(text: string): CueHit[] {
  const hits: CueHit[] = [];
  for (const [cue, pattern] of CUE_PATTERNS) {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text))) {
      // An edition-specific cue also counts as the generic ISO cue at the same place; keep the specific one.
      if (cue === 'iso' && hits.some((hit) => hit.cue.startsWith('iso') && Math.abs(hit.at - match!.index) < 12)) {
        continue;
      }
      hits.push({ cue, at: match.index, end: match.index + match[0].length });
    }
  }
  return hits;
}

/** The cue nearest before `at`, else the nearest after it. */
function nearestCue(hits: readonly CueHit[], at: number, accept: (cue: Cue) => boolean): CueHit | undefined {
  let before: CueHit | undefined;
  let after: CueHit | undefined;
  for (const hit of hits) {
    if (!accept(hit.cue)) {
      continue;
    }
    if (hit.at <= at) {
      if (!before || hit.at > before.at) {
        before = hit;
      }
    } else if (!after || hit.at < after.at) {
      after = hit;
    }
  }
  return before ?? after;
}

export const YAML_KEY_CUES: readonly [Cue, RegExp][] = [
  ['nist', /nist|800[-_]?53/i],
  ['iso-2022', /(?:iso|27001|27002).*2022|2022.*(?:iso|27001)/i],
  ['iso-2013', /(?:iso|27001|27002).*2013|2013.*(?:iso|27001)/i],
  ['iso', /iso|27001|27002|annex[-_ ]?a|附属書/i],
  ['ismap', /ismap|管理策|管理基準/i],
  ['common-standards-guideline', /対策基準策定|guideline/i],
  ['common-standards-r5', /統一基準.*(?:令和5|r5|2023)/i],
  ['common-standards', /統一基準|common[-_ ]?standards?/i],
];

function yamlKeyCues(keyPath: readonly string[]): CueHit[] {
  const hits: CueHit[] = [];
  // The innermost key decides; outer keys are fallbacks.
  for (let depth = keyPath.length - 1; depth >= 0; depth--) {
    const key = normalize(keyPath[depth]).text;
    for (const [cue, pattern] of YAML_KEY_CUES) {
      if (pattern.test(key)) {
        hits.push({ cue, at: depth - keyPath.length, end: depth - keyPath.length });
        return hits;
      }
    }
  }
  return hits;
}

interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly id: string;
  readonly shape: 'nist' | 'annex-a' | 'dotted' | 'clause';
}

// Identifier shapes, on normalised text. Lookarounds keep them from starting or ending inside a longer token.
const NIST_ID = /(?<![A-Za-z0-9-])([A-Za-z]{2})\s?-\s?(\d{1,2})(?:\s?\(\s?\d{1,2}\s?\)|\.\d{1,2}(?![.\d]))?(?![A-Za-z0-9]|\.\d)/g;
// The full stop ending a sentence (「… A.8.38.」) is not part of the ID; a further number is.
const ANNEX_A_ID = /(?<![A-Za-z0-9.])A\s?\.\s?\d{1,2}\.\d{1,2}(?:\.\d{1,2})?(?!\d|\.\d)/g;
const CLAUSE_ID = /(?<![\d.])\d\.\d(?:\.\d)?\(\d{1,2}\)(?:\([a-z]\))?(?:-\d{1,2})?/g;
const DOTTED_ID = /(?<![\d.A-Za-z])\d{1,2}(?:\.\d{1,3}){1,3}(?:\.(?:PB|B|P))?(?![\d]|\.\d)/g;

function candidatesIn(text: string): Candidate[] {
  const found: Candidate[] = [];
  const taken: [number, number][] = [];
  const add = (pattern: RegExp, shape: Candidate['shape'], filter?: (match: RegExpExecArray) => boolean) => {
    pattern.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(text))) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([s, e]) => start < e && end > s) || (filter && !filter(match))) {
        continue;
      }
      taken.push([start, end]);
      found.push({ start, end, id: match[0], shape });
    }
  };
  add(NIST_ID, 'nist', (match) => NIST_FAMILIES.has(match[1].toUpperCase()));
  add(ANNEX_A_ID, 'annex-a');
  add(CLAUSE_ID, 'clause');
  add(DOTTED_ID, 'dotted');
  return found.sort((a, b) => a.start - b.start);
}

/** 統一基準: the 令和7年度版 unless the 令和5年度版 or the guideline is named; "2.1.1(5)-1" is a guideline measure. */
function commonStandardsEdition(cue: Cue, id: string): FrameworkId {
  if (cue === 'common-standards-guideline' || /\)-\d+$/.test(id)) {
    return 'common-standards-guideline-r5';
  }
  return cue === 'common-standards-r5' ? 'common-standards-r5' : 'common-standards-r7';
}

function frameworkFor(candidate: Candidate, cues: readonly CueHit[], at: number): { framework: FrameworkId; cue: ControlReference['cue'] } | undefined {
  const id = candidate.id;
  switch (candidate.shape) {
    case 'nist': {
      const explicit = nearestCue(cues, at, (cue) => cue === 'nist');
      // A lower-case or dotted spelling (ac-2.1) needs the framework named; "AC-2" is its own cue.
      if (explicit) {
        return { framework: 'nist-sp800-53r5', cue: 'sentence' };
      }
      return /^[A-Z]{2}\s?-\s?\d{1,2}(?:\s?\(\s?\d{1,2}\s?\))?$/.test(id) ? { framework: 'nist-sp800-53r5', cue: 'prefix' } : undefined;
    }
    case 'annex-a': {
      const edition = nearestCue(cues, at, (cue) => cue === 'iso-2022' || cue === 'iso-2013');
      const threeLevel = /^A\s?\.\s?\d+\.\d+\.\d+$/.test(id);
      if (edition) {
        return { framework: edition.cue === 'iso-2013' ? 'iso27001-2013' : 'iso27001-2022', cue: 'sentence' };
      }
      return { framework: threeLevel ? 'iso27001-2013' : 'iso27001-2022', cue: 'prefix' };
    }
    case 'clause': {
      const cue = nearestCue(cues, at, (c) => c.startsWith('common-standards'));
      return cue ? { framework: commonStandardsEdition(cue.cue, id), cue: 'sentence' } : undefined;
    }
    case 'dotted': {
      const cue = nearestCue(cues, at, () => true);
      if (!cue || cue.cue === 'nist') {
        return undefined;
      }
      if (cue.cue === 'ismap') {
        return /^\d{1,2}\.\d{1,2}\.\d{1,2}/.test(id) ? { framework: 'ismap', cue: 'sentence' } : undefined;
      }
      if (cue.cue.startsWith('common-standards')) {
        return { framework: commonStandardsEdition(cue.cue, id), cue: 'sentence' };
      }
      // ISO/IEC 27001 named without "A.": 5.15 (2022) or 9.1.1 (2013).
      const levels = id.split('.').length;
      if (/[A-Z]/.test(id) || levels > 3) {
        return undefined;
      }
      if (cue.cue === 'iso-2013' || (cue.cue === 'iso' && levels === 3)) {
        return levels === 3 ? { framework: 'iso27001-2013', cue: 'sentence' } : undefined;
      }
      return levels === 2 ? { framework: 'iso27001-2022', cue: 'sentence' } : levels === 3 ? { framework: 'iso27001-2013', cue: 'sentence' } : undefined;
    }
  }
}

const DIGIT = /[0-9０-９]/;

/** A column header that says the column holds reference numbers, not the document's own sections. */
const NUMBER_COLUMN = /番号|管理策|項番|項目|基準|対応|遵守事項|ID|No\b|control|clause/i;
const OWN_COLUMN = /本書|本仕様|仕様書|節|章|要件ID|要件番号|section/i;

/**
 * The framework a table column is about, for a cell that holds a control ID alone: its header cell's cues,
 * else the innermost section heading's when the header says the column holds numbers. Cue positions are
 * placed before the cell (-1), so the column's framework is the nearest cue.
 */
function columnCues(model: DocumentModel, offset: number): CueHit[] {
  const cell = blockAt(model, offset)?.table;
  if (!cell || cell.header) {
    return [];
  }
  const header = normalize(cell.headerText, 0, cell.headerText.length).text;
  const fromHeader = findCues(header);
  if (fromHeader.length > 0) {
    return fromHeader.map((hit) => ({ cue: hit.cue, at: -1, end: -1 }));
  }
  if (!NUMBER_COLUMN.test(header) || OWN_COLUMN.test(header)) {
    return [];
  }
  const leadIn = leadInCues(model, offset);
  if (leadIn.length > 0) {
    return leadIn;
  }
  const headings = headingsAt(model, offset);
  for (let index = headings.length - 1; index >= 0; index--) {
    const hits = findCues(normalize(headings[index], 0, headings[index].length).text);
    if (hits.length > 0) {
      return hits.map((hit) => ({ cue: hit.cue, at: -1, end: -1 }));
    }
  }
  return [];
}

/** A sentence that introduces what follows: 「以下の遵守事項を満たすこと。」「次のとおり」「対応は下表のとおり:」. */
const INTRODUCES = /以下|次の|次に|下記|下表|次表|following|below|[:：]\s*$/i;
/** Words that make an ISMAP lead-in about its controls. */
const CONTROL_WORDS = /管理基準|管理策|統制|管理目的|controls?\b|criteria/i;
/** A lead-in saying the list is the document's own sections (「統一基準への対応は以下の各節に記載する。」). */
const OWN_SECTIONS = /本書|本仕様書|本文書|本資料|本章|各節|各章|次の節|以下の節|節に|章に|節で|章で|sections?\b|chapters?\b/i;

/**
 * The cues of the sentence that introduces the list or table holding `offset`: the paragraph right before the
 * list (or the item a nested list hangs from), or the paragraph right before the table — its last sentence,
 * when that sentence introduces what follows. Placed before the ID (-1), like a column's cues.
 */
export function leadInCues(model: DocumentModel, offset: number): CueHit[] {
  const index = blockIndexAt(model, offset);
  if (index === undefined) {
    return [];
  }
  const blocks = model.markdown!.blocks;
  const block = blocks[index];
  let lead: (typeof blocks)[number] | undefined;
  if (block.table) {
    // In a table, the first column or a column of numbers (| 番号 |, | 項目 |): a note in another column
    // (| 備考 | 9.7.1 を参照 |) may point to the document's own section.
    const header = normalize(block.table.headerText, 0, block.table.headerText.length).text;
    if (block.table.header || OWN_COLUMN.test(header) || (block.table.column > 0 && !NUMBER_COLUMN.test(header))) {
      return [];
    }
    let before = index;
    while (before > 0 && blocks[before].table && blocks[before].table!.tableFirstLine === block.table.tableFirstLine) {
      before--;
    }
    const candidate = blocks[before];
    lead = before < index && !candidate.table && candidate.kind === 'paragraph' && candidate.lastLine >= block.table.tableFirstLine - 2 ? candidate : undefined;
  } else if (block.listItem) {
    const first = listLeadIn(model, index);
    const parent = block.listItem.parent;
    // The item a nested list hangs from (「- 統一基準の遵守事項:」 then its sub-items), else the list's lead-in paragraph.
    let from = index - 1;
    while (parent && from >= 0 && blocks[from].listItem !== parent) {
      from--;
    }
    lead = parent && from >= 0 ? blocks[from] : first < index && !blocks[first].listItem ? blocks[first] : undefined;
  }
  if (!lead || lead.kind === 'table-cell') {
    return [];
  }
  const sentence = sentenceAt(model, Math.max(lead.start, lead.end - 1));
  const text = normalizedRange(model, sentence.start, sentence.end).text;
  if (!INTRODUCES.test(text) || OWN_SECTIONS.test(text)) {
    return [];
  }
  // ISMAP is also a registration programme (「ISMAP登録サービスのうち以下を利用する」): its lead-in must be about
  // its controls. The other names are names of control catalogues.
  const controlsNamed = CONTROL_WORDS.test(text);
  return findCues(text)
    .filter((hit) => hit.cue !== 'ismap' || controlsNamed)
    .map((hit) => ({ cue: hit.cue, at: -1, end: -1 }));
}

export function findControlReferences(model: DocumentModel): ControlReference[] {
  const { text } = model;
  const references: ControlReference[] = [];
  const scopeCues = new Map<number, { hits: CueHit[]; normalized: NormalizedText; scopeStart: number }>();
  for (const segment of model.segments) {
    // Every control ID has a digit: most segments are skipped without normalising them.
    if (!DIGIT.test(text.slice(segment.start, segment.end))) {
      continue;
    }
    const normalized = normalizedRange(model, segment.start, segment.end);
    const candidates = candidatesIn(normalized.text);
    if (candidates.length === 0) {
      continue;
    }
    for (const candidate of candidates) {
      const start = normalized.startOf(candidate.start);
      const end = normalized.endOf(candidate.end - 1);
      let hits: CueHit[];
      let at: number;
      if (segment.keyPath !== undefined) {
        // YAML: the keys above, then the scalar's own text.
        const own = findCues(normalized.text);
        hits = [...yamlKeyCues(segment.keyPath), ...own];
        at = candidate.start;
      } else {
        const { start: scopeStart, end: scopeEnd } = sentenceAt(model, start);
        let scope = scopeCues.get(scopeStart * 7919 + scopeEnd);
        if (!scope) {
          const scopeText = normalizedRange(model, scopeStart, scopeEnd);
          scope = { hits: findCues(scopeText.text), normalized: scopeText, scopeStart };
          scopeCues.set(scopeStart * 7919 + scopeEnd, scope);
        }
        hits = scope.hits.map((hit) => ({ cue: hit.cue, at: scope!.normalized.startOf(hit.at), end: hit.end }));
        at = start;
      }
      // A cell holding the ID alone is read by its column: the row may name another framework in another cell.
      const column = segment.kind === 'table' && normalized.text.trim() === candidate.id ? columnCues(model, start) : [];
      // A list item or cell with no cue of its own is read with the sentence introducing its list or table.
      const leadIn = column.length === 0 && hits.length === 0 && segment.keyPath === undefined ? leadInCues(model, start) : [];
      const resolved = frameworkFor(candidate, column.length > 0 ? column : leadIn.length > 0 ? leadIn : hits, at);
      if (resolved) {
        references.push({
          start,
          end,
          framework: resolved.framework,
          id: candidate.id,
          cue:
            resolved.cue !== 'sentence'
              ? resolved.cue
              : column.length > 0
                ? 'table-column'
                : leadIn.length > 0
                  ? 'lead-in'
                  : segment.keyPath !== undefined
                    ? 'yaml-key'
                    : 'sentence',
        });
      }
    }
  }
  return references;
}
