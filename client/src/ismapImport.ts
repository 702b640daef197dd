/**
 * "govsec: Import ISMAP list…": picks a list saved from the ISMAP portal (what `govsec ismap import` reads:
 * the page saved from a browser, the table pasted into a text file, CSV) and its as-of date; the server
 * writes the workspace folder's .govsec/ismap-list.yaml and uses it at once. Refused in an untrusted
 * workspace, where the imported list would not be loaded anyway.
 */

import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { localDate } from '../../server/src/text/localDate';
import { IMPORT_ISMAP_LIST_REQUEST, type ImportIsmapListResult } from '../../server/src/lsp/protocol';

export const IMPORT_ISMAP_LIST_COMMAND = 'govsec.importIsmapList';

/** The files `govsec ismap import` reads (server/src/services/ismapListRead.ts). */
const LIST_EXTENSIONS = ['html', 'htm', 'csv', 'tsv', 'txt'];

async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor && vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri);
  if (active) {
    return active;
  }
  if (folders.length <= 1) {
    return folders[0];
  }
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Import the ISMAP list into which folder?') });
}

function failureMessage(result: Extract<ImportIsmapListResult, { ok: false }>, file: string): string {
  switch (result.reason) {
    case 'untrusted':
      return vscode.l10n.t('govsec imports the ISMAP list only in a trusted workspace. Trust this workspace first.');
    case 'not-a-folder':
      return vscode.l10n.t('govsec can import the ISMAP list only into a folder open in this window.');
    case 'not-found':
      return vscode.l10n.t('{0} does not exist.', file);
    case 'directory':
      return vscode.l10n.t('{0} is a folder, not a list file.', file);
    case 'unreadable':
      return vscode.l10n.t('{0} cannot be read ({1}).', file, result.detail ?? '');
    case 'no-valid-row':
      return vscode.l10n.t('{0} has no valid row of the ISMAP list; the list in use is unchanged.', file);
    case 'write-failed':
      return vscode.l10n.t('The ISMAP list could not be written ({0}); the list in use is unchanged.', result.detail ?? '');
  }
}

/**
 * Arguments let tests (and other extensions) skip the dialogs: the list file, the workspace folder and the
 * as-of date. Returns the server's answer, or undefined when the user cancelled.
 */
export async function importIsmapList(
  client: LanguageClient,
  output: vscode.LogOutputChannel,
  file?: vscode.Uri,
  folder?: vscode.Uri,
  date?: string,
): Promise<ImportIsmapListResult | undefined> {
  if (!vscode.workspace.isTrusted) {
    const manage = vscode.l10n.t('Manage Workspace Trust');
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('govsec imports the ISMAP list only in a trusted workspace. Trust this workspace first.'), manage);
    if (choice === manage) {
      await vscode.commands.executeCommand('workbench.trust.manage');
    }
    return undefined;
  }
  const target = folder ?? (await pickFolder())?.uri;
  if (!target) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Open a folder first: govsec imports the ISMAP list into the folder\'s .govsec/ismap-list.yaml.'));
    return undefined;
  }
  const picked =
    file ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: vscode.l10n.t('Import'),
        title: vscode.l10n.t('The ISMAP list saved from the portal: the page saved from the browser, the table pasted into a text file, or CSV'),
        filters: { [vscode.l10n.t('ISMAP list (HTML, text, CSV)')]: LIST_EXTENSIONS, [vscode.l10n.t('All files')]: ['*'] },
      })
    )?.[0];
  if (!picked) {
    return undefined;
  }
  let asOf = date;
  if (asOf === undefined) {
    // The CLI's default is the file's modification date; the user confirms or corrects it.
    let modified = localDate(new Date());
    try {
      modified = localDate(fs.statSync(picked.fsPath).mtime);
    } catch {
      // the server reports a missing file
    }
    asOf = await vscode.window.showInputBox({
      title: vscode.l10n.t('As-of date of the list'),
      prompt: vscode.l10n.t('The date the portal showed this list (YYYY-MM-DD). Default: the file\'s modification date.'),
      value: modified,
      validateInput: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : vscode.l10n.t('Write the date as YYYY-MM-DD.')),
    });
    if (asOf === undefined) {
      return undefined;
    }
  }
  const name = vscode.workspace.asRelativePath(picked, false);
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing the ISMAP list from {0}…', name) },
    () => client.sendRequest<ImportIsmapListResult>(IMPORT_ISMAP_LIST_REQUEST, { fileUri: picked.toString(), folderUri: target.toString(), date: asOf }),
  );
  for (const problem of result.problems) {
    output.warn(`govsec: ${picked.fsPath}:${problem.line}: ${problem.message}`);
  }
  if (result.ok) {
    const skipped = result.rows - result.imported;
    const message = vscode.l10n.t('Imported {0} of {1} rows from {2} (as of {3}); govsec now uses this list.', result.imported, result.rows, name, result.asOf);
    void vscode.window.showInformationMessage(skipped > 0 ? `${message} ${vscode.l10n.t('{0} malformed rows were skipped; see the govsec output.', skipped)}` : message);
  } else {
    void vscode.window.showErrorMessage(failureMessage(result, name));
  }
  return result;
}
