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
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllAction, suppressionAction, type OffsetEdit } from '../features/codeActions';
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

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.govsec`;

function toEdit(document: TextDocument, edits: readonly OffsetEdit[]): WorkspaceEdit {
  return { changes: { [document.uri]: edits.map((edit) => ({ range: rangeOf(document, edit.start, edit.end), newText: edit.newText })) } };
}

/**
 * Code actions: for each govsec diagnostic its fix (preferred) and a suppression comment; "fix all" as a
 * quick fix when the file has several fixable findings, and as the source.fixAll.govsec action.
 */
export function codeActions(context: HandlerContext, document: TextDocument, params: CodeActionParams): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
  const analysis = context.cache.get(document);
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'govsec' || typeof diagnostic.code !== 'string') {
        continue;
      }
      const fix = (diagnostic.data as DiagnosticData | undefined)?.fix;
      if (fix) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: true,
          edit: { changes: { [document.uri]: [{ range: diagnostic.range, newText: fix.replacement }] } },
        });
      }
      const suppression = suppressionAction(analysis.model, diagnostic.code, document.offsetAt(diagnostic.range.start));
      actions.push({ title: suppression.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toEdit(document, suppression.edits) });
    }
  }
  const fixAll = fixAllAction(analysis);
  if (fixAll && fixAll.edits.length > 1 && wants(CodeActionKind.QuickFix) && params.context.diagnostics.some((d) => d.source === 'govsec')) {
    actions.push({ title: fixAll.title, kind: CodeActionKind.QuickFix, edit: toEdit(document, fixAll.edits) });
  }
  if (fixAll && only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.Empty && kind.startsWith(CodeActionKind.Source))) {
    actions.push({ title: fixAll.title, kind: FIX_ALL_KIND, edit: toEdit(document, fixAll.edits) });
  }
  return actions;
}
