/**
 * Document symbols (the outline), protocol-free: the sections of a Markdown spec — its headings, nested by
 * level, each spanning the text up to the next heading of the same or a higher level — and the top-level
 * and second-level keys of YAML (a YAML file, or a Markdown file's front matter). Offsets in, offsets out.
 *
 * Also the Markdown block scan shared with the link finder (links.ts): which lines are code (fenced and
 * indented code blocks) and which are headings (ATX and setext), following the same block rules as the
 * document model (server/src/document/markdown.ts), with one difference that CommonMark makes: a "---"
 * line right under a paragraph line underlines a level-2 heading.
 */

import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { DocumentAnalysis } from '../analysis';
import type { DocumentModel, TextRange } from '../document/model';

export interface DocumentSymbolItem {
  readonly name: string;
  readonly detail?: string;
  readonly kind: 'section' | 'key';
  /** The whole section or key with its value, [start, end) offsets. */
  readonly start: number;
  readonly end: number;
  /** The heading text or the key itself (inside [start, end)). */
  readonly selectionStart: number;
  readonly selectionEnd: number;
  readonly children: DocumentSymbolItem[];
}

// ---------------------------------------------------------------------------------------------------------
// Markdown block scan

interface Line {
  readonly start: number;
  /** End of the content, before "\r\n" or "\n". */
  readonly end: number;
}

export interface MarkdownHeading {
  readonly level: number;
  /** First and last line (the underline of a setext heading included), 0-based. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** The heading text (markers and closing hashes left out); empty for an empty heading. */
  readonly textStart: number;
  readonly textEnd: number;
}

