/**
 * Glossary compiler: YAML files → validated, cross-checked, compiled glossary.
 *
 * Runs at build time for the bundled glossary (scripts/build.js writes dist/glossary-index.json) and in
 * tests. Every problem names its file, line and column, so a broken entry is found in one step.
 */

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { normalizeKey } from '../text/normalize';
import {
  COMPILED_GLOSSARY_FORMAT,
  type CompiledGlossary,
  type CompiledSpelling,
  type GlossaryProblem,
  type TermEntry,
} from './types';

export interface GlossaryFile {
  /** Path used in messages and in entry locations. */
  readonly path: string;
  readonly text: string;
}

export interface CompileResult {
  /** Present only when there were no problems. */
  readonly glossary?: CompiledGlossary;
  readonly problems: readonly GlossaryProblem[];
}

export function createTermsValidator(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true });
  return ajv.compile(schema);
}

interface ParsedFile {
  readonly file: GlossaryFile;
  readonly document: Document;
  readonly lines: LineCounter;
}

function positionOf(parsed: ParsedFile, offset: number) {
  const { line, col } = parsed.lines.linePos(offset);
  return { line, column: col };
}

function nodeOffset(document: Document, path: readonly (string | number)[]): number {
  // Walk up until a node with a source range is found (a missing property points at its parent).
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) {
      return node.range[0];
    }
  }
  return 0;
}

function describeAjvError(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  if (error.keyword === 'additionalProperties') {
    return `${where}: unknown property "${(error.params as { additionalProperty: string }).additionalProperty}"`;
  }
  if (error.keyword === 'required') {
    return `${where}: missing property "${(error.params as { missingProperty: string }).missingProperty}"`;
  }
  return `${where}: ${error.message ?? error.keyword}`;
}

function instancePath(error: ErrorObject): (string | number)[] {
  return error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Keeps the most useful error of a oneOf failure instead of every branch's complaint. */
function relevantErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'if');
  return specific.length > 0 ? specific : [...errors];
}

export function compileGlossary(files: readonly GlossaryFile[], validate: ValidateFunction): CompileResult {
  const problems: GlossaryProblem[] = [];
  const terms: TermEntry[] = [];
  const entryFile = new Map<TermEntry, ParsedFile>();
  const entryIndex = new Map<TermEntry, number>();

  for (const file of files) {
    const lines = new LineCounter();
    const document = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const parsed: ParsedFile = { file, document, lines };
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        problems.push({ file: file.path, ...positionOf(parsed, error.pos[0]), message: `YAML: ${error.message.split('\n')[0]}` });
      }
      continue;
    }
    const data = document.toJS();
    if (!validate(data)) {
      const seen = new Set<string>();
      for (const error of relevantErrors(validate.errors ?? [])) {
        const message = describeAjvError(error);
        const position = positionOf(parsed, nodeOffset(document, instancePath(error)));
        const key = `${position.line}:${message}`;
        if (!seen.has(key)) {
          seen.add(key);
          problems.push({ file: file.path, ...position, message });
        }
      }
      continue;
    }
    ((data as { terms: unknown[] }).terms as Omit<TermEntry, 'location'>[]).forEach((raw, index) => {
      const position = positionOf(parsed, nodeOffset(document, ['terms', index, 'id']));
      const entry: TermEntry = {
        ...raw,
        aliases: raw.aliases ?? [],
        related: raw.related ?? [],
        location: { file: file.path, line: position.line },
      };
      terms.push(entry);
      entryFile.set(entry, parsed);
      entryIndex.set(entry, index);
    });
  }

  const problemAt = (entry: TermEntry, path: (string | number)[], message: string) => {
    const parsed = entryFile.get(entry)!;
    const offset = nodeOffset(parsed.document, ['terms', entryIndex.get(entry)!, ...path]);
    problems.push({ file: parsed.file.path, ...positionOf(parsed, offset), message });
  };

  const byId = new Map<string, TermEntry>();
  for (const entry of terms) {
    const previous = byId.get(entry.id);
    if (previous) {
      problemAt(entry, ['id'], `duplicate id "${entry.id}" (first defined in ${previous.location.file}:${previous.location.line})`);
    } else {
      byId.set(entry.id, entry);
    }
  }

  const spellings: CompiledSpelling[] = [];
  const spellingOwner = new Map<string, TermEntry>();
  for (const entry of terms) {
    const written: { text: string; canonical: boolean; path: (string | number)[] }[] = [
      { text: entry.term, canonical: true, path: ['term'] },
      ...entry.aliases.map((alias, index) => ({ text: alias.text, canonical: alias.canonical, path: ['aliases', index, 'text'] })),
    ];
    for (const spelling of written) {
      const key = normalizeKey(spelling.text);
      if (/[\r\n]/.test(key)) {
        problemAt(entry, spelling.path, `spelling "${spelling.text}" contains a line break`);
        continue;
      }
      const owner = spellingOwner.get(key);
      if (owner) {
        problemAt(
          entry,
          spelling.path,
          owner === entry
            ? `spelling "${spelling.text}" is listed twice (after NFKC normalisation)`
            : `spelling "${spelling.text}" is already a spelling of "${owner.id}" (${owner.location.file}:${owner.location.line})`,
        );
        continue;
      }
      spellingOwner.set(key, entry);
      spellings.push({ key, text: spelling.text, termId: entry.id, canonical: spelling.canonical });
    }
    entry.related.forEach((relatedId, index) => {
      if (relatedId === entry.id) {
        problemAt(entry, ['related', index], `"${entry.id}" lists itself as related`);
      } else if (!byId.has(relatedId)) {
        problemAt(entry, ['related', index], `related id "${relatedId}" does not exist`);
      }
    });
    if (entry.status.state === 'superseded' && !byId.has(entry.status.successor)) {
      problemAt(entry, ['status', 'successor'], `successor id "${entry.status.successor}" does not exist`);
    }
  }

  if (problems.length > 0) {
    return { problems };
  }
  return { glossary: { format: COMPILED_GLOSSARY_FORMAT, terms, spellings }, problems };
}

export function formatProblem(problem: GlossaryProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}
