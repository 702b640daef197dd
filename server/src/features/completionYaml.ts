/**
 * YAML completion (YAML files and Markdown front matter): where the cursor is — a key being typed, a value, a
 * comment — found by a line-based indentation walk from the cursor's line upwards, so it works while the user is
 * typing YAML that does not parse yet and never reads more than the lines above the cursor (and the cursor's
 * own mapping for sibling keys). Keys and fixed values come from the system-profile schema; providers,
 * services, regions, grades and control IDs from the knowledge.
 */

import type { CatalogueId } from '../catalogues/types';
import type { Knowledge } from '../knowledge';
import { normalizeKey } from '../text/normalize';
import { cataloguesForCue, controlCompletions, typedIdAtEnd, yamlKeyCue } from './completionControls';
import { directiveCompletions } from './completionDirectives';
import { type CompletionEntry, type CompletionResult, lineBounds, noCompletions, pad, typedFilterText } from './completionShared';
import { termCompletions } from './completionTerms';
import {
  type GradeAxis,
  gradeCompletions,
  providerCompletions,
  regionCompletions,
  serviceCompletions,
  serviceNamed,
  type ValueRange,
} from './completionValues';
import { escapeMarkdown as esc } from './markdownText';
import { loadSchema } from '../glossary/schemas';

// ---------------------------------------------------------------------------------------------------------
// Lines

/** A sequence entry ("- ") or a "key:" on a line, at its column. */
type Opener =
  | { readonly kind: 'item'; readonly col: number }
  | {
      readonly kind: 'key';
      readonly col: number;
      readonly name: string;
      /** Column just past the key text. */
      readonly keyEnd: number;
      readonly colon: number;
      /** Column where the value starts (after the colon and blanks). */
      readonly valueCol: number;
      /** The value on the line, without a comment, trimmed. */
      readonly value: string;
    };

interface ParsedLine {
  readonly indent: number;
  readonly openers: readonly Opener[];
  /** Column of the content after the sequence markers. */
  readonly contentCol: number;
  /** Column of a comment, if any. */
  readonly comment: number | undefined;
}

const KEY = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"[\]{},&*!|>%@`?](?:[^:\n]|:(?=\S))*?)[ \t]*:(?=[ \t]|$)/;

