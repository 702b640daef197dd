/**
 * A govsec language server in this process, on a pair of in-memory streams, with a JSON-RPC client on the
 * other end: the same GovsecServer object server.ts runs, without spawning a process (fast enough for
 * fuzzing edit sequences, and the test can look at the server's state).
 */

import { PassThrough } from 'node:stream';
import { createConnection } from 'vscode-languageserver/node';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { GovsecServer } from '../../server/src/lsp/govsecServer';
import { bundledKnowledge, repoRoot } from '../helpers';
import * as path from 'node:path';
import type { PublishedDiagnostics } from './lspClient';

export class InProcessServer {
  readonly server: GovsecServer;
  readonly client: MessageConnection;
  readonly published = new Map<string, PublishedDiagnostics[]>();
  /** window/logMessage lines (the output channel). */
  readonly log: string[] = [];
  readonly shownMessages: string[] = [];
  private readonly waiters: (() => void)[] = [];
  private readonly streams: PassThrough[];

  constructor() {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    this.streams = [toServer, toClient];
    const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    this.server = new GovsecServer(serverConnection, { serverDirectory: path.join(repoRoot, 'dist'), knowledge: bundledKnowledge() });
    this.server.listen();
    this.client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    this.client.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      this.published.set(params.uri, [...(this.published.get(params.uri) ?? []), params]);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.client.onNotification('window/logMessage', (params: { message: string }) => {
      this.log.push(params.message);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.client.onNotification('window/showMessage', (params: { message: string }) => {
      this.shownMessages.push(params.message);
    });
    this.client.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.shownMessages.push(params.message);
      return null;
    });
    this.client.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.client.onRequest('client/registerCapability', () => null);
    this.client.onRequest('workspace/diagnostic/refresh', () => null);
    this.client.listen();
  }

  /** `locale`: the client's UI locale (absent, the server's environment decides the language). */
  async initialize(options: { folders?: string[]; pull?: boolean; initializationOptions?: unknown; locale?: string } = {}): Promise<{ capabilities: Record<string, unknown>; serverInfo?: { version?: string } }> {
    const result = await this.client.sendRequest<{ capabilities: Record<string, unknown>; serverInfo?: { version?: string } }>('initialize', {
      processId: null,
      rootUri: null,
      ...(options.locale !== undefined ? { locale: options.locale } : {}),
      workspaceFolders: (options.folders ?? []).map((uri, index) => ({ uri, name: `folder${index}` })),
      capabilities: {
        workspace: { workspaceFolders: true },
        ...(options.pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {}),
      },
      initializationOptions: options.initializationOptions,
    });
    await this.client.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async changeFiles(files: string[]): Promise<void> {
    await this.client.sendNotification('workspace/didChangeWatchedFiles', { changes: files.map((uri) => ({ uri, type: 2 })) });
  }

  hover(uri: string, line: number, character: number): Promise<{ contents: { kind: string; value: string } } | null> {
    return this.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** Waits until diagnostics for `uri` satisfying `accept` are published (5 s at most); returns the latest such. */
  async diagnostics(uri: string, accept: (p: PublishedDiagnostics) => boolean = () => true): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = (this.published.get(uri) ?? []).filter(accept).at(-1);
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`no matching diagnostics for ${uri}; published: ${JSON.stringify(this.published.get(uri) ?? [])}; log:\n${this.log.join('\n')}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** Waits until a log line matches (5 s at most). */
  async logged(pattern: RegExp): Promise<string> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = this.log.find((line) => pattern.test(line));
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`no log line matches ${pattern}; log:\n${this.log.join('\n')}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  dispose(): void {
    this.client.dispose();
    this.streams.forEach((stream) => stream.destroy());
  }
}
