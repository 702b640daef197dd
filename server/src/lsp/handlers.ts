/** Thin LSP handlers: convert positions, call the protocol-free features, convert results back. */

import {
  CodeActionKind,
  DocumentDiagnosticReportKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type HoverParams,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt } from '../features/hover';
import type { Knowledge } from '../knowledge';
import type { AnalysisCache } from './analysisCache';
import { rangeOf, toDiagnostic, type DiagnosticData } from './convert';

export interface HandlerContext {
  readonly cache: AnalysisCache;
  readonly knowledge: () => Knowledge;
  readonly serverDirectory: string;
}

export function hover(context: HandlerContext, document: TextDocument, params: HoverParams): Hover | null {
  const analysis = context.cache.get(document);
  const card = hoverAt(analysis, context.knowledge(), document.offsetAt(params.position));
  if (!card) {
    return null;
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: card.markdown },
    range: rangeOf(document, card.start, card.end),
  };
}

export function diagnostics(context: HandlerContext, document: TextDocument): Diagnostic[] {
  return context.cache.get(document).findings.map((finding) => toDiagnostic(document, finding, context.serverDirectory));
}

export function pullDiagnostics(context: HandlerContext, document: TextDocument): DocumentDiagnosticReport {
  return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics(context, document) };
}

/** Quick fixes for govsec's own diagnostics, from the replacement each finding carries. */
export function codeActions(document: TextDocument, params: CodeActionParams): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of params.context.diagnostics) {
    const fix = (diagnostic.data as DiagnosticData | undefined)?.fix;
    if (diagnostic.source !== 'govsec' || !fix) {
      continue;
    }
    actions.push({
      title: fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: fix.replacement }] } },
    });
  }
  return actions;
}
