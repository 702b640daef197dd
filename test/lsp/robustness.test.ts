import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { USER_DATA_PROBLEM_CODE } from '../../server/src/lsp/govsecServer';
import { WORKSPACE_TRUST_NOTIFICATION } from '../../server/src/lsp/protocol';
import { UNTRUSTED_MESSAGE } from '../../server/src/lsp/workspace';
import { repoRoot } from '../helpers';
import { InProcessServer } from './inProcessServer';

const DOCUMENT = '# メモ\n\nガバクラと政府共通ネットワークと申請受付基盤。\n';
const userTerms = (term = '申請受付基盤', extra = '') => `kind: terms
terms:
  - id: our-intake-platform
    term: ${term}
    reading: しんせいうけつけきばん
    english: Application intake platform (our project)
    category: system
    definition: { ja: 当プロジェクトの申請受付の共通基盤。, en: Our project's shared application intake platform. }
    sources: [{ title: 当プロジェクト基本設計書, url: "https://example.go.jp/design" }]
    asOf: 2026-11-01
    status: { state: current }
${extra}`;
const CONFIG = 'rules:\n  term/variant: off\nglossary:\n  - our-terms.yaml\n';

function makeFolder(prefix: string, config = CONFIG, terms = userTerms()): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(folder, '.govsec.yaml'), config);
  fs.writeFileSync(path.join(folder, 'our-terms.yaml'), terms);
  fs.writeFileSync(path.join(folder, 'memo.md'), DOCUMENT);
  return folder;
}

const uriOf = (file: string) => pathToFileURL(file).href;
const codes = (p: { diagnostics: { code: string }[] }) => p.diagnostics.map((d) => d.code);