/** Where a comment starts on a line: a # at the start or after a blank, outside quotes. */
function commentColumn(line: string): number | undefined {
  let quote: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (quote) {
      if (char === quote) {
        quote = undefined;
      }
    } else if (char === '"' || char === "'") {
      // A quote opens a quoted scalar only at the start of a value.
      if (index === 0 || /[\s:[{,-]/.test(line[index - 1])) {
        quote = char;
      }
    } else if (char === '#' && (index === 0 || /\s/.test(line[index - 1]))) {
      return index;
    }
  }
  return undefined;
}

function parseLine(line: string): ParsedLine {
  const comment = commentColumn(line);
  const code = comment === undefined ? line : line.slice(0, comment);
  let col = 0;
  while (code[col] === ' ') {
    col++;
  }
  const indent = col;
  const openers: Opener[] = [];
  while (code[col] === '-' && (col + 1 === code.length || code[col + 1] === ' ' || code[col + 1] === '\t')) {
    openers.push({ kind: 'item', col });
    col++;
    while (code[col] === ' ' || code[col] === '\t') {
      col++;
    }
  }
  const contentCol = col;
  const key = KEY.exec(code.slice(col));
  if (key) {
    const raw = key[1];
    const name = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    const colon = col + key[0].length - 1;
    let valueCol = colon + 1;
    while (code[valueCol] === ' ' || code[valueCol] === '\t') {
      valueCol++;
    }
    openers.push({ kind: 'key', col, name, keyEnd: col + raw.length, colon, valueCol, value: code.slice(colon + 1).trim() });
  }
  return { indent, openers, contentCol, comment };
}

/** The value opens a nested block (nothing, or only an anchor or tag). */
function opensBlock(value: string): boolean {
  return /^(?:[&!]\S*\s*)*$/.test(value);
}

function isBlockScalarHeader(value: string): boolean {
  return /^(?:[&!]\S*\s+)*[|>][-+0-9]*$/.test(value);
}

interface Line {
  readonly start: number;
  readonly text: string;
}

/** The lines before `lineStart` (nearest first), down to `floor`. */
function* linesBefore(text: string, floor: number, lineStart: number): Generator<Line> {
  let end = lineStart - 1;
  while (end >= floor) {
    const start = end <= 0 ? floor : Math.max(floor, text.lastIndexOf('\n', end - 1) + 1);
    let lineEnd = end;
    if (lineEnd > start && text.charCodeAt(lineEnd - 1) === 0x0d) {
      lineEnd -= 1;
    }
    yield { start, text: text.slice(start, lineEnd) };
    end = start - 1;
  }
}

function* linesAfter(text: string, lineStart: number, ceiling: number): Generator<Line> {
  let start = text.indexOf('\n', lineStart);
  while (start !== -1 && start + 1 < ceiling) {
    start += 1;
    const { end } = lineBounds(text, start);
    yield { start, text: text.slice(start, Math.min(end, ceiling)) };
    start = text.indexOf('\n', start);
  }
}

function isSkippable(line: string): boolean {
  const trimmed = line.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function indentOf(line: string): number {
  let col = 0;
  while (line.charCodeAt(col) === 0x20) {
    col++;
  }
  return col;
}

/** Sibling keys are looked for this many lines either way at most (a nicety: keys already there are not offered). */
const SIBLING_REACH = 2000;

function isDocumentMarker(line: string): boolean {
  return /^(?:---|\.\.\.)(?:\s|$)/.test(line);
}

/** One step of a path: a key, or 0 for an entry of a sequence. */
export type Step = string | 0;

interface Ancestry {
  readonly steps: Step[];
  /** The key that holds the node (innermost), with its line and column, for sibling lookups. */
  readonly owner?: { readonly lineStart: number; readonly col: number };
  /** The node is text of a block scalar ("key: |") or a multi-line plain scalar: prose, not structure. */
  readonly inScalar: boolean;
}

/**
 * The keys and sequence entries above a node at column `col` on the line at `lineStart`. `item`: the node is a
 * sequence entry, which may sit at the same column as its key ("key:\n- a").
 */
function ancestry(text: string, floor: number, lineStart: number, col: number, item: boolean): Ancestry {
  const steps: Step[] = [];
  let limit = col;
  let itemMode = item;
  let owner: Ancestry['owner'];
  for (const line of linesBefore(text, floor, lineStart)) {
    if (isDocumentMarker(line.text)) {
      break;
    }
    if (isSkippable(line.text)) {
      continue;
    }
    const indent = indentOf(line.text);
    if (indent >= limit && !(itemMode && indent === limit)) {
      continue;
    }
    const parsed = parseLine(line.text);
    for (let index = parsed.openers.length - 1; index >= 0; index--) {
      const opener = parsed.openers[index];
      const sameColumnParent = itemMode && opener.kind === 'key' && opener.col === limit && opensBlock(opener.value);
      if (opener.col >= limit && !sameColumnParent) {
        continue;
      }
      if (opener.kind === 'key') {
        if (isBlockScalarHeader(opener.value) || !opensBlock(opener.value)) {
          return { steps, owner, inScalar: true };
        }
        steps.unshift(opener.name);
        owner ??= { lineStart: line.start, col: opener.col };
      } else {
        steps.unshift(0);
      }
      limit = opener.col;
      itemMode = opener.kind === 'item';
    }
    if (limit === 0 && !itemMode) {
      break;
    }
  }
  return { steps, owner, inScalar: false };
}

/**
 * Keys (with their values on the line) of the mapping whose keys sit at `col` and that holds the line at
 * `lineStart`. Upwards it ends at a line that starts left of `col` (that line's own key at `col` — the first
 * key of a sequence entry — still counts); downwards at any line that starts left of `col`.
 */
function siblings(text: string, floor: number, ceiling: number, lineStart: number, col: number): Map<string, string> {
  const found = new Map<string, string>();
  let budget = SIBLING_REACH;
  const visit = (line: Line, upwards: boolean): boolean => {
    if (isDocumentMarker(line.text) || budget-- <= 0) {
      return false;
    }
    if (isSkippable(line.text)) {
      return true;
    }
    const indent = indentOf(line.text);
    const inside = indent >= col;
    // Only a line starting at the column, or a sequence entry starting left of it, can hold a key at the column.
    if ((inside && indent === col) || (upwards && !inside && line.text[indent] === '-')) {
      const key = parseLine(line.text).openers.find((opener) => opener.kind === 'key' && opener.col === col);
      if (key && key.kind === 'key') {
        found.set(key.name, key.value);
      }
    }
    return inside;
  };
  const current = text.slice(lineStart, lineBounds(text, lineStart).end);
  if (visit({ start: lineStart, text: current }, true)) {
    for (const line of linesBefore(text, floor, lineStart)) {
      if (!visit(line, true)) {
        break;
      }
    }
  }
  budget = SIBLING_REACH;
  for (const line of linesAfter(text, lineStart, ceiling)) {
    if (!visit(line, false)) {
      break;
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Where the cursor is

type YamlPlace =
  | { readonly kind: 'comment'; readonly contentStart: number }
  | {
      readonly kind: 'key';
      readonly steps: Step[];
      readonly typed: string;
      readonly start: number;
      readonly end: number;
      /** The colon is already there: insert the name only. */
      readonly hasColon: boolean;
      /** The key already on the line (being edited), which is not "already written" elsewhere. */
      readonly ownName?: string;
      readonly col: number;
      readonly lineStart: number;
    }
  | {
      readonly kind: 'value';
      readonly steps: Step[];
      readonly range: ValueRange;
      readonly owner?: { readonly lineStart: number; readonly col: number };
      /** A sequence entry without a key: an entry's keys may be typed here too. */
      readonly entry?: { readonly col: number; readonly lineStart: number };
    }
  | { readonly kind: 'text'; readonly floor: number }
  | { readonly kind: 'none' };

/** The typed part of a scalar value from `valueCol` to the cursor: after an opening quote or flow "[" / ",". */
function scalarRange(line: string, lineStart: number, valueCol: number, cursorCol: number, lineEnd: number): { typed: string; start: number; end: number; flow: boolean } {
  // The cursor may sit right after the colon, before the space that starts the value.
  let from = Math.min(valueCol, cursorCol);
  let flow = false;
  const before = line.slice(valueCol, cursorCol);
  if (before.startsWith('[')) {
    flow = true;
    const separator = Math.max(before.lastIndexOf('['), before.lastIndexOf(','));
    from = valueCol + separator + 1;
    while (line[from] === ' ' && from < cursorCol) {
      from++;
    }
  }
  if ((line[from] === '"' || line[from] === "'") && from < cursorCol) {
    from++;
  }
  // The value's end: the rest of the token under the cursor.
  let end = cursorCol;
  const stop = flow ? /[,\]"'#]/ : /["'#]/;
  while (end < line.length && !stop.test(line[end]) && !(line[end] === ' ' && (flow || line[end + 1] === '#'))) {
    end++;
  }
  while (end > cursorCol && line[end - 1] === ' ') {
    end--;
  }
  return { typed: line.slice(from, cursorCol), start: lineStart + from, end: Math.min(lineStart + end, lineEnd), flow };
}

function placeAt(text: string, floor: number, offset: number): YamlPlace {
  const { start: lineStart, end: lineEnd } = lineBounds(text, offset);
  const line = text.slice(lineStart, lineEnd);
  const cursorCol = offset - lineStart;
  if (isDocumentMarker(line)) {
    return { kind: 'none' };
  }
  const parsed = parseLine(line);
  if (parsed.comment !== undefined && parsed.comment < cursorCol) {
    return { kind: 'comment', contentStart: lineStart + parsed.comment + 1 };
  }
  const items = parsed.openers.filter((opener) => opener.kind === 'item').length;
  const key = parsed.openers.find((opener) => opener.kind === 'key');
  const first = parsed.openers[0];
  const nodeCol = first ? first.col : line.trim() === '' ? cursorCol : parsed.indent;
  if (cursorCol < nodeCol && line.slice(0, cursorCol).trim() !== '') {
    return { kind: 'none' };
  }
  const above = ancestry(text, floor, lineStart, Math.min(nodeCol, cursorCol), first?.kind === 'item');
  if (above.inScalar) {
    return { kind: 'text', floor: lineStart };
  }
  const here: Step[] = [...above.steps, ...new Array<Step>(items).fill(0)];
  if (key && key.kind === 'key') {
    if (cursorCol > key.colon) {
      const value = scalarRange(line, lineStart, key.valueCol, cursorCol, lineEnd);
      if (line.slice(key.valueCol, cursorCol).startsWith('{') || isBlockScalarHeader(key.value)) {
        return { kind: 'none' };
      }
      return {
        kind: 'value',
        steps: value.flow ? [...here, key.name, 0] : [...here, key.name],
        range: { typed: value.typed, start: value.start, end: value.end, lead: cursorCol === key.colon + 1 ? ' ' : undefined },
        owner: { lineStart, col: key.col },
      };
    }
    if (cursorCol < key.col) {
      return { kind: 'none' };
    }
    return {
      kind: 'key',
      steps: here,
      typed: line.slice(key.col, cursorCol),
      start: lineStart + key.col,
      end: lineStart + key.keyEnd,
      hasColon: true,
      ownName: key.name,
      col: key.col,
      lineStart,
    };
  }
  if (items > 0) {
    const value = scalarRange(line, lineStart, parsed.contentCol, Math.max(cursorCol, parsed.contentCol), lineEnd);
    return {
      kind: 'value',
      steps: here,
      // "-" with the cursor right after it: the value needs a space before it.
      range: { typed: value.typed, start: value.start, end: value.end, lead: line[parsed.contentCol - 1] === '-' ? ' ' : undefined },
      owner: above.owner,
      entry: { col: parsed.contentCol, lineStart },
    };
  }
  const col = line.trim() === '' ? cursorCol : parsed.contentCol;
  const typed = line.slice(col, cursorCol);
  if (/[:\s]/.test(typed.trim())) {
    return { kind: 'none' };
  }
  return { kind: 'key', steps: here, typed, start: lineStart + col, end: lineStart + Math.max(cursorCol, col + line.slice(col).trimEnd().length), hasColon: false, col, lineStart };
}

// ---------------------------------------------------------------------------------------------------------
// The schema

type SchemaNode = Readonly<Record<string, unknown>>;

/** The system-profile schema, read on first use. */
const root = () => loadSchema('system-profile') as SchemaNode;

/** A node with its $ref, anyOf, oneOf and allOf expanded; `refs` collects the definition names passed. */
function expand(node: unknown, refs: Set<string>, depth = 0): SchemaNode[] {
  if (typeof node !== 'object' || node === null || depth > 12) {
    return [];
  }
  const schema = node as SchemaNode;
  const out: SchemaNode[] = [schema];
  if (typeof schema.$ref === 'string') {
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    if (name) {
      refs.add(name);
      out.push(...expand((root().definitions as Record<string, unknown>)[name], refs, depth + 1));
    }
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) {
      for (const branch of list) {
        out.push(...expand(branch, refs, depth + 1));
      }
    }
  }
  return out;
}

interface SchemaPlace {
  readonly nodes: readonly SchemaNode[];
  readonly refs: ReadonlySet<string>;
}

function schemaAt(steps: readonly Step[]): SchemaPlace {
  let refs = new Set<string>();
  let nodes = expand(root(), refs);
  for (const step of steps) {
    refs = new Set();
    const next: SchemaNode[] = [];
    for (const node of nodes) {
      if (step === 0) {
        next.push(...expand(node.items, refs));
      } else {
        const properties = node.properties as Record<string, unknown> | undefined;
        if (properties && Object.prototype.hasOwnProperty.call(properties, step)) {
          next.push(...expand(properties[step], refs));
        }
      }
    }
    nodes = next;
  }
  return { nodes, refs };
}

function descriptionOf(nodes: readonly SchemaNode[]): string | undefined {
  return nodes.map((node) => node.description).find((description): description is string => typeof description === 'string');
}

type ValueShape = 'scalar' | 'object' | 'array';

/** The shape a key's value is written in: that of the first typed branch (anyOf lists the usual form first). */
function shapeOf(nodes: readonly SchemaNode[]): ValueShape {
  const type = nodes.map((node) => node.type).find((found): found is string => typeof found === 'string');
  return type === 'array' ? 'array' : type === 'object' ? 'object' : 'scalar';
}

// ---------------------------------------------------------------------------------------------------------
// Items

const INDENT = '  ';

function keyItems(place: Extract<YamlPlace, { kind: 'key' }>, existing: ReadonlySet<string>, sortPrefix = '0'): CompletionEntry[] {
  const { nodes } = schemaAt(place.steps);
  const names: string[] = [];
  for (const node of nodes) {
    const properties = node.properties as Record<string, unknown> | undefined;
    for (const name of Object.keys(properties ?? {})) {
      if (!names.includes(name) && !existing.has(name)) {
        names.push(name);
      }
    }
  }
  const indent = ' '.repeat(place.col);
  return names.map((name, index): CompletionEntry => {
    const child = schemaAt([...place.steps, name]).nodes;
    const shape = shapeOf(child);
    const description = descriptionOf(child);
    let insertText: string;
    if (place.hasColon) {
      insertText = name;
    } else if (shape === 'object') {
      insertText = `${name}:\n${indent}${INDENT}`;
    } else if (shape === 'array') {
      insertText = `${name}:\n${indent}${INDENT}- `;
    } else {
      insertText = `${name}: `;
    }
    return {
      label: name,
      kind: 'key',
      detail: description ? description.split(' / ')[0] : undefined,
      documentation: description ? esc(description) : undefined,
      filterText: typedFilterText(place.typed, name),
      sortText: `${sortPrefix}${pad(index)}`,
      insertText: insertText === name ? undefined : insertText,
      replaceStart: place.start,
      replaceEnd: place.end,
      retrigger: !place.hasColon || undefined,
    };
  });
}

function schemaValueItems(nodes: readonly SchemaNode[], range: ValueRange): CompletionEntry[] {
  const values: string[] = [];
  for (const node of nodes) {
    for (const keyword of ['enum', 'examples']) {
      const list = node[keyword];
      if (Array.isArray(list)) {
        for (const value of list) {
          const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
          if (text !== undefined && !values.includes(text)) {
            values.push(text);
          }
        }
      }
    }
  }
  const description = descriptionOf(nodes);
  return values.map((value, index) => ({
    label: value,
    kind: 'value' as const,
    detail: description ? description.split(' / ')[0] : undefined,
    filterText: typedFilterText(range.typed, value),
    sortText: `0${pad(index)}`,
    insertText: range.lead ? range.lead + value : undefined,
    replaceStart: range.start,
    replaceEnd: range.end,
  }));
}

const REGION_KEY = /region|リージョン/i;
const PROVIDER_KEY = /^(?:cloud[-_ ]?)?provider$|^プロバイダ|^クラウド事業者$|^事業者$/i;
const SERVICE_KEY = /^(?:cloud[-_ ]?)?services?$|^(?:saas|iaas|paas)$|^サービス$|^利用サービス$/i;
const AXIS_KEYS: readonly [GradeAxis, RegExp][] = [
  ['confidentiality', /^(?:confidentiality|機密性)(?:[-_ ]?(?:level|class|grade)|格付|区分|レベル)?$/i],
  ['integrity', /^(?:integrity|完全性)(?:[-_ ]?(?:level|class|grade)|格付|区分|レベル)?$/i],
  ['availability', /^(?:availability|可用性)(?:[-_ ]?(?:level|class|grade)|格付|区分|レベル)?$/i],
];
const GRADE_KEY = /^(?:classification|格付|情報の格付)$/i;

const CONTROL_REFS: Readonly<Record<string, CatalogueId[]>> = {
  ismapControlId: ['ismap'],
  nistControlId: ['nist-sp800-53r5'],
  iso2022ControlId: ['iso27001-2022'],
  iso2013ControlId: ['iso27001-2013'],
  commonStandardsControlId: ['common-standards-r7'],
};

/** IDs that carry their own prefix (a `controls:` list): NIST for "AC-…", ISO/IEC 27001:2022 for "A.…". */
function prefixedCatalogues(typed: string): CatalogueId[] {
  const shape = typedIdAtEnd(normalizeKey(typed))?.shape;
  if (shape === 'annex') {
    return ['iso27001-2022', 'iso27001-2013'];
  }
  if (shape === 'nist' || /^[A-Za-z]{1,2}$/.test(typed.trim())) {
    return ['nist-sp800-53r5'];
  }
  return typed.trim() === '' ? ['nist-sp800-53r5', 'iso27001-2022'] : [];
}

interface Context {
  readonly text: string;
  readonly floor: number;
  readonly ceiling: number;
  readonly knowledge: Knowledge;
  /** The document looks like a system profile or is front matter: schema keys and values apply. */
  readonly profile: boolean;
}

function providerFor(context: Context, owner: { lineStart: number; col: number } | undefined): ReturnType<typeof serviceNamed> {
  if (!owner) {
    return undefined;
  }
  const around = siblings(context.text, context.floor, context.ceiling, owner.lineStart, owner.col);
  for (const [name, value] of around) {
    if (PROVIDER_KEY.test(name) || /^cloud$|^クラウド$/i.test(name)) {
      const service = serviceNamed(context.knowledge, value);
      if (service) {
        return service;
      }
    }
  }
  return undefined;
}

function valueItems(place: Extract<YamlPlace, { kind: 'value' }>, context: Context): CompletionResult {
  const { knowledge } = context;
  const keyPath = place.steps.filter((step): step is string => step !== 0);
  const lastKey = keyPath[keyPath.length - 1] ?? '';
  const schema = context.profile ? schemaAt(place.steps) : { nodes: [], refs: new Set<string>() };
  const known = schema.nodes.length > 0;
  const refs = schema.refs;
  const range = place.range;
  const list = (items: CompletionEntry[]): CompletionResult => ({ items, isIncomplete: false });

  if (refs.has('cloudRegion') || (!known && REGION_KEY.test(lastKey))) {
    return list(regionCompletions(knowledge, range, providerFor(context, place.owner)));
  }
  if (refs.has('cloudProvider') || (!known && PROVIDER_KEY.test(lastKey))) {
    return list(providerCompletions(knowledge, range));
  }
  const serviceKey = SERVICE_KEY.test(lastKey) || (lastKey === 'name' && keyPath.slice(0, -1).some((key) => SERVICE_KEY.test(key)));
  if (refs.has('cloudService') || (!known && serviceKey)) {
    const saas = keyPath.some((key) => /saas/i.test(key));
    const items = serviceCompletions(knowledge, range, providerFor(context, place.owner), saas);
    if (place.entry && schemaAt([...place.steps]).nodes.some((node) => node.type === 'object')) {
      items.push(...entryKeyItems(place, context));
    }
    return list(items);
  }
  const controlCatalogues =
    [...refs].map((ref) => CONTROL_REFS[ref]).find((found) => found !== undefined) ??
    (refs.has('prefixedControlId') ? prefixedCatalogues(range.typed) : undefined) ??
    (known ? undefined : controlCataloguesForKeys(keyPath, range.typed));
  if (controlCatalogues && controlCatalogues.length > 0) {
    return controlCompletions(knowledge, controlCatalogues, range.typed, range.start, range.end);
  }
  const axis = refs.has('confidentiality')
    ? 'confidentiality'
    : refs.has('integrity')
      ? 'integrity'
      : refs.has('availability')
        ? 'availability'
        : known
          ? undefined
          : AXIS_KEYS.find(([, pattern]) => pattern.test(normalizeKey(lastKey)))?.[0];
  if (axis) {
    return list(gradeCompletions(knowledge, range, axis));
  }
  if (refs.has('gradeText') || (!known && GRADE_KEY.test(normalizeKey(lastKey)))) {
    return list(gradeCompletions(knowledge, range));
  }
  if (known) {
    const items = schemaValueItems(schema.nodes, range);
    if (place.entry) {
      items.push(...entryKeyItems(place, context));
    }
    if (items.length > 0) {
      return list(items);
    }
  }
  // Free text: glossary terms (not in a URL).
  if (/:\/\/|^www\./i.test(range.typed)) {
    return noCompletions();
  }
  const terms = termCompletions(context.text, range.start, Math.min(range.end, range.start + range.typed.length), knowledge);
  return { items: terms, isIncomplete: terms.length > 0 };
}

function controlCataloguesForKeys(keyPath: readonly string[], typed: string): CatalogueId[] | undefined {
  const cue = yamlKeyCue(keyPath);
  if (cue) {
    return cataloguesForCue(cue, typed);
  }
  return /^controls?$|^管理策$/i.test(keyPath[keyPath.length - 1] ?? '') ? prefixedCatalogues(typed) : undefined;
}

/** Keys of a sequence entry's mapping, offered where an entry's first key may be typed ("- na" → name). */
function entryKeyItems(place: Extract<YamlPlace, { kind: 'value' }>, context: Context): CompletionEntry[] {
  if (!place.entry || /[:\s]/.test(place.range.typed.trim())) {
    return [];
  }
  const existing = siblings(context.text, context.floor, context.ceiling, place.entry.lineStart, place.entry.col);
  return keyItems(
    { kind: 'key', steps: place.steps, typed: place.range.typed, start: place.range.start, end: place.range.end, hasColon: false, col: place.entry.col, lineStart: place.entry.lineStart },
    new Set(existing.keys()),
    '9',
  );
}

const PROFILE_FILE = /(?:^|[/\\._-])(?:system[-_]?profile|profile|spec|procurement|調達|仕様)[^/\\]*\.ya?ml$/i;
const PROFILE_KEYS = /^(?:doctype|profile|system|cloud|classification|procurement|調達|文書種別|ismap_controls|saas|services)[ \t]*:/m;
const CONFIG_FILE = /(?:^|[/\\])\.govsec\.ya?ml$/i;

/** Whether a YAML file is a system profile (its name, or the profile keys at its top level). */
export function looksLikeProfile(uri: string, text: string): boolean {
  let path = uri;
  try {
    path = decodeURIComponent(uri);
  } catch {
    // keep the URI as it is
  }
  if (CONFIG_FILE.test(path)) {
    return false;
  }
  return PROFILE_FILE.test(path) || PROFILE_KEYS.test(text);
}

/**
 * Completion in YAML `text[floor, ceiling)` (a YAML file, or a Markdown front matter's body) at `offset`.
 * `frontMatter`: the schema always applies and comments are YAML comments.
 */
export function yamlCompletions(text: string, uri: string, floor: number, ceiling: number, offset: number, knowledge: Knowledge, frontMatter: boolean): CompletionResult {
  const place = placeAt(text, floor, offset);
  const context: Context = { text, floor, ceiling, knowledge, profile: frontMatter || looksLikeProfile(uri, text) };
  switch (place.kind) {
    case 'none':
      return noCompletions();
    case 'comment':
      return { items: directiveCompletions(text, place.contentStart, offset, false), isIncomplete: false };
    case 'text': {
      const terms = termCompletions(text, Math.max(place.floor, lineBounds(text, offset).start), offset, knowledge);
      return { items: terms, isIncomplete: terms.length > 0 };
    }
    case 'key': {
      if (!context.profile) {
        return noCompletions();
      }
      const existing = new Set(siblings(text, floor, ceiling, place.lineStart, place.col).keys());
      if (place.ownName !== undefined) {
        existing.delete(place.ownName);
      }
      return { items: keyItems(place, existing), isIncomplete: false };
    }
    case 'value':
      return valueItems(place, context);
  }
}
