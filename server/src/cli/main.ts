/**
 * The govsec CLI, on the same engine as the language server:
 *   govsec check [files or folders…] [--format text|json|sarif] [--config FILE] [--max-length N]
 *   govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU]
 *   govsec glossary stats [--stale DAYS [--today YYYY-MM-DD]]
 *   govsec export prh [--out FILE]
 * Every command takes --lang ja|en (see cli/messages.ts); all it says to a person is in that language.
 * Exit codes: 0 no finding of severity error; 1 at least one; 2 usage or runtime failure.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument } from '../analysis';
import { formatProblem } from '../glossary/compile';
import { loadKnowledge, type Knowledge } from '../knowledge';
import { DEFAULT_ISMAP_LIST_FILE, ISMAP_LIST_PAGE, ismapListAge, loadIsmapListFile, localDate } from '../services/ismapList';
import { describeList, describeListIn, describeListJa } from '../services/status';
import { expandPaths, readDocument } from './files';
import { allRules } from '../rules/index';
import { formatJson, formatText, type CliFinding } from './format';
import { formatSarif } from './sarif';
import { runIsmapImport } from './ismapImport';
import { formatStale, formatStats, knowledgeStats, staleEntries } from './stats';
import { runExport } from './exportPrh';
import { ProjectSetup } from '../config/projectSetup';
import { GOVSEC_VERSION as VERSION } from '../version';
import { notCheckedMessage } from '../failure';
import type { Bilingual, Language } from '../language';
import { given, line, takeLanguageOption, UsageError } from './messages';

export const CLI_USAGE: Bilingual = {
  en: `Usage:
  govsec check [files or folders…] [--format text|json|sarif] [--config FILE] [--max-length N]
      Checks Markdown and YAML files (folders: their .md, .markdown, .yaml and .yml files).
      Text output: file:line:col severity rule message
      --config FILE uses that configuration instead of the nearest .govsec.yaml.
      --max-length N checks each document up to N UTF-16 characters (default 1000000; limits.maxDocumentLength
      in .govsec.yaml wins).
  govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU]
      Imports the official ISMAP or ISMAP-LIU cloud service list — the portal's list page saved from a
      browser (HTML), its table pasted into a text file, or CSV — into ${DEFAULT_ISMAP_LIST_FILE}, which
      check and the language server then use in place of the bundled partial list.
  govsec glossary stats [--stale DAYS [--today YYYY-MM-DD]]
      Counts per kind and catalogue, with as-of dates, and the ISMAP list in use.
      --stale DAYS lists instead the entries (terms, services, control catalogues, the ISMAP list)
      whose as-of date is more than DAYS days before today; --today sets today (default: the local date).
  govsec export prh [--out FILE]
      Writes the glossary's non-canonical and superseded spellings as a textlint-rule-prh dictionary
      (YAML, with specs that prh checks on load) to FILE or standard output.
  govsec --help | --version

Every command takes --lang ja|en: messages in Japanese or English (default: from LC_ALL, LC_MESSAGES or
LANG; English unless the locale is Japanese).
Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or runtime failure.
`,
  ja: `使い方:
  govsec check [ファイルまたはフォルダー…] [--format text|json|sarif] [--config FILE] [--max-length N]
      Markdown と YAML のファイルを検査します（フォルダーはその中の .md, .markdown, .yaml, .yml）。
      テキスト出力: ファイル:行:列 重大度 ルール メッセージ
      --config FILE  最寄りの .govsec.yaml の代わりにこの設定を使います。
      --max-length N 各文書を UTF-16 で N 文字まで検査します（既定 1000000。.govsec.yaml の
                     limits.maxDocumentLength が優先）。
  govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU]
      ISMAP または ISMAP-LIU の公式のクラウドサービスリスト（ポータルの一覧ページをブラウザーで保存した
      HTML、表を貼り付けたテキスト、CSV）を ${DEFAULT_ISMAP_LIST_FILE} に取り込みます。以後 check と
      言語サーバーは同梱の部分的な一覧の代わりにこれを使います。
  govsec glossary stats [--stale DAYS [--today YYYY-MM-DD]]
      種別・カタログごとの件数と時点、使用中の ISMAP 一覧を示します。
      --stale DAYS  時点が今日より DAYS 日以上前の項目（用語、サービス、管理策カタログ、ISMAP 一覧）を
                    一覧にします。--today で今日の日付を指定します（既定: ローカルの日付）。
  govsec export prh [--out FILE]
      用語集の推奨外の表記と旧名称を textlint-rule-prh の辞書（読み込み時に prh が検証する specs 付きの
      YAML）として FILE または標準出力に書き出します。
  govsec --help | --version

どのコマンドも --lang ja|en でメッセージの言語を選べます（既定: LC_ALL, LC_MESSAGES, LANG の順に
見て、日本語のロケールなら日本語、それ以外は英語）。
終了コード: 0 重大度 error の指摘なし、1 一件以上あり、2 使い方の誤りまたは実行時の失敗。
`,
};

interface CheckOptions {
  readonly paths: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly config?: string;
  readonly maxLength?: number;
}

function parseCheckArguments(args: readonly string[]): CheckOptions {
  const paths: string[] = [];
  let format: CheckOptions['format'] = 'text';
  let config: string | undefined;
  let maxLength: number | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--max-length' || arg.startsWith('--max-length=')) {
      const value = arg === '--max-length' ? args[++i] : arg.slice('--max-length='.length);
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1000) {
        const shown = given(value);
        throw new UsageError({
          ja: `--max-length には 1000 以上の文字数を指定します（${shown.ja}）`,
          en: `--max-length needs a number of characters, at least 1000 (got ${shown.en})`,
        });
      }
      maxLength = Number(value);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json' && value !== 'sarif') {
        const shown = given(value);
        throw new UsageError({ ja: `--format には text, json, sarif のいずれかを指定します（${shown.ja}）`, en: `--format must be text, json or sarif (got ${shown.en})` });
      }
      format = value;
    } else if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? args[++i] : arg.slice('--config='.length);
      if (!value) {
        throw new UsageError({ ja: '--config には設定ファイルを指定します', en: '--config needs a file' });
      }
      config = value;
    } else if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError({ ja: `不明なオプション ${arg} です`, en: `unknown option ${arg}` });
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    throw new UsageError({ ja: 'govsec check には検査するファイルかフォルダーを一つ以上指定します', en: 'govsec check needs at least one file or folder' });
  }
  return { paths, format, config, maxLength };
}

interface StatsOptions {
  readonly staleDays?: number;
  readonly today: string;
}

function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

function parseStatsArguments(args: readonly string[]): StatsOptions {
  let staleDays: number | undefined;
  let today: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const option = arg.split('=', 1)[0];
    if (option !== '--stale' && option !== '--today') {
      throw new UsageError({ ja: `glossary stats に不明なオプション ${JSON.stringify(arg)} です`, en: `unknown option ${JSON.stringify(arg)} for glossary stats` });
    }
    const value = arg.includes('=') ? arg.slice(option.length + 1) : args[++i];
    if (option === '--stale') {
      if (value === undefined || !/^\d+$/.test(value)) {
        const shown = given(value);
        throw new UsageError({ ja: `--stale には日数を整数で指定します（${shown.ja}）`, en: `--stale needs a whole number of days (got ${shown.en})` });
      }
      staleDays = Number(value);
    } else {
      if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        const shown = given(value);
        throw new UsageError({ ja: `--today には YYYY-MM-DD の日付を指定します（${shown.ja}）`, en: `--today needs a date YYYY-MM-DD (got ${shown.en})` });
      }
      today = value;
    }
  }
  if (today !== undefined && staleDays === undefined) {
    throw new UsageError({ ja: '--today は --stale と一緒にだけ使えます', en: '--today applies only with --stale' });
  }
  return { staleDays, today: today ?? localToday() };
}

function languageIdOf(file: string): string {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'markdown';
}

/**
 * The knowledge for a run from `cwd`: the nearest imported ISMAP list (.govsec/ismap-list.yaml in cwd or a
 * parent folder) replaces the bundled one. A broken list is reported and the bundled list is used.
 */
