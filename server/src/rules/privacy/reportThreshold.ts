/**
 * privacy/report-threshold — a leak-report threshold that is not the one of the sector the statement is about.
 *
 * For 行政機関等 (保有個人情報) a leak is reportable to the 個人情報保護委員会 when more than 100 people are
 * affected (個人情報保護法 第68条, 施行規則 第43条第4号); for a private business (個人データ) when more than
 * 1,000 are (規則第7条第4号). Both have reportable cases from one person (要配慮個人情報, 財産的被害, 不正の目的).
 *
 * A false statement about the law is false in any document, so this runs everywhere. Reported:
 * - 1,000 as the threshold in a public-sector statement (error), also as a reason not to report (1,000人を下回る);
 * - 1,000 where the sector is unknown (information: check the basis, since it is right for a business);
 * - 100 as the threshold for a business's 個人データ (warning: the reverse copy).
 * A threshold statement is one sentence — a table row, a list item with its lead-in — holding a number of
 * people followed by 超/以上 (or 下回/未満/以下 for 1,000), whose clause names the breach, the people or the
 * report, and that is about a breach report. In YAML: a key for people (threshold, affected_people_over …)
 * under a breach/report key, or in a YAML document about leaks; its value a number (1000, 1,000人超) or a phrase
 * read as a threshold sentence (本人の数が1,000人を超える場合). Quoted originals under correction are quiet.
 * The side (public/private) comes from the sentence, its paragraph, its heading, then the document context.
 * English: 'more than 100 individuals' in a sentence that names the PPC and a report.
 */

import type { Bilingual } from '../../language';
import { normalizedRange } from '../../document/normalized';
import { replacementFix, type Finding, type Rule } from '../rule';
import { englishSentenceIn, sentenceAt } from '../../document/sentences';
import { normalizedIndex } from '../../text/normalize';
import { blockAt } from '../../document/blocks';
import { clauseAround, isNotAClaim, SentenceCache, Surroundings, type Side } from '../../context/privacyScope';
import type { Severity } from '../../glossary/types';

/** 1,000人 / 1000名 / 千人 / 一千人 / 1千人, or 本人の数が1,000 (no unit), on NFKC text. */
const PEOPLE = /(?<![\d,.〇一二三四五六七八九十百千万])(\d{1,3}(?:,\d{3})+|\d+|[一1]?千)(?![\d,])[ \t]*(人|名)?/g;
const THRESHOLD_AFTER = /^[ \t]*(?:分)?[ \t]*(?:を|に)?[ \t]*(?:超|越|以上|上回)/;
/** 1,000人を下回る / 未満 / 以下: the threshold used to decide not to report. */
const BELOW_AFTER = /^[ \t]*(?:を|に)?[ \t]*(?:下回|未満|以下|満たない)/;
const PEOPLE_BEFORE = /(?:本人の数|人数)(?:が|は)?[ \t]*$/;
const BREACH = /漏えい|漏洩|漏れい|滅失|毀損|き損/;
const REPORT = /報告|個人情報保護委員会/;
/** A breach report named without the word 漏えい: the report to the commission. */
const PPC = /個人情報保護委員会/;
const CLAUSE_CUE = /漏えい|漏洩|漏れい|滅失|毀損|き損|本人の数|報告/;
/**
 * English: more than 100 individuals / over 1,000 people / fewer than 1,000 data subjects. Only a statement that
 * names the commission (in its sentence, or a list item's lead-in) is read: a US state law or a customer notice
 * has thresholds of its own.
 */
const ENGLISH_PEOPLE =
  /\b(more than|over|exceeding|in excess of|above|fewer than|less than|below|under)[ \t]+(1,000|1000|100)[ \t]+(individuals|people|persons|data subjects|principals)\b/gi;
const ENGLISH_BELOW = /^(?:fewer|less|below|under)/i;
const ENGLISH_COMMISSION = /\bPPC\b|Personal Information Protection Commission/;
const ENGLISH_BREACH = /\b(?:breach|leak|leakage|incident|loss|compromise)/i;
const ENGLISH_REPORT = /\breport|\bnotif/i;

