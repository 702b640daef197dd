/**
 * The text a reader sees in a raw HTML block of a Markdown document (`<details><summary>…`, `<table>…`,
 * `<p>`, `<div>`, `<br>`-separated lines, `<dl>`), as runs at exact offsets of the original text: one run per
 * paragraph-like stretch of text, one per table cell with its row, column and header.
 *
 * The block is parsed with parse5, the HTML standard's tree construction (as the browser behind a Markdown
 * preview builds it: implied end tags, unclosed <td> and <tr>, raw-text elements), with source locations.
 * Text of <script>, <style>, <pre>, <code>, <textarea> and other raw-text or template elements is not prose;
 * nor are attribute values and comments (those stay directive carriers, read by the Markdown model). A text
 * node's range is its source as written: character references (&amp; &nbsp; &#12354;) stay in the run
 * unchanged. Runs split at every element that is not phrasing content (<p>, <div>, <li>, <td>, <br> …), so
 * two paragraphs or cells never read as one sentence; within a cell such a split only starts a new part.
 */

import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import type { TableCell, TextRange } from './model';
import { BARE_URL, trimUrl } from './urls';
import type { Mask } from './inline';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Elements whose text is not prose: code, raw text, scripts, templates. */
const NOT_PROSE = new Set(['script', 'style', 'pre', 'code', 'textarea', 'template', 'noscript', 'xmp', 'plaintext', 'iframe', 'noembed', 'noframes', 'title', 'listing']);

/** Phrasing elements: text on either side of them stays one run. Every other element ends the run (<br> included). */
const PHRASING = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img', 'ins', 'kbd', 'label', 'mark',
  'nobr', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr',
]);

/** A table cell of an HTML table: the model's TableCell (lines 0-based, of the document) and which table of the block. */
export interface HtmlCell extends TableCell {
  readonly table: number;
}

export interface HtmlRun {
  /** The run's text on each line it covers, white space at either end left out, in document order. */
  readonly parts: readonly TextRange[];
  /** Bare URLs in the parts: not prose. */
  readonly masks: readonly Mask[];
  readonly firstLine: number;
  readonly lastLine: number;
  /** The parts' text joined by line breaks (what the example markers are read from). */
  readonly text: string;
  readonly cell?: HtmlCell;
}

/** Where the HTML block's content lines stand: its source as parse5 reads it, and back to document offsets. */
interface Placement {
  readonly source: string;
  /** Start in `source` of each content line. */
  readonly sourceStarts: readonly number[];
  /** Where each content line stands in the document (undefined for a line with no content). */
  readonly lines: readonly (TextRange | undefined)[];
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const isElement = (node: Node): node is Element => 'tagName' in node;
const isHtmlSpace = (char: string) => char === ' ' || char === '\t' || char === '\n' || char === '\f' || char === '\r';

/** A run of text being collected. */
interface OpenRun {
  parts: TextRange[];
  texts: string[];
  firstLine: number;
  lastLine: number;
}

interface TableState {
  readonly id: number;
  readonly firstLine: number;
  readonly lastLine: number;
  row: number;
  column: number;
  rowLine: number;
  headerRow: boolean;
  readonly headers: string[];
}

/**
 * The visible text of an HTML block whose content lines (as markdown-it gives them: the line's tail after
 * container markers) stand at `lines` of `text`, the first on document line `firstLine`. Runs come in
 * document order.
 */
export function htmlBlockRuns(text: string, lines: readonly (TextRange | undefined)[], firstLine: number): HtmlRun[] {
  const sourceStarts: number[] = [];
  let length = 0;
  const pieces: string[] = [];
  for (const line of lines) {
    sourceStarts.push(length);
    const piece = line ? text.slice(line.start, line.end) : '';
    pieces.push(piece);
    length += piece.length + 1;
  }
  const placement: Placement = { source: pieces.join('\n'), sourceStarts, lines };
  // parse5 pairs any two surrogates (a lone trailing one included) and fails on the result; U+FFFD keeps every offset.
  const fragment = parseFragment(placement.source.replace(LONE_SURROGATE, '\ufffd'), { sourceCodeLocationInfo: true });
  const runs: HtmlRun[] = [];
  let open: OpenRun | undefined;
  let cell: HtmlCell | undefined;
  let tables = 0;

  // parse5's lines are 1-based lines of the source, whose lines are the block's content lines.
  const documentLine = (sourceLine: number) => firstLine + sourceLine - 1;

  const flush = () => {
    if (open && open.parts.length > 0) {
      const joined = open.texts.join('\n');
      runs.push({ parts: open.parts, masks: urlMasks(text, open.parts), firstLine: open.firstLine, lastLine: open.lastLine, text: joined, cell });
    }
    open = undefined;
  };

  /**
   * Where each tag, comment and text node of the fragment stands, by source offset (built when first needed):
   * text parse5 moves out of a table (foster parenting) merges with the text node before it, whose range
   * then runs over the table's markup and cells.
   */
  let owners: Int32Array | undefined;
  const markOwners = (node: Node, marks: Int32Array, id: { next: number }) => {
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      const location = child.sourceCodeLocation;
      if (location) {
        const element = isElement(child) ? child.sourceCodeLocation : undefined;
        for (const range of element ? [element.startTag, element.endTag] : [location]) {
          if (range) {
            marks.fill(id.next++, range.startOffset, range.endOffset);
          }
        }
      }
      markOwners(child, marks, id);
    }
  };

