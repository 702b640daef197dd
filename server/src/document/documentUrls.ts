/** The URLs a document gives as addresses, read as URLs (they are left out of the prose segments). */

import type { DocumentModel, TextRange } from './model';
import { BARE_URL, inSortedRanges, trimUrl } from './urls';
import { yamlComments } from './yaml';

/** A URL written in a document: a bare URL, a link destination, an autolink or a YAML value. */
export interface DocumentUrl {
  readonly start: number;
  readonly end: number;
  /** The URL as written (trailing sentence punctuation and an unbalanced closing parenthesis left out). */
  readonly url: string;
}

/**
 * Every URL the document gives as an address — in prose, link destinations, autolinks, table cells, headings,
 * front matter and YAML values — in document order. URLs in code (fenced and indented blocks, code spans),
 * raw HTML blocks and comments are examples or markup, not addresses the document gives, and are left out.
 */
export function documentUrls(model: DocumentModel): DocumentUrl[] {
  const { text } = model;
  const frontMatter = model.markdown?.frontMatter;
  // The model's comments are Markdown's; a `#` comment in the front matter is a comment too.
  const frontMatterComments = frontMatter
    ? yamlComments(text.slice(frontMatter.start, frontMatter.end)).map((range) => ({ start: range.start + frontMatter.start, end: range.end + frontMatter.start }))
    : [];
  const skipped: TextRange[] = [
    ...model.comments,
    ...frontMatterComments,
    ...(model.markdown ? [...model.markdown.code, ...model.markdown.html, ...model.markdown.codeSpans] : []),
  ].sort((a, b) => a.start - b.start);
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
  // A view reads its own part only (a URL starting in it may run on; URLs do not cross a heading line).
  const part = model.part ?? { start: 0, end: text.length };
  pattern.lastIndex = part.start;
  for (let match = pattern.exec(text); match && match.index < part.end; match = pattern.exec(text)) {
    if (inSortedRanges(disjoint, match.index)) {
      continue;
    }
    const url = trimUrl(match[0]);
    urls.push({ start: match.index, end: match.index + url.length, url });
  }
  return urls;
}