/** YAML: breach_report: {threshold: 1000} — a threshold key under a breach/report key. */
const YAML_REPORT_KEY = /report|報告|breach|leak|incident|漏えい|漏洩/i;
const YAML_THRESHOLD_KEY = /threshold|閾値|しきい値|基準|人数|people|persons|affected/i;
const YAML_VALUE = /^(["']?[ \t]*)(1,?000|千|100|百)[ \t]*(人|名)?[ \t]*(?:超|以上)?[ \t]*["']?$/;
/** A YAML document about leaks: its values or header comments name one. */
const YAML_BREACH_DOCUMENT = /漏えい|漏洩|breach|leak/i;

/**
 * In a flow mapping a digit group's comma ends the value: `{ threshold: 本人の数が1,000人を超える場合 }` parses as
 * 「本人の数が1」 and a key 「000人を超える場合」. A writer means one phrase, so the value is read on to the next
 * separator that is not followed by a digit group.
 */
const FLOW_DIGIT_GROUP = /^,\d{3}(?![\d])[^,{}\[\]\n]*/;

function flowValueEnd(text: string, segment: { readonly start: number; readonly end: number; readonly keyPath?: readonly string[] }): number {
  let end = segment.end;
  if (segment.keyPath === undefined || !/\d$/.test(text.slice(segment.start, end))) {
    return end;
  }
  for (let group = FLOW_DIGIT_GROUP.exec(text.slice(end, end + 200)); group; group = FLOW_DIGIT_GROUP.exec(text.slice(end, end + 200))) {
    end += group[0].trimEnd().length;
  }
  return end;
}

function valueOf(number: string): number {
  if (number.endsWith('千')) {
    return 1000;
  }
  if (number === '百') {
    return 100;
  }
  return Number(number.replace(/,/g, ''));
}

/** `value` in the style of what was written: １００ for full-width digits, 百/千 for kanji, 1,000 with a comma. */
function replacementFor(original: string, value: 100 | 1000): string {
  if (/[百千]/.test(original) && !/[0-9０-９]/.test(original)) {
    return value === 100 ? '百' : '千';
  }
  const digits = value === 100 ? '100' : '1,000';
  return /[０-９]/.test(original) ? digits.replace(/[0-9,]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)) : digits;
}

function structured(keyPath: readonly string[], breachDocument: boolean): boolean {
  return YAML_THRESHOLD_KEY.test(keyPath[keyPath.length - 1]) && (breachDocument || keyPath.some((key) => YAML_REPORT_KEY.test(key)));
}

interface Verdict {
  readonly severity: Severity;
  readonly message: Bilingual;
  /** The value the fix writes. */
  readonly value?: 100 | 1000;
}

const PUBLIC_1000: Verdict = {
  severity: 'error',
  message: {
    ja: '行政機関等の漏えい等報告は本人の数が100人を超える場合が対象で、1,000人超は民間の個人データの基準です',
    en: 'Public bodies report leaks affecting more than 100 people; more than 1,000 is the private-sector threshold.',
  },
  value: 100,
};
const UNKNOWN_1000: Verdict = {
  severity: 'information',
  message: {
    ja: '1,000人超は民間の個人データの基準で、行政機関等なら100人超のため、根拠を確認してください',
    en: 'More than 1,000 is the private-sector threshold; for public bodies it is more than 100, so check the basis.',
  },
};
const PRIVATE_100: Verdict = {
  severity: 'warning',
  message: {
    ja: '民間の個人データは本人の数が1,000人を超える漏えい等が報告対象で、100人超は行政機関等の基準です',
    en: 'For private businesses the threshold is more than 1,000 people; more than 100 is the public-sector one.',
  },
  value: 1000,
};

/** What a threshold of `value` people means for a statement on `side`; undefined when it is right. */
function verdict(value: number, side: Side | undefined, below: boolean): Verdict | undefined {
  if (value === 1000) {
    return side === 'public' ? PUBLIC_1000 : side === undefined ? UNKNOWN_1000 : undefined;
  }
  return value === 100 && side === 'private' && !below ? PRIVATE_100 : undefined;
}

function finding(ruleId: string, start: number, end: number, result: Verdict, numberOriginal: string, unit: string): Finding {
  const replacement = result.value ? `${replacementFor(numberOriginal, result.value)}${unit}` : undefined;
  return {
    ruleId,
    severity: result.severity,
    message: result.message,
    start,
    end,
    ...(replacement ? { fix: replacementFix(replacement) } : {}),
  };
}

export const privacyReportThresholdRule: Rule = {
  id: 'privacy/report-threshold',
  defaultSeverity: 'error',
  procurementOnly: false,
  scope: 'section',
  description: 'Leak-report threshold that is not the sector\'s: more than 100 people for 行政機関等 (規則第43条第4号), 1,000 for 個人データ (第7条第4号).',
  check({ model, context }) {
    const findings: Finding[] = [];
    const sentences = new SentenceCache(model);
    const breachDocument = model.kind === 'yaml' && YAML_BREACH_DOCUMENT.test(model.text);
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      const normalized = normalizedRange(model, segment.start, flowValueEnd(model.text, segment));
      const isStructured = !!segment.keyPath && segment.keyPath.length > 0 && structured(segment.keyPath, breachDocument);
      // A bare number under a threshold key is read below; a phrase there (「本人の数が1,000人を超える場合」) is read
      // as a sentence whose breach and report the key path already names.
      const structuredValue = isStructured ? YAML_VALUE.exec(normalized.text) : null;
      const phraseUnderKey = isStructured && !structuredValue;
      PEOPLE.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((!isStructured || phraseUnderKey) && (match = PEOPLE.exec(normalized.text))) {
        const value = valueOf(match[1]);
        if (value !== 1000 && value !== 100) {
          continue;
        }
        const after = normalized.text.slice(match.index + match[0].length, match.index + match[0].length + 8);
        const before = normalized.text.slice(Math.max(0, match.index - 8), match.index);
        const below = value === 1000 && BELOW_AFTER.test(after);
        if (!(THRESHOLD_AFTER.test(after) || below) || (!match[2] && !PEOPLE_BEFORE.test(before))) {
          continue;
        }
        const start = normalized.startOf(match.index);
        const numberEnd = match.index + match[1].length;
        const end = match[2] ? normalized.endOf(match.index + match[0].length - 1) : normalized.endOf(numberEnd - 1);
        const { around } = sentences.at(start);
        const sentence = around.sentence.text;
        const at = normalizedIndex(around.sentence, start);
        const [clauseStart, clauseEnd] = clauseAround(sentence, at);
        // A list item or table row names the breach and the report in its sentence, its lead-in, its table or
        // its heading (| 報告基準（人数） | 1,000人超 | under 「漏えい等報告」); a sentence names them itself
        // (「本人の数が1,000人を超える漏えいでは記者発表」 is no threshold of the report).
        const block = blockAt(model, start);
        const inStructure = !!(block?.listItem || block?.table);
        const breachCue = (text: string) => BREACH.test(text) || text.includes('本人の数') || PPC.test(text);
        const aboutBreach = breachCue(sentence) || (inStructure && (breachCue(around.paragraph()) || breachCue(around.heading() ?? '')));
        const aboutReport = REPORT.test(sentence) || (inStructure && (REPORT.test(around.paragraph()) || REPORT.test(around.heading() ?? '')));
        if (!phraseUnderKey && (!CLAUSE_CUE.test(sentence.slice(clauseStart, clauseEnd)) || !aboutBreach || !aboutReport)) {
          continue;
        }
        const result = verdict(value, around.sideAt(at, context), below);
        if (!result || isNotAClaim(model, start, end)) {
          continue;
        }
        const numberOriginal = model.text.slice(start, normalized.endOf(numberEnd - 1));
        const unit = match[2] ? model.text.slice(normalized.endOf(numberEnd - 1), end).trim() : '';
        findings.push(finding(this.id, start, end, result, numberOriginal, unit));
      }
      // English prose: 'report to the PPC when more than 100 individuals are affected'.
      if (segment.kind === 'prose') {
        for (const english of normalized.text.matchAll(ENGLISH_PEOPLE)) {
          const value = Number(english[2].replace(',', ''));
          const below = ENGLISH_BELOW.test(english[1]);
          if (below && value !== 1000) {
            continue;
          }
          const numberAt = english.index! + english[0].indexOf(english[2], english[1].length);
          const start = normalized.startOf(numberAt);
          const end = normalized.endOf(english.index! + english[0].length - 1);
          const { around } = sentences.at(start);
          const at = normalizedIndex(around.sentence, start);
          const sentence = around.sentence.text.slice(...englishSentenceIn(around.sentence.text, [0, around.sentence.text.length], at, at + 1));
          const inList = !!blockAt(model, start)?.listItem;
          const lead = inList ? around.paragraph() : '';
          if (!ENGLISH_COMMISSION.test(sentence + lead) || !ENGLISH_REPORT.test(sentence) || !(ENGLISH_BREACH.test(sentence + lead) || ENGLISH_COMMISSION.test(sentence))) {
            continue;
          }
          const result = verdict(value, around.sideAt(at, context), below);
          if (!result || isNotAClaim(model, start, end)) {
            continue;
          }
          const unit = model.text.slice(normalized.endOf(numberAt + english[2].length - 1), end);
          findings.push(finding(this.id, start, end, result, english[2], unit));
        }
      }
      // YAML and front matter: breach_report: {threshold: 1000人}, criteria: {affected_people_over: 1000}.
      if (isStructured) {
        const value = structuredValue;
        if (!value) {
          continue;
        }
        const start = normalized.startOf(value[1].length);
        const numberEnd = value[1].length + value[2].length;
        const unitEnd = value[3] ? normalized.text.indexOf(value[3], numberEnd) + 1 : numberEnd;
        const end = normalized.endOf(unitEnd - 1);
        const line = sentenceAt(model, start);
        const result = verdict(valueOf(value[2]), new Surroundings(model, line.start, line.end, start).sideAt(0, context), false);
        if (!result) {
          continue;
        }
        const numberOriginal = model.text.slice(start, normalized.endOf(numberEnd - 1));
        findings.push(finding(this.id, start, end, result, numberOriginal, value[3] ?? ''));
      }
    }
    return findings;
  },
};
