/**
 * term/variant — a spelling of a glossary term that the glossary lists as non-canonical: a short form
 * (ガバクラ, in any width: ｶﾞﾊﾞｸﾗ) or another known variant ("ISMAP LIU"). A canonical spelling written in
 * another width (ＩＳＭＡＰ) is not a variant. A name marked as colloquial (いわゆるガバクラ) or explained
 * right after by the canonical name (ガバクラ（ガバメントクラウド）) is left alone.
 *
 * A spelling inside the quoted title of a document is the document's own and is left alone: anything in
 * 『…』 (the bracket for titles), and text in 「…」, “…” or "…" whose quoted text ends with a document-type
 * word (『ガバクラ法案の概要』, 「ガバクラに関する検討資料」 …, see looksLikeDocumentTitle).
 */

import type { DocumentModel } from '../../document/model';
import { normalizedRange } from '../../document/normalized';
import { normalizeKey } from '../../text/normalize';
import { replacementFix, type Finding, type Rule, type TermOccurrence } from '../rule';
import { enclosingQuotations, looksLikeDocumentTitle } from '../../context/quotations';

/** Whether the mention sits in the quoted title of a document. */
export function inQuotedTitle(model: DocumentModel, occurrence: TermOccurrence): boolean {
  return enclosingQuotations(model, occurrence.start, occurrence.end).some(
    (quotation) => quotation.kind === 'double-kagi' || looksLikeDocumentTitle(quotation.inner),
  );
}

/** Words that mark a name as colloquial (いわゆるガバクラ, 通称「ガバクラ」). */
const COLLOQUIAL_MARKER = /(?:いわゆる|所謂|通称|俗に|俗称|略称|略して|so-called|aka)\s*[「『"“]?$/i;

/** Whether the writer marks the variant as colloquial, or explains it with the canonical name right after it. */
function markedColloquial(model: DocumentModel, occurrence: TermOccurrence, canonical: string): boolean {
  const before = normalizedRange(model, Math.max(0, occurrence.start - 12), occurrence.start).text;
  if (COLLOQUIAL_MARKER.test(before)) {
    return true;
  }
  const after = normalizedRange(model, occurrence.end, Math.min(model.text.length, occurrence.end + canonical.length + 4)).text;
  return after.replace(/^[」』"”]?\s*[(（]\s*/, '').startsWith(normalizeKey(canonical));
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
      // A canonical spelling in another character width (ＩＳＭＡＰ, 機密性２情報) is the same spelling: government
      // texts write it so. Only a spelling the glossary lists as non-canonical is a variant, in any width.
      if (spelling.canonical || inQuotedTitle(model, occurrence) || markedColloquial(model, occurrence, term.term)) {
        continue;
      }
      const suggestion = term.term;
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: { ja: `表記ゆれ: 「${surface}」は「${suggestion}」と表記します`, en: `Non-canonical spelling: write "${suggestion}", not "${surface}".` },
        start: occurrence.start,
        end: occurrence.end,
        fix: replacementFix(suggestion),
      });
    }
    return findings;
  },
};
