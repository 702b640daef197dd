/**
 * Completion, protocol-free: offsets in, items with replace ranges (offsets) out; the LSP layer converts them.
 *
 * - Control IDs after a framework cue in the same sentence or table row (「ISMAP管理策 9.2.」 → 9.2.1 …),
 *   with titles and tier; full-width input (９.２.) and title words (アクセス) work.
 * - In YAML and front matter: keys from the system-profile schema; under control keys the IDs, under grade
 *   keys the grades, under cloud.provider / service / region the catalogue's providers, services (with their
 *   ISMAP status) and the provider's regions (Japanese first).
 * - Canonical glossary terms for the prefix typed (ガバ → ガバメントクラウド, never ガバクラ).
 * - Inside a comment: govsec suppression directives and rule ids.
 *
 * Completion never analyses the document: it reads the cursor's line and sentence (Markdown: plus one cheap
 * pass over the lines above for fences, comments and the front matter; YAML: the lines above for the key path).
 */

import { documentKindOf } from '../document/model';
import type { Knowledge } from '../knowledge';
import { proseControlCompletions } from './completionControls';
import { directiveCompletions } from './completionDirectives';
import { type CompletionEntry, type CompletionResult, lineBounds } from './completionShared';
import { termCompletions } from './completionTerms';
import { yamlCompletions } from './completionYaml';

export type { CompletionEntry, CompletionKind, CompletionResult } from './completionShared';

/** Where the cursor is in a Markdown document. */
type MarkdownPlace =
  | { readonly kind: 'front-matter'; readonly start: number; readonly end: number }
  | { readonly kind: 'code' }
  | { readonly kind: 'comment'; readonly contentStart: number }
  | { readonly kind: 'text' };

const FENCE = /^((?:[ \t]*>)*)[ \t]{0,3}(`{3,}|~{3,})/;

/** The front matter: "---" on the first line, closed by "---" or "..." (an unclosed one is not front matter). */
function frontMatterOf(text: string): { bodyStart: number; bodyEnd: number; afterClose: number } | undefined {
  const first = lineBounds(text, 0);
  if (text.slice(first.start, first.end).trimEnd() !== '---' || first.end >= text.length) {
    return undefined;
  }
  const bodyStart = text.indexOf('\n', first.end) + 1;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m.exec(text.slice(bodyStart));
  if (!close) {
    return undefined;
  }
  const bodyEnd = bodyStart + close.index;
  const newline = text.indexOf('\n', bodyEnd);
  return { bodyStart, bodyEnd, afterClose: newline === -1 ? text.length : newline + 1 };
}

/** Fence lines and comment delimiters: the only things the scan above the cursor stops at. */
const MARKERS = /^(?:[ \t]*>)*[ \t]{0,3}(?:`{3,}|~{3,})|<!--|-->/gm;

/**
 * One pass over the text above the cursor's line, stopping only at fence lines and comment delimiters: the
 * front matter, fenced code blocks and HTML comments that span lines. Only the cursor's line is looked at closely.
 */
