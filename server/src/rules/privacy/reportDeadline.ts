/**
 * privacy/report-deadline — a 速報 or 確報 deadline of the leak report (漏えい等報告) that differs from the
 * rule: 速報 「速やかに」 (the PPC guideline's rule of thumb: about 3〜5日), 確報 30日 (60日 where 不正の目的 is
 * suspected), counted in calendar days (個人情報保護法施行規則 第8条, 通則編ガイドライン 3-5-3-3 / 3-5-3-4).
 *
 * Only the private-sector rule (規則第8条) is confirmed in govsec's reference data; the 行政機関等 deadlines are
 * not. So in a private-sector statement the message states the rule; in any other statement it says what the
 * private-sector rule sets and that the public-sector deadline is unconfirmed, and asks for the basis.
 *
 * Reported: a 速報 deadline longer than 5 days (10日以内, 1週間, 7営業日 …); a 確報 deadline other than 30日 (60日
 * with 不正 in the sentence), including 営業日 and months. Not reported: a 速報 deadline of 5 days or less
 * (「速やかに」 has no lower bound), deadlines not tied to 速報/確報, and 速報/確報 sentences that are not about
 * the report to the 個人情報保護委員会 (no 漏えい/委員会 cue in the sentence, paragraph or heading) or that name
 * another recipient (発注者, 監督職員 …).
 */

import { normalizedRange } from '../../document/normalized';
import { segmentAt } from '../../document/sentences';
import type { Finding, Rule } from '../rule';
import { clauseAround, SentenceCache } from '../../context/privacyScope';

const KEYWORD = /速報(?!値)|確報/g;
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
const WRONGFUL = /不正/;

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

function message(kind: Kind, written: string, confirmed: boolean): string {
  if (kind === '速報') {
    return confirmed
      ? `漏えい等報告の期限: 速報は「速やかに」（目安は事態を知った時点から概ね3〜5日以内）行います（個人情報保護法施行規則第8条第1項、通則編ガイドライン3-5-3-3）。` +
          `「${written}」はこれを超えています ` +
          `(breach-report deadline: the preliminary report is due promptly, as a rule of thumb within about 3-5 days of learning of the event ` +
          `(APPI Enforcement Rules Art. 8(1), PPC General Guidelines 3-5-3-3); "${written}" is longer)`
      : `漏えい等報告の期限: 民間事業者については規則第8条第1項が速報を「速やかに」（目安は概ね3〜5日以内）と定めており、「${written}」はこれを超えています。` +
          `行政機関等の速報の期限は govsec の参照データでは確認できていないため、この期限の根拠を確認してください ` +
          `(breach-report deadline: for businesses, APPI Enforcement Rules Art. 8(1) require the preliminary report promptly, about 3-5 days, and "${written}" is longer; ` +
          `the deadline for public bodies is not confirmed in govsec's sources, so check the basis of this value)`;
  }
  return confirmed
    ? `漏えい等報告の期限: 確報は事態を知った日から30日以内（不正の目的によるおそれがある事態は60日以内。土日・祝日を含めて数える）です（個人情報保護法施行規則第8条第2項、通則編ガイドライン3-5-3-4）。` +
        `「${written}」はこれと異なります ` +
        `(breach-report deadline: the final report is due within 30 days of learning of the event, 60 days where wrongful intent is suspected, counting weekends and holidays ` +
        `(APPI Enforcement Rules Art. 8(2), PPC General Guidelines 3-5-3-4); "${written}" differs)`
    : `漏えい等報告の期限: 民間事業者については規則第8条第2項が確報を事態を知った日から30日以内（不正の目的によるおそれがある事態は60日以内）と定めており、「${written}」はこれと異なります。` +
        `行政機関等の確報の期限は govsec の参照データでは確認できていないため、この期限の根拠を確認してください ` +
        `(breach-report deadline: for businesses, APPI Enforcement Rules Art. 8(2) set the final report within 30 days of learning of the event (60 days where wrongful intent is suspected), ` +
        `and "${written}" differs; the deadline for public bodies is not confirmed in govsec's sources, so check the basis of this value)`;
}

export const privacyReportDeadlineRule: Rule = {
  id: 'privacy/report-deadline',
  defaultSeverity: 'warning',
  procurementOnly: true,
  description: 'Leak-report deadline that differs from the rule: 速報 promptly (about 3〜5日), 確報 30日 (60日 for 不正の目的).',
  check({ model, context }) {
    const findings: Finding[] = [];
    const sentences = new SentenceCache(model);
    const reported = new Set<number>();
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      const normalizedSegment = normalizedRange(model, segment.start, segment.end);
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
            (PPC_CUE.test(sentence) || PPC_CUE.test(around.paragraph()) || PPC_CUE.test(around.heading() ?? '')) &&
            !(OTHER_RECIPIENT.test(sentence) && !/委員会/.test(sentence));
          if (!aboutPpc) {
            continue;
          }
          if (reported.has(start)) {
            continue; // a long sentence seen from two keywords
          }
          reported.add(start);
          const written = model.text.slice(start, end);
          findings.push({
            ruleId: this.id,
            severity: this.defaultSeverity,
            message: message(owner.kind, written, around.sideAt(deadline.index, context) === 'private'),
            start,
            end,
          });
        }
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
