/**
 * Markdown document model: the prose of a Markdown file at exact UTF-16 offsets, with the block each range
 * belongs to.
 *
 * Block structure comes from markdown-it's CommonMark block parser (GFM tables on): containers nested to any
 * depth, fences in list items and quotes, indented code, HTML blocks, reference definitions. markdown-it was
 * chosen over micromark/mdast for speed — its block pass over the 1 MB benchmark spec takes about 13 ms,
 * mdast-util-from-markdown about 1 s — and because its line maps are all the model needs from it. Its block
 * tokens carry no column offsets, so each content line is placed back on its source line here (content is the
 * line's tail after container markers). Inline masking (code spans, comments, tags, autolinks, link
 * destinations, bare URLs) stays hand-written in ./inline.ts: markdown-it reports no inline offsets, and one
 * pass over the few characters that open markup is cheaper than its inline parser;
 * test/unit/commonmark.test.ts checks both against micromark.
 *
 * Left out of prose: front matter markup (its keys and values become 'front-matter' segments), code blocks,
 * code spans, HTML comments and tags, autolinks, link destinations, link reference definitions, table
 * delimiter rows and bare URLs. Of an HTML block, the text a reader sees is prose: paragraphs and table cells
 * read by ./htmlText.ts.
 */

import MarkdownIt from 'markdown-it';
import { exampleFlags, exampleRanges, NO_EXAMPLE, type ExampleCandidate, type ExampleState } from './examples';
import { commonEnds, detach, type CommonEnds } from '../text/edit';
import { firstStartingAt } from './ranges';
import type { Block, DocumentModel, ListItem, MarkdownHeading, Section, Segment, SegmentKind, TableCell, TextRange } from './model';
import { htmlBlockRuns } from './htmlText';
import { inlineMarkup, type Mask } from './inline';
import { yamlSegments } from './yaml';

/** Containers may nest deeply in real documents; markdown-it's CommonMark preset stops at 20 levels. */
const MAX_NESTING = 1000;

const parser = new MarkdownIt('commonmark', { html: true, maxNesting: MAX_NESTING }).enable('table');

/**
 * markdown-it tries its table rule before every other block rule, so `- a | b`, `> a | b` or `# a | b` over a
 * delimiter row becomes a table whose first cell holds the marker. In GFM the list item, quote or heading
 * comes first (a table in a list item starts inside it). The table rule here declines a header line where
 * a rule that may interrupt a blockquote paragraph (fence, quote, rule, list, HTML block, heading) starts.
 */
const gfmTable = new MarkdownIt('zero').enable('table').disable('paragraph').block.ruler.getRules('')[0];
parser.block.ruler.at('table', (state, startLine, endLine, silent) => {
  if (!gfmTable(state, startLine, endLine, true)) {
    return false;
  }
  if (parser.block.ruler.getRules('blockquote').some((rule) => rule(state, startLine, endLine, true))) {
    return false;
  }
  return gfmTable(state, startLine, endLine, silent);
  // A table may interrupt a paragraph or end a reference definition, as markdown-it's own rule does.
}, { alt: ['paragraph', 'reference'] });

/** Lines split at "\r\n", "\n" or "\r" (CommonMark line endings); `end` is before the line ending. */
export function splitLines(text: string): TextRange[] {
  const lines: TextRange[] = [];
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0a || code === 0x0d) {
      lines.push({ start, end: index });
      if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) {
        index++;
      }
      start = index + 1;
    }
  }
  lines.push({ start, end: text.length });
  return lines;
}

/** HTML comments in an HTML block; one left open runs to the block's end, as the block does. */
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

/** Subtracts masks from [start, end) and appends what is left as segments. */
function addSegments(segments: Segment[], start: number, end: number, kind: SegmentKind, block: Block, masks: readonly Mask[]) {
  let cursor = start;
  for (const [maskStart, maskEnd] of masks) {
    if (maskEnd <= cursor || maskStart >= end) {
      continue;
    }
    if (maskStart > cursor) {
      segments.push({ start: cursor, end: maskStart, kind, block });
    }
    cursor = Math.max(cursor, maskEnd);
  }
  if (cursor < end) {
    segments.push({ start: cursor, end, kind, block });
  }
}

