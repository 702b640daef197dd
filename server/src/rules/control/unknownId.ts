/**
 * control/unknown-id — a control ID that does not exist in the framework the document names:
 * ISO/IEC 27001:2022 A.5.38 or A.8.40, NIST SP 800-53 AC-99, an ISMAP control objective outside the
 * catalogue (9.7.1: domain 9 has 9.1–9.5), a 統一基準 heading that does not exist (9.9.9).
 *
 * An ID is reported only when it is certainly a citation of that framework:
 * - "A."-prefixed and NIST-shaped IDs with the framework named in the sentence (or a YAML key);
 * - plain dotted numbers (ISMAP 9.7.1, 統一基準 5.2.1(3), ISO 5.38) only right after the framework's name
 *   (「ISMAP管理基準の 9.7.1」) — a number elsewhere in a sentence that names ISMAP may be the document's
 *   own section (「詳細は 9.7.1 を参照」);
 * - an ID recognised by its shape alone (AC-99, A.5.38 with no framework in the sentence) only when the
 *   document names the framework somewhere, the number is out of the catalogue's range, and — for NIST — it
 *   is not zero-padded (AC-01 … is the document's own 要件ID style, not NIST's).
 * Never the document's own numbering (本書 9.7.1, 9.7.1節, 別紙 A.5.38, 要件ID AC-99), ISO/IEC 27017 CLD numbers,
 * or what a partial catalogue cannot decide: ISMAP detailed controls (X.X.X.N) whose objective exists, and
 * 統一基準 requirements (a)… or guideline measures -n whose item exists.
 */

import { normalizedRange } from '../../document/normalized';
import type { Catalogues } from '../../catalogues/catalogues';
import { normalizeCommonStandardsId, normalizeNistId, parseIsmapId } from '../../catalogues/ids';
import type { CatalogueId } from '../../catalogues/types';
import { normalizeKey } from '../../text/normalize';
import type { ControlOccurrence, Finding, Rule, RuleInput } from '../rule';
import { onlyAsked } from '../../context/claims';
import {
  describeIds,
  documentNames,
  familyOf,
  frameworkAdjacent,
  frameworkName,
  idsBelow,
  leadsItsBlock,
  looksLikeOwnNumbering,
  memo,
  nearestListedPrefix,
  sentenceCache,
  yamlKeyNamesFramework,
} from '../../context/controlCitation';

/**
 * Controls that exist but are not in the bundled NIST catalogue: its coverage note says patch release 5.1.1
 * (2023-11-07) added IA-13 and IA-13(1)–(3), which the catalogue does not hold.
 */
const NIST_NOT_IN_CATALOGUE = new Set(['IA-13', 'IA-13(1)', 'IA-13(2)', 'IA-13(3)']);

interface Unknown {
  /** The normalised ID for the English part of the message. */
  readonly key: string;
  readonly catalogue: CatalogueId;
  /** Where valid IDs are, in Japanese and English (「AC ファミリーは AC-1〜AC-25」). */
  readonly where: { readonly ja: string; readonly en: string };
}

/** 「9 の下にあるのは 9.1〜9.5」 / "9 has 9.1–9.5"; at the top level, the top-level numbers. */
function below(catalogues: Catalogues, catalogue: CatalogueId, key: string): { ja: string; en: string } {
  const prefix = nearestListedPrefix(catalogues, catalogue, key);
  const ids = describeIds(idsBelow(catalogues, catalogue, prefix));
  return prefix === undefined
    ? { ja: `最上位の番号は ${ids.ja}`, en: `its top-level numbers are ${ids.en}` }
    : { ja: `${prefix} の下にあるのは ${ids.ja}`, en: `${prefix} has ${ids.en}` };
}

function isoParts(id: string): number[] {
  return normalizeKey(id).replace(/\s+/g, '').replace(/^A\.?/i, '').split('.').map(Number);
}

class Checker {
  private readonly sentenceOf;
  private readonly named;

  constructor(
    private readonly input: RuleInput,
    private readonly catalogues: Catalogues,
  ) {
    this.sentenceOf = sentenceCache(input.model);
    this.named = documentNames(input.model);
  }

