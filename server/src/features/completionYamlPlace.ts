/**
 * Where the cursor is in YAML (a YAML file, or a Markdown front matter's body), for completion: a key being typed
 * (with the keys already written beside it), a value (with the keys and values beside the key holding it), a
 * comment, or the text of a block scalar; and the key path to it. Read from the `yaml` library's tolerant parse
 * of the text around the cursor, with a marker put at the cursor so that the parser builds the node being typed
 * even when nothing is typed yet. Only a window of lines around the cursor is parsed as it is (the parser costs
 * far more per byte than a line scan); beyond it, the lines that hold it and the first lines of the keys beside
 * it, found by their indentation, so the answer is that of the whole document whatever its size.
 */

import { isMap, isPair, isScalar, isSeq, parseDocument, Scalar, visit, type Node, type Pair } from 'yaml';
import { yamlComments } from '../document/yaml';
import { lineBounds } from './completionShared';
import type { ValueRange } from './completionValues';

// ---------------------------------------------------------------------------------------------------------
// The window parsed around the cursor

/** At most this many characters of whole lines above and below the cursor's line are parsed as they are. */
const WINDOW_ABOVE = 2000;
const WINDOW_BELOW = 600;
/** Beyond the window, at most this many sibling keys either way are read (their first line only). */
const MAX_SIBLINGS = 500;

interface Window {
  /**
   * Lines above the window, each with its "\n": those that hold it (each less indented than everything below
   * it), then the first lines of the keys beside the window's first line.
   */
  readonly above: string;
  readonly start: number;
  readonly end: number;
  /** Below the window, the first lines of the keys beside the cursor's (at its column), each after a "\n". */
  readonly below: string;
}

function isDocumentMarker(text: string, lineStart: number): boolean {
  return /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(lineStart, lineStart + 4));
}

function isSequenceEntry(text: string, at: number): boolean {
  return text[at] === '-' && /^[ \t\r\n]?$/.test(text[at + 1] ?? '');
}

interface HeldLine {
  readonly indent: number;
  /** The line starts a sequence entry ("- "). */
  readonly entry: boolean;
}

/** Whether `outer` holds `inner` when `inner` comes below it: more indented, or an entry under a key at its column. */
function holds(outer: HeldLine, inner: HeldLine): boolean {
  return outer.indent < inner.indent || (outer.indent === inner.indent && !outer.entry && inner.entry);
}

/**
 * Line starts less indented than `line`, or keys at its column ("\n" rather than a multiline "^": the regex
 * engine finds it much faster; deeper lines, most of a long list, are skipped without a look).
 */
function shallowLines(line: HeldLine): RegExp {
  const less = line.indent > 0 ? ` {0,${line.indent - 1}}[^ \\r\\n#]|` : '';
  return new RegExp(`(?:^|\\n)(?:${less} {${line.indent}}(?:[^ \\r\\n#-]|-[^ \\t\\r\\n]))`, 'g');
}

