/**
 * Document symbols (the outline), protocol-free: the sections of a Markdown spec — its headings, nested by
 * level, each spanning the text up to the next heading of the same or a higher level — and the top-level
 * and second-level keys of YAML (a YAML file, or a Markdown file's front matter). Offsets in, offsets out.
 * The headings, lines and front matter come from the Markdown model's single pass (document/markdown.ts).
 */

import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import type { DocumentAnalysis } from '../analysis';
import type { DocumentModel, MarkdownHeading, TextRange } from '../document/model';
import type { Language } from '../language';

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
// Symbols

/** The offset where the model's YAML starts (a Markdown file's front matter begins after its "---" line). */
function yamlShift(model: DocumentModel): number {
  return model.kind === 'markdown' ? model.text.indexOf('\n') + 1 : 0;
}

const MAX_DETAIL = 60;

function detailOf(value: unknown, language: Language): string | undefined {
  if (isScalar(value)) {
    if (value.value === null || value.value === undefined) {
      return undefined;
    }
    const text = String(value.value instanceof Date ? value.value.toISOString().slice(0, 10) : value.value).replace(/\s+/g, ' ').trim();
    return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL - 1)}…` : text;
  }
  if (isSeq(value)) {
    const count = value.items.length;
    return language === 'ja' ? `${count}項目` : `${count} ${count === 1 ? 'item' : 'items'}`;
  }
  return undefined;
}

/** The keys of a YAML mapping, with the keys of their own mappings when `depth` allows. */
function keySymbols(text: string, map: unknown, shift: number, depth: number, language: Language): DocumentSymbolItem[] {
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
      detail: detailOf(pair.value, language),
      kind: 'key',
      start: keyRange[0] + shift,
      end: end + shift,
      selectionStart: keyRange[0] + shift,
      selectionEnd: keyRange[1] + shift,
      children: depth > 1 ? keySymbols(text, pair.value, shift, depth - 1, language) : [],
    });
  }
  return symbols;
}

function yamlSymbols(text: string, documents: readonly Document.Parsed[], shift: number, language: Language): DocumentSymbolItem[] {
  return documents.flatMap((document) => keySymbols(text, document.contents, shift, 2, language));
}

/** Where a section ends: the end of its last non-blank line before `nextLine` (never before its heading). */
function sectionEnd(text: string, lines: readonly TextRange[], heading: MarkdownHeading, nextLine: number): number {
  let last = nextLine - 1;
  while (last > heading.lastLine && text.slice(lines[last].start, lines[last].end).trim() === '') {
    last -= 1;
  }
  return lines[last].end;
}

function markdownSymbols(model: DocumentModel, language: Language): DocumentSymbolItem[] {
  const { text } = model;
  const blocks = model.markdown!;
  const { lines, headings } = blocks;
  const roots: DocumentSymbolItem[] = [];
  if (blocks.frontMatter && model.yaml.length > 0) {
    roots.push({
      name: language === 'ja' ? 'フロントマター' : 'front matter',
      kind: 'section',
      start: blocks.frontMatter.start,
      end: blocks.frontMatter.end,
      selectionStart: 0,
      selectionEnd: lines[0].end,
      children: yamlSymbols(text, model.yaml, yamlShift(model), language),
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
 * (shortened), a sequence its item count (in `language`, as the front matter's name).
 */
export function documentSymbols(analysis: Pick<DocumentAnalysis, 'model'>, language: Language): DocumentSymbolItem[] {
  const { model } = analysis;
  return model.kind === 'yaml' ? yamlSymbols(model.text, model.yaml, 0, language) : markdownSymbols(model, language);
}
