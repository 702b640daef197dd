/**
 * Whether an ISMAP list holds a service, worded so that it never claims more than the list does: a service
 * missing from the list is "not found in the ISMAP list loaded (<name>, as of <date>, <N> services[, partial])",
 * never "not registered".
 */

import type { Bilingual } from '../glossary/types';
import type { Language } from '../language';
import { isLatinOrDigit } from '../text/matcher';
import { normalizeKey } from '../text/normalize';
import type { IsmapAbsence, IsmapFact, IsmapList, IsmapListEntry, ServiceEntry, ServiceSource } from './types';

/** A registration number in a comparable form: NFKC, upper case, no spaces, ASCII hyphens. */
export function normalizeRegistrationNumber(text: string): string {
  return normalizeKey(text)
    .toUpperCase()
    .replace(/[\s]/g, '')
    .replace(/[‐‑‒–—―−ー－]/g, '-');
}

export interface IsmapListSummary {
  readonly name: string;
  readonly asOf: string;
  /** Entries in the list. */
  readonly count: number;
  readonly partial: boolean;
}

export function summarizeList(list: IsmapList): IsmapListSummary {
  return { name: list.name, asOf: list.asOf, count: list.entries.length, partial: list.partial };
}

function servicesEn(count: number): string {
  return `${count} ${count === 1 ? 'service' : 'services'}`;
}

/** `ISMAP list "<name>" (as of 2026-09-15, 12 services, partial)` */
export function describeList(list: IsmapList): string {
  return `ISMAP list "${list.name}" (as of ${list.asOf}, ${servicesEn(list.entries.length)}${list.partial ? ', partial' : ''})`;
}

/** `ISMAPリスト「<name>」（2026-09-15時点、12件、部分的）` */
export function describeListJa(list: IsmapList): string {
  return `ISMAPリスト「${list.name}」（${list.asOf}時点、${list.entries.length}件${list.partial ? '、部分的' : ''}）`;
}

/** describeList or describeListJa, by language. */
export function describeListIn(list: IsmapList, language: Language): string {
  return language === 'ja' ? describeListJa(list) : describeList(list);
}

/** The parenthesis of the status sentences: `<name>, as of <date>, <N> services[, partial]`. */
function listDetailsEn(list: IsmapList): string {
  return `${list.name}, as of ${list.asOf}, ${servicesEn(list.entries.length)}${list.partial ? ', partial' : ''}`;
}

function listDetailsJa(list: IsmapList): string {
  return `${list.name}、${list.asOf}時点、${list.entries.length}件${list.partial ? '、部分的' : ''}`;
}

export type IsmapMatchKind = 'service-id' | 'registration-number' | 'name' | 'similar-name';

export interface IsmapMatch {
  readonly entry: IsmapListEntry;
  readonly matchedBy: IsmapMatchKind;
}

export interface IsmapStatus {
  /** true when the list holds the service (by service id, registration number or exact name). */
  readonly found: boolean;
  /** The entries that hold the service (empty when not found). */
  readonly matches: readonly IsmapMatch[];
  /** Entries whose names contain one of the service's names; shown for checking, never counted as found. */
  readonly similar: readonly IsmapListEntry[];
  readonly list: IsmapListSummary;
  /** One sentence each, plain text (escape it for Markdown). */
  readonly text: Bilingual;
}

/** NFKC, lower case, single spaces, no middle dots. */
function nameKey(text: string): string {
  return normalizeKey(text).toLowerCase().replace(/[・･]/g, ' ').replace(/\s+/g, ' ').trim();
}

function compact(key: string): string {
  return key.replace(/\s+/g, '');
}

/** `needle` occurs in `haystack` without cutting a Latin word or a number. */
function containsWord(haystack: string, needle: string): boolean {
  for (let from = haystack.indexOf(needle); from !== -1; from = haystack.indexOf(needle, from + 1)) {
    const before = from > 0 ? haystack.charCodeAt(from - 1) : -1;
    const after = from + needle.length < haystack.length ? haystack.charCodeAt(from + needle.length) : -1;
    const startOk = !isLatinOrDigit(needle.charCodeAt(0)) || before === -1 || !isLatinOrDigit(before);
    const endOk = !isLatinOrDigit(needle.charCodeAt(needle.length - 1)) || after === -1 || !isLatinOrDigit(after);
    if (startOk && endOk) {
      return true;
    }
  }
  return false;
}

