/** Everything the server announces, in one place. */

import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver/node';

export function supportsPullDiagnostics(client: ClientCapabilities): boolean {
  return client.textDocument?.diagnostic !== undefined;
}

export function serverCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    positionEncoding: 'utf-16',
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['.', '．', '-', '(', '（', ' ', ':'] },
    documentLinkProvider: { resolveProvider: false },
    definitionProvider: true,
    codeLensProvider: { resolveProvider: false },
    documentSymbolProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.govsec`] },
    // Each folder's .govsec.yaml, glossary and ISMAP list apply to its own documents.
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    ...(supportsPullDiagnostics(client)
      ? { diagnosticProvider: { identifier: 'govsec', interFileDependencies: false, workspaceDiagnostics: false } }
      : {}),
  };
}
