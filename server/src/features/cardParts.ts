/**
 * Pieces every hover card shares (term, service, control), in one language: the header whose lines the
 * reader sees first, a caveat cut to one line, and a source line. Data is escaped here.
 */

import type { Bilingual, Language } from '../language';
import { escapeMarkdown, markdownLink } from './markdownText';

const OPENING = '（「『(';
const CLOSING = '）」』)';

/**
 * The first sentence of a text in `language`: up to the first 。 outside brackets and quotes in Japanese, up to
 * ". " (or ! ?) before a capital in English.
 */
export function firstSentence(text: string, language: Language): string {
  if (language === 'en') {
    const end = /[.!?](?=\s+[A-Z(“"])/.exec(text);
    return end ? text.slice(0, end.index + 1) : text;
  }
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (OPENING.includes(char)) {
      depth += 1;
    } else if (CLOSING.includes(char)) {
      depth = Math.max(0, depth - 1);
    } else if (char === '。' && depth === 0) {
      return text.slice(0, index + 1);
    }
  }
  return text;
}

/**
 * Marks text the data holds in the other language only (a Japanese card's English control title, and vice
 * versa): shown as it is and labelled, never translated here.
 */
export const OTHER_LANGUAGE_LABEL: Readonly<Record<Language, string>> = { ja: '（英語）', en: '(Japanese) ' };

/** Where the rest of a caveat is: the entry the card comes from, which Go to Definition opens. */
const ENTRY: Readonly<Record<'term' | 'service', Bilingual>> = {
  term: { ja: '詳細は用語集', en: 'details in the glossary entry' },
  service: { ja: '詳細はサービス一覧の項目', en: 'details in the service catalogue entry' },
};

/** A caveat in one line: its first sentence, and where the rest is when there is more. */
export function caveatLine(caveat: Bilingual, language: Language, entry: 'term' | 'service'): string {
  const text = caveat[language].trim();
  const first = firstSentence(text, language);
  const more = first.length < text.length;
  return language === 'ja'
    ? `**⚠ 未確認:** ${escapeMarkdown(first)}${more ? `（${ENTRY[entry].ja}）` : ''}`
    : `**⚠ Unconfirmed:** ${escapeMarkdown(first)}${more ? escapeMarkdown(` (${ENTRY[entry].en})`) : ''}`;
}

/** Header lines (Markdown) as one block: hard line breaks keep them apart in the rendered card. */
export function headerBlock(lines: readonly string[]): string[] {
  return lines.map((line, index) => (index < lines.length - 1 ? `${line}  ` : line));
}

/** `- [title](https://…) — publisher, date` */
export function sourceLine(source: { readonly title: string; readonly url: string; readonly publisher?: string; readonly date?: string }): string {
  const detail = [source.publisher, source.date].filter(Boolean).join(', ');
  return `- ${markdownLink(source.title, source.url)}${detail ? ` — ${escapeMarkdown(detail)}` : ''}`;
}