/** A sibling key's first line without what may run on to the lines left out: its value only when plain. */
function siblingLine(line: string): string | undefined {
  const pair = /^( *)((?:"[^"]*"|'[^']*'|[^\s#"'][^#]*?)):(?:[ \t]+(.*))?$/.exec(line.trimEnd());
  if (!pair) {
    return undefined;
  }
  const value = pair[3]?.replace(/(?:^|[ \t])#.*$/, '').trim() ?? '';
  const whole = /^[^"'[{|>&*!%@`]|^"[^"\\]*"$|^'[^']*'$/.test(value);
  return whole ? `${pair[1]}${pair[2]}: ${value}` : `${pair[1]}${pair[2]}:`;
}

interface LineAt extends HeldLine {
  readonly start: number;
  readonly end: number;
}

function lineAt(text: string, lineStart: number): LineAt {
  let indent = 0;
  while (text.charCodeAt(lineStart + indent) === 0x20) {
    indent++;
  }
  return { start: lineStart, end: lineBounds(text, lineStart).end, indent, entry: isSequenceEntry(text, lineStart + indent) };
}

/** The lines of [floor, limit) that hold `first` (the window's first line, at `limit`), then the keys beside it. */
function linesAbove(text: string, floor: number, limit: number, first: HeldLine): string {
  const chain: LineAt[] = [];
  let siblings: LineAt[] = [];
  const lines = shallowLines(first);
  lines.lastIndex = Math.max(0, floor - 1);
  for (let match = lines.exec(text); match; match = lines.exec(text)) {
    const line = lineAt(text, match.index + (text[match.index] === '\n' ? 1 : 0));
    if (line.start >= limit) {
      break;
    }
    lines.lastIndex = line.end;
    if (line.indent === 0 && isDocumentMarker(text, line.start)) {
      chain.length = 0;
      siblings = [];
      continue;
    }
    if (line.indent === first.indent && !line.entry && !first.entry) {
      siblings.push(line);
      continue;
    }
    while (chain.length > 0 && !holds(chain[chain.length - 1], line)) {
      chain.pop();
    }
    chain.push(line);
    siblings = [];
  }
  while (chain.length > 0 && !holds(chain[chain.length - 1], first)) {
    chain.pop();
  }
  const kept = chain.map((line) => text.slice(line.start, line.end));
  for (const line of siblings.slice(-MAX_SIBLINGS)) {
    const sibling = siblingLine(text.slice(line.start, line.end));
    if (sibling !== undefined) {
      kept.push(sibling);
    }
  }
  return kept.map((line) => `${line}\n`).join('');
}

/**
 * The first lines of the keys beside the cursor's below the window [cursorLineEnd, windowEnd), up to the end of
 * their mapping: none if a line of the window already ends it.
 */
function siblingsBelow(text: string, cursorLineEnd: number, windowEnd: number, ceiling: number): string {
  // The column of the cursor's mapping: its line's indentation, past any "- " markers.
  const cursorLine = lineAt(text, lineBounds(text, cursorLineEnd).start);
  let column = cursorLine.indent;
  while (isSequenceEntry(text, cursorLine.start + column)) {
    column++;
    while (text[cursorLine.start + column] === ' ') {
      column++;
    }
  }
  const level: HeldLine = { indent: column, entry: false };
  const lines = shallowLines(level);
  const kept: string[] = [];
  lines.lastIndex = cursorLineEnd;
  for (let match = lines.exec(text); match && kept.length < MAX_SIBLINGS; match = lines.exec(text)) {
    const line = lineAt(text, match.index + (text[match.index] === '\n' ? 1 : 0));
    if (line.start >= ceiling || line.indent < level.indent || isDocumentMarker(text, line.start)) {
      break;
    }
    lines.lastIndex = line.end;
    const sibling = line.start >= windowEnd ? siblingLine(text.slice(line.start, Math.min(line.end, ceiling))) : undefined;
    if (sibling !== undefined) {
      kept.push(`\n${sibling}`);
    }
  }
  return kept.join('');
}

/**
 * The lines to parse: from the topmost line within WINDOW_ABOVE that is not more indented than any line between
 * it and the cursor, to WINDOW_BELOW past the cursor's line; never across a document marker or out of
 * [floor, ceiling). Beyond the window, the lines that hold it and the first lines of the keys beside its first
 * line are kept, so the key path and the keys already written are those of the whole document.
 */
function windowAround(text: string, floor: number, ceiling: number, offset: number): Window {
  const cursorLine = lineBounds(text, offset);
  let indent = 0;
  while (text.charCodeAt(cursorLine.start + indent) === 0x20 && cursorLine.start + indent < offset) {
    indent++;
  }
  let first: HeldLine = { indent, entry: isSequenceEntry(text, cursorLine.start + indent) };
  let start = cursorLine.start;
  let reachedTop = true;
  const budget = cursorLine.start - WINDOW_ABOVE;
  for (let lineEnd = cursorLine.start - 1; lineEnd >= floor; ) {
    const lineStart = Math.max(floor, text.lastIndexOf('\n', lineEnd - 1) + 1);
    if (lineStart < budget) {
      reachedTop = false;
      break;
    }
    const line = lineAt(text, lineStart);
    const char = lineStart + line.indent < lineEnd ? text[lineStart + line.indent] : '\n';
    if (line.indent === 0 && isDocumentMarker(text, lineStart)) {
      break;
    }
    if (char !== '\n' && char !== '\r' && char !== '#' && line.indent <= first.indent) {
      start = lineStart;
      first = line;
    }
    lineEnd = lineStart - 1;
  }
  let end = cursorLine.end;
  for (let newline = text.indexOf('\n', end); newline !== -1 && newline + 1 < ceiling; newline = text.indexOf('\n', end)) {
    const lineStart = newline + 1;
    if (lineStart - cursorLine.end > WINDOW_BELOW || isDocumentMarker(text, lineStart)) {
      break;
    }
    end = Math.min(ceiling, lineBounds(text, lineStart).end);
  }
  return {
    above: reachedTop ? '' : linesAbove(text, floor, start, first),
    start,
    end: Math.max(end, offset),
    below: end < ceiling ? siblingsBelow(text, cursorLine.end, end, ceiling) : '',
  };
}

// ---------------------------------------------------------------------------------------------------------
// Where the cursor is

/** Put at the cursor before parsing: a private-use character, valid in a plain scalar and never typed. */
const MARK = '\uE000';

/** One step of a path: a key, or 0 for an entry of a sequence. */
export type Step = string | 0;

export type YamlPlace =
  | { readonly kind: 'none' }
  | { readonly kind: 'comment'; readonly contentStart: number }
  /** Text of a block scalar or of a scalar continued from a line above: prose. */
  | { readonly kind: 'text'; readonly lineStart: number }
  | {
      readonly kind: 'key';
      readonly steps: Step[];
      readonly typed: string;
      readonly start: number;
      readonly end: number;
      /** The colon is already there: insert the name only. */
      readonly hasColon: boolean;
      /** In a flow mapping ("{a: 1, b}"): insert "name: " whatever the value's shape. */
      readonly flow: boolean;
      /** Column of the key, for the indentation of what a key inserts below itself. */
      readonly col: number;
      /** Keys already written beside this one. */
      readonly existing: ReadonlySet<string>;
    }
  | {
      readonly kind: 'value';
      readonly steps: Step[];
      readonly range: ValueRange;
      /** The keys (and their scalar values) beside the innermost key holding the value: the chosen provider. */
      readonly siblings: ReadonlyMap<string, string>;
      /** A block sequence entry without a key: an entry's first key may be typed here too. */
      readonly entry?: { readonly col: number };
    };

/**
 * A key's name. A plain key run on over lines is a colon missing above ("provider AWS\n  region: x"): an implicit
 * key is one line, so the name is its last line.
 */
function keyName(node: unknown, source: string): string {
  if (!isScalar(node)) {
    return '';
  }
  const raw = node.range && node.type === Scalar.PLAIN ? source.slice(node.range[0], node.range[1]) : '';
  return raw.includes('\n') ? raw.slice(raw.lastIndexOf('\n') + 1).trim() : String(node.value ?? '');
}

/** The keys of a mapping with their scalar values, leaving out `except`. */
function pairsOf(map: unknown, source: string, except?: Pair): Map<string, string> {
  const found = new Map<string, string>();
  if (isMap(map)) {
    for (const pair of map.items) {
      if (pair !== except) {
        found.set(keyName(pair.key, source), isScalar(pair.value) ? String(pair.value.value ?? '') : '');
      }
    }
  }
  return found;
}

const QUOTED = new Set<string>([Scalar.QUOTE_DOUBLE, Scalar.QUOTE_SINGLE]);
const BLOCK = new Set<string>([Scalar.BLOCK_FOLDED, Scalar.BLOCK_LITERAL]);

/** A typed key: no blank or colon inside (a key is one token while being typed). */
const KEY_SO_FAR = /^[^\s:#]*$/;
/** The start of a line where a key is being typed (nothing, or a plain word), so a colon may be put after the marker. */
const KEY_LINE = /^ *(?:[^\s\-?:,[\]{}#&*!|>'"%@`][^\s:#]*)?$/;

/** Where the cursor at `offset` is in the YAML of `text[floor, ceiling)`. */
export function yamlPlaceAt(text: string, floor: number, ceiling: number, offset: number): YamlPlace {
  const line = lineBounds(text, offset);
  if (isDocumentMarker(text, line.start)) {
    return { kind: 'none' };
  }
  const before = text.slice(line.start, offset);
  const restBlank = text.slice(offset, line.end).trim() === '';
  // Right after "key:" or "-": the value needs a blank before it, in the parse as in the inserted text.
  const lead = restBlank && /(?::|(?:^|[ \t])-)$/.test(before) ? ' ' : undefined;
  // A bare word on its own line is a key being typed: the colon keeps it from continuing into the next line's key.
  let colon = restBlank && KEY_LINE.test(before);
  const window = windowAround(text, floor, ceiling, offset);
  const cursorAt = window.above.length + offset - window.start;
  const markAt = cursorAt + (lead ?? '').length;
  const contentCol = before.length - before.trimStart().length;
  /** Opening quotes above the cursor left unclosed, read as blanks. */
  const unclosed: number[] = [];

  for (let attempt = 0; attempt < 4; attempt++) {
    const insertion = (lead ?? '') + MARK + (colon ? ':' : '') + (restBlank ? ' #' : '');
    /** Text offset of a source offset in the window (the insertion maps to the cursor). */
    const toText = (at: number) => (at <= cursorAt ? at : Math.max(cursorAt, at - insertion.length)) - window.above.length + window.start;
    let source = window.above + text.slice(window.start, offset) + insertion + text.slice(offset, window.end) + window.below;
    // A tab is no indentation in YAML; read one as a blank (same length, so offsets hold).
    source = source.replace(/^[ \t]*\t[ \t]*/gm, (blanks) => ' '.repeat(blanks.length));
    for (const at of unclosed) {
      source = source.slice(0, at) + ' ' + source.slice(at + 1);
    }
    const found = scalarAt(source, markAt);
    if (!found) {
      const comment = yamlComments(text.slice(line.start, line.end)).find((range) => range.start < offset - line.start);
      return comment ? { kind: 'comment', contentStart: line.start + comment.start + 1 } : { kind: 'none' };
    }
    const { node, path } = found;
    const [nodeStart, nodeEnd] = node.range!;
    const startsAbove = nodeStart < markAt && source.lastIndexOf('\n', markAt - 1) >= nodeStart;
    const quote = QUOTED.has(node.type ?? '') ? source[nodeStart] : undefined;
    const closed = quote !== undefined && nodeEnd - 1 > nodeStart && source[nodeEnd - 1] === quote && !(nodeEnd - 1 === markAt);
    if (quote && startsAbove && !closed) {
      // An unclosed quote above swallows the rest: read the text as if that quote were not there.
      unclosed.push(nodeStart);
      continue;
    }
    if (BLOCK.has(node.type ?? '')) {
      return startsAbove && source.indexOf('\n', nodeStart) < markAt ? { kind: 'text', lineStart: line.start } : { kind: 'none' };
    }
    const parent = path[path.length - 1];
    const steps = stepsOf(path, node, source);
    const valueStart = toText(nodeStart + (quote ? 1 : 0));
    const valueEnd = restBlank ? offset : Math.max(offset, toText(nodeEnd - (closed ? 1 : 0)));
    const keyOnThisLine = (start: number, existing: ReadonlySet<string>, hasColon: boolean, flow: boolean): YamlPlace => {
      const typed = text.slice(start, offset);
      return KEY_SO_FAR.test(typed)
        ? { kind: 'key', steps, typed, start, end: Math.max(offset, valueEnd), hasColon, flow, col: start - line.start, existing }
        : { kind: 'none' };
    };
    if (isPair(parent) && parent.key === node) {
      const existing = new Set(pairsOf(path[path.length - 2], source, parent).keys());
      const flow = isMap(path[path.length - 2]) && (path[path.length - 2] as { flow?: boolean }).flow === true;
      if (flow && colon) {
        // The colon put after a word in a flow sequence ("[a,\n  b") made it a key: read it without.
        colon = false;
        continue;
      }
      const hasColon = !colon && /^[ \t]*:/.test(source.slice(nodeEnd));
      if (!startsAbove) {
        return keyOnThisLine(valueStart, existing, hasColon, flow);
      }
      // A key run on from the line above that lacks its colon ("provider AWS\n  regi"): the key is this line's word.
      return toText(nodeStart) - lineBounds(text, toText(nodeStart)).start === contentCol && !flow
        ? keyOnThisLine(line.start + contentCol, existing, hasColon, flow)
        : { kind: 'text', lineStart: line.start };
    }
    const plainBelowKey = isPair(parent) && isScalar(parent.key) && node.type === Scalar.PLAIN && source.slice(parent.key.range![1], nodeStart).includes('\n');
    if (plainBelowKey || (path.length === 1 && node.type === Scalar.PLAIN)) {
      // A word on its own line under "key:" (or alone in the document): a key being typed, of a mapping not there yet.
      return keyOnThisLine(Math.max(valueStart, line.start + contentCol), new Set(), false, false);
    }
    if (startsAbove) {
      return { kind: 'text', lineStart: line.start };
    }
    const holder = [...path].reverse().findIndex((ancestor) => isPair(ancestor));
    const holderPair = holder === -1 ? undefined : (path[path.length - 1 - holder] as Pair);
    const siblings = holderPair ? pairsOf(path[path.length - 2 - holder], source, holderPair) : new Map<string, string>();
    const blockEntry = isSeq(parent) && !parent.flow;
    return {
      kind: 'value',
      steps,
      range: { typed: text.slice(valueStart, offset), start: valueStart, end: valueEnd, lead },
      siblings,
      entry: blockEntry ? { col: valueStart - line.start + (lead ?? '').length } : undefined,
    };
  }
  return { kind: 'none' };
}

/** The scalar holding the marker, with the nodes and pairs above it. */
function scalarAt(source: string, markAt: number): { node: Scalar; path: readonly unknown[] } | undefined {
  let found: { node: Scalar; path: readonly unknown[] } | undefined;
  visit(parseDocument(source, { uniqueKeys: false }), {
    Scalar(_, node, path) {
      if (node.range && node.range[0] <= markAt && markAt < node.range[1]) {
        found = { node, path: [...path] };
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/** The key path to `node`: the keys of the pairs holding it (not its own key) and 0 for each sequence entry. */
function stepsOf(path: readonly unknown[], node: Node, source: string): Step[] {
  const steps: Step[] = [];
  path.forEach((ancestor, index) => {
    if (isSeq(ancestor)) {
      steps.push(0);
    } else if (isPair(ancestor) && ancestor.key !== (path[index + 1] ?? node)) {
      steps.push(keyName(ancestor.key, source));
    }
  });
  return steps;
}
