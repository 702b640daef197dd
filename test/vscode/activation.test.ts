/**
 * Activation on an untitled Markdown document (runs first: file names are sorted), and the quick fix applied
 * through the real WorkspaceEdit machinery.
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, closeUntitled, codeOf, findDiagnostic, range, waitFor, waitForDiagnostics, waitForFix } from './helpers';

suite('activation (untitled Markdown)', () => {
  let document: vscode.TextDocument;

  suiteTeardown(async () => {
    // Leave no dirty untitled editor behind: closing it normally would open a "save?" dialog, and the code-server
    // runner reuses the user-data folder for its UI check.
    await closeUntitled(document);
  });

  test('the extension activates when an untitled Markdown document is opened, and it gets diagnostics', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // Fresh user data and no open editor: nothing has activated it yet.
    assert.equal(extension.isActive, false, 'the extension was already active before any Markdown/YAML document was opened');
    document = await vscode.workspace.openTextDocument({
      language: 'markdown',
      content: '# メモ\n\n移行先はガバクラとする。\n',
    });
    await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, 'untitled');
    // Nothing here calls activate(): onLanguage:markdown must do it.
    await waitFor('the extension to activate on onLanguage:markdown', () => extension.isActive, 30_000);
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => codeOf(d) === 'term/variant'), 30_000);
    const variant = findDiagnostic(diagnostics, 'term/variant', range(2, 4, 8));
    assert.equal(document.getText(variant.range), 'ガバクラ');
  });

  test('applying the quick fix replaces ガバクラ and the diagnostic goes away', async () => {
    const variant = findDiagnostic(await waitForDiagnostics(document.uri), 'term/variant', range(2, 4, 8));
    const { fix } = await waitForFix(document.uri, variant.range, 'ガバメントクラウド');
    assert.ok(fix.edit);
    assert.ok(fix.title.includes('ガバメントクラウド'), fix.title);
    // Not a refactoring: with files.refactoring.autoSave VS Code would try to save the edited document.
    assert.ok(await vscode.workspace.applyEdit(fix.edit, { isRefactoring: false }), 'workspace.applyEdit returned false');
    assert.equal(document.lineAt(2).text, '移行先はガバメントクラウドとする。');
    // An empty list counts: the fixed document has no govsec diagnostic left.
    await waitForDiagnostics(document.uri, (found) => !found.some((d) => codeOf(d) === 'term/variant'));
  });
});
