/**
 * YAML data files with schemas: parse with source positions, validate with ajv, and report every problem at
 * its file, line and column. Shared by the compilers of the glossary, the service catalogue, the control
 * catalogue manifest, ISMAP list files and the configuration.
 */

import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import localizeJa from 'ajv-i18n/localize/ja';
import { isNode, LineCounter, parseDocument, visit, type Document, type ErrorCode } from 'yaml';
import type { Bilingual } from '../language';
import type { DataProblem, GlossaryProblem } from './types';

const validators = new WeakMap<object, ValidateFunction>();

/** An ajv validator (strict, all errors) for a schema object; compiled once per object. */
export function validatorFor(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    validators.set(schema, validate);
  }
  return validate;
}

/** A YAML file parsed with line information. */
export interface ParsedYaml {
  readonly file: string;
  readonly document: Document;
  readonly lines: LineCounter;
}

export function positionOf(parsed: ParsedYaml, offset: number): { line: number; column: number } {
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}

/** Source offset of the node at `path`, or of its nearest ancestor that exists. */
export function nodeOffset(document: Document, nodePath: readonly (string | number)[]): number {
  for (let length = nodePath.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(nodePath.slice(0, length), true);
    if (isNode(node) && node.range) {
      return node.range[0];
    }
  }
  return 0;
}

/** A problem at the node at `nodePath` (or its nearest existing ancestor). */
export function problemAt<Message>(parsed: ParsedYaml, nodePath: readonly (string | number)[], message: Message): DataProblem<Message> {
  return { file: parsed.file, ...positionOf(parsed, nodeOffset(parsed.document, nodePath)), message };
}

/** ajv's own text of an error in Japanese (ajv-i18n rewrites the message of the error objects it is given). */
function japaneseAjvMessage(error: ErrorObject): string {
  const copy = { ...error };
  localizeJa([copy]);
  return copy.message ?? error.keyword;
}

/**
 * An ajv error as one line per language, led by the data path (an identifier, the same in both). The three
 * keywords users meet most name the property or the allowed values; the others use ajv's text (ajv-i18n's
 * Japanese one for ja).
 */
export function describeAjvError(error: ErrorObject): Bilingual {
  const where = { ja: error.instancePath || '（最上位）', en: error.instancePath || '(top level)' };
  if (error.keyword === 'additionalProperties') {
    const property = (error.params as { additionalProperty: string }).additionalProperty;
    return { ja: `${where.ja}: 不明なプロパティ「${property}」です`, en: `${where.en}: unknown property "${property}"` };
  }
  if (error.keyword === 'required') {
    const property = (error.params as { missingProperty: string }).missingProperty;
    return { ja: `${where.ja}: プロパティ「${property}」がありません`, en: `${where.en}: missing property "${property}"` };
  }
  if (error.keyword === 'enum') {
    const values = (error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ');
    return { ja: `${where.ja}: ${values} のいずれかにします`, en: `${where.en}: must be one of ${values}` };
  }
  return { ja: `${where.ja}: ${japaneseAjvMessage(error)}`, en: `${where.en}: ${error.message ?? error.keyword}` };
}

/** The data path of an ajv error as keys and indexes. */
export function instancePath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** The YAML syntax errors users make most, in Japanese; the others are named by yaml's error code. */
const YAML_ERRORS_JA: Partial<Record<ErrorCode, string>> = {
  BAD_INDENT: 'インデントが揃っていないか、括弧が閉じていません',
  TAB_AS_INDENT: 'インデントにタブは使えません',
  DUPLICATE_KEY: '同じキーが二度書かれています',
  MISSING_CHAR: '必要な記号（閉じる引用符、「,」、「:」の後の空白など）が足りません',
  MULTILINE_IMPLICIT_KEY: 'キーが一行に収まっていません（「:」の後に空白が要ります）',
  BLOCK_AS_IMPLICIT_KEY: 'この位置に入れ子のマッピングやシーケンスは書けません',
  UNEXPECTED_TOKEN: 'ここに置けない記号があります',
  BAD_SCALAR_START: 'この文字で値を始めることはできません（引用符で囲みます）',
  ALIAS_PROPS: 'エイリアスにアンカーやタグは付けられません',
  BAD_ALIAS: 'エイリアスが定義されていないアンカーを指しています',
};

/** A YAML error for a problem in both languages; a stack overflow is named for what it means here. */
function yamlMessage(message: string, code?: ErrorCode): Bilingual {
  if (/Maximum call stack size exceeded/.test(message)) {
    return { ja: 'YAML: 入れ子が深すぎて読めません', en: 'YAML: nested too deeply to read' };
  }
  if (!code && /excessive alias/i.test(message)) {
    return { ja: 'YAML: エイリアスの展開が多すぎて読めません', en: `YAML: ${message}` };
  }
  if (!code && /unresolved alias/i.test(message)) {
    return { ja: `YAML: ${YAML_ERRORS_JA.BAD_ALIAS}`, en: `YAML: ${message}` };
  }
  const ja = (code && YAML_ERRORS_JA[code]) ?? (code ? `YAML として読めません（${code}）` : 'YAML として読めません');
  return { ja: `YAML: ${ja}`, en: `YAML: ${message}` };
}

/**
 * Parses YAML text and validates it against a schema. Returns the data only when both succeed; every
 * problem carries the file, line and column.
 */
export function parseAndValidate(
  text: string,
  file: string,
  validate: ValidateFunction,
): { parsed: ParsedYaml; data?: unknown; problems: GlossaryProblem[] } {
  const lines = new LineCounter();
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const parsed: ParsedYaml = { file, document, lines };
  const problems: GlossaryProblem[] = [];
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      problems.push({ file, ...positionOf(parsed, error.pos[0]), message: yamlMessage(error.message.split('\n')[0], error.code) });
    }
    return { parsed, problems };
  }
  let data: unknown;
  try {
    // yaml refuses alias expansion past its limit ("billion laughs"); a very deep document overflows the stack.
    data = document.toJS();
  } catch (error) {
    let offset = 0;
    visit(document, {
      Alias(_, node) {
        offset = node.range?.[0] ?? 0;
        return visit.BREAK;
      },
    });
    return { parsed, problems: [{ file, ...positionOf(parsed, offset), message: yamlMessage((error as Error).message) }] };
  }
  if (!validate(data)) {
    const seen = new Set<string>();
    const errors = validate.errors ?? [];
    const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'if');
    for (const error of specific.length > 0 ? specific : errors) {
      const problem = problemAt(parsed, instancePath(error), describeAjvError(error));
      const key = `${problem.line}:${problem.message.en}`;
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    }
    return { parsed, problems };
  }
  return { parsed, data, problems };
}

/** The path used in messages: relative to the working directory when inside it, with forward slashes. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}
