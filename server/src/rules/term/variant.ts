/**
 * term/variant — a spelling of a glossary term that is not one of its canonical spellings: a full-width
 * form (ＩＳＭＡＰ), a short form (ガバクラ) or another known variant ("ISMAP LIU").
 */

import type { Finding, Rule } from '../rule';

export const termVariantRule: Rule = {
  id: 'term/variant',
  defaultSeverity: 'information',
  procurementOnly: false,
  description: 'Non-canonical spelling of a glossary term (表記ゆれ).',
  check({ terms }) {
    const findings: Finding[] = [];
    for (const occurrence of terms) {
      const { term, surface, spelling } = occurrence;
      const isCanonical =
        surface === term.term || term.aliases.some((alias) => alias.canonical && alias.text === surface);
      if (isCanonical) {
        continue;
      }
      // A canonical alias written in another width (ＩＳＭＡＰ-ＬＩＵ) suggests that alias; anything else suggests the term.
      const suggestion = spelling.canonical ? spelling.text : term.term;
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: `表記ゆれ: 「${surface}」は「${suggestion}」と表記します (non-canonical spelling of "${suggestion}")`,
        start: occurrence.start,
        end: occurrence.end,
        fix: { title: `「${suggestion}」に置き換える (replace with "${suggestion}")`, replacement: suggestion },
      });
    }
    return findings;
  },
};
