/**
 * "govsec: Check workspace": govsec's findings for every Markdown and YAML file of the workspace in the
 * Problems view, with a progress notification that can be cancelled.
 *
 * Why a custom request (govsec/checkFiles) and not LSP workspace diagnostics (workspace/diagnostic, which
 * vscode-languageclient 11 supports): once the server announces workspaceDiagnostics, the client sends
 * that request on its own, at start and again two seconds after each answer, for the whole workspace
 * (vscode-languageclient/lib/common/diagnostic.js, pullWorkspace) — a continuous load on a 2-core laptop,
 * with no command to start it and no progress a user can cancel; and the server would have to find the
 * files itself without knowing files.exclude or search.exclude. Here
 * the client lists the files (workspace.findFiles applies files.exclude; search.exclude and node_modules are
 * filtered in workspaceFiles.ts), the server checks them from disk in batches, and the results go into a
 * collection of their own. Documents open in the editor are left to the pulled diagnostics: their results
 * are never put in this collection (no duplicates), and a document that opens later leaves it.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic as LspDiagnostic } from 'vscode-languageclient/node';
import { CHECK_FILES_REQUEST, type CheckFilesResult } from '../../server/src/lsp/protocol';
import { CHECKED_GLOB, enabledPatterns, isExcluded } from './workspaceFiles';

export const CHECK_WORKSPACE_COMMAND = 'govsec.checkWorkspace';

/** Files per request: small enough that a cancellation is seen soon and progress moves. */
const BATCH = 10;
/** Enough for any specification repository; a larger workspace is checked up to this many files. */
const MAX_FILES = 5000;

export interface WorkspaceCheckSummary {
  readonly files: number;
  readonly withFindings: number;
  readonly diagnostics: number;
  readonly cancelled: boolean;
}

function isOpenDocument(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key && (document.languageId === 'markdown' || document.languageId === 'yaml'));
}

export class WorkspaceCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('govsec-workspace');
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** The files the last run checked, so a document closed later gets its disk result back. */
  private readonly checked = new Set<string>();

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.collection.delete(document.uri)),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (this.checked.has(document.uri.toString())) {
          void this.checkBatch([document.uri]);
        }
      }),
    );
  }

  /** The workspace's Markdown and YAML files, minus excluded ones and node_modules. */
  async files(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const found = await vscode.workspace.findFiles(CHECKED_GLOB, undefined, MAX_FILES, token);
    return found
      .filter((uri) => {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!folder) {
          return false;
        }
        const patterns = enabledPatterns(vscode.workspace.getConfiguration('search', folder.uri).get<Record<string, unknown>>('exclude'));
        return !isExcluded(vscode.workspace.asRelativePath(uri, false), patterns);
      })
      .sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  async run(): Promise<WorkspaceCheckSummary> {
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('govsec: checking the workspace'), cancellable: true },
      async (progress, token) => {
        this.collection.clear();
        this.checked.clear();
        const files = await this.files(token);
        let diagnostics = 0;
        let withFindings = 0;
        let done = 0;
        for (let start = 0; start < files.length && !token.isCancellationRequested; start += BATCH) {
          const batch = files.slice(start, start + BATCH);
          progress.report({ message: vscode.l10n.t('{0} of {1} files', done, files.length), increment: 0 });
          const counts = await this.checkBatch(batch, token);
          diagnostics += counts.diagnostics;
          withFindings += counts.withFindings;
          done += counts.files;
          progress.report({ increment: (100 * batch.length) / Math.max(files.length, 1) });
        }
        const summary = { files: done, withFindings, diagnostics, cancelled: token.isCancellationRequested };
        const message = summary.cancelled
          ? vscode.l10n.t('govsec: check cancelled after {0} of {1} files.', done, files.length)
          : vscode.l10n.t('govsec checked {0} files: {1} findings in {2} files (open documents are shown as you edit them).', done, diagnostics, withFindings);
        void vscode.window.showInformationMessage(message);
        return summary;
      },
    );
  }

  /** Checks files on disk and puts the results of those not open in the editor into the collection. */
  private async checkBatch(uris: readonly vscode.Uri[], token?: vscode.CancellationToken): Promise<{ files: number; withFindings: number; diagnostics: number }> {
    const client = this.client();
    if (!client) {
      return { files: 0, withFindings: 0, diagnostics: 0 };
    }
    let result: CheckFilesResult<LspDiagnostic>;
    try {
      result = await client.sendRequest<CheckFilesResult<LspDiagnostic>>(CHECK_FILES_REQUEST, { uris: uris.map((uri) => uri.toString()) }, token);
    } catch (error) {
      if (token?.isCancellationRequested) {
        return { files: 0, withFindings: 0, diagnostics: 0 };
      }
      throw error;
    }
    let withFindings = 0;
    let diagnostics = 0;
    for (const file of result.files) {
      const uri = vscode.Uri.parse(file.uri);
      this.checked.add(file.uri);
      if (isOpenDocument(uri)) {
        continue;
      }
      const converted = await client.protocol2CodeConverter.asDiagnostics([...file.diagnostics]);
      this.collection.set(uri, converted);
      diagnostics += converted.length;
      withFindings += converted.length > 0 ? 1 : 0;
    }
    return { files: result.files.length, withFindings, diagnostics };
  }

  dispose(): void {
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}
