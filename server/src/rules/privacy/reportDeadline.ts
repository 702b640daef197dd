/**
 * privacy/report-deadline — a deadline of the leak report (漏えい等報告) to the 個人情報保護委員会 that is not
 * the rule's: 速報 「速やかに」 (the PPC guideline's rule of thumb: about 3〜5日), 確報 30日 (60日 where 不正の
 * 目的 is suspected), counted in calendar days (施行規則 第8条, 通則編ガイドライン 3-5-3-3 / 3-5-3-4); and GDPR's
 * 72 hours presented as the APPI deadline.
 *
 * A false statement about the law is false in any document, so this runs everywhere. Only the private-sector
 * rule (規則第8条) is confirmed in govsec's reference data; the 行政機関等 deadlines are not. So a statement about
 * a business gets a warning that states the rule; a public-sector statement, or one whose sector is unknown,
 * gets an information that gives the private-sector rule and asks for the basis — never a wrong assertion.
 *
 * Reported: a 速報 deadline longer than 5 days (10日以内, 1週間, 7営業日 …); a 確報 deadline other than 30日 (60日
 * with 不正 in the sentence), including 営業日 and months; 72時間 for a report to the commission with no 速報/確報
 * (quiet where GDPR or the EU is the claim's scope: its clause or sentence names it, or its paragraph or heading
 * does and the sentence names no APPI basis of its own). Read in sentences, table rows (| 確報 | 14日以内 |, under a
 * heading or header naming the report) and YAML settings (final_days: 45 under a breach/incident map). Not
 * reported: a 速報 deadline of 5 days or less (「速やかに」 has no lower bound), and statements that are not about
 * the report to the commission (no 漏えい/委員会 cue in the sentence, paragraph or heading) or that name another
 * recipient (発注者, 監督職員 …).
 */

import type { Bilingual } from '../../language';
import { normalizedRange } from '../../document/normalized';
import { segmentAt, sentenceAt } from '../../document/sentences';
import { normalizedIndex } from '../../text/normalize';
import type { DocumentModel, TableCell, TextRange } from '../../document/model';
import { blockAt } from '../../document/blocks';
import type { Finding, Rule } from '../rule';
import { clauseAround, isNotAClaim, SentenceCache, Surroundings, type Side } from '../../context/privacyScope';
import type { Severity } from '../../glossary/types';

const KEYWORD = /速報(?!値)|確報/g;
const KEYWORD_TEST = /速報(?!値)|確報/;
/** GDPR's deadline, 72時間 (NFKC). */
const GDPR_HOURS = /(?<!\d)72[ \t]*時間(?:[ \t]*以内)?/g;
const NUMBER = '(\\d+|[一二三四五六七八九十]+)';
/** 10日以内, 概ね3〜5日以内, 14日, 1週間, 1か月, 72時間, 30営業日 (on NFKC text; dates like 4月10日 excluded). */
const DEADLINE = new RegExp(
  `(?<![\\d年月/.\\-一二三四五六七八九十])(?:(?:概ね|おおむね|約)[ \\t]*)?${NUMBER}(?:[ \\t]*(?:〜|~|-|から)[ \\t]*${NUMBER})?[ \\t]*` +
    `(営業日|日間|日|週間|か月|ヶ月|ケ月|カ月|ヵ月|箇月|時間)(?:[ \\t]*(以内|内|まで|以下|を目途|目途|めど|程度))?`,
  'g',
);
/** A bare 10日 (without 以内) counts as a deadline after these: 発覚から10日, 確報は14日, 確報: 14日. */
const BARE_BEFORE = /(?:から|より|後|は|:|\|)[ \t]*$/;
/** The statement is about the report to the 個人情報保護委員会. */
const PPC_CUE = /個人情報保護委員会|委員会へ|委員会に|漏えい|漏洩|法第26条|法第68条|規則第8条|PPC/;
/** Another procedure's recipient: the contractor reporting to the client. */
const OTHER_RECIPIENT = /発注者|監督職員|担当職員|CSIRT|所管課|情報セキュリティ責任者|統括責任者/;
/** 不正の目的 named, or by its item number (前項第3号の場合は60日以内, 規則第7条第3号). */
const WRONGFUL = /不正|第3号|第三号/;
const YAML_WRONGFUL_KEY = /wrongful|fraud|malicious|不正/i;
/** A table whose header names the report or its deadline: | 報告 | 期限 |. */
const REPORT_TABLE_HEADER = /報告|期限/;
/** The text says GDPR applies: 72 hours is then right. */
const GDPR = /GDPR|一般データ保護規則|EU|欧州|EEA/;
/** The statement names the APPI or the commission as its own basis: a GDPR cue elsewhere in its paragraph is not its scope. */
const APPI_BASIS = /個人情報保護法|個人情報保護委員会|委員会|国内/;

