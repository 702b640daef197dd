/**
 * The govsec CLI, on the same engine as the language server:
 *   govsec check [files or folders…] [--format text|json]
 *   govsec ismap import FILE [--output PATH] [--date YYYY-MM-DD] [--program ISMAP|ISMAP-LIU]
 *   govsec glossary stats [--stale DAYS [--today YYYY-MM-DD]]
 *   govsec export prh [--out FILE]
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
import { describeList } from '../services/status';
import { expandPaths, readDocument } from './files';
import { allRules } from '../rules/index';
import { formatJson, formatText, type CliFinding } from './format';
import { formatSarif } from './sarif';
import { runIsmapImport } from './ismapImport';
import { formatStale, formatStats, knowledgeStats, staleEntries } from './stats';
import { ExportUsageError, runExport } from './exportPrh';
import { ProjectSetup } from '../config/projectSetup';
import { GOVSEC_VERSION as VERSION } from '../version';
import { notCheckedMessage } from '../failure';
import { resolveLanguage, type Language } from '../language';

const USAGE = `Usage:
  govsec check [files or folders…] [--format text|json|sarif] [--lang ja|en] [--config FILE] [--max-length N]
      Checks Markdown and YAML files (folders: their .md, .markdown, .yaml and .yml files).
      Text output: file:line:col severity rule message
      --lang ja|en writes messages in Japanese or English (default: from LC_ALL, LC_MESSAGES or LANG;
      English unless the locale is Japanese).
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

Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or runtime failure.
`;


class UsageError extends Error {}

interface CheckOptions {
  readonly paths: string[];
  readonly format: 'text' | 'json' | 'sarif';
  readonly config?: string;
  readonly maxLength?: number;
  readonly language: Language;
}

function parseCheckArguments(args: readonly string[]): CheckOptions {
  const paths: string[] = [];
  let format: CheckOptions['format'] = 'text';
  let config: string | undefined;
  let maxLength: number | undefined;
  let language: Language | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (value !== 'ja' && value !== 'en') {
        throw new UsageError(`--lang must be ja or en (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
      }
      language = value;
    } else if (arg === '--max-length' || arg.startsWith('--max-length=')) {
      const value = arg === '--max-length' ? args[++i] : arg.slice('--max-length='.length);
      if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1000) {
        throw new UsageError(`--max-length needs a number of characters, at least 1000 (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
      }
      maxLength = Number(value);
    } else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? args[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json' && value !== 'sarif') {
        throw new UsageError(`--format must be text, json or sarif (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
      }
      format = value;
    } else if (arg === '--config' || arg.startsWith('--config=')) {
      const value = arg === '--config' ? args[++i] : arg.slice('--config='.length);
      if (!value) {
        throw new UsageError('--config needs a file');
      }
      config = value;
    } else if (arg === '--') {
      paths.push(...args.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) {
    throw new UsageError('govsec check needs at least one file or folder');
  }
  return { paths, format, config, maxLength, language: resolveLanguage(language) };
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
      throw new UsageError(`unknown option ${JSON.stringify(arg)} for glossary stats`);
    }
    const value = arg.includes('=') ? arg.slice(option.length + 1) : args[++i];
    if (option === '--stale') {
      if (value === undefined || !/^\d+$/.test(value)) {
        throw new UsageError(`--stale needs a whole number of days (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
      }
      staleDays = Number(value);
    } else {
      if (value === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
        throw new UsageError(`--today needs a date YYYY-MM-DD (got ${value === undefined ? 'nothing' : JSON.stringify(value)})`);
      }
      today = value;
    }
  }
  if (today !== undefined && staleDays === undefined) {
    throw new UsageError('--today applies only with --stale');
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
export function knowledgeFor(distDirectory: string, cwd: string, err: NodeJS.WritableStream): { knowledge: Knowledge; origin: string } {
  const bundled = loadKnowledge(distDirectory);
  for (let folder = path.resolve(cwd); ; folder = path.dirname(folder)) {
    const file = path.join(folder, DEFAULT_ISMAP_LIST_FILE);
    if (fs.existsSync(file)) {
      const loaded = loadIsmapListFile(file);
      if (loaded.list && loaded.list.entries.length > 0) {
        return { knowledge: bundled.withIsmapList(loaded.list), origin: `imported (${file})` };
      }
      const problems = loaded.problems.map(formatProblem).join('; ') || `${file}: no entries`;
      err.write(`govsec: ${problems}; using the bundled ${describeList(bundled.ismapList)}\n`);
      break;
    }
    if (path.dirname(folder) === folder) {
      break;
    }
  }
  return { knowledge: bundled, origin: 'bundled' };
}

/** The date a run takes as today: GOVSEC_TODAY (YYYY-MM-DD, for reproducible runs and tests) or the local date. */
function today(): string {
  const fixed = process.env.GOVSEC_TODAY;
  return fixed !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : localDate(new Date());
}

