/**
 * privacy/report-threshold — a 行政機関等 document that gives the leak-report threshold as 1,000人.
 *
 * For 行政機関等 (保有個人情報) a leak is reportable to the 個人情報保護委員会 when more than 100 people are
 * affected (個人情報保護法 第68条, 施行規則 第43条第4号). "More than 1,000" is the private-sector threshold
 * for 個人データ (規則第7条第4号), a common copy-and-paste error in government specifications.
 *
 * A threshold statement is one sentence (never joined across a line break) that holds a number of people
 * written as 1,000 (1000人, １，０００人, 千人, 1,000名 …) followed by 超/以上/を超える, where the clause
 * of the number names the breach (漏えい, 滅失, 毀損), the people (本人の数) or the report (報告), and the
 * sentence is about a breach (漏えい … or 本人の数) and its report (報告, 本人の数, 個人情報保護委員会). The side
 * (public/private) comes from the sentence, its paragraph, its heading, then the document context.
 */

import { normalizedRange } from '../../document/normalized';
import type { Finding, Rule } from '../rule';
import { sentenceAt } from '../../document/sentences';
import { normalizedIndex } from '../../text/normalize';
import { clauseAround, SentenceCache, Surroundings } from '../../context/privacyScope';

/** 1,000人 / 1000名 / 千人 / 一千人 / 1千人, or 本人の数が1,000 (no unit), on NFKC text. */
const PEOPLE = /(?<![\d,.〇一二三四五六七八九十百千万])(\d{1,3}(?:,\d{3})+|\d+|[一1]?千)(?![\d,])[ \t]*(人|名)?/g;
const THRESHOLD_AFTER = /^[ \t]*(?:分)?[ \t]*(?:を)?[ \t]*(?:超|越|以上|上回)/;
const PEOPLE_BEFORE = /(?:本人の数|人数)(?:が|は)?[ \t]*$/;
const BREACH = /漏えい|漏洩|漏れい|滅失|毀損|き損/;
const REPORT = /報告|本人の数|個人情報保護委員会/;
const CLAUSE_CUE = /漏えい|漏洩|漏れい|滅失|毀損|き損|本人の数|報告/;
/** YAML: breach_report: {threshold: 1000} — a threshold key under a breach/report key. */
const YAML_REPORT_KEY = /report|報告|breach|leak|漏えい|漏洩/i;
const YAML_THRESHOLD_KEY = /threshold|閾値|しきい値|基準|人数|people|persons/i;
const YAML_VALUE = /^(["']?[ \t]*)(1,?000|千)[ \t]*(人|名)?[ \t]*(?:超|以上)?[ \t]*["']?$/;

function valueOf(number: string): number {
  if (number.endsWith('千')) {
    return 1000;
  }
  return Number(number.replace(/,/g, ''));
}

/** 100 in the style of what was written: １００ for full-width digits, 百 for 千. */
function replacementFor(original: string): string {
  if (/千/.test(original) && !/[0-9０-９]/.test(original)) {
    return '百';
  }
  return /[０-９]/.test(original) ? '１００' : '100';
}

function structured(keyPath: readonly string[]): boolean {
  return YAML_THRESHOLD_KEY.test(keyPath[keyPath.length - 1]) && keyPath.some((key) => YAML_REPORT_KEY.test(key));
}

function finding(ruleId: string, start: number, end: number, replacement: string): Finding {
  return {
    ruleId,
    severity: 'error',
    message:
      `漏えい等報告の基準: 行政機関等の保有個人情報は、本人の数が100人を超える漏えい等が報告対象です（個人情報保護法第68条、施行規則第43条第4号）。` +
      `1,000人超は民間事業者の個人データの基準です（同規則第7条第4号） ` +
      `(breach-report threshold: for public bodies a leak of retained personal information is reportable when more than 100 people are affected ` +
      `(APPI Art. 68, Enforcement Rules Art. 43(iv)); more than 1,000 is the private-sector threshold for personal data (Art. 7(iv)))`,
    start,
    end,
    fix: { title: `「${replacement}」に置き換える (replace with "${replacement}")`, replacement },
  };
}

export const privacyReportThresholdRule: Rule = {
  id: 'privacy/report-threshold',
  defaultSeverity: 'error',
  procurementOnly: true,
  description: 'Leak-report threshold of 1,000 people in a 行政機関等 document (it is more than 100 for 保有個人情報, 規則第43条第4号).',
  check({ model, context }) {
    const findings: Finding[] = [];
    const sentences = new SentenceCache(model);
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      const normalized = normalizedRange(model, segment.start, segment.end);
      PEOPLE.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = PEOPLE.exec(normalized.text))) {
        if (valueOf(match[1]) !== 1000) {
          continue;
        }
        const after = normalized.text.slice(match.index + match[0].length, match.index + match[0].length + 8);
        const before = normalized.text.slice(Math.max(0, match.index - 8), match.index);
        if (!THRESHOLD_AFTER.test(after) || (!match[2] && !PEOPLE_BEFORE.test(before))) {
          continue;
        }
        const start = normalized.originalStart[match.index];
        const numberEnd = match.index + match[1].length;
        const end = match[2] ? normalized.originalEnd[match.index + match[0].length - 1] : normalized.originalEnd[numberEnd - 1];
        if (segment.keyPath && segment.keyPath.length > 0 && structured(segment.keyPath)) {
          continue; // reported below as a structured value
        }
        const { around } = sentences.at(start);
        const sentence = around.sentence.text;
        const at = normalizedIndex(around.sentence, start);
        const [clauseStart, clauseEnd] = clauseAround(sentence, at);
        if (!CLAUSE_CUE.test(sentence.slice(clauseStart, clauseEnd)) || !(BREACH.test(sentence) || sentence.includes('本人の数')) || !REPORT.test(sentence)) {
          continue;
        }
        if (around.sideAt(at, context) !== 'public') {
          continue;
        }
        const numberOriginal = model.text.slice(start, normalized.originalEnd[numberEnd - 1]);
        const unit = match[2] ? model.text.slice(normalized.originalEnd[numberEnd - 1], end).trim() : '';
        findings.push(finding(this.id, start, end, `${replacementFor(numberOriginal)}${unit}`));
      }
      // YAML and front matter: breach_report: {threshold: 1000人}.
      if (segment.keyPath && segment.keyPath.length > 0 && structured(segment.keyPath)) {
        const value = YAML_VALUE.exec(normalized.text);
        if (!value) {
          continue;
        }
        const start = normalized.originalStart[value[1].length];
        const numberEnd = value[1].length + value[2].length;
        const unitEnd = value[3] ? normalized.text.indexOf(value[3], numberEnd) + 1 : numberEnd;
        const end = normalized.originalEnd[unitEnd - 1];
        const line = sentenceAt(model, start);
        if (new Surroundings(model, line.start, line.end, start).sideAt(0, context) !== 'public') {
          continue;
        }
        const numberOriginal = model.text.slice(start, normalized.originalEnd[numberEnd - 1]);
        findings.push(finding(this.id, start, end, `${replacementFor(numberOriginal)}${value[3] ?? ''}`));
      }
    }
    return findings;
  },
};
