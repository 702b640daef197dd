/**
 * `govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU]`
 *
 * Reads the official ISMAP (or ISMAP-LIU) cloud service list saved from the portal — the page saved from a
 * browser (HTML), the table copied from it and pasted into a text file, or CSV — and writes the workspace
 * list (default .govsec/ismap-list.yaml under the working directory), which govsec uses in place of its
 * bundled partial list. The list's as-of date is --date, else the file's modification date (local time).
 * Each malformed row is reported on stderr as FILE:LINE: message and skipped.
 * Exit codes: 0 imported (even with skipped rows); 2 usage error, unreadable file, no valid row, or a failed
 * write — in those cases the existing output file is left untouched.
 */

import * as path from 'node:path';
import { DEFAULT_ISMAP_LIST_FILE, ISMAP_LIST_PAGE } from '../services/ismapList';
import { importIsmapListFile } from '../services/ismapListImport';
import type { ListLayout } from '../services/ismapListRead';
import type { IsmapProgram } from '../services/types';
import type { Bilingual, Language } from '../language';
import { line, UsageError } from './messages';

export const ISMAP_USAGE: Bilingual = {
  en: `Usage:
  govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU] [--lang ja|en]
      Imports the official ISMAP or ISMAP-LIU cloud service list (${ISMAP_LIST_PAGE})
      into ${DEFAULT_ISMAP_LIST_FILE} (or PATH), which govsec then uses instead of its bundled partial list.
      FILE is one of:
        - the list page saved from a browser after the list has appeared (.html)
        - the list's table copied from the page and pasted into a text file (tab-separated)
        - CSV (comma- or tab-separated; UTF-8, UTF-16 or Shift_JIS)
      --date     the list's as-of date (default: the file's modification date)
      --program  the program of rows when neither a program column nor the page title says
                 (default: ISMAP)

Exit codes: 0 imported (malformed rows are reported and skipped), 2 usage error or nothing imported.
`,
  ja: `使い方:
  govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU] [--lang ja|en]
      ISMAP または ISMAP-LIU の公式のクラウドサービスリスト（${ISMAP_LIST_PAGE}）を
      ${DEFAULT_ISMAP_LIST_FILE}（または PATH）に取り込みます。以後 govsec は同梱の部分的な一覧の代わりにこれを使います。
      FILE は次のいずれかです:
        - 一覧が表示されてからブラウザーで保存した一覧ページ（.html）
        - ページの表をコピーしてテキストファイルに貼り付けたもの（タブ区切り）
        - CSV（カンマ区切りまたはタブ区切り。UTF-8, UTF-16, Shift_JIS）
      --date     一覧の時点（既定: ファイルの更新日）
      --program  制度の列もページの題名もないときの行の制度（既定: ISMAP）

終了コード: 0 取り込み済み（不正な行は報告して読み飛ばす）、2 使い方の誤りまたは取り込めた行なし。
`,
};

const LAYOUT_NAMES: Record<ListLayout, Bilingual> = {
  html: { ja: '保存した Web ページ', en: 'saved web page' },
  tsv: { ja: 'タブ区切りテキスト', en: 'tab-separated text' },
  csv: { ja: 'CSV', en: 'CSV' },
};

interface ImportOptions {
  readonly file: string;
  readonly output?: string;
  readonly date?: string;
  readonly program?: IsmapProgram;
  readonly help?: boolean;
}

function validDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return false;
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCFullYear() === Number(match[1]) && date.getUTCMonth() === Number(match[2]) - 1 && date.getUTCDate() === Number(match[3]);
}

