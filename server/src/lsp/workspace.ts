/**
 * The language server's workspace state, protocol-free so tests can build it in-process:
 *
 * - one entry per workspace folder (multi-root): its settings, its imported ISMAP list and its own
 *   ProjectSetup (.govsec.yaml and glossary files), applied to the documents inside that folder;
 * - workspace trust: while untrusted, no workspace file is loaded (no .govsec.yaml, no user glossary, no
 *   imported ISMAP list); the bundled knowledge still works. Granting trust reloads without a restart;
 * - the problems of user data files (configuration, glossary, ISMAP list) by file, so the server can show
 *   them as diagnostics in those files. A broken file keeps its last good version in force.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { ProjectSetup, type DocumentSetup } from '../config/projectSetup';
import { formatProblem } from '../glossary/compile';
import type { GlossaryProblem } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import type { Bilingual, Language } from '../language';
import { DEFAULT_ISMAP_LIST_FILE, loadIsmapListFile } from '../services/ismapList';
import { describeList } from '../services/status';
import { documentPath } from './analysisCache';
import { defaultSettings, type GovsecSettings } from './settings';

/**
 * Where the workspace reports. info and error are lines of the output channel, a log for diagnosing a setup
 * (like every connection.console line of the server, it is written in English); notify reaches the user
 * (a warning message) and is said in the user's language.
 */
export interface WorkspaceLog {
  info(message: string): void;
  error(message: string): void;
  /** Tells the user (a warning message), once per new problem. */
  notify(message: Bilingual): void;
}

/** What happens while a user data file is broken, after its problem. */
export const LAST_GOOD_IN_FORCE: Bilingual = { ja: '直前の正しい版を引き続き使います', en: 'the last good version stays in force' };

/** A problem of a user data file for the user: where, what, and that the last good version stays in force. */
export function problemNotice(problem: GlossaryProblem): Bilingual {
  return {
    ja: `govsec: ${formatProblem(problem, 'ja')}（${LAST_GOOD_IN_FORCE.ja}）`,
    en: `govsec: ${formatProblem(problem, 'en')} — ${LAST_GOOD_IN_FORCE.en}.`,
  };
}

/** Receives the current problems of one user data file (an empty list when it is fine again). */
export type ProblemsListener = (file: string, problems: readonly GlossaryProblem[]) => void;

/** What the output channel says while the workspace is not trusted. */
export const UNTRUSTED_MESSAGE =
  'workspace not trusted: .govsec.yaml, workspace glossary files and the imported ISMAP list are not loaded; the bundled knowledge is used';

interface FolderState {
  /** Absolute folder path. */
  readonly root: string;
  settings: GovsecSettings;
  /** Bundled knowledge, or bundled with this folder's imported ISMAP list. */
  knowledge: Knowledge;
  project: ProjectSetup;
}