  /** The framework is named right before a plain dotted ID, or the ID sits under a YAML key naming it. */
  private citedClosely(occurrence: ControlOccurrence) {
    const { model, controls } = this.input;
    // A YAML key or a table column naming the framework is as close as a citation gets.
    if ((occurrence.cue === 'yaml-key' && yamlKeyNamesFramework(model, occurrence)) || occurrence.cue === 'table-column') {
      return { adjacent: true, otherIsoStandard: false, annexNamed: true };
    }
    // The lead-in names the framework: the ID that starts its list item or cell cites it.
    if (occurrence.cue === 'lead-in') {
      return { adjacent: leadsItsBlock(model, controls, occurrence), otherIsoStandard: false, annexNamed: false };
    }
    return frameworkAdjacent(model, controls, occurrence, this.sentenceOf(occurrence.start));
  }

  unknown(occurrence: ControlOccurrence): Unknown | undefined {
    if (occurrence.control || looksLikeOwnNumbering(this.input.model, occurrence)) {
      return undefined;
    }
    switch (familyOf(occurrence)) {
      case 'nist-sp800-53':
        return this.nist(occurrence);
      case 'iso27001':
        return this.iso(occurrence);
      case 'ismap':
        return this.ismap(occurrence);
      case 'common-standards':
        return this.commonStandards(occurrence);
    }
  }

  private nist(occurrence: ControlOccurrence): Unknown | undefined {
    const key = normalizeNistId(occurrence.id);
    if (!key || NIST_NOT_IN_CATALOGUE.has(key)) {
      return undefined;
    }
    // NIST CSF subcategories (PR.AC-1, GV.SC-10) end in a NIST-looking family and number.
    if (/[A-Za-z]{2}\s?\.\s?$/.test(normalizedRange(this.input.model, Math.max(0, occurrence.start - 4), occurrence.start).text)) {
      return undefined;
    }
    if (occurrence.cue === 'prefix' && (/^[A-Za-z]{2}\s?-\s?0/.test(occurrence.id) || !this.named('nist-sp800-53'))) {
      return undefined;
    }
    const catalogue: CatalogueId = 'nist-sp800-53r5';
    const base = key.replace(/\(\d+\)$/, '');
    if (base !== key && this.catalogues.find(catalogue, base)) {
      const enhancements = idsBelow(this.catalogues, catalogue, base);
      const ids = describeIds(enhancements);
      return {
        key,
        catalogue,
        where: enhancements.length
          ? { ja: `${base} の拡張は ${ids.ja}`, en: `${base} has the enhancements ${ids.en}` }
          : { ja: `${base} には拡張がありません`, en: `${base} has no enhancements` },
      };
    }
    const family = base.slice(0, 2);
    const ids = describeIds(idsBelow(this.catalogues, catalogue, family));
    return { key, catalogue, where: { ja: `${family} ファミリーは ${ids.ja}`, en: `the ${family} family has ${ids.en}` } };
  }

  private iso(occurrence: ControlOccurrence): Unknown | undefined {
    const parts = isoParts(occurrence.id);
    const annexShape = /^A/i.test(normalizeKey(occurrence.id).trim());
    if (parts.some((part) => !Number.isInteger(part) || part <= 0) || (parts.length !== 2 && parts.length !== 3)) {
      return undefined;
    }
    const key = `A.${parts.join('.')}`;
    if (parts.length === 3 && this.catalogues.find('iso27001-2013', key)) {
      // A 2013 number cited against 2022: control/outdated-iso-numbering's case.
      return undefined;
    }
    if (/CLD\s?\.?\s?$/i.test(normalizedRange(this.input.model, Math.max(0, occurrence.start - 5), occurrence.start).text)) {
      return undefined;
    }
    const fitsAnnex = parts.length === 2 ? parts[0] >= 5 && parts[0] <= 8 : parts[0] >= 5 && parts[0] <= 18;
    if (occurrence.cue === 'prefix') {
      // "A.5.38" with no framework in the sentence: only in a document that names ISO/IEC 27001, and only in
      // the Annex A shape (an appendix "A.1.2" is the document's own).
      if (!fitsAnnex || !this.named('iso27001')) {
        return undefined;
      }
    } else {
      const closeness = this.citedClosely(occurrence);
      if (closeness.otherIsoStandard) {
        return undefined;
      }
      if (!annexShape) {
        // 5.38 without "A.": the body of the standard has clauses 4–10 (9.2, 6.1.3 …), so only numbers that
        // cannot be a clause — two levels under 5–8, three levels under 11–18 or with the annex named.
        if (!closeness.adjacent || !fitsAnnex || (parts.length === 3 && parts[0] <= 10 && !closeness.annexNamed)) {
          return undefined;
        }
      }
    }
    const catalogue: CatalogueId = occurrence.framework === 'iso27001-2013' && !(parts.length === 3 && this.names2022(occurrence)) ? 'iso27001-2013' : 'iso27001-2022';
    if (catalogue === 'iso27001-2022') {
      const ids = describeIds(memo(this.catalogues, 'iso27001-2022 controls', () => this.catalogues.children(catalogue).map((control) => control.id)));
      const not2013 = parts.length === 3 ? { ja: '、2013年版にもなし', en: '; it is not a 2013 number either' } : { ja: '', en: '' };
      return {
        key,
        catalogue,
        where: { ja: `${ids.ja}${not2013.ja}`, en: `which has ${ids.en}${not2013.en}` },
      };
    }
    return { key, catalogue, where: below(this.catalogues, catalogue, key) };
  }

