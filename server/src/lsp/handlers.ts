/** Thin LSP handlers: convert positions, call the protocol-free features, convert results back. */

import {
  CodeActionKind,
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  MarkupKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type HoverParams,
  SymbolKind,
  CompletionItemKind,
  CompletionItemTag,
  InsertTextMode,
  type CompletionList,
  type CodeLens,
  type DocumentLink,
  type DocumentSymbol,
  type LocationLink,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fixAllAction, suppressionAction, type OffsetEdit } from '../features/codeActions';
import { completionsAt, type CompletionEntry } from '../features/completion';
import { definitionAt } from '../features/definition';
import { hoverAt, hoverNear } from '../features/hover';
import { documentLinks } from '../features/links';
import { specSummary, specSummaryData, summaryDetail, summaryTitle } from '../features/summary';
import { documentSymbols, type DocumentSymbolItem } from '../features/symbols';
import type { DocumentSetup } from '../config/projectSetup';
import type { Language } from '../language';
import { isLargeDocument, type AnalysisCache } from './analysisCache';
import { rangeOf, toDiagnostic, type DiagnosticData } from './convert';

export interface HandlerContext {
  readonly cache: AnalysisCache;
  /** The knowledge and options that apply to a document (configuration, user glossaries). */
  readonly setupFor: (uri: string) => DocumentSetup;
  readonly serverDirectory: string;
  /** The language of messages, titles, hovers and completion details now (setting, else the client's locale). */
  readonly language: () => Language;
}

export function hover(context: HandlerContext, document: TextDocument, params: HoverParams): Hover | null {
  const offset = document.offsetAt(params.position);
  // A large document not analysed yet (its analysis may be running) is read around the cursor only, and so is
  // the part of a long document beyond what is checked: a hover never waits for a whole document.
  const analysis = context.cache.has(document) || !isLargeDocument(document) ? context.cache.get(document) : undefined;
  const card =
    analysis && offset < analysis.model.text.length
      ? hoverAt(analysis, analysis.knowledge, offset, context.language())
      : hoverNear(document.getText(), analysis?.knowledge ?? context.setupFor(document.uri).knowledge, offset, context.language());
  if (!card) {
    return null;
  }
  return {
    contents: { kind: MarkupKind.Markdown, value: card.markdown },
    range: rangeOf(document, card.start, card.end),
  };
}

/** The diagnostic code of a document the engine could not check. */
export const NOT_CHECKED_CODE = 'govsec/not-checked';

export function diagnostics(context: HandlerContext, document: TextDocument): Diagnostic[] {
  const { findings, failure } = context.cache.findings(document);
  const language = context.language();
  const diagnostics = findings.map((finding) => toDiagnostic(document, finding, context.serverDirectory, language));
  if (failure !== undefined) {
    const start = { line: 0, character: 0 };
    diagnostics.push({ range: { start, end: start }, severity: DiagnosticSeverity.Warning, code: NOT_CHECKED_CODE, source: 'govsec', message: failure[language] });
  }
  return diagnostics;
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
  const language = context.language();
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
      actions.push({ title: suppression.title[language], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toEdit(document, suppression.edits) });
    }
  }
  const fixAll = fixAllAction(analysis);
  if (fixAll && fixAll.edits.length > 1 && wants(CodeActionKind.QuickFix) && params.context.diagnostics.some((d) => d.source === 'govsec')) {
    actions.push({ title: fixAll.title[language], kind: CodeActionKind.QuickFix, edit: toEdit(document, fixAll.edits) });
  }
  if (fixAll && only?.some((kind) => FIX_ALL_KIND.startsWith(kind) && kind !== CodeActionKind.Empty && kind.startsWith(CodeActionKind.Source))) {
    actions.push({ title: fixAll.title[language], kind: FIX_ALL_KIND, edit: toEdit(document, fixAll.edits) });
  }
  return actions;
}

export function links(context: HandlerContext, document: TextDocument): DocumentLink[] {
  const analysis = context.cache.get(document);
  return documentLinks(analysis, analysis.knowledge, context.language()).map((link) => ({
    range: rangeOf(document, link.start, link.end),
    target: link.target,
    ...(link.tooltip ? { tooltip: link.tooltip } : {}),
  }));
}

