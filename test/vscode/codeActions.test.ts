/**
 * Code actions on the procurement spec: the overseas-region quick fix, the suppression comment, and
 * source.fixAll.govsec, each applied through the real WorkspaceEdit machinery. Edits go to untitled copies of the
 * fixture (never saved), so the fixture file and its open editor stay clean for the other suites.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeUntitled,
  codeOf,
  describeDiagnostic,
  findDiagnostic,
  fixtureUri,
  formatRange,
  openUntitled,
  range,
  waitFor,
  waitForDiagnostics,
  waitForFix,
} from './helpers';
import { PROCUREMENT_FINDINGS } from './procurementFindings';

const US_EAST_1 = range(16, 12, 21);
const FASTLY = range(17, 9, 15);
/** The findings that carry a fix, in document order, with the replacement. */
const FIXABLE: readonly (readonly [string, vscode.Range, string])[] = [
  ['term/variant', range(14, 18, 22), 'ガバメントクラウド'],
  ['govcloud/overseas-region', US_EAST_1, 'ap-northeast-1'],
  ['term/deprecated', range(22, 5, 15), 'ガバメントソリューションサービス'],
  ['control/outdated-iso-numbering', range(27, 33, 40), 'A.5.15'],
  ['privacy/report-threshold', range(34, 24, 30), '100人'],
];

function isCodeAction(action: vscode.CodeAction | vscode.Command): action is vscode.CodeAction {
  return !('command' in action && typeof action.command === 'string');
}

async function codeActions(uri: vscode.Uri, where: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, where, kind)) ?? [];
  return actions.filter(isCodeAction);
}

function rules(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => String(codeOf(diagnostic))).sort();
}

suite('code actions on the procurement spec', () => {
  let text: string;
  const opened: vscode.TextDocument[] = [];

  async function copyOfSpec(): Promise<vscode.TextDocument> {
    const { document } = await openUntitled('markdown', text);
    opened.push(document);
    await waitForDiagnostics(document.uri, (found) => found.length === PROCUREMENT_FINDINGS.length);
    return document;
  }

  suiteSetup(async () => {
    text = (await vscode.workspace.openTextDocument(fixtureUri('procurement-spec.md'))).getText();
  });

  suiteTeardown(async () => {
    for (const document of opened) {
      await closeUntitled(document);
    }
  });

  test('the overseas-region quick fix replaces us-east-1 with ap-northeast-1, and the finding goes away', async () => {
    const document = await copyOfSpec();
    assert.equal(document.getText(US_EAST_1), 'us-east-1');
    const { fix, titles } = await waitForFix(document.uri, US_EAST_1, 'ap-northeast-1');
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind), `kind ${fix.kind?.value}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.title.includes('ap-northeast-1'), fix.title);
    const edits = fix.edit!.get(document.uri);
    assert.equal(edits.length, 1, JSON.stringify(edits));
    assert.ok(edits[0].range.isEqual(US_EAST_1), formatRange(edits[0].range));
    // A suppression comment for the same finding is offered next to the fix.
    assert.ok(titles.includes('Disable govcloud/overseas-region for this line'), titles.join(' | '));

    assert.ok(await vscode.workspace.applyEdit(fix.edit!, { isRefactoring: false }), 'applyEdit returned false');
    assert.equal(document.lineAt(16).text, 'データのバックアップは ap-northeast-1 に保管する。');
    const after = await waitForDiagnostics(document.uri, (found) => !found.some((d) => codeOf(d) === 'govcloud/overseas-region'));
    assert.deepEqual(
      rules(after),
      PROCUREMENT_FINDINGS.map(([rule]) => rule).filter((rule) => rule !== 'govcloud/overseas-region').sort(),
      after.map(describeDiagnostic).join('\n'),
    );
  });

  test('the suppression action inserts a govsec-disable-next-line comment that silences that finding only', async () => {
    const document = await copyOfSpec();
    const diagnostic = findDiagnostic(await waitForDiagnostics(document.uri), 'ismap/unregistered-service', FASTLY);
    // Pass the diagnostic's own range so VS Code hands the diagnostic to the provider.
    const suppression = await waitFor('the suppression action', async () =>
      (await codeActions(document.uri, diagnostic.range)).find((action) => action.title.includes('ismap/unregistered-service') && !action.isPreferred),
    10_000);
    assert.ok(suppression.kind && vscode.CodeActionKind.QuickFix.contains(suppression.kind), `kind ${suppression.kind?.value}`);
    const edits = suppression.edit!.get(document.uri);
    assert.equal(edits.length, 1, JSON.stringify(edits));
    assert.ok(edits[0].range.isEqual(new vscode.Range(17, 0, 17, 0)), formatRange(edits[0].range));
    assert.equal(edits[0].newText, '<!-- govsec-disable-next-line ismap/unregistered-service -->\n');

    assert.ok(await vscode.workspace.applyEdit(suppression.edit!, { isRefactoring: false }), 'applyEdit returned false');
    assert.equal(document.lineAt(17).text, '<!-- govsec-disable-next-line ismap/unregistered-service -->');
    const after = await waitForDiagnostics(document.uri, (found) => !found.some((d) => codeOf(d) === 'ismap/unregistered-service'));
    assert.equal(after.length, PROCUREMENT_FINDINGS.length - 1, after.map(describeDiagnostic).join('\n'));
    // The rest moved down one line with the inserted comment.
    findDiagnostic(after, 'govcloud/unsupported-provider', range(19, 16, 25));
  });

  test('source.fixAll.govsec is returned for its kind, and applying it leaves only the findings without a fix', async () => {
    const document = await copyOfSpec();
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const fixAll = await waitFor('the source.fixAll.govsec action', async () => {
      const actions = await codeActions(document.uri, whole, 'source.fixAll.govsec');
      return actions.length > 0 ? actions : undefined;
    }, 10_000);
    assert.deepEqual(
      fixAll.map((action) => [action.kind?.value, action.title]),
      [['source.fixAll.govsec', `govsec: Fix all ${FIXABLE.length} problems`]],
    );
    const edits = fixAll[0].edit!.get(document.uri);
    assert.deepEqual(
      edits.map((edit) => [formatRange(edit.range), edit.newText]),
      FIXABLE.map(([, where, replacement]) => [formatRange(where), replacement]),
    );
    // Only asked for (not offered among the quick fixes as a source action).
    const quickFixes = await codeActions(document.uri, US_EAST_1, vscode.CodeActionKind.QuickFix.value);
    assert.ok(!quickFixes.some((action) => action.kind?.value === 'source.fixAll.govsec'), quickFixes.map((action) => action.kind?.value).join(' '));

    assert.ok(await vscode.workspace.applyEdit(fixAll[0].edit!, { isRefactoring: false }), 'applyEdit returned false');
    for (const [, where, replacement] of FIXABLE) {
      assert.ok(document.lineAt(where.start.line).text.includes(replacement), document.lineAt(where.start.line).text);
    }
    const fixed = new Set(FIXABLE.map(([rule]) => rule));
    const expected = PROCUREMENT_FINDINGS.map(([rule]) => rule).filter((rule) => !fixed.has(rule)).sort();
    const after = await waitForDiagnostics(document.uri, (found) => !found.some((d) => fixed.has(String(codeOf(d)))), 10_000);
    assert.deepEqual(rules(after), expected, after.map(describeDiagnostic).join('\n'));
  });
});
