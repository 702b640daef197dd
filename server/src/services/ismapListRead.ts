/**
 * Reading an ISMAP or ISMAP-LIU list that a user saved from the official portal, in any of the layouts
 * users can actually get (as far as sources show, the portal publishes the list only as a page of its
 * JavaScript application, with no download file):
 * - the page saved from a browser after the list has rendered (HTML; its tables are read with parse5);
 * - the table copied from the page and pasted into a text file (tab-separated; a cell with line breaks,
 *   which a browser copies unquoted, is joined back into its row);
 * - CSV, comma- or tab-separated, as a spreadsheet saves it.
 * Text may be UTF-8 (with or without BOM), UTF-16LE (with BOM) or Shift_JIS. Header names and date formats
 * are matched leniently. A malformed row is reported with its 1-based line in the file and skipped.
 */

import { decodeText } from '../text/decode';
import * as path from 'node:path';
import { detectDelimiter, readCsv } from '../text/csv';
import { normalizeKey } from '../text/normalize';
import { readHtmlPage } from './htmlTables';
import { localDate } from './ismapList';
import type { Bilingual } from '../language';
import type { IsmapList, IsmapListEntry, IsmapListImport, IsmapProgram } from './types';

export interface ListProblem {
  /** 1-based line in the file. */
  readonly line: number;
  readonly message: Bilingual;
}

export interface ParseIsmapListOptions {
  /** Program of the rows when neither a program column nor the page's title says (default ISMAP). */
  readonly program?: IsmapProgram;
  /** The import date recorded in the list (default: today, local time). */
  readonly importDate?: string;
}

export interface ParseIsmapListResult {
  /** Present when at least one row was valid. */
  readonly list?: IsmapList;
  readonly problems: ListProblem[];
  /** Data rows seen (valid or not). */
  readonly rows: number;
  /** The layout the file was read as ('csv' for comma-separated, 'tsv' for tab-separated or pasted text). */
  readonly layout?: ListLayout;
}

export type ListLayout = NonNullable<IsmapListImport['layout']>;

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

// ------------------------------------------------------------------------------------------------ layouts

/** A row of the list as read from the file, before the header is known. */
interface ListRow {
  readonly line: number;
  readonly fields: readonly string[];
}

interface ReadTable {
  readonly rows: ListRow[];
  readonly problems: ListProblem[];
  readonly layout: ListLayout;
  /** The page's title and heading (HTML), which may name the program. */
  readonly caption?: string;
}

/** HTML when the file says so by name, or when its text starts with markup. */
function isHtml(text: string, fileName: string): boolean {
  return /\.x?html?$/i.test(fileName) || /^\s*(?:<!doctype\s+html|<html[\s>]|<!--|<head[\s>]|<body[\s>]|<table[\s>]|<meta[\s>])/i.test(text);
}

/** The table of a saved page that holds the list: of the tables with a list header, the one with the most rows. */
function readHtml(text: string): ReadTable | { error: Bilingual } {
  const page = readHtmlPage(text);
  let best: ListRow[] | undefined;
  for (const table of page.tables) {
    const rows = table.rows.map((row) => ({ line: row.line, fields: row.cells })).filter((row) => row.fields.some((field) => field !== ''));
    if (findHeader(rows) && (!best || rows.length > best.length)) {
      best = rows;
    }
  }
  if (!best) {
    return {
      error:
        page.tables.length === 0
          ? {
              ja: 'HTML ページに表がないので、一覧が表示されてから保存し直します（ポータルは JavaScript で一覧を描きます）',
              en: 'the HTML page has no table; save the list page after the list has appeared (the portal draws it with JavaScript)',
            }
          : {
              ja: `HTML ページの ${page.tables.length} 個の表のどれにも登録番号とクラウドサービスの名称の列がありません`,
              en: `none of the ${page.tables.length} tables of the HTML page has a registration number column (登録番号) and a service name column (クラウドサービスの名称)`,
            },
    };
  }
  return { rows: best, problems: [], layout: 'html', caption: `${page.title} ${page.heading}` };
}

