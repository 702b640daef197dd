/**
 * Configuration: `.govsec.yaml` (or `.govsec.yml`) files and the layers built from them. Protocol-free: the
 * server and the CLI both use this module.
 *
 * - The nearest configuration file in a document's folder or above it applies (findConfigFile).
 * - A file is parsed with `yaml` and validated against glossary/schema/config.schema.json with ajv; every
 *   problem carries its file, line and column (loadConfigFile / loadConfigText).
 * - Severities come from layers, later layers overriding earlier ones; within one layer an exact rule id
 *   beats its category wildcard (severityFor).
 * - Procurement globs are matched with picomatch, relative to the configuration file's folder (matchesProfile).
 * - ConfigCache keeps one entry per configuration file, re-read when its mtime or size changes; when a file
 *   breaks, its last good configuration stays in force and the problems are returned for display.
 * - User glossary files are compiled together with the bundled terms by the glossary compiler itself
 *   (compileUserGlossary), so clashes are reported at the user's file and line.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { isMap, isScalar, type Document } from 'yaml';
import { compileGlossary, type GlossaryFile } from '../glossary/compile';
import type { CompiledGlossary, GlossaryProblem, Severity, TermEntry } from '../glossary/types';
import {
  describeAjvError,
  nodeOffset,
  parseAndValidate,
  positionOf,
  problemAt,
  validatorFor,
  type ParsedYaml,
} from '../glossary/yamlData';
import { loadSchema } from '../glossary/schemas';
import { decodeText } from '../text/decode';
import type { Bilingual } from '../language';

/** The names a configuration file may have, in order of preference within one folder. */
export const CONFIG_FILE_NAMES = ['.govsec.yaml', '.govsec.yml'] as const;

/** A rule's setting: a severity, or off. */
export type RuleSetting = Severity | 'off';

/** The configuration data as written (the shape config.schema.json describes). */
export interface ConfigData {
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  readonly profiles?: { readonly procurement?: readonly string[] };
  readonly glossary?: readonly string[];
  readonly limits?: { readonly maxDocumentLength?: number };
}

/** One configuration layer: a .govsec.yaml file, or one built from editor settings. */
export interface GovsecConfig {
  /** The configuration file (absolute); absent for a layer built from settings. */
  readonly file?: string;
  /** The folder that relative globs and paths resolve against (the configuration file's folder). */
  readonly directory: string;
  /** Rule id or category wildcard (`ismap/*`) → setting. */
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly profiles: {
    /** Globs, relative to `directory`, of documents that are procurement specifications. */
    readonly procurement: readonly string[];
  };
  /** Extra term files, absolute. */
  readonly glossary: readonly string[];
  /** limits.maxDocumentLength, when set. */
  readonly maxDocumentLength?: number;
}

export interface LoadConfigOptions {
  /** The rule ids that exist; when given, an unknown rule id or category is reported at its key. */
  readonly knownRules?: Iterable<string>;
}

export interface LoadConfigResult {
  /** Present when the file is usable; non-fatal problems (an unknown rule id) may come with it. */
  readonly config?: GovsecConfig;
  readonly problems: GlossaryProblem[];
}

/** A configuration with nothing set, for documents without a configuration file. */
export function emptyConfig(directory: string): GovsecConfig {
  return { directory: path.resolve(directory), rules: {}, profiles: { procurement: [] }, glossary: [] };
}

function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** The category of a rule id: `ismap` for `ismap/unregistered-service`. */
export function ruleCategory(ruleId: string): string {
  const slash = ruleId.indexOf('/');
  return slash === -1 ? ruleId : ruleId.slice(0, slash);
}

/** Builds a configuration from data already validated against the schema. */
export function configFromData(data: ConfigData, directory: string, file?: string): GovsecConfig {
  const resolvedDirectory = path.resolve(directory);
  return {
    ...(file !== undefined ? { file: path.resolve(file) } : {}),
    directory: resolvedDirectory,
    rules: { ...(data.rules ?? {}) },
    profiles: { procurement: [...(data.profiles?.procurement ?? [])] },
    glossary: (data.glossary ?? []).map((entry) => path.resolve(resolvedDirectory, entry)),
    ...(data.limits?.maxDocumentLength !== undefined ? { maxDocumentLength: data.limits.maxDocumentLength } : {}),
  };
}

