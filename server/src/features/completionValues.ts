/**
 * Values from the knowledge for YAML completion: cloud providers and services (with what the ISMAP list in use
 * says about them, worded per the list's partiality), a provider's regions (Japanese ones first), and the
 * information grades.
 */

import type { Knowledge } from '../knowledge';
import type { Language } from '../language';
import { ismapStatus } from '../services/status';
import type { IsmapList, ServiceEntry, ServiceRegion } from '../services/types';
import { normalizeKey } from '../text/normalize';
import { type CompletionEntry, pad, typedFilterText } from './completionShared';
import { serviceCard } from './serviceCard';
import { termCard } from './hover';
import { OTHER_LANGUAGE_LABEL } from './cardParts';
import { escapeMarkdown as esc } from './markdownText';

export interface ValueRange {
  /** The value typed so far, as written. */
  readonly typed: string;
  readonly start: number;
  readonly end: number;
  /** Put before the inserted text (a space after "key:" typed without one). */
  readonly lead?: string;
}

function filterTextOf(range: ValueRange, words: readonly string[]): string {
  return words.map((word) => typedFilterText(range.typed, word)).join(' ');
}

/**
 * What the ISMAP list in use says about a service, in one line. Never "not registered": a service missing from
 * the list is "not found" in a list named by its date, size and partiality (as services/status.ts words it).
 */
export function ismapDetail(service: ServiceEntry, list: IsmapList, language: Language): string {
  const status = ismapStatus(service, list);
  const count = list.entries.length;
  const listText =
    language === 'ja'
      ? `${list.asOf}時点、${count}件${list.partial ? '、部分的' : ''}`
      : `as of ${list.asOf}, ${count} ${count === 1 ? 'service' : 'services'}${list.partial ? ', partial' : ''}`;
  if (status.found) {
    const numbers = status.matches.map((match) => `${match.entry.program === 'ISMAP-LIU' ? 'ISMAP-LIU ' : ''}${match.entry.registrationNumber}`).join(', ');
    return language === 'ja' ? `ISMAP掲載 ${numbers}（リスト ${listText}）` : `on the ISMAP list: ${numbers} (list ${listText})`;
  }
  return language === 'ja' ? `読み込んだISMAPリスト（${listText}）に見当たりません` : `not found in the ISMAP list loaded (${listText})`;
}

/** The ガバメントクラウド providers first, then other IaaS platforms, in catalogue order. */
export function providerCompletions(knowledge: Knowledge, range: ValueRange, language: Language): CompletionEntry[] {
  const providers = [...knowledge.services.filter((service) => service.govCloud), ...knowledge.services.filter((service) => !service.govCloud && service.kind.includes('IaaS'))];
  return providers.map((service, index): CompletionEntry => {
    const selected = service.govCloud?.status === 'selected';
    const govCloud = service.govCloud
      ? language === 'ja'
        ? `ガバメントクラウド: ${selected ? '選定' : '条件付き選定'}`
        : `Government Cloud: ${selected ? 'selected' : 'selected on conditions'}`
      : undefined;
    const aliases = service.aliases.filter((alias) => alias.canonical && alias.match !== false).map((alias) => alias.text);
    return {
      label: service.name,
      kind: 'provider',
      detail: [govCloud, ismapDetail(service, knowledge.ismapList, language)].filter(Boolean).join(' · '),
      documentation: serviceCard(service, knowledge.ismapList, language),
      filterText: filterTextOf(range, [service.name, ...aliases.slice(0, 3)]),
      sortText: `${service.govCloud ? 0 : 1}${pad(index)}`,
      insertText: range.lead ? range.lead + service.name : undefined,
      replaceStart: range.start,
      replaceEnd: range.end,
    };
  });
}

/** The catalogue service a written provider or service name denotes (its name or any alias, after NFKC). */
export function serviceNamed(knowledge: Knowledge, written: string): ServiceEntry | undefined {
  const key = normalizeKey(written).trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (key === '') {
    return undefined;
  }
  return knowledge.services.find(
    (service) => normalizeKey(service.name).toLowerCase() === key || service.aliases.some((alias) => normalizeKey(alias.text).toLowerCase() === key),
  );
}

/**
 * Cloud services: the chosen provider's first (its products, such as Amazon EC2, after its own name), then the
 * rest in catalogue order; SaaS first where `preferSaas` (a saas list).
 */
