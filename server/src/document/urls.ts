/** URLs in text: addresses, not prose, so the document models leave them out of the scanned segments. */

import type { DocumentModel, TextRange } from './model';

/** A bare URL (http, https, ftp or www.), up to white space or Japanese punctuation. */
export const BARE_URL = /\b(?:https?|ftp):\/\/[^\s<>"'`「」『』（）【】、。，]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"'`「」『』（）【】、。，]+/g;

/** A URL written in a document: a bare URL, a link destination, an autolink or a YAML value. */
export interface DocumentUrl {
  readonly start: number;
  readonly end: number;
  /** The URL as written (trailing sentence punctuation and an unbalanced closing parenthesis left out). */
  readonly url: string;
}

/** Trailing characters that end the sentence or the Markdown around a URL rather than belong to it. */
const TRAILING = /[.,;:!?*_~]+$/;

/** Whether `offset` falls in one of the ordered, non-overlapping `ranges` (binary search). */
export function inSortedRanges(ranges: readonly TextRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (offset < ranges[middle].start) {
      high = middle - 1;
    } else if (offset >= ranges[middle].end) {
      low = middle + 1;
    } else {
      return true;
    }
  }
  return false;
}

/**
 * `url` without what closes the Markdown or the sentence around it: `](https://a/b)を参照`, `https://a/b。`,
 * `(https://a/b).`. BARE_URL runs on up to white space, so Japanese text written right after a URL is cut
 * here: at the first non-ASCII character (a percent-encoded path is ASCII) and at the first closing
 * parenthesis that no opening one in the URL balances.
 */
export function trimUrl(url: string): string {
  let trimmed = url.replace(/[^\x21-\x7e][\s\S]*$/, '');
  let depth = 0;
  for (let index = 0; index < trimmed.length; index++) {
    if (trimmed[index] === '(') {
      depth++;
    } else if (trimmed[index] === ')' && --depth < 0) {
      trimmed = trimmed.slice(0, index);
      break;
    }
  }
  return trimmed.replace(TRAILING, '');
}

/**
 * Every URL the document gives as an address — in prose, link destinations, autolinks, table cells, headings,
 * front matter and YAML values — in document order. URLs in code (fenced and indented blocks, code spans),
 * raw HTML blocks and comments are examples or markup, not addresses the document gives, and are left out.
 */
export function documentUrls(model: DocumentModel): DocumentUrl[] {
  const { text } = model;
  const skipped: TextRange[] = [...model.comments, ...(model.markdown ? [...model.markdown.code, ...model.markdown.html, ...model.markdown.codeSpans] : [])].sort(
    (a, b) => a.start - b.start,
  );
  // Merge overlapping ranges (an HTML block holds its comments) so the binary search sees ordered, disjoint ranges.
  const disjoint: TextRange[] = [];
  for (const range of skipped) {
    const last = disjoint[disjoint.length - 1];
    if (last && range.start <= last.end) {
      disjoint[disjoint.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    } else {
      disjoint.push(range);
    }
  }
  const urls: DocumentUrl[] = [];
  const pattern = new RegExp(BARE_URL.source, 'g');
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    if (inSortedRanges(disjoint, match.index)) {
      continue;
    }
    const url = trimUrl(match[0]);
    urls.push({ start: match.index, end: match.index + url.length, url });
  }
  return urls;
}
