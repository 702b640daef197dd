/**
 * Restricted mode (the code-server runner's `untrusted` run: workspace trust on, the folder not trusted). The
 * folder is a copy of the fixture workspace with a .govsec.yaml that turns term/variant off and adds a workspace
 * glossary defining 試験専用基盤. govsec must check with its bundled knowledge only and say so in the status bar:
 * the .govsec.yaml is not applied (term/variant still reports) and the workspace glossary is not loaded (no
 * hover on 試験専用基盤). Granting trust is covered over LSP (test/lsp/robustness.test.ts): it needs a dialog here.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, codeOf, govsecHovers, waitFor, waitForDiagnostics } from './helpers';

interface GovsecExtensionApi {
  statusBarText(): string;
}

suite('restricted mode (untrusted workspace)', () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? '';

  test('the workspace is not trusted and holds the configuration and glossary that must not load', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(fs.existsSync(path.join(folder, '.govsec.yaml')), folder);
    assert.ok(fs.existsSync(path.join(folder, 'our-terms.yaml')), folder);
  });

  test('the status bar says restricted', async () => {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(folder, 'spec.md')));
    await vscode.window.showTextDocument(document);
    const api = (await activateExtension()).exports as GovsecExtensionApi;
    let shown = '';
    await waitFor('the status bar to say restricted', () => {
      shown = api.statusBarText();
      return shown.startsWith('$(shield) govsec: restricted · ISMAP: ');
    }).catch((error: Error) => {
      throw new Error(`${error.message}; it reads ${JSON.stringify(shown)}`);
    });
  });

  test('the bundled knowledge still checks, the workspace configuration and glossary do not apply', async () => {
    const uri = vscode.Uri.file(path.join(folder, 'spec.md'));
    const edit = new vscode.WorkspaceEdit();
    const document = await vscode.workspace.openTextDocument(uri);
    edit.insert(uri, new vscode.Position(document.lineCount, 0), '\n試験専用基盤を用いる。\n');
    assert.ok(await vscode.workspace.applyEdit(edit, { isRefactoring: false }));
    // term/variant is off in the .govsec.yaml: reported all the same, since that file is not read.
    const diagnostics = await waitForDiagnostics(uri, (found) => found.some((d) => codeOf(d) === 'term/variant'));
    assert.ok(diagnostics.some((d) => codeOf(d) === 'term/variant' && document.getText(d.range) === 'ガバクラ'));
    // A bundled term has its card; the workspace glossary's term has none.
    assert.ok((await govsecHovers(uri, new vscode.Position(4, 6))).length > 0, 'no hover on the bundled term ガバクラ');
    const line = document.lineCount - 2;
    assert.equal(document.lineAt(line).text, '試験専用基盤を用いる。');
    assert.deepEqual(await govsecHovers(uri, new vscode.Position(line, 2)), []);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