/**
 * Validates plain data (for a layer built from editor settings) and builds a configuration. Problems are
 * messages without positions: `/rules/term~1variant: must be one of "error", "warning", …`.
 */
export function configFromObject(data: unknown, directory: string): { config?: GovsecConfig; problems: string[] } {
  const validate = validatorFor(loadSchema('config'));
  if (!validate(data)) {
    // For the server's log, which is English (see WorkspaceLog).
    return { problems: (validate.errors ?? []).map((error) => describeAjvError(error).en) };
  }
  return { config: configFromData(data as ConfigData, directory), problems: [] };
}

/** Offset of a mapping key (rather than its value), or undefined when the key is not in that mapping. */
function keyOffset(document: Document, mapPath: readonly (string | number)[], key: string): number | undefined {
  const map = mapPath.length === 0 ? document.contents : document.getIn(mapPath, true);
  if (!isMap(map)) {
    return undefined;
  }
  for (const pair of map.items) {
    if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range) {
      return pair.key.range[0];
    }
  }
  return undefined;
}

/**
 * The schema helpers report an unknown property at its parent mapping; for a configuration file the key
 * itself is far more useful (a misspelt `rule:` or `Term/Variant:`), so such problems are moved to the key.
 */
function pointAtUnknownKey(parsed: ParsedYaml, problem: GlossaryProblem): GlossaryProblem {
  const match = /^(\(top level\)|(?:\/[^/]*)+): unknown property "(.*)"$/.exec(problem.message.en);
  if (!match) {
    return problem;
  }
  const mapPath = match[1] === '(top level)'
    ? []
    : match[1].split('/').slice(1).map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const offset = keyOffset(parsed.document, mapPath, match[2]);
  return offset === undefined ? problem : { ...problem, ...positionOf(parsed, offset) };
}

function keyProblem(parsed: ParsedYaml, mapPath: readonly (string | number)[], key: string, message: Bilingual): GlossaryProblem {
  const offset = keyOffset(parsed.document, mapPath, key) ?? nodeOffset(parsed.document, [...mapPath, key]);
  return { file: parsed.file, ...positionOf(parsed, offset), message };
}

function sortProblems(problems: GlossaryProblem[]): GlossaryProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

const WINDOWS_ABSOLUTE = /^[A-Za-z]:[\\/]/;

/**
 * Parses and checks a configuration file's text. `file` is the path used in problems; relative paths in the
 * file resolve against its folder.
 */
