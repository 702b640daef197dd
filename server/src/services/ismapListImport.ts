/**
 * Importing a list file saved from the ISMAP portal into a workspace list file: read, parse, write atomically.
 * One implementation for `govsec ismap import` and the editor's "Import ISMAP list…"; each words the outcome
 * itself (the CLI on stderr, the editor in the user's language), so the outcome is data.
 */

import * as fs from 'node:fs';
import { localDate, writeIsmapListFile } from './ismapList';
import { parseIsmapList, type ListLayout, type ListProblem } from './ismapListRead';
import type { IsmapProgram } from './types';

export interface IsmapImportOptions {
  /** The list's as-of date (default: the file's modification date, local time). */
  readonly date?: string;
  /** The program of rows when neither a program column nor the page title says (default ISMAP). */
  readonly program?: IsmapProgram;
  /** The name the list records as its source file (default: `input` as given). */
  readonly shownName?: string;
}

export type IsmapImportOutcome =
  | {
      readonly ok: true;
      readonly imported: number;
      /** Data rows seen, valid or not. */
      readonly rows: number;
      readonly asOf: string;
      readonly layout: ListLayout;
      /** The malformed rows, each skipped. */
      readonly problems: readonly ListProblem[];
    }
  | {
      readonly ok: false;
      /** not-found / directory / unreadable: the input; no-valid-row: nothing to import; write-failed: the output. */
      readonly reason: 'not-found' | 'directory' | 'unreadable' | 'no-valid-row' | 'write-failed';
      /** The system's error (an errno code or message), when there is one. */
      readonly detail?: string;
      readonly problems: readonly ListProblem[];
    };

/** Imports `input` into `output` (absolute paths). On any failure the existing output file is left untouched. */
export function importIsmapListFile(input: string, output: string, options: IsmapImportOptions = {}): IsmapImportOutcome {
  let bytes: Buffer;
  let modified: Date;
  try {
    const stat = fs.statSync(input);
    if (stat.isDirectory()) {
      return { ok: false, reason: 'directory', problems: [] };
    }
    modified = stat.mtime;
    bytes = fs.readFileSync(input);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { ok: false, reason: 'not-found', problems: [] } : { ok: false, reason: 'unreadable', detail: code ?? String(error), problems: [] };
  }
  const asOf = options.date ?? localDate(modified);
  const result = parseIsmapList(bytes, options.shownName ?? input, asOf, { program: options.program });
  if (!result.list) {
    return { ok: false, reason: 'no-valid-row', problems: result.problems };
  }
  try {
    writeIsmapListFile(result.list, output);
  } catch (error) {
    return { ok: false, reason: 'write-failed', detail: error instanceof Error ? error.message : String(error), problems: result.problems };
  }
  return { ok: true, imported: result.list.entries.length, rows: result.rows, asOf, layout: result.layout ?? 'csv', problems: result.problems };
}