function isInside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export class GovsecWorkspace {
  private folders: FolderState[] = [];
  /** For documents outside every folder (and untitled ones). */
  private readonly loose: FolderState;
  private trustedState = true;
  /** Problems last reported per user data file (absent: none). */
  private readonly problemsByFile = new Map<string, string>();
  /** The user data files each folder's setups looked at: a change to one of them matters. */
  private readonly userFiles = new Set<string>();
  private readonly listeners: ProblemsListener[] = [];
  private readonly loggedSettingsProblems = new Set<string>();

  constructor(
    private readonly bundled: Knowledge,
    private readonly log: WorkspaceLog,
  ) {
    this.loose = this.newFolder(undefined, defaultSettings);
  }

  get trusted(): boolean {
    return this.trustedState;
  }

  /** The folders, absolute paths. */
  get folderPaths(): string[] {
    return this.folders.map((folder) => folder.root);
  }

  /** The settings that apply outside folders (window-scoped ones such as the diagnostics delay). */
  get settings(): GovsecSettings {
    return this.loose.settings;
  }

  onProblems(listener: ProblemsListener): void {
    this.listeners.push(listener);
  }

  /** Replaces the workspace folders (absolute paths); each keeps its settings if it was there before. */
  setFolders(roots: readonly string[]): void {
    const previous = new Map(this.folders.map((folder) => [folder.root, folder]));
    this.folders = [...new Set(roots.map((root) => path.resolve(root)))]
      // Innermost first, so a document in a nested folder belongs to that folder.
      .sort((a, b) => b.length - a.length)
      .map((root) => previous.get(root) ?? this.newFolder(root, this.loose.settings));
    for (const root of previous.keys()) {
      if (!this.folders.some((folder) => folder.root === root)) {
        this.clearProblemsUnder(root);
      }
    }
  }

  /**
   * Sets the settings of one folder (or, with `root` undefined, the settings outside folders, which are
   * also the default of folders not yet given their own).
   */
  setSettings(root: string | undefined, settings: GovsecSettings): void {
    // Each folder reads the same settings section: say each problem once.
    for (const problem of settings.problems.filter((text) => !this.loggedSettingsProblems.has(text))) {
      this.loggedSettingsProblems.add(problem);
      this.log.error(`govsec: ${problem}`);
    }
    const folder = root === undefined ? this.loose : this.folders.find((candidate) => candidate.root === path.resolve(root));
    if (folder) {
      folder.settings = settings;
      folder.project = this.projectFor(folder.root, folder.knowledge, settings);
    }
  }

  /** Grants or withdraws trust; returns whether anything changed (the caller re-checks open documents). */
  setTrusted(trusted: boolean): boolean {
    if (trusted === this.trustedState) {
      return false;
    }
    this.trustedState = trusted;
    this.log.info(trusted ? 'govsec: workspace trusted: loading .govsec.yaml, workspace glossary files and imported ISMAP lists' : `govsec: ${UNTRUSTED_MESSAGE}`);
    if (!trusted) {
      for (const file of [...this.problemsByFile.keys()]) {
        this.report(file, []);
      }
    }
    this.reloadAll();
    return true;
  }

  /** Re-reads every folder's ISMAP list and rebuilds its setup (after a trust or folder change). */
  reloadAll(): void {
    for (const folder of [this.loose, ...this.folders]) {
      this.loadIsmapList(folder);
      folder.project = this.projectFor(folder.root, folder.knowledge, folder.settings);
    }
  }

  /**
   * Files on disk changed (created, edited, deleted). Returns whether any of them is user data govsec reads
   * (an ISMAP list, a configuration file, a glossary in use); then the caller re-checks open documents.
   */
  filesChanged(files: readonly string[]): boolean {
    const listSuffix = path.join(...DEFAULT_ISMAP_LIST_FILE.split('/'));
    const isList = (file: string) => file.endsWith(listSuffix);
    const isConfig = (file: string) => /(^|[\\/])\.govsec\.ya?ml$/.test(file);
    const relevant = files.filter((file) => isList(file) || isConfig(file) || this.userFiles.has(file));
    if (relevant.length === 0 || !this.trustedState) {
      return false;
    }
    for (const folder of [this.loose, ...this.folders]) {
      if (folder.root !== undefined && relevant.some((file) => isList(file) && isInside(file, folder.root))) {
        this.loadIsmapList(folder);
        folder.project = this.projectFor(folder.root, folder.knowledge, folder.settings);
      } else {
        folder.project.invalidate();
      }
    }
    // A deleted configuration file no longer applies to anything: its problems go with it.
    relevant.filter((file) => isConfig(file) && !fs.existsSync(file)).forEach((file) => this.report(file, []));
    return true;
  }

  /** The folder a document belongs to: the innermost workspace folder containing it. */
  private folderOf(uri: string): FolderState {
    const file = documentPath(uri);
    return (file !== undefined && this.folders.find((folder) => isInside(file, folder.root))) || this.loose;
  }

  /** The root of the folder a document belongs to (undefined outside folders). */
  folderRootOf(uri: string): string | undefined {
    return this.folderOf(uri).root;
  }

  /** The knowledge and options for a document; reports the problems of the user data files it uses. */
  setupFor(uri: string): DocumentSetup {
    const folder = this.folderOf(uri);
    const setup = folder.project.forDocument(documentPath(uri));
    const files = new Set<string>([...(setup.configFile ? [setup.configFile] : []), ...setup.glossaryFiles]);
    files.forEach((file) => this.userFiles.add(file));
    const byFile = new Map<string, GlossaryProblem[]>();
    for (const problem of setup.problems) {
      files.add(problem.file);
      byFile.set(problem.file, [...(byFile.get(problem.file) ?? []), problem]);
    }
    for (const file of files) {
      this.report(file, byFile.get(file) ?? []);
    }
    return setup;
  }

  /** Problems currently reported for a file. */
  problemsOf(file: string): GlossaryProblem[] {
    const key = this.problemsByFile.get(file);
    return key === undefined ? [] : (JSON.parse(key) as GlossaryProblem[]);
  }

  private report(file: string, problems: readonly GlossaryProblem[], notice?: Bilingual): void {
    const key = problems.length === 0 ? undefined : JSON.stringify(problems);
    if (this.problemsByFile.get(file) === key) {
      return;
    }
    if (key === undefined) {
      this.problemsByFile.delete(file);
      this.log.info(`govsec: ${file} loads without problems`);
    } else {
      this.problemsByFile.set(file, key);
      for (const problem of problems) {
        this.log.error(`govsec: ${formatProblem(problem, 'en')} (${LAST_GOOD_IN_FORCE.en})`);
      }
      if (notice !== undefined) {
        this.log.notify(notice);
      } else {
        problems.forEach((problem) => this.log.notify(problemNotice(problem)));
      }
    }
    this.listeners.forEach((listener) => listener(file, problems));
  }

  private clearProblemsUnder(root: string): void {
    for (const file of [...this.problemsByFile.keys()]) {
      if (isInside(file, root)) {
        this.report(file, []);
      }
    }
  }

  private newFolder(root: string | undefined, settings: GovsecSettings): FolderState {
    const folder = { root, settings, knowledge: this.bundled } as FolderState;
    this.loadIsmapList(folder);
    folder.project = this.projectFor(root, folder.knowledge, settings);
    return folder;
  }

  private projectFor(root: string | undefined, knowledge: Knowledge, settings: GovsecSettings): ProjectSetup {
    if (!this.trustedState) {
      // Rule severities from the editor settings are harmless; files named by settings are workspace data.
      const layer = settings.layer && { ...settings.layer, glossary: [] };
      return new ProjectSetup(knowledge, { rootDirectory: root, settings: layer, readConfigFiles: false });
    }
    return new ProjectSetup(knowledge, { rootDirectory: root, settings: settings.layer });
  }

  /**
   * Uses the folder's imported ISMAP list (govsec ismap import) in place of the bundled one. A broken file is
   * reported at its line and the folder's last good list stays in force; a removed one gives the bundled list.
   */
  private loadIsmapList(folder: FolderState): void {
    if (folder.root === undefined) {
      return;
    }
    const file = path.join(folder.root, DEFAULT_ISMAP_LIST_FILE);
    if (!this.trustedState) {
      folder.knowledge = this.bundled;
      return;
    }
    const loaded = loadIsmapListFile(file);
    if (loaded.missing) {
      if (folder.knowledge !== this.bundled) {
        this.log.info(`govsec: ${file} removed; using the bundled ${describeList(this.bundled.ismapList)}`);
      }
      folder.knowledge = this.bundled;
      this.report(file, []);
    } else if (loaded.list && loaded.list.entries.length > 0) {
      folder.knowledge = this.bundled.withIsmapList(loaded.list);
      this.log.info(`govsec: using ${describeList(loaded.list)} from ${file}`);
      this.report(file, []);
    } else {
      const problems: GlossaryProblem[] =
        loaded.problems.length > 0 ? loaded.problems : [{ file, line: 1, column: 1, message: { ja: 'ISMAP 一覧に項目がありません', en: 'the ISMAP list has no entries' } }];
      const text = (language: Language) => problems.map((problem) => formatProblem(problem, language)).join('; ');
      this.report(file, problems, {
        ja: `govsec: ISMAP 一覧 ${file} を読み込めないため、直前の一覧を引き続き使います（${text('ja')}）`,
        en: `govsec: the ISMAP list ${file} could not be loaded (${text('en')}); keeping the previous list.`,
      });
      this.log.error(`govsec: keeping ${describeList(folder.knowledge.ismapList)} for ${folder.root}`);
    }
  }
}
