/**
 * The walkthrough's sample specification: opened as an untitled copy, so the user can fix its findings
 * without touching the installed extension's files.
 */

import * as fs from 'node:fs';
import * as vscode from 'vscode';

export const OPEN_SAMPLE_COMMAND = 'govsec.openSample';

export async function openSample(context: vscode.ExtensionContext): Promise<vscode.TextDocument> {
  const content = fs.readFileSync(context.asAbsolutePath('walkthrough/sample-spec.md'), 'utf8');
  const document = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