  /** Adds the source range [start, end) of a text node, from 1-based source line `line`, split at line breaks. */
  const addText = (start: number, end: number, line: number) => {
    const source = placement.source;
    let own: ((index: number) => boolean) | undefined;
    // Only a range holding "<" can run over markup (a text node's own "<" is one not opening a tag).
    if (end > start && source.lastIndexOf('<', end - 1) >= start) {
      if (!owners) {
        owners = new Int32Array(source.length);
        markOwners(fragment, owners, { next: 1 });
      }
      const marks = owners;
      const self = marks[start];
      own = (index) => marks[index] === self;
    }
    let lineIndex = line - 1;
    let pieceStart = start;
    for (let index = start; index <= end; index++) {
      if (index === end || source[index] === '\n' || (own && !own(index))) {
        addLinePiece(pieceStart, index, lineIndex);
        pieceStart = index + 1;
        if (own && index < end && !own(index) && own(index + 1)) {
          // Each stretch of moved text is a paragraph of its own, so blocks never overlap the table's.
          flush();
        }
      }
      if (index < end && source[index] === '\n') {
        lineIndex++;
      }
    }
  };

  /** Adds [start, end) of the source, on content line `lineIndex` (0-based), white space at either end left out. */
  const addLinePiece = (start: number, end: number, lineIndex: number) => {
    const source = placement.source;
    while (start < end && isHtmlSpace(source[start])) {
      start++;
    }
    while (end > start && isHtmlSpace(source[end - 1])) {
      end--;
    }
    if (start === end) {
      return;
    }
    const line = placement.lines[lineIndex];
    if (!line) {
      return;
    }
    const shift = line.start - placement.sourceStarts[lineIndex];
    const part = { start: start + shift, end: end + shift };
    const partLine = firstLine + lineIndex;
    if (!open) {
      open = { parts: [], texts: [], firstLine: partLine, lastLine: partLine };
    }
    open.parts.push(part);
    open.texts.push(text.slice(part.start, part.end));
    open.lastLine = partLine;
  };

