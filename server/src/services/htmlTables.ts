/**
 * The tables of an HTML page, as rows of cell texts with the line each row starts on. The page is parsed
 * with parse5, the HTML standard's tree construction, so a page saved from a browser reads as the browser
 * built it (implied <tbody>, unclosed <td> and <tr>, entities).
 *
 * A table is a <table> element, or an element with the ARIA role table, grid or treegrid (portals built
 * with JavaScript frameworks often draw lists with <div role="row">). A nested table is a table of its own,
 * not part of the cells around it. Rows of <tfoot> (pagination, totals) are left out. Cell text: the text
 * of the cell without <script>, <style>, <template> and hidden elements; <br> and block elements break
 * lines. A cell spanning several columns is followed by empty cells, so later columns stay aligned.
 */

import { parse, type DefaultTreeAdapterMap } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface HtmlTableRow {
  /** 1-based line of the row's start tag. */
  readonly line: number;
  readonly cells: readonly string[];
}

export interface HtmlTable {
  readonly rows: readonly HtmlTableRow[];
}

export interface HtmlPage {
  /** The text of <title>, and of the first <h1>, trimmed ('' when absent). */
  readonly title: string;
  readonly heading: string;
  readonly tables: readonly HtmlTable[];
}

const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head']);
const BLOCKS = new Set(['p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'header', 'footer', 'table', 'tr']);
const TABLE_ROLES = new Set(['table', 'grid', 'treegrid']);
const CELL_ROLES = new Set(['cell', 'gridcell', 'columnheader', 'rowheader']);

function isElement(node: Node): node is Element {
  return 'tagName' in node;
}

function attribute(element: Element, name: string): string | undefined {
  return element.attrs.find((attr) => attr.name === name)?.value;
}

function isHidden(element: Element): boolean {
  return (
    attribute(element, 'hidden') !== undefined ||
    attribute(element, 'aria-hidden') === 'true' ||
    /(?:^|;)\s*display\s*:\s*none/i.test(attribute(element, 'style') ?? '')
  );
}

function isTable(element: Element): boolean {
  return element.tagName === 'table' || TABLE_ROLES.has(attribute(element, 'role') ?? '');
}

function isRow(element: Element): boolean {
  return element.tagName === 'tr' || attribute(element, 'role') === 'row';
}

function isCell(element: Element): boolean {
  return element.tagName === 'td' || element.tagName === 'th' || CELL_ROLES.has(attribute(element, 'role') ?? '');
}

function children(node: Node): Node[] {
  if (isElement(node) && node.tagName === 'template') {
    return [];
  }
  return 'childNodes' in node ? node.childNodes : [];
}

/** The visible text of a node, with line breaks for <br> and block elements. */
function textOf(node: Node): string {
  if (node.nodeName === '#text') {
    return (node as DefaultTreeAdapterMap['textNode']).value;
  }
  if (!isElement(node)) {
    return children(node).map(textOf).join('');
  }
  if (SKIPPED.has(node.tagName) || isHidden(node)) {
    return '';
  }
  if (node.tagName === 'br') {
    return '\n';
  }
  const inner = node.childNodes.map(textOf).join('');
  return BLOCKS.has(node.tagName) ? `\n${inner}\n` : inner;
}

/** The cells of a row (cells of nested tables stay in those tables). */
function cellsOf(row: Element): string[] {
  const cells: string[] = [];
  const visit = (node: Node) => {
    for (const child of children(node)) {
      if (!isElement(child) || SKIPPED.has(child.tagName) || isHidden(child) || isTable(child)) {
        continue;
      }
      if (isCell(child)) {
        cells.push(textOf(child).replace(/\s+/g, (space) => (space.includes('\n') ? '\n' : ' ')).trim());
        const span = Number(attribute(child, 'colspan') ?? '1');
        for (let extra = 1; extra < Math.min(Number.isInteger(span) ? span : 1, 1000); extra++) {
          cells.push('');
        }
      } else {
        visit(child);
      }
    }
  };
  visit(row);
  return cells;
}

/** The rows of a table, in document order, without those of nested tables and of <tfoot>. */
function rowsOf(table: Element): HtmlTableRow[] {
  const rows: HtmlTableRow[] = [];
  const visit = (node: Node) => {
    for (const child of children(node)) {
      if (!isElement(child) || SKIPPED.has(child.tagName) || isHidden(child) || isTable(child) || child.tagName === 'tfoot') {
        continue;
      }
      if (isRow(child)) {
        rows.push({ line: child.sourceCodeLocation?.startLine ?? 1, cells: cellsOf(child) });
      } else {
        visit(child);
      }
    }
  };
  visit(table);
  return rows;
}

/** Parses an HTML page and returns its title, first heading and tables (outer tables before the tables inside them). */
export function readHtmlPage(html: string): HtmlPage {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const tables: HtmlTable[] = [];
  let title = '';
  let heading = '';
  const visit = (node: Node) => {
    for (const child of children(node)) {
      if (!isElement(child)) {
        continue;
      }
      if (child.tagName === 'title' && title === '') {
        title = textOf(child).trim();
      } else if (child.tagName === 'h1' && heading === '') {
        heading = textOf(child).replace(/\s+/g, ' ').trim();
      }
      if (child.tagName === 'script' || child.tagName === 'style' || child.tagName === 'template' || isHidden(child)) {
        continue;
      }
      if (isTable(child)) {
        tables.push({ rows: rowsOf(child) });
      }
      visit(child);
    }
  };
  visit(document);
  return { title, heading, tables };
}
