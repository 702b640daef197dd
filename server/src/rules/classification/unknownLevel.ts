/**
 * classification/unknown-level — an information class that the Common Standards do not have: 機密性4情報,
 * 完全性3情報, 可用性3情報, 機密性0情報 (half- or full-width digits), 「機密性：4」, a table cell "4" under a
 * 機密性 column, or `confidentiality: 4` in YAML. Quiet where the statement speaks about the wrong class rather
 * than using it: it says the class does not exist, or that a defect involving it was fixed (a changelog).
 *
 * 統一基準 (令和7年度版) 1.2 classifies information as 機密性 1–3, 完全性 1–2 and 可用性 1–2. An unknown class is
 * not a glossary term, so the rule scans the scannable segments (code, inline code, comments and URLs are
 * already left out) with a regular expression on NFKC-normalised text and maps the offsets back.
 *
 * Only a digit written directly after the axis name (optionally after 格付/区分/レベル/クラス, a colon or a
 * space) counts; the digit must be a single digit followed by 情報, a particle or punctuation. So 「機密性の高い4つ
 * の情報」, 「可用性99.9%」, 「可用性24時間」 and 「機密性3A」 are not read as classes.
 */

import type { Bilingual } from '../../language';
import { normalizedRange } from '../../document/normalized';
import type { Block, DocumentModel, Segment } from '../../document/model';
import { segmentAt } from '../../document/sentences';
import { normalizeKey } from '../../text/normalize';
import type { Finding, Rule } from '../rule';
import { isQuizChoice, onlyAsked, speaksOfWrongValue, statementText } from '../../context/claims';

type Axis = 'confidentiality' | 'integrity' | 'availability';

const AXES: Record<Axis, { ja: string; en: string; max: number }> = {
  confidentiality: { ja: '機密性', en: 'confidentiality', max: 3 },
  integrity: { ja: '完全性', en: 'integrity', max: 2 },
  availability: { ja: '可用性', en: 'availability', max: 2 },
};

function axisOf(word: string): Axis | undefined {
  const lower = word.toLowerCase();
  if (lower.startsWith('機密性') || lower.startsWith('confidentiality')) {
    return 'confidentiality';
  }
  if (lower.startsWith('完全性') || lower.startsWith('integrity')) {
    return 'integrity';
  }
  if (lower.startsWith('可用性') || lower.startsWith('availability')) {
    return 'availability';
  }
  return undefined;
}

function isValid(axis: Axis, level: number): boolean {
  return level >= 1 && level <= AXES[axis].max;
}

/**
 * 機密性4情報 / 機密性：4 / 機密性レベル4 / 機密性2〜4 (on NFKC text, within one segment, never across a line).
 * Group 1: axis, 2: first level, 3: second level of a range. The lookahead lists what may follow a class.
 */
const JAPANESE_GRADE =
  /(機密性|完全性|可用性)(?:格付|区分|レベル|クラス)?[ \t]*(?:[:=][ \t]*)?(\d)(?:[ \t]*(?:〜|~|から)[ \t]*(\d))?(?![\d.,%])(?=[ \t]*(?:情報|相当|以上|以下|未満|の|に|を|は|が|と|で|や|又|及|並|[、。,.)」』\]|/・;:]|$))/g;
/** Confidentiality class-4 information (the wording of the English translation). */
const ENGLISH_GRADE = /\b(confidentiality|integrity|availability)[ \t]+class[- ]?(\d)(?![\d.])/gi;

