/**
 * govsec language server. Serves any LSP client over stdio (`govsec-language-server --stdio`) or Node IPC
 * (the VS Code client). The transport is chosen from the command line by vscode-languageserver.
 */

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  ProposedFeatures,
  TextDocuments,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProjectSetup, type DocumentSetup } from './config/projectSetup';
import { formatProblem } from './glossary/compile';
import { loadKnowledge, type Knowledge } from './knowledge';
import { AnalysisCache, documentPath } from './lsp/analysisCache';
import { serverCapabilities, supportsPullDiagnostics } from './lsp/capabilities';
import * as handlers from './lsp/handlers';
import { defaultSettings, readSettings, type GovsecSettings } from './lsp/settings';
import { DEFAULT_ISMAP_LIST_FILE, loadIsmapListFile } from './services/ismapList';
import { describeList } from './services/status';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

// The bundle lives in dist/ next to the compiled glossary, service catalogue and control catalogues.
const serverDirectory = __dirname;
const bundledKnowledge: Knowledge = loadKnowledge(serverDirectory);
let knowledge: Knowledge = bundledKnowledge;
let settings: GovsecSettings = defaultSettings;
let workspaceRoot: string | undefined;
let project = newProjectSetup();
/** What applied to each document when it was last analysed, to log only changes. */
const appliedSetups = new Map<string, string>();
const reportedProblems = new Set<string>();
/** User glossary files in use by some document: a change to one of them invalidates the analyses. */
const glossaryFilesInUse = new Set<string>();

function newProjectSetup(): ProjectSetup {
  return new ProjectSetup(knowledge, {
    rootDirectory: workspaceRoot,
    settings: settings.layer,
  });
}

/** The setup of a document; logs which configuration and glossary files apply, and reports their problems. */
function setupFor(uri: string): DocumentSetup {
  const setup = project.forDocument(documentPath(uri));
  setup.glossaryFiles.forEach((file) => glossaryFilesInUse.add(file));
  const summary = `config ${setup.configFile ?? '(none)'}; glossary: bundled${setup.glossaryFiles.map((file) => ` + ${file}`).join('')}`;
  if (appliedSetups.get(uri) !== summary) {
    appliedSetups.set(uri, summary);
    connection.console.info(`govsec: ${uri}: ${summary}`);
  }
  for (const problem of setup.problems) {
    const text = formatProblem(problem);
    if (!reportedProblems.has(text)) {
      reportedProblems.add(text);
      connection.console.error(`govsec: ${text} (the last good version stays in force)`);
      void connection.window.showWarningMessage(`govsec: ${text} — the last good version stays in force.`);
    }
  }
  return setup;
}

const cache = new AnalysisCache(setupFor);
const context: handlers.HandlerContext = { cache, setupFor, serverDirectory };

let pullDiagnostics = false;
let configurationRequests = false;
let watchedFilesRegistration = false;
/** VS Code (desktop or code-server) runs editor.action.triggerSuggest; other clients may not know it. */
let clientIsVsCode = false;
const pendingPushes = new Map<string, NodeJS.Timeout>();

function rootOf(params: InitializeParams): string | undefined {
  const uri = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (uri?.startsWith('file:')) {
    return fileURLToPath(uri);
  }
  return params.rootPath ?? undefined;
}

/**
 * Uses the workspace's imported ISMAP list (govsec ismap import) in place of the bundled one. A broken file
 * is reported with its file and line, and the last good list stays in force.
 */
function loadWorkspaceIsmapList(): void {
  if (!workspaceRoot) {
    return;
  }
  const file = `${workspaceRoot}/${DEFAULT_ISMAP_LIST_FILE}`;
  const loaded = loadIsmapListFile(file);
  if (loaded.missing) {
    if (knowledge !== bundledKnowledge) {
      knowledge = bundledKnowledge;
      project = project.withBase(knowledge);
      connection.console.info(`govsec: ${file} removed; using the bundled ${describeList(knowledge.ismapList)}`);
    }
  } else if (loaded.list && loaded.list.entries.length > 0) {
    knowledge = bundledKnowledge.withIsmapList(loaded.list);
    project = project.withBase(knowledge);
    connection.console.info(`govsec: using ${describeList(loaded.list)} from ${file}`);
  } else {
    const problems = loaded.problems.map(formatProblem).join('; ') || `${file}: the list has no entries`;
    connection.console.error(`govsec: ${problems}; keeping ${describeList(knowledge.ismapList)}`);
    void connection.window.showWarningMessage(`govsec: the ISMAP list ${file} could not be loaded (${problems}); keeping the previous list.`);
  }
  cache.clear();
}

