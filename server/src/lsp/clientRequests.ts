/**
 * The custom requests behind the VS Code client's status bar and commands (method names and types in
 * protocol.ts): what applies to a document, the glossary's figures, terms and cards, importing the official
 * ISMAP list into a workspace folder, and checking files on disk for "govsec: Check workspace".
 */

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection, Diagnostic } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKED_EXTENSIONS, readDocument } from '../cli/files';
import { knowledgeFigures, newestTermDate } from '../features/knowledgeFigures';
import { termCard } from '../features/hover';
import type { Knowledge } from '../knowledge';
import { DEFAULT_ISMAP_LIST_FILE, ismapListAge, localDate } from '../services/ismapList';
import { importIsmapListFile } from '../services/ismapListImport';
import { AnalysisCache, documentPath } from './analysisCache';
import * as handlers from './handlers';
import {
  CHECK_FILES_REQUEST,
  GLOSSARY_STATS_REQUEST,
  GLOSSARY_TERMS_REQUEST,
  IMPORT_ISMAP_LIST_REQUEST,
  STATUS_REQUEST,
  TERM_CARD_REQUEST,
  type CheckedFile,
  type CheckFilesParams,
  type CheckFilesResult,
  type GlossaryStats,
  type GlossaryTermItem,
  type GovsecStatus,
  type ImportIsmapListParams,
  type ImportIsmapListResult,
  type StatusParams,
  type TermCard,
  type TermCardParams,
} from './protocol';
import type { GovsecWorkspace } from './workspace';

export interface ClientRequestsHost {
  readonly context: handlers.HandlerContext;
  readonly workspace: GovsecWorkspace;
  /** The bundled knowledge: a folder whose ISMAP list is another one uses its imported list. */
  readonly bundled: Knowledge;
  /** The workspace's data changed (an imported list): forget analyses and re-check open documents. */
  readonly refresh: () => void;
}

/** Requests without a document speak of the documents outside folders (bundled knowledge and settings). */
const NO_DOCUMENT = 'untitled:govsec';

export function status(host: ClientRequestsHost, uri: string | undefined): GovsecStatus {
  const setup = host.context.setupFor(uri ?? NO_DOCUMENT);
  const { glossary, ismapList: list } = setup.knowledge;
  const imported = list !== host.bundled.ismapList;
  const root = imported && uri !== undefined ? host.workspace.folderRootOf(uri) : undefined;
  const { currentUntil, stale } = ismapListAge(list, localDate(new Date()));
  return {
    trusted: host.workspace.trusted,
    language: host.context.language(),
    glossary: { terms: glossary.terms.length, asOf: newestTermDate(setup.knowledge), userFiles: [...setup.glossaryFiles] },
    ismapList: {
      name: list.name,
      asOf: list.asOf,
      count: list.entries.length,
      partial: list.partial,
      origin: imported ? 'imported' : 'bundled',
      ...(root !== undefined ? { file: path.join(root, DEFAULT_ISMAP_LIST_FILE) } : {}),
      currentUntil,
      stale,
    },
  };
}

export function glossaryStats(host: ClientRequestsHost, uri: string | undefined): GlossaryStats {
  return knowledgeFigures(host.context.setupFor(uri ?? NO_DOCUMENT).knowledge);
}

export function glossaryTerms(host: ClientRequestsHost, uri: string | undefined): GlossaryTermItem[] {
  return host.context
    .setupFor(uri ?? NO_DOCUMENT)
    .knowledge.glossary.terms.map((term) => ({
      id: term.id,
      term: term.term,
      reading: term.reading,
      english: term.english,
      category: term.category,
      superseded: term.status.state === 'superseded',
    }))
    .sort((a, b) => a.reading.localeCompare(b.reading, 'ja') || a.id.localeCompare(b.id));
}

export function glossaryTermCard(host: ClientRequestsHost, params: TermCardParams): TermCard | null {
  const { glossary } = host.context.setupFor(params.uri ?? NO_DOCUMENT).knowledge;
  const term = glossary.term(params.id);
  return term ? { id: term.id, term: term.term, markdown: termCard(term, glossary, host.context.language()) } : null;
}

