/** Engine results → LSP types. Positions come from TextDocument, so they are UTF-16 as LSP requires. */

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Severity } from '../glossary/types';
import type { Language } from '../language';
import type { Finding } from '../rules/rule';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function rangeOf(document: TextDocument, start: number, end: number): Range {
  return { start: document.positionAt(start), end: document.positionAt(end) };
}

/** The rule's documentation page, shipped beside the server bundle (dist/../docs/rules). */
export function ruleDocumentationUri(ruleId: string, serverDirectory: string): string {
  return pathToFileURL(path.join(serverDirectory, '..', 'docs', 'rules', `${ruleId}.md`)).href;
}

/** What a diagnostic carries for its quick fix. */
export interface DiagnosticData {
  /** The quick fix, its title already in the diagnostic's language. */
  readonly fix?: { readonly title: string; readonly replacement: string };
}

export function toDiagnostic(document: TextDocument, finding: Finding, serverDirectory: string, language: Language): Diagnostic {
  const data: DiagnosticData = finding.fix ? { fix: { title: finding.fix.title[language], replacement: finding.fix.replacement } } : {};
  return {
    range: rangeOf(document, finding.start, finding.end),
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocumentationUri(finding.ruleId, serverDirectory) },
    source: 'govsec',
    // A message quotes document text; never let a lone surrogate through (it breaks strict JSON clients).
    message: finding.message[language].toWellFormed(),
    data,
  };
}
