/** The menu behind the status bar item: govsec's commands, and workspace trust while restricted. */

import * as vscode from 'vscode';
import { CHECK_WORKSPACE_COMMAND } from './checkWorkspace';
import { SHOW_GLOSSARY_ENTRY_COMMAND, SHOW_GLOSSARY_STATS_COMMAND } from './glossaryView';
import { IMPORT_ISMAP_LIST_COMMAND } from './ismapImport';

export const OPEN_SETTINGS_COMMAND = 'govsec.openSettings';

interface MenuItem extends vscode.QuickPickItem {
  readonly command: string;
}

export async function showStatusMenu(): Promise<void> {
  const items: MenuItem[] = [
    { label: `$(graph) ${vscode.l10n.t('Show glossary stats')}`, command: SHOW_GLOSSARY_STATS_COMMAND },
    { label: `$(book) ${vscode.l10n.t('Show glossary entry…')}`, command: SHOW_GLOSSARY_ENTRY_COMMAND },
    {
      label: `$(cloud-download) ${vscode.l10n.t('Import ISMAP list…')}`,
      description: vscode.l10n.t('the official list saved from the ISMAP portal'),
      command: IMPORT_ISMAP_LIST_COMMAND,
    },
    { label: `$(checklist) ${vscode.l10n.t('Check workspace')}`, description: vscode.l10n.t('every Markdown and YAML file'), command: CHECK_WORKSPACE_COMMAND },
    { label: `$(settings-gear) ${vscode.l10n.t('Open settings')}`, command: OPEN_SETTINGS_COMMAND },
    ...(vscode.workspace.isTrusted ? [] : [{ label: `$(shield) ${vscode.l10n.t('Manage Workspace Trust')}`, command: 'workbench.trust.manage' }]),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: 'govsec', placeHolder: vscode.l10n.t('govsec: choose an action') });
  if (picked) {
    await vscode.commands.executeCommand(picked.command);
  }
}

export async function openSettings(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.openSettings', '@ext:govsec.govsec');
}