/** CSV or tab-separated text; rows of pasted text broken by a line break inside a cell are joined back. */
function readDelimited(text: string): ReadTable {
  const delimiter = detectDelimiter(text);
  const csv = readCsv(text, { delimiter, lenient: true });
  const rows = csv.records
    .map((record) => ({ line: record.line, fields: record.fields.map((field) => field.value) }))
    .filter((record) => record.fields.some((field) => field.trim() !== ''));
  return {
    rows,
    // The CSV reader's own texts are English; the Japanese line frames them.
    problems: csv.problems.map(({ line, message }) => ({ line, message: { ja: `CSV として読めない行です（${message.ja}）`, en: message.en } })),
    layout: delimiter === '\t' ? 'tsv' : 'csv',
  };
}

/**
 * A browser copies a table cell that holds line breaks as several lines, unquoted, so a pasted row arrives
 * cut into pieces with too few fields. Joins each piece to the row before it while the sum still fits the
 * header (the last field of one piece and the first of the next are one cell).
 */
function joinBrokenRows(rows: readonly ListRow[], width: number): ListRow[] {
  const joined: ListRow[] = [];
  for (const row of rows) {
    const last = joined[joined.length - 1];
    if (last && last.fields.length < width && last.fields.length + row.fields.length - 1 <= width) {
      const fields = [...last.fields.slice(0, -1), `${last.fields[last.fields.length - 1]}\n${row.fields[0]}`, ...row.fields.slice(1)];
      joined[joined.length - 1] = { line: last.line, fields };
    } else {
      joined.push(row);
    }
  }
  return joined;
}

// ---------------------------------------------------------------------------------------------- parsing

const HEADER_SEARCH_ROWS = 10;

/** The header among the first rows: the first that has a registration number and a service name column. */
function findHeader(rows: readonly ListRow[]): { index: number; mapping: Partial<Record<Column, number>> } | undefined {
  for (let index = 0; index < Math.min(rows.length, HEADER_SEARCH_ROWS); index++) {
    const mapping = mapHeader(rows[index].fields);
    if (mapping.registrationNumber !== undefined && mapping.serviceName !== undefined) {
      return { index, mapping };
    }
  }
  return undefined;
}

