/**
 * Control-ID completion: after a framework cue (「ISMAP管理策 9.2.」「NIST SP 800-53 の AC-」「ISO/IEC 27001:2022
 * 附属書A の A.5.」「統一基準 2.1.」) or under a YAML key that names a framework, the IDs under what was typed,
 * with their short titles, tier or baselines. The cue rules follow the recogniser (document/controlRefs.ts):
 * the framework named in the same sentence or table row, or an ID with its own prefix (AC-2, A.5.15).
 *
 * Only the text before the cursor in its sentence is read, normalised (NFKC) once; the catalogue tree is built
 * once per catalogue and kept.
 */

import type { Catalogues } from '../catalogues/catalogues';
import { normalizePrefix, parentKey } from '../catalogues/ids';
import { CATALOGUE_FAMILY, type Bilingual, type CatalogueFamily, type CatalogueId, type Control, type ControlLevel } from '../catalogues/types';
import { findCues, NIST_FAMILIES, YAML_KEY_CUES, type Cue } from '../context/controlRefs';
import type { Knowledge } from '../knowledge';
import type { Language } from '../language';
import { normalize, normalizeKey } from '../text/normalize';
import { type CompletionEntry, pad, typedFilterText } from './completionShared';
import { catalogueLabel, idAndTitle, LEVEL_LABELS, THEME_LABELS, TIER_LABELS, titleIn } from './controlCard';
import { japaneseKeywords } from './controlKeywords';
import { escapeMarkdown as esc } from './markdownText';

// ---------------------------------------------------------------------------------------------------------
// Framework cues: the recogniser's own (document/controlRefs.ts)

export type { Cue };

/** A cue with where it starts and ends in the normalised text searched. */
export interface CueSpan {
  readonly cue: Cue;
  readonly start: number;
  readonly end: number;
}

export function findCueSpans(text: string): CueSpan[] {
  return findCues(text).map((hit) => ({ cue: hit.cue, start: hit.at, end: hit.end }));
}

/** The framework a YAML key path names, innermost key first (as the recogniser reads it). */
export function yamlKeyCue(keyPath: readonly string[]): Cue | undefined {
  for (let depth = keyPath.length - 1; depth >= 0; depth--) {
    const key = normalizeKey(keyPath[depth]);
    for (const [cue, pattern] of YAML_KEY_CUES) {
      if (pattern.test(key)) {
        return cue;
      }
    }
  }
  return undefined;
}

function commonStandardsCatalogues(cue: Cue, id: string): CatalogueId[] {
  if (cue === 'common-standards-guideline' || /\)-\d*$/.test(id)) {
    return ['common-standards-guideline-r5', 'common-standards-r7'];
  }
  return cue === 'common-standards-r5' ? ['common-standards-r5', 'common-standards-r7'] : ['common-standards-r7'];
}

/** The catalogues to offer for an ID of dotted shape under a cue, in order of preference. */
export function cataloguesForCue(cue: Cue, typed: string): CatalogueId[] | undefined {
  switch (cue) {
    case 'nist':
      return ['nist-sp800-53r5'];
    case 'ismap':
      return ['ismap'];
    case 'iso-2022':
      return ['iso27001-2022'];
    case 'iso-2013':
      return ['iso27001-2013'];
    case 'iso':
      return ['iso27001-2022', 'iso27001-2013'];
    default:
      return commonStandardsCatalogues(cue, typed);
  }
}

// ---------------------------------------------------------------------------------------------------------
// The ID being typed (on NFKC text, anchored at the cursor)

