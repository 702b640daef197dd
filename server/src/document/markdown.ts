/**
 * Markdown document model: the prose ranges of a Markdown file, at exact UTF-16 offsets.
 *
 * Written by hand rather than taken from a Markdown parser because the rules need exact offsets of every
 * inline span (code spans, link destinations, autolinks, comments), which markdown-it does not report,
 * and because it is a single linear pass (a 1 MB specification is segmented in a few milliseconds).
 * It follows CommonMark where it decides what is code or markup; everything it is unsure of is left
 * out of prose, since a missed hint costs less than a false finding inside code.
 *
 * Left out of prose: front matter markup (its keys and values become 'front-matter' segments), fenced
 * and indented code blocks, code spans, HTML comments and tags, autolinks, link destinations, link
 * reference definitions and bare URLs.
 */

import type { DocumentModel, MarkdownHeading, Segment, SegmentKind, TextRange } from './model';
import { BARE_URL } from './urls';
import { yamlSegments } from './yaml';

interface Line {
  readonly start: number;
  /** End of the line's content, before "\r\n" or "\n". */
  readonly end: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    if (newline === -1) {
      lines.push({ start, end: text.length });
      return lines;
    }
    lines.push({ start, end: newline > start && text.charCodeAt(newline - 1) === 0x0d ? newline - 1 : newline });
    start = newline + 1;
  }
}

/** A half-open range of the original text left out of prose. */
type Mask = [number, number];

const FENCE_OPEN = /^((?:[ \t]*>)*)[ \t]*(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const LIST_ITEM = /^[ \t]*([-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const BLOCKQUOTE_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)+/;
const TABLE_ROW = /^[ \t]*\|/;
const LINK_REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*(\S+)/;

/** Code spans in `text` as [start, end) offsets into it: a backtick run closed by a run of the same length. */
function findCodeSpans(text: string): Mask[] {
  const spans: Mask[] = [];
  if (!text.includes('`')) {
    return spans;
  }
  const runs = /`+/g;
  let open: RegExpExecArray | null;
  while ((open = runs.exec(text))) {
    const length = open[0].length;
    const closer = new RegExp(`(?<!\`)\`{${length}}(?!\`)`, 'g');
    closer.lastIndex = open.index + length;
    const close = closer.exec(text);
    if (close) {
      spans.push([open.index, close.index + length]);
      runs.lastIndex = close.index + length;
    }
  }
  return spans;
}

/** Masks inline markup in `text[start, end)`: code spans, comments, tags, autolinks, link targets, URLs. Returns the code spans. */
function inlineMasks(text: string, start: number, end: number, masks: Mask[]): Mask[] {
  const region = text.slice(start, end);
  // Code spans first: inside them nothing else is markup (CommonMark 6.1).
  const codeSpans = findCodeSpans(region).map(([s, e]): Mask => [start + s, start + e]);
  masks.push(...codeSpans);
  const insideCode = (offset: number) => codeSpans.some(([s, e]) => offset >= s && offset < e);

  const patterns: RegExp[] = [
    /<!--[\s\S]*?(?:-->|$)/g, // comment (an unclosed one runs to the end of the block)
    /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/g, // autolink
    /<[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>/g, // HTML tag
    /\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g, // link destination
    new RegExp(BARE_URL.source, 'g'), // bare URL
  ];
  for (const pattern of patterns) {
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(region))) {
      const matchStart = start + match.index;
      if (match[0].length === 0) {
        pattern.lastIndex += 1;
        continue;
      }
      if (!insideCode(matchStart)) {
        masks.push([matchStart, matchStart + match[0].length]);
      }
    }
  }
  return codeSpans;
}

/** Subtracts masks from [start, end) and appends what is left as segments. */
function addSegments(segments: Segment[], start: number, end: number, kind: SegmentKind, masks: readonly Mask[]) {
  let cursor = start;
  for (const [maskStart, maskEnd] of masks) {
    if (maskEnd <= cursor || maskStart >= end) {
      continue;
    }
    if (maskStart > cursor) {
      segments.push({ start: cursor, end: maskStart, kind });
    }
    cursor = Math.max(cursor, maskEnd);
  }
  if (cursor < end) {
    segments.push({ start: cursor, end, kind });
  }
}