export function serviceCompletions(knowledge: Knowledge, range: ValueRange, language: Language, provider?: ServiceEntry, preferSaas = false): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const rank = (service: ServiceEntry) =>
    provider && (service === provider || service.provider === provider.provider) ? 0 : preferSaas && service.kind.includes('SaaS') ? 1 : 2;
  knowledge.services.forEach((service, index) => {
    const detail = `${service.provider} · ${service.kind.join('/')} · ${ismapDetail(service, knowledge.ismapList, language)}`;
    items.push({
      label: service.name,
      kind: 'service',
      detail,
      documentation: serviceCard(service, knowledge.ismapList, language),
      filterText: filterTextOf(range, [service.name]),
      sortText: `${rank(service)}${pad(index)}0000`,
      insertText: range.lead ? range.lead + service.name : undefined,
      replaceStart: range.start,
      replaceEnd: range.end,
    });
    if (service === provider) {
      // Product names the catalogue records as canonical aliases (Amazon EC2, Amazon S3 …), not abbreviations.
      service.aliases
        .filter((alias) => alias.canonical && alias.match !== false && !/^[A-Z0-9]+$/.test(alias.text) && alias.text.includes(' '))
        .forEach((alias, aliasIndex) => {
          items.push({
            label: alias.text,
            kind: 'service',
            detail: `${service.name} · ${ismapDetail(service, knowledge.ismapList, language)}`,
            documentation: serviceCard(service, knowledge.ismapList, language, { surface: alias.text }),
            filterText: filterTextOf(range, [alias.text]),
            sortText: `0${pad(index)}${pad(aliasIndex + 1, 4)}`,
            insertText: range.lead ? range.lead + alias.text : undefined,
            replaceStart: range.start,
            replaceEnd: range.end,
          });
        });
    }
  });
  return items;
}

function regionDetail(region: ServiceRegion, service: ServiceEntry, withProvider: boolean, language: Language): string {
  const ja = language === 'ja';
  const parts = [
    region.name !== region.id ? region.name : undefined,
    region.location,
    region.japan ? (ja ? '国内' : 'in Japan') : ja ? '海外' : 'outside Japan',
    region.unit === 'zone' ? (ja ? 'ゾーン' : 'zone') : undefined,
  ];
  return [withProvider ? service.name : undefined, ...parts].filter(Boolean).join(' · ');
}

/**
 * Regions of the chosen provider (or of every ガバメントクラウド provider when none is chosen), Japanese regions
 * first, then the rest, each in catalogue order.
 */
export function regionCompletions(knowledge: Knowledge, range: ValueRange, language: Language, provider?: ServiceEntry): CompletionEntry[] {
  const services = provider && provider.regions.length > 0 ? [provider] : knowledge.services.filter((service) => service.regions.length > 0);
  const items: CompletionEntry[] = [];
  let index = 0;
  for (const service of services) {
    for (const region of service.regions) {
      index += 1;
      items.push({
        label: region.id,
        kind: 'region',
        detail: regionDetail(region, service, services.length > 1, language),
        documentation: [
          `**${esc(region.id)}** — ${esc(region.name)}`,
          '',
          esc(`${service.name} · ${region.location} · ${region.japan ? (language === 'ja' ? '日本国内' : 'in Japan') : language === 'ja' ? '日本国外' : 'outside Japan'}`),
          // Region notes are written in English only in the catalogue.
          ...(region.note ? ['', `${language === 'ja' ? OTHER_LANGUAGE_LABEL.ja : ''}${esc(region.note)}`] : []),
        ].join('\n'),
        filterText: filterTextOf(range, [region.id, region.name]),
        sortText: `${region.japan ? 0 : 1}${pad(index)}`,
        insertText: range.lead ? range.lead + region.id : undefined,
        replaceStart: range.start,
        replaceEnd: range.end,
      });
    }
  }
  return items;
}

export type GradeAxis = 'confidentiality' | 'integrity' | 'availability';

const AXES: Readonly<Record<GradeAxis, { ja: string; max: number }>> = {
  confidentiality: { ja: '機密性', max: 3 },
  integrity: { ja: '完全性', max: 2 },
  availability: { ja: '可用性', max: 2 },
};

/**
 * The valid grades (統一基準 1.2): under an axis key its levels ("2", shown as 機密性2情報); without an axis the
 * grade names (機密性1情報 … 可用性2情報).
 */
export function gradeCompletions(knowledge: Knowledge, range: ValueRange, language: Language, axis?: GradeAxis): CompletionEntry[] {
  const items: CompletionEntry[] = [];
  const axes = axis ? [axis] : (Object.keys(AXES) as GradeAxis[]);
  for (const name of axes) {
    const { ja, max } = AXES[name];
    for (let level = 1; level <= max; level++) {
      const term = knowledge.glossary.term(`${name}-${level}`);
      const grade = `${ja}${level}情報`;
      const label = axis ? String(level) : grade;
      items.push({
        label,
        kind: 'grade',
        detail: axis ? `${grade}${term ? ` · ${term.english}` : ''}` : term?.english,
        documentation: term ? termCard(term, knowledge.glossary, language) : undefined,
        filterText: filterTextOf(range, axis ? [label, grade] : [label]),
        sortText: `0${pad(items.length)}`,
        insertText: range.lead ? range.lead + label : undefined,
        replaceStart: range.start,
        replaceEnd: range.end,
      });
    }
  }
  return items;
}