describe('robustness: trust, broken user data, multi-root, cancellation (in-process server)', () => {
  let folders: string[] = [];
  let server: InProcessServer;

  beforeEach(() => {
    server = new InProcessServer();
  });

  afterEach(() => {
    server.dispose();
    folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true }));
    folders = [];
  });

  it('in an untrusted workspace loads no workspace file, says so, and loads them when trust is granted', async () => {
    const folder = makeFolder('govsec-trust-');
    folders.push(folder);
    const memo = uriOf(path.join(folder, 'memo.md'));
    await server.initialize({ folders: [uriOf(folder)], initializationOptions: { workspaceTrusted: false }, locale: 'ja' });
    await server.open(memo, 'markdown', DOCUMENT);
    const untrusted = await server.diagnostics(memo);
    // .govsec.yaml would turn term/variant off; the user's term would hover.
    assert.deepEqual(codes(untrusted), ['term/variant', 'term/deprecated']);
    assert.equal(await server.hover(memo, 2, 21), null);
    assert.ok(server.log.includes(`govsec: ${UNTRUSTED_MESSAGE}`), server.log.join('\n'));

    await server.client.sendNotification(WORKSPACE_TRUST_NOTIFICATION, { trusted: true });
    const trusted = await server.diagnostics(memo, (p) => p !== untrusted && p.diagnostics.length === 1);
    assert.deepEqual(codes(trusted), ['term/deprecated']);
    const hover = await server.hover(memo, 2, 21);
    assert.ok(hover?.contents.value.startsWith('**申請受付基盤**（しんせいうけつけきばん）'), hover?.contents.value);
    assert.ok(server.log.some((line) => line.startsWith('govsec: workspace trusted: loading')));
  });

  it('an untrusted workspace does not load its imported ISMAP list', async () => {
    const folder = makeFolder('govsec-trust-list-');
    folders.push(folder);
    fs.mkdirSync(path.join(folder, '.govsec'));
    fs.writeFileSync(path.join(folder, '.govsec', 'ismap-list.yaml'), 'kind: [broken\n');
    await server.initialize({ folders: [uriOf(folder)], initializationOptions: { workspaceTrusted: false }, locale: 'ja' });
    await server.open(uriOf(path.join(folder, 'memo.md')), 'markdown', DOCUMENT);
    await server.diagnostics(uriOf(path.join(folder, 'memo.md')));
    // Not even read: no problem is reported for it.
    assert.equal(server.published.get(uriOf(path.join(folder, '.govsec', 'ismap-list.yaml'))), undefined);
    assert.ok(!server.log.some((line) => line.includes('ismap-list.yaml')), server.log.join('\n'));
  });

  it('shows a broken glossary file as a diagnostic at its line, keeps the last good glossary, and reloads when fixed', async () => {
    const folder = makeFolder('govsec-broken-');
    folders.push(folder);
    const memo = uriOf(path.join(folder, 'memo.md'));
    const termsFile = path.join(folder, 'our-terms.yaml');
    await server.initialize({ folders: [uriOf(folder)], locale: 'ja' });
    await server.open(memo, 'markdown', DOCUMENT);
    await server.diagnostics(memo);
    assert.ok((await server.hover(memo, 2, 21))?.contents.value.startsWith('**申請受付基盤**'));

    // A second entry with the same id on line 12: a duplicate id.
    fs.writeFileSync(termsFile, userTerms('申請受付基盤', userTerms('重複').split('\n').slice(2).join('\n')));
    await server.changeFiles([uriOf(termsFile)]);
    const broken = await server.diagnostics(uriOf(termsFile), (p) => p.diagnostics.length > 0);
    assert.equal(broken.diagnostics[0].code, USER_DATA_PROBLEM_CODE);
    assert.equal(broken.diagnostics[0].severity, 1);
    assert.equal(broken.diagnostics[0].range.start.line, 11);
    assert.match(broken.diagnostics[0].message, /our-intake-platform/);
    assert.ok(server.log.some((line) => line.includes(`${termsFile}:12:`) && line.endsWith('(the last good version stays in force)')), server.log.join('\n'));
    // The last good glossary stays: the term still hovers.
    assert.ok((await server.hover(memo, 2, 21))?.contents.value.startsWith('**申請受付基盤**'));

    fs.writeFileSync(termsFile, userTerms());
    await server.changeFiles([uriOf(termsFile)]);
    const fixed = await server.diagnostics(uriOf(termsFile), (p) => p !== broken && p.diagnostics.length === 0);
    assert.deepEqual(fixed.diagnostics, []);
  });

  it('shows a YAML syntax error in .govsec.yaml at its line, and an unreadable glossary at line 1', async () => {
    const folder = makeFolder('govsec-broken-config-', 'rules:\n  term/variant: off\nglossary:\n  - missing-terms.yaml\n');
    folders.push(folder);
    const memo = uriOf(path.join(folder, 'memo.md'));
    await server.initialize({ folders: [uriOf(folder)], locale: 'ja' });
    await server.open(memo, 'markdown', DOCUMENT);
    const missing = await server.diagnostics(uriOf(path.join(folder, 'missing-terms.yaml')), (p) => p.diagnostics.length > 0);
    assert.deepEqual(missing.diagnostics[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    // The client's locale is Japanese: so is the framing; the system's code stays as it is.
    assert.equal(missing.diagnostics[0].message, '用語集ファイルを読めません（ENOENT）（直前の正しい版を引き続き使います）');

    const configFile = path.join(folder, '.govsec.yaml');
    fs.writeFileSync(configFile, '# comment\nrules:\n  term/variant off: [\n');
    await server.changeFiles([uriOf(configFile)]);
    const broken = await server.diagnostics(uriOf(configFile), (p) => p.diagnostics.length > 0);
    assert.match(broken.diagnostics[0].message, /^YAML: /);
    assert.ok(broken.diagnostics.every((d) => d.range.start.line >= 2), JSON.stringify(broken.diagnostics));
    // The last good configuration (term/variant off) stays in force.
    const kept = await server.diagnostics(memo, (p) => p.diagnostics.length === 1);
    assert.deepEqual(codes(kept), ['term/deprecated']);

    // Deleting the broken file removes its diagnostics; the folder then has no configuration.
    fs.rmSync(configFile);
    await server.changeFiles([uriOf(configFile)]);
    await server.diagnostics(uriOf(configFile), (p) => p !== broken && p.diagnostics.length === 0);
    await server.diagnostics(memo, (p) => p.diagnostics.length === 2);
  });

  it('in a multi-root workspace each folder’s configuration and glossary apply to its own documents', async () => {
    const first = makeFolder('govsec-root-a-');
    const second = makeFolder('govsec-root-b-', 'rules:\n  term/deprecated: off\n', 'kind: terms\nterms: []\n');
    folders.push(first, second);
    await server.initialize({ folders: [uriOf(first), uriOf(second)], locale: 'ja' });
    const a = uriOf(path.join(first, 'memo.md'));
    const b = uriOf(path.join(second, 'memo.md'));
    await server.open(a, 'markdown', DOCUMENT);
    await server.open(b, 'markdown', DOCUMENT);
    assert.deepEqual(codes(await server.diagnostics(a)), ['term/deprecated']);
    assert.deepEqual(codes(await server.diagnostics(b)), ['term/variant']);
    assert.ok((await server.hover(a, 2, 21))?.contents.value.startsWith('**申請受付基盤**'));
    assert.equal(await server.hover(b, 2, 21), null);
  });

  it('shows a broken imported ISMAP list as a diagnostic at its line, and clears it when the file is fixed', async () => {
    const folder = makeFolder('govsec-broken-list-');
    folders.push(folder);
    const listFile = path.join(folder, '.govsec', 'ismap-list.yaml');
    fs.mkdirSync(path.dirname(listFile));
    fs.writeFileSync(listFile, 'kind: ismap-list\nname: [broken\n');
    await server.initialize({ folders: [uriOf(folder)], locale: 'ja' });
    const broken = await server.diagnostics(uriOf(listFile), (p) => p.diagnostics.length > 0);
    assert.deepEqual(
      broken.diagnostics.map((d) => [d.code, d.range.start.line]),
      [[USER_DATA_PROBLEM_CODE, 2]],
    );
    assert.equal(broken.diagnostics[0].message, 'YAML: インデントが揃っていないか、括弧が閉じていません（直前の正しい版を引き続き使います）');
    assert.ok(server.shownMessages.some((message) => message.startsWith(`govsec: ISMAP 一覧 ${listFile} を読み込めないため、直前の一覧を引き続き使います（${listFile}:3:1: YAML: `)), server.shownMessages.join('\n'));
    fs.rmSync(listFile);
    await server.changeFiles([uriOf(listFile)]);
    await server.diagnostics(uriOf(listFile), (p) => p !== broken && p.diagnostics.length === 0);
  });

  it('applies the configuration of a workspace folder added later', async () => {
    const first = makeFolder('govsec-root-first-');
    const added = makeFolder('govsec-root-added-', 'rules:\n  term/*: off\n', 'kind: terms\nterms: []\n');
    folders.push(first, added);
    await server.initialize({ folders: [uriOf(first)] });
    await server.client.sendNotification('workspace/didChangeWorkspaceFolders', {
      event: { added: [{ uri: uriOf(added), name: 'added' }], removed: [] },
    });
    const memo = uriOf(path.join(added, 'memo.md'));
    await server.open(memo, 'markdown', DOCUMENT);
    assert.deepEqual(codes(await server.diagnostics(memo)), []);
    assert.deepEqual(server.server.workspace.folderPaths.sort(), [first, added].sort());
  });

  it('a request cancelled right after it is sent does no analysis and answers cancelled', async () => {
    await server.initialize({ pull: true });
    const uri = 'untitled:cancel.md';
    await server.open(uri, 'markdown', DOCUMENT);
    const before = server.server.cache.analysesRun;
    const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
    const source = new CancellationTokenSource();
    const request = server.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } }, source.token);
    source.cancel();
    // ServerCancelled must ask the client to pull again (retriggerRequest): vscode-languageclient otherwise
    // drops the document's pull for good, even the one it scheduled for a newer version.
    await assert.rejects(
      request,
      (error: { code?: number; data?: { retriggerRequest?: boolean } }) =>
        (error.code === -32802 && error.data?.retriggerRequest === true) || error.code === -32800,
    );
    assert.equal(server.server.cache.analysesRun, before);
    // The next request does the work.
    const report = await server.client.sendRequest<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.items.length, 2);
    assert.equal(server.server.cache.analysesRun, before + 1);
  });

  it('a pull made stale by an edit answers ServerCancelled asking the client to pull again', async () => {
    await server.initialize({ pull: true });
    const uri = 'untitled:large.md';
    // Over 64K characters: the server waits for a pause in typing before it checks.
    const text = `${'本文の行。\n'.repeat(12_000)}移行先はガバクラとする。\n`;
    await server.open(uri, 'markdown', text);
    const request = server.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    await server.client.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: `${text}追記。\n` }],
    });
    await assert.rejects(request, (error: { code?: number; data?: { retriggerRequest?: boolean } }) => {
      assert.equal(error.code, -32802);
      assert.deepEqual(error.data, { retriggerRequest: true });
      return true;
    });
    const report = await server.client.sendRequest<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((item) => item.code), ['term/variant']);
  });

  it('hovers a large document around the cursor before it is checked, without analysing it', async () => {
    await server.initialize({ pull: true, locale: 'ja' });
    const uri = 'untitled:large-hover.md';
    const text = `${'本文の行。\n'.repeat(12_000)}移行先はガバクラとする。\n`;
    await server.open(uri, 'markdown', text);
    const before = server.server.cache.analysesRun;
    const hover = (await server.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 12_000, character: 5 } })) as {
      contents: { value: string };
      range: unknown;
    };
    assert.deepEqual(hover.range, { start: { line: 12_000, character: 4 }, end: { line: 12_000, character: 8 } });
    assert.match(hover.contents.value, /ガバメントクラウド/);
    assert.equal(server.server.cache.analysesRun, before);
    // Once the document is checked, the hover reads its analysis (the same card).
    await server.client.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
    const checked = await server.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 12_000, character: 5 } });
    assert.deepEqual(checked, hover);
    assert.equal(server.server.cache.analysesRun, before + 1);
  });

  it('hovers a term beyond the checked part of a long document', async () => {
    await server.initialize({ pull: true, locale: 'ja', initializationOptions: { settings: { limits: { maxDocumentLength: 1000 } } } });
    const uri = 'untitled:long.md';
    await server.open(uri, 'markdown', `${'本文の行。\n'.repeat(300)}移行先はガバクラとする。\n`);
    const report = await server.client.sendRequest<{ items: { code: string }[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((item) => item.code), ['limits/document-size']);
    const hover = (await server.client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 300, character: 4 } })) as { range: unknown } | null;
    assert.deepEqual(hover?.range, { start: { line: 300, character: 4 }, end: { line: 300, character: 8 } });
  });

  it('a push whose timer fires after the client went away throws nothing', async () => {
    await server.initialize();
    const uri = 'untitled:late.md';
    await server.open(uri, 'markdown', DOCUMENT);
    await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: `${DOCUMENT}追記。\n` }] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The edit's push waits for the typing pause (250 ms); the connection closes before it fires.
    server.dispose();
    const uncaught: unknown[] = [];
    const listener = (error: unknown) => uncaught.push(error);
    process.on('uncaughtException', listener);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
    } finally {
      process.off('uncaughtException', listener);
    }
    assert.deepEqual(uncaught.map(String), []);
  });

  it('reports its version from package.json', async () => {
    const result = await server.initialize();
    assert.equal(result.serverInfo?.version, JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version);
  });
});