/** Trailing spaces and tabs (markdown-it trims a block's last line). */
function trimEndOffset(text: string, start: number, end: number): number {
  while (end > start && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x09)) {
    end--;
  }
  return end;
}

/**
 * Where `part` (a content line as markdown-it gives it: the line's tail after container markers, perhaps
 * trimmed) stands on `line`, leading white space left out: tabs in a container prefix come back from
 * markdown-it as spaces.
 */
function placeOnLine(text: string, line: TextRange, part: string): TextRange | undefined {
  // Leading white space of a content line is never prose (and a tab there may be half a container marker).
  const candidate = part.trimStart();
  if (candidate === '') {
    return undefined;
  }
  for (const end of [line.end, trimEndOffset(text, line.start, line.end)]) {
    const start = end - candidate.length;
    if (start >= line.start && text.startsWith(candidate, start)) {
      return { start, end };
    }
  }
  const at = text.slice(line.start, line.end).lastIndexOf(part.trim());
  return at === -1 ? undefined : { start: line.start + at, end: line.start + at + part.trim().length };
}

/** The cells of a table row line, as ranges of their trimmed text (split at pipes not escaped by a backslash). */
function tableCells(text: string, line: TextRange, contentStart: number): TextRange[] {
  const cells: TextRange[] = [];
  let cellStart = contentStart;
  const push = (from: number, to: number) => {
    while (from < to && /\s/.test(text[from])) {
      from++;
    }
    to = trimEndOffset(text, from, to);
    cells.push({ start: from, end: to });
  };
  let index = contentStart;
  // A leading pipe opens the first cell; a trailing one closes the last.
  while (index < line.end && (text[index] === ' ' || text[index] === '\t')) {
    index++;
  }
  if (text[index] === '|') {
    cellStart = index + 1;
    index++;
  }
  for (; index < line.end; index++) {
    if (text[index] === '\\') {
      index++;
    } else if (text[index] === '|') {
      push(cellStart, index);
      cellStart = index + 1;
    }
  }
  if (text.slice(cellStart, line.end).trim() !== '') {
    push(cellStart, line.end);
  }
  return cells;
}

interface ContainerFrame {
  readonly kind: 'quote' | 'list' | 'item';
  readonly id: number;
  readonly item?: ListItem;
  /** Blocks seen inside so far (the first one may mark the container as an example). */
  blocks: number;
}

/** What one pass over markdown-it's block tokens yields (offsets and lines those of the whole document). */
interface BlockReading {
  readonly segments: Segment[];
  readonly code: TextRange[];
  readonly html: TextRange[];
  readonly codeSpans: TextRange[];
  readonly comments: TextRange[];
  readonly headings: MarkdownHeading[];
  /** The section each of `headings` opens. */
  readonly headingSections: Section[];
  readonly blocks: Block[];
  readonly candidates: ExampleCandidate[];
  /** The next free container id. */
  readonly nextContainerId: number;
}

/** What a re-parse after an edit needs of a parse besides the model (kept while the model lives). */
interface ParseRecord {
  readonly headingSections: readonly Section[];
  /** Where the example flags stood before each of those headings. */
  readonly examplesAtHeadings: readonly ExampleState[];
  readonly nextContainerId: number;
  /** Whether the text holds "]:" anywhere (a possible link reference definition, which reaches across sections). */
  readonly referenceColon: boolean;
}

const records = new WeakMap<DocumentModel, ParseRecord>();

/** markdown-it's block tokens of `source` ("\n" line ends), with line maps moved down by `lineOffset`. */
function blockTokens(source: string, lineOffset: number, firstLine = 0) {
  const state = new parser.block.State(source, parser, {}, []);
  if (firstLine < state.lineMax) {
    parser.block.tokenize(state, firstLine, state.lineMax);
  }
  if (lineOffset !== 0) {
    for (const token of state.tokens) {
      if (token.map) {
        token.map = [token.map[0] + lineOffset, token.map[1] + lineOffset];
      }
    }
  }
  const references: Record<string, unknown> = state.env.references ?? {};
  return { tokens: state.tokens, references };
}

