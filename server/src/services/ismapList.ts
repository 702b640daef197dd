/**
 * ISMAP lists from files: reading the official portal's CSV export (UTF-8 with or without BOM, UTF-16LE, or
 * Shift_JIS; comma or tab separated; lenient about header names and date formats), writing the workspace
 * list as YAML atomically, and loading it back with validation.
 *
 * A malformed row is reported with its 1-based physical line number and skipped. An import never replaces
 * a good list file with an empty one, and a failed write leaves the previous file as it was.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document } from 'yaml';
import type { GlossaryProblem } from '../glossary/types';
import { detectDelimiter, readCsv } from '../text/csv';
import { normalizeKey } from '../text/normalize';
import { checkIsmapList, validatorFor } from './compile';
import { loadSchema } from '../glossary/schemas';
import type { IsmapList, IsmapListEntry, IsmapListImport, IsmapProgram } from './types';

/** Where `govsec ismap import` writes by default, relative to the workspace root. */
export const DEFAULT_ISMAP_LIST_FILE = '.govsec/ismap-list.yaml';

export interface CsvProblem {
  /** 1-based physical line in the file. */
  readonly line: number;
  readonly message: string;
}

export interface ParseIsmapCsvOptions {
  /** Program of the rows when the file has no program column (default ISMAP). */
  readonly program?: IsmapProgram;
  /** The import date recorded in the list (default: today, local time). */
  readonly importDate?: string;
}

export interface ParseIsmapCsvResult {
  /** Present when at least one row was valid. */
  readonly list?: IsmapList;
  readonly problems: CsvProblem[];
  /** Data rows seen (valid or not). */
  readonly rows: number;
}

// ---------------------------------------------------------------------------------------------- decoding

type Encoding = NonNullable<IsmapListImport['encoding']>;

function decode(bytes: Buffer): { text: string; encoding: Encoding } | { error: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      return { error: 'the file starts with a UTF-8 byte order mark but is not valid UTF-8' };
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    try {
      return { text: new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
    } catch {
      return { error: 'the file starts with a UTF-16 byte order mark but is not valid UTF-16' };
    }
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return { error: 'binary file (not a CSV text file)' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('shift_jis', { fatal: true }).decode(bytes), encoding: 'shift_jis' };
    } catch {
      return { error: 'the file is neither UTF-8 nor Shift_JIS text' };
    }
  }
}

// ------------------------------------------------------------------------------------------------ headers

type Column = 'registrationNumber' | 'serviceName' | 'provider' | 'registered' | 'expires' | 'program';

/** NFKC, lower case, without bracketed notes, spaces and light punctuation: "登録日（初回）" → "登録日". */
function headerKey(header: string): string {
  return normalizeKey(header)
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/[\s・･_\-.:：*※#]/g, '');
}

const HEADER_SYNONYMS: Record<Column, readonly string[]> = {
  registrationNumber: ['登録番号', 'ISMAP登録番号', 'ISMAP-LIU登録番号', '登録No.', '登録No', 'Registration Number', 'Registration No.'],
  serviceName: [
    'クラウドサービスの名称', 'クラウドサービス名称', 'クラウドサービス名', 'サービスの名称', 'サービス名称', 'サービス名', '名称',
    'Cloud Service Name', 'Service Name', 'Name of Cloud Service',
  ],
  provider: [
    'クラウドサービス事業者名', 'クラウドサービス事業者', 'クラウドサービス提供事業者', '事業者名', '事業者', '申請者', '申請者名', '登録者',
    '登録者名', '提供事業者', '提供者', 'Provider', 'Cloud Service Provider', 'Applicant', 'Company',
  ],
  registered: ['登録日', '登録年月日', '初回登録日', '登録日付', 'Registration Date', 'Registered Date', 'Date of Registration', 'Registered On'],
  expires: [
    '有効期限', '登録有効期限', '登録の有効期限', '有効期限日', '有効期間満了日', '有効期間', 'Expiration Date', 'Expiry Date', 'Expiry', 'Valid Until',
    'Expires',
  ],
  program: ['制度', '制度区分', '区分', '種別', 'Program', 'Scheme'],
};

const SYNONYM_KEYS: Record<Column, readonly string[]> = Object.fromEntries(
  Object.entries(HEADER_SYNONYMS).map(([column, names]) => [column, names.map(headerKey)]),
) as unknown as Record<Column, readonly string[]>;

const COLUMNS = Object.keys(HEADER_SYNONYMS) as Column[];

/** Column indexes for a header row: exact synonym matches first, then headers that contain a synonym. */
function mapHeader(fields: readonly string[]): Partial<Record<Column, number>> {
  const keys = fields.map(headerKey);
  const mapping: Partial<Record<Column, number>> = {};
  const used = new Set<number>();
  for (const column of COLUMNS) {
    const index = keys.findIndex((key, i) => !used.has(i) && SYNONYM_KEYS[column].includes(key));
    if (index !== -1) {
      mapping[column] = index;
      used.add(index);
    }
  }
  for (const column of COLUMNS) {
    if (mapping[column] !== undefined) {
      continue;
    }
    const index = keys.findIndex((key, i) => !used.has(i) && SYNONYM_KEYS[column].some((synonym) => synonym.length >= 3 && key.includes(synonym)));
    if (index !== -1) {
      mapping[column] = index;
      used.add(index);
    }
  }
  return mapping;
}

// -------------------------------------------------------------------------------------------------- dates

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) {
    return undefined;
  }
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ERAS: Record<string, { offset: number; first: string; last?: string }> = {
  令和: { offset: 2018, first: '2019-05-01' },
  R: { offset: 2018, first: '2019-05-01' },
  平成: { offset: 1988, first: '1989-01-08', last: '2019-04-30' },
  H: { offset: 1988, first: '1989-01-08', last: '2019-04-30' },
};

