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
 *
 * English is read the same way: a preliminary/initial report is the 速報, a final/confirmed report the 確報, with
 * a deadline after within / in / no later than; GDPR-scoped ones and reports to customers are quiet.
 */

import type { Bilingual } from '../../language';
import { normalizedRange } from '../../document/normalized';
import { segmentAt, sentenceAt } from '../../document/sentences';
import { normalizedIndex, normalizeKey } from '../../text/normalize';
import type { DocumentModel, Segment, TableCell, TextRange } from '../../document/model';
import { blockAt } from '../../document/blocks';
import { sectionSpans, spanIndexAt } from '../../document/view';
import type { Finding, Rule } from '../rule';
import { yamlRecords, type YamlRecord } from '../../context/serviceUsage';
import { clauseAround, isNotAClaim, SentenceCache, Surroundings, type Side } from '../../context/privacyScope';
import type { Severity } from '../../glossary/types';

/** 速報/確報, or in English a preliminary/initial or final/confirmed report (to the commission). */
const KEYWORD = /速報(?!値)|確報|\b(?:preliminary|initial|final|confirmed)[ \t]+report/gi;
const KEYWORD_TEST = new RegExp(KEYWORD.source, 'i');

/** The report a keyword names: 速報 for preliminary/initial, 確報 for final/confirmed. */
function kindOfKeyword(word: string): Kind {
  return /確報|final|confirmed/i.test(word) ? '確報' : '速報';
}

/**
 * English deadlines after within / no later than / in: within 7 days, within 10 business days, within 2 weeks,
 * within 3-5 days. Read with the unit of the Japanese deadline it means.
 */
const ENGLISH_DEADLINE = /\b(?:within|no later than|in)[ \t]+(?:about[ \t]+|approximately[ \t]+)?(\d+)(?:[ \t]*(?:-|–|to)[ \t]*(\d+))?[ \t-]*(business[ \t]+days?|working[ \t]+days?|calendar[ \t]+days?|days?|weeks?|months?|hours?)\b/gi;

const ENGLISH_DEADLINE_START = /^(?:within|no later than|in)\b/i;

function englishUnit(unit: string): string {
  return /business|working/i.test(unit) ? '営業日' : /week/i.test(unit) ? '週間' : /month/i.test(unit) ? 'か月' : /hour/i.test(unit) ? '時間' : '日';
}
/** GDPR's deadline, 72時間 (NFKC) or, in English, 72 hours / 72-hour. */
const GDPR_HOURS = /(?<!\d)72[ \t]*時間(?:[ \t]*以内)?|(?<![\d.])72[ \t-]*hours?\b/gi;
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
const PPC_CUE = /個人情報保護委員会|委員会へ|委員会に|漏えい|漏洩|法第26条|法第68条|規則第8条|PPC|Personal Information Protection Commission/;
/**
 * Another procedure's recipient: the contractor reporting to the client, or a report inside the organisation
 * or to another company (「行政経営課への速報」「所属長に確報」「委託元へ」).
 */
const OTHER_RECIPIENT =
  /発注者|監督職員|担当職員|CSIRT|所管課|情報セキュリティ責任者|統括責任者|所属長|委託元|親会社|本社|[一-龥]{1,10}(?:課|部|室|局|係|本部|センター)(?:長)?(?:へ|に)(?:の)?(?:速報|確報|報告|提出|第一報)/;