/** "\r\n" and "\r" as "\n" (markdown-it's lines; their count is unchanged). */
const lineFeeds = (text: string) => (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);

export function parseMarkdownDocument(text: string): DocumentModel {
  const lines = splitLines(text);
  let frontMatterSegments: Segment[] = [];
  let yaml: DocumentModel['yaml'] = [];
  let scalars: Segment[] = [];
  let frontMatter: TextRange | undefined;
  let firstBodyLine = 0;

  // Front matter: "---" on the first line, closed by "---" or "...".
  if (lines.length > 1 && text.slice(lines[0].start, lines[0].end).trimEnd() === '---') {
    for (let close = 1; close < lines.length; close++) {
      const content = text.slice(lines[close].start, lines[close].end).trimEnd();
      if (content === '---' || content === '...') {
        const bodyStart = lines[1].start;
        const parsed = yamlSegments(text.slice(bodyStart, lines[close].start), bodyStart, 'front-matter', 'front-matter');
        yaml = parsed.documents;
        scalars = parsed.scalars;
        frontMatter = { start: 0, end: lines[close].end };
        frontMatterSegments = parsed.segments;
        firstBodyLine = close + 1;
        break;
      }
    }
  }

  // markdown-it works on "\n" lines; the line indices of its maps are those of `lines`.
  const { tokens, references } = blockTokens(lineFeeds(text), 0, firstBodyLine);
  const isDefined =
    Object.keys(references).length === 0 ? () => false : (label: string) => Object.hasOwn(references, parser.utils.normalizeReference(label));
  const reading = readBlocks(text, lines, tokens, isDefined, [], 0);
  const segments = [...frontMatterSegments, ...reading.segments].sort((a, b) => a.start - b.start);
  const { flags, atHeadings } = exampleFlags(reading.candidates);
  flags.forEach((flag, index) => {
    // Blocks are created here and not shared yet: flag them in place.
    (reading.blocks[index] as { example: boolean }).example = flag;
  });
  const model: DocumentModel = {
    kind: 'markdown',
    text,
    segments,
    scalars,
    yaml,
    comments: reading.comments.sort((a, b) => a.start - b.start),
    examples: exampleRanges(reading.blocks, flags, lines),
    markdown: {
      lines,
      frontMatter,
      code: reading.code,
      html: reading.html,
      codeSpans: reading.codeSpans.sort((a, b) => a.start - b.start),
      headings: reading.headings,
      blocks: reading.blocks,
    },
  };
  records.set(model, {
    headingSections: reading.headingSections,
    examplesAtHeadings: atHeadings,
    nextContainerId: reading.nextContainerId,
    referenceColon: text.includes(']:'),
  });
  return model;
}

/**
 * Reads markdown-it's block tokens into blocks and segments. `openSections` are the sections open where the
 * tokens start (a re-parse starts after some headings); container ids start at `firstContainerId`.
 */
