/**
 * The hover card for a cloud service, protocol-free, in one language. Read in a hurry: the first line gives
 * the name, kind and ISMAP state in a few words; the next the provider and ガバメントクラウド status. Below a
 * rule: the ISMAP state as a sentence (ismapAssessment: on the list in use, reported registered, missing from
 * the list, or reported not registered, each naming the list's date or the source); the registrations and
 * "not registered" statements that sources report, with how sure each is; where data is kept as sources state
 * it, and regions in Japan; below another rule the sources and as-of date.
 * All data is escaped.
 */

import type { Bilingual, Language } from '../language';
import { assessmentText, describeList, describeListJa, ismapAssessment, type IsmapAssessment } from '../services/status';
import type { IsmapAbsence, IsmapEvidence, IsmapFact, IsmapList, ServiceEntry, ServiceSource } from '../services/types';
import { caveatLine, headerBlock, sourceLine } from './cardParts';
import { escapeMarkdown, markdownLink } from './markdownText';

export interface ServiceCardOptions {
  /** The text as written in the document, when it is not the service's name. */
  readonly surface?: string;
}

const CONFIDENCE: Readonly<Record<NonNullable<ServiceEntry['govCloud']>['confidence'], Bilingual>> = {
  high: { ja: '高', en: 'high' },
  medium: { ja: '中', en: 'medium' },
  low: { ja: '低', en: 'low' },
};

const EVIDENCE: Readonly<Record<IsmapEvidence, Bilingual>> = {
  'official-list': { ja: '公式リスト', en: 'official list' },
  vendor: { ja: '事業者の発表', en: 'provider' },
  'second-hand': { ja: '第三者情報', en: 'second-hand' },
};

const GOV_CLOUD_STATE: Readonly<Record<NonNullable<ServiceEntry['govCloud']>['status'], Bilingual>> = {
  selected: { ja: '採択', en: 'selected' },
  'selected-conditional': { ja: '条件付き採択', en: 'selected on conditions' },
};

/** The ISMAP state in a few words, for the card's first line (the sentence below the rule says the rest). */
export function ismapStateShort(assessment: IsmapAssessment, language: Language): string {
  const ja = language === 'ja';
  switch (assessment.state) {
    case 'listed': {
      const numbers = assessment.status.matches.map((match) => match.entry.registrationNumber).join(', ');
      return ja ? `✓ 掲載（${numbers}）` : `✓ listed (${numbers})`;
    }
    case 'reported-registered':
      return ja ? '出典では登録済み（部分的なリストに未収録）' : 'reported registered (not in the partial list)';
    case 'not-in-partial-list':
      return ja ? '部分的なリストに無し（公式リストで要確認）' : 'not in the partial list (check the official list)';
    case 'not-in-imported-list':
      return ja ? '⚠ 取り込んだリストに無し' : '⚠ not on the imported list';
    case 'reported-not-registered':
      return ja ? '⚠ 未登録との情報あり' : '⚠ reported not registered';
  }
}

function sourcesLink(sources: readonly ServiceSource[]): string {
  const [source] = sources;
  const more = sources.length > 1 ? ` (+${sources.length - 1})` : '';
  return `${markdownLink(source.title, source.url)}${escapeMarkdown(more)}`;
}

function quoted(name: string, language: Language): string {
  return language === 'ja' ? `「${name}」` : `"${name}"`;
}

function absenceLine(absence: IsmapAbsence, language: Language): string {
  const ja = language === 'ja';
  const parts = [
    ja ? `${absence.program} 未登録${quoted(absence.listedName, language)}` : `not ${absence.program}-registered: ${quoted(absence.listedName, language)}`,
    absence.asOf && (ja ? `${absence.asOf}時点` : `as of ${absence.asOf}`),
    EVIDENCE[absence.evidence][language],
  ];
  return `- ${escapeMarkdown(parts.filter(Boolean).join(' · '))} — ${sourcesLink(absence.sources)}`;
}

function factLine(fact: IsmapFact, language: Language): string {
  const ja = language === 'ja';
  const what = `${fact.program} ${fact.registrationNumber ?? (ja ? '番号不明' : 'no number')}${ja ? '' : ' '}${quoted(fact.listedName, language)}`;
  const dates = [
    fact.registered && (ja ? `登録 ${fact.registered}` : `registered ${fact.registered}`),
    fact.announced && (ja ? `発表 ${fact.announced}` : `announced ${fact.announced}`),
    fact.expires && (ja ? `有効期限 ${fact.expires}` : `valid until ${fact.expires}`),
    EVIDENCE[fact.evidence][language],
  ].filter((part): part is string => !!part);
  return `- ${escapeMarkdown([what, ...dates].join(' · '))} — ${sourcesLink(fact.sources)}`;
}

