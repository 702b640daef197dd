/**
 * SARIF 2.1.0 output of `govsec check --format sarif`, for code-scanning dashboards. Columns are UTF-16 code
 * units (declared with columnKind), as in the JSON output; each rule carries its description and help URI.
 */

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../glossary/types';
import type { Rule } from '../rules/rule';
import type { CliFinding } from './format';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function formatSarif(findings: readonly CliFinding[], rules: readonly Rule[], version: string, docsDirectory: string): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'govsec',
            version,
            informationUri: pathToFileURL(path.join(docsDirectory, '..', 'README.md')).href,
            rules: rules.map((rule) => ({
              id: rule.id,
              // term/variant → TermVariant
              name: rule.id.split(/[/-]/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(''),
              shortDescription: { text: rule.description },
              helpUri: pathToFileURL(path.join(docsDirectory, 'rules', `${rule.id}.md`)).href,
              defaultConfiguration: { level: LEVELS[rule.defaultSeverity] },
              properties: { procurementOnly: rule.procurementOnly },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ...(ruleIndex.has(finding.rule) ? { ruleIndex: ruleIndex.get(finding.rule) } : {}),
          level: LEVELS[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: finding.file.split(path.sep).map(encodeURIComponent).join('/') },
                region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
