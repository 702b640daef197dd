/**
 * The custom requests behind the VS Code status bar and commands (server/src/lsp/clientRequests.ts), over
 * JSON-RPC against an in-process server: exact data back, the import written as the CLI writes it, and
 * files checked from disk with the same diagnostics as the open document gets.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CHECK_FILES_REQUEST,
  GLOSSARY_STATS_REQUEST,
  GLOSSARY_TERMS_REQUEST,
  IMPORT_ISMAP_LIST_REQUEST,
  STATUS_REQUEST,
  TERM_CARD_REQUEST,
  WORKSPACE_TRUST_NOTIFICATION,
  type CheckFilesResult,
  type GlossaryStats,
  type GlossaryTermItem,
  type GovsecStatus,
  type ImportIsmapListResult,
  type TermCard,
} from '../../server/src/lsp/protocol';
import { termCard } from '../../server/src/features/hover';
import { knowledgeFigures } from '../../server/src/features/knowledgeFigures';
import { resolveLanguage } from '../../server/src/language';
import { localDate } from '../../server/src/services/ismapList';
import { bundledKnowledge, repoRoot } from '../helpers';
import { InProcessServer } from './inProcessServer';
import type { PublishedDiagnostics } from './lspClient';

const BUNDLED_LIST = {
  name: 'govsec bundled ISMAP list (partial)',
  asOf: '2026-09-15',
  count: 10,
  partial: true,
  origin: 'bundled',
  currentUntil: '2026-12-15',
  // The server's clock: the bundled list is stale after 2026-12-15.
  stale: localDate(new Date()) > '2026-12-15',
} as const;

describe('custom requests for the VS Code status bar and commands', () => {
  let folder: string;
  let folderUri: string;
  let server: InProcessServer;
  const csv = path.join(repoRoot, 'test', 'fixtures', 'ismap', 'official-utf8-bom.csv');

  beforeEach(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-client-requests-'));
    folderUri = pathToFileURL(folder).href;
    server = new InProcessServer();
  });

  afterEach(() => {
    server.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const docUri = () => pathToFileURL(path.join(folder, 'spec.md')).href;

  it('govsec/status: the bundled glossary and the bundled partial ISMAP list, trusted, in the client locale', async () => {
    await server.initialize({ folders: [folderUri] });
    const status = await server.client.sendRequest<GovsecStatus>(STATUS_REQUEST, { uri: docUri() });
    const terms = bundledKnowledge().glossary.terms;
    const newest = terms.map((term) => term.asOf).reduce((a, b) => (b > a ? b : a));
    assert.deepEqual(status, {
      trusted: true,
      // No locale sent: the environment's language.
      language: resolveLanguage('auto', undefined),
      glossary: { terms: terms.length, asOf: newest, userFiles: [] },
      ismapList: BUNDLED_LIST,
    });
    assert.equal(terms.length, 149);
    assert.match(newest, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('govsec/status follows the client locale and reports an untrusted workspace', async () => {
    await server.client.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      locale: 'ja',
      workspaceFolders: [{ uri: folderUri, name: 'f' }],
      capabilities: {},
      initializationOptions: { workspaceTrusted: false },
    });
    await server.client.sendNotification('initialized', {});
    const status = await server.client.sendRequest<GovsecStatus>(STATUS_REQUEST, {});
    assert.equal(status.trusted, false);
    assert.equal(status.language, 'ja');
    assert.deepEqual(status.ismapList, BUNDLED_LIST);
    // The glossary card is in the same language as everything else the server says.
    const knowledge = bundledKnowledge();
    const card = await server.client.sendRequest<TermCard | null>(TERM_CARD_REQUEST, { id: 'gov-cloud' });
    assert.equal(card?.markdown, termCard(knowledge.glossary.term('gov-cloud')!, knowledge.glossary, 'ja'));
    assert.notEqual(card?.markdown, termCard(knowledge.glossary.term('gov-cloud')!, knowledge.glossary, 'en'));
  });

  it('govsec/importIsmapList writes .govsec/ismap-list.yaml as the CLI does; status, hover and stats use it at once', async () => {
    await server.initialize({ folders: [folderUri] });
    const result = await server.client.sendRequest<ImportIsmapListResult>(IMPORT_ISMAP_LIST_REQUEST, {
      fileUri: pathToFileURL(csv).href,
      folderUri,
      date: '2026-11-01',
    });
    const output = path.join(folder, '.govsec', 'ismap-list.yaml');
    assert.deepEqual(result, { ok: true, imported: 4, rows: 4, asOf: '2026-11-01', layout: 'csv', problems: [], output });
    const written = fs.readFileSync(output, 'utf8');
    assert.match(written, /^# ISMAP list imported by govsec from "official-utf8-bom\.csv" on \d{4}-\d{2}-\d{2}\n/);
    assert.match(written, /\nasOf: 2026-11-01\npartial: false\n/);
    // No temporary file left beside it (the write is a rename).
    assert.deepEqual(fs.readdirSync(path.join(folder, '.govsec')), ['ismap-list.yaml']);

    const status = await server.client.sendRequest<GovsecStatus>(STATUS_REQUEST, { uri: docUri() });
    assert.deepEqual(status.ismapList, {
      name: status.ismapList.name,
      asOf: '2026-11-01',
      count: 4,
      partial: false,
      origin: 'imported',
      file: output,
      currentUntil: '2027-02-01',
      stale: localDate(new Date()) > '2027-02-01',
    });
    const stats = await server.client.sendRequest<GlossaryStats>(GLOSSARY_STATS_REQUEST, { uri: docUri() });
    assert.deepEqual(stats.ismapList, { name: status.ismapList.name, count: 4, asOf: '2026-11-01', partial: false, imported: true });
    // A document outside the folder keeps the bundled list.
    const outside = await server.client.sendRequest<GovsecStatus>(STATUS_REQUEST, {});
    assert.deepEqual(outside.ismapList, BUNDLED_LIST);
  });

  it('govsec/importIsmapList refuses an untrusted workspace, a folder that is not the server\'s, and a file without valid rows', async () => {
    await server.initialize({ folders: [folderUri], initializationOptions: { workspaceTrusted: false } });
    const params = { fileUri: pathToFileURL(csv).href, folderUri };
    assert.deepEqual(await server.client.sendRequest(IMPORT_ISMAP_LIST_REQUEST, params), { ok: false, reason: 'untrusted', problems: [] });
    assert.equal(fs.existsSync(path.join(folder, '.govsec')), false);

    await server.client.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
    const elsewhere = pathToFileURL(os.tmpdir()).href;
    assert.deepEqual(await server.client.sendRequest(IMPORT_ISMAP_LIST_REQUEST, { ...params, folderUri: elsewhere }), {
      ok: false,
      reason: 'not-a-folder',
      problems: [],
    });
    const shell = pathToFileURL(path.join(repoRoot, 'test', 'fixtures', 'ismap', 'portal-list-shell.html')).href;
    const empty = await server.client.sendRequest<ImportIsmapListResult>(IMPORT_ISMAP_LIST_REQUEST, { ...params, fileUri: shell });
    assert.equal(empty.ok, false);
    assert.equal(!empty.ok && empty.reason, 'no-valid-row');
    const missing = pathToFileURL(path.join(folder, 'no-such.csv')).href;
    assert.deepEqual(await server.client.sendRequest(IMPORT_ISMAP_LIST_REQUEST, { ...params, fileUri: missing }), { ok: false, reason: 'not-found', problems: [] });
    assert.equal(fs.existsSync(path.join(folder, '.govsec', 'ismap-list.yaml')), false);
  });

  it('govsec/glossaryStats: the figures of the knowledge in force', async () => {
    await server.initialize({ folders: [folderUri] });
    const stats = await server.client.sendRequest<GlossaryStats>(GLOSSARY_STATS_REQUEST, { uri: docUri() });
    const knowledge = bundledKnowledge();
    assert.equal(stats.terms.count, 149);
    assert.equal(stats.terms.categories.reduce((n, row) => n + row.count, 0), 149);
    assert.equal(stats.terms.spellings, knowledge.glossary.spellings.length);
    assert.equal(stats.services.count, 127);
    assert.deepEqual(stats.ismapList, { name: BUNDLED_LIST.name, count: 10, asOf: '2026-09-15', partial: true, imported: false });
    assert.deepEqual(
      stats.catalogues.map((catalogue) => catalogue.id),
      knowledge.catalogues!.ids(),
    );
    // The whole answer is the figures the CLI's stats table is built from.
    assert.deepEqual(stats, knowledgeFigures(knowledge));
  });

  it('govsec/glossaryTerms lists every term sorted by reading; govsec/termCard gives its hover card', async () => {
    await server.initialize({ folders: [folderUri] });
    const terms = await server.client.sendRequest<GlossaryTermItem[]>(GLOSSARY_TERMS_REQUEST, { uri: docUri() });
    assert.equal(terms.length, 149);
    const govcloud = terms.find((term) => term.id === 'gov-cloud');
    assert.ok(govcloud, JSON.stringify(terms.slice(0, 3)));
    assert.deepEqual(govcloud, { id: 'gov-cloud', term: 'ガバメントクラウド', reading: 'ガバメントクラウド', english: 'Government Cloud (Japan)', category: 'system', superseded: false });
    const readings = terms.map((term) => term.reading);
    assert.deepEqual(readings, [...readings].sort((a, b) => a.localeCompare(b, 'ja')));

    const card = await server.client.sendRequest<TermCard | null>(TERM_CARD_REQUEST, { id: 'gov-cloud', uri: docUri() });
    const knowledge = bundledKnowledge();
    assert.deepEqual(card, { id: 'gov-cloud', term: 'ガバメントクラウド', markdown: termCard(knowledge.glossary.term('gov-cloud')!, knowledge.glossary, resolveLanguage('auto', undefined)) });
    assert.equal(await server.client.sendRequest(TERM_CARD_REQUEST, { id: 'no-such-term' }), null);
  });

  it('govsec/checkFiles checks files on disk as the open document would be, and says why others were skipped', async () => {
    const text = '# メモ\n\n移行先はガバクラとする。\n';
    fs.writeFileSync(path.join(folder, 'spec.md'), text);
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'ガバクラ\n');
    fs.writeFileSync(path.join(folder, 'plan.yaml'), 'platform: ガバクラ\n');
    await server.initialize({ folders: [folderUri] });
    const uris = ['spec.md', 'notes.txt', 'plan.yaml', 'gone.md'].map((name) => pathToFileURL(path.join(folder, name)).href);
    const result = await server.client.sendRequest<CheckFilesResult<PublishedDiagnostics['diagnostics'][number]>>(CHECK_FILES_REQUEST, { uris });
    assert.deepEqual(
      result.files.map((file) => [path.basename(file.uri), file.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.character}`), file.skipped]),
      [
        ['spec.md', ['term/variant@2:4-8'], undefined],
        ['notes.txt', [], 'not a Markdown or YAML file'],
        ['plan.yaml', ['term/variant@0:10-14'], undefined],
        ['gone.md', [], 'no such file'],
      ],
    );
    // The same diagnostics as the document gets when it is opened.
    await server.open(uris[0], 'markdown', text);
    const published = await server.diagnostics(uris[0]);
    assert.deepEqual(result.files[0].diagnostics, published.diagnostics);
  });

  it('govsec/checkFiles stops at a cancellation', async () => {
    await server.initialize({ folders: [folderUri] });
    for (let i = 0; i < 50; i++) {
      fs.writeFileSync(path.join(folder, `doc${i}.md`), 'ガバクラ\n'.repeat(200));
    }
    const uris = Array.from({ length: 50 }, (_, i) => pathToFileURL(path.join(folder, `doc${i}.md`)).href);
    const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
    const source = new CancellationTokenSource();
    const pending = server.client.sendRequest<CheckFilesResult>(CHECK_FILES_REQUEST, { uris }, source.token);
    setImmediate(() => source.cancel());
    const result = await pending.catch((error: Error) => ({ files: [], error }));
    // Either the request was cancelled outright or it answered early with fewer files than asked.
    assert.ok(result.files.length < 50, `checked ${result.files.length} files after the cancellation`);
  });
});