export function loadConfigText(text: string, file: string, options: LoadConfigOptions = {}): LoadConfigResult {
  const result = parseAndValidate(text, file, validatorFor(loadSchema('config')));
  const { parsed } = result;
  const directory = path.dirname(path.resolve(file));
  if (result.problems.length > 0) {
    // An empty file (or one holding only comments) is a valid, empty configuration.
    if (parsed.document.errors.length === 0 && parsed.document.contents === null) {
      return { config: configFromData({}, directory, file), problems: [] };
    }
    return { problems: sortProblems(result.problems.map((problem) => pointAtUnknownKey(parsed, problem))) };
  }
  const data = result.data as ConfigData;
  const problems: GlossaryProblem[] = [];

  if (options.knownRules && data.rules) {
    const known = new Set(options.knownRules);
    const categories = new Set([...known].map(ruleCategory));
    for (const key of Object.keys(data.rules)) {
      if (key.endsWith('/*')) {
        if (!categories.has(ruleCategory(key))) {
          problems.push(
            keyProblem(parsed, ['rules'], key, {
              ja: `不明なルール分類「${key}」です（「${ruleCategory(key)}/」で始まるルールはありません）`,
              en: `unknown rule category "${key}" (no rule id starts with "${ruleCategory(key)}/")`,
            }),
          );
        }
      } else if (!known.has(key)) {
        const sameCategory = [...known].filter((id) => ruleCategory(id) === ruleCategory(key)).sort();
        const rules = sameCategory.join(', ');
        problems.push(
          keyProblem(
            parsed,
            ['rules'],
            key,
            sameCategory.length > 0
              ? { ja: `不明なルール「${key}」です（「${ruleCategory(key)}/」のルール: ${rules}）`, en: `unknown rule "${key}"; rules in "${ruleCategory(key)}/": ${rules}` }
              : { ja: `不明なルール「${key}」です`, en: `unknown rule "${key}"` },
          ),
        );
      }
    }
  }

  const globs: string[] = [];
  (data.profiles?.procurement ?? []).forEach((glob, index) => {
    if (glob.startsWith('/') || WINDOWS_ABSOLUTE.test(glob)) {
      problems.push(
        problemAt(parsed, ['profiles', 'procurement', index], {
          ja: `glob「${glob}」は設定ファイルのフォルダーからの相対パスで書きます`,
          en: `glob "${glob}" must be relative to the folder of the configuration file`,
        }),
      );
    } else {
      globs.push(glob);
    }
  });

  const config = configFromData({ ...data, profiles: { procurement: globs } }, directory, file);
  return { config, problems: sortProblems(problems) };
}

/**
 * Reads a user data file (configuration or glossary) in any encoding decodeText knows. An unreadable or
 * undecodable file is a problem at its 1:1.
 */
export function readDataFile(file: string, what: Bilingual): { text: string } | { problem: GlossaryProblem } {
  const unreadable = (reason: Bilingual): { problem: GlossaryProblem } => ({
    problem: { file, line: 1, column: 1, message: { ja: `${what.ja}を読めません（${reason.ja}）`, en: `cannot read the ${what.en} (${reason.en})` } },
  });
  try {
    const decoded = decodeText(fs.readFileSync(file));
    return 'text' in decoded ? { text: decoded.text } : unreadable(decoded.error);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return unreadable({ ja: code, en: code });
  }
}

/** Reads and checks a configuration file (see loadConfigText); an unreadable file is a problem at 1:1. */
export function loadConfigFile(file: string, options: LoadConfigOptions = {}): LoadConfigResult {
  const read = readDataFile(file, { ja: '設定ファイル', en: 'configuration file' });
  return 'text' in read ? loadConfigText(read.text, file, options) : { problems: [read.problem] };
}

function isFile(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
}

/**
 * The nearest configuration file: `.govsec.yaml` (or `.govsec.yml`) in `startDirectory` or the nearest
 * folder above it. The search stops after `rootDirectory` (inclusive) when the start is inside it, else at
 * the filesystem root. Returns an absolute path.
 */
export function findConfigFile(startDirectory: string, rootDirectory?: string): string | undefined {
  const root = rootDirectory === undefined ? undefined : path.resolve(rootDirectory);
  let directory = path.resolve(startDirectory);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (isFile(candidate)) {
        return candidate;
      }
    }
    const parent = path.dirname(directory);
    if (directory === root || parent === directory) {
      return undefined;
    }
    directory = parent;
  }
}

type Matcher = (relativePath: string) => boolean;
const profileMatchers = new WeakMap<GovsecConfig, Matcher>();

function procurementMatcher(config: GovsecConfig): Matcher {
  let matcher = profileMatchers.get(config);
  if (!matcher) {
    const globs = config.profiles.procurement.map((glob) => glob.replace(/^(\.\/)+/, ''));
    // windows: false — paths are turned into forward-slash form first, so matching is the same on every OS.
    matcher = globs.length === 0 ? () => false : picomatch(globs, { windows: false });
    profileMatchers.set(config, matcher);
  }
  return matcher;
}

/**
 * Whether a document is a procurement specification by the configuration's globs: its path relative to the
 * configuration's folder (with forward slashes) matches one of them. Documents outside that folder never match.
 */
