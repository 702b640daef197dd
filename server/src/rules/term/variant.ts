/**
 * term/variant — a spelling of a glossary term that is not one of its canonical spellings: a full-width
 * form (ＩＳＭＡＰ), a short form (ガバクラ) or another known variant ("ISMAP LIU").
 *
 * A spelling inside the quoted title of a document is the document's own and is left alone: anything in
 * 『…』 (the bracket for titles), and text in 「…」, “…” or "…" whose quoted text ends with a document-type
 * word (『ガバクラ法案の概要』, 「ガバクラに関する検討資料」 …, see looksLikeDocumentTitle).
 */

import type { DocumentModel } from '../../document/model';
import type { Finding, Rule, TermOccurrence } from '../rule';
import { enclosingQuotations, looksLikeDocumentTitle } from '../../context/quotations';

/** Whether the mention sits in the quoted title of a document. */
export function inQuotedTitle(model: DocumentModel, occurrence: TermOccurrence): boolean {
  return enclosingQuotations(model, occurrence.start, occurrence.end).some(
    (quotation) => quotation.kind === 'double-kagi' || looksLikeDocumentTitle(quotation.inner),
  );
}

export const termVariantRule: Rule = {
  id: 'term/variant',
  defaultSeverity: 'information',
  procurementOnly: false,
  description: 'Non-canonical spelling of a glossary term (表記ゆれ).',
  check({ terms, model }) {
    const findings: Finding[] = [];
    for (const occurrence of terms) {
      const { term, surface, spelling } = occurrence;
      const isCanonical =
        surface === term.term || term.aliases.some((alias) => alias.canonical && alias.text === surface);
      if (isCanonical || inQuotedTitle(model, occurrence)) {
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