/** The report of another event (障害の確報, 災害速報): a title naming 漏えい above it does not make it the leak report. */
const OTHER_EVENT = /(?:障害|災害|被害|事故|月次|週次|運用|作業)(?:の|に関する|状況の)?(?:速報|確報)/;
/** 不正の目的 named, or by its item number (前項第3号の場合は60日以内, 規則第7条第3号). */
const WRONGFUL = /不正|第3号|第三号|wrongful|fraudulent|malicious/i;
const YAML_WRONGFUL_KEY = /wrongful|fraud|malicious|不正/i;
/** A table whose header names the report or its deadline: | 報告 | 期限 |. */
const REPORT_TABLE_HEADER = /報告|期限/;
/** The text says GDPR applies: 72 hours is then right. */
const GDPR = /GDPR|一般データ保護規則|EU|欧州|EEA|General Data Protection Regulation|\bEurope/;
/** The statement names the APPI or the commission as its own basis: a GDPR cue elsewhere in its paragraph is not its scope. */
const APPI_BASIS = /個人情報保護法|個人情報保護委員会|委員会|国内|\bAPPI\b|\bPPC\b|Personal Information Protection (?:Commission|Act)|Act on (?:the )?Protection of Personal Information|\bJapan/i;

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
const APPI_REPORT = /個人情報保護委員会|個人情報保護法|漏えい等報告|\bAPPI\b|\bPPC\b|Personal Information Protection (?:Commission|Act)|Act on (?:the )?Protection of Personal Information/i;
/** The commission named as the recipient (Japanese or English). */
const COMMISSION = /委員会|\bPPC\b|Personal Information Protection Commission/;
/** A report: 報告, or in English report / notify / notification. */
const REPORT_WORD = /報告|\breport|\bnotif/i;
/**
 * English: a sentence that denies or refutes the 72 hours (「APPI does not set 72 hours」「unlike the GDPR's 72
 * hours」「a common myth」) or sends the notice to someone else (the customer, the controller).
 */
const ENGLISH_NOT_A_CLAIM = /\b(?:not|never|no|unlike|myths?|misconception|wrong|incorrect|mistaken)\b|n't\b/i;
const ENGLISH_OTHER_RECIPIENT = /\b(?:notify|inform|report to|alert)\s+(?:the\s+|our\s+|its\s+|affected\s+)?(?:customers?|clients?|(?:data\s+)?controllers?|users?|data\s+subjects?)\b/i;
/** Whether the English clause of `index` sends its report to someone other than the commission. */
function toOtherRecipient(sentence: string, index: number): boolean {
  const clause = sentence.slice(...clauseAround(sentence, index));
  return ENGLISH_OTHER_RECIPIENT.test(clause) && !COMMISSION.test(clause);
}