function describeEntryEn(entry: IsmapListEntry): string {
  const parts = [`${entry.registrationNumber} "${entry.serviceName}"`];
  if (entry.program === 'ISMAP-LIU') {
    parts.push('(ISMAP-LIU)');
  }
  const dates = [entry.registered && `registered ${entry.registered}`, entry.expires && `valid until ${entry.expires}`].filter(Boolean);
  return parts.join(' ') + (dates.length > 0 ? `, ${dates.join(', ')}` : '');
}

function describeEntryJa(entry: IsmapListEntry): string {
  const parts = [`${entry.registrationNumber}「${entry.serviceName}」`];
  if (entry.program === 'ISMAP-LIU') {
    parts.push('（ISMAP-LIU）');
  }
  const dates = [entry.registered && `登録日 ${entry.registered}`, entry.expires && `有効期限 ${entry.expires}`].filter(Boolean);
  return parts.join('') + (dates.length > 0 ? `、${dates.join('、')}` : '');
}

/**
 * Looks the service up in the list: by the entry's service id (bundled list), by the registration numbers
 * the catalogue records for the service, or by the service's name or an alias written exactly as the entry's
 * name (after NFKC, case and spacing). Entries whose names merely contain a name are reported as similar.
 */
export function ismapStatus(service: ServiceEntry, list: IsmapList): IsmapStatus {
  const numbers = new Set(
    service.ismap.flatMap((fact) => (fact.registrationNumber ? [normalizeRegistrationNumber(fact.registrationNumber)] : [])),
  );
  const names = [service.name, ...service.aliases.map((alias) => alias.text)].map(nameKey);
  const compactNames = new Set(names.map(compact));
  const containable = [
    ...(service.matchName === false ? [] : [service.name]),
    ...service.aliases.filter((alias) => alias.match !== false).map((alias) => alias.text),
  ]
    .map(nameKey)
    .filter((key) => key.length >= 4);

  const matches: IsmapMatch[] = [];
  const similar: IsmapListEntry[] = [];
  for (const entry of list.entries) {
    const entryName = nameKey(entry.serviceName);
    let matchedBy: IsmapMatchKind | undefined;
    if (entry.serviceId !== undefined && entry.serviceId === service.id) {
      matchedBy = 'service-id';
    } else if (numbers.has(normalizeRegistrationNumber(entry.registrationNumber))) {
      matchedBy = 'registration-number';
    } else if (compactNames.has(compact(entryName))) {
      matchedBy = 'name';
    }
    if (matchedBy) {
      matches.push({ entry, matchedBy });
    } else if (containable.some((key) => containsWord(entryName, key))) {
      similar.push(entry);
    }
  }

  const summary = summarizeList(list);
  let text: Bilingual;
  if (matches.length > 0) {
    text = {
      ja: `読み込んだISMAPリスト（${listDetailsJa(list)}）に掲載: ${matches.map((match) => describeEntryJa(match.entry)).join('; ')}`,
      en: `listed in the ISMAP list loaded (${listDetailsEn(list)}): ${matches.map((match) => describeEntryEn(match.entry)).join('; ')}`,
    };
  } else if (similar.length > 0) {
    text = {
      ja: `読み込んだISMAPリスト（${listDetailsJa(list)}）に見当たりません。似た名称の項目: ${similar.map(describeEntryJa).join('; ')}（同じサービスか確認してください）`,
      en: `not found in the ISMAP list loaded (${listDetailsEn(list)}); similar names in it: ${similar.map(describeEntryEn).join('; ')} (check whether it is the same service)`,
    };
  } else {
    text = {
      ja: `読み込んだISMAPリスト（${listDetailsJa(list)}）に見当たりません`,
      en: `not found in the ISMAP list loaded (${listDetailsEn(list)})`,
    };
  }
  return { found: matches.length > 0, matches, similar, list: summary, text };
}

/**
 * What govsec can say about a service's ISMAP registration, from the list in use and the catalogue's sources:
 * - `listed`: the list holds it;
 * - `reported-registered`: the list is partial and does not hold it, but a source reports a registration;
 * - `not-in-partial-list`: the list is partial and no source says either way;
 * - `not-in-imported-list`: a complete (imported official) list does not hold it;
 * - `reported-not-registered`: the list is partial and a source says it is not registered.
 */
export type IsmapState = 'listed' | 'reported-registered' | 'not-in-partial-list' | 'not-in-imported-list' | 'reported-not-registered';

export interface IsmapAssessment {
  readonly state: IsmapState;
  readonly status: IsmapStatus;
  /** The source's report behind `reported-registered` (the first ISMAP one, else the first). */
  readonly reported?: IsmapFact;
  /** The source's statement behind `reported-not-registered`. */
  readonly absence?: IsmapAbsence;
}

