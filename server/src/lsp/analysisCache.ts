/** One analysis per document version: hover, diagnostics and code actions share it; edits invalidate it lazily. */

import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, buildModel, type DocumentAnalysis } from '../analysis';
import type { DocumentModel } from '../document/model';
import type { Finding } from '../rules/rule';
import type { DocumentSetup } from '../config/projectSetup';
import { notCheckedMessage } from '../failure';
import type { Bilingual } from '../language';

/** The file path of a document URI (undefined for untitled documents, which no .govsec.yaml applies to). */
export function documentPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** Above this length (UTF-16 units) a document is checked only when typing pauses, and hovered before it is checked. */
const LARGE_DOCUMENT = 64 * 1024;

export function isLargeDocument(document: TextDocument): boolean {
  return document.getText().length > LARGE_DOCUMENT;
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: DocumentAnalysis; failure?: Bilingual }>();
  /** How many analyses ran (tests check that a cancelled request did no work). */
  analysesRun = 0;

  /**
   * `setupFor` gives the knowledge and options for a document: configuration and user glossaries applied.
   * `onFailure` hears of a document the engine could not check (its analysis is then that of an empty text).
   */
  constructor(
    private readonly setupFor: (uri: string) => DocumentSetup,
    private readonly onFailure: (uri: string, message: string) => void = () => undefined,
  ) {}

  /**
   * The document model of this version, without the mentions and rules (completion needs no more): the
   * analysis's when there is one, else built once and handed to the analysis when it comes.
   */
  model(document: TextDocument): DocumentModel {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.analysis.model;
    }
    const built = this.models.get(document.uri);
    if (built && built.version === document.version) {
      return built.model;
    }
    const source = { uri: document.uri, languageId: document.languageId, text: document.getText() };
    const model = buildModel(source, this.setupFor(document.uri).options.maxDocumentLength, cached?.analysis.model);
    this.models.set(document.uri, { version: document.version, model });
    return model;
  }

  private readonly models = new Map<string, { version: number; model: DocumentModel }>();

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.analysis;
    }
    const built = this.models.get(document.uri);
    this.models.delete(document.uri);
    const model = built?.version === document.version ? built.model : undefined;
    const setup = this.setupFor(document.uri);
    this.analysesRun++;
    const source = { uri: document.uri, languageId: document.languageId, text: document.getText() };
    try {
      // What the previous version computed for the lines and sections an edit did not touch is reused.
      const analysis = analyzeDocument(source, setup.knowledge, {
        ...setup.options,
        previous: cached?.analysis,
        model,
        // A rule that throws loses its own findings only; the log hears of it once per rule.
        onRuleError: (ruleId, error) => this.ruleFailed(document.uri, ruleId, error),
      });
      this.entries.set(document.uri, { version: document.version, analysis });
      return analysis;
    } catch (error) {
      const failure = notCheckedMessage(error);
      // The log is English, like the rest of the output channel.
      if (cached?.failure?.en !== failure.en) {
        this.onFailure(document.uri, failure.en);
      }
      const analysis = analyzeDocument({ ...source, text: '' }, setup.knowledge, setup.options);
      this.entries.set(document.uri, { version: document.version, analysis, failure });
      return analysis;
    }
  }

  /**
   * The findings of this version, and why it could not be checked when it could not: the model failed (see
   * get) or the rules threw (they run lazily, on the first access to `findings`).
   */
  findings(document: TextDocument): { findings: readonly Finding[]; failure?: Bilingual } {
    const analysis = this.get(document);
    const entry = this.entries.get(document.uri);
    if (entry?.failure !== undefined) {
      return { findings: [], failure: entry.failure };
    }
    try {
      return { findings: analysis.findings };
    } catch (error) {
      const failure = notCheckedMessage(error);
      this.onFailure(document.uri, failure.en);
      this.entries.set(document.uri, { version: document.version, analysis, failure });
      return { findings: [], failure };
    }
  }

  private readonly failedRules = new Set<string>();

  private ruleFailed(uri: string, ruleId: string, error: unknown): void {
    if (!this.failedRules.has(ruleId)) {
      this.failedRules.add(ruleId);
      this.onFailure(uri, `rule ${ruleId} failed and was skipped (${error instanceof Error ? error.message : String(error)}); the other rules still report`);
    }
  }

  /** Whether this version of the document is analysed already. */
  has(document: TextDocument): boolean {
    return this.entries.get(document.uri)?.version === document.version;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.models.delete(uri);
  }

  /** Forgets every analysis (configuration or knowledge changed); the next one of each document is full. */
  clear(): void {
    this.entries.clear();
    this.models.clear();
  }
}