/** Go to definition: the glossary entry of a term or service, the catalogue row of a control ID. */
export function definition(context: HandlerContext, document: TextDocument, position: Position): LocationLink[] | null {
  const analysis = context.cache.get(document);
  const target = definitionAt(analysis, analysis.knowledge, document.offsetAt(position), path.join(context.serverDirectory, '..'));
  if (!target) {
    return null;
  }
  const at = { line: target.line, character: target.character };
  return [
    {
      originSelectionRange: rangeOf(document, target.originStart, target.originEnd),
      targetUri: pathToFileURL(target.file).href,
      targetRange: { start: at, end: at },
      targetSelectionRange: { start: at, end: at },
    },
  ];
}

export const SHOW_SUMMARY_COMMAND = 'govsec.showSummary';

/** The spec summary on the first line of a procurement document; the client's command shows the detail. */
export function codeLenses(context: HandlerContext, document: TextDocument): CodeLens[] {
  const analysis = context.cache.get(document);
  const lens = specSummary(analysis, analysis.knowledge, context.language());
  if (!lens) {
    return [];
  }
  return [{ range: rangeOf(document, lens.start, lens.end), command: { title: lens.title, command: SHOW_SUMMARY_COMMAND, arguments: [document.uri] } }];
}

/** The summary for the govsec.showSummary command (custom request govsec/summary). */
export function summary(context: HandlerContext, document: TextDocument): { title: string; detail: string } {
  const analysis = context.cache.get(document);
  const data = specSummaryData(analysis, analysis.knowledge);
  const language = context.language();
  return { title: summaryTitle(data, language), detail: summaryDetail(data, language) };
}

export function symbols(context: HandlerContext, document: TextDocument): DocumentSymbol[] {
  const convert = (item: DocumentSymbolItem): DocumentSymbol => ({
    name: item.name,
    ...(item.detail ? { detail: item.detail } : {}),
    kind: item.kind === 'section' ? SymbolKind.String : SymbolKind.Key,
    range: rangeOf(document, item.start, item.end),
    selectionRange: rangeOf(document, item.selectionStart, item.selectionEnd),
    children: item.children.map(convert),
  });
  return documentSymbols(context.cache.get(document), context.language()).map(convert);
}

const COMPLETION_KINDS: Record<CompletionEntry['kind'], CompletionItemKind> = {
  control: CompletionItemKind.Reference,
  term: CompletionItemKind.Text,
  grade: CompletionItemKind.EnumMember,
  provider: CompletionItemKind.Module,
  service: CompletionItemKind.Value,
  region: CompletionItemKind.Constant,
  directive: CompletionItemKind.Keyword,
  rule: CompletionItemKind.Property,
  key: CompletionItemKind.Field,
  value: CompletionItemKind.Value,
};

/**
 * Completion reads only around the cursor (no analysis of the document). `retriggerCommand` is set for
 * VS Code, whose editor.action.triggerSuggest opens the next list at once (a heading, a directive, a key).
 */
export function completion(context: HandlerContext, document: TextDocument, position: Position, retriggerCommand: boolean): CompletionList {
  const knowledge = context.setupFor(document.uri).knowledge;
  const modelOf = () => context.cache.model(document);
  const result = completionsAt(document.getText(), document.uri, document.languageId, document.offsetAt(position), knowledge, context.language(), modelOf);
  return {
    isIncomplete: result.isIncomplete,
    items: result.items.map((entry) => ({
      label: entry.label,
      kind: COMPLETION_KINDS[entry.kind],
      ...(entry.detail ? { detail: entry.detail } : {}),
      ...(entry.documentation ? { documentation: { kind: MarkupKind.Markdown, value: entry.documentation } } : {}),
      ...(entry.filterText ? { filterText: entry.filterText } : {}),
      ...(entry.sortText ? { sortText: entry.sortText } : {}),
      textEdit: { range: rangeOf(document, entry.replaceStart, entry.replaceEnd), newText: entry.insertText ?? entry.label },
      insertTextMode: InsertTextMode.asIs,
      ...(entry.deprecated ? { tags: [CompletionItemTag.Deprecated] } : {}),
      ...(entry.retrigger && retriggerCommand ? { command: { title: 'Re-trigger completions', command: 'editor.action.triggerSuggest' } } : {}),
    })),
  };
}
