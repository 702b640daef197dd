/**
 * The hover card for a cloud service, protocol-free: name, provider and kind; its ISMAP state (ismapAssessment:
 * on the list in use, reported registered, missing from the list, or reported not registered, each naming the
 * list's date or the source); the registrations and "not registered" statements that sources report, with
 * how sure each is; ガバメントクラウド status, where data is kept as sources state it, and regions in Japan; sources and
 * as-of date.
 * All data is escaped.
 */

import { assessmentText, describeList, ismapAssessment } from '../services/status';
import type { IsmapAbsence, IsmapEvidence, IsmapFact, IsmapList, ServiceEntry, ServiceSource } from '../services/types';
import { escapeMarkdown, markdownLink } from './markdownText';

export interface ServiceCardOptions {
  /** The text as written in the document, when it is not the service's name. */
  readonly surface?: string;
}

const CONFIDENCE: Record<NonNullable<ServiceEntry['govCloud']>['confidence'], string> = {
  high: '高 / high',
  medium: '中 / medium',
  low: '低 / low',
};

const EVIDENCE: Record<IsmapEvidence, string> = {
  'official-list': '公式リスト / official list',
  vendor: '事業者の発表 / provider',
  'second-hand': '第三者情報 / second-hand',
};

function sourcesLink(sources: readonly ServiceSource[]): string {
  const [source] = sources;
  const more = sources.length > 1 ? ` (+${sources.length - 1})` : '';
  return `${markdownLink(source.title, source.url)}${escapeMarkdown(more)}`;
}

function absenceLine(absence: IsmapAbsence): string {
  const parts = [`${absence.program} 未登録 / not registered「${absence.listedName}」`, absence.asOf && `時点 / as of ${absence.asOf}`, EVIDENCE[absence.evidence]];
  return `- ${escapeMarkdown(parts.filter(Boolean).join(' · '))} — ${sourcesLink(absence.sources)}`;
}

function factLine(fact: IsmapFact): string {
  const parts = [fact.program, fact.registrationNumber ?? '番号不明 / no number', `「${fact.listedName}」`];
  const dates = [
    fact.registered && `登録 / registered ${fact.registered}`,
    fact.announced && `発表 / announced ${fact.announced}`,
    fact.expires && `有効期限 / valid until ${fact.expires}`,
    EVIDENCE[fact.evidence],
  ].filter((part): part is string => !!part);
  return `- ${escapeMarkdown([parts.join(' '), ...dates].join(' · '))} — ${sourcesLink(fact.sources)}`;
}

export function serviceCard(service: ServiceEntry, list: IsmapList, options: ServiceCardOptions = {}): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(service.name)}** · ${escapeMarkdown(service.kind.join(' / '))}  `);
  lines.push(`*提供 / provider: ${escapeMarkdown(service.provider)}*`);
  const { surface } = options;
  if (surface !== undefined && surface !== service.name) {
    const alias = service.aliases.find((candidate) => candidate.text === surface);
    const kind = alias && !alias.canonical ? '表記ゆれ / variant spelling' : '別名・製品名 / also written';
    lines.push('');
    lines.push(`「${escapeMarkdown(surface)}」: ${kind}${alias?.note ? ` — ${escapeMarkdown(alias.note)}` : ''}`);
  }

  lines.push('', '---', '');
  const assessment = ismapAssessment(service, list);
  const text = assessmentText(assessment, list);
  const registered = assessment.state === 'listed' || assessment.state === 'reported-registered';
  lines.push(`**ISMAP:** ${registered ? '✓ ' : ''}${escapeMarkdown(text.ja)}`);
  lines.push('');
  lines.push(`*${escapeMarkdown(text.en)}*`);
  if (list.partial && list.partialNote) {
    lines.push('');
    lines.push(`**部分的なリスト / partial list:** ${escapeMarkdown(list.partialNote.ja)}`);
    lines.push('');
    lines.push(`*${escapeMarkdown(list.partialNote.en)}*`);
  }
  if (service.ismap.length > 0) {
    lines.push('');
    lines.push('**出典のある登録情報 / registrations reported by sources** (公式リストでは未確認のものを含む / some not checked against the official list):');
    lines.push('');
    for (const fact of service.ismap) {
      lines.push(factLine(fact));
    }
  }
  if (service.notRegistered.length > 0) {
    lines.push('');
    lines.push('**出典のある「未登録」情報 / reported not registered:**');
    lines.push('');
    for (const absence of service.notRegistered) {
      lines.push(absenceLine(absence));
    }
  }

  if (service.govCloud) {
    const gov = service.govCloud;
    const state = gov.status === 'selected' ? '採択 / selected' : '条件付き採択 / selected on conditions';
    const when = [gov.fiscalYear !== undefined && `FY${gov.fiscalYear}`, gov.announced].filter((part): part is string => !!part).join(', ');
    lines.push('');
    lines.push(
      `**ガバメントクラウド / Government Cloud:** ${state}${when ? ` (${escapeMarkdown(when)})` : ''} · 確度 / confidence: ${CONFIDENCE[gov.confidence]}`,
    );
    lines.push('');
    lines.push(escapeMarkdown(gov.note.ja));
    lines.push('');
    lines.push(`*${escapeMarkdown(gov.note.en)}*`);
  }
  for (const fact of service.dataResidency ?? []) {
    lines.push('');
    lines.push(`**データの所在 / data location:** ${escapeMarkdown(fact.note.ja)}${fact.asOf ? escapeMarkdown(`（${fact.asOf}時点）`) : ''} — ${sourcesLink(fact.sources)}`);
    lines.push('');
    lines.push(`*${escapeMarkdown(fact.note.en)}*`);
  }
  const japanese = service.regions.filter((region) => region.japan);
  if (japanese.length > 0) {
    lines.push('');
    lines.push(`**国内リージョン / regions in Japan:** ${japanese.map((region) => `${escapeMarkdown(region.id)}: ${escapeMarkdown(region.name)}`).join(' · ')}`);
  }
  if (service.caveat) {
    lines.push('');
    lines.push(`**未確認 / unconfirmed:** ${escapeMarkdown(service.caveat.ja)}`);
    lines.push('');
    lines.push(`*${escapeMarkdown(service.caveat.en)}*`);
  }
  const aliases = service.aliases.filter((alias) => alias.canonical);
  if (aliases.length > 0) {
    lines.push('');
    lines.push(`**別名・製品名 / also:** ${aliases.map((alias) => escapeMarkdown(alias.text)).join(' · ')}`);
  }

  lines.push('', '---', '');
  lines.push('**出典 / sources:**');
  lines.push('');
  for (const source of service.sources) {
    const detail = [source.publisher, source.date].filter(Boolean).join(', ');
    lines.push(`- ${markdownLink(source.title, source.url)}${detail ? ` — ${escapeMarkdown(detail)}` : ''}`);
  }
  lines.push('');
  lines.push(`*時点 / as of ${escapeMarkdown(service.asOf)} · ${escapeMarkdown(describeList(list))} · govsec service: ${escapeMarkdown(service.id)}*`);
  return lines.join('\n');
}