/**
 * Whether GDPR is the scope of the 72 hours at `index` of `sentence`: its clause names GDPR or the EU; or the
 * sentence does, and the clause names no APPI basis of its own; or the paragraph or heading does, and the
 * sentence names no APPI basis of its own (「EUの顧客は…GDPRにより72時間以内。国内の顧客は個人情報保護法により72時間
 * 以内に委員会へ報告」 — the second is an APPI claim).
 */
function gdprScoped(sentence: string, index: number, around: Surroundings): boolean {
  const [clauseStart, clauseEnd] = clauseAround(sentence, index);
  const clause = sentence.slice(clauseStart, clauseEnd);
  if (GDPR.test(clause)) {
    return true;
  }
  if (GDPR.test(sentence)) {
    return !APPI_BASIS.test(clause);
  }
  return !APPI_BASIS.test(sentence) && (GDPR.test(around.paragraph()) || GDPR.test(around.heading() ?? ''));
}

/** A statement that the APPI (or the commission) sets the deadline, for a report with no 速報/確報. */
const APPI_REPORT = /個人情報保護委員会|個人情報保護法|漏えい等報告/;
/** YAML: a key for the days of a report under a breach/leak/incident map. */
const YAML_BREACH_KEY = /breach|leak|incident|漏えい|漏洩|ppc|個人情報保護委員会/i;
const YAML_PRELIMINARY_KEY = /prelim|initial|first|速報|sokuho/i;
const YAML_FINAL_KEY = /final|確報|kakuho/i;
const YAML_UNIT_KEY = /(days?|日|hours?|時間)(?![a-z])/i;
const YAML_NUMBER = /^["']?[ \t]*(\d+)[ \t]*(日|時間|days?|hours?)?[ \t]*(?:以内)?[ \t]*["']?$/i;

const KANJI_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 10, 十四, 三十, 六十 → numbers. */
function numberOf(text: string): number {
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const ten = text.indexOf('十');
  if (ten === -1) {
    return KANJI_DIGITS[text] ?? NaN;
  }
  const tens = ten === 0 ? 1 : KANJI_DIGITS[text.slice(0, ten)] ?? NaN;
  const ones = ten === text.length - 1 ? 0 : KANJI_DIGITS[text.slice(ten + 1)] ?? NaN;
  return tens * 10 + ones;
}

/** Days a deadline allows at most (business days and months count as at least that many days). */
function days(value: number, unit: string): number {
  if (unit === '時間') {
    return value / 24;
  }
  if (unit === '週間') {
    return value * 7;
  }
  if (/月/.test(unit)) {
    return value * 28;
  }
  return value;
}

type Kind = '速報' | '確報';

function isAllowed(kind: Kind, values: readonly number[], unit: string, wrongful: boolean): boolean {
  if (kind === '速報') {
    // 「速やかに」 (about 3〜5日): anything up to 5 days is consistent with it.
    return values.every((value) => days(value, unit) <= 5);
  }
  // 確報: 30 calendar days, 60 where 不正の目的 is suspected.
  return (unit === '日' || unit === '日間') && values.every((value) => value === 30 || (value === 60 && wrongful));
}

interface Verdict {
  readonly severity: Severity;
  readonly message: Bilingual;
}

/** The finding for a deadline `written` for `kind` on `side` (undefined: the GDPR 72 hours with no 速報/確報). */
function verdict(kind: Kind | undefined, written: string, side: Side | undefined): Verdict {
  if (kind === undefined) {
    return side === 'private'
      ? {
          severity: 'warning',
          message:
            { ja: `「${written}」はGDPRの期限で、個人情報保護法の速報は速やかに（概ね3〜5日）、確報は30日以内です`, en: `"${written}" is the GDPR deadline; under the APPI the preliminary report is prompt (3-5 days), the final within 30 days.` },
        }
      : {
          severity: 'information',
          message:
            { ja: `「${written}」はGDPRの報告期限のため、個人情報保護法上の期限としての根拠を確認してください`, en: `"${written}" is the GDPR deadline; check the basis for it as an APPI deadline.` },
        };
  }
  if (side === 'private') {
    return {
      severity: 'warning',
      message:
        kind === '速報'
          ? { ja: `速報は事態を知ってから速やかに（目安は概ね3〜5日以内）行うもので、「${written}」は長すぎます`, en: `The preliminary report is due promptly, about 3-5 days; "${written}" is too long.` }
          : { ja: `確報は事態を知った日から30日以内（不正の目的によるおそれは60日以内）で、「${written}」は異なります`, en: `The final report is due within 30 days, 60 for suspected wrongful intent; "${written}" differs.` },
    };
  }
  return {
    severity: 'information',
    message:
      kind === '速報'
        ? { ja: `民間の速報は概ね3〜5日以内で、行政機関等の期限は未確認のため「${written}」の根拠を確認してください`, en: `Businesses report promptly, about 3-5 days; the public-sector deadline is unconfirmed, so check "${written}".` }
        : { ja: `民間の確報は30日以内（不正の目的は60日）で、行政機関等の期限は未確認のため「${written}」の根拠を確認してください`, en: `Businesses report within 30 days, 60 for wrongful intent; the public-sector deadline is unconfirmed, so check "${written}".` },
  };
}

/** The header texts of the table holding `cell` (its header row's cells). */
function headerCells(model: DocumentModel, cell: TableCell): string[] {
  const headers: string[] = [];
  for (const block of model.markdown?.blocks ?? []) {
    if (block.table && block.table.tableFirstLine === cell.tableFirstLine && block.table.line === cell.line) {
      headers.push(block.table.headerText);
    }
  }
  return headers;
}

const spanOf = (range: TextRange): [number, number] => [range.start, range.end];

/** YAML: final_days: 45 under breach_workflow.deadlines — the report and the unit from the key. */
function yamlDeadline(keyPath: readonly string[], breachDocument: boolean): { kind: Kind; unit: string } | undefined {
  const key = keyPath[keyPath.length - 1];
  const unit = YAML_UNIT_KEY.exec(key);
  const kind: Kind | undefined = YAML_FINAL_KEY.test(key) ? '確報' : YAML_PRELIMINARY_KEY.test(key) ? '速報' : undefined;
  if (!kind || !unit || !(breachDocument || keyPath.some((ancestor) => YAML_BREACH_KEY.test(ancestor)))) {
    return undefined;
  }
  return { kind, unit: /hour|時間/i.test(unit[1]) ? '時間' : '日' };
}

export const privacyReportDeadlineRule: Rule = {
  id: 'privacy/report-deadline',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'document',
  description: 'Leak-report deadline that differs from the rule: 速報 promptly (about 3〜5日), 確報 30日 (60日 for 不正の目的); GDPR\'s 72 hours.',
  check({ model, context }) {
    const findings: Finding[] = [];
    const sentences = new SentenceCache(model);
    const reported = new Set<number>();
    const report = (kind: Kind | undefined, start: number, end: number, side: Side | undefined) => {
      if (reported.has(start) || isNotAClaim(model, start, end)) {
        return; // a long sentence seen from two keywords, or a quoted original under correction
      }
      reported.add(start);
      const { severity, message } = verdict(kind, model.text.slice(start, end), side);
      findings.push({ ruleId: this.id, severity, message, start, end });
    };
    // A table of report deadlines (| 報告 | 期限 |) in a document that has named the commission or a leak above it.
    const firstPpcCue = PPC_CUE.exec(model.text)?.index ?? Infinity;
    const reportTables = new Map<number, boolean>(); // by the table's first line: one header read per table
    const inReportTable = (offset: number) => {
      const cell = blockAt(model, offset)?.table;
      if (!cell || firstPpcCue >= offset) {
        return false;
      }
      let isReportTable = reportTables.get(cell.tableFirstLine);
      if (isReportTable === undefined) {
        isReportTable = headerCells(model, cell).some((header) => REPORT_TABLE_HEADER.test(header));
        reportTables.set(cell.tableFirstLine, isReportTable);
      }
      return isReportTable;
    };
    const breachDocument = model.kind === 'yaml' && /漏えい|漏洩|breach|leak/i.test(model.text);
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      const normalizedSegment = normalizedRange(model, segment.start, segment.end);
      const structured = segment.keyPath && segment.keyPath.length > 0 ? yamlDeadline(segment.keyPath, breachDocument) : undefined;
      if (structured) {
        const value = YAML_NUMBER.exec(normalizedSegment.text);
        if (!value) {
          continue;
        }
        const unit = value[2] ? (/hour|時間/i.test(value[2]) ? '時間' : '日') : structured.unit;
        if (isAllowed(structured.kind, [Number(value[1])], unit, segment.keyPath!.some((key) => YAML_WRONGFUL_KEY.test(key)))) {
          continue;
        }
        const at = normalizedSegment.text.indexOf(value[1]);
        const start = normalizedSegment.originalStart[at];
        const end = normalizedSegment.originalEnd[at + value[1].length - 1];
        const line = sentenceAt(model, start);
        report(structured.kind, start, end, new Surroundings(model, line.start, line.end, start).sideAt(0, context));
        continue;
      }
      GDPR_HOURS.lastIndex = 0;
      for (let hours = GDPR_HOURS.exec(normalizedSegment.text); hours; hours = GDPR_HOURS.exec(normalizedSegment.text)) {
        const start = normalizedSegment.originalStart[hours.index];
        const around = new Surroundings(model, ...spanOf(sentenceAt(model, start)), start);
        const sentence = around.sentence.text;
        if (KEYWORD_TEST.test(sentence) || !/報告/.test(sentence) || !(APPI_REPORT.test(sentence) || /委員会/.test(around.heading() ?? ''))) {
          continue; // a 速報/確報 deadline is read below; other reports are not the commission's
        }
        if (gdprScoped(sentence, normalizedIndex(around.sentence, start), around) || (OTHER_RECIPIENT.test(sentence) && !/委員会/.test(sentence))) {
          continue;
        }
        const end = normalizedSegment.originalEnd[hours.index + hours[0].length - 1];
        report(undefined, start, end, around.sideAt(normalizedIndex(around.sentence, start), context));
      }
      KEYWORD.lastIndex = 0;
      let keyword: RegExpExecArray | null;
      while ((keyword = KEYWORD.exec(normalizedSegment.text))) {
        const { around, fresh } = sentences.at(normalizedSegment.originalStart[keyword.index]);
        if (!fresh) {
          continue; // the sentence of an earlier keyword, already checked
        }
        const sentence = around.sentence.text;
        const keywords: { at: number; kind: Kind }[] = [];
        for (const found of sentence.matchAll(new RegExp(KEYWORD.source, 'g'))) {
          keywords.push({ at: found.index, kind: found[0] as Kind });
        }
        DEADLINE.lastIndex = 0;
        let deadline: RegExpExecArray | null;
        let aboutPpc: boolean | undefined;
        while ((deadline = DEADLINE.exec(sentence))) {
          const [, first, second, unit, suffix] = deadline;
          if (!suffix && !BARE_BEFORE.test(sentence.slice(Math.max(0, deadline.index - 6), deadline.index))) {
            continue;
          }
          const start = around.sentence.originalStart[deadline.index];
          const end = around.sentence.originalEnd[deadline.index + deadline[0].length - 1];
          const inSegment = segmentAt(model.segments, start);
          if (!inSegment || inSegment.end < end) {
            continue; // inside inline code or split by markup
          }
          // The deadline belongs to the nearest 速報/確報 of its clause, else of its sentence.
          const [clauseStart, clauseEnd] = clauseAround(sentence, deadline.index);
          const inClause = keywords.filter((found) => found.at >= clauseStart && found.at < clauseEnd);
          const candidates = inClause.length > 0 ? inClause : keywords;
          const distance = (found: { at: number }) => (found.at < deadline!.index ? deadline!.index - found.at : found.at - deadline!.index + 0.5);
          const owner = candidates.reduce((best, found) => (distance(found) < distance(best) ? found : best), candidates[0]);
          const values = [numberOf(first), ...(second !== undefined ? [numberOf(second)] : [])];
          if (!owner || values.some((value) => Number.isNaN(value)) || isAllowed(owner.kind, values, unit, WRONGFUL.test(sentence))) {
            continue;
          }
          // Only the report to the 個人情報保護委員会, not the contractor's report to the client.
          aboutPpc ??=
            (PPC_CUE.test(sentence) || PPC_CUE.test(around.paragraph()) || PPC_CUE.test(around.heading() ?? '') || inReportTable(start)) &&
            !(OTHER_RECIPIENT.test(sentence) && !/委員会/.test(sentence));
          if (!aboutPpc) {
            continue;
          }
          report(owner.kind, start, end, around.sideAt(deadline.index, context));
        }
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
