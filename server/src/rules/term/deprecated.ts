/**
 * term/deprecated — a superseded term (政府共通ネットワーク, 霞が関WAN → GSS; NISC → 国家サイバー統括室)
 * used in a document. The glossary records the successor and the date; the entry may lower the severity.
 */

import type { Finding, Rule } from '../rule';

/** "2025-07-01" → "2025年7月1日"; the glossary may give only a year or a month. */
export function japaneseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${year}年${month ? `${Number(month)}月` : ''}${day ? `${Number(day)}日` : ''}`;
}

export const termDeprecatedRule: Rule = {
  id: 'term/deprecated',
  defaultSeverity: 'warning',
  procurementOnly: false,
  description: 'Superseded term used as if current; names the successor and the date.',
  check({ terms, glossary }) {
    const findings: Finding[] = [];
    for (const occurrence of terms) {
      const { status } = occurrence.term;
      if (status.state !== 'superseded') {
        continue;
      }
      const successor = glossary.term(status.successor);
      if (!successor) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        severity: status.severity ?? this.defaultSeverity,
        message:
          `旧名称: 「${occurrence.surface}」の後継は「${successor.term}」です（${japaneseDate(status.date)}） ` +
          `(superseded by "${successor.term}" (${successor.english}), ${status.date})`,
        start: occurrence.start,
        end: occurrence.end,
        fix: { title: `「${successor.term}」に置き換える (replace with "${successor.term}")`, replacement: successor.term },
      });
    }
    return findings;
  },
};
