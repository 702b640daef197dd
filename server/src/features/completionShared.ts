/**
 * Completion: the types every completion source returns, and the small text helpers they share (the width
 * of what the user typed, word boundaries). Protocol-free: offsets in, offsets out.
 */

export { lineBounds } from '../document/sentences';
import { normalizeKey } from '../text/normalize';

export type CompletionKind = 'control' | 'term' | 'grade' | 'provider' | 'service' | 'region' | 'directive' | 'rule' | 'key' | 'value';

export interface CompletionEntry {
  readonly label: string;
  readonly kind: CompletionKind;
  /** One line, plain text. */
  readonly detail?: string;
  /** Markdown; everything from data in it is escaped (send as MarkupContent of kind markdown). */
  readonly documentation?: string;
  /** What the client filters on: it starts with the typed text exactly as typed (same width), then the title. */
  readonly filterText?: string;
  readonly sortText?: string;
  /** Inserted in place of [replaceStart, replaceEnd); the label when absent. May hold a line break (YAML keys). */
  readonly insertText?: string;
  /** Offsets of the text the item replaces: the typed prefix (and the rest of the token under the cursor). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly deprecated?: boolean;
  /**
   * Open completion again after inserting: a heading (ISMAP 9.2, NIST AC, 統一基準 2.1) inserts "9.2." and the
   * list of what is under it follows; a YAML key inserts "provider: " and its values follow. The LSP layer
   * attaches the editor's trigger-suggest command.
   */
  readonly retrigger?: boolean;
}

export interface CompletionResult {
  readonly items: CompletionEntry[];
  /** true when typing further should ask the server again (the list was filtered on the server). */
  readonly isIncomplete: boolean;
}

/** An empty result (a fresh object: callers may sort or extend its items). */
export function noCompletions(): CompletionResult {
  return { items: [], isIncomplete: false };
}

/** Zero-padded number for sortText. */
export function pad(value: number, width = 5): string {
  return String(value).padStart(width, '0');
}

const FULL_WIDTH_OFFSET = 0xfee0;

function isFullWidthAscii(code: number): boolean {
  return code >= 0xff01 && code <= 0xff5e;
}

type CharClass = 'digit' | 'letter' | 'punct';

function classOf(code: number): CharClass | undefined {
  const ascii = isFullWidthAscii(code) ? code - FULL_WIDTH_OFFSET : code;
  if (ascii >= 0x30 && ascii <= 0x39) {
    return 'digit';
  }
  if ((ascii >= 0x41 && ascii <= 0x5a) || (ascii >= 0x61 && ascii <= 0x7a)) {
    return 'letter';
  }
  return ascii >= 0x21 && ascii <= 0x7e ? 'punct' : undefined;
}

/**
 * `text` (ASCII) written in the widths the user typed in `typed`: digits full-width if the last digit typed was
 * full-width, and so on for letters and punctuation; a class the user did not type follows whether anything
 * typed was full-width. "９.２." with "9.2.1" → "９.２.１".
 */
export function inWidthOf(typed: string, text: string): string {
  const full = new Map<CharClass, boolean>();
  let anyFull = false;
  for (let index = 0; index < typed.length; index++) {
    const code = typed.charCodeAt(index);
    const charClass = classOf(code);
    if (charClass) {
      full.set(charClass, isFullWidthAscii(code));
      anyFull ||= isFullWidthAscii(code);
    }
  }
  if (!anyFull) {
    return text;
  }
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const charClass = code <= 0x7e ? classOf(code) : undefined;
    result += charClass && (full.get(charClass) ?? anyFull) ? String.fromCharCode(code + FULL_WIDTH_OFFSET) : text[index];
  }
  return result;
}

/**
 * The start of a filterText for an item whose key is `key` when the user typed `typed`: the typed text exactly as
 * typed, then the rest of the key in the same widths ("９.２." + "１"), so the client's filter (which does not
 * normalise widths) keeps the item. When the typed text is not a prefix of the key (after NFKC, any case), the
 * whole key in the typed widths.
 */
export function typedFilterText(typed: string, key: string): string {
  const typedKey = normalizeKey(typed).toLowerCase();
  if (typed !== '' && key.toLowerCase().startsWith(typedKey)) {
    return typed + inWidthOf(typed, key.slice(typedKey.length));
  }
  return inWidthOf(typed, key);
}