/** A table header cell or a key-value table label that names an axis. */
const AXIS_LABEL = /^(機密性|完全性|可用性)(?:の)?(?:格付|区分|レベル|クラス)?$/;
/** A table cell or YAML value that is a bare class number: 4, ４, 4情報, "4". */
const BARE_LEVEL = /^["']?[ \t]*(\d{1,2})[ \t]*(?:情報)?[ \t]*["']?$/;
/** YAML keys that name an axis, and keys that make a map a classification. */
const AXIS_KEY = /^(confidentiality|integrity|availability|機密性|完全性|可用性)(?:[-_ ]?(?:level|class|grade))?$|^(機密性|完全性|可用性)(?:格付|区分|レベル)$/i;
const LEVEL_KEY = /^(level|class|grade|格付|区分|レベル)$/i;
const CLASSIFICATION_KEY = /classif|格付|grade|security[-_ ]?level|情報区分|区分/i;
/** An axis key that itself says it holds a grade: availability_level, 可用性格付. */
const GRADE_SUFFIX = /(?:level|class|grade|格付|区分|レベル)$/i;

interface Hit {
  readonly start: number;
  readonly end: number;
  readonly axis: Axis;
  readonly level: number;
}

function message(axis: Axis, level: number, surface: string): Bilingual {
  const { ja, en } = AXES[axis];
  return {
    ja: `存在しない格付: 「${surface}」${/^(機密性|完全性|可用性)/.test(normalizeKey(surface)) ? '' : `（${ja}${level}）`}はなく、格付は機密性1〜3、完全性1〜2、可用性1〜2です`,
    en: `No such information class: ${en} ${level}; the classes are confidentiality 1-3, integrity 1-2 and availability 1-2.`,
  };
}

/** Markdown tables: a bare number in a 機密性/完全性/可用性 column, or right of such a label (| 機密性 | 4 |). */
function tableHits(model: DocumentModel): Hit[] {
  const hits: Hit[] = [];
  const { text } = model;
  const labelOf = (cellText: string) => {
    const match = AXIS_LABEL.exec(normalizeKey(cellText));
    return match ? axisOf(match[1]) : undefined;
  };
  let headerAxes = 0;
  let headerLine = -1;
  let previous: Block | undefined;
  for (const block of model.markdown?.blocks ?? []) {
    const cell = block.table;
    if (!cell) {
      continue;
    }
    if (cell.tableFirstLine !== headerLine) {
      // A new table: count the axes its header names (a lone 完全性/可用性 column might hold other figures).
      headerLine = cell.tableFirstLine;
      headerAxes = 0;
    }
    const beside = previous?.table && previous.table.line === cell.line && previous.table.column === cell.column - 1 ? labelOf(text.slice(previous.start, previous.end)) : undefined;
    previous = block;
    if (cell.header) {
      headerAxes += labelOf(cell.headerText) ? 1 : 0;
      continue;
    }
    const value = BARE_LEVEL.exec(normalizeKey(text.slice(block.start, block.end)));
    const inSegment = segmentAt(model.segments, block.start);
    if (!value || !inSegment || inSegment.end < block.end) {
      continue;
    }
    // A 機密性 column always holds grades; a lone 完全性/可用性 column might hold other figures.
    const above = labelOf(cell.headerText);
    const axis = beside ?? (above === 'confidentiality' || (above && headerAxes >= 2) ? above : undefined);
    if (axis && !isValid(axis, Number(value[1]))) {
      hits.push({ start: block.start, end: block.end, axis, level: Number(value[1]) });
    }
  }
  return hits;
}

/** YAML and front matter: `confidentiality: 4`, `classification: {availability: 3}`. */
function structuredHits(text: string, segments: readonly Segment[]): Hit[] {
  // Maps (by their key path) that hold a confidentiality key make their integrity/availability keys grades.
  const gradeMaps = new Set<string>();
  for (const segment of segments) {
    if (segment.keyPath && /^(confidentiality|機密性)$/i.test(normalizeKey(text.slice(segment.start, segment.end)).trim())) {
      gradeMaps.add(segment.keyPath.join('\u0000'));
    }
  }
  const hits: Hit[] = [];
  for (const segment of segments) {
    const path = segment.keyPath;
    if (!path || path.length === 0 || (segment.kind !== 'yaml-value' && segment.kind !== 'front-matter')) {
      continue;
    }
    const keys = path.map((key) => normalizeKey(key));
    let axisIndex = keys.length - 1;
    if (LEVEL_KEY.test(keys[axisIndex]) && axisIndex > 0) {
      axisIndex--;
    }
    const axisKey = AXIS_KEY.exec(keys[axisIndex]);
    if (!axisKey) {
      continue;
    }
    const axis = axisOf(axisKey[1] ?? axisKey[2]);
    const value = BARE_LEVEL.exec(normalizeKey(text.slice(segment.start, segment.end)));
    if (!axis || !value) {
      continue;
    }
    // `availability: 3` alone may be anything (an SLA figure); it is a grade inside a classification map.
    const parent = path.slice(0, axisIndex).join('\u0000');
    const inClassification =
      axis === 'confidentiality' ||
      gradeMaps.has(parent) ||
      keys.slice(0, axisIndex).some((key) => CLASSIFICATION_KEY.test(key)) ||
      GRADE_SUFFIX.test(keys[axisIndex]);
    if (inClassification && !isValid(axis, Number(value[1]))) {
      // Report the value without its quotes.
      let { start, end } = segment;
      while (start < end && /["'\s]/.test(text[start])) {
        start++;
      }
      while (end > start && /["'\s]/.test(text[end - 1])) {
        end--;
      }
      hits.push({ start, end, axis, level: Number(value[1]) });
    }
  }
  return hits;
}

export const classificationUnknownLevelRule: Rule = {
  id: 'classification/unknown-level',
  defaultSeverity: 'error',
  procurementOnly: false,
  scope: 'section',
  description: 'Information class that the Common Standards (1.2) do not define: 機密性4情報, 完全性3情報, 可用性3情報.',
  check({ model }) {
    const { text, segments } = model;
    const hits: Hit[] = [];
    for (const segment of segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      const normalized = normalizedRange(model, segment.start, segment.end);
      const toOriginal = (from: number, to: number) => ({ start: normalized.startOf(from), end: normalized.endOf(to - 1) });
      for (const pattern of [JAPANESE_GRADE, ENGLISH_GRADE]) {
        pattern.lastIndex = 0;
        let match: RegExpExecArray | null;
        while ((match = pattern.exec(normalized.text))) {
          const axis = axisOf(match[1])!;
          const levels = [Number(match[2]), ...(match[3] !== undefined ? [Number(match[3])] : [])];
          const bad = levels.find((level) => !isValid(axis, level));
          if (bad === undefined) {
            continue;
          }
          let endIndex = match.index + match[0].length;
          if (pattern === JAPANESE_GRADE && normalized.text.startsWith('情報', endIndex)) {
            endIndex += 2;
          } else if (pattern === ENGLISH_GRADE && /^[ \t]+information/i.test(normalized.text.slice(endIndex, endIndex + 13))) {
            endIndex += normalized.text.slice(endIndex).search(/information/i) + 'information'.length;
          }
          hits.push({ ...toOriginal(match.index, endIndex), axis, level: bad });
        }
      }
    }
    if (model.kind === 'markdown') {
      hits.push(...tableHits(model));
    }
    hits.push(...structuredHits(text, segments));

    const findings: Finding[] = [];
    let reachedEnd = -1;
    for (const hit of hits.sort((a, b) => a.start - b.start || b.end - a.end)) {
      // A cell or YAML value is also scanned as text; report each place once.
      if (hit.start < reachedEnd) {
        continue;
      }
      reachedEnd = hit.end;
      // A quiz's answer option states nothing: 「(エ) 機密性4情報」 is meant to be the wrong one.
      if (isQuizChoice(model, hit.start)) {
        continue;
      }
      // A question asks whether the class exists (### Q8. 「機密性4情報」という区分はありますか。 A. ありません。).
      if (onlyAsked(model, hit.start)) {
        continue;
      }
      // A statement about the wrong class, not a use of it: 存在しない「機密性4」を選べる不具合を修正 (a changelog).
      if (speaksOfWrongValue(statementText(model, hit.start))) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: message(hit.axis, hit.level, text.slice(hit.start, hit.end)),
        start: hit.start,
        end: hit.end,
      });
    }
    return findings;
  },
};
