/**
 * The spec summary, protocol-free: one line for a CodeLens on the first line of a procurement document, in
 * the user's language —
 *
 *   ISMAP: 掲載3件・見当たらない1件（リスト 2026-09-15時点、部分的） · ガバメントクラウド: AWS · 格付: 機密性2 · 指摘: 2件
 *   ISMAP: 3 services on the list, 1 not found (list as of 2026-09-15, partial) · Government Cloud: AWS · grades: Confidentiality-2 · findings: 2
 *
 * — and the data behind it, with a longer plain-text form for a command that shows the summary.
 *
 * The services counted are those the document uses for its system, decided as the ismap/* rules decide it
 * (rules/ismap/usage.ts): a service named only as a rejected candidate, in a comparison or a history is not
 * counted. Whether a service is on the ISMAP list is ismapStatus against the list in use, and the list's
 * date (and whether it is partial) is always named: "not found" never means "not registered".
 */

import type { DocumentAnalysis } from '../analysis';
import type { Severity } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import type { Bilingual, Language } from '../language';
import { documentIndex, serviceMentions, usageOf } from '../context/serviceUsage';
import { ismapStatus, summarizeList, type IsmapListSummary, type IsmapStatus } from '../services/status';
import type { ServiceEntry } from '../services/types';
import type { DocumentContext, Sector, SectorEvidence, Writer } from '../context/types';

export interface SummaryService {
  readonly service: ServiceEntry;
  /** The short name shown (AWS, Azure, さくらのクラウド). */
  readonly name: string;
  readonly status: IsmapStatus;
  /** The first mention that uses it, [start, end) offsets. */
  readonly start: number;
  readonly end: number;
}

export interface SpecSummaryData {
  /** The ISMAP list in use. */
  readonly list: IsmapListSummary;
  /** Services the document uses for its system, in order of first use. */
  readonly services: readonly SummaryService[];
  readonly onList: readonly SummaryService[];
  readonly notFound: readonly SummaryService[];
  /** The system is said to run on ガバメントクラウド. */
  readonly govCloud: boolean;
  /** Those of `providers` that the catalogue records as ガバメントクラウド providers. */
  readonly govCloudProviders: readonly string[];
  /** Short names of the platform providers the document names (ガバメントクラウド providers, IaaS, PaaS). */
  readonly providers: readonly string[];
  /** The grades the document assigns, highest first. */
  readonly grades: {
    readonly confidentiality: readonly number[];
    readonly integrity: readonly number[];
    readonly availability: readonly number[];
  };
  readonly findings: { readonly total: number } & Readonly<Record<Severity, number>>;
  /** Whose data the document is about (which APPI rules apply) and who is writing, with where each was read. */
  readonly sector: SummarySector;
}

export interface SummaryCue {
  /** The cue as written (本市, 貴市, sector: local …) and its 1-based line. */
  readonly text: string;
  readonly line: number;
  readonly source: SectorEvidence['source'];
}

export interface SummarySector {
  readonly sector?: Sector;
  /** 地方公共団体 / local government …; 不明 / unknown when no cue was found. */
  readonly label: Bilingual;
  readonly evidence?: SummaryCue;
  readonly writer?: Writer;
  readonly writerEvidence?: SummaryCue;
}

export interface SpecSummaryLens {
  /** One line, in the language asked for. */
  readonly title: string;
  /** The document's first line, [start, end) offsets. */
  readonly start: number;
  readonly end: number;
  readonly data: SpecSummaryData;
}

/** A service's short name: its first canonical alias when shorter than its name (AWS, Azure, OCI). */
export function shortServiceName(service: ServiceEntry): string {
  const alias = service.aliases.find((candidate) => candidate.canonical);
  return alias && alias.text.length < service.name.length ? alias.text : service.name;
}

/**
 * A service that is a system's platform (a ガバメントクラウド provider, an IaaS, a PaaS that is not also a
 * SaaS), not an application used on it: 「Slackを利用する」 is a platform statement to the context, but
 * Slack is not the system's cloud.
 */
function isPlatform(service: ServiceEntry): boolean {
  return service.govCloud !== undefined || service.kind.includes('IaaS') || (service.kind.includes('PaaS') && !service.kind.includes('SaaS'));
}

const SECTOR_LABELS: Readonly<Record<Writer, Bilingual>> = {
  national: { ja: '国の行政機関等', en: 'national government' },
  'independent-agency': { ja: '独立行政法人等', en: 'incorporated administrative agency' },
  local: { ja: '地方公共団体', en: 'local government' },
  private: { ja: '民間事業者', en: 'private business' },
  vendor: { ja: '受託者・提案者', en: 'vendor' },
};

function cueOf(text: string, evidence: SectorEvidence | undefined): SummaryCue | undefined {
  if (!evidence) {
    return undefined;
  }
  let line = 1;
  for (let index = text.indexOf('\n'); index !== -1 && index < evidence.start; index = text.indexOf('\n', index + 1)) {
    line += 1;
  }
  return { text: evidence.text, line, source: evidence.source };
}