function parseArguments(args: readonly string[]): ImportOptions {
  const rest = args[0] === 'import' ? args.slice(1) : [...args];
  const files: string[] = [];
  let output: string | undefined;
  let date: string | undefined;
  let program: IsmapProgram | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const option = /^(--output|--date|--program)(?:=(.*))?$/.exec(arg);
    if (arg === '--help' || arg === '-h') {
      return { file: '', help: true };
    } else if (option) {
      const value = option[2] ?? rest[++i];
      if (value === undefined || value === '') {
        throw new UsageError({ ja: `${option[1]} には値を指定します`, en: `${option[1]} needs a value` });
      }
      if (option[1] === '--output') {
        output = value;
      } else if (option[1] === '--date') {
        if (!validDate(value)) {
          throw new UsageError({ ja: `--date には YYYY-MM-DD の日付を指定します（${JSON.stringify(value)}）`, en: `--date must be a date as YYYY-MM-DD (got ${JSON.stringify(value)})` });
        }
        date = value;
      } else {
        if (value !== 'ISMAP' && value !== 'ISMAP-LIU') {
          throw new UsageError({ ja: `--program には ISMAP か ISMAP-LIU を指定します（${JSON.stringify(value)}）`, en: `--program must be ISMAP or ISMAP-LIU (got ${JSON.stringify(value)})` });
        }
        program = value;
      }
    } else if (arg === '--') {
      files.push(...rest.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError({ ja: `不明なオプション ${arg} です`, en: `unknown option ${arg}` });
    } else {
      files.push(arg);
    }
  }
  if (files.length !== 1) {
    throw new UsageError(
      files.length === 0
        ? { ja: 'govsec ismap import には取り込むファイルを指定します', en: 'govsec ismap import needs the file to import' }
        : { ja: 'govsec ismap import に指定できるファイルは一つです', en: 'govsec ismap import takes one file' },
    );
  }
  return { file: files[0], output, date, program };
}

export function runIsmapImport(args: string[], cwd: string, out: NodeJS.WritableStream, err: NodeJS.WritableStream, language: Language): number {
  let options: ImportOptions;
  try {
    options = parseArguments(args);
  } catch (error) {
    if (error instanceof UsageError) {
      err.write(`${line(error.text, language)}\n${ISMAP_USAGE[language]}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    out.write(ISMAP_USAGE[language]);
    return 0;
  }

  const input = path.resolve(cwd, options.file);
  const output = path.resolve(cwd, options.output ?? DEFAULT_ISMAP_LIST_FILE);
  const outputShown = options.output ?? DEFAULT_ISMAP_LIST_FILE;
  const outcome = importIsmapListFile(input, output, { date: options.date, program: options.program, shownName: options.file });
  for (const problem of outcome.problems) {
    err.write(`${options.file}:${problem.line}: ${problem.message[language]}\n`);
  }
  if (!outcome.ok) {
    const file = options.file;
    const reasons: Record<typeof outcome.reason, Bilingual> = {
      'not-found': { ja: `${file}: ファイルがありません`, en: `${file}: no such file` },
      directory: { ja: `${file}: フォルダーです`, en: `${file}: is a directory` },
      unreadable: { ja: `${file}: 読めません（${outcome.detail}）`, en: `${file}: cannot read (${outcome.detail})` },
      'no-valid-row': { ja: `${file}: 取り込める行がないため、${outputShown} は変更していません`, en: `${file}: no valid row to import; ${outputShown} left unchanged` },
      'write-failed': { ja: `${outputShown} に書き込めません（${outcome.detail}）`, en: `cannot write ${outputShown}: ${outcome.detail}` },
    };
    err.write(line(reasons[outcome.reason], language));
    return 2;
  }
  const skipped = outcome.rows - outcome.imported;
  const layout = LAYOUT_NAMES[outcome.layout][language];
  out.write(
    language === 'ja'
      ? `${options.file}（${layout}）の ${outcome.rows} 行のうち ${outcome.imported} 行を ${outputShown} に取り込みました（${outcome.asOf} 時点${skipped > 0 ? `、${skipped} 行は読み飛ばし` : ''}）。\n`
      : `Imported ${outcome.imported} of ${outcome.rows} ${outcome.rows === 1 ? 'row' : 'rows'} from ${options.file} (${layout}) into ${outputShown} ` +
          `(as of ${outcome.asOf}${skipped > 0 ? `; ${skipped} skipped` : ''}).\n`,
  );
  return 0;
}
