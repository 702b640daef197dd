/**
 * control/outdated-iso-numbering — ISO/IEC 27001:2022 cited with a 2013-style Annex A number: 「ISO/IEC
 * 27001:2022 の A.9.1.1」. The 2022 edition numbers its 93 controls A.5.1–A.8.34 (two levels); three-level
 * numbers (A.5.1.1–A.18.2.3) are the 2013 edition's. The quick fix writes the 2022 number(s) from the
 * ISO/IEC 27001:2013 → 2022 mapping (A.9.1.1 → A.5.15).
 *
 * Not reported: a 2013 number cited as 2013 (the sentence names ISO/IEC 27001:2013, 2013年版 or 旧版, or 旧
 * stands right before the number); a 2013 number given together with its 2022 mapping in the same sentence
 * (「A.9.1.1（2022年版では A.5.15）」); a number in the old-side column of a 新旧対照 table (現行 beside
 * 改定案); a three-level number the 2013 edition does not have either (that is
 * control/unknown-id's). A number written without "A." is read by the recogniser as 2013 and is left alone.
 */

import { normalizedRange } from '../../document/normalized';
import type { Catalogues, IsoMapping } from '../../catalogues/catalogues';
import { segmentAt } from '../../document/sentences';
import { normalizeKey } from '../../text/normalize';
import type { ControlOccurrence, Finding, Rule } from '../rule';
import { familyOf, looksLikeOwnNumbering, sentenceCache } from '../../context/controlCitation';
import { inOldSideColumn } from '../../context/historical';
import { onlyAsked } from '../../context/claims';