export function knowledgeFor(
  distDirectory: string,
  cwd: string,
  err: NodeJS.WritableStream,
  language: Language,
): { knowledge: Knowledge; origin: Bilingual } {
  const bundled = loadKnowledge(distDirectory);
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const file = path.join(folder, DEFAULT_ISMAP_LIST_FILE);
    if (fs.existsSync(file)) {
      const loaded = loadIsmapListFile(file);
      if (loaded.list && loaded.list.entries.length > 0) {
        return { knowledge: bundled.withIsmapList(loaded.list), origin: { ja: `取り込み済み（${file}）`, en: `imported (${file})` } };
      }
      const problems = loaded.problems.map((problem) => formatProblem(problem, language)).join('; ') || (language === 'ja' ? `${file}: 項目がありません` : `${file}: no entries`);
      err.write(line({ ja: `${problems}（同梱の${describeListJa(bundled.ismapList)}を使います）`, en: `${problems}; using the bundled ${describeList(bundled.ismapList)}` }, language));
      break;
    }
    if (path.dirname(folder) === folder) {
      break;
    }
  }
  return { knowledge: bundled, origin: { ja: '同梱', en: 'bundled' } };
}

/** The date a run takes as today: GOVSEC_TODAY (YYYY-MM-DD, for reproducible runs and tests) or the local date. */
function today(): string {
  const fixed = process.env.GOVSEC_TODAY;
  return fixed !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : localDate(new Date());
}

