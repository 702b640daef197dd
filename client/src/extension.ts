/**
 * The VS Code client: starts the govsec language server over Node IPC for Markdown and YAML documents.
 * Everything else (hover, diagnostics, fixes) lives in the server. The client adds what only the editor
 * knows: workspace trust (passed at start, granted later by a notification), crash handling (restart at
 * most 5 times in 3 minutes, then say so once, with a button to restart), and the editor's own UI — the
 * status bar item and its menu, the commands and the walkthrough — each in its own module. User-facing
 * strings go through vscode.l10n (l10n/bundle.l10n.*.json); the output channel stays English, like the
 * server's log.
 */

import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  TransportKind,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { WORKSPACE_TRUST_NOTIFICATION, type GovsecInitializationOptions } from '../../server/src/lsp/protocol';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from './restartPolicy';
import { CHECK_WORKSPACE_COMMAND, WorkspaceCheck } from './checkWorkspace';
import { GLOSSARY_SCHEME, GlossaryPages, SHOW_GLOSSARY_ENTRY_COMMAND, SHOW_GLOSSARY_STATS_COMMAND } from './glossaryView';
import { IMPORT_ISMAP_LIST_COMMAND, importIsmapList } from './ismapImport';
import { OPEN_SAMPLE_COMMAND, openSample } from './sample';
import { GovsecStatusBar, STATUS_MENU_COMMAND } from './statusBar';
import { OPEN_SETTINGS_COMMAND, openSettings, showStatusMenu } from './statusMenu';
const RESTART_COMMAND = 'govsec.restartServer';

let client: LanguageClient | undefined;

function crashHandler(outputChannel: vscode.OutputChannel, restart: () => Promise<void>): ErrorHandler & { policy: RestartPolicy } {
  const policy = new RestartPolicy();
  return {
    policy,
    // A broken message is not fatal; a dead server is reported through closed().
    error: () => ({ action: ErrorAction.Continue }),
    closed: () => {
      if (policy.shouldRestart(Date.now())) {
        outputChannel.appendLine('govsec: the language server stopped unexpectedly; restarting it');
        return { action: CloseAction.Restart, handled: true };
      }
      outputChannel.appendLine(
        `govsec: the language server crashed ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MS / 60000} minutes and was not restarted. See the govsec output for details.`,
      );
      const message = vscode.l10n.t(
        'govsec: the language server crashed {0} times in {1} minutes and was not restarted. See the govsec output for details.',
        MAX_RESTARTS + 1,
        RESTART_WINDOW_MS / 60000,
      );
      void vscode.window.showErrorMessage(message, vscode.l10n.t('Restart govsec')).then(async (choice) => {
        if (choice) {
          await restart();
        }
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

/** What activate() returns. The in-editor tests read the status bar item through it (the API cannot read the status bar). */
export interface GovsecExtensionApi {
  /** The status bar item's text now; empty while it is hidden. */
  statusBarText(): string;
}

export async function activate(context: vscode.ExtensionContext): Promise<GovsecExtensionApi> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('govsec', { log: true });
  const restart = async () => {
    handler.policy.reset();
    await client?.restart();
  };
  const handler = crashHandler(outputChannel, restart);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel,
    errorHandler: handler,
    // A function: a restart after trust was granted must not pass the old value.
    initializationOptions: (): GovsecInitializationOptions => ({ workspaceTrusted: vscode.workspace.isTrusted }),
    // Hover and completion Markdown is built from glossary data: never trusted (no command links), no HTML.
    markdown: { isTrusted: false, supportHtml: false },
  };

  // The id "govsec" makes the client honour the govsec.trace.server setting.
  client = new LanguageClient('govsec', 'govsec', serverOptions, clientOptions);
  const currentClient = () => client;
  const statusBar = new GovsecStatusBar(currentClient);
  const workspaceCheck = new WorkspaceCheck(currentClient);
  const glossaryPages = new GlossaryPages(currentClient);
  context.subscriptions.push(
    outputChannel,
    statusBar,
    workspaceCheck,
    glossaryPages,
    vscode.workspace.registerTextDocumentContentProvider(GLOSSARY_SCHEME, glossaryPages),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      outputChannel.appendLine('govsec: workspace trusted; loading .govsec.yaml, workspace glossary files and the imported ISMAP list');
      void client?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
    }),
    vscode.commands.registerCommand(RESTART_COMMAND, restart),
    vscode.commands.registerCommand(STATUS_MENU_COMMAND, showStatusMenu),
    vscode.commands.registerCommand(OPEN_SETTINGS_COMMAND, openSettings),
    vscode.commands.registerCommand(SHOW_GLOSSARY_STATS_COMMAND, () => glossaryPages.showStats()),
    vscode.commands.registerCommand(SHOW_GLOSSARY_ENTRY_COMMAND, (id?: string) => glossaryPages.showEntry(typeof id === 'string' ? id : undefined)),
    vscode.commands.registerCommand(CHECK_WORKSPACE_COMMAND, () => workspaceCheck.run()),
    vscode.commands.registerCommand(IMPORT_ISMAP_LIST_COMMAND, async (file?: vscode.Uri, folder?: vscode.Uri, date?: string) => {
      const result = client && (await importIsmapList(client, outputChannel, file, folder, date));
      statusBar.refreshSoon(0);
      return result;
    }),
    vscode.commands.registerCommand(OPEN_SAMPLE_COMMAND, () => openSample(context)),
    client.onDidChangeState(() => statusBar.refreshSoon(0)),
    // The spec summary CodeLens: the server computes the summary, the client shows it.
    vscode.commands.registerCommand('govsec.showSummary', async (uri?: string) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
      if (!client || !target) {
        return;
      }
      const summary = await client.sendRequest<{ title: string; detail: string } | null>('govsec/summary', { uri: target });
      if (summary) {
        await vscode.window.showInformationMessage(summary.title, { modal: true, detail: summary.detail });
      }
    }),
  );
  await client.start();
  void statusBar.refresh();
  if (!vscode.workspace.isTrusted) {
    outputChannel.appendLine('govsec: workspace not trusted; only the bundled glossary and ISMAP list are used');
  }
  return { statusBarText: () => statusBar.text };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