function markdownPlaceAt(text: string, offset: number): MarkdownPlace {
  const cursorLine = lineBounds(text, offset);
  let from = 0;
  const frontMatter = frontMatterOf(text);
  if (frontMatter) {
    if (cursorLine.start >= frontMatter.bodyStart && cursorLine.start < frontMatter.bodyEnd) {
      return { kind: 'front-matter', start: frontMatter.bodyStart, end: frontMatter.bodyEnd };
    }
    if (cursorLine.start < frontMatter.afterClose) {
      return { kind: 'code' }; // a delimiter line
    }
    from = frontMatter.afterClose;
  }
  let fence: { char: string; length: number } | undefined;
  let commentOpen = -1;
  MARKERS.lastIndex = from;
  let match: RegExpExecArray | null;
  while ((match = MARKERS.exec(text)) && match.index < cursorLine.start) {
    const marker = match[0];
    if (marker === '<!--' || marker === '-->') {
      if (fence) {
        continue;
      }
      if (marker === '<!--' && commentOpen === -1) {
        commentOpen = match.index + 4;
      } else if (marker === '-->' && commentOpen !== -1 && match.index >= commentOpen) {
        commentOpen = -1;
      }
      continue;
    }
    if (commentOpen !== -1) {
      continue;
    }
    const line = lineBounds(text, match.index);
    const run = /(`{3,}|~{3,})(.*)$/.exec(text.slice(match.index, line.end));
    if (!run) {
      // A CR-only line end inside the slice (`.` stops at a CR): not a fence line.
      MARKERS.lastIndex = line.end;
      continue;
    }
    if (fence) {
      if (run[1][0] === fence.char && run[1].length >= fence.length && run[2].trim() === '') {
        fence = undefined;
      }
    } else if (!(run[1][0] === '`' && run[2].includes('`'))) {
      fence = { char: run[1][0], length: run[1].length };
    }
    MARKERS.lastIndex = line.end;
  }
  if (fence) {
    return { kind: 'code' };
  }
  const line = text.slice(cursorLine.start, cursorLine.end);
  if (commentOpen !== -1) {
    const close = line.indexOf('-->');
    if (close === -1 || cursorLine.start + close >= offset) {
      return { kind: 'comment', contentStart: commentOpen };
    }
  }
  if (FENCE.test(line)) {
    return { kind: 'code' };
  }
  return { kind: 'text' };
}

type LineKind = 'prose' | 'table' | 'heading';

/** A sentence is looked for at most this far either side of the cursor (as document/sentences.ts bounds it). */
const MAX_REACH = 2000;

function lineKindOf(line: string): LineKind {
  if (/^[ \t]*(?:>[ \t]*)*\|/.test(line)) {
    return 'table';
  }
  return /^ {0,3}(?:>[ \t]*)*#{1,6}(?:[ \t]|$)/.test(line) ? 'heading' : 'prose';
}

/** Sentence terminators: 。．！？!? — but a full-width "．" right after a digit or letter is part of an ID (９．２．). */
function isTerminatorAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === 0xff0e) {
    return !/[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]/.test(text[index - 1] ?? '');
  }
  return code === 0x3002 || code === 0xff01 || code === 0xff1f || code === 0x21 || code === 0x3f;
}

/** Code spans, HTML comments, link destinations and URLs on the cursor's line: what the cursor is inside. */
function inlineContext(line: string, column: number): { kind: 'code' | 'comment' | 'url'; contentStart?: number } | undefined {
  // An HTML comment opened before the cursor and not closed before it.
  const open = line.lastIndexOf('<!--', column - 1);
  if (open !== -1 && open + 4 <= column) {
    const close = line.indexOf('-->', open + 4);
    if (close === -1 || close >= column) {
      return { kind: 'comment', contentStart: open + 4 };
    }
  }
  // Code spans: a backtick run closed by a run of the same length.
  const runs = /`+/g;
  let run: RegExpExecArray | null;
  while ((run = runs.exec(line))) {
    if (run.index >= column) {
      break;
    }
    const closer = new RegExp(`(?<!\`)\`{${run[0].length}}(?!\`)`, 'g');
    closer.lastIndex = run.index + run[0].length;
    const close = closer.exec(line);
    if (!close) {
      continue;
    }
    if (column <= close.index) {
      return { kind: 'code' };
    }
    runs.lastIndex = close.index + close[0].length;
  }
  const before = line.slice(0, column);
  // A link destination "](…" not closed yet, or a URL being typed.
  if (/\]\([^)\s]*$/.test(before) || /(?:https?|ftp):\/\/\S*$|\bwww\.\S*$|<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s>]*$/.test(before)) {
    return { kind: 'url' };
  }
  return undefined;
}

function proseCompletions(text: string, offset: number, knowledge: Knowledge): CompletionResult {
  const line = lineBounds(text, offset);
  const content = text.slice(line.start, line.end);
  const column = offset - line.start;
  const inline = inlineContext(content, column);
  if (inline?.kind === 'comment') {
    return { items: directiveCompletions(text, line.start + inline.contentStart!, offset, true), isIncomplete: false };
  }
  if (inline) {
    return { items: [], isIncomplete: false };
  }
  // The sentence (prose) or the whole table row / heading line around the cursor, at most MAX_REACH either side.
  const floor = Math.max(line.start, offset - MAX_REACH);
  const ceiling = Math.min(line.end, offset + MAX_REACH);
  let scopeStart = floor;
  let scopeEnd = ceiling;
  if (lineKindOf(content) === 'prose') {
    scopeStart = offset;
    while (scopeStart > floor && !isTerminatorAt(text, scopeStart - 1)) {
      scopeStart--;
    }
    scopeEnd = offset;
    while (scopeEnd < ceiling && !isTerminatorAt(text, scopeEnd)) {
      scopeEnd++;
    }
  }
  const controls = proseControlCompletions(text, scopeStart, offset, scopeEnd, knowledge);
  // The term prefix is looked for right before the cursor (typedTermAt bounds it).
  const terms = termCompletions(text, line.start, offset, knowledge);
  return { items: [...controls.items, ...terms], isIncomplete: controls.isIncomplete || terms.length > 0 };
}

/**
 * Completion items at `offset` of a document. `languageId` is "markdown" or "yaml" (else the URI's extension
 * decides, as for the analysis).
 */
export function completionsAt(text: string, uri: string, languageId: string | undefined, offset: number, knowledge: Knowledge): CompletionResult {
  const result = completions(text, uri, languageId, offset, knowledge);
  // In the order the client shows them (it sorts by sortText among equally good matches).
  const key = (entry: CompletionEntry) => entry.sortText ?? entry.label;
  result.items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return result;
}

function completions(text: string, uri: string, languageId: string | undefined, offset: number, knowledge: Knowledge): CompletionResult {
  if (offset < 0 || offset > text.length) {
    return { items: [], isIncomplete: false };
  }
  if (documentKindOf(languageId, uri) === 'yaml') {
    return yamlCompletions(text, uri, 0, text.length, offset, knowledge, false);
  }
  const place = markdownPlaceAt(text, offset);
  switch (place.kind) {
    case 'front-matter':
      return yamlCompletions(text, uri, place.start, place.end, offset, knowledge, true);
    case 'code':
      return { items: [], isIncomplete: false };
    case 'comment':
      return { items: directiveCompletions(text, place.contentStart, offset, true), isIncomplete: false };
    case 'text':
      return proseCompletions(text, offset, knowledge);
  }
}