/** The sector as the summary shows it: the data owner's sector, labelled by the body that writes when it is the owner. */
function summarySector(text: string, context: DocumentContext): SummarySector {
  const { sector, writer } = context;
  const owner: Writer | undefined = writer && writer !== 'vendor' ? writer : sector;
  return {
    sector,
    label: owner ? SECTOR_LABELS[owner] : { ja: '不明', en: 'unknown' },
    evidence: cueOf(text, context.sectorEvidence),
    writer,
    writerEvidence: writer === 'vendor' ? cueOf(text, context.writerEvidence) : undefined,
  };
}

const dataCache = new WeakMap<DocumentAnalysis, { readonly knowledge: Knowledge; readonly data: SpecSummaryData }>();

/**
 * What the summary says about a document (any document; the CodeLens shows it for procurement ones only).
 * Computed once per analysis (a document version) and knowledge.
 */
export function specSummaryData(analysis: DocumentAnalysis, knowledge: Knowledge): SpecSummaryData {
  const cached = dataCache.get(analysis);
  if (cached?.knowledge === knowledge) {
    return cached.data;
  }
  const data = computeSummaryData(analysis, knowledge);
  dataCache.set(analysis, { knowledge, data });
  return data;
}

function computeSummaryData(analysis: DocumentAnalysis, knowledge: Knowledge): SpecSummaryData {
  const { model, context } = analysis;
  const input = { ...analysis, knowledge, glossary: knowledge.glossary };
  const index = documentIndex(model);
  const list = knowledge.ismapList;
  const services: SummaryService[] = [];
  const seen = new Set<string>();
  for (const mention of serviceMentions(input)) {
    if (seen.has(mention.service.id) || usageOf(index, mention) !== 'used') {
      continue;
    }
    seen.add(mention.service.id);
    services.push({
      service: mention.service,
      name: shortServiceName(mention.service),
      status: ismapStatus(mention.service, list),
      start: mention.start,
      end: mention.end,
    });
  }
  const providers: string[] = [];
  const govCloudProviders: string[] = [];
  for (const { service } of context.platform.providers) {
    const name = shortServiceName(service);
    if (isPlatform(service) && !providers.includes(name)) {
      providers.push(name);
      if (service.govCloud) {
        govCloudProviders.push(name);
      }
    }
  }
  const descending = (set: ReadonlySet<number>) => [...set].sort((a, b) => b - a);
  const findings = { total: analysis.findings.length, error: 0, warning: 0, information: 0, hint: 0 };
  for (const finding of analysis.findings) {
    findings[finding.severity] += 1;
  }
  return {
    list: summarizeList(list),
    services,
    onList: services.filter((entry) => entry.status.found),
    notFound: services.filter((entry) => !entry.status.found),
    govCloud: context.platform.govCloud,
    providers,
    govCloudProviders,
    grades: {
      confidentiality: descending(context.grades.confidentiality),
      integrity: descending(context.grades.integrity),
      availability: descending(context.grades.availability),
    },
    findings,
    sector: summarySector(model.text, context),
  };
}

const plural = (count: number, word: string) => `${count} ${count === 1 ? word : `${word}s`}`;

function listDate(list: IsmapListSummary, language: Language): string {
  return language === 'ja' ? `リスト ${list.asOf}時点${list.partial ? '、部分的' : ''}` : `list as of ${list.asOf}${list.partial ? ', partial' : ''}`;
}

const AXIS_NAMES: Readonly<Record<keyof SpecSummaryData['grades'], Bilingual>> = {
  confidentiality: { ja: '機密性', en: 'Confidentiality-' },
  integrity: { ja: '完全性', en: 'Integrity-' },
  availability: { ja: '可用性', en: 'Availability-' },
};

/** The highest grade of each axis the document assigns (機密性3・完全性2 / Confidentiality-3, Integrity-2), or "not stated". */
function gradesText(grades: SpecSummaryData['grades'], language: Language): string {
  const parts = (Object.keys(AXIS_NAMES) as (keyof SpecSummaryData['grades'])[])
    .filter((axis) => grades[axis].length > 0)
    .map((axis) => `${AXIS_NAMES[axis][language]}${grades[axis][0]}`);
  if (parts.length === 0) {
    return language === 'ja' ? '記載なし' : 'not stated';
  }
  return parts.join(language === 'ja' ? '・' : ', ');
}

