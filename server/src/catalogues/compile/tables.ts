/**
 * The CSV tables of the catalogues: read with the one CSV reader, the header and the row count checked
 * against the manifest, each row as named fields that know their line and column, and the field checks
 * the row compilers share. Every problem names its file, line and column.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BuildProblem } from '../../glossary/types';
import { readCsv, type CsvField } from '../../text/csv';
import { RowFlag, type CompiledRow, type JapaneseTitleSource } from '../types';
import type { ManifestProblem, TableEntry } from './manifest';

export class Problems {
  readonly list: BuildProblem[] = [];

  add(file: string, line: number, column: number, message: string): void {
    this.list.push({ file, line, column, message });
  }
}

/** A CSV file being read: its name in the manifest, its display path and the problems found in it. */
export class Table {
  constructor(
    /** As the manifest names it (relative to the controls folder). */
    readonly name: string,
    /** As problems show it. */
    readonly file: string,
    private readonly problems: Problems,
  ) {}

  at(field: { line: number; column: number }, message: string): void {
    this.problems.add(this.file, field.line, field.column, message);
  }
}

/** A data row as named fields (each field knows its line and column). */
export type Row = Readonly<Record<string, CsvField>>;

export interface ReadTable {
  readonly table: Table;
  readonly rows: Row[];
}

/** Reads a CSV table named in the manifest; checks its syntax, its header and its row count. undefined when it cannot be read. */
export function readTable(
  controlsDirectory: string,
  entry: TableEntry,
  entryPath: (string | number)[],
  display: (file: string) => string,
  problems: Problems,
  manifestAt: ManifestProblem,
): ReadTable | undefined {
  const file = path.join(controlsDirectory, entry.file);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    manifestAt([...entryPath, 'file'], `cannot read ${entry.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return undefined;
  }
  const table = new Table(entry.file, display(file), problems);
  const parsed = readCsv(text);
  for (const line of parsed.blankLines) {
    table.at({ line, column: 1 }, 'blank line');
  }
  if (parsed.problems.length > 0) {
    // Reading stopped there: the table counts as unreadable, so that its rows are not checked half-read.
    for (const problem of parsed.problems) {
      table.at(problem, problem.message.en);
    }
    return undefined;
  }
  const [header, ...records] = parsed.records;
  if (!header) {
    table.at({ line: 1, column: 1 }, 'empty file');
    return undefined;
  }
  const names = header.fields.map((field) => field.value);
  if (names.join(',') !== entry.columns.join(',')) {
    const differs = header.fields.find((field, index) => field.value !== entry.columns[index]) ?? header.fields[header.fields.length - 1];
    table.at(differs, `header must be "${entry.columns.join(',')}" as the manifest says, not "${names.join(',')}"`);
    return undefined;
  }
  const rows: Row[] = [];
  for (const record of records) {
    if (record.fields.length !== entry.columns.length) {
      const last = record.fields[record.fields.length - 1];
      table.at(
        record.fields.length > entry.columns.length ? record.fields[entry.columns.length] : last,
        `expected ${entry.columns.length} fields, found ${record.fields.length}`,
      );
      continue;
    }
    const row: Record<string, CsvField> = {};
    entry.columns.forEach((name, index) => {
      row[name] = record.fields[index];
    });
    rows.push(row);
  }
  if (records.length !== entry.rows) {
    manifestAt([...entryPath, 'rows'], `${entry.file} has ${records.length} data rows, the manifest says ${entry.rows}`);
  }
  return { table, rows };
}

// ------------------------------------------------------------------------------------------- field checks

const TRUE_FALSE = new Set(['true', 'false']);

export function trimmed(table: Table, field: CsvField, name: string, required: boolean): string {
  if (field.value !== field.value.trim()) {
    table.at(field, `${name}: leading or trailing white space`);
  }
  if (required && field.value.trim() === '') {
    table.at(field, `${name}: must not be empty`);
  }
  return field.value.trim();
}

export function bool(table: Table, field: CsvField, name: string): boolean {
  if (!TRUE_FALSE.has(field.value)) {
    table.at(field, `${name}: must be "true" or "false", not "${field.value}"`);
  }
  return field.value === 'true';
}

export function oneOf<T extends string>(table: Table, field: CsvField, name: string, allowed: readonly T[]): T | undefined {
  if ((allowed as readonly string[]).includes(field.value)) {
    return field.value as T;
  }
  table.at(field, `${name}: must be one of ${allowed.map((value) => `"${value}"`).join(', ')}, not "${field.value}"`);
  return undefined;
}

const JAPANESE_SOURCE_FLAG = {
  'seed-r5': RowFlag.JapaneseFromSeedR5,
  'h30-guideline': RowFlag.JapaneseIndicativeH30,
  ismap: RowFlag.JapaneseFromIsmap,
  'jis-2014': RowFlag.JapaneseFromJis2014,
  'jis-2023': RowFlag.JapaneseFromJis2023,
} as const;

/**
 * The title_ja and title_ja_source fields of a row: the Japanese title and the flag of its source (one of
 * `allowed`); a source without a title, or a title without a source, is a problem.
 */
export function japaneseTitle(table: Table, row: Row, allowed: readonly JapaneseTitleSource[]): { j: string; f: number } {
  const title = trimmed(table, row.title_ja, 'title_ja', false);
  if (!title) {
    if (row.title_ja_source.value) {
      table.at(row.title_ja_source, 'title_ja_source: only with a title_ja');
    }
    return { j: '', f: 0 };
  }
  const source = oneOf(table, row.title_ja_source, 'title_ja_source', allowed);
  return { j: title, f: source ? JAPANESE_SOURCE_FLAG[source] : 0 };
}

// ------------------------------------------------------------------------------------------ compiled rows

type MutableRow = { -readonly [Key in keyof CompiledRow]: CompiledRow[Key] };

/** A compiled row without its empty keys. */
export function compactRow(row: MutableRow): CompiledRow {
  const compact: MutableRow = { i: row.i, l: row.l, n: row.n };
  if (row.s) compact.s = row.s;
  if (row.t) compact.t = row.t;
  if (row.j) compact.j = row.j;
  if (row.f) compact.f = row.f;
  if (row.r) compact.r = row.r;
  return compact;
}

/** Compares numbers part by part (9 < 9.1 < 9.1.1 < 9.2 < 10), shorter first. */
export function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) {
      return a[index] - b[index];
    }
  }
  return a.length - b.length;
}