export function serviceCard(service: ServiceEntry, list: IsmapList, language: Language, options: ServiceCardOptions = {}): string {
  const ja = language === 'ja';
  const assessment = ismapAssessment(service, list);
  const header: string[] = [];
  header.push(`**${escapeMarkdown(service.name)}** · ${escapeMarkdown(service.kind.join(' / '))} · ISMAP: ${escapeMarkdown(ismapStateShort(assessment, language))}`);
  const gov = service.govCloud;
  const govState = gov
    ? (() => {
        const when = [gov.fiscalYear !== undefined && `FY${gov.fiscalYear}`, gov.announced].filter((part): part is string => !!part).join(', ');
        return `${GOV_CLOUD_STATE[gov.status][language]}${when ? (ja ? `（${when}）` : ` (${when})`) : ''}`;
      })()
    : undefined;
  header.push(
    escapeMarkdown(
      [ja ? `提供: ${service.provider}` : `provider: ${service.provider}`, govState && (ja ? `ガバメントクラウド: ${govState}` : `Government Cloud: ${govState}`)]
        .filter(Boolean)
        .join(' · '),
    ),
  );
  const { surface } = options;
  if (surface !== undefined && surface !== service.name) {
    const alias = service.aliases.find((candidate) => candidate.text === surface);
    const variant = alias !== undefined && !alias.canonical;
    // Alias notes are written in Japanese only; the English card leaves them out rather than translate them.
    header.push(
      ja
        ? `「${escapeMarkdown(surface)}」は${variant ? '表記ゆれ' : '別名・製品名'}${alias?.note ? `（${escapeMarkdown(alias.note)}）` : ''}`
        : `"${escapeMarkdown(surface)}" is ${variant ? 'a variant spelling' : 'another name or product name'}`,
    );
  }
  if (service.caveat) {
    header.push(caveatLine(service.caveat, language, 'service'));
  }
  const lines = headerBlock(header);

  lines.push('', '---', '');
  const registered = assessment.state === 'listed' || assessment.state === 'reported-registered';
  lines.push(`**ISMAP:** ${registered ? '✓ ' : ''}${escapeMarkdown(assessmentText(assessment, list)[language])}`);
  if (list.partial && list.partialNote) {
    lines.push('', `**${ja ? '部分的なリスト' : 'Partial list'}:** ${escapeMarkdown(list.partialNote[language])}`);
  }
  if (service.ismap.length > 0) {
    lines.push(
      '',
      ja ? '**出典のある登録情報**（公式リストでは未確認のものを含む）:' : '**Registrations reported by sources** (some not checked against the official list):',
      '',
      ...service.ismap.map((fact) => factLine(fact, language)),
    );
  }
  if (service.notRegistered.length > 0) {
    lines.push('', ja ? '**出典のある「未登録」情報:**' : '**Reported not registered:**', '', ...service.notRegistered.map((absence) => absenceLine(absence, language)));
  }
  if (gov) {
    lines.push(
      '',
      `**${ja ? 'ガバメントクラウド' : 'Government Cloud'}:** ${escapeMarkdown(govState!)} · ${ja ? '確度' : 'confidence'}: ${CONFIDENCE[gov.confidence][language]}`,
      '',
      escapeMarkdown(gov.note[language]),
    );
  }
  for (const fact of service.dataResidency ?? []) {
    const asOf = fact.asOf ? (ja ? `（${fact.asOf}時点）` : ` (as of ${fact.asOf})`) : '';
    lines.push('', `**${ja ? 'データの所在' : 'Data location'}:** ${escapeMarkdown(fact.note[language] + asOf)} — ${sourcesLink(fact.sources)}`);
  }
  const japanese = service.regions.filter((region) => region.japan);
  if (japanese.length > 0) {
    lines.push('', `**${ja ? '国内リージョン' : 'Regions in Japan'}:** ${japanese.map((region) => `${escapeMarkdown(region.id)}: ${escapeMarkdown(region.name)}`).join(' · ')}`);
  }
  const aliases = service.aliases.filter((alias) => alias.canonical);
  if (aliases.length > 0) {
    lines.push('', `**${ja ? '別名・製品名' : 'Also'}:** ${aliases.map((alias) => escapeMarkdown(alias.text)).join(' · ')}`);
  }

  lines.push('', '---', '');
  lines.push(`**${ja ? '出典' : 'Sources'}:**`, '');
  lines.push(...service.sources.map(sourceLine));
  lines.push('');
  lines.push(
    ja
      ? `*${escapeMarkdown(`時点 ${service.asOf} · ${describeListJa(list)} · govsecサービス: ${service.id}`)}*`
      : `*${escapeMarkdown(`as of ${service.asOf} · ${describeList(list)} · govsec service: ${service.id}`)}*`,
  );
  return lines.join('\n');
}
