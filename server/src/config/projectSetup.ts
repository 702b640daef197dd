/**
 * What applies to one document: the configuration layers (editor settings, then the nearest .govsec.yaml or
 * the file given with --config), the knowledge with the user's extra glossary files, and the analysis
 * options (rule severities, procurement profile globs). Shared by the language server and the CLI, so both
 * report the same findings for the same file and configuration.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AnalysisOptions } from '../analysis';
import type { GlossaryProblem } from '../glossary/types';
import { loadSchema } from '../glossary/schemas';
import type { Knowledge } from '../knowledge';
import { allRules } from '../rules/index';
import {
  ConfigCache,
  compileUserGlossary,
  configuredSetting,
  matchesProfile,
  type GovsecConfig,
} from './config';

export interface DocumentSetup {
  readonly knowledge: Knowledge;
  readonly options: AnalysisOptions;
  /** The configuration file in force, if any. */
  readonly configFile?: string;
  /** The user's glossary files in force (after the bundled glossary). */
  readonly glossaryFiles: readonly string[];
  /** Problems of the configuration or glossary files; the last good versions stay in force meanwhile. */
  readonly problems: readonly GlossaryProblem[];
}

export interface ProjectSetupOptions {
  /** Where the search for .govsec.yaml stops (the workspace root); the filesystem root when absent. */
  readonly rootDirectory?: string;
  /** A configuration file that replaces the nearest-file search (govsec check --config). */
  readonly configFile?: string;
  /** The editor settings layer, below the configuration file. */
  readonly settings?: GovsecConfig;
  /** false: no .govsec.yaml is looked for or read (an untrusted workspace); default true. */
  readonly readConfigFiles?: boolean;
  /** The checking limit when no configuration layer sets one (govsec check --max-length). */
  readonly maxDocumentLength?: number;
}

const KNOWN_RULES = allRules.map((rule) => rule.id);

function stamp(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}

export class ProjectSetup {
  private readonly configs: ConfigCache;
  /** Knowledge with user glossaries, by the list of files and their stamps; the last good one per list. */
  private readonly glossaries = new Map<string, { stamps: string; knowledge: Knowledge; problems: readonly GlossaryProblem[] }>();

  constructor(
    private readonly base: Knowledge,
    private readonly options: ProjectSetupOptions,
  ) {
    this.configs = new ConfigCache({ rootDirectory: options.rootDirectory, knownRules: KNOWN_RULES });
  }

  /** Forgets cached configuration and glossary files (after a file watcher saw a change). */
  invalidate(): void {
    this.configs.invalidate();
  }

  /** The base knowledge may change (an imported ISMAP list); user glossaries are rebuilt on it. */
  withBase(base: Knowledge): ProjectSetup {
    return new ProjectSetup(base, this.options);
  }

  forDocument(documentPath: string | undefined): DocumentSetup {
    const lookup =
      this.options.readConfigFiles === false
        ? undefined
        : this.options.configFile !== undefined
        ? this.configs.configOfFile(path.resolve(this.options.configFile))
        : documentPath !== undefined
          ? this.configs.configFor(documentPath, this.options.rootDirectory)
          : undefined;
    const layers = [this.options.settings, lookup?.config].filter((layer): layer is GovsecConfig => layer !== undefined);
    const problems: GlossaryProblem[] = [...(lookup?.problems ?? [])];

    const glossaryFiles = [...new Set(layers.flatMap((layer) => layer.glossary))];
    const { knowledge, problems: glossaryProblems } = this.knowledgeWith(glossaryFiles);
    problems.push(...glossaryProblems);

    const procurementByConfig = documentPath !== undefined && layers.some((layer) => matchesProfile(layer, documentPath));
    return {
      knowledge,
      options: {
        procurementByConfig,
        // Only a configured rule overrides the severity a finding carries (an entry may lower it: NISC).
        ruleSeverity: (ruleId) => configuredSetting(ruleId, layers),
        // The nearest layer that sets a limit wins (.govsec.yaml over settings), then the CLI's --max-length.
        maxDocumentLength: [...layers].reverse().find((layer) => layer.maxDocumentLength !== undefined)?.maxDocumentLength ?? this.options.maxDocumentLength,
      },
      configFile: lookup?.file,
      glossaryFiles,
      problems,
    };
  }

  private knowledgeWith(files: readonly string[]): { knowledge: Knowledge; problems: readonly GlossaryProblem[] } {
    if (files.length === 0) {
      return { knowledge: this.base, problems: [] };
    }
    const key = files.join('\n');
    const stamps = files.map(stamp).join('|');
    const cached = this.glossaries.get(key);
    if (cached && cached.stamps === stamps) {
      return cached;
    }
    const compiled = compileUserGlossary(files, this.base.compiledGlossary, loadSchema('terms'));
    let entry: { stamps: string; knowledge: Knowledge; problems: readonly GlossaryProblem[] };
    if (compiled.glossary) {
      try {
        entry = { stamps, knowledge: this.base.withGlossary(compiled.glossary), problems: [] };
      } catch (error) {
        entry = { stamps, knowledge: cached?.knowledge ?? this.base, problems: [{ file: files[0], line: 1, column: 1, message: { ja: `用語集を使えません（${(error as Error).message}）`, en: (error as Error).message } }] };
      }
    } else {
      // Keep the last good glossary for these files (or the bundled one) and report the problems.
      entry = { stamps, knowledge: cached?.knowledge ?? this.base, problems: compiled.problems };
    }
    this.glossaries.set(key, entry);
    return entry;
  }
}
