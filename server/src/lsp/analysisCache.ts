/** One analysis per document version: hover, diagnostics and code actions share it; edits invalidate it lazily. */

import { fileURLToPath } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentAnalysis } from '../analysis';
import type { DocumentSetup } from '../config/projectSetup';

/** The file path of a document URI (undefined for untitled documents, which no .govsec.yaml applies to). */
export function documentPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: DocumentAnalysis }>();
  /** How many analyses ran (tests check that a cancelled request did no work). */
  analysesRun = 0;

  /** `setupFor` gives the knowledge and options for a document: configuration and user glossaries applied. */
  constructor(private readonly setupFor: (uri: string) => DocumentSetup) {}

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.analysis;
    }
    const setup = this.setupFor(document.uri);
    this.analysesRun++;
    // The previous version's per-segment matches are reused for the lines an edit did not touch.
    const analysis = analyzeDocument(
      { uri: document.uri, languageId: document.languageId, text: document.getText() },
      setup.knowledge,
      { ...setup.options, previous: cached?.analysis.matchCache },
    );
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  /** Whether this version of the document is analysed already. */
  has(document: TextDocument): boolean {
    return this.entries.get(document.uri)?.version === document.version;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Forgets every analysis (configuration or knowledge changed); the next one of each document is full. */
  clear(): void {
    this.entries.clear();
  }
}
