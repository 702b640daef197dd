/**
 * ismap/renewal-period — ISMAP registration said to be renewed every N years, or valid for N years
 * (「ISMAPの登録は3年ごとに更新」「ISMAP登録の有効期間は3年」). The registration is valid until 1 year and
 * 4 months after the day following the last day of the audited period, and renewal is applied for by then
 * (glossary entry `ismap-renewal`); a fixed N-year cycle is the ISMS certification's, not ISMAP's.
 *
 * The period must belong to ISMAP: the nearest scheme named before it in the sentence is ISMAP (not ISMS,
 * ISO/IEC 27001/27017, JIS Q 27001, ISMAP-LIU …), and what stands between them is only "registration /
 * validity" wording (「の登録は」「登録の有効期間は」), so 「ISMAP登録サービスの保守契約は3年ごと」 is not
 * read as ISMAP's. Without ISMAP in the sentence, an ISMAP heading above (Markdown) or an `ismap` key (YAML)
 * stands in. 1年4か月 / 1年4ヶ月 / 16か月 are correct and never reported; a yearly cycle (毎年, 1年ごと) matches
 * the one-year audit period and is not reported either. Lines are not joined.
 *
 * A false statement about the programme is false in any document (an IT-BCP, a vendor's proposal, a README),
 * so the rule runs everywhere; a sentence that presents the period as a misconception or a wrong statement
 * (「…という誤解」「…は誤り」) is quiet, and so is a misconception quoted (「…」 or a blockquote) and refuted right
 * after (「これは誤りです。」).
 */

import type { Segment } from '../../document/model';
import type { Finding, Rule } from '../rule';
import { blockAt, blockIndexAt, rowCells } from '../../document/blocks';
import { normalizedIndex } from '../../text/normalize';
import { documentIndex } from '../../context/serviceUsage';
import { isRefutedQuotation, onlyAsked } from '../../context/claims';
import { normalizeKey } from '../../text/normalize';

const ISMAP_SCHEME = new Set(['ismap', 'ismap-renewal', 'ismap-cloud-service-list']);
const OTHER_SCHEME_TERMS = /^(?:iso-iec-|jis-q-)|^(?:isms|pims|ismap-liu)$/;
/** Other certifications written without a glossary term. */
const OTHER_SCHEME_TEXT = /ISMS|ISO\/?IEC|JIS ?Q|2700[0-9]|2701[0-9]|プライバシーマーク|Pマーク|SOC ?[123]|CSマーク|STAR認証|PCI ?DSS|ISMAP-?LIU/gi;
const ISMAP_TEXT = /ISMAP(?!-?\s?LIU)/i;

