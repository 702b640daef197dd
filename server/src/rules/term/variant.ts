/**
 * term/variant — a spelling of a glossary term that the glossary lists as non-canonical: a short form
 * (ガバクラ, in any width: ｶﾞﾊﾞｸﾗ) or another known variant ("ISMAP LIU"). A canonical spelling written in
 * another width (ＩＳＭＡＰ) is not a variant. A name marked as colloquial (いわゆるガバクラ) or explained
 * right after by the canonical name (ガバクラ（ガバメントクラウド）) is left alone.
 *
 * A spelling inside the quoted title of a document or article is the title's own and is left alone (『…』,
 * a quoted text ending with a document-type word, a quotation followed by its citation — isCitedTitle), and
 * so is the spelling quoted alone, where the word itself is the subject (「ガバクラ」とは何か, a style guide's
 * 「ガバクラ」という略称は使わず… — claims.ts mentionedAsWord).
 */

import type { DocumentModel } from '../../document/model';
import { normalizedRange } from '../../document/normalized';
import { normalizeKey } from '../../text/normalize';
import { replacementFix, type Finding, type Rule, type TermOccurrence } from '../rule';
import { enclosingQuotations, isCitedTitle } from '../../context/quotations';
import { mentionedAsWord } from '../../context/claims';

/** Right after a word quoted alone: a predicate about the word itself (「ガバクラ」とは, 「ガバクラ」という呼び方). */
const ABOUT_THE_WORD = /^\s*(?:とは|という|といった|と呼|と略|と言|と書|と表記|と記載|は(?:通称|略称|俗称|愛称|正式|誤り|不適切)|の(?:意味|読み|語源|由来)|\s*is\b|\s*means\b|\s*stands\b)/;

/**
 * Whether the writer quotes rather than uses the spelling: it sits in the quoted title of a document or an
 * article, or the word is quoted alone and the sentence is about the word (「ガバクラ」とは何ですか).
 */
function quotedNotUsed(model: DocumentModel, occurrence: TermOccurrence): boolean {
  return enclosingQuotations(model, occurrence.start, occurrence.end).some((quotation) => {
    if (isCitedTitle(model, quotation)) {
      return true;
    }
    if (normalizeKey(quotation.inner.trim()) !== normalizeKey(occurrence.surface)) {
      return false;
    }
    const after = quotation.close + 1;
    return ABOUT_THE_WORD.test(normalizedRange(model, after, Math.min(model.text.length, after + 12)).text);
  });
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
  scope: 'section',
  description: 'Non-canonical spelling of a glossary term (表記ゆれ).',
  check({ terms, model }) {
    const findings: Finding[] = [];
    for (const occurrence of terms) {
      const { term, surface, spelling } = occurrence;
      // A canonical spelling in another character width (ＩＳＭＡＰ, 機密性２情報) is the same spelling: government
      // texts write it so. Only a spelling the glossary lists as non-canonical is a variant, in any width.
      if (spelling.canonical || quotedNotUsed(model, occurrence) || mentionedAsWord(model, occurrence.start, occurrence.end) || markedColloquial(model, occurrence, term.term)) {
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
