/**
 * ismap/liu-scope — an ISMAP-LIU service given information outside ISMAP-LIU's scope: 機密性3情報, or
 * 機密性2 information that is not low-impact (要配慮個人情報, 条例要配慮個人情報).
 *
 * A service is ISMAP-LIU when the loaded ISMAP list or the service catalogue says so, or when the document says
 * so for it in one sentence, table row or YAML entry (「ISMAP-LIU登録のSaaSであるX」); that statement may be
 * anywhere in the document. Without a named service, 「ISMAP-LIU登録のSaaS」 itself is the subject.
 *
 * The information must be given in the same sentence / table row / YAML entry, and nearer to the ISMAP-LIU
 * service than to any other service named there; a negated or excluding sentence (扱わない, 対象外, 以外 …)
 * is quiet. For the system's own platform (cloud.service, 「X上に構築」) the document's structured
 * classification (front matter / YAML `classification.confidentiality: 3`) counts as given to it.
 */

import type { IsmapStatus } from '../../services/status';
import { ismapStatus } from '../../services/status';
import type { ServiceEntry } from '../../services/types';
import { inRanges } from '../../context/documentContext';
import type { SegmentKind } from '../../document/model';
import { segmentAt } from '../../document/sentences';
import { normalizeKey } from '../../text/normalize';
import type { Bilingual } from '../../language';
import type { Finding, Rule, RuleInput } from '../rule';
import { topLevelData } from '../../context/documentContext';
import { normalizedIndex } from '../../text/normalize';
import { documentIndex, serviceMentions, usageOf, yamlRecords, type ServiceMention } from '../../context/serviceUsage';

/** Glossary terms for information outside ISMAP-LIU's scope. */
type InfoKind = 'confidentiality-3' | 'sensitive-personal-info' | 'ordinance-sensitive-info';

interface Info {
  readonly kind: InfoKind;
  readonly start: number;
  readonly end: number;
}

const INFO_TERMS: ReadonlySet<string> = new Set<InfoKind>(['confidentiality-3', 'sensitive-personal-info', 'ordinance-sensitive-info']);

/** The sentence does not give the information to the service: 扱わない, 保存しない, 対象外, 以外, 禁止 … */
const NEGATION = /(?<!問題|差し支え|構わ|少|限ら)ない|ず(?:に|、|。|$)|不可|禁止|対象外|除く|除き|除外|以外|避け|認めない|ません/;
/** Right after 「ISMAP-LIU」: the text says the service is not (or unlike) ISMAP-LIU. */
const LIU_NEGATED_AFTER = /^[^、。]{0,12}?(?:ではな|でな|以外|対象外|と異な|とは異な|と違|とは違|と比べ|との比較|に該当しな|未登録|ではありません)/;
/** 「ISMAP-LIU登録のSaaS」「ISMAP-LIUに登録されたクラウドサービス」: the term names a service. */
const LIU_SUBJECT_AFTER = /^(?:に|へ)?(?:登録済み|登録された|登録されている|登録|対象|認定)?の?(?:SaaS|サービス|クラウドサービス|クラウド)/i;
/** A strong platform statement: the system runs on the service. */
const PLATFORM_STRONG = /上に構築|上で構築|上で稼働|上で運用|を基盤と|基盤として/;
const PLATFORM_KEY = /cloud|platform|provider|hosting|infrastructure|クラウド|基盤|稼働環境/;
const GRADE_KEY = /confidentiality|機密性|classification|格付/;
const GRADE_3_VALUE = /^(?:機密性)?\s*3(?:情報)?$/;

interface Basis {
  readonly ja: string;
  readonly en: string;
}

interface Subject {
  readonly start: number;
  readonly end: number;
  /** The service, or undefined for 「ISMAP-LIU登録のSaaS」 itself. */
  readonly mention?: ServiceMention;
  readonly basis?: Basis;
}

function liuBasis(service: ServiceEntry, status: IsmapStatus): Basis | undefined {
  const listed = status.matches.find((match) => match.entry.program === 'ISMAP-LIU');
  if (listed) {
    return {
      ja: `読み込んだISMAPリスト: ${listed.entry.registrationNumber}`,
      en: `ISMAP list loaded: ${listed.entry.registrationNumber}`,
    };
  }
  const fact = service.ismap.find((candidate) => candidate.program === 'ISMAP-LIU');
  if (fact) {
    return { ja: `サービスカタログ: ${fact.listedName}`, en: `service catalogue: "${fact.listedName}"` };
  }
  return undefined;
}

/** Characters between two ranges (0 when they touch or overlap). */
function gap(a: { start: number; end?: number }, b: { start: number; end?: number }): number {
  const aEnd = a.end ?? a.start;
  const bEnd = b.end ?? b.start;
  return a.start >= bEnd ? a.start - bEnd : b.start >= aEnd ? b.start - aEnd : 0;
}