function readBlocks(
  text: string,
  lines: readonly TextRange[],
  tokens: ReturnType<typeof blockTokens>['tokens'],
  isDefined: (label: string) => boolean,
  openSections: readonly Section[],
  firstContainerId: number,
): BlockReading {
  const segments: Segment[] = [];
  const code: TextRange[] = [];
  const html: TextRange[] = [];
  const codeSpans: TextRange[] = [];
  const comments: TextRange[] = [];
  const headings: MarkdownHeading[] = [];
  const headingSections: Section[] = [];
  const blocks: Block[] = [];
  const candidates: ExampleCandidate[] = [];
  const lineRange = (first: number, last: number): TextRange => ({ start: lines[first].start, end: lines[last].end });
  const lastNonBlank = (first: number, end: number) => {
    let last = end - 1;
    while (last > first && text.slice(lines[last].start, lines[last].end).trim() === '') {
      last--;
    }
    return last;
  };

  const containers: ContainerFrame[] = [];
  let nextContainerId = firstContainerId;
  let quoteDepth = 0;
  let listItem: ListItem | undefined;
  const sections: Section[] = [...openSections];
  let table: { firstLine: number; lastLine: number; headers: string[]; row: number; id: number } | undefined;
  let rowCells: TextRange[] = [];
  let rowLine = 0;
  let column = 0;
  let inHead = false;

  /**
   * Records a block whose content lines stand at `parts`; `block.start`/`end` are set from them. Text of an
   * HTML block comes with its `masks` (no Markdown inline syntax there) and, in a table, its table's id.
   */
  const addBlock = (
    block: { -readonly [key in keyof Block]: Block[key] },
    parts: readonly (TextRange | undefined)[],
    kind: SegmentKind,
    blockText: string,
    html?: { readonly masks: readonly Mask[]; readonly table?: number },
  ) => {
    const placed = parts.filter((part): part is TextRange => part !== undefined);
    const blockStart = placed.length > 0 ? placed[0].start : block.start;
    const blockEnd = placed.length > 0 ? placed[placed.length - 1].end : block.end;
    block.start = blockStart;
    block.end = blockEnd;
    const finished: Block = block;
    let masks: readonly Mask[];
    if (html) {
      masks = html.masks;
    } else {
      const inline = inlineMarkup(text, placed, isDefined);
      masks = inline.masks;
      for (const [start, end] of inline.codeSpans) {
        codeSpans.push({ start, end });
      }
      for (const [start, end] of inline.comments) {
        comments.push({ start, end });
      }
    }
    for (const part of placed) {
      addSegments(segments, part.start, part.end, kind, finished, masks);
    }
    const outer = containers.find((frame) => frame.kind !== 'item');
    const owners = containers.filter((frame) => frame.kind !== 'list');
    const owner = owners[owners.length - 1];
    candidates.push({
      block: finished,
      text: blockText,
      container: html?.table !== undefined ? html.table : table ? table.id : outer ? outer.id : nextContainerId++,
      owners: owners.map((frame) => frame.id),
      firstOfOwner: owner ? owner.blocks === 0 : false,
    });
    if (owner) {
      owner.blocks++;
    }
    blocks.push(finished);
  };

  const section = () => sections[sections.length - 1];

  /** The next cell of the current row, with `content` as markdown-it reads it. */
  const addCell = (content: string) => {
    const cell = rowCells[column];
    if (inHead) {
      table!.headers[column] = content;
    }
    if (cell && cell.end > cell.start) {
      const tableCell: TableCell = {
        row: table!.row,
        column,
        header: inHead,
        headerText: table!.headers[column] ?? '',
        line: rowLine,
        tableFirstLine: table!.firstLine,
        tableLastLine: table!.lastLine,
      };
      const block: Block = {
        kind: 'table-cell',
        start: cell.start,
        end: cell.end,
        firstLine: rowLine,
        lastLine: rowLine,
        section: section(),
        quoteDepth,
        listItem,
        table: tableCell,
        example: false,
      };
      addBlock(block, [cell], 'table', content);
    }
    column++;
  };

  /** HTML comments in raw text that is not inline content (an HTML block, a cell GFM drops). */
  const addComments = (range: TextRange) => {
    const raw = text.slice(range.start, range.end);
    COMMENT.lastIndex = 0;
    for (let match = COMMENT.exec(raw); match; match = COMMENT.exec(raw)) {
      comments.push({ start: range.start + match.index, end: range.start + match.index + match[0].length });
    }
  };

  /** The visible text of an HTML block (content as markdown-it gives it, on lines [first, end)): paragraphs and table cells. */
  const addHtmlText = (content: string, first: number, end: number) => {
    if (!/[^\s]/.test(content.replace(COMMENT, ''))) {
      return;
    }
    const contentLines = content.split('\n').slice(0, end - first);
    const placed = contentLines.map((part, offset) => placeOnLine(text, lines[first + offset], part));
    // Each HTML table is a container of its own (a label before it marks the whole table).
    const tableIds = new Map<number, number>();
    for (const run of htmlBlockRuns(text, placed, first)) {
      let tableCell: TableCell | undefined;
      let tableId: number | undefined;
      if (run.cell) {
        const { table: htmlTable, ...cell } = run.cell;
        tableCell = cell;
        tableId = tableIds.get(htmlTable);
        if (tableId === undefined) {
          tableId = nextContainerId++;
          tableIds.set(htmlTable, tableId);
        }
      }
      const block: Block = {
        kind: tableCell ? 'table-cell' : 'paragraph',
        start: run.parts[0].start,
        end: run.parts[run.parts.length - 1].end,
        firstLine: run.firstLine,
        lastLine: run.lastLine,
        section: section(),
        quoteDepth,
        listItem,
        table: tableCell,
        example: false,
      };
      addBlock(block, run.parts, tableCell ? 'table' : 'prose', run.text, { masks: run.masks, table: tableId });
    }
  };

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    switch (token.type) {
      case 'blockquote_open':
        quoteDepth++;
        containers.push({ kind: 'quote', id: nextContainerId++, blocks: 0 });
        break;
      case 'blockquote_close':
        quoteDepth--;
        containers.pop();
        break;
      case 'bullet_list_open':
      case 'ordered_list_open':
        containers.push({ kind: 'list', id: nextContainerId++, blocks: 0 });
        break;
      case 'bullet_list_close':
      case 'ordered_list_close':
        containers.pop();
        break;
      case 'list_item_open': {
        const [first, end] = token.map!;
        const ordered = containers[containers.length - 1]?.kind === 'list' && token.markup !== '-' && token.markup !== '*' && token.markup !== '+';
        listItem = { firstLine: first, lastLine: lastNonBlank(first, end), ordered, depth: (listItem?.depth ?? 0) + 1, parent: listItem };
        containers.push({ kind: 'item', id: nextContainerId++, item: listItem, blocks: 0 });
        break;
      }
      case 'list_item_close':
        listItem = listItem?.parent;
        containers.pop();
        break;
      case 'fence':
      case 'code_block': {
        const [first, end] = token.map!;
        code.push(lineRange(first, Math.max(first, end - 1)));
        break;
      }
      case 'html_block': {
        const [first, end] = token.map!;
        const range = lineRange(first, lastNonBlank(first, end));
        html.push(range);
        addComments(range);
        addHtmlText(token.content, first, end);
        break;
      }
      case 'table_open': {
        const [first, end] = token.map!;
        table = { firstLine: first, lastLine: lastNonBlank(first, end), headers: [], row: -1, id: nextContainerId++ };
        break;
      }
      case 'table_close':
        table = undefined;
        break;
      case 'thead_open':
        inHead = true;
        break;
      case 'thead_close':
        inHead = false;
        break;
      case 'tr_open': {
        rowLine = token.map![0];
        table!.row++;
        column = 0;
        const line = lines[rowLine];
        // The row's text starts after the container markers: the first content character markdown-it kept.
        rowCells = tableCells(text, line, rowContentStart(text, line, quoteDepth, listItem !== undefined));
        break;
      }
      case 'tr_close':
        // Cells past the header's column count are dropped by GFM, but a comment there is still a directive.
        for (const extra of rowCells.slice(column)) {
          addComments(extra);
        }
        break;
      case 'th_open':
      case 'td_open': {
        const inline = tokens[index + 1];
        addCell(inline.type === 'inline' ? inline.content : '');
        break;
      }
      case 'heading_open': {
        const inline = tokens[index + 1];
        const [first, end] = token.map!;
        const level = Number(token.tag.slice(1));
        const setext = token.markup === '=' || token.markup === '-';
        let parts: (TextRange | undefined)[];
        if (setext) {
          parts = inline.content.split('\n').map((part, offset) => placeOnLine(text, lines[first + offset], part));
        } else {
          const line = lines[first];
          const hashes = text.indexOf('#', line.start);
          const afterHashes = hashes + token.markup.length;
          const at = inline.content === '' ? -1 : text.slice(afterHashes, line.end).indexOf(inline.content);
          parts = [at === -1 ? undefined : { start: afterHashes + at, end: afterHashes + at + inline.content.length }];
        }
        const placed = parts.filter((part): part is TextRange => part !== undefined);
        const textStart = placed.length > 0 ? placed[0].start : setext ? lines[first].start : Math.min(lines[first].end, text.indexOf('#', lines[first].start) + token.markup.length + 1);
        const textEnd = placed.length > 0 ? placed[placed.length - 1].end : textStart;
        const topLevel = quoteDepth === 0 && !listItem;
        if (topLevel) {
          headings.push({ level, firstLine: first, lastLine: end - 1, textStart, textEnd });
          while (sections.length > 0 && section()!.level >= level) {
            sections.pop();
          }
        }
        const block: Block = {
          kind: 'heading',
          start: textStart,
          end: textEnd,
          firstLine: first,
          lastLine: end - 1,
          section: section(),
          level,
          quoteDepth,
          listItem,
          table: undefined,
          example: false,
        };
        addBlock(block, parts, 'heading', inline.content);
        if (topLevel) {
          const opened: Section = { level, title: detach(inline.content), parent: section() };
          sections.push(opened);
          headingSections.push(opened);
        }
        index += 2;
        break;
      }
      case 'paragraph_open': {
        const inline = tokens[index + 1];
        const [first, end] = token.map!;
        const parts = inline.content.split('\n').map((part, offset) => (first + offset < end ? placeOnLine(text, lines[first + offset], part) : undefined));
        const block: Block = {
          kind: 'paragraph',
          start: lines[first].start,
          end: lines[end - 1].end,
          firstLine: first,
          lastLine: end - 1,
          section: section(),
          quoteDepth,
          listItem,
          table: undefined,
          example: false,
        };
        addBlock(block, parts, 'prose', inline.content);
        index += 2;
        break;
      }
      default:
        break;
    }
  }

  return { segments, code, html, codeSpans, comments, headings, headingSections, blocks, candidates, nextContainerId };
}