export interface MarkdownBlocks {
  readonly lines: readonly Line[];
  /** The front matter block, "---" lines included. */
  readonly frontMatter?: TextRange;
  /** Fenced code blocks (fence lines included) and indented code blocks, whole lines. */
  readonly code: readonly TextRange[];
  /** Top-level headings (not those quoted in a blockquote or inside a list item), in document order. */
  readonly headings: readonly MarkdownHeading[];
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

const FENCE_OPEN = /^((?:[ \t]*>)*)[ \t]*(`{3,}|~{3,})(.*)$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}((\*[ \t]*){3,}|(-[ \t]*){3,}|(_[ \t]*){3,})$/;
const LIST_ITEM = /^[ \t]*([-+*]|\d{1,9}[.)])(?:[ \t]+|$)/;
const BLOCKQUOTE_PREFIX = /^(?:[ \t]{0,3}>[ \t]?)+/;
const TABLE_ROW = /^[ \t]*\|/;
const LINK_REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*(\S+)/;

/** Code spans of one line as [start, end) offsets into it: a backtick run closed by a run of the same length. */
export function codeSpansOf(text: string): [number, number][] {
  const spans: [number, number][] = [];
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

/** One linear pass over a Markdown text: front matter, code blocks and headings. */
export function markdownBlocks(text: string): MarkdownBlocks {
  const lines = splitLines(text);
  const code: TextRange[] = [];
  const headings: MarkdownHeading[] = [];
  let frontMatter: TextRange | undefined;
  let index = 0;

  if (lines.length > 1 && text.slice(lines[0].start, lines[0].end).trimEnd() === '---') {
    for (let close = 1; close < lines.length; close++) {
      const content = text.slice(lines[close].start, lines[close].end).trimEnd();
      if (content === '---' || content === '...') {
        frontMatter = { start: 0, end: lines[close].end };
        index = close + 1;
        break;
      }
    }
  }

  let fence: { char: string; length: number; start: number } | undefined;
  let inComment = false;
  let previousBlank = true;
  let indentedCode: TextRange | undefined;
  let inList = false;
  /** Lines of the current paragraph when it is a plain one (not quoted, not in a list), for setext headings. */
  let plain: number[] = [];
  /** The current block is a paragraph of any kind (a following indented line continues it). */
  let inParagraph = false;

  const endIndentedCode = () => {
    if (indentedCode) {
      code.push(indentedCode);
      indentedCode = undefined;
    }
  };
  const endParagraph = () => {
    plain = [];
    inParagraph = false;
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
      if (!content.includes('-->')) {
        continue;
      }
      inComment = false;
    }

    if (content.trim() === '') {
      endParagraph();
      previousBlank = true;
      continue;
    }

    const fenceOpen = FENCE_OPEN.exec(content);
    if (fenceOpen && !(fenceOpen[2][0] === '`' && fenceOpen[3].includes('`'))) {
      endIndentedCode();
      endParagraph();
      fence = { char: fenceOpen[2][0], length: fenceOpen[2].length, start: line.start };
      previousBlank = false;
      continue;
    }

    const indentWidth = /^[ \t]*/.exec(content)![0].replace(/\t/g, '    ').length;
    if (indentWidth >= 4 && !inList && (previousBlank || indentedCode) && !inParagraph) {
      indentedCode = indentedCode ? { start: indentedCode.start, end: line.end } : { start: line.start, end: line.end };
      previousBlank = false;
      continue;
    }
    endIndentedCode();

    // A comment that opens on this line and does not close hides the lines after it.
    const spans = codeSpansOf(content);
    for (let from = 0; ; ) {
      const open = content.indexOf('<!--', from);
      if (open === -1) {
        break;
      }
      const inCode = spans.find(([spanStart, spanEnd]) => open >= spanStart && open < spanEnd);
      if (inCode) {
        from = inCode[1];
        continue;
      }
      const close = content.indexOf('-->', open + 4);
      if (close === -1) {
        inComment = true;
        break;
      }
      from = close + 3;
    }

    if (SETEXT_UNDERLINE.test(content) && plain.length > 0) {
      const first = lines[plain[0]];
      const last = lines[plain[plain.length - 1]];
      const leading = /^[ \t]*/.exec(text.slice(first.start, first.end))![0].length;
      const textEnd = last.start + text.slice(last.start, last.end).trimEnd().length;
      headings.push({
        level: content.trim().startsWith('=') ? 1 : 2,
        firstLine: plain[0],
        lastLine: index,
        textStart: first.start + leading,
        textEnd,
      });
      endParagraph();
      previousBlank = false;
      continue;
    }

    if (LINK_REFERENCE_DEFINITION.test(content) || THEMATIC_BREAK.test(content)) {
      endParagraph();
      previousBlank = false;
      continue;
    }

    const quote = BLOCKQUOTE_PREFIX.exec(content);
    const afterQuote = quote ? content.slice(quote[0].length) : content;
    const heading = ATX_HEADING.exec(afterQuote);
    if (heading) {
      endParagraph();
      if (!quote) {
        const closingHashes = /[ \t]+#+[ \t]*$|^#+[ \t]*$/.exec(content.slice(heading[0].length));
        const textStart = line.start + heading[0].length;
        const rawEnd = closingHashes ? textStart + closingHashes.index : line.end;
        const textEnd = textStart + text.slice(textStart, Math.max(textStart, rawEnd)).trimEnd().length;
        headings.push({ level: heading[1].length, firstLine: index, lastLine: index, textStart, textEnd });
      }
      previousBlank = false;
      inList = false;
      continue;
    }

    const listItem = LIST_ITEM.exec(afterQuote);
    if (listItem) {
      inList = true;
    } else if (indentWidth === 0 && !quote) {
      inList = false;
    }

    if (TABLE_ROW.test(afterQuote)) {
      endParagraph();
      previousBlank = false;
      continue;
    }

    if (listItem || quote || inList) {
      plain = [];
    } else if (!inParagraph || plain.length > 0) {
      plain.push(index);
    }
    inParagraph = true;
    previousBlank = false;
  }
  if (fence) {
    code.push({ start: fence.start, end: text.length });
  }
  endIndentedCode();
  return { lines, frontMatter, code, headings };
}

// ---------------------------------------------------------------------------------------------------------
// Symbols

/** The offset where the model's YAML starts (a Markdown file's front matter begins after its "---" line). */
function yamlShift(model: DocumentModel): number {
  return model.kind === 'markdown' ? model.text.indexOf('\n') + 1 : 0;
}

const MAX_DETAIL = 60;

function detailOf(value: unknown): string | undefined {
  if (isScalar(value)) {
    if (value.value === null || value.value === undefined) {
      return undefined;
    }
    const text = String(value.value instanceof Date ? value.value.toISOString().slice(0, 10) : value.value).replace(/\s+/g, ' ').trim();
    return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
  }
  if (isSeq(value)) {
    return `${value.items.length} ${value.items.length === 1 ? 'item' : 'items'}`;
  }
  return undefined;
}

/** The keys of a YAML mapping, with the keys of their own mappings when `depth` allows. */
function keySymbols(text: string, map: unknown, shift: number, depth: number): DocumentSymbolItem[] {
  if (!isMap(map)) {
    return [];
  }
  const symbols: DocumentSymbolItem[] = [];
  for (const pair of map.items) {
    if (!isPair(pair) || !isScalar(pair.key) || !pair.key.range) {
      continue;
    }
    const key = pair.key;
    const value = pair.value as { range?: [number, number, number] } | null;
    const keyRange = key.range!;
    let end = Math.max(keyRange[1], value?.range ? value.range[1] : keyRange[1]);
    // A block value's range runs past its last line end.
    while (end > keyRange[1] && /\s/.test(text[end - 1 + shift])) {
      end -= 1;
    }
    const name = String(key.value);
    symbols.push({
      name: name === '' ? '""' : name,
      detail: detailOf(pair.value),
      kind: 'key',
      start: keyRange[0] + shift,
      end: end + shift,
      selectionStart: keyRange[0] + shift,
      selectionEnd: keyRange[1] + shift,
      children: depth > 1 ? keySymbols(text, pair.value, shift, depth - 1) : [],
    });
  }
  return symbols;
}

function yamlSymbols(text: string, documents: readonly Document.Parsed[], shift: number): DocumentSymbolItem[] {
  return documents.flatMap((document) => keySymbols(text, document.contents, shift, 2));
}

/** Where a section ends: the end of its last non-blank line before `nextLine` (never before its heading). */
function sectionEnd(text: string, lines: readonly Line[], heading: MarkdownHeading, nextLine: number): number {
  let last = nextLine - 1;
  while (last > heading.lastLine && text.slice(lines[last].start, lines[last].end).trim() === '') {
    last -= 1;
  }
  return lines[last].end;
}

function markdownSymbols(model: DocumentModel): DocumentSymbolItem[] {
  const { text } = model;
  const blocks = markdownBlocks(text);
  const { lines, headings } = blocks;
  const roots: DocumentSymbolItem[] = [];
  if (blocks.frontMatter && model.yaml.length > 0) {
    roots.push({
      name: 'front matter',
      kind: 'section',
      start: blocks.frontMatter.start,
      end: blocks.frontMatter.end,
      selectionStart: 0,
      selectionEnd: lines[0].end,
      children: yamlSymbols(text, model.yaml, yamlShift(model)),
    });
  }
  const stack: { level: number; symbol: DocumentSymbolItem }[] = [];
  headings.forEach((heading, index) => {
    // The section runs to the next heading of the same or a higher level.
    let next = lines.length;
    for (let later = index + 1; later < headings.length; later++) {
      if (headings[later].level <= heading.level) {
        next = headings[later].firstLine;
        break;
      }
    }
    const headingText = text.slice(heading.textStart, heading.textEnd).replace(/[ \t]*\r?\n[ \t]*/g, ' ');
    const empty = heading.textEnd <= heading.textStart;
    const firstLine = lines[heading.firstLine];
    const symbol: DocumentSymbolItem = {
      name: empty ? '#'.repeat(heading.level) : headingText,
      kind: 'section',
      start: firstLine.start,
      end: sectionEnd(text, lines, heading, next),
      selectionStart: empty ? firstLine.start : heading.textStart,
      selectionEnd: empty ? firstLine.end : heading.textEnd,
      children: [],
    };
    while (stack.length > 0 && stack[stack.length - 1].level >= heading.level) {
      stack.pop();
    }
    (stack.length > 0 ? stack[stack.length - 1].symbol.children : roots).push(symbol);
    stack.push({ level: heading.level, symbol });
  });
  return roots;
}

/**
 * The outline: for Markdown, the front matter's keys (under "front matter") and the headings as nested
 * sections; for YAML, the top-level keys with their second-level keys. A scalar value is the key's detail
 * (shortened), a sequence its item count.
 */
export function documentSymbols(analysis: Pick<DocumentAnalysis, 'model'>): DocumentSymbolItem[] {
  const { model } = analysis;
  return model.kind === 'yaml' ? yamlSymbols(model.text, model.yaml, 0) : markdownSymbols(model);
}
