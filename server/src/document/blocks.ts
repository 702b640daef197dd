/** Lookups of the Markdown blocks of a document model by offset. */

import { headingPath, type Block, type DocumentModel } from './model';
import { normalizeKey } from '../text/normalize';

/** The block holding `offset` (its content range, inclusive of its end), by binary search. */
export function blockAt(model: DocumentModel, offset: number): Block | undefined {
  const index = blockIndexAt(model, offset);
  return index === undefined ? undefined : model.markdown!.blocks[index];
}

/** The index in `model.markdown.blocks` of the block holding `offset`. */
export function blockIndexAt(model: DocumentModel, offset: number): number | undefined {
  const blocks = model.markdown?.blocks;
  if (!blocks) {
    return undefined;
  }
  let low = 0;
  let high = blocks.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (blocks[middle].start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found >= 0 && offset <= blocks[found].end ? found : undefined;
}

/** The titles of the headings whose sections hold `offset`, outermost first (a heading's own title included). */
export function headingsAt(model: DocumentModel, offset: number): string[] {
  const block = blockAt(model, offset);
  if (!block) {
    return [];
  }
  const path = headingPath(block.section);
  if (block.kind === 'heading' && block.quoteDepth === 0 && !block.listItem) {
    path.push(model.text.slice(block.start, block.end));
  }
  return path;
}

/**
 * The blocks a list item's statement is read with: the items of its list before it, back to the paragraph
 * that introduces the list (「期限は次のとおりとする。」 then 「- 速報: 7日以内」). Returns the first block's index.
 */
export function listLeadIn(model: DocumentModel, index: number): number {
  const blocks = model.markdown!.blocks;
  // Computed for every block in one pass and kept: asking for each item of a long list stays linear.
  let firsts = leadIns.get(blocks);
  if (!firsts) {
    firsts = new Int32Array(blocks.length);
    for (let at = 0; at < blocks.length; at++) {
      const joined = at > 0 && blocks[at].listItem && blocks[at - 1].lastLine >= blocks[at].firstLine - 2;
      // An item continues its list from the item before it, back to the paragraph that introduces the list.
      firsts[at] = !joined ? at : blocks[at - 1].listItem ? firsts[at - 1] : at - 1;
    }
    leadIns.set(blocks, firsts);
  }
  return firsts[index];
}

const leadIns = new WeakMap<readonly Block[], Int32Array>();

/** The cells of the table row holding the cell at `index`, left to right (found among its neighbours). */
export function rowCells(model: DocumentModel, index: number): Block[] {
  const blocks = model.markdown!.blocks;
  const cell = blocks[index]?.table;
  if (!cell) {
    return [];
  }
  const sameRow = (block: Block | undefined) => !!block?.table && block.table.tableFirstLine === cell.tableFirstLine && block.table.line === cell.line;
  let first = index;
  while (sameRow(blocks[first - 1])) {
    first--;
  }
  let last = index;
  while (sameRow(blocks[last + 1])) {
    last++;
  }
  return blocks.slice(first, last + 1);
}

/** The index of the last block of the list holding the list-item block at `index` (its later items and their sub-items). */
export function listEnd(model: DocumentModel, index: number): number {
  const blocks = model.markdown!.blocks;
  let last = index;
  while (last + 1 < blocks.length && blocks[last + 1].listItem && blocks[last + 1].firstLine <= blocks[last].lastLine + 2) {
    last++;
  }
  return last;
}

/** A table header cell's text as a label: NFKC, emphasis, code marks and white space taken off (| **可否** | → 可否). */
export function headerLabel(header: string): string {
  return header.normalize('NFKC').replace(/[*_`\s]/g, '');
}

/**
 * How far a label before a value (quote and list markers, a check box, 30 characters of label, a colon) or a
 * note after it is read on its line.
 */
const LABEL_REACH = 120;

/** A line's label up to a value: an optional list marker or check box, a short label, a colon (「- DR: 」「region：」). */
const LINE_LABEL = /^\s*(?:>\s*)*(?:[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+)?([^:：、。|]{1,30}?)\s*[:：]\s*$/;

/** The label (NFKC) that opens the line of `offset` and ends right before it, if the text before it is only that. */
export function lineLabelBefore(model: DocumentModel, offset: number): string | undefined {
  // A label is short: a longer start of line is prose (and reading all of a long line for each value would be quadratic).
  const from = Math.max(0, offset - LABEL_REACH);
  const lineBreak = model.text.slice(from, offset).lastIndexOf('\n');
  if (lineBreak === -1 && from > 0) {
    return undefined;
  }
  const lineStart = from + lineBreak + 1;
  return LINE_LABEL.exec(normalizeKey(model.text.slice(lineStart, offset)))?.[1];
}

/** After a value: nothing, or a note in brackets (「`ap-northeast-1` (Tokyo)」). */
const NOTE_AFTER = /^\s*(?:[(（][^()（）]*[)）])?\s*$/;

/**
 * Whether `range` (inline code, say) stands as a value of its own: the whole of a table cell, or what
 * follows a label and a colon on its line (「- disaster recovery: `eu-west-1`」), rather than words inside a
 * sentence.
 */
export function isStandaloneValue(model: DocumentModel, range: { start: number; end: number }): boolean {
  const block = blockAt(model, range.start);
  if (block?.kind === 'table-cell') {
    return model.text.slice(block.start, block.end).trim() === model.text.slice(range.start, range.end).trim();
  }
  if (lineLabelBefore(model, range.start) === undefined) {
    return false;
  }
  // The rest of the line, read no further than a short note can reach (a line may be a megabyte long).
  const rest = model.text.slice(range.end, range.end + LABEL_REACH);
  const lineBreak = rest.indexOf('\n');
  if (lineBreak === -1 && range.end + rest.length < model.text.length) {
    return false;
  }
  return NOTE_AFTER.test(lineBreak === -1 ? rest : rest.slice(0, lineBreak));
}
