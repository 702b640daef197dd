/**
 * Builds the document context (see types.ts) from the model and the mentions found in it. Pure and cheap:
 * one pass over the front matter / YAML structure and the mentions, plus one line scan for bad-example blocks.
 */

import { isMap, type Document } from 'yaml';
import type { DocumentModel, Segment } from '../document/model';
import { segmentAt, sentenceAt } from '../document/sentences';
import type { Knowledge } from '../knowledge';
import type { ServiceOccurrence, TermOccurrence } from './mentions';
import type { ServiceEntry } from '../services/types';
import { normalizeKey } from '../text/normalize';
import { namesCompanyEn, sectorFromText, sectorOfField, type SectorReading } from './sector';
import { namesPlatform, PLATFORM_STATEMENT } from './platformStatement';
import { quizChoiceLines } from './claims';
import { oldSideCells } from './historical';
import type { DocumentContext, DocumentProfile, Evidence, PlatformContext, ProfileSource } from './types';

export interface ContextOptions {
  /** A profile glob of the configuration matched this document. */
  readonly procurementByConfig?: boolean;
}

const PROCUREMENT_DOCTYPE = /procurement|requirements?|spec|調達|仕様書|要件定義|system[-_ ]?profile/i;
const PROCUREMENT_TITLE = /調達仕様書|要件定義書|仕様書|提案依頼書|RFP|システムプロファイル/;