const PERIOD = /(?<![0-9])([0-9]{1,2}|[二三四五六七八九十])年/g;
const PERIOD_AT = /(?<![0-9])([0-9]{1,2}|[二三四五六七八九十])年/y;
const KANJI_DIGITS: Readonly<Record<string, number>> = { 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
/** 1年4か月, 1年と4ヶ月: the correct period, not a number of years. */
const MONTHS_AFTER = /^(?:と)?\s*[0-9]+\s*(?:か|ヶ|カ|ケ|箇|个|ヵ|ケ)?月/;
const CADENCE_AFTER = /^(?:ごと|毎|おき|に1回|に一回|に1度|に一度|周期|サイクル)/;
const VALIDITY_AFTER = /^(?:間)?(?:有効|で失効|で満了|の有効期間|で期限|後に更新|後に再登録|で更新)/;
const VALIDITY_GAP = /有効期間|有効期限|登録期間/;
const RENEWAL_CUE = /更新|有効|失効|再登録|再申請|再審査|満了/;
/**
 * What may stand between 「ISMAP」 and the period: registration / validity wording only, the period possibly in
 * parentheses after its noun (「ISMAP登録の有効期間（登録日から3年間）を確認する」).
 */
const GAP =
  /^(?:では|において|は)?[、,]?(?:の|への|に|における|で|に係る|に関する)?(?:登録制度|登録|制度|クラウドサービスリスト(?:への)?(?:登録|掲載)?)?の?[（(]?(?:有効期間|有効期限|登録期間|更新周期|更新期間|更新頻度|更新サイクル|更新|期間)?(?:は|が|も|を|について|では|:|[（(])?[、,]?(?:原則として|原則|通常|概ね|おおむね)?[、,]?(?:登録日から|登録から|登録後|登録の翌日から)?(?:最長)?$/;
/** The sentence presents the period as a misconception or a wrong statement, not as a fact. */
const PRESENTED_AS_WRONG = /という(?:誤解|誤り|記載)|誤解|は誤り|誤った|ではありません|ではない/;
/** A label written as a question (「ISMAPの登録期間は？」「…はどのくらいですか」): the question form is left out. */
const QUESTION_TAIL = /(?:は|の)?(?:どのくらい|どれくらい|どの程度|何年|何年間|いつまで)?(?:ですか|でしょうか|か)?[?？。:：]?$/;
const RENEWAL_KEY = /renew|valid|expir|更新|有効|期限/;

// English wording (「ISMAP registration is renewed every three years」「valid for 3 years」).
const ENGLISH_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};
/** A number of years, with the word that says how it is read (every → a cycle; for / of / after → a validity). */
const ENGLISH_PERIOD = /\b(?:((?:once\s+)?every)\s+|(?:for|of|after|in)\s+(?:a\s+period\s+of\s+)?)?([0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+years?\b/gi;
/** 1 year and 4 months: the correct period, not a number of years. */
const ENGLISH_MONTHS_AFTER = /^\s*(?:and\s+)?(?:[0-9]+|four)\s+months?\b/i;
/** What may stand between 「ISMAP」 and the period in English: registration / validity wording only. */
const ENGLISH_GAP =
  /^(?:'s|’s)?\s*(?:(?:cloud\s+service\s+)?list(?:ing)?\s+)?(?:registrations?|listings?|entry|entries)?\s*(?:(?:validity(?:\s+period)?|registration\s+period|period|term)\s*)?(?:is|are|remains?|must\s+be|should\s+be|needs\s+to\s+be|has\s+to\s+be|shall\s+be|will\s+be|gets)?\s*(?:renewed|valid|re-?registered|re-?assessed|expires?|lapses?)?\s*$/i;
const ENGLISH_RENEWAL_CUE = /renew|re-?regist|re-?assess/i;
const ENGLISH_VALIDITY_CUE = /valid|period|term|expir|laps/i;
/** The sentence presents the period as a misconception or a wrong statement, not as a fact. */
const ENGLISH_PRESENTED_AS_WRONG = /\bmisconception|\bmyths?\b|\bwrong\b|\bincorrect|\bmistake|\bfalse\b/i;
/** A negated period (「is not valid for 3 years」「isn't renewed every three years」). */
const ENGLISH_NEGATION = /\b(?:not|never)\b|n't\b/i;
const AUDIT_KEY = /audit|監査/;

export const ismapRenewalPeriodRule: Rule = {
  id: 'ismap/renewal-period',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'section',
  description: 'ISMAP registration said to be renewed every N years (it is valid until 1年4か月 after the audited period).',
  check(input) {
    const { model, terms } = input;
    const index = documentIndex(model);
    // Scheme mentions in document order: true for ISMAP, false for another certification.
    const schemes = terms
      .filter((term) => ISMAP_SCHEME.has(term.term.id) || OTHER_SCHEME_TERMS.test(term.term.id))
      .map((term) => ({ start: term.start, end: term.end, ismap: ISMAP_SCHEME.has(term.term.id) }));
    const findings: Finding[] = [];
    const seen = new Set<number>();

    /** The last scheme mention starting in [from, before). */
    const schemeBefore = (from: number, before: number) => {
      let low = 0;
      let high = schemes.length - 1;
      let found: (typeof schemes)[number] | undefined;
      while (low <= high) {
        const middle = (low + high) >> 1;
        if (schemes[middle].start < before) {
          found = schemes[middle];
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return found && found.start >= from ? found : undefined;
    };

    /**
     * For a period in a table cell whose own cell does not name ISMAP: the row's label — another cell of the
     * row, or the column header, naming ISMAP followed only by registration / validity wording (「ISMAP登録の
     * 有効期間」「ISMAPの登録期間は？」). Undefined when no cell labels it so; null when the row or header names
     * another scheme (then the period may be that scheme's).
     */
    const rowLabel = (offset: number, scheme: { start: number } | undefined): { text: string; cellStart: number } | null | undefined => {
      const cellIndex = blockIndexAt(model, offset);
      const cell = cellIndex === undefined ? undefined : model.markdown!.blocks[cellIndex];
      if (!cell?.table || (scheme && scheme.start >= cell.start)) {
        return undefined;
      }
      const labels = [
        ...rowCells(model, cellIndex!).filter((other) => other !== cell).map((other) => normalizeKey(model.text.slice(other.start, other.end))),
        normalizeKey(cell.table.headerText),
      ];
      if (labels.some((text) => new RegExp(OTHER_SCHEME_TEXT.source, 'i').test(text))) {
        return null;
      }
      // The label: ISMAP followed only by registration wording, in another cell or the column header
      // (| ISMAP登録の有効期間 |, | ISMAP（登録の有効期間） |); a bare | ISMAP | header reads the row's own label
      // (| 有効期間 | 3年 |).
      for (const text of labels) {
        const named = ISMAP_TEXT.exec(text);
        const rest = named ? text.slice(named.index + named[0].length).replace(/[\s()（）]+/g, '').replace(QUESTION_TAIL, '') : undefined;
        if (rest === undefined || !GAP.test(rest)) {
          continue;
        }
        const context = rest === '' ? labels.join(' ') : rest;
        if (RENEWAL_CUE.test(context) || VALIDITY_GAP.test(context) || /登録|期間/.test(context)) {
          return { text: context, cellStart: cell.start };
        }
      }
      return undefined;
    };

    const check = (segment: Segment, offset: number) => {
      const [sentenceStart, sentenceEnd] = index.sentence(offset);
      const sentence = index.normalized(sentenceStart, sentenceEnd);
      const text = sentence.text;
      const at = normalizedIndex(sentence, offset);
      PERIOD_AT.lastIndex = at;
      const match = PERIOD_AT.exec(text);
      if (!match) {
        return;
      }
      if (PRESENTED_AS_WRONG.test(text)) {
        return;
      }
      const years = KANJI_DIGITS[match[1]] ?? Number(match[1]);
      const afterIndex = at + match[0].length;
      const after = text.slice(afterIndex);
      if (MONTHS_AFTER.test(after)) {
        return;
      }
      const cadence = CADENCE_AFTER.exec(after);
      const validityAfter = VALIDITY_AFTER.test(after);

      // Whose period is it: the nearest scheme before it in the sentence, else the heading / YAML keys.
      const scheme = schemeBefore(sentenceStart, offset);
      OTHER_SCHEME_TEXT.lastIndex = 0;
      let otherText = -1;
      for (let other = OTHER_SCHEME_TEXT.exec(text); other && other.index < at; other = OTHER_SCHEME_TEXT.exec(text)) {
        otherText = other.index + other[0].length;
      }
      let gapStart: number;
      let keyed = false;
      let renewalContext = false;
      let validityContext = false;
      const label = segment.kind === 'table' ? rowLabel(offset, scheme) : undefined;
      if (label === null) {
        return; // the row or column names another scheme
      }
      if (label) {
        // An answer cell read with its row and header (| ISMAP登録の有効期間 | 3年間 |): the period is read from
        // the start of its own cell, and the label says whether it is a validity or a renewal cycle.
        gapStart = Math.max(0, Math.min(at, normalizedIndex(sentence, label.cellStart)));
        renewalContext = RENEWAL_CUE.test(label.text);
        validityContext = VALIDITY_GAP.test(label.text);
      } else if (scheme) {
        const schemeEnd = normalizedIndex(sentence, scheme.end);
        if (!scheme.ismap || otherText > normalizedIndex(sentence, scheme.start)) {
          return;
        }
        gapStart = schemeEnd;
      } else {
        if (otherText !== -1) {
          return;
        }
        if (segment.keyPath !== undefined) {
          const keys = segment.keyPath.map((key) => normalizeKey(key).toLowerCase());
          if (!keys.some((key) => ISMAP_TEXT.test(key) && !/liu/.test(key))) {
            return;
          }
          keyed = keys.length > 0 && RENEWAL_KEY.test(keys[keys.length - 1]) && !AUDIT_KEY.test(keys[keys.length - 1]);
          gapStart = normalizedIndex(sentence, segment.start);
        } else {
          const heading = index.headingBefore(offset);
          if (!heading || !ISMAP_TEXT.test(heading) || new RegExp(OTHER_SCHEME_TEXT.source, 'i').test(heading)) {
            return;
          }
          // From the start of the paragraph, list item or table cell; a table row's other cells and the
          // heading may say what the period is (| 有効期間 | 3年 |).
          const block = blockAt(model, offset);
          gapStart = block ? Math.max(0, Math.min(at, normalizedIndex(sentence, block.start))) : 0;
          const row = segment.kind === 'table' ? text : '';
          renewalContext = RENEWAL_CUE.test(heading) || RENEWAL_CUE.test(row);
          validityContext = VALIDITY_GAP.test(row);
        }
      }
      const gap = text.slice(gapStart, at).replace(/\s+/g, '');
      if (!GAP.test(gap)) {
        return;
      }
      let end: number;
      if (cadence) {
        // A yearly cycle matches the one-year audit period; only a cycle of several years is wrong.
        if (years < 2 || !(RENEWAL_CUE.test(gap) || RENEWAL_CUE.test(after) || keyed || renewalContext)) {
          return;
        }
        end = afterIndex + cadence[0].length;
      } else if (validityAfter || VALIDITY_GAP.test(gap) || keyed || validityContext) {
        end = afterIndex + (after.startsWith('間') ? 1 : 0);
      } else {
        return;
      }
      report(sentence.startOf(at), sentence.endOf(end - 1), years);
    };

    const report = (start: number, originalEnd: number, years: number) => {
      // A question in minutes or a FAQ (田中主査：…3年ごとに更新されるのか。) that its answer does not confirm asserts nothing.
      if (seen.has(start) || isRefutedQuotation(model, start, originalEnd) || onlyAsked(model, start)) {
        return;
      }
      seen.add(start);
      const surface = model.text.slice(start, originalEnd);
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: {
          ja: `ISMAP登録の有効期限: 「${surface}」で更新する制度ではなく、登録は監査対象期間の末日の翌日から1年4か月後まで有効です`,
          en: `ISMAP registration is not for a fixed ${years} ${years === 1 ? 'year' : 'years'}: it is valid until 1 year 4 months after the audited period ends.`,
        },
        start,
        end: originalEnd,
      });
    };

    /**
     * English: the period must follow ISMAP in its sentence, with only registration / validity wording between
     * them (「ISMAP registration is renewed every three years」「ISMAP listings are valid for 3 years」).
     */
    const checkEnglish = (offset: number) => {
      const [sentenceStart, sentenceEnd] = index.sentence(offset);
      const sentence = index.normalized(sentenceStart, sentenceEnd);
      const text = sentence.text;
      const at = normalizedIndex(sentence, offset);
      ENGLISH_PERIOD.lastIndex = at;
      const match = ENGLISH_PERIOD.exec(text);
      if (!match || match.index !== at || ENGLISH_PRESENTED_AS_WRONG.test(text)) {
        return;
      }
      const afterIndex = at + match[0].length;
      if (ENGLISH_MONTHS_AFTER.test(text.slice(afterIndex))) {
        return;
      }
      const before = text.slice(0, at);
      let named: RegExpExecArray | null = null;
      const ismapGlobal = new RegExp(ISMAP_TEXT.source, 'gi');
      for (let found = ismapGlobal.exec(before); found; found = ismapGlobal.exec(before)) {
        named = found;
      }
      if (!named) {
        return;
      }
      const gap = before.slice(named.index + named[0].length);
      if (ENGLISH_NEGATION.test(gap) || !ENGLISH_GAP.test(gap)) {
        return; // another scheme, a contract, a service stands between ISMAP and the period
      }
      const years = ENGLISH_NUMBERS[match[2].toLowerCase()] ?? Number(match[2]);
      const numberIndex = at + match[0].indexOf(match[2]);
      if (match[1]) {
        // A yearly cycle matches the one-year audit period; only a cycle of several years is wrong.
        if (years < 2 || !ENGLISH_RENEWAL_CUE.test(gap)) {
          return;
        }
        report(sentence.startOf(at), sentence.endOf(afterIndex - 1), years);
      } else if (ENGLISH_VALIDITY_CUE.test(gap)) {
        report(sentence.startOf(numberIndex), sentence.endOf(afterIndex - 1), years);
      }
    };

    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key' || !/year/i.test(model.text.slice(segment.start, segment.end))) {
        continue;
      }
      const normalized = index.normalized(segment.start, segment.end);
      ENGLISH_PERIOD.lastIndex = 0;
      for (let match = ENGLISH_PERIOD.exec(normalized.text); match; match = ENGLISH_PERIOD.exec(normalized.text)) {
        checkEnglish(normalized.startOf(match.index));
      }
    }

    for (const segment of model.segments) {
      // 年 has no other NFKC source worth reading (㍻ and the like are not periods).
      if (segment.kind === 'yaml-key' || !model.text.slice(segment.start, segment.end).includes('年')) {
        continue;
      }
      const normalized = index.normalized(segment.start, segment.end);
      PERIOD.lastIndex = 0;
      for (let match = PERIOD.exec(normalized.text); match; match = PERIOD.exec(normalized.text)) {
        check(segment, normalized.startOf(match.index));
      }
    }
    return findings.sort((a, b) => a.start - b.start);
  },
};
