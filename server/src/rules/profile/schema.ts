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
import { isNode, type Document } from 'yaml';
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
    const findings: Finding[] = [];
    for (const error of specificErrors(validator.errors ?? [])) {
      if (LEFT_TO_OTHER_RULES.test(error.instancePath)) {
        continue;
      }
      const path = instancePath(error);
      // An empty value (a key still being filled in) is not a wrong value, and a map or list where the
      // schema expects a value is the user's own structure: govsec checks values, never forbids a structure.
      const value = document.getIn(path);
      if (value === null || value === undefined || typeof value === 'object') {
        continue;
      }
      const range = rangeOf(document, path);
      // A control ID is the control rules' to judge (control/unknown-id, control/outdated-iso-numbering), with
      // the catalogue's reason; the schema's pattern would only say that the form is wrong.
      if (!range || controls.some((control) => control.start < range[1] + shift && control.end > range[0] + shift)) {
        continue;
      }
      const where = whereIs(path);
      const text = describe(error);
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: { ja: `プロファイルの値: ${where.ja}: ${text.ja}`, en: `Profile value ${where.en}: ${text.en}.` },
        start: range[0] + shift,
        end: range[1] + shift,
      });
    }
    return findings;
  },
};
