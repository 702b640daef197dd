/**
 * test/fixtures/workspace/profile.yaml in the real editor: a term in a value is checked, one in a comment is not.
 *
 *   1: # ガバクラ はコメントなので対象外     comment: no hover, no diagnostic
 *   3: hosting: ガバクラ                  ガバクラ at 9..13
 *   4: certification: ISMAP               ISMAP at 15..20
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  VARIANT_MESSAGE_EN,
  activateExtension,
  codeOf,
  describeDiagnostic,
  findDiagnostic,
  fixtureUri,
  formatRange,
  govsecDiagnostics,
  govsecHover,
  govsecHovers,
  openFixture,
  range,
  waitForDiagnostics,
  GOV_CLOUD_CARD,
  SOURCES_SECTION,
} from './helpers';

const COMMENT_GABAKURA = range(1, 2, 6);
const VALUE_GABAKURA = range(3, 9, 13);
const VALUE_ISMAP = range(4, 15, 20);

suite('profile.yaml (YAML)', () => {
  const uri = fixtureUri('profile.yaml');
  let document: vscode.TextDocument;
  let diagnostics: vscode.Diagnostic[];

  suiteSetup(async () => {
    document = await openFixture('profile.yaml');
    await activateExtension();
    diagnostics = await waitForDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'term/variant'));
  });

  test('the fixture text is where the tests expect it', () => {
    assert.equal(document.languageId, 'yaml');
    assert.equal(document.getText(COMMENT_GABAKURA), 'ガバクラ');
    assert.equal(document.getText(VALUE_GABAKURA), 'ガバクラ');
    assert.equal(document.getText(VALUE_ISMAP), 'ISMAP');
  });

  test('hover on terms in values', async () => {
    const gabakura = await govsecHover(uri, new vscode.Position(3, 10));
    assert.match(gabakura.text, GOV_CLOUD_CARD);
    assert.match(gabakura.text, SOURCES_SECTION);
    assert.ok(gabakura.range?.isEqual(VALUE_GABAKURA), `hover range ${String(gabakura.range && formatRange(gabakura.range))}`);

    const ismap = await govsecHover(uri, new vscode.Position(4, 15));
    assert.match(ismap.text, /^\*\*ISMAP\*\*（|^\*\*[^*]+\*\* · ISMAP \(/);
    assert.ok(ismap.range?.isEqual(VALUE_ISMAP), `hover range ${String(ismap.range && formatRange(ismap.range))}`);
  });

  test('no govsec hover in a comment or on a key', async () => {
    assert.equal((await govsecHovers(uri, new vscode.Position(1, 3))).length, 0, 'comment');
    assert.equal((await govsecHovers(uri, new vscode.Position(3, 2))).length, 0, 'key "hosting"');
  });

  test('term/variant on the value, none in the comment', () => {
    const diagnostic = findDiagnostic(diagnostics, 'term/variant', VALUE_GABAKURA);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(diagnostic.message, VARIANT_MESSAGE_EN); // the English run: the editor's locale is en
    const inComments = govsecDiagnostics(uri).filter((d) => d.range.start.line <= 1);
    assert.deepEqual(inComments.map(describeDiagnostic), []);
  });
});
