/** Output formats of `govsec check`. Columns are 1-based UTF-16 code units; endColumn points past the end. */

import type { Severity } from '../glossary/types';

export interface CliFinding {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
}

export function formatText(findings: readonly CliFinding[]): string {
  return findings.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}\n`).join('');
}

export function formatJson(findings: readonly CliFinding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}