/** Where a table row's text starts on its line: after `quoteDepth` quote markers and, in a list item, its indentation. */
function rowContentStart(text: string, line: TextRange, quoteDepth: number, inListItem: boolean): number {
  let index = line.start;
  for (let depth = 0; depth < quoteDepth; depth++) {
    const marker = text.indexOf('>', index);
    if (marker === -1 || marker >= line.end) {
      break;
    }
    index = marker + 1;
  }
  if (inListItem) {
    const item = /^[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+/.exec(text.slice(index, line.end));
    if (item && !item[0].trimEnd().endsWith('|')) {
      index += item[0].length;
    }
  }
  return index;
}

/** The index of the line starting at `offset` (a section start), by binary search; -1 if none does. */
function lineStartingAt(lines: readonly TextRange[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle].start < offset) {
      low = middle + 1;
    } else if (lines[middle].start > offset) {
      high = middle - 1;
    } else {
      return middle;
    }
  }
  return -1;
}

const isAtxHeading = (token: { type: string; markup: string; level: number } | undefined) => token?.type === 'heading_open' && token.level === 0 && token.markup.startsWith('#');

const shiftRange = (range: TextRange, by: number): TextRange => ({ start: range.start + by, end: range.end + by });

/**
 * The model of `text`, an edited version of the document `previous` models, with only the sections the edit
 * touched parsed again (a section runs from a top-level ATX heading to the next: such a heading closes every
 * open block, so what follows it depends on it and the headings above only). The sections after the edit are
 * moved. Undefined when that cannot be sure to equal a full parse — front matter or a reference definition
 * involved, headings changed, an edit that runs on past its sections (an unclosed fence), a setext heading at
 * a cut, an example marker whose reach changed — and the caller parses the whole text.
 */