function check(options: CheckOptions, language: Language, out: NodeJS.WritableStream, err: NodeJS.WritableStream, distDirectory: string): number {
  const { knowledge } = knowledgeFor(distDirectory, process.cwd(), err, language);
  if (ismapListAge(knowledge.ismapList, today()).stale) {
    err.write(
      line(
        {
          ja: `注意: ${describeListJa(knowledge.ismapList)}は三か月以上前のもので、ポータルの一覧はおよそ三か月ごとに更新されるため、${ISMAP_LIST_PAGE} から最新の一覧を保存して \`govsec ismap import FILE\` を実行してください`,
          en: `note: the ${describeList(knowledge.ismapList)} is more than three months old, and the portal updates its list about every three months; save the current list from ${ISMAP_LIST_PAGE} and run \`govsec ismap import FILE\``,
        },
        language,
      ),
    );
  }
  if (options.config !== undefined && !fs.existsSync(options.config)) {
    throw new UsageError({ ja: `--config: ファイル ${options.config} がありません`, en: `--config: no such file ${options.config}` });
  }
  const setup = new ProjectSetup(knowledge, { configFile: options.config, maxDocumentLength: options.maxLength });
  const reported = new Set<string>();
  const findings: CliFinding[] = [];
  let failed = false;
  for (const file of expandPaths(options.paths)) {
    const read = readDocument(file);
    if (!read.ok) {
      err.write(`govsec: ${file}: ${read.reason[language]}\n`);
      failed ||= !read.skipped;
      continue;
    }
    const uri = pathToFileURL(path.resolve(file)).href;
    const document = TextDocument.create(uri, languageIdOf(file), 1, read.text);
    const applied = setup.forDocument(path.resolve(file));
    for (const problem of applied.problems) {
      const text = formatProblem(problem, language);
      if (!reported.has(text)) {
        reported.add(text);
        err.write(`govsec: ${text}\n`);
        failed = true;
      }
    }
    let analysis: ReturnType<typeof analyzeDocument>;
    try {
      analysis = analyzeDocument({ uri, languageId: document.languageId, text: read.text }, applied.knowledge, applied.options);
    } catch (error) {
      err.write(`govsec: ${file}: ${notCheckedMessage(error)[language]}\n`);
      failed = true;
      continue;
    }
    for (const finding of analysis.findings) {
      const start = document.positionAt(finding.start);
      const end = document.positionAt(finding.end);
      findings.push({
        file,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        rule: finding.ruleId,
        severity: finding.severity,
        message: finding.message[language],
      });
    }
  }
  out.write(
    options.format === 'json'
      ? formatJson(findings)
      : options.format === 'sarif'
        ? formatSarif(findings, allRules, VERSION, path.join(distDirectory, '..', 'docs'))
        : formatText(findings),
  );
  if (failed) {
    return 2;
  }
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

export function main(args: readonly string[], distDirectory: string): number {
  const { args: withoutLanguage, language, mistake } = takeLanguageOption(args);
  const [command, ...rest] = withoutLanguage;
  try {
    if (mistake) {
      throw mistake;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? process.stderr : process.stdout).write(CLI_USAGE[language]);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'check') {
      return check(parseCheckArguments(rest), language, process.stdout, process.stderr, distDirectory);
    }
    if (command === 'ismap') {
      return runIsmapImport([...rest], process.cwd(), process.stdout, process.stderr, language);
    }
    if (command === 'glossary') {
      if (rest[0] !== 'stats') {
        const asked = JSON.stringify(rest.join(' '));
        throw new UsageError({ ja: `不明な glossary コマンド ${asked} です（govsec glossary stats のみ）`, en: `unknown glossary command ${asked} (expected: govsec glossary stats)` });
      }
      const options = parseStatsArguments(rest.slice(1));
      const { knowledge, origin } = knowledgeFor(distDirectory, process.cwd(), process.stderr, language);
      if (options.staleDays !== undefined) {
        process.stdout.write(formatStale(staleEntries(knowledge, options.staleDays, options.today), options.staleDays, options.today, language));
      } else {
        process.stdout.write(formatStats(knowledgeStats(knowledge, origin, language), `${describeListIn(knowledge.ismapList, language)}${language === 'ja' ? '、' : ', '}${origin[language]}`, language));
      }
      return 0;
    }
    if (command === 'export') {
      return runExport(rest, knowledgeFor(distDirectory, process.cwd(), process.stderr, language).knowledge, process.stdout, process.stderr, language);
    }
    throw new UsageError({ ja: `不明なコマンド ${JSON.stringify(command)} です`, en: `unknown command ${JSON.stringify(command)}` });
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${line(error.text, language)}\n${CLI_USAGE[language]}`);
    } else {
      // A runtime failure (a file that cannot be written, …): the system's own text, framed in the language.
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(line({ ja: `処理を続けられません（${reason}）`, en: reason }, language));
    }
    return 2;
  }
}

/** Entry for bin/govsec.js: the bundle lives in dist/ next to the compiled knowledge. */
export function run(args: readonly string[]): number {
  return main(args, __dirname);
}