export function ismapAssessment(service: ServiceEntry, list: IsmapList): IsmapAssessment {
  const status = ismapStatus(service, list);
  if (status.found) {
    return { state: 'listed', status };
  }
  // A complete list is the reference: what sources reported earlier may have lapsed since.
  if (!list.partial) {
    return { state: 'not-in-imported-list', status };
  }
  const absence = service.notRegistered[0];
  if (absence) {
    return { state: 'reported-not-registered', status, absence };
  }
  const reported = service.ismap.find((fact) => fact.program === 'ISMAP') ?? service.ismap[0];
  if (reported) {
    return { state: 'reported-registered', status, reported };
  }
  return { state: 'not-in-partial-list', status };
}

/** Who says it: the first source's publisher, else its title. */
export function sourceName(sources: readonly ServiceSource[]): string {
  const [first] = sources;
  return first.publisher || first.title;
}

/** `C21-0008-2、2021-12-20登録` — the number and the date, whichever the fact has. */
function factDetailsJa(fact: IsmapFact): string {
  const date = fact.registered ? `${fact.registered}登録` : fact.announced ? `${fact.announced}発表` : undefined;
  return [fact.registrationNumber ?? '番号不明', date].filter(Boolean).join('、');
}

function factDetailsEn(fact: IsmapFact): string {
  const date = fact.registered ? `registered ${fact.registered}` : fact.announced ? `announced ${fact.announced}` : undefined;
  return [fact.registrationNumber ?? 'no number known', date].filter(Boolean).join(', ');
}

/**
 * The state as one sentence for the hover card and completion, without the service's name: where the list
 * holds the service, what a source reports, or what is missing.
 */
export function assessmentText(assessment: IsmapAssessment, list: IsmapList): Bilingual {
  const { state, reported, absence } = assessment;
  switch (state) {
    case 'reported-registered':
      return {
        ja: `出典によれば${reported!.program}登録済み（${factDetailsJa(reported!)}、${sourceName(reported!.sources)}）。部分的なISMAPリスト（${list.asOf}時点）には未収録です`,
        en: `reported ${reported!.program}-registered (${factDetailsEn(reported!)}; ${sourceName(reported!.sources)}); not in the partial ISMAP list (as of ${list.asOf})`,
      };
    case 'reported-not-registered':
      return {
        ja: `${sourceName(absence!.sources)}${absence!.asOf ? `（${absence!.asOf}）` : ''}は「${absence!.listedName}」を${absence!.program}未登録としています`,
        en: `${sourceName(absence!.sources)}${absence!.asOf ? ` (${absence!.asOf})` : ''} reports "${absence!.listedName}" as not ${absence!.program}-registered`,
      };
    default:
      return assessment.status.text;
  }
}

/**
 * The finding of ismap/unregistered-service for a state that has one, as one short sentence per language
 * (`named` is how the document writes the service: 「Box」 / "Box", or with the catalogue name after it).
 * `undefined` for the registered states, which have no finding.
 */
export function unregisteredFinding(
  assessment: IsmapAssessment,
  list: IsmapList,
  named: Bilingual,
): { readonly severity: 'information' | 'warning'; readonly text: Bilingual } | undefined {
  switch (assessment.state) {
    case 'not-in-partial-list': {
      const imported = list.importedFrom !== undefined;
      return {
        severity: 'information',
        text: {
          ja: `${named.ja}は${imported ? '取り込んだ' : '同梱の'}部分的なISMAPリスト（${list.asOf}時点）に無く、公式リストで確認が必要です`,
          en: `${named.en} is not in ${imported ? 'the imported' : "govsec's bundled"} partial ISMAP list (as of ${list.asOf}); check the official list.`,
        },
      };
    }
    case 'not-in-imported-list':
      return {
        severity: 'warning',
        text: {
          ja: `${named.ja}は取り込んだISMAPリスト（${list.asOf}時点）に掲載されていません`,
          en: `${named.en} is not on the imported ISMAP list (as of ${list.asOf}).`,
        },
      };
    case 'reported-not-registered': {
      const { absence } = assessment;
      const who = sourceName(absence!.sources);
      return {
        severity: 'warning',
        text: {
          ja: `${named.ja}は${who}${absence!.asOf ? `（${absence!.asOf}）` : ''}で${absence!.program}未登録とされています`,
          en: `${named.en} is reported as not ${absence!.program}-registered by "${who}"${absence!.asOf ? ` (${absence!.asOf})` : ''}.`,
        },
      };
    }
    default:
      return undefined;
  }
}