/** A field as one line: trimmed, inner line breaks and runs of spaces collapsed. */
function cell(fields: readonly string[], index: number | undefined): string {
  if (index === undefined || index >= fields.length) {
    return '';
  }
  return fields[index].replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/** The program a text names: ISMAP-LIU, ISMAP, or undefined. */
function programNamed(text: string): IsmapProgram | undefined {
  const key = normalizeKey(text).toUpperCase();
  if (/ISMAP\s*[-‐－]?\s*LIU|\bLIU\b/.test(key)) {
    return 'ISMAP-LIU';
  }
  return /ISMAP/.test(key) ? 'ISMAP' : undefined;
}

/**
 * Reads an ISMAP or ISMAP-LIU list saved from the portal: an HTML page, pasted tab-separated text, or CSV.
 * `fileName` names the source in the list (its directory is dropped); `fileDate` (YYYY-MM-DD) becomes the
 * list's as-of date. The program of the rows: a program column, else --program, else what the page's title
 * or the lines above the header say (「ISMAP-LIUクラウドサービスリスト」), else ISMAP.
 */
export function parseIsmapList(bytes: Buffer, fileName: string, fileDate: string, options: ParseIsmapListOptions = {}): ParseIsmapListResult {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(fileDate) || isoDate(Number(fileDate.slice(0, 4)), Number(fileDate.slice(5, 7)), Number(fileDate.slice(8, 10))) === undefined) {
    throw new RangeError(`fileDate must be a date as YYYY-MM-DD (got ${JSON.stringify(fileDate)})`);
  }
  const decoded = decodeText(bytes);
  if ('error' in decoded) {
    return {
      problems: [{ line: 1, message: { ja: `文字コードを判別できないので、Web ページ、CSV またはテキストとして保存し直します（${decoded.error.ja}）`, en: `${decoded.error.en} (save the list as a web page, CSV or text)` } }],
      rows: 0,
    };
  }
  const read = isHtml(decoded.text, fileName) ? readHtml(decoded.text) : readDelimited(decoded.text);
  if ('error' in read) {
    return { problems: [{ line: 1, message: read.error }], rows: 0, layout: 'html' };
  }
  const { layout } = read;
  const problems = [...read.problems];
  const found = findHeader(read.rows);
  if (!found) {
    problems.unshift({
      line: read.rows[0]?.line ?? 1,
      message: {
        ja: `最初の ${HEADER_SEARCH_ROWS} 行に登録番号とクラウドサービスの名称の列を持つ見出し行がありません`,
        en: `no header row with a registration number column (登録番号) and a service name column (クラウドサービスの名称) in the first ${HEADER_SEARCH_ROWS} rows`,
      },
    });
    return { problems, rows: 0, layout };
  }
  const { mapping } = found;
  const header = read.rows[found.index];
  const headerName = (column: Column) => cell(header.fields, mapping[column]);
  const caption = [read.caption ?? '', ...read.rows.slice(0, found.index).map((row) => row.fields.join(' '))].join(' ');
  const fallbackProgram = options.program ?? programNamed(caption) ?? 'ISMAP';

  const entries: IsmapListEntry[] = [];
  const firstLine = new Map<string, number>();
  const afterHeader = read.rows.slice(found.index + 1);
  const dataRows = layout === 'tsv' ? joinBrokenRows(afterHeader, header.fields.length) : afterHeader;
  // Rows lost to an unclosed quote after the header count as data rows that were skipped.
  const rows = dataRows.length + problems.filter((problem) => problem.line > header.line).length;
  for (const record of dataRows) {
    const registrationNumber = normalizeKey(cell(record.fields, mapping.registrationNumber)).replace(/\s+/g, '');
    const serviceName = cell(record.fields, mapping.serviceName);
    if (registrationNumber === '') {
      const column = headerName('registrationNumber');
      problems.push({ line: record.line, message: { ja: `列「${column}」に登録番号がないため、この行を読み飛ばしました`, en: `row skipped: no registration number in column "${column}"` } });
      continue;
    }
    if (serviceName === '') {
      const column = headerName('serviceName');
      problems.push({ line: record.line, message: { ja: `列「${column}」にサービス名がないため、この行を読み飛ばしました`, en: `row skipped: no service name in column "${column}"` } });
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
        const name = headerName(column);
        problems.push({ line: record.line, message: { ja: `列「${name}」の「${value}」が日付でないため、この行を読み飛ばしました`, en: `row skipped: "${value}" in column "${name}" is not a date` } });
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
      problems.push({
        line: record.line,
        message: { ja: `登録番号 ${registrationNumber} は ${previous} 行目にもあるため、この行を読み飛ばしました`, en: `row skipped: registration number ${registrationNumber} is already on line ${previous}` },
      });
      continue;
    }
    firstLine.set(key, record.line);
    const provider = cell(record.fields, mapping.provider);
    entries.push({
      registrationNumber,
      serviceName,
      ...(provider !== '' ? { provider } : {}),
      ...dates,
      program: programNamed(cell(record.fields, mapping.program)) ?? fallbackProgram,
      line: record.line,
    });
  }
  problems.sort((a, b) => a.line - b.line);

  if (entries.length === 0) {
    return { problems, rows, layout };
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
      importedAt: options.importDate ?? localDate(new Date()),
      encoding: decoded.encoding,
      layout,
      rows,
      skipped,
    },
    entries,
  };
  return { list, problems, rows, layout };
}
