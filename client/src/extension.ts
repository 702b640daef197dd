/**
 * The VS Code client: starts the govsec language server over Node IPC for Markdown and YAML documents.
 * Everything else (hover, diagnostics, fixes) lives in the server.
 */

import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const outputChannel = vscode.window.createOutputChannel('govsec', { log: true });
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'yaml' },
      { scheme: 'untitled', language: 'yaml' },
    ],
    outputChannel,
  };
  // The id "govsec" makes the client honour the govsec.trace.server setting.
  client = new LanguageClient('govsec', 'govsec', serverOptions, clientOptions);
  context.subscriptions.push(
    outputChannel,
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
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
