/**
 * The document model every rule, feature and the context read: which ranges of the original text are prose
 * (and so are scanned for terms and checked by prose rules), and the block each range belongs to (heading
 * path, list item, table cell with its header, quote depth, example block). Built once per document version;
 * nothing else parses Markdown or YAML syntax.
 */

import type { Document } from 'yaml';

export type DocumentKind = 'markdown' | 'yaml';

export type SegmentKind =
  /** Markdown paragraph text: in a paragraph, list item or blockquote. */
  | 'prose'
  | 'heading'
  /** A Markdown table cell. */
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
  /** Markdown: the block (paragraph, heading, table cell) this range belongs to. */
  readonly block?: Block;
}

/** A section of a Markdown document: a heading and everything up to the next heading of the same or a higher level. */
export interface Section {
  readonly level: number;
  /** The heading text as written (markers left out). */
  readonly title: string;
  readonly parent: Section | undefined;
}

export interface ListItem {
  /** First and last line of the item (0-based, trailing blank lines left out). */
  readonly firstLine: number;
  readonly lastLine: number;
  readonly ordered: boolean;
  /** Nesting depth, 1 for a top-level item. */
  readonly depth: number;
  readonly parent: ListItem | undefined;
}

export interface TableCell {
  /** 0-based row within the table; the header row is 0. */
  readonly row: number;
  readonly column: number;
  readonly header: boolean;
  /** The text of this column's header cell. */
  readonly headerText: string;
  /** The line of this row. */
  readonly line: number;
  /** The table's first and last line. */
  readonly tableFirstLine: number;
  readonly tableLastLine: number;
}

/** A block of inline content: a paragraph, a heading or a table cell. */
export interface Block {
  readonly kind: 'paragraph' | 'heading' | 'table-cell';
  /** The block's text: from its first content character to its last, container markers of inner lines included. */
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
  readonly lastLine: number;
  /** The section the block is in (a heading's own section is its parent's). */
  readonly section: Section | undefined;
  /** A heading block: its level. */
  readonly level?: number;
  readonly quoteDepth: number;
  /** The innermost list item holding the block. */
  readonly listItem: ListItem | undefined;
  readonly table: TableCell | undefined;
  /** Inside a block marked as a bad example (悪い例, NG例, 誤りの例, ❌, × …): nothing in it is a claim. */
  readonly example: boolean;
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
  /** Ranges marked as bad examples (whole blocks, their marker included), in document order. */
  readonly examples: readonly TextRange[];
  /** Markdown only: the block structure found by the same parse (outline, links, code tests). */
  readonly markdown?: MarkdownStructure;
  /**
   * A view of one section of the document (./view.ts): the part it covers. Its segments, blocks and ranges
   * are that part's; `text` and offsets stay the whole document's.
   */
  readonly part?: TextRange;
  /** Set when the document is longer than the checking limit: `text` is its first `checkedLength` units. */
  readonly truncated?: { readonly checkedLength: number; readonly totalLength: number };
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
  /** Every line: its start and the end of its content (before "\r\n", "\n" or "\r"). */
  readonly lines: readonly TextRange[];
  /** The front matter block, "---" lines included. */
  readonly frontMatter?: TextRange;
  /** Fenced code blocks (fences included) and indented code blocks, in document order. */
  readonly code: readonly TextRange[];
  /** Raw HTML blocks (`<pre>`, `<script>`, `<div>` …, comments included), in document order. */
  readonly html: readonly TextRange[];
  /** Code spans, in document order. */
  readonly codeSpans: readonly TextRange[];
  /** Headings outside blockquotes and list items, in document order. */
  readonly headings: readonly MarkdownHeading[];
  /** Paragraphs, headings and table cells in document order. */
  readonly blocks: readonly Block[];
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

/** The headings above a block, outermost first. */
export function headingPath(section: Section | undefined): string[] {
  const path: string[] = [];
  for (let current = section; current; current = current.parent) {
    path.unshift(current.title);
  }
  return path;
}
