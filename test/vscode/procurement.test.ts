/**
 * test/fixtures/workspace/procurement-spec.md (a copy of examples/procurement-spec.md as committed when this suite
 * was written) shows exactly one finding of each of the 13 rules, each at its exact range with its rule id as the
 * diagnostic code and the rule's page (docs/rules/<id>.md) as code.target; clean-spec.md (a copy of
 * examples/clean-spec.md) shows none.
 *
 * The fixtures are copies on purpose: the examples may change with the rules, these positions must not.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  codeOf,
  describeDiagnostic,
  extensionRoot,
  findDiagnostic,
  fixtureUri,
  govsecDiagnostics,
  openFixture,
  supersededEntry,
  waitFor,
  waitForDiagnostics,
  waitForSummaryLenses,
} from './helpers';
import { PROCUREMENT_FINDINGS } from './procurementFindings';


suite('procurement-spec.md: one finding of each rule', () => {
  const uri = fixtureUri('procurement-spec.md');
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async () => {
    document = await openFixture('procurement-spec.md');
    await activateExtension();
    diagnostics = await waitForDiagnostics(uri, (found) => found.length >= PROCUREMENT_FINDINGS.length);
  });

  test('the fixture text is where the tests expect it', () => {
    assert.equal(document.languageId, 'markdown');
    assert.equal(document.lineAt(2).text, 'doctype: gov-procurement-spec');
    for (const [rule, where, text] of PROCUREMENT_FINDINGS) {
      assert.equal(document.getText(where), text, rule);
    }
  });

  test('exactly one diagnostic per rule id, 13 rules, nothing else', () => {
    const rules = PROCUREMENT_FINDINGS.map(([rule]) => rule);
    assert.equal(new Set(rules).size, 13);
    const counts = new Map<string, number>();
    for (const diagnostic of diagnostics) {
      counts.set(String(codeOf(diagnostic)), (counts.get(String(codeOf(diagnostic))) ?? 0) + 1);
    }
    assert.deepEqual(
      [...counts.entries()].sort(),
      rules.map((rule) => [rule, 1]).sort(),
      `diagnostics:\n${diagnostics.map(describeDiagnostic).join('\n')}`,
    );
  });

  test('each finding at its exact range, with its severity, source and rule page as code.target', () => {
    for (const [rule, where, , severity] of PROCUREMENT_FINDINGS) {
      const diagnostic = findDiagnostic(diagnostics, rule, where);
      assert.equal(diagnostic.source, 'govsec', rule);
      const expected = severity ?? supersededEntry('政府共通ネットワーク').severity;
      assert.equal(diagnostic.severity, expected, `${rule}: ${vscode.DiagnosticSeverity[diagnostic.severity]}`);
      assert.ok(diagnostic.message.length > 0, rule);
      const { code } = diagnostic;
      assert.ok(typeof code === 'object', `${rule}: code is not {value, target}: ${JSON.stringify(code)}`);
      assert.equal(code.value, rule);
      assert.equal(code.target.scheme, 'file', `${rule}: ${code.target.toString()}`);
      const page = path.join(extensionRoot(), 'docs', 'rules', `${rule}.md`);
      assert.equal(code.target.fsPath, page, rule);
      assert.ok(fs.existsSync(page), `${page} does not exist`);
    }
  });

  test('nothing is reported inside the fenced yaml block at the end', () => {
    const fence = document.getText().split('\n').findIndex((line) => line.startsWith('```yaml'));
    assert.ok(fence > 0);
    assert.deepEqual(
      govsecDiagnostics(uri).filter((d) => d.range.start.line >= fence).map(describeDiagnostic),
      [],
    );
  });
});

suite('clean-spec.md: no findings', () => {
  const uri = fixtureUri('clean-spec.md');

  test('no govsec diagnostic, although it is analysed as a procurement spec', async () => {
    const document = await openFixture('clean-spec.md');
    await activateExtension();
    assert.equal(document.lineAt(2).text, 'doctype: gov-procurement-spec');
    // An empty list is also what an unanalysed document has: the summary lens says the analysis ran, with 0 findings.
    const [lens] = await waitForSummaryLenses(uri);
    assert.match(lens.command!.title, /· (findings: 0|指摘: 0件)$/);
    // Diagnostics are pulled separately from the lens; give VS Code's pull a moment to show a late finding.
    const settleUntil = Date.now() + 1_500;
    await waitFor('the clean spec to stay clean', () => {
      const found = govsecDiagnostics(uri);
      assert.deepEqual(found.map(describeDiagnostic), []);
      return Date.now() > settleUntil;
    });
  });
});