function check(options: CheckOptions, out: NodeJS.WritableStream, err: NodeJS.WritableStream, distDirectory: string): number {
  const { knowledge } = knowledgeFor(distDirectory, process.cwd(), err);
  if (ismapListAge(knowledge.ismapList, today()).stale) {
    err.write(
      `govsec: note: the ${describeList(knowledge.ismapList)} is more than three months old, and the portal updates its list ` +
        `about every three months; save the current list from ${ISMAP_LIST_PAGE} and run \`govsec ismap import FILE\`\n`,
    );
  }
  if (options.config !== undefined && !fs.existsSync(options.config)) {
    throw new UsageError(`--config: no such file ${options.config}`);
  }
  const setup = new ProjectSetup(knowledge, { configFile: options.config, maxDocumentLength: options.maxLength });
  const reported = new Set<string>();
  const findings: CliFinding[] = [];
  let failed = false;
  for (const file of expandPaths(options.paths)) {
    const read = readDocument(file);
    if (!read.ok) {
      err.write(`govsec: ${file}: ${read.reason}\n`);
      failed ||= !read.skipped;
      continue;
    }
    const uri = pathToFileURL(path.resolve(file)).href;
    const document = TextDocument.create(uri, languageIdOf(file), 1, read.text);
    const applied = setup.forDocument(path.resolve(file));
    for (const problem of applied.problems) {
      const line = formatProblem(problem);
      if (!reported.has(line)) {
        reported.add(line);
        err.write(`govsec: ${line}\n`);
        failed = true;
      }
    }
    let analysis: ReturnType<typeof analyzeDocument>;
    try {
      analysis = analyzeDocument({ uri, languageId: document.languageId, text: read.text }, applied.knowledge, applied.options);
    } catch (error) {
      err.write(`govsec: ${file}: ${notCheckedMessage(error)[options.language]}\n`);
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
        message: finding.message[options.language],
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
  const [command, ...rest] = args;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      (command === undefined ? process.stderr : process.stdout).write(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
      process.stdout.write(`${VERSION}\n`);
      return 0;
    }
    if (command === 'check') {
      return check(parseCheckArguments(rest), process.stdout, process.stderr, distDirectory);
    }
    if (command === 'ismap') {
      return runIsmapImport([...rest], process.cwd(), process.stdout, process.stderr);
    }
    if (command === 'glossary') {
      if (rest[0] !== 'stats') {
        throw new UsageError(`unknown glossary command ${JSON.stringify(rest.join(' '))} (expected: govsec glossary stats)`);
      }
      const options = parseStatsArguments(rest.slice(1));
      const { knowledge, origin } = knowledgeFor(distDirectory, process.cwd(), process.stderr);
      if (options.staleDays !== undefined) {
        process.stdout.write(formatStale(staleEntries(knowledge, options.staleDays, options.today), options.staleDays, options.today));
      } else {
        process.stdout.write(formatStats(knowledgeStats(knowledge, origin), `${describeList(knowledge.ismapList)}, ${origin}`));
      }
      return 0;
    }
    if (command === 'export') {
      return runExport(rest, knowledgeFor(distDirectory, process.cwd(), process.stderr).knowledge, process.stdout, process.stderr);
    }
    throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExportUsageError) {
      process.stderr.write(`govsec: ${error.message}\n\n${USAGE}`);
    } else {
      process.stderr.write(`govsec: ${error instanceof Error ? error.message : String(error)}\n`);
    }
    return 2;
  }
}

/** Entry for bin/govsec.js: the bundle lives in dist/ next to the compiled knowledge. */
export function run(args: readonly string[]): number {
  return main(args, __dirname);
}
