/**
 * The govsec language server on one connection. All state lives in this object (nothing is created on
 * import), so tests can run a server in-process on a pair of streams; server.ts runs one on stdio or IPC.
 *
 * Beyond the handlers: workspace trust (initializationOptions.workspaceTrusted and the
 * govsec/didChangeWorkspaceTrust notification), one setup per workspace folder, problems of user data
 * files shown as diagnostics in those files, and cancellation (a request whose analysis is not cached yet
 * yields once, so a $/cancelRequest sent right after it is seen before the work starts).
 */

import * as fs from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  DiagnosticSeverity,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
  type PublishDiagnosticsParams,
  ConnectionError,
  ConnectionErrors,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { GlossaryProblem } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import { DEFAULT_ISMAP_LIST_FILE } from '../services/ismapList';
import { describeList } from '../services/status';
import { GOVSEC_VERSION } from '../version';
import { AnalysisCache, documentPath, isLargeDocument } from './analysisCache';
import { registerClientRequests } from './clientRequests';
import { serverCapabilities, supportsPullDiagnostics } from './capabilities';
import * as handlers from './handlers';
import { WORKSPACE_TRUST_NOTIFICATION, type GovsecInitializationOptions } from './protocol';
import { readSettings } from './settings';
import { resolveLanguage, type Language } from '../language';
import { GovsecWorkspace, LAST_GOOD_IN_FORCE } from './workspace';

/** The diagnostic code of a problem in a user data file (.govsec.yaml, glossary file, ISMAP list). */
export const USER_DATA_PROBLEM_CODE = 'govsec/user-data';

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

export interface GovsecServerOptions {
  /** Where the compiled knowledge and docs/ live (dist/ for the bundle). */
  readonly serverDirectory: string;
  readonly knowledge: Knowledge;
}

function folderPaths(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  const paths = uris.filter((uri) => uri.startsWith('file:')).map((uri) => fileURLToPath(uri));
  if (paths.length === 0 && params.rootPath) {
    paths.push(params.rootPath);
  }
  return paths;
}

/**
 * Runs `work` that talks to the client; a timer that fires after the connection closed (the client went away)
 * has no one to tell and must not throw out of the timer. Any other error is not ours to hide.
 */
function whileConnected(work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!(error instanceof ConnectionError && (error.code === ConnectionErrors.Closed || error.code === ConnectionErrors.Disposed))) {
      throw error;
    }
  }
}

