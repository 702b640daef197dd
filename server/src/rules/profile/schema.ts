/**
 * profile/schema — a value in a YAML system profile or a procurement spec's front matter that does not fit
 * the system-profile schema (glossary/schema/system-profile.schema.json): a NIST ID list holding something
 * that is not an ID, a cloud given as a number, an unknown shape. The same schema drives completion and is
 * registered for the YAML extension; this rule is govsec's own validation with it.
 *
 * Values that other rules judge with their own reasons (information grades: classification/unknown-level)
 * are left to them, so one mistake is reported once.
 */

import type { ErrorObject, ValidateFunction } from 'ajv';
import { isNode, isScalar, type Document } from 'yaml';
import { loadSchema } from '../../glossary/schemas';
import { instancePath, validatorFor } from '../../glossary/yamlData';
import type { Finding, Rule } from '../rule';

let validator: ValidateFunction | undefined;

/** Paths whose values another rule reports (the grades: classification/unknown-level). */
const LEFT_TO_OTHER_RULES = /(^|\/)(classification|confidentiality|integrity|availability|格付|機密性|完全性|可用性)(\/|$)/;

function describe(error: ErrorObject): { ja: string; en: string } {
  if (error.keyword === 'pattern' || error.keyword === 'anyOf') {
    return { ja: 'この値はこの項目の形式に合いません', en: 'the value does not have the form this key expects' };
  }
  if (error.keyword === 'type') {
    const type = (error.params as { type: string }).type;
    const [ja, en] = TYPE_NAMES[type] ?? [type, `a ${type}`];
    return { ja: `この項目は${ja}で書きます`, en: `this key takes ${en}` };
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ');
    return { ja: `使える値: ${allowed}`, en: `allowed values: ${allowed}` };
  }
  if (error.keyword === 'minimum' || error.keyword === 'maximum') {
    const limit = (error.params as { limit: number }).limit;
    return error.keyword === 'minimum'
      ? { ja: `${limit}以上の値を書きます`, en: `the value must be at least ${limit}` }
      : { ja: `${limit}以下の値を書きます`, en: `the value must be at most ${limit}` };
  }
  // ajv's own wording is English only: the Japanese message names the schema keyword instead.
  return { ja: `この値はスキーマに合いません（${error.keyword}）`, en: error.message ?? error.keyword };
}

/** A value's place as a writer counts it: keys joined with '.', list items from 1 (nist.1 is 「nist の2番目」). */
function whereIs(path: readonly (string | number)[]): { ja: string; en: string } {
  if (path.length === 0) {
    return { ja: '（最上位）', en: '(top level)' };
  }
  const ja = path.map((part) => (typeof part === 'number' ? `の${part + 1}番目` : part)).join('.').replace(/\.の/g, 'の');
  const en = path.map((part) => (typeof part === 'number' ? `[item ${part + 1}]` : part)).join('.').replace(/\.\[/g, ' [');
  return { ja, en };
}

/** JSON Schema types as a writer of YAML calls them. */
const TYPE_NAMES: Readonly<Record<string, readonly [string, string]>> = {
  array: ['リスト', 'a list'],
  object: ['キーと値の組（マッピング）', 'a mapping'],
  string: ['文字列', 'a string'],
  number: ['数値', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['true か false', 'true or false'],
};

/** The most specific errors: one per data path, preferring the deepest path (anyOf reports every branch). */
function specificErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (!byPath.has(error.instancePath) || error.keyword === 'pattern' || error.keyword === 'enum') {
      byPath.set(error.instancePath, error);
    }
  }
  const paths = [...byPath.keys()];
  return [...byPath.values()].filter((error) => !paths.some((other) => other !== error.instancePath && other.startsWith(`${error.instancePath}/`)));
}

function rangeOf(document: Document.Parsed, path: (string | number)[]): [number, number] | undefined {
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      return [node.range[0], node.range[1]];
    }
  }
  return undefined;
}

/** What separates the items of a list written as one string: 「5.1.1, 6.1.2」「AC-2、AC-3」「A.5.1; A.5.2」. */
const ITEM_SEPARATOR = /[,，、;；]/;

const FLOW_SCALAR = new Set(['PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE']);

interface StringItem {
  readonly path: (string | number)[];
  /** The item's offsets in the YAML text (before the front-matter shift). */
  readonly start: number;
  readonly end: number;
}

/**
 * A list written as one string (`ismap_controls: "5.1.1, 6.1.2"`): where the schema expects a list, the
 * string is read as its items, and each item is checked as a list item would be, at its own place. Returns
 * the data with those strings split (only where splitting makes the key itself valid) and the items' places.
 */