const DASH = '[-\\u2010-\\u2015\\u2212\\u30fc]';
const NIST_TAIL = new RegExp(`(?<![A-Za-z0-9])([A-Za-z]{2})(?:\\s?(${DASH})\\s?(?:\\d{1,2}(?:\\s?\\(\\s?(?:\\d{1,2}\\s?\\)?)?|\\.\\d{0,2})?)?)?$`);
const ANNEX_TAIL = /(?<![A-Za-z0-9.])A\s?\.(?:\s?\d{1,2}(?:\.(?:\d{1,2}(?:\.\d{0,2})?)?)?)?$/;
const CLAUSE_TAIL = /(?<![\d.A-Za-z])\d{1,2}(?:\.\d{1,2}){0,2}\([\d()a-zA-Z-]*$/;
const DOTTED_TAIL = /(?<![\d.A-Za-z])\d{1,2}(?:\.\d{1,3}){0,3}(?:\.|\.?(?:PB?|B|pb?|b))?$/;

export type TokenShape = 'nist' | 'annex' | 'clause' | 'dotted';

export interface TypedId {
  readonly shape: TokenShape;
  /** Offset of the token in the normalised text. */
  readonly index: number;
  readonly text: string;
  /** NIST: a hyphen was typed after the family. */
  readonly hyphen: boolean;
}

/** The control ID being typed at the end of `normalized` (NFKC), if any. */
export function typedIdAtEnd(normalized: string): TypedId | undefined {
  let match = ANNEX_TAIL.exec(normalized);
  if (match) {
    return { shape: 'annex', index: match.index, text: match[0], hyphen: false };
  }
  match = NIST_TAIL.exec(normalized);
  if (match) {
    return { shape: 'nist', index: match.index, text: match[0], hyphen: match[2] !== undefined };
  }
  match = CLAUSE_TAIL.exec(normalized);
  if (match) {
    return { shape: 'clause', index: match.index, text: match[0], hyphen: false };
  }
  match = DOTTED_TAIL.exec(normalized);
  return match ? { shape: 'dotted', index: match.index, text: match[0], hyphen: false } : undefined;
}

/** The nearest hit accepted before `at` (ending at or before it), else the nearest after `afterFrom`. */
function nearest(before: readonly CueSpan[], after: readonly CueSpan[], accept: (cue: Cue) => boolean): CueSpan | undefined {
  let best: CueSpan | undefined;
  for (const hit of before) {
    if (accept(hit.cue) && (!best || hit.start > best.start)) {
      best = hit;
    }
  }
  if (best) {
    return best;
  }
  for (const hit of after) {
    if (accept(hit.cue) && (!best || hit.start < best.start)) {
      best = hit;
    }
  }
  return best;
}

/**
 * The catalogues an ID of this shape means under these cues (hits before the ID, then after the cursor), in
 * order of preference; undefined when the reading is not certain (the recogniser would not read it either).
 */
export function cataloguesForTyped(typed: TypedId, before: readonly CueSpan[], after: readonly CueSpan[]): CatalogueId[] | undefined {
  switch (typed.shape) {
    case 'nist': {
      if (nearest(before, after, (cue) => cue === 'nist')) {
        return ['nist-sp800-53r5'];
      }
      const family = typed.text.slice(0, 2);
      return typed.hyphen && family === family.toUpperCase() && NIST_FAMILIES.has(family) ? ['nist-sp800-53r5'] : undefined;
    }
    case 'annex': {
      const edition = nearest(before, after, (cue) => cue === 'iso-2022' || cue === 'iso-2013');
      if (edition) {
        return [edition.cue === 'iso-2013' ? 'iso27001-2013' : 'iso27001-2022'];
      }
      const numbers = typed.text.match(/\d+/g) ?? [];
      return numbers.length >= 3 || Number(numbers[0] ?? 0) > 8 ? ['iso27001-2013'] : ['iso27001-2022', 'iso27001-2013'];
    }
    case 'clause': {
      const cue = nearest(before, after, (candidate) => candidate.startsWith('common-standards'));
      return cue ? commonStandardsCatalogues(cue.cue, typed.text) : undefined;
    }
    case 'dotted': {
      const cue = nearest(before, after, () => true);
      if (!cue || cue.cue === 'nist') {
        return undefined;
      }
      return cataloguesForCue(cue.cue, typed.text);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// The catalogue as a tree (built once per catalogue)

interface CatalogueTree {
  readonly rows: readonly Control[];
  /** Path key (ISMAP: without suffix) → its listed children; '' holds the top level. */
  readonly children: ReadonlyMap<string, readonly Control[]>;
  readonly order: ReadonlyMap<Control, number>;
}

const trees = new WeakMap<Catalogues, Map<CatalogueId, CatalogueTree>>();

function pathKeyOf(control: Control): string {
  return control.family === 'ismap' ? control.id.replace(/\.(?:PB|B|P)$/, '') : control.id;
}

function treeOf(catalogues: Catalogues, catalogue: CatalogueId): CatalogueTree {
  let perCatalogue = trees.get(catalogues);
  if (!perCatalogue) {
    perCatalogue = new Map();
    trees.set(catalogues, perCatalogue);
  }
  let tree = perCatalogue.get(catalogue);
  if (!tree) {
    const rows = catalogues.all(catalogue);
    const family = CATALOGUE_FAMILY[catalogue];
    const listed = new Set(rows.map(pathKeyOf));
    const children = new Map<string, Control[]>();
    const order = new Map<Control, number>();
    rows.forEach((control, index) => {
      order.set(control, index);
      let parent = parentKey(family, pathKeyOf(control));
      while (parent !== undefined && !listed.has(parent)) {
        parent = parentKey(family, parent);
      }
      const key = parent ?? '';
      const list = children.get(key) ?? [];
      list.push(control);
      children.set(key, list);
    });
    tree = { rows, children, order };
    perCatalogue.set(catalogue, tree);
  }
  return tree;
}

/** Listed controls directly under `root` (undefined: the top level). */
function childrenOf(catalogues: Catalogues, catalogue: CatalogueId, root: string | undefined): readonly Control[] {
  const tree = treeOf(catalogues, catalogue);
  if (root === undefined) {
    return tree.children.get('') ?? [];
  }
  return tree.children.get(root) ?? catalogues.children(catalogue, root);
}

// ---------------------------------------------------------------------------------------------------------
// Items

const HEADING_LEVELS: ReadonlySet<ControlLevel> = new Set(['domain', 'category', 'family', 'chapter', 'section']);

/** The suffix of an ISMAP detailed control, short (the hover card gives ismapSuffixMeaning in full). */
const SUFFIX_SHORT: Readonly<Record<string, Bilingual>> = {
  PB: { ja: '.PB クラウド固有・原則必須', en: '.PB cloud-specific, required in principle' },
  B: { ja: '.B 原則必須', en: '.B required in principle' },
  '': { ja: '接尾辞なし・任意', en: 'no suffix, optional' },
};

function ismapObjective(catalogues: Catalogues, control: Control): Control | undefined {
  return control.level === 'detailed' ? catalogues.objectiveOf(control.id) : undefined;
}

/** The title a control is searched and shown by: its own, else (ISMAP detailed controls) its objective's. */
function titleOf(catalogues: Catalogues, control: Control): string | undefined {
  return control.title ?? control.titleJa ?? ismapObjective(catalogues, control)?.title;
}

/**
 * What a control is, without its title (plain text): ISMAP tier and level (and objective), NIST
 * baselines or withdrawal, ISO theme.
 */
function controlFacts(catalogues: Catalogues, control: Control, language: Language): string[] {
  const ja = language === 'ja';
  switch (control.family) {
    case 'ismap': {
      const level = LEVEL_LABELS[control.level][language];
      let kind = control.tier ? (ja ? `${TIER_LABELS[control.tier].ja} ${level}` : `${level} (${TIER_LABELS[control.tier].en})`) : level;
      if (control.level === 'detailed') {
        const suffix = SUFFIX_SHORT[control.suffix ?? '']?.[language] ?? '';
        kind += ja ? `（${suffix}）` : `, ${suffix}`;
      } else if (control.suffix === 'P') {
        kind += ja ? '（クラウド固有）' : ', cloud-specific';
      }
      const objective = ismapObjective(catalogues, control);
      return objective ? [kind, idAndTitle(objective, language)] : [kind];
    }
    case 'nist-sp800-53':
      if (control.withdrawn) {
        return [ja ? '廃止' : 'withdrawn'];
      }
      return control.baselines.length > 0 ? [control.baselines.map((baseline) => baseline.toUpperCase()).join('/')] : [];
    case 'iso27001': {
      const edition = control.catalogue === 'iso27001-2013' ? (ja ? '2013年版' : '2013 edition') : ja ? '2022年版' : '2022 edition';
      return [control.theme ? (THEME_LABELS[control.theme]?.[language] ?? control.theme) : edition];
    }
    case 'common-standards':
      return control.title || control.titleJa ? [] : [LEVEL_LABELS[control.level][language]];
  }
}

/** One line, plain text: the title in `language` (else the other one, labelled), then what the control is. */
export function controlDetail(catalogues: Catalogues, control: Control, language: Language): string {
  return [titleIn(control, language), ...controlFacts(catalogues, control, language)].filter(Boolean).join(' · ');
}

function controlDocumentation(catalogues: Catalogues, control: Control, language: Language): string {
  const ja = language === 'ja';
  const info = catalogues.info(control.catalogue);
  const lines = [`**${esc(`${catalogueLabel(catalogues, control.catalogue, language)} ${control.id}`)}**`];
  const title = titleIn(control, language);
  if (title) {
    lines.push('', esc(title));
  }
  const facts = controlFacts(catalogues, control, language);
  if (facts.length > 0) {
    lines.push('', esc(facts.join(' · ')));
  }
  if (info) {
    const when = ja ? `${info.asOf}時点${info.partial ? ' · 部分的' : ''}` : `as of ${info.asOf}${info.partial ? ' · partial' : ''}`;
    lines.push('', `*${esc(`${info.name[language]} · ${when}`)}*`);
  }
  return lines.join('\n');
}

/** What follows a heading's ID when it is inserted, so the next level can be typed (9.2 → "9.2.", AC → "AC-"). */
function headingSeparator(family: CatalogueFamily): string {
  return family === 'nist-sp800-53' ? '-' : '.';
}

interface ItemOptions {
  readonly language: Language;
  readonly typed: string;
  readonly start: number;
  readonly end: number;
  /** ISO/IEC 27001 written without "A." (5.15): labels without it too. */
  readonly withoutAnnexPrefix: boolean;
  readonly sortPrefix: string;
  /** Title search: the word typed, put first in filterText. */
  readonly searchWord?: string;
}

function labelOf(control: Control, withoutAnnexPrefix: boolean): string {
  return withoutAnnexPrefix && control.family === 'iso27001' ? control.id.replace(/^A\./, '') : control.id;
}

function itemFor(catalogues: Catalogues, control: Control, options: ItemOptions, sortKey: string): CompletionEntry {
  const label = labelOf(control, options.withoutAnnexPrefix);
  const heading = HEADING_LEVELS.has(control.level);
  const title = titleOf(catalogues, control);
  const searchable = [title, control.titleJa && control.titleJa !== title ? control.titleJa : undefined, japaneseKeywords(control.title ?? title)]
    .filter(Boolean)
    .join(' ');
  const lead = options.searchWord !== undefined ? `${options.searchWord} ${label}` : typedFilterText(options.typed, label);
  return {
    label,
    kind: 'control',
    detail: controlDetail(catalogues, control, options.language),
    documentation: controlDocumentation(catalogues, control, options.language),
    filterText: searchable ? `${lead} ${searchable}` : lead,
    sortText: `${options.sortPrefix}${sortKey}`,
    insertText: heading ? label + headingSeparator(control.family) : undefined,
    replaceStart: options.start,
    replaceEnd: options.end,
    deprecated: control.withdrawn || undefined,
    retrigger: heading || undefined,
  };
}

interface TypedPrefix {
  /** The typed ID as a key prefix of the family (undefined: the top level). */
  readonly key: string | undefined;
  /** It ends with a separator (9.2. / AC- / 2.1.1( ): what is under it is wanted. */
  readonly open: boolean;
  /** The typed text in NFKC, upper case, dashes folded, without spaces, to match IDs literally (AC-2(1 → AC-2(10)). */
  readonly literal: string;
}

/** The typed ID as a key prefix of the catalogue's family; undefined when it is not an ID of that family. */
function prefixOf(family: CatalogueFamily, typed: string): TypedPrefix | undefined {
  const literal = normalizeKey(typed).replace(/[\u2010-\u2015\u2212\u30fc]/g, '-').replace(/\s+/g, '').toUpperCase();
  if (literal === '') {
    return { key: undefined, open: true, literal };
  }
  let text = literal;
  let open = /[.\-(]$/.test(text);
  if (family === 'ismap') {
    // A suffix being typed (9.2.1.6.P): complete among the siblings by the literal text.
    const suffix = /\.?[A-Z]+$/.exec(text);
    if (suffix) {
      text = text.slice(0, suffix.index);
      open = false;
    }
  }
  if (family === 'nist-sp800-53' && /\(\d+$/.test(text)) {
    text += ')';
  }
  const key = normalizePrefix(family, text);
  return key === undefined ? undefined : { key, open, literal };
}

/**
 * The IDs under what was typed in one catalogue: the controls directly under it first (catalogue order), then
 * the level below (ISMAP 9.2. → 9.2.1 … 9.2.6, then the detailed controls 9.2.1.6.PB …; NIST AC- → AC-1 …
 * AC-25, then AC-2(1) …). Without a trailing separator the typed ID is completed among its siblings (9.2 →
 * 9.2 and what is under it).
 */
function prefixItems(catalogues: Catalogues, catalogue: CatalogueId, options: ItemOptions): CompletionEntry[] {
  const family = CATALOGUE_FAMILY[catalogue];
  const prefix = prefixOf(family, options.typed);
  if (!prefix) {
    return [];
  }
  const root = prefix.open || prefix.key === undefined ? prefix.key : parentKey(family, prefix.key);
  const key = prefix.key?.toUpperCase();
  const keep = (control: Control) => {
    if (prefix.open || key === undefined) {
      return true;
    }
    const label = labelOf(control, options.withoutAnnexPrefix).toUpperCase();
    return label.startsWith(prefix.literal) || control.id.toUpperCase().startsWith(key);
  };
  const tree = treeOf(catalogues, catalogue);
  const first = childrenOf(catalogues, catalogue, root);
  const items: CompletionEntry[] = [];
  for (const control of first) {
    if (keep(control)) {
      items.push(itemFor(catalogues, control, options, `1${pad(tree.order.get(control) ?? 0)}`));
    }
  }
  for (const parent of first) {
    for (const control of tree.children.get(pathKeyOf(parent)) ?? []) {
      if (keep(control)) {
        items.push(itemFor(catalogues, control, options, `2${pad(tree.order.get(control) ?? 0)}`));
      }
    }
  }
  return items;
}

const searchTexts = new WeakMap<Control, string>();

/** Controls whose titles (or the Japanese search words for them) contain `word`. */
function titleItems(catalogues: Catalogues, catalogue: CatalogueId, word: string, options: ItemOptions, limit = 100): CompletionEntry[] {
  const needle = normalizeKey(word).toLowerCase();
  const tree = treeOf(catalogues, catalogue);
  const items: CompletionEntry[] = [];
  for (const control of tree.rows) {
    if (HEADING_LEVELS.has(control.level) || (!control.title && !control.titleJa)) {
      continue;
    }
    let text = searchTexts.get(control);
    if (text === undefined) {
      text = normalizeKey(`${control.title ?? ''} ${control.titleJa ?? ''} ${japaneseKeywords(control.title)}`).toLowerCase();
      searchTexts.set(control, text);
    }
    if (text.includes(needle)) {
      items.push(itemFor(catalogues, control, { ...options, searchWord: word }, `1${pad(tree.order.get(control) ?? 0)}`));
      if (items.length >= limit) {
        break;
      }
    }
  }
  return items;
}

export interface ControlCompletion {
  readonly items: CompletionEntry[];
  /** The list was filtered on the server (top level or title search): ask again as the user types. */
  readonly isIncomplete: boolean;
}

/** Whether `typed` is a word to search titles by (not an ID being typed). */
export function isSearchWord(typed: string): boolean {
  const text = normalizeKey(typed);
  if (text.length < 2 || /\s/.test(text)) {
    return false;
  }
  // Two letters are a NIST family (AC); three or more Latin letters, or any Japanese, are a word.
  return /^[A-Za-z]{3,}$/.test(text) || !/^[\d.\-()A-Za-z]*$/.test(text);
}

/**
 * IDs of the first catalogue (in order) that has any for what was typed: the top level when nothing was typed,
 * the IDs under a typed prefix, or the controls whose titles hold a typed word.
 */
export function controlCompletions(
  knowledge: Knowledge,
  language: Language,
  catalogueIds: readonly CatalogueId[],
  typed: string,
  start: number,
  end: number,
  sortPrefix = '0',
): ControlCompletion {
  const catalogues = knowledge.catalogues;
  if (!catalogues) {
    return { items: [], isIncomplete: false };
  }
  const withoutAnnexPrefix = /^[0-9０-９]/.test(typed.trim());
  const options: ItemOptions = { language, typed, start, end, withoutAnnexPrefix, sortPrefix };
  const word = isSearchWord(typed);
  for (const catalogue of catalogueIds) {
    if (!catalogues.info(catalogue)) {
      continue;
    }
    const items = word ? titleItems(catalogues, catalogue, typed, options) : prefixItems(catalogues, catalogue, options);
    if (items.length > 0) {
      return { items, isIncomplete: word || typed.trim() === '' };
    }
  }
  return { items: [], isIncomplete: word };
}

/** Text allowed between a framework cue and the ID that follows it (「ISMAP管理策 」「NIST SP 800-53 Rev. 5 の 」). */
const GLUE =
  /^(?:\s+|管理策基準|詳細管理策|管理策|管理基準|管理目的|要求事項|遵守事項|附属書\s?A|附属書|Annex\s?A|Rev\.?\s?5|令和\d+年度版|\(令和\d+年度版\)|（令和\d+年度版）|\d{4}年版|の|における|に定める|[:：「『(（])/;

/** The text after a cue with the glue stripped from its start; undefined when only glue follows. */
function afterGlue(text: string): { rest: string; skipped: number } {
  let rest = text;
  let skipped = 0;
  for (;;) {
    const match = GLUE.exec(rest);
    if (!match || match[0].length === 0) {
      return { rest, skipped };
    }
    rest = rest.slice(match[0].length);
    skipped += match[0].length;
  }
}

/**
 * Control IDs in prose: `text[scopeStart, offset)` is the sentence (or table row, heading line) up to the
 * cursor and `text[offset, scopeEnd)` its rest. Offers the IDs of the cued framework under what is typed, the
 * framework's top level right after the cue (「ISMAP管理策 」), or the controls whose titles hold the word
 * typed right after the cue (「ISMAP管理策 アクセス」).
 */
export function proseControlCompletions(
  text: string,
  scopeStart: number,
  offset: number,
  scopeEnd: number,
  knowledge: Knowledge,
  language: Language,
): ControlCompletion {
  const none = { items: [], isIncomplete: false };
  if (!knowledge.catalogues) {
    return none;
  }
  const before = normalize(text, scopeStart, offset);
  const afterText = normalize(text, offset, scopeEnd).text;
  const after = findCueSpans(afterText);
  const typed = typedIdAtEnd(before.text);
  const originalAt = (index: number) => (index >= before.text.length ? offset : before.startOf(index));
  if (typed) {
    const hits = findCueSpans(before.text).filter((hit) => hit.end <= typed.index);
    const catalogueIds = cataloguesForTyped(typed, hits, after);
    if (!catalogueIds) {
      return none;
    }
    const start = originalAt(typed.index);
    return controlCompletions(knowledge, language, catalogueIds, text.slice(start, offset), start, offset);
  }
  // Nothing ID-like typed: right after a cue, its top level or a title search.
  const hits = findCueSpans(before.text);
  const last = hits.reduce<CueSpan | undefined>((found, hit) => (!found || hit.end > found.end ? hit : found), undefined);
  if (!last) {
    return none;
  }
  const { rest, skipped } = afterGlue(before.text.slice(last.end));
  // 「ISMAP管理策 」「ISMAP の」: glue is needed, so 「ISMAP登録」 is a word of its own, not a title search.
  if (skipped === 0 || (rest !== '' && !isSearchWord(rest))) {
    return none;
  }
  const cue =
    last.cue === 'iso'
      ? // 「ISO/IEC 27001:2022 附属書A の」: the edition named just before the annex wins.
        (hits.find((hit) => (hit.cue === 'iso-2022' || hit.cue === 'iso-2013') && hit.end <= last.start && last.start - hit.end < 12)?.cue ?? 'iso')
      : last.cue;
  const catalogueIds = cataloguesForCue(cue, '');
  if (!catalogueIds) {
    return none;
  }
  const start = originalAt(last.end + skipped);
  return controlCompletions(knowledge, language, catalogueIds, text.slice(start, offset), start, offset);
}