  const lastLineOf = (element: Element): number => {
    const location = element.sourceCodeLocation;
    if (location?.endTag) {
      return documentLine(location.endTag.startLine);
    }
    // Unclosed: its last descendant's end (an end offset just past a line break counts on that line's start).
    let last = location ? documentLine(location.startLine) : firstLine;
    for (const child of element.childNodes) {
      const childLocation = child.sourceCodeLocation;
      if (childLocation) {
        last = Math.max(last, isElement(child) ? lastLineOf(child) : documentLine(childLocation.endLine - (placement.source[childLocation.endOffset - 1] === '\n' ? 1 : 0)));
      }
    }
    return last;
  };

  const visit = (node: Node, table: TableState | undefined, inCell: boolean) => {
    for (const child of 'childNodes' in node ? node.childNodes : []) {
      if (child.nodeName === '#text') {
        const location = child.sourceCodeLocation;
        if (location) {
          addText(location.startOffset, location.endOffset, location.startLine);
        }
        continue;
      }
      if (!isElement(child)) {
        continue; // comments, doctypes
      }
      const name = child.tagName;
      const phrasing = PHRASING.has(name);
      if (!phrasing && !inCell) {
        flush();
      }
      if (NOT_PROSE.has(name)) {
        continue;
      }
      if (name === 'table') {
        flush();
        const outerCell = cell;
        const location = child.sourceCodeLocation;
        const tableFirstLine = location ? documentLine(location.startLine) : firstLine;
        const inner: TableState = { id: tables++, firstLine: tableFirstLine, lastLine: lastLineOf(child), row: -1, column: 0, rowLine: tableFirstLine, headerRow: false, headers: [] };
        cell = undefined;
        visit(child, inner, false);
        flush();
        cell = outerCell;
        continue;
      }
      if (table && name === 'tr') {
        flush();
        table.row++;
        table.column = 0;
        table.rowLine = child.sourceCodeLocation ? documentLine(child.sourceCodeLocation.startLine) : table.rowLine;
        const cells = child.childNodes.filter((node): node is Element => isElement(node) && (node.tagName === 'td' || node.tagName === 'th'));
        table.headerRow = node.nodeName === 'thead' || (cells.length > 0 && cells.every((cellNode) => cellNode.tagName === 'th'));
        visit(child, table, false);
        flush();
        continue;
      }
      if (table && (name === 'td' || name === 'th')) {
        flush();
        const span = Math.max(1, Math.min(1000, Number(child.attrs.find((attribute) => attribute.name === 'colspan')?.value) || 1));
        cell = {
          row: table.row,
          column: table.column,
          header: table.headerRow,
          headerText: table.headers[table.column] ?? '',
          line: table.rowLine,
          tableFirstLine: table.firstLine,
          tableLastLine: table.lastLine,
          table: table.id,
        };
        visit(child, table, true);
        if (table.headerRow) {
          // A header cell's own text heads its column (a GFM header cell's headerText is its own text too).
          const headerText = open ? open.texts.join('\n') : '';
          (cell as { headerText: string }).headerText = headerText;
          for (let column = table.column; column < table.column + span; column++) {
            table.headers[column] = headerText;
          }
        }
        flush();
        cell = undefined;
        table.column += span;
        continue;
      }
      visit(child, table, inCell);
      if (!phrasing && !inCell) {
        flush();
      }
    }
  };
  visit(fragment, undefined, false);
  flush();
  // Text moved before a table by the parser comes first in the tree; the model's blocks go in document order.
  return runs.sort((a, b) => a.parts[0].start - b.parts[0].start);
}

/** Bare URLs in the parts (addresses are never prose), as masks of document offsets. */
function urlMasks(text: string, parts: readonly TextRange[]): Mask[] {
  const masks: Mask[] = [];
  for (const part of parts) {
    const slice = text.slice(part.start, part.end);
    if (!slice.includes('://') && !slice.includes('www.')) {
      continue;
    }
    for (const match of slice.matchAll(new RegExp(BARE_URL.source, 'g'))) {
      masks.push([part.start + match.index, part.start + match.index + trimUrl(match[0]).length]);
    }
  }
  return masks;
}