interface BlockLine {
  readonly line: Line;
  /** The line's index, 0-based. */
  readonly index: number;
  /** Where the line's text starts, after block markers (>, list bullets, #). */
  readonly contentStart: number;
  readonly contentEnd: number;
  readonly kind: SegmentKind;
}

export function parseMarkdownDocument(text: string): DocumentModel {
  const lines = splitLines(text);
  const segments: Segment[] = [];
  let yaml: DocumentModel['yaml'] = [];
  let scalars: Segment[] = [];
  let frontMatter: TextRange | undefined;
  const code: TextRange[] = [];
  const codeSpans: TextRange[] = [];
  const headings: MarkdownHeading[] = [];
  let index = 0;

  // Front matter: "---" on the first line, closed by "---" or "...".
  if (lines.length > 1 && text.slice(lines[0].start, lines[0].end).trimEnd() === '---') {
    for (let close = 1; close < lines.length; close++) {
      const content = text.slice(lines[close].start, lines[close].end).trimEnd();
      if (content === '---' || content === '...') {
        const bodyStart = lines[1].start;
        const body = text.slice(bodyStart, lines[close].start);
        const parsed = yamlSegments(body, bodyStart, 'front-matter', 'front-matter');
        yaml = parsed.documents;
        scalars = parsed.scalars;
        frontMatter = { start: 0, end: lines[close].end };
        segments.push(...parsed.segments);
        index = close + 1;
        break;
      }
    }
  }

  let fence: { char: string; length: number; start: number } | undefined;
  let inComment = false;
  let previousBlank = true;
  let inIndentedCode = false;
  let inList = false;
  let paragraph: BlockLine[] = [];
  const commentMasks: Mask[] = [];
  const comments: TextRange[] = [];
  let openCommentStart = 0;

  const flush = () => {
    if (paragraph.length === 0) {
      return;
    }
    const masks: Mask[] = [...commentMasks];
    for (const [start, end] of inlineMasks(text, paragraph[0].contentStart, paragraph[paragraph.length - 1].contentEnd, masks)) {
      codeSpans.push({ start, end });
    }
    masks.sort((a, b) => a[0] - b[0]);
    for (const blockLine of paragraph) {
      addSegments(segments, blockLine.contentStart, blockLine.contentEnd, blockLine.kind, masks);
    }
    paragraph = [];
    commentMasks.length = 0;
  };

  for (; index < lines.length; index++) {
    const line = lines[index];
    const content = text.slice(line.start, line.end);

    if (fence) {
      const closing = FENCE_OPEN.exec(content);
      if (closing && closing[2][0] === fence.char && closing[2].length >= fence.length && closing[3].trim() === '') {
        code.push({ start: fence.start, end: line.end });
        fence = undefined;
      }
      continue;
    }

    if (inComment) {
      const close = content.indexOf('-->');
      if (close === -1) {
        continue;
      }
      inComment = false;
      commentMasks.push([line.start, line.start + close + 3]);
      comments.push({ start: openCommentStart, end: line.start + close + 3 });
    }

    if (content.trim() === '') {
      flush();
      previousBlank = true;
      continue;
    }

    const fenceOpen = FENCE_OPEN.exec(content);
    if (fenceOpen && !(fenceOpen[2][0] === '`' && fenceOpen[3].includes('`'))) {
      flush();
      fence = { char: fenceOpen[2][0], length: fenceOpen[2].length, start: line.start };
      previousBlank = false;
      continue;
    }

    const indent = /^[ \t]*/.exec(content)![0];
    const indentWidth = indent.replace(/\t/g, '    ').length;
    if (indentWidth >= 4 && !inList && (previousBlank || inIndentedCode) && paragraph.length === 0) {
      inIndentedCode = true;
      code.push({ start: line.start, end: line.end });
      continue;
    }
    inIndentedCode = false;

    // An HTML comment that opens on this line and does not close continues on the next lines.
    // "<!--" inside a code span on the line is code, not a comment.
    const lineCodeSpans = findCodeSpans(content);
    let searchFrom = 0;
    for (;;) {
      const commentOpen = content.indexOf('<!--', searchFrom);
      if (commentOpen === -1) {
        break;
      }
      const inCode = lineCodeSpans.find(([spanStart, spanEnd]) => commentOpen >= spanStart && commentOpen < spanEnd);
      if (inCode) {
        searchFrom = inCode[1];
        continue;
      }
      const commentClose = content.indexOf('-->', commentOpen + 4);
      if (commentClose === -1) {
        commentMasks.push([line.start + commentOpen, line.end]);
        inComment = true;
        openCommentStart = line.start + commentOpen;
        break;
      }
      commentMasks.push([line.start + commentOpen, line.start + commentClose + 3]);
      comments.push({ start: line.start + commentOpen, end: line.start + commentClose + 3 });
      searchFrom = commentClose + 3;
    }

    // Under a paragraph, "---" underlines a heading rather than breaking (CommonMark 4.3).
    if (SETEXT_UNDERLINE.test(content) && paragraph.length > 0) {
      for (let i = 0; i < paragraph.length; i++) {
        paragraph[i] = { ...paragraph[i], kind: 'heading' };
      }
      // A setext heading of plain lines (not quoted, not a list item) is a section of the outline.
      if (paragraph.every((blockLine) => !/^[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t])/.test(text.slice(blockLine.line.start, blockLine.line.end)))) {
        const first = paragraph[0];
        const last = paragraph[paragraph.length - 1];
        headings.push({
          level: content.trim().startsWith('=') ? 1 : 2,
          firstLine: first.index,
          lastLine: index,
          textStart: first.contentStart + /^[ \t]*/.exec(text.slice(first.contentStart, first.contentEnd))![0].length,
          textEnd: last.contentStart + text.slice(last.contentStart, last.contentEnd).trimEnd().length,
        });
      }
      flush();
      previousBlank = false;
      continue;
    }

    if (LINK_REFERENCE_DEFINITION.test(content) || THEMATIC_BREAK.test(content)) {
      flush();
      previousBlank = false;
      continue;
    }

    const quote = BLOCKQUOTE_PREFIX.exec(content);
    let contentStart = line.start + (quote ? quote[0].length : 0);
    const afterQuote = text.slice(contentStart, line.end);

    const heading = ATX_HEADING.exec(afterQuote);
    if (heading) {
      flush();
      const closingHashes = /[ \t]+#+[ \t]*$/.exec(afterQuote);
      const headingEnd = closingHashes ? contentStart + closingHashes.index : line.end;
      const textStart = contentStart + heading[0].length;
      if (!quote) {
        headings.push({
          level: heading[1].length,
          firstLine: index,
          lastLine: index,
          textStart,
          textEnd: Math.max(textStart, textStart + text.slice(textStart, headingEnd).trimEnd().length),
        });
      }
      paragraph.push({ line, index, contentStart: textStart, contentEnd: headingEnd, kind: 'heading' });
      flush();
      previousBlank = false;
      inList = false;
      continue;
    }

    const listItem = LIST_ITEM.exec(afterQuote);
    if (listItem) {
      inList = true;
      contentStart += listItem[0].length;
    } else if (indentWidth === 0 && !quote) {
      inList = false;
    }

    if (TABLE_ROW.test(afterQuote)) {
      // Each table row is its own block: a code span never spans rows.
      flush();
      paragraph.push({ line, index, contentStart, contentEnd: line.end, kind: 'table' });
      flush();
      previousBlank = false;
      continue;
    }

    if (listItem) {
      flush();
    }
    paragraph.push({ line, index, contentStart, contentEnd: line.end, kind: 'prose' });
    previousBlank = false;
  }
  flush();

  if (fence) {
    code.push({ start: fence.start, end: text.length });
  }
  return {
    kind: 'markdown',
    text,
    segments,
    scalars,
    yaml,
    comments,
    markdown: { lines, frontMatter, code, codeSpans: codeSpans.sort((a, b) => a.start - b.start), headings },
  };
}