const DOCUMENT_BASIS: Basis = { ja: '文書の記載', en: 'as the document states' };

/** The information as the glossary names it: 機密性3情報 / Confidentiality class-3 information … */
function infoText(input: RuleInput, kind: InfoKind, fromClassification: boolean): Basis {
  const term = input.glossary.term(kind);
  const ja = term?.term ?? kind;
  const en = term?.english ?? kind;
  return fromClassification ? { ja: `${ja}（文書の格付）`, en: `${en} (the document's classification)` } : { ja, en };
}

/** Whether the document's own structured classification (front matter or top-level YAML) says 機密性3. */
function documentGradeIsThree(input: RuleInput): boolean {
  const data = topLevelData(input.model);
  if (!data) {
    return false;
  }
  const get = (path: string[]): unknown =>
    path.reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), data);
  const values = [
    get(['confidentiality']),
    get(['機密性']),
    get(['classification']),
    get(['classification', 'confidentiality']),
    get(['system', 'classification']),
    get(['system', 'classification', 'confidentiality']),
  ];
  return values.some((value) => (typeof value === 'string' || typeof value === 'number') && GRADE_3_VALUE.test(normalizeKey(String(value)).trim()));
}

export const ismapLiuScopeRule: Rule = {
  id: 'ismap/liu-scope',
  defaultSeverity: 'warning',
  procurementOnly: true,
  description: 'ISMAP-LIU service given 機密性3 information or 要配慮個人情報 (outside the low-impact scope of ISMAP-LIU).',
  check(input) {
    const { model, knowledge, terms } = input;
    const index = documentIndex(model);
    const records = index.memo('yaml-records', () => yamlRecords(model));

    // Group the mentions by statement: a YAML entry, or a sentence / table row / heading.
    interface Group {
      /** A YAML entry (the mapping holding the scalars) rather than a sentence. */
      readonly record: boolean;
      readonly start: number;
      readonly end: number;
      readonly services: ServiceMention[];
      readonly liuTerms: { start: number; end: number; kind: SegmentKind }[];
      readonly infos: Info[];
    }
    const groups = new Map<string, Group>();
    const group = (offset: number, kind: SegmentKind): Group => {
      const segment = segmentAt(model.segments, offset);
      const record = segment?.keyPath !== undefined ? records.get(segment.end) : undefined;
      const [start, end] = record ? [record.start, record.end] : index.sentence(offset);
      const key = `${record ? 'r' : 's'}${start}:${end}`;
      let found = groups.get(key);
      if (!found) {
        found = { record: record !== undefined, start, end, services: [], liuTerms: [], infos: [] };
        groups.set(key, found);
      }
      return found;
    };

    const mentions = serviceMentions(input);
    // Which services are ISMAP-LIU by the list or the catalogue; nothing to do when nothing is ISMAP-LIU.
    const statuses = new Map<string, IsmapStatus>();
    const bases = new Map<string, Basis>();
    for (const mention of mentions) {
      if (!statuses.has(mention.service.id)) {
        const status = ismapStatus(mention.service, knowledge.ismapList);
        statuses.set(mention.service.id, status);
        const basis = liuBasis(mention.service, status);
        if (basis) {
          bases.set(mention.service.id, basis);
        }
      }
    }
    if (bases.size === 0 && !terms.some((term) => term.term.id === 'ismap-liu')) {
      return [];
    }
    for (const mention of mentions) {
      group(mention.start, mention.segmentKind).services.push(mention);
    }
    let anyLiu = false;
    for (const term of terms) {
      if (INFO_TERMS.has(term.term.id)) {
        group(term.start, term.segmentKind).infos.push({ kind: term.term.id as InfoKind, start: term.start, end: term.end });
      } else if (term.term.id === 'ismap-liu' && !inRanges(input.context.badExamples, term.start)) {
        const [start, end] = index.sentence(term.start);
        const normalized = index.normalized(start, end);
        const after = normalized.text.slice(normalizedIndex(normalized, term.end));
        if (!LIU_NEGATED_AFTER.test(after)) {
          group(term.start, term.segmentKind).liuTerms.push({ start: term.start, end: term.end, kind: term.segmentKind });
          anyLiu = true;
        }
      }
    }
    // Structured grades in YAML entries: `confidentiality: 3`, `classification: 機密性3`.
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key' || segment.keyPath === undefined || segment.keyPath.length === 0) {
        continue;
      }
      const key = normalizeKey(segment.keyPath[segment.keyPath.length - 1]).toLowerCase();
      const value = normalizeKey(model.text.slice(segment.start, segment.end)).replace(/^["']|["']$/g, '').trim();
      if (GRADE_KEY.test(key) && /^3$/.test(value)) {
        group(segment.start, segment.kind).infos.push({ kind: 'confidentiality-3', start: segment.start, end: segment.end });
      }
    }

    if (bases.size === 0 && !anyLiu) {
      return [];
    }
    /** ISMAP-LIU terms that declared a service (and so are not subjects themselves). */
    const declaring = new Set<number>();
    for (const { record, services, liuTerms } of groups.values()) {
      for (const liu of liuTerms) {
        if (services.length === 0) {
          continue;
        }
        // A YAML entry's program applies to its service(s); in prose, to the nearest service.
        const declared = record
          ? services
          : [services.reduce((best, service) => (gap(service, liu) < gap(best, liu) ? service : best))];
        for (const service of declared) {
          // The list holding the service under full ISMAP outweighs the document's word.
          const listed = statuses.get(service.service.id)?.matches.some((match) => match.entry.program === 'ISMAP');
          if (!bases.has(service.service.id) && !listed) {
            bases.set(service.service.id, DOCUMENT_BASIS);
          }
        }
        declaring.add(liu.start);
      }
    }

    const findings: Finding[] = [];
    const reported = new Set<number>();
    const report = (subject: Subject, kind: InfoKind, fromClassification: boolean) => {
      if (reported.has(subject.start)) {
        return;
      }
      reported.add(subject.start);
      const info = infoText(input, kind, fromClassification);
      // Why the service counts as ISMAP-LIU (the list, the catalogue or the text) shows in its hover.
      const name = subject.mention && subject.basis ? subject.mention.surface : undefined;
      const message: Bilingual = name
        ? {
            ja: `ISMAP-LIUの対象外の情報: 「${name}」はISMAP-LIUのサービスで、機密性2までの低リスク業務向けのため${info.ja}は対象外です`,
            en: `"${name}" is an ISMAP-LIU service, for low-risk work within Confidentiality-2, not for ${info.en}.`,
          }
        : {
            ja: `ISMAP-LIUの対象外の情報: ISMAP-LIUは機密性2までの低リスク業務向けで、${info.ja}は対象外です`,
            en: `ISMAP-LIU is for low-risk work within Confidentiality-2, not for ${info.en}.`,
          };
      findings.push({ ruleId: this.id, severity: this.defaultSeverity, message, start: subject.start, end: subject.end });
    };

    for (const { record, start: groupStart, end: groupEnd, services, liuTerms, infos } of groups.values()) {
      if (infos.length === 0) {
        continue;
      }
      if (NEGATION.test(index.normalized(groupStart, groupEnd).text)) {
        continue;
      }
      const subjects: Subject[] = services.map((mention) => ({ start: mention.start, end: mention.end, mention, basis: bases.get(mention.service.id) }));
      for (const liu of liuTerms) {
        if (declaring.has(liu.start)) {
          continue;
        }
        const [start, end] = index.sentence(liu.start);
        const normalized = index.normalized(start, end);
        if (LIU_SUBJECT_AFTER.test(normalized.text.slice(normalizedIndex(normalized, liu.end)))) {
          subjects.push({ start: liu.start, end: liu.end });
        }
      }
      if (subjects.length === 0) {
        continue;
      }
      // 3 before 要配慮 when both are given to the same subject.
      const ordered = [...infos].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'confidentiality-3' ? -1 : 1));
      for (const info of ordered) {
        const targets = record
          ? subjects
          : [subjects.reduce((best, subject) => (gap(subject, info) < gap(best, info) ? subject : best))];
        for (const subject of targets) {
          if (!subject.mention || subject.basis) {
            report(subject, info.kind, false);
          }
        }
      }
    }

    // The system's own platform on an ISMAP-LIU service, with the document classified 機密性3.
    if (documentGradeIsThree(input)) {
      for (const mention of mentions) {
        const basis = bases.get(mention.service.id);
        if (!basis || reported.has(mention.start)) {
          continue;
        }
        const segment = segmentAt(model.segments, mention.start);
        let platform: boolean;
        if (segment?.keyPath !== undefined) {
          platform = segment.keyPath.some((key) => PLATFORM_KEY.test(normalizeKey(key).toLowerCase())) && usageOf(index, mention) === 'used';
        } else {
          const [start, end] = index.sentence(mention.start);
          const text = index.normalized(start, end).text;
          platform = PLATFORM_STRONG.test(text) && !NEGATION.test(text) && usageOf(index, mention) === 'used';
        }
        if (platform) {
          report({ start: mention.start, end: mention.end, mention, basis }, 'confidentiality-3', true);
        }
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