/**
 * A date as lists write it → YYYY-MM-DD. Accepts 2024/1/5, 2024-01-05, 2024.1.5, 20240105, 2024年1月5日,
 * 令和6年1月5日 (令和元年 too), R6.1.5, H31/4/30, with an optional time after the date. Returns undefined for
 * anything else, including impossible dates.
 */
export function parseListDate(text: string): string | undefined {
  const value = normalizeKey(text).trim().replace(/\s+/g, ' ');
  let match = /^(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(value);
  if (match) {
    return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  match = /^(\d{4})年 ?(\d{1,2})月 ?(\d{1,2})日$/.exec(value);
  if (match) {
    return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (match) {
    return isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  }
  match = /^(令和|平成|R|H) ?(元|\d{1,2})(?:年 ?(\d{1,2})月 ?(\d{1,2})日|[/\-.](\d{1,2})[/\-.](\d{1,2}))$/i.exec(value);
  if (match) {
    const era = ERAS[match[1].toUpperCase()] ?? ERAS[match[1]];
    const eraYear = match[2] === '元' ? 1 : Number(match[2]);
    const date = isoDate(era.offset + eraYear, Number(match[3] ?? match[5]), Number(match[4] ?? match[6]));
    if (date === undefined || eraYear < 1 || date < era.first || (era.last !== undefined && date > era.last)) {
      return undefined;
    }
    return date;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------- parsing

function today(): string {
  const now = new Date();
  return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

/** A field as one line: trimmed, inner line breaks and runs of spaces collapsed. */
function cell(fields: readonly string[], index: number | undefined): string {
  if (index === undefined || index >= fields.length) {
    return '';
  }
  return fields[index].replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function programOf(value: string, fallback: IsmapProgram): IsmapProgram {
  const key = normalizeKey(value).toUpperCase();
  if (/LIU/.test(key)) {
    return 'ISMAP-LIU';
  }
  return /ISMAP/.test(key) ? 'ISMAP' : fallback;
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Reads the official ISMAP cloud service list saved from the portal as CSV. `fileName` names the source in
 * the list (its directory is dropped); `fileDate` (YYYY-MM-DD) becomes the list's as-of date.
 */
export function parseIsmapCsv(
  bytes: Buffer,
  fileName: string,
  fileDate: string,
  options: ParseIsmapCsvOptions = {},
): ParseIsmapCsvResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fileDate) || isoDate(Number(fileDate.slice(0, 4)), Number(fileDate.slice(5, 7)), Number(fileDate.slice(8, 10))) === undefined) {
    throw new RangeError(`fileDate must be a date as YYYY-MM-DD (got ${JSON.stringify(fileDate)})`);
  }
  const decoded = decode(bytes);
  if ('error' in decoded) {
    return { problems: [{ line: 1, message: decoded.error }], rows: 0 };
  }
  const csv = readCsv(decoded.text, { delimiter: detectDelimiter(decoded.text), lenient: true });
  const problems: CsvProblem[] = csv.problems.map(({ line, message }) => ({ line, message }));
  const nonEmpty = csv.records
    .map((record) => ({ line: record.line, fields: record.fields.map((field) => field.value) }))
    .filter((record) => record.fields.some((field) => field.trim() !== ''));

  let headerIndex = -1;
  let mapping: Partial<Record<Column, number>> = {};
  for (let i = 0; i < Math.min(nonEmpty.length, HEADER_SEARCH_ROWS); i++) {
    const candidate = mapHeader(nonEmpty[i].fields);
    if (candidate.registrationNumber !== undefined && candidate.serviceName !== undefined) {
      headerIndex = i;
      mapping = candidate;
      break;
    }
  }
  if (headerIndex === -1) {
    problems.unshift({
      line: nonEmpty[0]?.line ?? 1,
      message: `no header row with a registration number column (登録番号) and a service name column (クラウドサービスの名称) in the first ${HEADER_SEARCH_ROWS} rows`,
    });
    return { problems, rows: 0 };
  }
  const header = nonEmpty[headerIndex];
  const headerName = (column: Column) => cell(header.fields, mapping[column]);
  const fallbackProgram = options.program ?? 'ISMAP';

  const entries: IsmapListEntry[] = [];
  const firstLine = new Map<string, number>();
  const dataRows = nonEmpty.slice(headerIndex + 1);
  // Rows lost to an unclosed quote after the header count as data rows that were skipped.
  const rows = dataRows.length + problems.filter((problem) => problem.line > header.line).length;
  for (const record of dataRows) {
    const registrationNumber = normalizeKey(cell(record.fields, mapping.registrationNumber)).replace(/\s+/g, '');
    const serviceName = cell(record.fields, mapping.serviceName);
    if (registrationNumber === '') {
      problems.push({ line: record.line, message: `row skipped: no registration number in column "${headerName('registrationNumber')}"` });
      continue;
    }
    if (serviceName === '') {
      problems.push({ line: record.line, message: `row skipped: no service name in column "${headerName('serviceName')}"` });
      continue;
    }
    const dates: { registered?: string; expires?: string } = {};
    let badDate = false;
    for (const column of ['registered', 'expires'] as const) {
      const value = cell(record.fields, mapping[column]);
      if (value === '' || value === '-' || value === '－') {
        continue;
      }
      const date = parseListDate(value);
      if (date === undefined) {
        problems.push({ line: record.line, message: `row skipped: "${value}" in column "${headerName(column)}" is not a date` });
        badDate = true;
        break;
      }
      dates[column] = date;
    }
    if (badDate) {
      continue;
    }
    const key = registrationNumber.toUpperCase();
    const previous = firstLine.get(key);
    if (previous !== undefined) {
      problems.push({ line: record.line, message: `row skipped: registration number ${registrationNumber} is already on line ${previous}` });
      continue;
    }
    firstLine.set(key, record.line);
    const provider = cell(record.fields, mapping.provider);
    entries.push({
      registrationNumber,
      serviceName,
      ...(provider !== '' ? { provider } : {}),
      ...dates,
      program: programOf(cell(record.fields, mapping.program), fallbackProgram),
      line: record.line,
    });
  }
  problems.sort((a, b) => a.line - b.line);

  if (entries.length === 0) {
    return { problems, rows };
  }
  const skipped = rows - entries.length;
  const baseName = path.basename(fileName);
  const programs = new Set(entries.map((entry) => entry.program));
  const title = programs.size === 1 && programs.has('ISMAP-LIU') ? 'ISMAP-LIU cloud service list' : 'ISMAP cloud service list';
  const list: IsmapList = {
    kind: 'ismap-list',
    name: `${title} (imported from ${baseName})`,
    asOf: fileDate,
    partial: skipped > 0,
    ...(skipped > 0
      ? {
          partialNote: {
            ja: `取り込み時に ${baseName} の ${skipped} 行を不正な行として読み飛ばしたため、元のリストの一部しか含みません。`,
            en: `${skipped} malformed row${skipped === 1 ? ' was' : 's were'} skipped when ${baseName} was imported, so the list holds only part of the original.`,
          },
        }
      : {}),
    importedFrom: {
      file: baseName,
      importedAt: options.importDate ?? today(),
      encoding: decoded.encoding,
      rows,
      skipped,
    },
    entries,
  };
  return { list, problems, rows };
}

// ------------------------------------------------------------------------------------------ YAML in/out

/** The list as YAML that validates against glossary/schema/ismap-list.schema.json, with a header comment. */
export function serializeIsmapList(list: IsmapList): string {
  const ordered: Record<string, unknown> = {
    kind: 'ismap-list',
    name: list.name,
    asOf: list.asOf,
    partial: list.partial,
  };
  if (list.partialNote) {
    ordered.partialNote = { ja: list.partialNote.ja, en: list.partialNote.en };
  }
  if (list.importedFrom) {
    ordered.importedFrom = { ...list.importedFrom };
  }
  if (list.sources) {
    ordered.sources = list.sources.map((source) => ({ ...source }));
  }
  ordered.entries = list.entries.map((entry) => {
    const out: Record<string, unknown> = { registrationNumber: entry.registrationNumber, serviceName: entry.serviceName };
    for (const key of ['provider', 'registered', 'expires', 'program', 'serviceId', 'line'] as const) {
      if (entry[key] !== undefined) {
        out[key] = entry[key];
      }
    }
    if (entry.sources) {
      out.sources = [...entry.sources];
    }
    return out;
  });
  const document = new Document(ordered);
  const count = `${list.entries.length} ${list.entries.length === 1 ? 'service' : 'services'}`;
  const comment = list.importedFrom
    ? [
        ` ISMAP list imported by govsec from "${list.importedFrom.file}" on ${list.importedFrom.importedAt}`,
        ` (govsec ismap import). As of ${list.asOf}: ${count}` +
          (list.importedFrom.skipped > 0 ? `; ${list.importedFrom.skipped} malformed ${list.importedFrom.skipped === 1 ? 'row was' : 'rows were'} skipped.` : '.'),
        ' govsec uses this file in place of its bundled partial list. Re-run the import to refresh it.',
      ]
    : [` ISMAP list "${list.name}", as of ${list.asOf}: ${count}${list.partial ? ' (partial)' : ''}.`];
  document.commentBefore = comment.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n');
  return document.toString({ lineWidth: 0 });
}

/** Parses and validates a list file's text; problems carry file, line and column. */
export function loadIsmapList(text: string, file: string): { list?: IsmapList; problems: GlossaryProblem[] } {
  const { list, problems } = checkIsmapList(text, file, validatorFor(loadSchema('ismap-list')));
  return list ? { list, problems } : { problems };
}

/** Reads and loads a list file; a missing file is `{ missing: true }`, not a problem. */
export function loadIsmapListFile(file: string): { list?: IsmapList; problems: GlossaryProblem[]; missing?: boolean } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return { problems: [], missing: true };
    }
    return { problems: [{ file, line: 1, column: 1, message: `cannot read the ISMAP list (${code ?? String(error)})` }] };
  }
  return loadIsmapList(text, file);
}

/**
 * The list to use for a workspace: its imported list (DEFAULT_ISMAP_LIST_FILE under the root) when that
 * exists and is valid, else the bundled one. Problems of a broken workspace list are returned for display.
 */
export function activeIsmapList(
  workspaceRoot: string | undefined,
  bundled: IsmapList,
): { list: IsmapList; origin: 'workspace' | 'bundled'; file?: string; problems: GlossaryProblem[] } {
  if (workspaceRoot === undefined) {
    return { list: bundled, origin: 'bundled', problems: [] };
  }
  const file = path.join(workspaceRoot, DEFAULT_ISMAP_LIST_FILE);
  const loaded = loadIsmapListFile(file);
  if (loaded.list && loaded.list.entries.length > 0) {
    return { list: loaded.list, origin: 'workspace', file, problems: [] };
  }
  return { list: bundled, origin: 'bundled', problems: loaded.problems };
}

/**
 * Writes the list to `outputPath` atomically (a temporary file in the same folder, then a rename). Refuses
 * an empty list, and checks that the YAML loads back, so an existing good file is never replaced by a
 * broken or empty one. Throws on failure; the previous file is then untouched.
 */
export function writeIsmapListFile(list: IsmapList, outputPath: string): void {
  if (list.entries.length === 0) {
    throw new Error(`refusing to write an ISMAP list with no entries to ${outputPath}`);
  }
  const text = serializeIsmapList(list);
  const check = loadIsmapList(text, outputPath);
  if (!check.list) {
    throw new Error(`the ISMAP list does not validate: ${check.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`).join('; ')}`);
  }
  const directory = path.dirname(path.resolve(outputPath));
  fs.mkdirSync(directory, { recursive: true });
  const temporary = path.join(directory, `.${path.basename(outputPath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, outputPath);
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}