export function matchesProfile(config: GovsecConfig, documentPath: string): boolean {
  if (config.profiles.procurement.length === 0) {
    return false;
  }
  const relative = path.relative(config.directory, path.resolve(config.directory, documentPath));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return false;
  }
  return procurementMatcher(config)(relative.split(path.sep).join('/'));
}

/**
 * The setting configured for a rule by the layers, lowest precedence first: a later layer overrides an
 * earlier one, and within one layer the exact rule id beats the category wildcard (`ismap/*`). undefined
 * when no layer mentions the rule.
 */
export function configuredSetting(ruleId: string, layers: readonly (Pick<GovsecConfig, 'rules'> | undefined)[]): RuleSetting | undefined {
  const wildcard = `${ruleCategory(ruleId)}/*`;
  let setting: RuleSetting | undefined;
  for (const layer of layers) {
    if (layer) {
      setting = own(layer.rules, ruleId) ?? own(layer.rules, wildcard) ?? setting;
    }
  }
  return setting;
}

/** The setting of a rule given configuration layers (see configuredSetting); `defaultSeverity` when none. */
export function severityFor(
  ruleId: string,
  defaultSeverity: Severity,
  layers: readonly (Pick<GovsecConfig, 'rules'> | undefined)[],
): RuleSetting {
  return configuredSetting(ruleId, layers) ?? defaultSeverity;
}

/** What applies to one document. */
export interface ConfigLookup {
  /** The configuration in force: the nearest file's (its last good one when it is broken now), or an empty one. */
  readonly config: GovsecConfig;
  /** The nearest configuration file (absolute), when there is one. */
  readonly file?: string;
  /** The file's problems with file:line:column (empty when it is fine). */
  readonly problems: readonly GlossaryProblem[];
  /** true when the file is broken now and its last good configuration is in force. */
  readonly usingLastGood?: boolean;
}

export interface ConfigCacheOptions extends LoadConfigOptions {
  /** Where the upward search stops (a workspace folder); configFor may override it per call. */
  readonly rootDirectory?: string;
}

interface CacheEntry {
  readonly stamp: string;
  /** The configuration the file gives now, or its last good one, or undefined when it never loaded. */
  readonly config: GovsecConfig | undefined;
  readonly problems: readonly GlossaryProblem[];
  readonly usingLastGood: boolean;
}

/**
 * Configuration per document for the server. Each configuration file is read once and re-read when its
 * modification time or size changes (or after invalidate). A broken file keeps its last good
 * configuration in force; its problems come with every lookup until it is fixed.
 */
export class ConfigCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly options: ConfigCacheOptions;

  constructor(options: ConfigCacheOptions = {}) {
    this.options = options;
  }

  configFor(documentPath: string, rootDirectory: string | undefined = this.options.rootDirectory): ConfigLookup {
    const documentDirectory = path.dirname(path.resolve(documentPath));
    const file = findConfigFile(documentDirectory, rootDirectory);
    if (!file) {
      return { config: emptyConfig(rootDirectory ?? documentDirectory), problems: [] };
    }
    return this.configOfFile(file);
  }

  /** The configuration one file gives (loading or re-loading it as needed). */
  configOfFile(file: string): ConfigLookup {
    const absolute = path.resolve(file);
    const stat = fs.statSync(absolute, { throwIfNoEntry: false });
    const stamp = stat ? `${stat.mtimeMs}:${stat.size}` : 'missing';
    let entry = this.entries.get(absolute);
    if (!entry || entry.stamp !== stamp) {
      const loaded = loadConfigFile(absolute, this.options);
      const lastGood = loaded.config ?? entry?.config;
      entry = { stamp, config: lastGood, problems: loaded.problems, usingLastGood: !loaded.config && lastGood !== undefined };
      this.entries.set(absolute, entry);
    }
    return {
      config: entry.config ?? emptyConfig(path.dirname(absolute)),
      file: absolute,
      problems: entry.problems,
      ...(entry.usingLastGood ? { usingLastGood: true } : {}),
    };
  }

  /**
   * Forces a re-read of `file` (or of every file) at the next lookup; the last good configuration is kept,
   * so a file that is broken when re-read still falls back to it.
   */
  invalidate(file?: string): void {
    const targets = file === undefined ? [...this.entries.keys()] : [path.resolve(file)];
    for (const target of targets) {
      const entry = this.entries.get(target);
      if (entry) {
        this.entries.set(target, { ...entry, stamp: 'invalidated' });
      }
    }
  }
}

