/**
 * term/deprecated — a superseded term (政府共通ネットワーク, 霞が関WAN → GSS; NISC → 国家サイバー統括室)
 * used as if it were current. The glossary records the successor and the date; the entry may lower the
 * severity. Historical statements — a 沿革 section, 旧NISC, 「2013年に…刷新された」, 撤去済み, past tense
 * about the past, a cited title — keep the old name and are not reported (see historical.ts).
 */

import type { Glossary } from '../../glossary/glossary';
import type { TermStatus } from '../../glossary/types';
import { replacementFix, type Finding, type Rule } from '../rule';
import { historicalReason } from '../../context/historical';
import { headingsAt } from '../../document/blocks';

/** "2025-07-01" → "2025年7月1日"; the glossary may give only a year or a month. */
export function japaneseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

/** The successor and every later successor (霞が関WAN → GSS; 政府共通ネットワーク is itself superseded by GSS). */
function successorChain(glossary: Glossary, successorId: string): Set<string> {
  const ids = new Set<string>();
  for (let id: string | undefined = successorId; id !== undefined && !ids.has(id); ) {
    ids.add(id);
    const status: TermStatus | undefined = glossary.term(id)?.status;
    id = status?.state === 'superseded' ? status.successor : undefined;
  }
  return ids;
}

/** The longest old name the message quotes. */
const QUOTED_NAME_MAX = 30;

export const termDeprecatedRule: Rule = {
  id: 'term/deprecated',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'section',
  description: 'Superseded term used as if current; names the successor and the date.',
  check({ terms, glossary, model }) {
    const findings: Finding[] = [];
    let previous: { termId: string; end: number } | undefined;
    for (const occurrence of terms) {
      const { status } = occurrence.term;
      if (status.state !== 'superseded') {
        continue;
      }
      // The abbreviation in brackets right after the full old name (… Cybersecurity (NISC)) is the same
      // mention: one finding, on the name.
      const sameMention =
        previous?.termId === occurrence.term.id &&
        occurrence.start - previous.end <= 4 &&
        /^\s*[(（]\s*$/.test(model.text.slice(previous.end, occurrence.start));
      previous = { termId: occurrence.term.id, end: occurrence.end };
      if (sameMention) {
        continue;
      }
      const successor = glossary.term(status.successor);
      if (!successor) {
        continue;
      }
      const reason = historicalReason(occurrence, {
        model,
        sections: headingsAt(model, occurrence.start),
        successorIds: successorChain(glossary, status.successor),
        terms,
        supersededOn: status.date,
      });
      if (reason) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        severity: status.severity ?? this.defaultSeverity,
        // A long old name (an organisation's full English name) is not repeated: the squiggle marks it.
        message:
          occurrence.surface.length <= QUOTED_NAME_MAX
            ? {
                ja: `旧名称: 「${occurrence.surface}」の後継は「${successor.term}」です（${japaneseDate(status.date)}）`,
                en: `Superseded name: "${occurrence.surface}" is now "${successor.term}" (${successor.english}), since ${status.date}.`,
              }
            : {
                ja: `旧名称: この名称の後継は「${successor.term}」です（${japaneseDate(status.date)}）`,
                en: `Superseded name: this is now "${successor.term}" (${successor.english}), since ${status.date}.`,
              },
        start: occurrence.start,
        end: occurrence.end,
        fix: replacementFix(successor.term),
      });
    }
    return findings;
  },
};
