/**
 * The walkthrough's sample specification: opened as an untitled copy, so the user can fix its findings
 * without touching the installed extension's files.
 */

import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const OPEN_SAMPLE_COMMAND = 'govsec.openSample';

/**
 * A name of its own rather than VS Code's next free Untitled-N (which code-server may hand back with a closed
 * document's backup text); opening it again shows the copy already open, with the user's edits.
 */
const SAMPLE_URI = vscode.Uri.from({ scheme: 'untitled', path: 'govsec-sample-spec.md' });

export async function openSample(context: vscode.ExtensionContext): Promise<vscode.TextDocument> {
  let document = await vscode.workspace.openTextDocument(SAMPLE_URI);
  if (document.languageId !== 'markdown') {
    document = await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  }
  if (document.getText() === '') {
    const edit = new vscode.WorkspaceEdit();
    edit.insert(SAMPLE_URI, new vscode.Position(0, 0), fs.readFileSync(context.asAbsolutePath('walkthrough/sample-spec.md'), 'utf8'));
    await vscode.workspace.applyEdit(edit);
  }
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
