/** Where test/fixtures/workspace/procurement-spec.md has its one finding of each rule (shared by several suites). */

import * as vscode from 'vscode';
import { range } from './helpers';

const { Error: E, Warning: W, Information: I } = vscode.DiagnosticSeverity;

/** rule id, range, the text it covers, severity (undefined: from the glossary). */
export const PROCUREMENT_FINDINGS: readonly (readonly [string, vscode.Range, string, vscode.DiagnosticSeverity | undefined])[] = [
  ['term/variant', range(14, 18, 22), 'ガバクラ', I],
  ['govcloud/overseas-region', range(16, 12, 21), 'us-east-1', W],
  ['ismap/unregistered-service', range(17, 9, 15), 'Fastly', W],
  ['govcloud/unsupported-provider', range(18, 16, 25), 'FJcloud-V', E],
  ['term/deprecated', range(22, 5, 15), '政府共通ネットワーク', undefined],
  ['classification/unknown-level', range(26, 12, 18), '機密性4情報', E],
  ['control/outdated-iso-numbering', range(27, 33, 40), 'A.9.1.1', W],
  ['control/unknown-id', range(28, 19, 24), 'AC-99', E],
  ['ismap/renewal-period', range(29, 24, 28), '3年ごと', W],
  ['ismap/liu-scope', range(30, 2, 11), 'ISMAP-LIU', W],
  ['privacy/report-threshold', range(34, 24, 30), '1,000人', E],
  ['privacy/report-deadline', range(35, 8, 13), '14日以内', I], // public sector: the deadline is not confirmed, never asserted
  ['domain/non-government-domain', range(39, 10, 38), 'shinsei-uketsuke.example.com', W],
];