export class GovsecServer {
  readonly documents = new TextDocuments(TextDocument);
  readonly workspace: GovsecWorkspace;
  readonly cache: AnalysisCache;
  private readonly context: handlers.HandlerContext;
  private readonly appliedSetups = new Map<string, string>();
  private readonly pendingPushes = new Map<string, NodeJS.Timeout>();
  /** TextDocuments fires onDidChangeContent right after onDidOpen: an opened document is diagnosed at once. */
  private readonly justOpened = new Set<string>();
  /** Problems found before `initialized` wait for it (LSP allows no diagnostics before then). */
  private readonly earlyProblemFiles = new Set<string>();
  private isInitialized = false;
  private pullDiagnostics = false;
  private configurationRequests = false;
  private watchedFilesRegistration = false;
  private workspaceFolderEvents = false;
  /** VS Code (desktop or code-server) runs editor.action.triggerSuggest; other clients may not know it. */
  private clientIsVsCode = false;
  /** The client's UI locale from `initialize` (VS Code sends its display language). */
  private clientLocale: string | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly options: GovsecServerOptions,
  ) {
    this.workspace = new GovsecWorkspace(options.knowledge, {
      info: (message) => connection.console.info(message),
      error: (message) => connection.console.error(message),
      notify: (message) => void connection.window.showWarningMessage(message[this.language]),
    });
    this.workspace.onProblems((file, problems) => this.publishUserData(file, problems));
    this.cache = new AnalysisCache(
      (uri) => this.setupFor(uri),
      (uri, message) => connection.console.error(`govsec: ${uri}: ${message}`),
    );
    this.context = {
      cache: this.cache,
      setupFor: (uri) => this.setupFor(uri),
      serverDirectory: options.serverDirectory,
      language: () => this.language,
    };
    this.registerHandlers();
  }

  /** The language the server speaks now: govsec.language, else the client's locale, else the environment. */
  get language(): Language {
    return resolveLanguage(this.workspace.settings.language, this.clientLocale);
  }

  /** Starts reading the connection. */
  listen(): void {
    this.documents.listen(this.connection);
    this.connection.listen();
  }

  private setupFor(uri: string) {
    const setup = this.workspace.setupFor(uri);
    const summary = this.workspace.trusted
      ? `config ${setup.configFile ?? '(none)'}; glossary: bundled${setup.glossaryFiles.map((file) => ` + ${file}`).join('')}`
      : 'bundled knowledge only (workspace not trusted)';
    if (this.appliedSetups.get(uri) !== summary) {
      this.appliedSetups.set(uri, summary);
      this.connection.console.info(`govsec: ${uri}: ${summary}`);
    }
    return setup;
  }

  private registerHandlers(): void {
    const { connection, documents } = this;
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration(async (change) => {
      if (this.configurationRequests) {
        await this.refreshSettings();
      } else {
        this.applyInlineSettings((change.settings as { govsec?: unknown } | undefined)?.govsec);
      }
      this.refreshDiagnostics();
    });
    connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: { trusted?: unknown }) => {
      if (typeof params?.trusted === 'boolean' && this.workspace.setTrusted(params.trusted)) {
        this.cache.clear();
        this.refreshDiagnostics();
      }
    });
    connection.onDidChangeWatchedFiles((params) => {
      const files = params.changes.map((change) => documentPath(change.uri)).filter((file): file is string => file !== undefined);
      if (this.workspace.filesChanged(files)) {
        this.cache.clear();
        this.refreshDiagnostics();
      }
    });

    documents.onDidOpen((event) => {
      this.justOpened.add(event.document.uri);
    });
    documents.onDidChangeContent((event) => {
      const opened = this.justOpened.delete(event.document.uri);
      if (!this.pullDiagnostics) {
        this.schedulePush(event.document, opened ? 0 : this.workspace.settings.diagnosticsDelayMs);
      }
    });
    documents.onDidClose((event) => {
      const uri = event.document.uri;
      this.cache.delete(uri);
      this.appliedSetups.delete(uri);
      clearTimeout(this.pendingPushes.get(uri));
      this.pendingPushes.delete(uri);
      if (!this.pullDiagnostics) {
        this.publish({ uri, diagnostics: this.userDataDiagnostics(uri) });
      }
    });

    // A pull the server gives up on (cancelled, or its version is stale) asks the client to pull again:
    // with retriggerRequest false, vscode-languageclient drops the document's pull for good, even the
    // re-pull it had itself scheduled for the newer version, and the document keeps no diagnostics.
    connection.languages.diagnostics.on(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) {
        return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      }
      // TextDocuments updates the document object in place: the version asked for is read now.
      const version = document.version;
      if (isLargeDocument(document) && !this.cache.has(document)) {
        // Wait for a pause; a newer version makes this request stale (the client asks again for it).
        await new Promise((resolve) => setTimeout(resolve, this.workspace.settings.diagnosticsDelayMs));
        if (token.isCancellationRequested || documents.get(document.uri)?.version !== version) {
          return new ResponseError(LSPErrorCodes.ServerCancelled, 'document changed', { retriggerRequest: true });
        }
      }
      if (await this.cancelledBeforeWork(document, token)) {
        return new ResponseError(LSPErrorCodes.ServerCancelled, 'request cancelled', { retriggerRequest: true });
      }
      // The rules run one at a time with the event loop free between them: hovers and other documents'
      // requests are answered meanwhile, and a cancelled request (or a newer version) stops between rules.
      const stale = () => token.isCancellationRequested || documents.get(document.uri)?.version !== version;
      const findings = await this.cache
        .get(document)
        .findingsYielding(stale)
        .catch(() => null); // a failure is reported by the cache's own findings() below
      if (findings === undefined) {
        return new ResponseError(LSPErrorCodes.ServerCancelled, 'request cancelled', { retriggerRequest: true });
      }
      return handlers.pullDiagnostics(this.context, document);
    });
    connection.onHover(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? (await this.cancelledBeforeWork(document, token) ? cancelled() : handlers.hover(this.context, document, params)) : null;
    });
    connection.onCompletion((params) => {
      const document = documents.get(params.textDocument.uri);
      return document ? handlers.completion(this.context, document, params.position, this.clientIsVsCode) : null;
    });
    connection.onDocumentLinks(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? (await this.cancelledBeforeWork(document, token) ? cancelled() : handlers.links(this.context, document)) : [];
    });
    connection.onDefinition(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? (await this.cancelledBeforeWork(document, token) ? cancelled() : handlers.definition(this.context, document, params.position)) : null;
    });
    connection.onCodeLens(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? (await this.cancelledBeforeWork(document, token) ? cancelled() : handlers.codeLenses(this.context, document)) : [];
    });
    connection.onDocumentSymbol(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? (await this.cancelledBeforeWork(document, token) ? cancelled() : handlers.symbols(this.context, document)) : [];
    });
    connection.onCodeAction(async (params, token) => {
      const document = documents.get(params.textDocument.uri);
      return document ? (await this.cancelledBeforeWork(document, token) ? cancelled() : handlers.codeActions(this.context, document, params)) : [];
    });
    connection.onRequest('govsec/summary', (params: { uri: string }) => {
      const document = documents.get(params.uri);
      return document ? handlers.summary(this.context, document) : null;
    });
    registerClientRequests(connection, {
      context: this.context,
      workspace: this.workspace,
      bundled: this.options.knowledge,
      refresh: () => {
        this.cache.clear();
        this.refreshDiagnostics();
      },
    });
  }

  /**
   * Before a request analyses a document that is not analysed yet: yields once, so that a cancellation
   * sent right after the request is read first; a cancelled request then does no work and answers
   * RequestCancelled.
   */
  private async cancelledBeforeWork(document: TextDocument, token: CancellationToken): Promise<boolean> {
    if (this.cache.has(document)) {
      return false;
    }
    await new Promise((resolve) => setImmediate(resolve));
    return token.isCancellationRequested;
  }

  private initialize(params: InitializeParams): InitializeResult {
    this.pullDiagnostics = supportsPullDiagnostics(params.capabilities);
    this.configurationRequests = params.capabilities.workspace?.configuration === true;
    this.watchedFilesRegistration = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    this.workspaceFolderEvents = params.capabilities.workspace?.workspaceFolders === true;
    this.clientLocale = params.locale;
    this.clientIsVsCode = /visual studio code|vscode|code-server|code - oss/i.test(params.clientInfo?.name ?? '');
    const options = (params.initializationOptions ?? {}) as GovsecInitializationOptions;
    if (options.workspaceTrusted === false) {
      this.workspace.setTrusted(false);
    }
    this.workspace.setFolders(folderPaths(params));
    this.applyInlineSettings(options.settings);
    return {
      capabilities: serverCapabilities(params.capabilities),
      serverInfo: { name: 'govsec-language-server', version: GOVSEC_VERSION },
    };
  }

  private async initialized(): Promise<void> {
    // First, before any await: a folder change that arrives meanwhile must not be lost.
    if (this.workspaceFolderEvents) {
      this.connection.workspace.onDidChangeWorkspaceFolders(async (event) => {
        const removed = new Set(event.removed.map((folder) => documentPath(folder.uri)));
        const added = event.added.map((folder) => documentPath(folder.uri)).filter((file): file is string => file !== undefined);
        this.workspace.setFolders([...this.workspace.folderPaths.filter((root) => !removed.has(root)), ...added]);
        await this.refreshSettings();
        this.cache.clear();
        this.refreshDiagnostics();
      });
    }
    this.isInitialized = true;
    for (const file of this.earlyProblemFiles) {
      this.publishUserData(file, this.workspace.problemsOf(file));
    }
    this.earlyProblemFiles.clear();
    const knowledge = this.options.knowledge;
    this.connection.console.info(
      `govsec ${GOVSEC_VERSION}: ${knowledge.glossary.terms.length} glossary terms, ${knowledge.services.length} cloud services; ` +
        `${describeList(knowledge.ismapList)}; diagnostics are ${this.pullDiagnostics ? 'pulled' : 'pushed'}; ` +
        `workspace folders: ${this.workspace.folderPaths.join(', ') || '(none)'}`,
    );
    if (this.watchedFilesRegistration) {
      await this.connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          // The ISMAP list, configuration files, and YAML files that may be a user's glossary.
          watchers: [{ globPattern: `**/${DEFAULT_ISMAP_LIST_FILE}` }, { globPattern: '**/.govsec.{yaml,yml}' }, { globPattern: '**/*.{yaml,yml}' }],
        })
        .catch(() => undefined);
    }
    if (this.configurationRequests) {
      await this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'govsec' }).catch(() => undefined);
      await this.refreshSettings();
    }
  }

  private applyInlineSettings(raw: unknown): void {
    if (raw === undefined) {
      return;
    }
    this.workspace.setSettings(undefined, readSettings(raw, this.workspace.folderPaths.at(-1)));
    for (const root of this.workspace.folderPaths) {
      this.workspace.setSettings(root, readSettings(raw, root));
    }
    this.cache.clear();
  }

  /** Reads the settings outside folders and each folder's own (resource-scoped settings differ by folder). */
  private async refreshSettings(): Promise<void> {
    if (!this.configurationRequests) {
      return;
    }
    const roots = this.workspace.folderPaths;
    try {
      const sections = await this.connection.workspace.getConfiguration([
        { section: 'govsec' },
        ...roots.map((root) => ({ scopeUri: pathToFileURL(root).href, section: 'govsec' })),
      ]);
      this.workspace.setSettings(undefined, readSettings(sections[0], roots.at(-1)));
      roots.forEach((root, index) => this.workspace.setSettings(root, readSettings(sections[index + 1], root)));
      this.cache.clear();
    } catch (error) {
      this.connection.console.warn(`govsec: could not read settings (${String(error)}); keeping the previous ones`);
    }
  }

  private refreshDiagnostics(): void {
    if (this.pullDiagnostics) {
      this.connection.languages.diagnostics.refresh();
    } else {
      this.documents.all().forEach((document) => this.schedulePush(document, 0));
    }
  }

  /** Publishes diagnostics (see whileConnected). */
  private publish(params: PublishDiagnosticsParams): void {
    whileConnected(() => void this.connection.sendDiagnostics(params).catch(() => undefined));
  }

  private schedulePush(document: TextDocument, delayMs: number): void {
    clearTimeout(this.pendingPushes.get(document.uri));
    this.pendingPushes.set(
      document.uri,
      setTimeout(() => {
        this.pendingPushes.delete(document.uri);
        const current = this.documents.get(document.uri);
        if (current) {
          // The analysis logs to the client too: all of it stops quietly once the client has gone.
          whileConnected(() =>
            this.publish({
              uri: current.uri,
              version: current.version,
              diagnostics: [...handlers.diagnostics(this.context, current), ...this.userDataDiagnostics(current.uri)],
            }),
          );
        }
      }, delayMs),
    );
  }

  /**
   * Problems of a user data file as diagnostics in that file. With pulled diagnostics they are pushed on
   * their own (a separate collection in the client); with pushed ones they join the file's analysis.
   */
  private publishUserData(file: string, problems: readonly GlossaryProblem[]): void {
    if (!this.isInitialized) {
      this.earlyProblemFiles.add(file);
      return;
    }
    const uri = pathToFileURL(file).href;
    const open = [...this.documents.keys()].find((key) => documentPath(key) === file);
    if (open && !this.pullDiagnostics) {
      const document = this.documents.get(open);
      if (document) {
        this.schedulePush(document, 0);
      }
      return;
    }
    this.publish({ uri: open ?? uri, diagnostics: problems.map((problem) => this.problemDiagnostic(problem, open)) });
  }

  private userDataDiagnostics(uri: string): Diagnostic[] {
    const file = documentPath(uri);
    if (file === undefined || this.pullDiagnostics) {
      return [];
    }
    return this.workspace.problemsOf(file).map((problem) => this.problemDiagnostic(problem, uri));
  }

  /** The range runs from the problem's position to the end of its line (read from the editor or the disk). */
  private problemDiagnostic(problem: GlossaryProblem, openUri: string | undefined): Diagnostic {
    let text: string | undefined = openUri ? this.documents.get(openUri)?.getText() : undefined;
    if (text === undefined) {
      try {
        text = fs.readFileSync(problem.file, 'utf8');
      } catch {
        text = '';
      }
    }
    const lines = text.split(/\r\n|\r|\n/);
    const line = Math.min(Math.max(problem.line - 1, 0), Math.max(lines.length - 1, 0));
    const lineText = lines[line] ?? '';
    const character = Math.min(Math.max(problem.column - 1, 0), lineText.length);
    return {
      range: { start: { line, character }, end: { line, character: Math.max(character, lineText.length) } },
      severity: DiagnosticSeverity.Error,
      code: USER_DATA_PROBLEM_CODE,
      source: 'govsec',
      message: this.language === 'ja'
        ? `${problem.message.ja.toWellFormed()}（${LAST_GOOD_IN_FORCE.ja}）`
        : `${problem.message.en.toWellFormed()} (${LAST_GOOD_IN_FORCE.en})`,
    };
  }
}
