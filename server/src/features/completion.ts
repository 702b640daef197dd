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
 * Completion never runs the rules: in Markdown it reads the document model of the version (code, comments,
 * front matter, the cursor's sentence or table row), shared with the analysis when the caller passes it; in
 * YAML a bounded window around the cursor, parsed by the yaml library, and the lines above it that hold it.
 */

import { buildModel } from '../analysis';
import { blockAt } from '../document/blocks';
import { documentKindOf, type DocumentModel, type TextRange } from '../document/model';
import { lineBounds, segmentAt, sentenceAt } from '../document/sentences';
import type { Knowledge } from '../knowledge';
import type { Language } from '../language';
import { proseControlCompletions } from './completionControls';
import { directiveCompletions } from './completionDirectives';
import type { CompletionEntry, CompletionResult } from './completionShared';
import { termCompletions } from './completionTerms';
import { yamlCompletions } from './completionYaml';

export type { CompletionEntry, CompletionKind, CompletionResult } from './completionShared';

/** Where the cursor is in a Markdown document. */
type MarkdownPlace =
  | { readonly kind: 'front-matter'; readonly start: number; readonly end: number }
  | { readonly kind: 'code' }
  | { readonly kind: 'comment'; readonly contentStart: number }
  | { readonly kind: 'text' };

/** The range of `ranges` (sorted, not overlapping) holding `offset`; `inclusiveEnd` also takes its end. */
function rangeAt(ranges: readonly TextRange[], offset: number, inclusiveEnd = false): TextRange | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle];
    if (offset < range.start) {
      high = middle - 1;
    } else if (offset > range.end || (offset === range.end && !inclusiveEnd)) {
      low = middle + 1;
    } else {
      return range;
    }
  }
  return undefined;
}

/** An HTML comment holding the cursor: after its "<!--", before its "-->" (an unclosed one runs to its end). */
function commentAt(model: DocumentModel, offset: number): TextRange | undefined {
  const comment = rangeAt(model.comments, offset, true);
  if (!comment || offset < comment.start + 4) {
    return undefined;
  }
  const closed = model.text.startsWith('-->', comment.end - 3) && comment.end - 3 >= comment.start + 4;
  return closed && offset > comment.end - 3 ? undefined : comment;
}

/** What the cursor is in, read from the document model: front matter, code, a comment, or text. */
function markdownPlaceAt(model: DocumentModel, offset: number): MarkdownPlace {
  const structure = model.markdown!;
  const frontMatter = structure.frontMatter;
  if (frontMatter && offset <= frontMatter.end) {
    const lines = structure.lines;
    const bodyStart = lines[1].start;
    const closeLine = lines.find((line) => line.end === frontMatter.end)!;
    return offset >= bodyStart && offset < closeLine.start ? { kind: 'front-matter', start: bodyStart, end: closeLine.start } : { kind: 'code' };
  }
  const comment = commentAt(model, offset);
  if (comment) {
    return { kind: 'comment', contentStart: comment.start + 4 };
  }
  if (rangeAt(structure.code, offset, true) || rangeAt(structure.html, offset, true) || rangeAt(structure.codeSpans, offset)) {
    return { kind: 'code' };
  }
  return { kind: 'text' };
}

function proseCompletions(model: DocumentModel, offset: number, knowledge: Knowledge, language: Language): CompletionResult {
  const { text } = model;
  // Inside a URL, a link destination or an autolink (text the model leaves out of prose, within a block): nothing.
  const before = offset > 0 ? segmentAt(model.segments, offset - 1) : undefined;
  const block = blockAt(model, offset);
  if (!before && block && offset > block.start && !/\s/.test(text[offset - 1] ?? '')) {
    return { items: [], isIncomplete: false };
  }
  // The sentence (prose), the heading, or the table row around the cursor (document/sentences.ts bounds it).
  const { start: scopeStart, end: scopeEnd } = sentenceAt(model, offset);
  const controls = proseControlCompletions(text, Math.min(scopeStart, offset), offset, Math.max(scopeEnd, offset), knowledge, language);
  // The term prefix is looked for right before the cursor (typedTermAt bounds it).
  const terms = termCompletions(text, lineBounds(text, offset).start, offset, knowledge, language);
  return { items: [...controls.items, ...terms], isIncomplete: controls.isIncomplete || terms.length > 0 };
}

/**
 * Completion items at `offset` of a document, their details and documentation in `language`. `languageId` is
 * "markdown" or "yaml" (else the URI's extension decides, as for the analysis).
 */
export function completionsAt(
  text: string,
  uri: string,
  languageId: string | undefined,
  offset: number,
  knowledge: Knowledge,
  language: Language,
  modelOf?: () => DocumentModel,
): CompletionResult {
  const result = completions(text, uri, languageId, offset, knowledge, language, modelOf);
  // In the order the client shows them (it sorts by sortText among equally good matches).
  const key = (entry: CompletionEntry) => entry.sortText ?? entry.label;
  result.items.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return result;
}

/** `modelOf`: the document model of this version, from the caller's cache (else it is built here). */
function completions(
  text: string,
  uri: string,
  languageId: string | undefined,
  offset: number,
  knowledge: Knowledge,
  language: Language,
  modelOf?: () => DocumentModel,
): CompletionResult {
  if (offset < 0 || offset > text.length) {
    return { items: [], isIncomplete: false };
  }
  if (documentKindOf(languageId, uri) === 'yaml') {
    return yamlCompletions(text, uri, 0, text.length, offset, knowledge, false, language);
  }
  // The caller's model is of this version (it may be cut at the checking limit: nothing is offered past it).
  const cached = modelOf?.();
  const markdown = cached?.kind === 'markdown' ? cached : buildModel({ uri, languageId, text });
  if (offset > markdown.text.length) {
    return { items: [], isIncomplete: false };
  }
  const place = markdownPlaceAt(markdown, offset);
  switch (place.kind) {
    case 'front-matter':
      return yamlCompletions(text, uri, place.start, place.end, offset, knowledge, true, language);
    case 'code':
      return { items: [], isIncomplete: false };
    case 'comment':
      return { items: directiveCompletions(text, place.contentStart, offset, true, language), isIncomplete: false };
    case 'text':
      return proseCompletions(markdown, offset, knowledge, language);
  }
}
