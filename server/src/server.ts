/**
 * govsec language server. Serves any LSP client over stdio (`govsec-language-server --stdio`) or Node IPC
 * (the VS Code client). The transport is chosen from the command line by vscode-languageserver.
 */

import * as path from 'node:path';
import {
  createConnection,
  DidChangeConfigurationNotification,
  ProposedFeatures,
  TextDocuments,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadCompiledGlossary, type Glossary } from './glossary/glossary';
import { AnalysisCache } from './lsp/analysisCache';
import { serverCapabilities, supportsPullDiagnostics } from './lsp/capabilities';
import * as handlers from './lsp/handlers';
import { defaultSettings, readSettings, type GovsecSettings } from './lsp/settings';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// The bundle lives in dist/ next to the compiled glossary.
const serverDirectory = __dirname;
const glossary: Glossary = loadCompiledGlossary(path.join(serverDirectory, 'glossary-index.json'));
const cache = new AnalysisCache(() => glossary);
const context: handlers.HandlerContext = { cache, glossary: () => glossary, serverDirectory };

let settings: GovsecSettings = defaultSettings;
let pullDiagnostics = false;
let configurationRequests = false;
const pendingPushes = new Map<string, NodeJS.Timeout>();

connection.onInitialize((params): InitializeResult => {
  pullDiagnostics = supportsPullDiagnostics(params.capabilities);
  configurationRequests = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: serverCapabilities(params.capabilities),
    serverInfo: { name: 'govsec-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  connection.console.info(
    `govsec: ${glossary.terms.length} glossary terms loaded; diagnostics are ${pullDiagnostics ? 'pulled' : 'pushed'}`,
  );
  if (configurationRequests) {
    await connection.client.register(DidChangeConfigurationNotification.type, { section: 'govsec' }).catch(() => undefined);
    await refreshSettings();
  }
});

async function refreshSettings(): Promise<void> {
  if (!configurationRequests) {
    return;
  }
  try {
    settings = readSettings(await connection.workspace.getConfiguration('govsec'));
  } catch (error) {
    connection.console.warn(`govsec: could not read settings (${String(error)}); keeping the previous ones`);
  }
}

connection.onDidChangeConfiguration(async (change) => {
  if (configurationRequests) {
    await refreshSettings();
  } else {
    settings = readSettings((change.settings as { govsec?: unknown } | undefined)?.govsec);
  }
  if (pullDiagnostics) {
    connection.languages.diagnostics.refresh();
  } else {
    documents.all().forEach((document) => schedulePush(document, 0));
  }
});

function schedulePush(document: TextDocument, delayMs: number): void {
  clearTimeout(pendingPushes.get(document.uri));
  pendingPushes.set(
    document.uri,
    setTimeout(() => {
      pendingPushes.delete(document.uri);
      const current = documents.get(document.uri);
      if (current) {
        void connection.sendDiagnostics({
          uri: current.uri,
          version: current.version,
          diagnostics: handlers.diagnostics(context, current),
        });
      }
    }, delayMs),
  );
}

// TextDocuments fires onDidChangeContent for an open too (right after onDidOpen): an opened document is
// diagnosed at once, only edits wait for the debounce delay.
const justOpened = new Set<string>();

documents.onDidOpen((event) => {
  justOpened.add(event.document.uri);
});

documents.onDidChangeContent((event) => {
  const opened = justOpened.delete(event.document.uri);
  if (!pullDiagnostics) {
    schedulePush(event.document, opened ? 0 : settings.diagnosticsDelayMs);
  }
});

documents.onDidClose((event) => {
  cache.delete(event.document.uri);
  clearTimeout(pendingPushes.get(event.document.uri));
  pendingPushes.delete(event.document.uri);
  if (!pullDiagnostics) {
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  }
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.hover(context, document, params) : null;
});

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.pullDiagnostics(context, document) : { kind: 'full', items: [] };
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.codeActions(document, params) : [];
});

documents.listen(connection);
connection.listen();