export function importIsmapList(host: ClientRequestsHost, params: ImportIsmapListParams): ImportIsmapListResult {
  // An untrusted workspace's files are not loaded; writing one there would also act on the user's behalf.
  if (!host.workspace.trusted) {
    return { ok: false, reason: 'untrusted', problems: [] };
  }
  const folder = documentPath(params.folderUri);
  const root = folder === undefined ? undefined : host.workspace.folderPaths.find((candidate) => candidate === path.resolve(folder));
  const input = documentPath(params.fileUri);
  if (root === undefined || input === undefined) {
    return { ok: false, reason: root === undefined ? 'not-a-folder' : 'not-found', problems: [] };
  }
  const output = path.join(root, DEFAULT_ISMAP_LIST_FILE);
  const outcome = importIsmapListFile(input, output, { date: params.date, program: params.program, shownName: path.basename(input) });
  const language = host.context.language();
  const problems = outcome.problems.map((problem) => ({ line: problem.line, message: problem.message[language] }));
  if (!outcome.ok) {
    return { ...outcome, problems };
  }
  // The file watcher would notice too, later; the list applies as soon as this answer arrives.
  host.workspace.filesChanged([output]);
  host.refresh();
  return { ...outcome, problems, output };
}

function languageIdOf(file: string): string {
  return /\.ya?ml$/i.test(file) ? 'yaml' : 'markdown';
}

/**
 * Checks files on disk with a cache of their own (the open documents' analyses stay as they are). Yields
 * between files, so a cancellation is seen and other requests are answered meanwhile.
 */
export async function checkFiles(host: ClientRequestsHost, params: CheckFilesParams, token?: CancellationToken): Promise<CheckFilesResult<Diagnostic>> {
  // The workspace's setup directly: the server's own setupFor logs each document it is first used for, which
  // for a whole workspace would flood the output channel.
  const cache = new AnalysisCache((uri) => host.workspace.setupFor(uri));
  const context = { ...host.context, cache };
  const files: CheckedFile<Diagnostic>[] = [];
  for (const uri of params.uris) {
    await new Promise((resolve) => setImmediate(resolve));
    if (token?.isCancellationRequested) {
      break;
    }
    const file = uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
    if (file === undefined || !CHECKED_EXTENSIONS.test(file)) {
      const notChecked = { ja: 'Markdown でも YAML でもないファイルです', en: 'not a Markdown or YAML file' };
      files.push({ uri, diagnostics: [], skipped: notChecked[host.context.language()] });
      continue;
    }
    const read = readDocument(file);
    if (!read.ok) {
      files.push({ uri, diagnostics: [], skipped: read.reason[host.context.language()] });
      continue;
    }
    const document = TextDocument.create(uri, languageIdOf(file), 0, read.text);
    files.push({ uri, diagnostics: handlers.diagnostics(context, document) });
    cache.delete(uri);
  }
  return { files };
}

export function registerClientRequests(connection: Connection, host: ClientRequestsHost): void {
  connection.onRequest(STATUS_REQUEST, (params: StatusParams | undefined) => status(host, params?.uri));
  connection.onRequest(GLOSSARY_STATS_REQUEST, (params: StatusParams | undefined) => glossaryStats(host, params?.uri));
  connection.onRequest(GLOSSARY_TERMS_REQUEST, (params: StatusParams | undefined) => glossaryTerms(host, params?.uri));
  connection.onRequest(TERM_CARD_REQUEST, (params: TermCardParams) => glossaryTermCard(host, params));
  connection.onRequest<ImportIsmapListResult, void>(IMPORT_ISMAP_LIST_REQUEST, (params: ImportIsmapListParams) => importIsmapList(host, params));
  connection.onRequest(CHECK_FILES_REQUEST, (params: CheckFilesParams, token: CancellationToken) => checkFiles(host, params, token));
}