function splitStringLists(
  document: Document.Parsed,
  text: string,
  data: Record<string, unknown>,
  errors: readonly ErrorObject[],
  validate: ValidateFunction,
): { data: Record<string, unknown>; items: Map<string, StringItem>; lists: Map<string, (string | number)[]> } | undefined {
  const candidates = new Map<string, { path: (string | number)[]; parts: StringItem[] }>();
  for (const error of errors) {
    const path = instancePath(error);
    const node = document.getIn(path, true);
    // Only a flow scalar on its line is split where it is written (a block scalar's | or > is not an item).
    if (candidates.has(error.instancePath) || !isScalar(node) || typeof node.value !== 'string' || !node.range || !FLOW_SCALAR.has(node.type ?? '')) {
      continue;
    }
    // The items as written in the source, so that each is reported where it is (quotes left out).
    const source = text.slice(node.range[0], node.range[1]);
    const quote = /^["']/.test(source) ? 1 : 0;
    const parts: StringItem[] = [];
    let offset = node.range[0] + quote;
    for (const piece of source.slice(quote, source.length - quote).split(ITEM_SEPARATOR)) {
      const lead = piece.length - piece.trimStart().length;
      const value = piece.trim();
      if (value) {
        parts.push({ path: [...path, parts.length], start: offset + lead, end: offset + lead + value.length });
      }
      offset += piece.length + 1;
    }
    if (parts.length > 0) {
      candidates.set(error.instancePath, { path, parts });
    }
  }
  if (candidates.size === 0) {
    return undefined;
  }
  const split = structuredClone(data);
  for (const { path, parts } of candidates.values()) {
    let parent: Record<string | number, unknown> = split;
    for (const key of path.slice(0, -1)) {
      parent = parent[key] as Record<string | number, unknown>;
    }
    parent[path[path.length - 1]] = parts.map((part) => text.slice(part.start, part.end));
  }
  validate(split);
  const pointers = (validate.errors ?? []).map((error) => error.instancePath);
  const items = new Map<string, StringItem>();
  const lists = new Map<string, (string | number)[]>();
  for (const [pointer, { path, parts }] of candidates) {
    // The key takes a list when the split value is valid, or wrong only in some of its items.
    if (pointers.includes(pointer) && !pointers.some((other) => other.startsWith(`${pointer}/`))) {
      continue; // the key does not take a list either: its error stands as it is
    }
    lists.set(pointer, path);
    parts.forEach((part, index) => items.set(`${pointer}/${index}`, part));
  }
  return lists.size > 0 ? { data: split, items, lists } : undefined;
}

export const profileSchemaRule: Rule = {
  id: 'profile/schema',
  defaultSeverity: 'warning',
  procurementOnly: true,
  scope: 'document',
  description: 'A value in a system profile or procurement front matter that does not fit the system-profile schema.',
  check({ model, controls }) {
    const document = model.yaml[0];
    if (!document || document.errors.length > 0) {
      return [];
    }
    const data = document.toJS() as unknown;
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return [];
    }
    validator ??= validatorFor(loadSchema('system-profile'));
    if (validator(data)) {
      return [];
    }
    // Front matter nodes are positioned in its body, which starts on the line after "---".
    const shift = model.kind === 'markdown' ? model.text.indexOf('\n') + 1 : 0;
    const yamlText = model.text.slice(shift);
    let errors = validator.errors ?? [];
    // A list written as one string (「5.1.1, 6.1.2」) is read as its items: each is checked at its own place.
    const split = splitStringLists(document, yamlText, data as Record<string, unknown>, errors, validator);
    if (split) {
      validator(split.data);
      errors = (validator.errors ?? []).filter((error) => !split.lists.has(error.instancePath));
    }
    const findings: Finding[] = [];
    const listsWithItemFindings = new Set<string>();
    const report = (path: (string | number)[], range: readonly [number, number], text: { ja: string; en: string }) => {
      const where = whereIs(path);
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: { ja: `プロファイルの値: ${where.ja}: ${text.ja}`, en: `Profile value ${where.en}: ${text.en}.` },
        start: range[0] + shift,
        end: range[1] + shift,
      });
    };
    for (const error of specificErrors(errors)) {
      if (LEFT_TO_OTHER_RULES.test(error.instancePath)) {
        continue;
      }
      const path = instancePath(error);
      const item = split?.items.get(error.instancePath);
      // An empty value (a key still being filled in) is not a wrong value, and a map or list where the
      // schema expects a value is the user's own structure: govsec checks values, never forbids a structure.
      const value = item ? yamlText.slice(item.start, item.end) : document.getIn(path);
      if (value === null || value === undefined || typeof value === 'object') {
        continue;
      }
      const range = item ? ([item.start, item.end] as const) : rangeOf(document, path);
      // A control ID is the control rules' to judge (control/unknown-id, control/outdated-iso-numbering), with
      // the catalogue's reason; the schema's pattern would only say that the form is wrong.
      if (!range || controls.some((control) => control.start < range[1] + shift && control.end > range[0] + shift)) {
        continue;
      }
      if (item) {
        listsWithItemFindings.add(error.instancePath.replace(/\/\d+$/, ''));
      }
      report(path, range, describe(error));
    }
    // A list written as one string whose items all fit: the form itself, once per value (one line, one finding).
    for (const [pointer, path] of split?.lists ?? []) {
      const range = rangeOf(document, path);
      if (range && !listsWithItemFindings.has(pointer) && !LEFT_TO_OTHER_RULES.test(pointer)) {
        report(path, range, { ja: `この項目は${TYPE_NAMES.array[0]}で書きます`, en: `this key takes ${TYPE_NAMES.array[1]}` });
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
