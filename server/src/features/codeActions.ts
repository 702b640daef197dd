/**
 * Code actions, protocol-free: the fix a finding carries, a suppression comment for one finding, and
 * "fix all" for a document. Edits are offsets into the document; the LSP handler converts them.
 */

import type { DocumentAnalysis } from '../analysis';
import type { DocumentModel } from '../document/model';
import { blockAt } from '../document/blocks';
import { lineBounds } from '../document/sentences';
import type { Bilingual } from '../language';

export interface OffsetEdit {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export interface EditAction {
  readonly title: Bilingual;
  readonly edits: readonly OffsetEdit[];
}

/**
 * A comment that silences `ruleId` on the line at `offset`: a line above it ("next-line"), except in a
 * Markdown table row, where a line would split the table, so the comment goes at the row's end.
 */
export function suppressionAction(model: DocumentModel, ruleId: string, offset: number): EditAction {
  const { text } = model;
  const line = lineBounds(text, offset);
  const content = text.slice(line.start, line.end);
  const indent = /^[ \t]*/.exec(content)![0];
  const eol = text.slice(line.end, line.end + 2).startsWith('\r\n') ? '\r\n' : '\n';
  const title = { ja: `この行の ${ruleId} を無効にする`, en: `Disable ${ruleId} for this line` };
  if (model.kind === 'yaml') {
    return { title, edits: [{ start: line.start, end: line.start, newText: `${indent}# govsec-disable-next-line ${ruleId}${eol}` }] };
  }
  const block = blockAt(model, offset);
  if (block?.table) {
    return { title, edits: [{ start: line.end, end: line.end, newText: ` <!-- govsec-disable-line ${ruleId} -->` }] };
  }
  // Keep a blockquote's markers so the comment stays inside the same quote; a list item keeps its indent.
  const beforeContent = text.slice(line.start, Math.max(line.start, Math.min(offset, line.end)));
  const lastQuoteMarker = block && block.quoteDepth > 0 ? beforeContent.lastIndexOf('>') : -1;
  const prefix = lastQuoteMarker === -1 ? indent : beforeContent.slice(0, lastQuoteMarker + 1) + (beforeContent[lastQuoteMarker + 1] === ' ' ? ' ' : '');
  return { title, edits: [{ start: line.start, end: line.start, newText: `${prefix}<!-- govsec-disable-next-line ${ruleId} -->${eol}` }] };
}

/** Every finding's fix, in one edit list (overlapping fixes keep the first). */
export function fixAllAction(analysis: DocumentAnalysis): EditAction | undefined {
  const edits: OffsetEdit[] = [];
  let lastEnd = -1;
  for (const finding of analysis.findings) {
    if (finding.fix && finding.start >= lastEnd) {
      edits.push({ start: finding.start, end: finding.end, newText: finding.fix.replacement });
      lastEnd = finding.end;
    }
  }
  return edits.length > 0 ? { title: { ja: `govsec: ${edits.length}件をすべて修正する`, en: `govsec: Fix all ${edits.length} problems` }, edits } : undefined;
}