  private names2022(occurrence: ControlOccurrence): boolean {
    const [start, end] = this.sentenceOf(occurrence.start);
    return /2700[12]\s?[:：]\s?(?:2022|2023)|2022年版/.test(normalizedRange(this.input.model, start, end).text);
  }

  private ismap(occurrence: ControlOccurrence): Unknown | undefined {
    const id = parseIsmapId(occurrence.id);
    if (!id || !this.citedClosely(occurrence).adjacent) {
      return undefined;
    }
    const catalogue: CatalogueId = 'ismap';
    const where = below(this.catalogues, catalogue, id.numeric);
    if (id.parts.length === 4) {
      // The catalogue lists few detailed controls: report one only because its control objective is missing.
      const objective = id.parts.slice(0, 3).join('.');
      return {
        key: id.key,
        catalogue,
        where: { ja: `管理目的 ${objective} がなく、${where.ja}`, en: `its control objective ${objective} does not exist; ${where.en}` },
      };
    }
    return { key: id.key, catalogue, where };
  }

  private commonStandards(occurrence: ControlOccurrence): Unknown | undefined {
    const key = normalizeCommonStandardsId(occurrence.id);
    if (!key || !this.citedClosely(occurrence).adjacent) {
      return undefined;
    }
    // The catalogues hold headings only: requirements (a) and guideline measures -n are never decided.
    let heading = key.replace(/-\d+$/, '').replace(/\([a-z]\)$/, '');
    const structure: CatalogueId = 'common-standards-r7';
    const fy2025 = occurrence.framework === 'common-standards-r7';
    if (!fy2025) {
      // Another edition: its own structure is not loaded, so only a subsection missing from FY2025 is reported.
      heading = heading.replace(/\(\d+\)$/, '');
    }
    if (this.catalogues.find(structure, heading)) {
      return undefined;
    }
    let place = below(this.catalogues, structure, heading);
    if (nearestListedPrefix(this.catalogues, structure, heading) === undefined) {
      const chapters = describeIds(idsBelow(this.catalogues, structure, undefined));
      place = { ja: `章は ${chapters.ja}`, en: `its chapters are ${chapters.en}` };
    }
    return {
      key,
      catalogue: occurrence.framework,
      where: fy2025
        ? place
        : { ja: `令和7年度版の見出しで確認: ${place.ja}`, en: `checked against the FY2025 headings: ${place.en}` },
    };
  }
}

export const controlUnknownIdRule: Rule = {
  id: 'control/unknown-id',
  defaultSeverity: 'error',
  procurementOnly: false,
  scope: 'document',
  description: 'Control ID that does not exist in the named framework (ISO/IEC 27001, NIST SP 800-53, ISMAP, 統一基準).',
  check(input) {
    const catalogues = input.knowledge.catalogues;
    if (!catalogues || input.controls.length === 0) {
      return [];
    }
    const checker = new Checker(input, catalogues);
    const findings: Finding[] = [];
    for (const occurrence of input.controls) {
      const unknown = checker.unknown(occurrence);
      // A question about the number (Q4. 統一基準の9.1.1は何を定めていますか。) that its answer does not confirm.
      if (!unknown || onlyAsked(input.model, occurrence.start)) {
        continue;
      }
      const name = frameworkName(catalogues, unknown.catalogue);
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: {
          ja: `「${occurrence.surface}」は${name.ja}にない番号です（${unknown.where.ja}）`,
          en: `${unknown.key} does not exist in ${name.en}${unknown.where.en.startsWith('which') ? ', ' : '; '}${unknown.where.en}.`,
        },
        start: occurrence.start,
        end: occurrence.end,
      });
    }
    return findings;
  },
};
