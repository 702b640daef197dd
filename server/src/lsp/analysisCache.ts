/** One analysis per document version: hover, diagnostics and code actions share it; edits invalidate it lazily. */

import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeDocument, type DocumentAnalysis } from '../analysis';
import type { Knowledge } from '../knowledge';

export class AnalysisCache {
  private readonly entries = new Map<string, { version: number; analysis: DocumentAnalysis }>();

  constructor(private readonly knowledge: () => Knowledge) {}

  get(document: TextDocument): DocumentAnalysis {
    const cached = this.entries.get(document.uri);
    if (cached && cached.version === document.version) {
      return cached.analysis;
    }
    const analysis = analyzeDocument(
      { uri: document.uri, languageId: document.languageId, text: document.getText() },
      this.knowledge(),
    );
    this.entries.set(document.uri, { version: document.version, analysis });
    return analysis;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  clear(): void {
    this.entries.clear();
  }
}
