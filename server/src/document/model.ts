/**
 * The document model every feature reads: which ranges of the original text are prose (and so are scanned
 * for terms and checked by prose rules), and what structure the document has.
 */

import type { Document } from 'yaml';

export type DocumentKind = 'markdown' | 'yaml';

export type SegmentKind =
  /** Markdown paragraph, list item or blockquote text. */
  | 'prose'
  | 'heading'
  | 'table'
  /** A key or scalar value of Markdown front matter. */
  | 'front-matter'
  | 'yaml-key'
  | 'yaml-value';

/** A range `[start, end)` of the original text, in UTF-16 offsets. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly kind: SegmentKind;
  /** YAML and front matter: the keys above this scalar, outermost first (a key's own path excludes itself). */
  readonly keyPath?: readonly string[];
}

export interface DocumentModel {
  readonly kind: DocumentKind;
  readonly text: string;
  /** Scannable ranges in document order; code, URLs, comments and markup are left out. */
  readonly segments: readonly Segment[];
  /** Every key and scalar value of the front matter or YAML file, whole (URLs included), for structured reads. */
  readonly scalars: readonly Segment[];
  /** Markdown front matter or the YAML documents of a YAML file, parsed with source ranges. */
  readonly yaml: readonly Document.Parsed[];
  /** Comments outside code — HTML comments in Markdown, `#` comments in YAML — where directives live. */
  readonly comments: readonly TextRange[];
  /** Markdown only: the block structure found by the same pass (outline, links, code tests). */
  readonly markdown?: MarkdownStructure;
}

export interface MarkdownHeading {
  readonly level: number;
  /** First and last line (a setext heading's underline included), 0-based. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The heading text, markers and closing hashes left out (empty for an empty heading). */
  readonly textStart: number;
  readonly textEnd: number;
}

export interface MarkdownStructure {
  /** Every line: its start and the end of its content (before "\r\n" or "\n"). */
  readonly lines: readonly TextRange[];
  /** The front matter block, "---" lines included. */
  readonly frontMatter?: TextRange;
  /** Fenced code blocks (fences included) and indented code lines, in document order. */
  readonly code: readonly TextRange[];
  /** Code spans, in document order. */
  readonly codeSpans: readonly TextRange[];
  /** Headings outside blockquotes and list items, in document order. */
  readonly headings: readonly MarkdownHeading[];
}

/** A range `[start, end)` of the original text. */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** Picks the model by language id, falling back to the file extension (some clients send no language id). */
export function documentKindOf(languageId: string | undefined, uri: string): DocumentKind {
  if (languageId === 'yaml') {
    return 'yaml';
  }
  if (languageId === 'markdown') {
    return 'markdown';
  }
  return /\.ya?ml$/i.test(uri) ? 'yaml' : 'markdown';
}
