/**
 * The VS Code client: starts the govsec language server over Node IPC for Markdown and YAML documents.
 * Everything else (hover, diagnostics, fixes) lives in the server. The client adds what only the editor
 * knows: workspace trust (passed at start, granted later by a notification) and crash handling (restart at
 * most 5 times in 3 minutes, then say so once, with a button to restart).
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
      const message = `govsec: the language server crashed ${MAX_RESTARTS + 1} times in ${RESTART_WINDOW_MS / 60000} minutes and was not restarted. See the govsec output for details.`;
      outputChannel.appendLine(message);
      void vscode.window.showErrorMessage(message, 'Restart govsec').then(async (choice) => {
        if (choice) {
          await restart();
        }
      });
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
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

  const status = vscode.window.createStatusBarItem('govsec.trust', vscode.StatusBarAlignment.Right, 100);
  status.name = 'govsec workspace trust';
  status.text = '$(shield) govsec: restricted';
  status.tooltip =
    'This workspace is not trusted: govsec uses its bundled glossary and ISMAP list only, and does not load .govsec.yaml, workspace glossary files or an imported ISMAP list. Trust the workspace to load them.';
  status.command = 'workbench.trust.manage';
  if (!vscode.workspace.isTrusted) {
    status.show();
  }

  // The id "govsec" makes the client honour the govsec.trace.server setting.
  client = new LanguageClient('govsec', 'govsec', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
    status,
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      status.hide();
      outputChannel.appendLine('govsec: workspace trusted; loading .govsec.yaml, workspace glossary files and the imported ISMAP list');
      void client?.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
    }),
    vscode.commands.registerCommand(RESTART_COMMAND, restart),
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
  if (!vscode.workspace.isTrusted) {
    outputChannel.appendLine('govsec: workspace not trusted; only the bundled glossary and ISMAP list are used');
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
