/**
 * The language-purity rules every shown text is held to: a Japanese text has no English phrase outside what it
 * quotes, an English text no Japanese outside what it quotes; each is one sentence.
 */

/** Document text and names the message quotes: 「…」 and （…） in Japanese, "…" and (…) in English. */
export const QUOTED_JA = /「[^」]*」|（[^）]*）|\([^)]*\)/g;
export const QUOTED_EN = /"[^"]*"|\([^)]*\)/g;
/** Four English words in a row: an English phrase, not a name or an identifier. */
export const ENGLISH_PHRASE = /\b[A-Za-z]{2,}(?:[ -][A-Za-z]{2,}){3,}\b/;
export const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A Japanese text with an English phrase outside its quotes. */
export function hasEnglishPhrase(ja: string): boolean {
  return ENGLISH_PHRASE.test(ja.replace(QUOTED_JA, ''));
}

/** An English text with Japanese outside its quotes. */
export function hasJapanese(en: string): boolean {
  return JAPANESE.test(en.replace(QUOTED_EN, ''));
}

/** More than one sentence: a Japanese full stop with text after it. */
export function isSeveralSentencesJa(ja: string): boolean {
  return /。./.test(ja);
}

/** More than one sentence: a full stop after a word, then a capitalised word. */
export function isSeveralSentencesEn(en: string): boolean {
  return /[a-z]{3,}[.!?] [A-Z][a-z]/.test(en);
}