export function reparseMarkdownDocument(previous: DocumentModel, text: string, ends?: CommonEnds): DocumentModel | undefined {
  const record = records.get(previous);
  const old = previous.markdown;
  const oldText = previous.text;
  if (!record || !old || previous.truncated || record.referenceColon) {
    return undefined;
  }
  const { head, tail } = ends ?? commonEnds(oldText, text);
  // The old text has no "]:", so the new one has one only where the edit made it (a character either side included).
  if (text.slice(Math.max(0, head - 1), text.length - tail + 1).includes(']:')) {
    return undefined;
  }
  const changedEnd = oldText.length - tail;
  const delta = text.length - oldText.length;
  // The cut before the edit: the last section start before it (the document's start is one).
  let firstHeading = 0; // the first heading of the re-parsed part
  while (firstHeading < old.headings.length && old.lines[old.headings[firstHeading].firstLine].start < head) {
    firstHeading++;
  }
  firstHeading = Math.max(0, firstHeading - 1);
  const sectionStart = (index: number) => old.lines[old.headings[index].firstLine].start;
  const regionStart = old.headings.length > 0 && sectionStart(firstHeading) < head ? sectionStart(firstHeading) : 0;
  if (regionStart === 0) {
    firstHeading = 0;
  }
  // The cut after it: the first section start at or after the edit's end.
  let endHeading = firstHeading;
  while (endHeading < old.headings.length && (sectionStart(endHeading) < changedEnd || sectionStart(endHeading) <= regionStart)) {
    endHeading++;
  }
  const regionEndOld = endHeading < old.headings.length ? sectionStart(endHeading) : oldText.length;
  const atEnd = endHeading >= old.headings.length;
  if (regionStart === 0 && (old.frontMatter || /^---[ \t]*(?:\r\n?|\n|$)/.test(text))) {
    return undefined;
  }
  const regionEndNew = regionEndOld + delta;
  // The part must end with a line break, the next section's heading starting a line.
  if (!atEnd && !/[\r\n]$/.test(text.slice(Math.max(regionStart, regionEndNew - 1), regionEndNew))) {
    return undefined;
  }
  const firstLine = regionStart === 0 ? 0 : lineStartingAt(old.lines, regionStart);
  const endLineOld = atEnd ? old.lines.length : lineStartingAt(old.lines, regionEndOld);
  if (firstLine < 0 || endLineOld < 0) {
    return undefined;
  }

  // The part's lines (the last one, empty, is the next section's first when a section follows).
  const regionLines = splitLines(text.slice(regionStart, regionEndNew)).map((line) => shiftRange(line, regionStart));
  if (!atEnd) {
    regionLines.pop();
  }
  const lineDelta = regionLines.length - (endLineOld - firstLine);
  const lines = [
    ...old.lines.slice(0, firstLine),
    ...regionLines,
    ...old.lines.slice(endLineOld).map((line) => shiftRange(line, delta)),
  ];

  // Parse the part with the next section's heading line: it must still open a top-level section there.
  const nextLine = atEnd ? '' : text.slice(lines[endLineOld + lineDelta].start, lines[endLineOld + lineDelta].end);
  const { tokens: parsed } = blockTokens(lineFeeds(text.slice(regionStart, regionEndNew) + nextLine), firstLine);
  if (regionStart > 0 && !(isAtxHeading(parsed[0]) && parsed[0].map![0] === firstLine)) {
    return undefined;
  }
  let tokens = parsed;
  if (!atEnd) {
    const last = parsed.length - 3;
    if (!(last >= 0 && isAtxHeading(parsed[last]) && parsed[last].map![0] === firstLine + regionLines.length)) {
      return undefined;
    }
    tokens = parsed.slice(0, last);
  }

  const openSections: Section[] = [];
  for (let section = firstHeading > 0 && regionStart > 0 ? record.headingSections[firstHeading - 1] : undefined; section; section = section.parent) {
    openSections.unshift(section);
  }
  // The sections open before the part are those above its first heading (a sibling section closes on it).
  const reading = readBlocks(text, lines, tokens, () => false, openSections, record.nextContainerId);

  // The part's headings must be the old ones (the sections after it hang from them).
  const oldSections = record.headingSections.slice(firstHeading, endHeading);
  if (
    reading.headingSections.length !== oldSections.length ||
    reading.headingSections.some((section, index) => section.level !== oldSections[index].level || section.title !== oldSections[index].title)
  ) {
    return undefined;
  }
  const sameSection = new Map<Section, Section>(reading.headingSections.map((section, index) => [section, oldSections[index]]));
  for (const block of reading.blocks) {
    const mutable = block as { section: Section | undefined };
    mutable.section = (block.section && sameSection.get(block.section)) ?? block.section;
  }

  // The blocks after the part, moved.
  const movedItems = new Map<ListItem, ListItem>();
  const moveItem = (item: ListItem | undefined): ListItem | undefined => {
    if (!item) {
      return undefined;
    }
    let moved = movedItems.get(item);
    if (!moved) {
      moved = { ...item, firstLine: item.firstLine + lineDelta, lastLine: item.lastLine + lineDelta, parent: moveItem(item.parent) };
      movedItems.set(item, moved);
    }
    return moved;
  };
  const blocksAfter = old.blocks.slice(firstStartingAt(old.blocks, regionEndOld));
  const blocksBefore = old.blocks.slice(0, firstStartingAt(old.blocks, regionStart));
  const movedBlocks = new Map<Block, Block>();
  for (const block of blocksAfter) {
    movedBlocks.set(block, {
      ...block,
      start: block.start + delta,
      end: block.end + delta,
      firstLine: block.firstLine + lineDelta,
      lastLine: block.lastLine + lineDelta,
      listItem: moveItem(block.listItem),
      table: block.table && {
        ...block.table,
        line: block.table.line + lineDelta,
        tableFirstLine: block.table.tableFirstLine + lineDelta,
        tableLastLine: block.table.tableLastLine + lineDelta,
      },
    });
  }
  // The part's example flags start from where they stood at its first heading, and must end where the
  // next section's started (its blocks keep their flags then).
  const { flags: partFlags, atHeadings, end } = exampleFlags(reading.candidates, regionStart === 0 ? NO_EXAMPLE : record.examplesAtHeadings[firstHeading]);
  const nextState = atEnd ? undefined : record.examplesAtHeadings[endHeading];
  if (nextState && (nextState.headingLevel !== end.headingLevel || nextState.inAdmonition !== end.inAdmonition)) {
    return undefined;
  }
  partFlags.forEach((flag, index) => {
    (reading.blocks[index] as { example: boolean }).example = flag;
  });
  const blocks = [...blocksBefore, ...reading.blocks, ...movedBlocks.values()];

  // Ranges are sorted and each lies within one section: those starting before the part end before it.
  const before = <T extends TextRange>(ranges: readonly T[]) => ranges.slice(0, firstStartingAt(ranges, regionStart));
  const after = (ranges: readonly TextRange[]) => ranges.slice(firstStartingAt(ranges, regionEndOld)).map((range) => shiftRange(range, delta));
  const segments: Segment[] = [
    ...before(previous.segments),
    ...reading.segments.sort((a, b) => a.start - b.start),
    ...previous.segments
      .slice(firstStartingAt(previous.segments, regionEndOld))
      .map((segment) => ({ ...segment, start: segment.start + delta, end: segment.end + delta, block: segment.block && movedBlocks.get(segment.block) })),
  ];
  const headings = [
    ...old.headings.slice(0, firstHeading),
    ...reading.headings,
    ...old.headings.slice(endHeading).map((heading) => ({
      ...heading,
      firstLine: heading.firstLine + lineDelta,
      lastLine: heading.lastLine + lineDelta,
      textStart: heading.textStart + delta,
      textEnd: heading.textEnd + delta,
    })),
  ];
  const model: DocumentModel = {
    kind: 'markdown',
    text,
    segments,
    scalars: previous.scalars,
    yaml: previous.yaml,
    comments: [...before(previous.comments), ...reading.comments.sort((a, b) => a.start - b.start), ...after(previous.comments)],
    examples: exampleRanges(blocks, blocks.map((block) => block.example), lines),
    markdown: {
      lines,
      frontMatter: old.frontMatter,
      code: [...before(old.code), ...reading.code, ...after(old.code)],
      html: [...before(old.html), ...reading.html, ...after(old.html)],
      codeSpans: [...before(old.codeSpans), ...reading.codeSpans.sort((a, b) => a.start - b.start), ...after(old.codeSpans)],
      headings,
      blocks,
    },
  };
  records.set(model, {
    headingSections: record.headingSections,
    examplesAtHeadings: [...record.examplesAtHeadings.slice(0, firstHeading), ...atHeadings, ...record.examplesAtHeadings.slice(endHeading)],
    nextContainerId: reading.nextContainerId,
    referenceColon: false,
  });
  return model;
}
