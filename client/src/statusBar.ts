/**
 * One status bar item for Markdown and YAML editors: the glossary date and the ISMAP list in force for the
 * active document, and the restricted state of an untrusted workspace (then shown for every editor, as the
 * trust item it replaces was). Clicking it opens the govsec menu (statusMenu.ts).
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_REQUEST, type GovsecStatus } from '../../server/src/lsp/protocol';
import { statusView } from './statusText';

export const STATUS_MENU_COMMAND = 'govsec.showStatusMenu';

function isChecked(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document !== undefined && (document.languageId === 'markdown' || document.languageId === 'yaml');
}

export class GovsecStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('govsec.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private pending: NodeJS.Timeout | undefined;
  private generation = 0;
  /** The last answer, for the menu and for tests. */
  status: GovsecStatus | undefined;

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.item.name = 'govsec';
    this.item.command = STATUS_MENU_COMMAND;
    this.item.text = '$(sync~spin) govsec';
    const watcher = vscode.workspace.createFileSystemWatcher('**/.govsec/ismap-list.yaml');
    this.disposables.push(
      watcher,
      watcher.onDidCreate(() => this.refreshSoon()),
      watcher.onDidChange(() => this.refreshSoon()),
      watcher.onDidDelete(() => this.refreshSoon()),
      vscode.window.onDidChangeActiveTextEditor(() => this.refreshSoon(0)),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.refreshSoon()),
      vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration('govsec') && this.refreshSoon()),
    );
  }

  /** The text shown now, empty while hidden (tests read it). */
  get text(): string {
    return this.visible ? this.item.text : '';
  }

  private visible = false;

  /** Refreshes after a pause, so a burst of events (a watcher, the server reloading) asks once. */
  refreshSoon(delayMs = 400): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => void this.refresh(), delayMs);
  }

  async refresh(): Promise<void> {
    const document = vscode.window.activeTextEditor?.document;
    const client = this.client();
    if ((!isChecked(document) && vscode.workspace.isTrusted) || !client?.isRunning()) {
      this.item.hide();
      this.visible = false;
      return;
    }
    const generation = ++this.generation;
    try {
      const uri = isChecked(document) ? document.uri.toString() : undefined;
      const status = await client.sendRequest<GovsecStatus>(STATUS_REQUEST, { uri });
      if (generation !== this.generation) {
        return; // a newer refresh is under way
      }
      this.status = status;
      const view = statusView(status, vscode.l10n.t);
      this.item.text = view.text;
      this.item.tooltip = view.tooltip;
      this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
      this.item.show();
      this.visible = true;
    } catch {
      // The server is restarting; the next event refreshes.
    }
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