/** YAML: a key for the days of a report under a breach/leak/incident map. */
const YAML_BREACH_KEY = /breach|leak|incident|漏えい|漏洩|ppc|個人情報保護委員会/i;
const YAML_PRELIMINARY_KEY = /prelim|initial|first|速報|sokuho/i;
const YAML_FINAL_KEY = /final|確報|kakuho/i;
const YAML_UNIT_KEY = /(business[_ -]?days?|営業日|days?|日|hours?|時間)(?![a-z])/i;
/** A key for a deadline whose unit is in the value: `deadline: 10営業日`. */
const YAML_DEADLINE_KEY = /deadline|due|limit|within|期限|期日/i;
/** The key of a step's or an item's own title, read as a sibling of its deadline (`name: 確報の提出`). */
const YAML_TITLE_KEY = /^(?:name|title|label|step|summary|type|kind|名称|名前|件名|手順|タイトル|項目|種別)$/i;
const YAML_NUMBER = /^["']?[ \t]*(\d+)[ \t]*(営業日|日|時間|business[_ -]?days?|days?|hours?)?[ \t]*(?:以内)?[ \t]*["']?$/i;

/** 時間, 営業日 or 日 from a unit written in a YAML key or value. */
function unitOf(written: string): string {
  return /hour|時間/i.test(written) ? '時間' : /business|営業日/i.test(written) ? '営業日' : '日';
}

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

/**
 * Calendar days a deadline allows at least. The deadlines count calendar days (weekends and holidays
 * included), so n business days are at least n days plus the weekend of every full week they span
 * (5営業日 is at least 7 days); months count as at least 28 days.
 */
function days(value: number, unit: string): number {
  if (unit === '時間') {
    return value / 24;
  }
  if (unit === '営業日') {
    return value + 2 * Math.floor(value / 5);
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
function verdict(kind: Kind | undefined, written: string, side: Side | undefined, unit?: string): Verdict {
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
  if (unit === '営業日' || /営業日/.test(written)) {
    // The deadlines are in calendar days: say so, which is what a business-day rule gets wrong.
    return {
      severity: side === 'private' ? 'warning' : 'information',
      message:
        side === 'private'
          ? kind === '速報'
            ? { ja: `速報は暦日で概ね3〜5日以内に行うもので、「${written}」は長すぎます`, en: `The preliminary report is due in about 3-5 calendar days; "${written}" is too long.` }
            : { ja: `確報は暦日で30日以内（不正の目的は60日）で、営業日の「${written}」は異なります`, en: `The final report is due within 30 calendar days (60 for wrongful intent), not "${written}".` }
          : kind === '速報'
            ? { ja: `民間の速報は暦日で概ね3〜5日以内で、行政機関等の期限は未確認のため「${written}」の根拠を確認してください`, en: `Businesses report in about 3-5 calendar days; the public-sector deadline is unconfirmed, so check "${written}".` }
            : { ja: `民間の確報は暦日で30日以内（不正の目的は60日）で、行政機関等は未確認のため「${written}」の根拠を確認してください`, en: `Businesses report within 30 calendar days, 60 for wrongful intent; the public-sector deadline is unconfirmed, so check "${written}".` },
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

/** The one report named in `text` (NFKC), or none when it names neither or both. */
function onlyKindIn(text: string): Kind | undefined {
  const preliminary = /速報(?!値)|\b(?:preliminary|initial)[ \t]+report/i.test(text);
  const final = /確報|\b(?:final|confirmed)[ \t]+report/i.test(text);
  return preliminary === final ? undefined : preliminary ? '速報' : '確報';
}

const kindOfKey = (key: string | undefined): Kind | undefined =>
  key === undefined ? undefined : YAML_FINAL_KEY.test(key) ? '確報' : YAML_PRELIMINARY_KEY.test(key) ? '速報' : undefined;

/** YAML: for each mapping (by its start), the NFKC text of its title keys (name, title …). */
function yamlTitles(model: DocumentModel, records: Map<number, YamlRecord>): Map<number, string> {
  const titles = new Map<number, string>();
  for (const scalar of model.scalars) {
    const key = scalar.keyPath?.[scalar.keyPath.length - 1];
    const record = records.get(scalar.end);
    if (scalar.kind === 'yaml-key' || key === undefined || !record || !YAML_TITLE_KEY.test(normalizeKey(key))) {
      continue;
    }
    const title = normalizedRange(model, scalar.start, scalar.end).text;
    titles.set(record.start, (titles.get(record.start) ?? '') + '\n' + title);
  }
  return titles;
}

/**
 * YAML: a day count of a report's deadline — the report from its key (final_days: 45), its parent key
 * (速報: {days: 10}) or its mapping's title (a workflow step `name: 確報の提出` beside `deadline_days: 45`);
 * the unit from the key, else from the value. Only where the document, the key path or the title is about
 * a leak or the commission.
 */
function yamlDeadline(
  keyPath: readonly string[],
  breachDocument: boolean,
  title: () => string | undefined,
): { kind: Kind; unit: string | undefined; wrongful: boolean } | undefined {
  const key = keyPath[keyPath.length - 1];
  const unit = YAML_UNIT_KEY.exec(key);
  if (!unit && !YAML_DEADLINE_KEY.test(key)) {
    return undefined;
  }
  let breach = breachDocument || keyPath.some((ancestor) => YAML_BREACH_KEY.test(ancestor));
  let wrongful = keyPath.some((ancestor) => YAML_WRONGFUL_KEY.test(ancestor));
  let kind = kindOfKey(key) ?? kindOfKey(keyPath[keyPath.length - 2]);
  if (!kind) {
    const named = title();
    kind = named === undefined ? undefined : onlyKindIn(named);
    breach ||= named !== undefined && PPC_CUE.test(named);
    wrongful ||= named !== undefined && WRONGFUL.test(named);
  }
  if (!kind || !breach) {
    return undefined;
  }
  return { kind, unit: unit ? unitOf(unit[1]) : undefined, wrongful };
}

/** A sentence that sets a deadline, so that a heading naming a report is its subject: 「提出期限：40日以内」. */
const DEADLINE_STATEMENT = /期限|期日|報告|提出/;

/**
 * The report a sentence that names none belongs to: the one its parent list item names (「1. 速報」 over
 * 「- 発覚後10営業日以内」), else, for a sentence that sets a deadline, the one its section heading names
 * (### 確報 over 「提出期限：40日以内」). Only where exactly one of 速報 and 確報 is named.
 */
function inheritedKind(model: DocumentModel, offset: number, sentence: string): Kind | undefined {
  const block = blockAt(model, offset);
  const parent = block?.listItem?.parent;
  if (parent) {
    const line = model.markdown!.lines[parent.firstLine];
    const kind = onlyKindIn(normalizeKey(model.text.slice(line.start, line.end)));
    if (kind) {
      return kind;
    }
  }
  const heading = block?.section?.title;
  return heading !== undefined && DEADLINE_STATEMENT.test(sentence) ? onlyKindIn(normalizeKey(heading)) : undefined;
}

/** Markers that open an FAQ line, after list, quote and emphasis markers: 「A:」「A.」「Ａ．」「答：」「回答」, "Answer:". */
const LINE_MARKUP = /^[\s>]*(?:[-*+]\s+|\d+[.)]\s+)?(?:\*\*|__)?/;
const ANSWER_START = /^(?:A|Ａ|答|回答|answer)\s*(?:\d+\s*)?(?:[:：.．、)）]|\*\*|\s)|^[:：]\s/i;
const QUESTION_START = /^(?:Q|Ｑ|問|質問|question)\s*(?:\d+\s*)?(?:[:：.．、)）]|\*\*|\s)/i;
/** How many lines above an answer its question is looked for. */
const QUESTION_REACH = 6;

/**
 * The question an FAQ answer answers: for a line that opens as an answer (「A: 発覚から1週間以内です。」, a
 * definition list's 「: 10日以内」), the nearest line above it that opens as a question (「Q: 漏えい等報告の速報は
 * いつまでに…」) or ends with ？, or the term a definition answers; for a paragraph under a question heading
 * (### Q. 速報の期限は？), that heading. Undefined elsewhere.
 */
function questionOf(model: DocumentModel, offset: number): string | undefined {
  const lines = model.markdown?.lines;
  const block = blockAt(model, offset);
  if (!lines || !block) {
    return undefined;
  }
  const lineText = (index: number) => normalizeKey(model.text.slice(lines[index].start, lines[index].end)).replace(LINE_MARKUP, '');
  let line = block.firstLine;
  while (line < block.lastLine && lines[line + 1].start <= offset) {
    line++;
  }
  const own = lineText(line);
  if (ANSWER_START.test(own)) {
    const definition = /^[:：]\s/.test(own);
    for (let above = line - 1; above >= Math.max(0, line - QUESTION_REACH); above--) {
      const text = lineText(above).trim();
      if (text === '') {
        continue;
      }
      if (definition || QUESTION_START.test(text) || /[？?](?:\*\*|__)?$/.test(text)) {
        return text;
      }
      if (ANSWER_START.test(text)) {
        return undefined; // the answer before: its question is not this one's
      }
    }
    return undefined;
  }
  const heading = block.section?.title;
  return heading !== undefined && (QUESTION_START.test(normalizeKey(heading)) || /[？?]\s*$/.test(heading)) ? normalizeKey(heading) : undefined;
}

export const privacyReportDeadlineRule: Rule = {
  id: 'privacy/report-deadline',
  defaultSeverity: 'warning',
  procurementOnly: false,
  // A deadline table counts when the commission or a leak is named above it, maybe in an earlier section.
  scope: 'section',
  documentKey({ model }) {
    const cue = PPC_CUE.exec(model.text);
    return cue ? String(spanIndexAt(sectionSpans(model), cue.index)) : 'none';
  },
  description: 'Leak-report deadline that differs from the rule: 速報 promptly (about 3〜5日), 確報 30日 (60日 for 不正の目的); GDPR\'s 72 hours.',
  check({ model, context }) {
    const findings: Finding[] = [];
    const sentences = new SentenceCache(model);
    const reported = new Set<number>();
    const report = (kind: Kind | undefined, start: number, end: number, side: Side | undefined, unit?: string) => {
      if (reported.has(start) || isNotAClaim(model, start, end)) {
        return; // a long sentence seen from two keywords, or a quoted original under correction
      }
      reported.add(start);
      const { severity, message } = verdict(kind, model.text.slice(start, end), side, unit);
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
    let titles: Map<number, string> | undefined;
    let records: Map<number, YamlRecord> | undefined;
    const titleOf = (segment: Segment) => () => {
      records ??= yamlRecords(model);
      titles ??= yamlTitles(model, records);
      const record = records.get(segment.end);
      return record && titles.get(record.start);
    };
    /** Checks every deadline of a sentence against the report `ownerAt` gives for its position. */
    const checkDeadlines = (around: Surroundings, ownerAt: (at: number) => Kind | undefined, question?: string) => {
      const sentence = around.sentence.text;
      DEADLINE.lastIndex = 0;
      let deadline: RegExpExecArray | null;
      let aboutPpc: boolean | undefined;
      const matches: RegExpExecArray[] = [];
      while ((deadline = DEADLINE.exec(sentence))) {
        matches.push(deadline);
      }
      // English: 'within 7 days' is a deadline as 7日以内 is; the unit is read as the Japanese one it means.
      for (const english of sentence.matchAll(ENGLISH_DEADLINE)) {
        const found = Object.assign([english[0], english[1], english[2], englishUnit(english[3]), 'within'], { index: english.index!, input: sentence }) as unknown as RegExpExecArray;
        matches.push(found);
      }
      for (const found of matches) {
        const [, first, second, unit, suffix] = found;
        if (!suffix && !BARE_BEFORE.test(sentence.slice(Math.max(0, found.index - 6), found.index))) {
          continue;
        }
        const start = around.sentence.startOf(found.index);
        const end = around.sentence.endOf(found.index + found[0].length - 1);
        const inSegment = segmentAt(model.segments, start);
        if (!inSegment || inSegment.end < end) {
          continue; // inside inline code or split by markup
        }
        const owner = ownerAt(found.index);
        const values = [numberOf(first), ...(second !== undefined ? [numberOf(second)] : [])];
        if (!owner || values.some((value) => Number.isNaN(value)) || isAllowed(owner, values, unit, WRONGFUL.test(sentence))) {
          continue;
        }
        // Only the report to the 個人情報保護委員会, not the contractor's report to the client.
        aboutPpc ??=
          (PPC_CUE.test(sentence) || PPC_CUE.test(around.paragraph()) || PPC_CUE.test(around.headings()) || inReportTable(start) || PPC_CUE.test(question ?? '')) &&
          !((OTHER_RECIPIENT.test(sentence) || OTHER_EVENT.test(sentence) || ENGLISH_OTHER_RECIPIENT.test(sentence)) && !/委員会|漏えい|漏洩|PPC|Commission/.test(sentence)) &&
          !gdprScoped(sentence, found.index, around);
        // An English deadline may be GDPR's or another law's (a final report to an EU authority within 14 days), or
        // a report to someone else in a sentence that names the PPC (an initial report to affected customers).
        if (!aboutPpc || (suffix === 'within' && (gdprScoped(sentence, found.index, around) || toOtherRecipient(sentence, found.index)))) {
          continue;
        }
        report(owner, start, end, around.sideAt(found.index, context), unit);
      }
    };
    const inheritedSentences = new SentenceCache(model);
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      const normalizedSegment = normalizedRange(model, segment.start, segment.end);
      const structured = segment.keyPath && segment.keyPath.length > 0 ? yamlDeadline(segment.keyPath, breachDocument, titleOf(segment)) : undefined;
      if (structured) {
        const value = YAML_NUMBER.exec(normalizedSegment.text);
        const unit = value?.[2] ? unitOf(value[2]) : structured.unit;
        if (!value || !unit) {
          continue;
        }
        if (isAllowed(structured.kind, [Number(value[1])], unit, structured.wrongful)) {
          continue;
        }
        // The number, with the unit written in the value (30営業日) so that the message quotes what is wrong.
        const at = normalizedSegment.text.indexOf(value[1]);
        const unitAt = value[2] ? normalizedSegment.text.indexOf(value[2], at + value[1].length) : -1;
        const start = normalizedSegment.startOf(at);
        const end = normalizedSegment.endOf(unitAt >= 0 ? unitAt + value[2].length - 1 : at + value[1].length - 1);
        const line = sentenceAt(model, start);
        report(structured.kind, start, end, new Surroundings(model, line.start, line.end, start).sideAt(0, context), unit);
        continue;
      }
      GDPR_HOURS.lastIndex = 0;
      for (let hours = GDPR_HOURS.exec(normalizedSegment.text); hours; hours = GDPR_HOURS.exec(normalizedSegment.text)) {
        const start = normalizedSegment.startOf(hours.index);
        const around = new Surroundings(model, ...spanOf(sentenceAt(model, start)), start);
        const sentence = around.sentence.text;
        if (KEYWORD_TEST.test(sentence) || !REPORT_WORD.test(sentence) || !(APPI_REPORT.test(sentence) || COMMISSION.test(around.heading() ?? ''))) {
          continue; // a 速報/確報 deadline is read below; other reports are not the commission's
        }
        const otherRecipient = OTHER_RECIPIENT.test(sentence) || (/hour/i.test(hours[0]) && ENGLISH_OTHER_RECIPIENT.test(sentence));
        if (gdprScoped(sentence, normalizedIndex(around.sentence, start), around) || (otherRecipient && !COMMISSION.test(sentence))) {
          continue;
        }
        if (/hour/i.test(hours[0]) && ENGLISH_NOT_A_CLAIM.test(sentence)) {
          continue;
        }
        const end = normalizedSegment.endOf(hours.index + hours[0].length - 1);
        report(undefined, start, end, around.sideAt(normalizedIndex(around.sentence, start), context));
      }
      KEYWORD.lastIndex = 0;
      let keyword: RegExpExecArray | null;
      while ((keyword = KEYWORD.exec(normalizedSegment.text))) {
        const { around, fresh } = sentences.at(normalizedSegment.startOf(keyword.index));
        if (!fresh) {
          continue; // the sentence of an earlier keyword, already checked
        }
        const sentence = around.sentence.text;
        const keywords: { at: number; kind: Kind }[] = [];
        for (const found of sentence.matchAll(new RegExp(KEYWORD.source, 'gi'))) {
          keywords.push({ at: found.index, kind: kindOfKeyword(found[0]) });
        }
        // The deadline belongs to the nearest 速報/確報 of its clause, else of its sentence. An FAQ answer's question
        // may be what names the leak (Q. 漏えいの報告はいつまでに… / A. 速報は1週間以内…).
        checkDeadlines(
          around,
          (at) => {
            const [clauseStart, clauseEnd] = clauseAround(sentence, at);
            const inClause = keywords.filter((found) => found.at >= clauseStart && found.at < clauseEnd);
            const candidates = inClause.length > 0 ? inClause : keywords;
            // English names the report before its deadline ('the preliminary report … within 3-5 days and the
            // final report within 30 days'): a keyword after an English deadline is another report's.
            const english = ENGLISH_DEADLINE_START.test(sentence.slice(at, at + 20));
            const distance = (found: { at: number }) => (found.at < at ? at - found.at : (english ? sentence.length : 0) + found.at - at + 0.5);
            return candidates.reduce((best, found) => (distance(found) < distance(best) ? found : best), candidates[0])?.kind;
          },
          segment.kind === 'prose' ? questionOf(model, normalizedSegment.startOf(keyword.index)) : undefined,
        );
      }
      if (segment.kind !== 'prose') {
        continue;
      }
      // A deadline whose sentence names no report: the report its parent list item or its heading names.
      // Its own regex: checkDeadlines scans the sentence with DEADLINE, which would restart this loop.
      for (const deadline of normalizedSegment.text.matchAll(DEADLINE)) {
        const offset = normalizedSegment.startOf(deadline.index!);
        const { around, fresh } = inheritedSentences.at(offset);
        if (!fresh || KEYWORD_TEST.test(around.sentence.text)) {
          continue;
        }
        // An FAQ answer: the report its question names (Q: 漏えい等報告の速報は… / A: 1週間以内です); an answer to
        // another question (Q: システム障害の第一報は？) is not the report its section heading names.
        const question = questionOf(model, offset);
        const kind = question !== undefined ? onlyKindIn(question) : inheritedKind(model, offset, around.sentence.text);
        if (kind) {
          checkDeadlines(around, () => kind, question);
        }
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