describe('robustness: hostile glossary data', () => {
  let folder: string;
  let server: InProcessServer;

  before(() => {
    // Markdown links, a command: URI and HTML in every text field; a spelling that is a catastrophic regex.
    const hostile = `kind: terms
terms:
  - id: hostile
    term: "(a+)+$"
    reading: あ
    english: "[run](command:workbench.action.terminal.new) <img src=x onerror=alert(1)>"
    category: concept
    definition: { ja: "[実行](command:workbench.action.terminal.sendSequence?%7B%7D)", en: "<script>alert(1)</script> ![x](https://example.com/x.png)" }
    sources: [{ title: "[t](command:x)", url: "https://example.com/a)(command:x" }]
    asOf: 2026-11-01
    status: { state: current }
  - id: hostile-word
    term: ZZ危険語
    reading: あ
    english: "[run](command:workbench.action.terminal.new)"
    category: concept
    definition: { ja: "[実行](command:x) <img src=x>", en: "<script>alert(1)</script>" }
    sources: [{ title: "[t](command:x)", url: "https://example.com/b" }]
    asOf: 2026-11-01
    status: { state: current }
`;
    folder = makeFolder('govsec-hostile-', 'glossary:\n  - our-terms.yaml\n', hostile);
    server = new InProcessServer();
  });

  after(() => {
    server.dispose();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('escapes everything in the hover card and never links a command: URI', async () => {
    await server.initialize({ folders: [uriOf(folder)], locale: 'ja' });
    const uri = uriOf(path.join(folder, 'memo.md'));
    // A long run of "a" then a mismatch: exponential for a backtracking regex, linear for the literal matcher.
    const text = `${'a'.repeat(40_000)}!\n(a+)+$ です。\n`;
    await server.open(uri, 'markdown', text);
    const started = Date.now();
    const hover = await server.hover(uri, 1, 2);
    assert.ok(Date.now() - started < 2000, `hover took ${Date.now() - started} ms`);
    assert.ok(hover, 'the literal spelling "(a+)+$" hovers');
    const value = hover.contents.value;
    assert.doesNotMatch(value, /\]\(command:/);
    // HTML only as escaped text.
    assert.doesNotMatch(value, /(?<!\\)<(img|script|\/script)/);
    assert.ok(value.includes('\\[run\\]\\(command:workbench'), value);
    // The source URL is https: it is a link, with its parentheses percent-encoded so it cannot end early.
    assert.ok(value.includes('(https://example.com/a%29%28command:x)'), value);
  });

  it('escapes the completion documentation built from the same data', async () => {
    const uri = uriOf(path.join(folder, 'completion.md'));
    await server.open(uri, 'markdown', 'ZZ危\n');
    const list = await server.client.sendRequest<{ items: { label: string; documentation?: { kind: string; value: string } }[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: 3 },
    });
    const item = list.items.find((candidate) => candidate.label === 'ZZ危険語');
    assert.ok(item?.documentation, JSON.stringify(list.items.map((candidate) => candidate.label)));
    assert.equal(item.documentation.kind, 'markdown');
    assert.doesNotMatch(item.documentation.value, /\]\(command:/);
    assert.doesNotMatch(item.documentation.value, /(?<!\\)<(img|script|\/script)/);
    assert.ok(item.documentation.value.includes('\\[実行\\]\\(command:x\\)'), item.documentation.value);
  });
});

describe('robustness: process faults', () => {
  it('the server exits when the client process named in initialize goes away', async function () {
    this.timeout(15_000);
    const parent = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    const server = spawn(process.execPath, [path.join(repoRoot, 'bin', 'govsec-language-server.js'), '--stdio'], { stdio: 'pipe' });
    const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
    connection.onNotification('window/logMessage', () => undefined);
    connection.listen();
    try {
      await connection.sendRequest('initialize', { processId: parent.pid, rootUri: null, capabilities: {} });
      const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
      const killedAt = Date.now();
      parent.kill('SIGKILL');
      const code = await exited;
      // vscode-languageserver polls the parent every 3 s; no shutdown request came, so the exit code is 1.
      assert.equal(code, 1);
      assert.ok(Date.now() - killedAt < 10_000);
    } finally {
      connection.dispose();
      parent.kill('SIGKILL');
      server.kill('SIGKILL');
    }
  });

  it('govsec check never writes to the files it checks', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-readonly-'));
    try {
      fs.writeFileSync(path.join(folder, 'spec.md'), DOCUMENT);
      fs.writeFileSync(path.join(folder, 'profile.yaml'), 'system:\n  platform: ガバクラ\n');
      const before = fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8'), fs.statSync(path.join(folder, name)).mtimeMs]);
      const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', '.'], { cwd: folder, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      const after = fs.readdirSync(folder).map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8'), fs.statSync(path.join(folder, name)).mtimeMs]);
      assert.deepEqual(after, before);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('govsec --version prints the package.json version', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), '--version'], { encoding: 'utf8' });
    assert.equal(result.stdout, `${JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version}\n`);
  });
});
