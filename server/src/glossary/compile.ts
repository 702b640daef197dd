/**
 * Glossary compiler: YAML files → validated, cross-checked, compiled glossary.
 *
 * Runs at build time for the bundled glossary (scripts/build.js writes dist/glossary-index.json) and in
 * tests. Every problem names its file, line and column, so a broken entry is found in one step.
 */

import type { ValidateFunction } from 'ajv';
import type { Bilingual, Language } from '../language';
import { normalizeKey } from '../text/normalize';
import {
  COMPILED_GLOSSARY_FORMAT,
  type CompiledGlossary,
  type BuildProblem,
  type CompiledSpelling,
  type GlossaryProblem,
  type PendingChange,
  type TermEntry,
} from './types';
import { nodeOffset, parseAndValidate, positionOf, validatorFor, type ParsedYaml } from './yamlData';

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
  return validatorFor(schema);
}

export function compileGlossary(files: readonly GlossaryFile[], validate: ValidateFunction): CompileResult {
  const problems: GlossaryProblem[] = [];
  const terms: TermEntry[] = [];
  const entryFile = new Map<TermEntry, ParsedYaml>();
  const entryIndex = new Map<TermEntry, number>();

  for (const file of files) {
    const result = parseAndValidate(file.text, file.path, validate);
    problems.push(...result.problems);
    if (result.data === undefined) {
      continue;
    }
    const { parsed } = result;
    ((result.data as { terms: unknown[] }).terms as Omit<TermEntry, 'location'>[]).forEach((raw, index) => {
      const position = positionOf(parsed, nodeOffset(parsed.document, ['terms', index, 'id']));
      const entry: TermEntry = {
        ...raw,
        aliases: raw.aliases ?? [],
        related: raw.related ?? [],
        pending: raw.pending ?? [],
        location: { file: file.path, line: position.line },
      };
      terms.push(entry);
      entryFile.set(entry, parsed);
      entryIndex.set(entry, index);
    });
  }

  const problemAt = (entry: TermEntry, path: (string | number)[], message: Bilingual) => {
    const parsed = entryFile.get(entry)!;
    const offset = nodeOffset(parsed.document, ['terms', entryIndex.get(entry)!, ...path]);
    problems.push({ file: parsed.file, ...positionOf(parsed, offset), message });
  };

  const byId = new Map<string, TermEntry>();
  for (const entry of terms) {
    const previous = byId.get(entry.id);
    if (previous) {
      problemAt(entry, ['id'], {
        ja: `ID「${entry.id}」が重複しています（最初の定義は ${previous.location.file}:${previous.location.line}）`,
        en: `duplicate id "${entry.id}" (first defined in ${previous.location.file}:${previous.location.line})`,
      });
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
        problemAt(entry, spelling.path, { ja: `表記「${spelling.text}」に改行が含まれています`, en: `spelling "${spelling.text}" contains a line break` });
        continue;
      }
      const owner = spellingOwner.get(key);
      if (owner) {
        problemAt(
          entry,
          spelling.path,
          owner === entry
            ? { ja: `表記「${spelling.text}」が二度あります（NFKC 正規化後）`, en: `spelling "${spelling.text}" is listed twice (after NFKC normalisation)` }
            : {
                ja: `表記「${spelling.text}」は既に「${owner.id}」の表記です（${owner.location.file}:${owner.location.line}）`,
                en: `spelling "${spelling.text}" is already a spelling of "${owner.id}" (${owner.location.file}:${owner.location.line})`,
              },
        );
        continue;
      }
      spellingOwner.set(key, entry);
      spellings.push({ key, text: spelling.text, termId: entry.id, canonical: spelling.canonical });
    }
    entry.related.forEach((relatedId, index) => {
      if (relatedId === entry.id) {
        problemAt(entry, ['related', index], { ja: `「${entry.id}」が自身を関連語に挙げています`, en: `"${entry.id}" lists itself as related` });
      } else if (!byId.has(relatedId)) {
        problemAt(entry, ['related', index], { ja: `関連語の ID「${relatedId}」はありません`, en: `related id "${relatedId}" does not exist` });
      }
    });
    if (entry.status.state === 'superseded' && !byId.has(entry.status.successor)) {
      problemAt(entry, ['status', 'successor'], { ja: `後継の ID「${entry.status.successor}」はありません`, en: `successor id "${entry.status.successor}" does not exist` });
    }
    entry.pending.forEach((change, index) => {
      for (const problem of pendingChangeProblems(change, entry.asOf)) {
        problemAt(entry, ['pending', index, problem.field], problem.message);
      }
    });
  }

  if (problems.length > 0) {
    return { problems };
  }
  return { glossary: { format: COMPILED_GLOSSARY_FORMAT, terms, spellings }, problems };
}

/**
 * Dates of a pending change out of order, or a change already in force by the entry's as-of date (then it
 * belongs in the definition). Dates may be a year or a month only; ISO strings compare in order.
 */
function pendingChangeProblems(change: PendingChange, asOf: string): { field: keyof PendingChange; message: Bilingual }[] {
  const problems: { field: keyof PendingChange; message: Bilingual }[] = [];
  if (change.passed !== undefined && change.passed > change.promulgated) {
    problems.push({ field: 'passed', message: { ja: `passed ${change.passed} が promulgated ${change.promulgated} より後です`, en: `passed ${change.passed} is after promulgated ${change.promulgated}` } });
  }
  if (change.inForce !== undefined && change.inForceBy !== undefined) {
    problems.push({
      field: 'inForceBy',
      message: {
        ja: 'inForce（施行日が確定）と inForceBy（期限のみ判明）はどちらか一方だけを書きます',
        en: 'give inForce (the date is fixed) or inForceBy (only a limit is known), not both',
      },
    });
  }
  for (const field of ['inForce', 'inForceBy'] as const) {
    const date = change[field];
    if (date !== undefined && date < change.promulgated) {
      problems.push({ field, message: { ja: `${field} ${date} が promulgated ${change.promulgated} より前です`, en: `${field} ${date} is before promulgated ${change.promulgated}` } });
    }
  }
  if (change.inForce !== undefined && change.inForce <= asOf) {
    problems.push({
      field: 'inForce',
      message: {
        ja: `${change.inForce} に施行済み（asOf ${asOf} 以前）なので、pending ではなく定義に書きます`,
        en: `in force since ${change.inForce} (on or before asOf ${asOf}): record it in the definition, not as pending`,
      },
    });
  }
  return problems;
}

/** FILE:LINE:COLUMN: message, in `language` (a build problem is in English whatever the language). */
export function formatProblem(problem: GlossaryProblem | BuildProblem, language: Language): string {
  const message = typeof problem.message === 'string' ? problem.message : problem.message[language];
  return `${problem.file}:${problem.line}:${problem.column}: ${message}`;
}