connection.onInitialize((params): InitializeResult => {
  pullDiagnostics = supportsPullDiagnostics(params.capabilities);
  configurationRequests = params.capabilities.workspace?.configuration === true;
  watchedFilesRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  clientIsVsCode = /visual studio code|vscode|code-server|code - oss/i.test(params.clientInfo?.name ?? '');
  workspaceRoot = rootOf(params);
  settings = readSettings((params.initializationOptions as { settings?: unknown } | undefined)?.settings, workspaceRoot);
  project = newProjectSetup();
  loadWorkspaceIsmapList();
  return {
    capabilities: serverCapabilities(params.capabilities),
    serverInfo: { name: 'govsec-language-server', version: '0.1.0' },
  };
});

connection.onInitialized(async () => {
  connection.console.info(
    `govsec: ${knowledge.glossary.terms.length} glossary terms, ${knowledge.services.length} cloud services; ` +
      `${describeList(knowledge.ismapList)}; diagnostics are ${pullDiagnostics ? 'pulled' : 'pushed'}`,
  );
  if (watchedFilesRegistration) {
    await connection.client
      .register(DidChangeWatchedFilesNotification.type, {
        // The ISMAP list, configuration files, and YAML files that may be a user's glossary.
        watchers: [{ globPattern: `**/${DEFAULT_ISMAP_LIST_FILE}` }, { globPattern: '**/.govsec.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml}' }],
      })
      .catch(() => undefined);
  }
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
    applySettings(readSettings(await connection.workspace.getConfiguration('govsec'), workspaceRoot));
  } catch (error) {
    connection.console.warn(`govsec: could not read settings (${String(error)}); keeping the previous ones`);
  }
}

function applySettings(next: GovsecSettings): void {
  settings = next;
  for (const problem of next.problems) {
    connection.console.error(`govsec: ${problem}`);
  }
  project = newProjectSetup();
  cache.clear();
}

connection.onDidChangeConfiguration(async (change) => {
  if (configurationRequests) {
    await refreshSettings();
  } else {
    applySettings(readSettings((change.settings as { govsec?: unknown } | undefined)?.govsec, workspaceRoot));
  }
  refreshDiagnostics();
});

connection.onDidChangeWatchedFiles((params) => {
  const files = params.changes.map((change) => documentPath(change.uri) ?? '');
  const isIsmapList = (file: string) => file.endsWith(path.join(...DEFAULT_ISMAP_LIST_FILE.split('/')));
  const isConfig = (file: string) => /(^|[\\/])\.govsec\.ya?ml$/.test(file);
  if (!files.some((file) => isIsmapList(file) || isConfig(file) || glossaryFilesInUse.has(file))) {
    return;
  }
  if (files.some(isIsmapList)) {
    loadWorkspaceIsmapList();
  }
  project.invalidate();
  reportedProblems.clear();
  cache.clear();
  refreshDiagnostics();
});

function refreshDiagnostics(): void {
  if (pullDiagnostics) {
    connection.languages.diagnostics.refresh();
  } else {
    documents.all().forEach((document) => schedulePush(document, 0));
  }
}

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

/** Documents larger than this (UTF-16 units) are checked only once typing pauses, not on every keystroke. */
const LARGE_DOCUMENT = 64 * 1024;

connection.languages.diagnostics.on(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) {
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }
  if (document.getText().length > LARGE_DOCUMENT && !cache.has(document)) {
    // Wait for a pause; a newer version makes this request stale (the client asks again for it).
    await new Promise((resolve) => setTimeout(resolve, settings.diagnosticsDelayMs));
    if (token.isCancellationRequested || documents.get(document.uri)?.version !== document.version) {
      return new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: false });
    }
  }
  return handlers.pullDiagnostics(context, document);
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.completion(context, document, params.position, clientIsVsCode) : null;
});

connection.onDocumentLinks((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.links(context, document) : [];
});

connection.onDefinition((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.definition(context, document, params.position) : null;
});

connection.onCodeLens((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.codeLenses(context, document) : [];
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.symbols(context, document) : [];
});

connection.onRequest('govsec/summary', (params: { uri: string }) => {
  const document = documents.get(params.uri);
  return document ? handlers.summary(context, document) : null;
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? handlers.codeActions(context, document, params) : [];
});

documents.listen(connection);
connection.listen();