/** The path compileGlossary sees for the bundled terms; rewritten to each entry's own location afterwards. */
const BASE_PATH = '<bundled glossary>';
const BASE_REFERENCE = /<bundled glossary>:(\d+)/g;

/**
 * Compiles user term files on top of the bundled glossary.
 *
 * The bundled entries are handed to compileGlossary as one synthetic file placed first, written as JSON
 * (valid YAML) with one entry per line, so entry i sits on line i + 2. The compiler then checks the user
 * files exactly as it checks the bundled ones — schema, duplicate ids, NFKC spelling clashes, `related`
 * and successor ids (which may name bundled terms) — and because the bundled entries come first, every
 * clash is reported at the user's file and line. References to the synthetic file in messages are mapped
 * back to the bundled entry's own location (glossary/terms/ismap.yaml:4), and the bundled entries of the
 * result are the original objects.
 *
 * Returns a glossary only when there are no problems (like compileGlossary); an unreadable file is a
 * problem at its 1:1.
 */
export function compileUserGlossary(
  files: readonly string[],
  base: CompiledGlossary,
  termsSchema: object,
): { glossary?: CompiledGlossary; problems: GlossaryProblem[] } {
  if (files.length === 0) {
    return { glossary: base, problems: [] };
  }
  const problems: GlossaryProblem[] = [];
  const userFiles: GlossaryFile[] = [];
  for (const file of files) {
    const read = readDataFile(file, { ja: '用語集ファイル', en: 'glossary file' });
    if ('text' in read) {
      userFiles.push({ path: file, text: read.text });
    } else {
      problems.push(read.problem);
    }
  }

  const baseFiles: GlossaryFile[] =
    base.terms.length === 0
      ? []
      : [
          {
            path: BASE_PATH,
            text: `{"kind":"terms","terms":[\n${base.terms
              .map(({ location: _location, ...entry }) => JSON.stringify(entry))
              .join(',\n')}\n]}\n`,
          },
        ];
  const baseLocation = (line: number) => base.terms[line - 2]?.location;
  const unbase = (problem: GlossaryProblem): GlossaryProblem => {
    const located = (text: string) =>
      text.replace(BASE_REFERENCE, (whole, line: string) => {
        const location = baseLocation(Number(line));
        return location ? `${location.file}:${location.line}` : whole;
      });
    const message = { ja: located(problem.message.ja), en: located(problem.message.en) };
    if (problem.file === BASE_PATH) {
      // Only when the bundled glossary no longer passes this schema; point at the entry's own location.
      const location = baseLocation(problem.line);
      return { ...problem, message, ...(location ? { file: location.file, line: location.line, column: 1 } : {}) };
    }
    return { ...problem, message };
  };

  const result = compileGlossary([...baseFiles, ...userFiles], validatorFor(termsSchema));
  problems.push(...result.problems.map(unbase));
  if (problems.length > 0 || !result.glossary) {
    // In the order of the files given, then by position.
    const order = (file: string) => (files.indexOf(file) + 1 || files.length + 1);
    return { problems: problems.sort((a, b) => order(a.file) - order(b.file) || a.line - b.line || a.column - b.column) };
  }
  const userTerms: TermEntry[] = result.glossary.terms.slice(base.terms.length);
  const userIds = new Set(userTerms.map((entry) => entry.id));
  return {
    glossary: {
      format: base.format,
      terms: [...base.terms, ...userTerms],
      spellings: [...base.spellings, ...result.glossary.spellings.filter((spelling) => userIds.has(spelling.termId))],
    },
    problems: [],
  };
}
