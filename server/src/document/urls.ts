/** URLs in text: addresses, not prose, so the document models leave them out of the scanned segments. */

import type { TextRange } from './model';

/**
 * A bare URL (http, https, ftp or www.): the characters RFC 3986 allows in a URI (unreserved, reserved and "%"
 * of percent-encoding), so it ends at the first one it does not — white space, <, >, ", a backquote, and any
 * non-ASCII character, Japanese included (「https://example.jp/を参照」 ends before を). The apostrophe, a
 * sub-delimiter, is left out too: in text it quotes the URL ('https://a.jp/'). Trailing sentence punctuation
 * is trimmed by trimUrl.
 */
export const BARE_URL = /\b(?:https?|ftp):\/\/[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+|\bwww\.[A-Za-z0-9-]+\.[A-Za-z0-9\-._~:/?#[\]@!$&()*+,;=%]+/g;

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
 * `(https://a/b).`. A URL that did not come from BARE_URL (a link destination, an autolink, a YAML value) may
 * still run on into Japanese text, so it is cut here too: at the first non-ASCII character (a percent-encoded
 * path is ASCII) and at the first closing parenthesis that no opening one in the URL balances.
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
