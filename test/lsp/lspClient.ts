/** A minimal LSP client over stdio for protocol tests: spawns the built `govsec-language-server --stdio`. */

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { repoRoot } from '../helpers';

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    severity: number;
    code: string;
    codeDescription?: { href: string };
    source: string;
    message: string;
    data?: unknown;
  }[];
}

export class LspTestClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcessWithoutNullStreams;
  private readonly published = new Map<string, PublishedDiagnostics[]>();
  private readonly waiters: (() => void)[] = [];
  stderr = '';
  /** Messages the server showed to the user (window/showMessage and showMessageRequest). */
  readonly shownMessages: string[] = [];

  constructor() {
    this.process = spawn(process.execPath, [path.join(repoRoot, 'bin', 'govsec-language-server.js'), '--stdio'], { stdio: 'pipe' });
    this.process.stderr.on('data', (chunk) => (this.stderr += String(chunk)));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      const list = this.published.get(params.uri) ?? [];
      list.push(params);
      this.published.set(params.uri, list);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      this.shownMessages.push(params.message);
      return null;
    });
    this.connection.onNotification('window/showMessage', (params: { message: string }) => {
      this.shownMessages.push(params.message);
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  /** `locale` is the client's UI locale (VS Code sends its display language); absent, the server's environment decides. */
  async initialize(pullDiagnostics: boolean, rootUri: string | null = null, locale?: string): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      ...(locale !== undefined ? { locale } : {}),
      capabilities: pullDiagnostics ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {},
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async open(uri: string, languageId: string, text: string, version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /** Waits until diagnostics for `uri` satisfying `accept` are published (5 s at most). */
  async diagnostics(uri: string, accept: (p: PublishedDiagnostics) => boolean = () => true): Promise<PublishedDiagnostics> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = (this.published.get(uri) ?? []).find(accept);
      if (found) {
        return found;
      }
      if (Date.now() > deadline) {
        throw new Error(`no matching diagnostics for ${uri}; stderr: ${this.stderr}`);
      }
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 100);
      });
    }
  }

  hover(uri: string, line: number, character: number) {
    return this.connection.sendRequest<{ contents: { kind: string; value: string }; range: unknown } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line, character },
    });
  }

  async dispose(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    if (this.process.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => this.process.kill(), 2000);
        this.process.once('exit', () => {
          clearTimeout(timer);
          resolve(undefined);
        });
      });
    }
  }
}
