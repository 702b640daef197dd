/**
 * Quotations around a mention, for rules that must tell the writer's own words from a quoted title: the
 * quotation brackets that enclose a mention within its sentence or line, and whether the quoted text reads
 * as a document title. Everything here is bounded by a line, a sentence or a small window, so a rule that
 * calls it once per mention stays linear in the document.
 */

import type { DocumentModel } from '../document/model';
import { sentenceSpan } from '../document/sentences';
import { normalizedRange } from '../document/normalized';

/**
 * How far a line is read on each side of a mention (a bound for a megabyte on one line): no further than a
 * quotation is searched for, since every read of a line is clamped to that window.
 */
const LINE_WINDOW = 240;

/** The start of the line holding `offset`, or `offset - LINE_WINDOW` on a longer line. */
function lineStartOf(text: string, offset: number): number {
  const limit = Math.max(0, offset - LINE_WINDOW);
  for (let index = offset - 1; index >= limit; index--) {
    if (text.charCodeAt(index) === 0x0a) {
      return index + 1;
    }
  }
  return limit;
}

/** The end of the line holding `offset` (before any \r), or `offset + LINE_WINDOW` on a longer line. */
function lineEndOf(text: string, offset: number): number {
  const limit = Math.min(text.length, offset + LINE_WINDOW);
  let end = limit;
  for (let index = offset; index < limit; index++) {
    if (text.charCodeAt(index) === 0x0a) {
      end = index;
      break;
    }
  }
  return end > 0 && text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
}

// ---------------------------------------------------------------------------------------------------------
// Quotations

export type QuoteKind = 'kagi' | 'double-kagi' | 'double-quote';

export interface Quotation {
  readonly kind: QuoteKind;
  /** Offsets of the opening and the closing bracket. */
  readonly open: number;
  readonly close: number;
  /** The quoted text (between the brackets). */
  readonly inner: string;
}

const OPENERS: Readonly<Record<string, [QuoteKind, string]>> = { '「': ['kagi', '」'], '『': ['double-kagi', '』'], '“': ['double-quote', '”'] };
const CLOSERS: Readonly<Record<string, string>> = { '」': '「', '』': '『', '”': '“' };
/** How far a quotation is searched for on each side of a mention. */
const QUOTE_WINDOW = LINE_WINDOW;

/**
 * The quotations that enclose [start, end), innermost first: 「…」, 『…』, “…” and straight "…" pairs,
 * within the mention's line or wrapped sentence (titles do not span paragraphs).
 */
export function enclosingQuotations(model: DocumentModel, start: number, end: number): Quotation[] {
  const { text } = model;
  const [sentenceStart, sentenceEnd] = sentenceSpan(model, start, start);
  const from = Math.max(Math.min(lineStartOf(text, start), sentenceStart), start - QUOTE_WINDOW);
  const to = Math.min(Math.max(lineEndOf(text, end), sentenceEnd), end + QUOTE_WINDOW);
  const found: Quotation[] = [];
  const depth = new Map<string, number>();
  for (let index = start - 1; index >= from; index--) {
    const char = text[index];
    const opener = CLOSERS[char];
    if (opener) {
      depth.set(opener, (depth.get(opener) ?? 0) + 1);
      continue;
    }
    const pair = OPENERS[char];
    if (!pair) {
      continue;
    }
    const open = depth.get(char) ?? 0;
    if (open > 0) {
      depth.set(char, open - 1);
      continue;
    }
    const close = closingBracket(text, char, pair[1], end, to);
    if (close !== undefined) {
      found.push({ kind: pair[0], open: index, close, inner: text.slice(index + 1, close) });
    }
  }
  // Straight double quotes: an odd number of them before the mention on its line opens a quotation.
  const lineStart = Math.max(lineStartOf(text, start), from);
  let quotes = 0;
  let lastQuote = -1;
  for (let index = lineStart; index < start; index++) {
    if (text[index] === '"') {
      quotes++;
      lastQuote = index;
    }
  }
  if (quotes % 2 === 1) {
    const close = text.slice(end, Math.min(lineEndOf(text, end), to)).indexOf('"');
    if (close !== -1) {
      found.push({ kind: 'double-quote', open: lastQuote, close: end + close, inner: text.slice(lastQuote + 1, end + close) });
    }
  }
  return found.sort((a, b) => b.open - a.open);
}

function closingBracket(text: string, opener: string, closer: string, from: number, to: number): number | undefined {
  let depth = 0;
  for (let index = from; index < to; index++) {
    const char = text[index];
    if (char === opener) {
      depth++;
    } else if (char === closer) {
      if (depth === 0) {
        return index;
      }
      depth--;
    }
  }
  return undefined;
}

/** Trailing edition or date qualifiers of a title: （令和5年度版）, 第2版, 2024年度版 … */
const TITLE_QUALIFIERS = /(?:\s|[（(][^（）()]{0,30}[)）]|第[0-9０-９]+版|(?:令和|平成)[0-9０-９元]+年度?版?|[0-9０-９]{4}年度?版?|改訂版|案)+$/;
/**
 * The words a Japanese document title ends with (法案, 方針, ガイドライン, 基準, 報告書, 資料, 概要 …). A quoted
 * text ending in one of them is read as the title of a document, not as the writer's own words.
 */
const DOCUMENT_TYPE =
  /(?:法案|法律|方針|ガイドライン|指針|基準|基準群|報告書|報告|資料|概要|計画|戦略|要綱|要領|手引き?|手順書|マニュアル|ハンドブック|白書|通知|規程|規則|解説|とりまとめ|取りまとめ|ロードマップ|工程表|について|に関する検討会)$/;

/** Whether a quoted text reads as a document title (it ends with a document-type word). */
export function looksLikeDocumentTitle(inner: string): boolean {
  return DOCUMENT_TYPE.test(inner.trim().replace(TITLE_QUALIFIERS, ''));
}

/** A citation right after a quotation: 「…」（媒体名、2024年）, （2025年）, (Publisher, 2024). */
const CITATION_AFTER = /^\s*[(（](?:[^()（）]{1,30}[、,]\s*)?(?:19|20)\d{2}(?:年(?:\d{1,2}月(?:\d{1,2}日)?)?|[-/.]\d{1,2}(?:[-/.]\d{1,2})?)?[^()（）]{0,10}[)）]/;

/**
 * Whether a quotation is the title of a document or an article, whose wording is its own: anything in 『…』,
 * a quoted text ending with a document-type word, or a quotation followed by its citation (「…」（媒体名、2024年））.
 */
export function isCitedTitle(model: DocumentModel, quotation: Quotation): boolean {
  if (quotation.kind === 'double-kagi' || looksLikeDocumentTitle(quotation.inner)) {
    return true;
  }
  const after = quotation.close + 1;
  return CITATION_AFTER.test(normalizedRange(model, after, Math.min(model.text.length, after + 40)).text);
}