/** The sentence names the 2022 edition (ISO/IEC 27001:2022, JIS Q 27001:2023, 2022年版). */
const NAMES_2022 = /(?:ISO\s?\/\s?IEC|ISO|JIS\s?Q)?\s?2700[12]\s?[:：]\s?(?:2022|2023)|2022年版|2022年改訂版/;
/** The sentence names the 2013 edition: then a three-level number is cited as what it is. */
const NAMES_2013 = /2700[12]\s?[:：]\s?(?:2013|2014)|2013年版|2014年版|旧版|旧規格/;
/** ISO/IEC 27001 is named at all (for IDs the recogniser read by their "A." shape alone). */
const NAMES_ISO = /ISO|JIS\s?Q|2700[12]|附属書/;
/** 旧 right before the number (旧 A.9.1.1, 旧番号: A.9.1.1) or a 2013 note right after it (A.9.1.1（2013年版）). */
const OLD_BEFORE = /旧\s?(?:番号|版|規格)?\s?[:：]?\s?[(（]?\s?$/;
const OLD_AFTER = /^\s?[(（]\s?(?:旧|2013)/;

/** The sentence refers back to a standard named earlier: 「同規格の A.9.2.1」, "A.9.2.1 of the same standard". */
const SAME_STANDARD = /同規格|同基準|当該規格|前記(?:の)?規格|the same standard|that standard|this standard|the standard's|said standard/i;
/** How far before the sentence the standard it refers back to is looked for. */
const BACK_REFERENCE_REACH = 1500;

/**
 * The edition named last before `start` (within BACK_REFERENCE_REACH): the standard that 「同規格」 refers to.
 */
function editionBefore(model: Parameters<Rule['check']>[0]['model'], start: number): '2022' | '2013' | undefined {
  const text = normalizedRange(model, Math.max(0, start - BACK_REFERENCE_REACH), start).text;
  const last = (pattern: RegExp) => {
    let at = -1;
    for (const found of text.matchAll(new RegExp(pattern.source, 'g'))) {
      at = found.index!;
    }
    return at;
  };
  const at2022 = last(NAMES_2022);
  const at2013 = last(NAMES_2013);
  return at2022 < 0 && at2013 < 0 ? undefined : at2022 > at2013 ? '2022' : '2013';
}

/** A.9.1.1 (or 9.1.1) → { key: A.9.1.1, plain: written without "A." }. */
function annexKey(id: string): { key: string; plain: boolean } | undefined {
  const compact = normalizeKey(id).replace(/\s+/g, '');
  const match = /^(A\.?)?(\d{1,2})\.(\d{1,2})\.(\d{1,2})$/i.exec(compact);
  return match ? { key: `A.${Number(match[2])}.${Number(match[3])}.${Number(match[4])}`, plain: !match[1] } : undefined;
}

/** Whether `key` (A.5.15) is written in `text` as A.5.15 or 5.15. */
function mentions(text: string, key: string): boolean {
  const number = key.slice(2).replace(/\./g, '\\.');
  return new RegExp(`(?<![\\d.])(?:A\\s?\\.\\s?)?${number}(?![\\d]|\\.\\d)`).test(text);
}

export const controlOutdatedIsoNumberingRule: Rule = {
  id: 'control/outdated-iso-numbering',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'document',
  description: 'ISO/IEC 27001:2022 cited with a 2013 Annex A number; the fix gives the 2022 number from the mapping.',
  check(input) {
    const catalogues: Catalogues | undefined = input.knowledge.catalogues;
    if (!catalogues || input.controls.length === 0) {
      return [];
    }
    const { model } = input;
    const { text } = model;
    const sentenceOf = sentenceCache(model);
    const findings: Finding[] = [];
    for (const occurrence of input.controls) {
      if (familyOf(occurrence) !== 'iso27001') {
        continue;
      }
      const written = annexKey(occurrence.id);
      // A number without "A." is a 2013 number only under a YAML key naming the 2022 edition (iso27001_2022: [9.1.1]);
      // in prose, 9.1.1 beside ISO/IEC 27001:2022 may be a clause of the standard's body.
      if (!written || (written.plain && occurrence.cue !== 'yaml-key' && occurrence.cue !== 'table-column') || !catalogues.find('iso27001-2013', written.key)) {
        continue;
      }
      const { key } = written;
      const [start, end] = sentenceOf(occurrence.start);
      const sentence = normalizedRange(model, start, end).text;
      if (!citedAs2022(occurrence, sentence, start, model)) {
        continue;
      }
      const before = normalizedRange(model, Math.max(start, occurrence.start - 8), occurrence.start).text;
      const after = normalizedRange(model, occurrence.end, Math.min(text.length, occurrence.end + 8)).text;
      // The old-side column of a 新旧対照 table (現行 beside 改定案) holds the text being replaced: the old numbering.
      if (NAMES_2013.test(sentence) || OLD_BEFORE.test(before) || OLD_AFTER.test(after) || looksLikeOwnNumbering(model, occurrence) || inOldSideColumn(model, occurrence.start) || onlyAsked(model, occurrence.start)) {
        continue;
      }
      const mappings = catalogues.iso2013To2022(key);
      if (mappings.length === 0) {
        continue;
      }
      // The 2022 number written alongside (「A.9.1.1（2022年版では A.5.15）」): the writer gave the mapping. In YAML
      // only inside the number's own scalar: a sibling item of a control list (iso27001_2022: [A.5.15, A.9.1.1])
      // is another control, not a note.
      const segment = occurrence.cue === 'yaml-key' ? segmentAt(model.segments, occurrence.start) : undefined;
      const alongside = segment ? normalizedRange(model, segment.start, segment.end).text : sentence;
      if (mappings.some((mapping) => mentions(alongside, mapping.to.id))) {
        continue;
      }
      findings.push(finding(this.id, this.defaultSeverity, occurrence, key, mappings, written.plain));
    }
    return findings;
  },
};

/** The recogniser's edition (nearest edition cue or a YAML key), or, for an ID it read by shape alone, the wrapped sentence. */
function citedAs2022(occurrence: ControlOccurrence, sentence: string, sentenceStart: number, model: Parameters<Rule['check']>[0]['model']): boolean {
  if (occurrence.framework === 'iso27001-2022') {
    return true;
  }
  if (occurrence.cue === 'prefix') {
    if (NAMES_ISO.test(sentence) && NAMES_2022.test(sentence)) {
      return true;
    }
    // 「ISO/IEC 27001:2022 に準拠する。… 同規格の A.9.2.1」: the edition named before the sentence, when the sentence
    // names none of its own.
    return SAME_STANDARD.test(sentence) && !NAMES_2013.test(sentence) && editionBefore(model, sentenceStart) === '2022';
  }
  if (occurrence.cue === 'yaml-key') {
    const keyPath = segmentAt(model.segments, occurrence.start)?.keyPath ?? [];
    const innermost = [...keyPath].reverse().find((key) => /iso|27001|27002|annex|附属書/i.test(key));
    return !!innermost && /2022|2023/.test(innermost);
  }
  return false;
}

function finding(
  ruleId: string,
  severity: Finding['severity'],
  occurrence: ControlOccurrence,
  key: string,
  mappings: readonly IsoMapping[],
  plain: boolean,
): Finding {
  const targets = mappings.map((mapping) => mapping.to);
  const ids = targets.map((control) => control.id);
  const ja = ids.join('、');
  // The replacement keeps the writer's style: 9.1.1 → 5.15, A.9.1.1 → A.5.15.
  const replacement = targets.map((control) => (plain ? control.id.slice(2) : control.id)).join('、');
  const en = targets.map((control) => (control.title ? `${control.id} (${control.title})` : control.id)).join(' and ');
  const several = ids.length > 1;
  return {
    ruleId,
    severity,
    message: {
      ja: `2013年版の管理策番号: 「${occurrence.surface}」は2022年版にはなく、対応する2022年版の番号は ${ja} です`,
      en: `ISO/IEC 27001:2022 has no ${key}, a 2013 number; the 2022 control${several ? 's are' : ' is'} ${en}.`,
    },
    start: occurrence.start,
    end: occurrence.end,
    fix: {
      title: several
        ? { ja: `「${replacement}」に置き換える（2022年版の${ids.length}管理策に対応）`, en: `Replace with ${ids.join(', ')} (one 2013 control maps to ${ids.length} controls of 2022)` }
        : { ja: `「${replacement}」に置き換える`, en: `Replace with the 2022 number ${ids[0]}` },
      replacement,
    },
  };
}
