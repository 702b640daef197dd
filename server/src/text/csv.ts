/**
 * The one CSV reader: csv-parse does the parsing; this module adds what its callers need and the library
 * does not give reliably — the 1-based line and column of every record and field, and of every problem.
 *
 * csv-parse counts the CR and the LF of a CRLF inside a quoted field as two lines, so its own line numbers
 * drift. Positions here come from its byte offsets instead: each record ends at `info.bytes`, so a record
 * starts where the previous one ended, and a field's place in the record follows from the lengths of the
 * fields before it: a quoted field is its value with every quote doubled, between two quotes; any other
 * field (a lenient read keeps stray quotes as text) is its value as it stands.
 *
 * Line ends: CRLF, LF or CR, mixed in one file. A leading BOM is dropped (columns count from after it).
 * Blank lines are not records; their line numbers are returned so that a caller can object to them.
 */

import type { Bilingual } from '../language';
import { parse, type Info } from 'csv-parse/sync';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface CsvField {
  readonly value: string;
  /** 1-based line and column where the field starts (at its opening quote when quoted). */
  readonly line: number;
  readonly column: number;
}

export interface CsvRecord {
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly fields: readonly CsvField[];
}

export interface CsvProblem {
  /** 1-based line and column (the start of the record the problem is in). */
  readonly line: number;
  readonly column: number;
  readonly message: Bilingual;
}

export interface ReadCsvOptions {
  /** Field delimiter (default ","). */
  readonly delimiter?: string;
  /**
   * Lenient reading for files saved by other programs: a quote inside an unquoted field or after a closing
   * quote is kept as text, and a record whose quoted field never closes is reported and skipped — reading
   * resumes on the line after the one it started on. Strict reading (the default) stops at the first
   * malformed record and reports it.
   */
  readonly lenient?: boolean;
}

export interface ReadCsvResult {
  readonly records: CsvRecord[];
  readonly problems: CsvProblem[];
  /** 1-based lines that are empty (not counting a final line end). */
  readonly blankLines: number[];
}

const ERROR_MESSAGES: Readonly<Record<string, Bilingual>> = {
  CSV_QUOTE_NOT_CLOSED: { ja: '引用符で始まる欄が閉じていない', en: 'a quoted field is never closed' },
  INVALID_OPENING_QUOTE: { ja: '引用符のない欄の中に引用符がある', en: 'quote inside an unquoted field' },
  CSV_INVALID_CLOSING_QUOTE: { ja: '閉じる引用符の後に文字がある', en: 'unexpected text after a closing quote' },
};

/** The characters a field takes in its record's raw text, where it starts at `offset`. */
function fieldLength(raw: string, offset: number, value: string): number {
  if (raw[offset] === '"') {
    const quoted = `"${value.replaceAll('"', '""')}"`;
    if (raw.startsWith(quoted, offset)) {
      return quoted.length;
    }
  }
  return value.length;
}

/** Reads CSV (or TSV with `delimiter: '\t'`) text into records whose fields know their line and column. */
export function readCsv(source: string, options: ReadCsvOptions = {}): ReadCsvResult {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const delimiter = options.delimiter ?? ',';
  // Offsets → lines and columns (CRLF, LF and CR line ends), as the server and the CLI convert them.
  const lines = TextDocument.create('', 'csv', 0, text);
  const positionAt = (offset: number) => {
    const { line, character } = lines.positionAt(offset);
    return { line: line + 1, column: character + 1 };
  };
  const bytes = Buffer.from(text, 'utf8');
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const blankLines: number[] = [];

  // Reading starts at a byte offset; a lenient read that meets an unclosed quote starts again after it.
  let startByte = 0;
  let startChar = 0;
  for (;;) {
    let recordByte = startByte;
    let recordChar = startChar;
    const onRecord = ({ record, info }: { record: string[]; info: Info }) => {
      const endByte = startByte + info.bytes;
      const raw = bytes.subarray(recordByte, endByte).toString('utf8');
      const at = positionAt(recordChar);
      if (record.length === 1 && /^(?:\r\n|\n|\r)?$/.test(raw)) {
        if (raw !== '') {
          blankLines.push(at.line);
        }
      } else {
        let offset = 0;
        const fields = record.map((value) => {
          const position = positionAt(recordChar + offset);
          offset += fieldLength(raw, offset, value) + delimiter.length;
          return { value, line: position.line, column: position.column };
        });
        records.push({ line: at.line, fields });
      }
      recordByte = endByte;
      recordChar += raw.length;
      return null;
    };
    try {
      parse(bytes.subarray(startByte), {
        delimiter,
        record_delimiter: ['\r\n', '\n', '\r'],
        relax_column_count: true,
        relax_quotes: options.lenient === true,
        skip_empty_lines: false,
        info: true,
        on_record: onRecord as never,
      });
      return { records, problems, blankLines };
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      const message = ERROR_MESSAGES[code];
      if (message === undefined) {
        throw error;
      }
      const at = positionAt(recordChar);
      if (!options.lenient || code !== 'CSV_QUOTE_NOT_CLOSED') {
        problems.push({ ...at, message });
        return { records, problems, blankLines };
      }
      problems.push({ ...at, message: { ja: `行を読み飛ばした: ${message.ja}`, en: `row skipped: ${message.en}` } });
      if (at.line >= lines.lineCount) {
        return { records, problems, blankLines };
      }
      startChar = lines.offsetAt({ line: at.line, character: 0 });
      startByte = Buffer.byteLength(text.slice(0, startChar), 'utf8');
    }
  }
}

/** Tab when the first line with a tab or comma has tabs and no comma (text pasted from a web page or a spreadsheet); else comma. */
export function detectDelimiter(text: string): ',' | '\t' {
  const first = text
    .split(/\r\n|\r|\n/, 10)
    .find((line) => line.includes('\t') || line.includes(','));
  return first !== undefined && first.includes('\t') && !first.includes(',') ? '\t' : ',';
}