/** The plain data of the first YAML document (front matter or a YAML file). */
export function topLevelData(model: DocumentModel): Record<string, unknown> | undefined {
  const document: Document.Parsed | undefined = model.yaml[0];
  if (!document || !isMap(document.contents)) {
    return undefined;
  }
  try {
    const data = document.toJS({ maxAliasCount: 100 }) as unknown;
    return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function field(data: Record<string, unknown> | undefined, ...names: string[]): unknown {
  if (!data) {
    return undefined;
  }
  for (const name of names) {
    if (name in data) {
      return data[name];
    }
  }
  return undefined;
}

function nested(data: Record<string, unknown> | undefined, path: string[]): unknown {
  let current: unknown = data;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') {
    return normalizeKey(value);
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  return typeof value === 'number' ? String(value) : undefined;
}

/** 2026-10-01, 2026/10/1, 令和8年10月1日, R8.10.1 → 2026-10-01. */
export function isoDate(text: string): string | undefined {
  const normalized = normalizeKey(text).trim();
  const pad = (n: number) => String(n).padStart(2, '0');
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(normalized);
  if (match) {
    return `${match[1]}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  }
  match = /^(?:令和|R)(元|\d{1,2})[年.](\d{1,2})[月.](\d{1,2})日?/.exec(normalized);
  if (match) {
    const year = 2018 + (match[1] === '元' ? 1 : Number(match[1]));
    return `${year}-${pad(Number(match[2]))}-${pad(Number(match[3]))}`;
  }
  return undefined;
}

/** Keys that give the sector or the body whose document this is, in order of strength. */
const SECTOR_FIELDS: readonly (readonly string[])[] = [
  ['sector'], ['区分'], ['セクター'], ['system', 'sector'],
  ['issuer'], ['発注者'], ['organization'], ['組織'], ['機関'], ['owner'], ['所管'],
];

/** Top-level keys that name the company whose document it is (company: 株式会社〇〇, 会社名: …): a private business. */
const COMPANY_FIELDS: readonly string[] = ['company', 'company_name', 'companyName', '会社', '会社名', '企業名', '運営会社'];

/** What the structured fields say, and whether a field stated the sector in a word (sector: private) rather than named a body. */
type StructuredSector = SectorReading & { readonly sectorWord?: boolean };

/** The sector from a structured field, with the scalar it was read from as evidence. */
function structuredSector(model: DocumentModel, data: Record<string, unknown> | undefined): StructuredSector | undefined {
  const companyKey = COMPANY_FIELDS.find((key) => textOf(field(data, key)) !== undefined);
  const fields = companyKey === undefined ? SECTOR_FIELDS : [...SECTOR_FIELDS, [companyKey]];
  for (const path of fields) {
    const value = textOf(nested(data, [...path]));
    // A company key names a company whatever the name's form (ミナトソフト); a top-level field may name one in English (Minato Soft Inc.).
    const company = value !== undefined && ((path.length === 1 && path[0] === companyKey) || (path.length === 1 && namesCompanyEn(value)));
    const read = sectorOfField(value) ?? (company ? ({ sector: 'private', writer: 'private' } as const) : undefined);
    if (!read) {
      continue;
    }
    // A key's own path leaves it out, so only the value's path equals the field's.
    const scalar = model.scalars.find((candidate) => sameKey(candidate.keyPath, path));
    const source = model.kind === 'markdown' ? 'front-matter' : 'yaml';
    const evidence = scalar ? { start: scalar.start, end: scalar.end, text: model.text.slice(scalar.start, scalar.end), source } as const : undefined;
    return { sector: read.sector, evidence, writer: read.writer, writerEvidence: evidence, sectorWord: 'sectorWord' in read && read.sectorWord };
  }
  // A body named under an owner key at any depth (workflow.owner, incident.owner: 〇〇市 総務課).
  const source = model.kind === 'markdown' ? 'front-matter' : 'yaml';
  for (const scalar of model.scalars) {
    const key = scalar.keyPath?.[scalar.keyPath.length - 1];
    if (key === undefined || !OWNER_KEY.test(key)) {
      continue;
    }
    const text = model.text.slice(scalar.start, scalar.end);
    const read = sectorOfField(normalizeKey(text));
    if (read) {
      const evidence = { start: scalar.start, end: scalar.end, text, source } as const;
      return { sector: read.sector, evidence, writer: read.writer, writerEvidence: evidence };
    }
  }
  return undefined;
}

const OWNER_KEY = /^(owner|issuer|organi[sz]ation|発注者|所管|組織|機関)$/i;

function sameKey(keyPath: readonly string[] | undefined, path: readonly string[]): boolean {
  return keyPath !== undefined && keyPath.length === path.length && keyPath.every((key, index) => key === path[index]);
}

function isGradeTerm(id: string): { axis: 'confidentiality' | 'integrity' | 'availability'; level: number } | undefined {
  const match = /^(confidentiality|integrity|availability)-(\d)$/.exec(id);
  return match ? { axis: match[1] as 'confidentiality', level: Number(match[2]) } : undefined;
}

/**
 * A mention that names ガバメントクラウド as a platform: the term in any accepted spelling (Government Cloud), or
 * GCAS, its users' portal (「GCASで払い出された環境に構築」, "deployed through GCAS"); the GCAS guide is a document.
 */
function namesGovCloud(term: TermOccurrence): boolean {
  return term.term.id === 'gov-cloud' || (term.term.id === 'gcas' && !/ガイド|guide/i.test(term.surface));
}

export function inRanges(ranges: readonly Evidence[], offset: number): boolean {
  return ranges.some((range) => offset >= range.start && offset < range.end);
}

function isPlatformKeyPath(segment: Segment | undefined): boolean {
  return !!segment?.keyPath?.some((key) => /platform|基盤|cloud|クラウド|provider|infrastructure|hosting|稼働環境/i.test(key));
}

/** Whether `offset` is named as the system's platform: in a platform statement, or under a platform key. */
function inPlatformStatement(model: DocumentModel, offset: number): boolean {
  const segment = segmentAt(model.segments, offset);
  if (segment?.keyPath !== undefined) {
    return isPlatformKeyPath(segment);
  }
  const { start, end } = sentenceAt(model, offset);
  return PLATFORM_STATEMENT.test(normalizeKey(model.text.slice(start, end)));
}

export function buildContext(
  model: DocumentModel,
  terms: readonly TermOccurrence[],
  services: readonly ServiceOccurrence[],
  knowledge: Knowledge,
  options: ContextOptions = {},
): DocumentContext {
  const data = topLevelData(model);
  // Shown, not claimed, for every rule: blocks marked as bad examples, quiz options, the old side of a 新旧対照 table.
  const badExamples = [...model.examples, ...quizChoiceLines(model), ...oldSideCells(model)].sort((a, b) => a.start - b.start);
  const usable = <T extends { start: number }>(mention: T) => !inRanges(badExamples, mention.start);

  // Profile.
  let profile: DocumentProfile = 'none';
  let profileSource: ProfileSource | undefined;
  const doctype = textOf(field(data, 'doctype', 'profile', 'type', '文書種別'));
  if (doctype && PROCUREMENT_DOCTYPE.test(doctype)) {
    profile = 'procurement';
    profileSource = model.kind === 'markdown' ? 'front-matter' : 'yaml';
  } else if (model.kind === 'yaml' && data && (field(data, 'cloud', 'system', 'procurement', '調達', 'classification') !== undefined)) {
    profile = 'procurement';
    profileSource = 'yaml';
  } else if (options.procurementByConfig) {
    profile = 'procurement';
    profileSource = 'config';
  } else {
    const title = textOf(field(data, 'title', '件名', 'タイトル'));
    const firstHeading = model.segments.find((segment) => segment.kind === 'heading');
    const headingText = firstHeading ? normalizeKey(model.text.slice(firstHeading.start, firstHeading.end)) : '';
    const govCloudBuild = terms.some((term) => namesGovCloud(term) && usable(term) && inPlatformStatement(model, term.start));
    if ((title && PROCUREMENT_TITLE.test(title)) || PROCUREMENT_TITLE.test(headingText) || govCloudBuild) {
      profile = 'procurement';
      profileSource = 'text';
    }
  }

  // Sector: front matter / YAML fields first, then the text (context/sector.ts).
  // A business named in a field may be a vendor answering a tender: then the data is its client's (貴県). A
  // sector stated in a word (sector: private) is the writer's own statement and stands.
  const structured = structuredSector(model, data);
  const fromText = structured === undefined || (structured.sector === 'private' && !structured.sectorWord) ? sectorFromText(model) : undefined;
  const read = structured === undefined || fromText?.writer === 'vendor' ? fromText! : structured;
  const { sector, evidence: sectorEvidence, writer, writerEvidence } = read;

  // Platform.
  const platform = platformOf(model, terms.filter(usable), services.filter(usable), data, knowledge);

  // Grades.
  const confidentiality = new Set<1 | 2 | 3>();
  const integrity = new Set<1 | 2>();
  const availability = new Set<1 | 2>();
  for (const term of terms) {
    const grade = usable(term) ? isGradeTerm(term.term.id) : undefined;
    if (grade?.axis === 'confidentiality') {
      confidentiality.add(grade.level as 1 | 2 | 3);
    } else if (grade?.axis === 'integrity') {
      integrity.add(grade.level as 1 | 2);
    } else if (grade?.axis === 'availability') {
      availability.add(grade.level as 1 | 2);
    }
  }
  const structuredGrade = (value: unknown) => {
    const text = textOf(value);
    const level = text ? /^(?:機密性)?([123])(?:情報)?$/.exec(text) : null;
    if (level) {
      confidentiality.add(Number(level[1]) as 1 | 2 | 3);
    }
  };
  structuredGrade(field(data, 'confidentiality', '機密性'));
  structuredGrade(nested(data, ['classification', 'confidentiality']));
  structuredGrade(nested(data, ['system', 'classification', 'confidentiality']));

  // Date.
  const date = isoDate(textOf(field(data, 'date', '日付', '作成日')) ?? '');

  return {
    profile,
    profileSource,
    sector,
    sectorEvidence,
    writer,
    writerEvidence,
    platform,
    grades: { confidentiality, integrity, availability },
    date,
    badExamples,
  };
}

function platformOf(
  model: DocumentModel,
  terms: readonly TermOccurrence[],
  services: readonly ServiceOccurrence[],
  data: Record<string, unknown> | undefined,
  knowledge: Knowledge,
): PlatformContext {
  let govCloudEvidence: Evidence | undefined;
  for (const term of terms) {
    // A platform statement in Japanese, or one namesPlatform reads (English verbs, labels, 「…上の」).
    if (namesGovCloud(term) && (inPlatformStatement(model, term.start) || namesPlatform(model, term))) {
      govCloudEvidence = { start: term.start, end: term.end };
      break;
    }
  }
  if (!govCloudEvidence && data) {
    const platformValue = [field(data, 'platform', '基盤'), nested(data, ['system', 'platform']), nested(data, ['cloud', 'platform']), nested(data, ['system', 'cloud', 'platform'])]
      .map(textOf)
      .find((value) => value !== undefined && /ガバメントクラウド|government[-_ ]?cloud|gov[-_ ]?cloud/i.test(value));
    if (platformValue) {
      govCloudEvidence = { start: 0, end: 0 };
    }
  }
  const providers: { service: ServiceEntry; evidence: Evidence }[] = [];
  // A service whose name is a glossary term (さくらのクラウド) is found as that term.
  const named = [
    ...services.map((mention) => ({ service: mention.service, start: mention.start, end: mention.end })),
    ...terms.flatMap((term) => {
      const service = knowledge.serviceForTerm(term.term.id);
      return service ? [{ service, start: term.start, end: term.end }] : [];
    }),
  ].sort((a, b) => a.start - b.start);
  for (const mention of named) {
    if (inPlatformStatement(model, mention.start) && !providers.some((provider) => provider.service === mention.service)) {
      providers.push({ service: mention.service, evidence: { start: mention.start, end: mention.end } });
    }
  }
  return { govCloud: govCloudEvidence !== undefined, govCloudEvidence, providers };
}
