/**
 * YAML data files with schemas: parse with source positions, validate with ajv, and report every problem at
 * its file, line and column. Shared by the compilers of the glossary, the service catalogue, the control
 * catalogue manifest, ISMAP list files and the configuration.
 */

import * as path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument, visit, type Document } from 'yaml';
import type { GlossaryProblem } from './types';

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

export function problemAt(parsed: ParsedYaml, nodePath: readonly (string | number)[], message: string): GlossaryProblem {
  return { file: parsed.file, ...positionOf(parsed, nodeOffset(parsed.document, nodePath)), message };
}

export function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'required') {
    return `${where}: missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
  }
  if (error.keyword === 'enum') {
    return `${where}: must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  return `${where}: ${error.message ?? error.keyword}`;
}

/** The data path of an ajv error as keys and indexes. */
export function instancePath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** A YAML error for a problem; a stack overflow is named for what it means here. */
function yamlMessage(message: string): string {
  return /Maximum call stack size exceeded/.test(message) ? 'YAML: nested too deeply to read' : `YAML: ${message}`;
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
      problems.push({ file, ...positionOf(parsed, error.pos[0]), message: yamlMessage(error.message.split('\n')[0]) });
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
      const key = `${problem.line}:${problem.message}`;
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