/** The CodeLens line for summary data, in `language`. */
export function summaryTitle(data: SpecSummaryData, language: Language): string {
  const ja = language === 'ja';
  const parts: string[] = [];
  const list = listDate(data.list, language);
  if (data.services.length === 0) {
    parts.push(ja ? `ISMAP: 利用するクラウドサービスの記載なし（${list}）` : `ISMAP: no cloud service in use named (${list})`);
  } else {
    parts.push(
      ja
        ? `ISMAP: 掲載${data.onList.length}件・見当たらない${data.notFound.length}件（${list}）`
        : `ISMAP: ${plural(data.onList.length, 'service')} on the list, ${data.notFound.length} not found (${list})`,
    );
  }
  if (data.govCloud) {
    // Only catalogued ガバメントクラウド providers under that label; other clouds the document names are listed apart.
    const others = data.providers.filter((name) => !data.govCloudProviders.includes(name));
    const providers = data.govCloudProviders.length > 0 ? data.govCloudProviders.join(', ') : ja ? '事業者の記載なし' : 'provider not stated';
    parts.push(ja ? `ガバメントクラウド: ${providers}` : `Government Cloud: ${providers}`);
    if (others.length > 0) {
      parts.push(ja ? `その他のクラウド: ${others.join(', ')}` : `other clouds: ${others.join(', ')}`);
    }
  } else if (data.providers.length > 0) {
    parts.push(ja ? `クラウド: ${data.providers.join(', ')}` : `cloud: ${data.providers.join(', ')}`);
  }
  parts.push(ja ? `格付: ${gradesText(data.grades, language)}` : `grades: ${gradesText(data.grades, language)}`);
  parts.push(ja ? `指摘: ${data.findings.total}件` : `findings: ${data.findings.total}`);
  return parts.join(' · ');
}

/**
 * The CodeLens for the first line of a procurement document (context.profile 'procurement'); undefined for
 * other documents.
 */
export function specSummary(analysis: DocumentAnalysis, knowledge: Knowledge, language: Language): SpecSummaryLens | undefined {
  if (analysis.context.profile !== 'procurement') {
    return undefined;
  }
  const { text } = analysis.model;
  let end = text.indexOf('\n');
  end = end === -1 ? text.length : end;
  if (end > 0 && text.charCodeAt(end - 1) === 0x0d) {
    end -= 1;
  }
  const data = specSummaryData(analysis, knowledge);
  return { title: summaryTitle(data, language), start: 0, end, data };
}

const SOURCE_LABELS: Readonly<Record<SectorEvidence['source'], Bilingual>> = {
  'front-matter': { ja: 'フロントマター', en: 'front matter' },
  yaml: { ja: 'YAML', en: 'YAML' },
  header: { ja: '表題・作成者', en: 'title or byline' },
  prose: { ja: '本文', en: 'text' },
};

/** 主体: 地方公共団体 — 「本市」（本文、7行目）; for a vendor, whose data and who writes. */
function sectorText(sector: SummarySector, language: Language): string {
  const ja = language === 'ja';
  const cue = (evidence: SummaryCue | undefined) =>
    evidence
      ? ja
        ? ` — 「${evidence.text}」（${SOURCE_LABELS[evidence.source].ja}、${evidence.line}行目）`
        : ` — "${evidence.text}" (${SOURCE_LABELS[evidence.source].en}, line ${evidence.line})`
      : '';
  const line = `${ja ? '主体' : 'sector'}: ${sector.label[language]}${cue(sector.evidence)}`;
  return sector.writer === 'vendor' ? `${line}; ${ja ? '書き手' : 'writer'}: ${SECTOR_LABELS.vendor[language]}${cue(sector.writerEvidence)}` : line;
}

/**
 * The summary as plain text in `language`, several lines, for a command that shows it (a modal message's
 * detail, an output channel, a virtual document).
 */
export function summaryDetail(data: SpecSummaryData, language: Language): string {
  const ja = language === 'ja';
  const lines: string[] = [];
  const status = (entry: SummaryService) => {
    const match = entry.status.matches[0];
    return match ? `${entry.name} — ${match.entry.registrationNumber}${ja ? `「${match.entry.serviceName}」` : ` "${match.entry.serviceName}"`}` : entry.name;
  };
  const { list } = data;
  lines.push(
    ja
      ? `ISMAPリスト: ${list.name}（${list.asOf}時点、${list.count}件${list.partial ? '、部分的' : ''}）`
      : `ISMAP list: ${list.name} (as of ${list.asOf}, ${plural(list.count, 'service')}${list.partial ? ', partial' : ''})`,
  );
  lines.push(`  ${ja ? '掲載' : 'on the list'}: ${data.onList.length > 0 ? data.onList.map(status).join(', ') : '—'}`);
  lines.push(`  ${ja ? '見当たらない' : 'not found'}: ${data.notFound.length > 0 ? data.notFound.map((entry) => entry.name).join(', ') : '—'}`);
  if (list.partial && data.notFound.length > 0) {
    lines.push(ja ? '  （部分的なリストに無いことは未登録を意味しません）' : '  (not found in a partial list does not mean not registered)');
  }
  const providers = data.providers.length > 0 ? ` — ${data.providers.join(', ')}` : '';
  lines.push(ja ? `ガバメントクラウド: ${data.govCloud ? 'はい' : 'いいえ'}${providers}` : `Government Cloud: ${data.govCloud ? 'yes' : 'no'}${providers}`);
  lines.push(`${ja ? '格付' : 'grades'}: ${gradesText(data.grades, language)}`);
  lines.push(sectorText(data.sector, language));
  const { findings } = data;
  lines.push(
    ja
      ? `指摘: ${findings.total}件（エラー ${findings.error}、警告 ${findings.warning}、情報 ${findings.information}、ヒント ${findings.hint}）`
      : `findings: ${findings.total} (error ${findings.error}, warning ${findings.warning}, information ${findings.information}, hint ${findings.hint})`,
  );
  return lines.join('\n');
}
