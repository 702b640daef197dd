import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { USER_DATA_PROBLEM_CODE } from '../../server/src/lsp/govsecServer';
import { InProcessServer } from './inProcessServer';

/**
 * The language of hovers and completion details over the protocol: the client's locale from `initialize`,
 * overridden by the govsec.language setting (given in initializationOptions.settings, or changed later by
 * workspace/didChangeConfiguration from a client that does not answer workspace/configuration).
 */

const URI = 'untitled:language.md';
// Line 0: a term to hover; line 1: a cue and a typed ISMAP prefix to complete.
const TEXT = 'ガバクラ上に構築する。\nISMAP管理策 9.1.\n';

type CompletionList = { items: { label: string; detail?: string }[] };

async function hoverFirstLine(server: InProcessServer): Promise<string> {
  const hover = await server.hover(URI, 0, 1);
  assert.ok(hover, 'no hover');
  return hover.contents.value.split('\n')[0];
}

async function completionDetail(server: InProcessServer, label: string): Promise<string | undefined> {
  const list = await server.client.sendRequest<CompletionList>('textDocument/completion', { textDocument: { uri: URI }, position: { line: 1, character: 14 } });
  const item = list.items.find((candidate) => candidate.label === label);
  assert.ok(item, JSON.stringify(list.items.map((candidate) => candidate.label)));
  return item.detail;
}

const JAPANESE = {
  hover: '**ガバメントクラウド**· Government Cloud \\(Japan\\)  ',
  detail: 'アクセス制御方針 · 管理策基準 管理目的',
};
const ENGLISH = {
  hover: '**Government Cloud \\(Japan\\)** · ガバメントクラウド  ',
  detail: 'Access control policy · control objective (controls criteria)',
};

describe('language server: one language, chosen by locale and setting', () => {
  let server: InProcessServer;

  afterEach(() => server.dispose());

  for (const [locale, expected] of [
    ['ja', JAPANESE],
    ['ja-JP', JAPANESE],
    ['en', ENGLISH],
    ['en-US', ENGLISH],
  ] as const) {
    it(`speaks the client's locale "${locale}" in hovers and completion details`, async () => {
      server = new InProcessServer();
      await server.initialize({ locale });
      await server.open(URI, 'markdown', TEXT);
      assert.equal(await hoverFirstLine(server), expected.hover);
      assert.equal(await completionDetail(server, '9.1.1'), expected.detail);
    });
  }

  it('lets govsec.language in initializationOptions override the locale', async () => {
    server = new InProcessServer();
    await server.initialize({ locale: 'ja', initializationOptions: { settings: { language: 'en' } } });
    await server.open(URI, 'markdown', TEXT);
    assert.equal(await hoverFirstLine(server), ENGLISH.hover);
    assert.equal(await completionDetail(server, '9.1.1'), ENGLISH.detail);
  });

  it('follows a change of govsec.language, and auto goes back to the locale', async () => {
    server = new InProcessServer();
    await server.initialize({ locale: 'en' });
    await server.open(URI, 'markdown', TEXT);
    assert.equal(await hoverFirstLine(server), ENGLISH.hover);
    await server.client.sendNotification('workspace/didChangeConfiguration', { settings: { govsec: { language: 'ja' } } });
    assert.equal(await hoverFirstLine(server), JAPANESE.hover);
    assert.equal(await completionDetail(server, '9.1.1'), JAPANESE.detail);
    await server.client.sendNotification('workspace/didChangeConfiguration', { settings: { govsec: { language: 'auto' } } });
    assert.equal(await hoverFirstLine(server), ENGLISH.hover);
  });

  it('speaks the same language in the CodeLens and the outline', async () => {
    server = new InProcessServer();
    await server.initialize({ locale: 'ja' });
    const uri = 'untitled:spec.md';
    await server.open(uri, 'markdown', '---\ndoctype: gov-procurement-spec\n---\n# 調達仕様書\n\nAWSを利用する。\n');
    const lenses = await server.client.sendRequest<{ command: { title: string } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[0].command.title, 'ISMAP: 掲載1件・見当たらない0件（リスト 2026-09-15時点、部分的） · クラウド: AWS · 格付: 記載なし · 指摘: 0件');
    const symbols = await server.client.sendRequest<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((symbol) => symbol.name), ['フロントマター', '調達仕様書']);
  });

  describe('broken user data: a .govsec.yaml with a schema error, a glossary file with a YAML syntax error', () => {
    let folder: string;
    const config = 'rules:\n  term/variant: loud\nglossary:\n  - our-terms.yaml\nprofile: x\n';
    // Line 3 has a tab before its key.
    const glossary = 'kind: terms\nterms:\n\t- id: x\n';

    beforeEach(() => {
      folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-language-data-')));
      fs.writeFileSync(path.join(folder, '.govsec.yaml'), config);
      fs.writeFileSync(path.join(folder, 'our-terms.yaml'), glossary);
      fs.writeFileSync(path.join(folder, 'memo.md'), '# メモ\n\nガバクラ\n');
    });

    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    async function userDataDiagnostics(locale: string) {
      server = new InProcessServer();
      await server.initialize({ folders: [pathToFileURL(folder).href], locale });
      await server.open(pathToFileURL(path.join(folder, 'memo.md')).href, 'markdown', '# メモ\n\nガバクラ\n');
      const published = await server.diagnostics(pathToFileURL(path.join(folder, '.govsec.yaml')).href, (p) => p.diagnostics.length > 0);
      return published.diagnostics.map((d) => {
        assert.equal(d.code, USER_DATA_PROBLEM_CODE);
        return [d.range.start.line, d.range.start.character, d.message];
      });
    }

    /** While the configuration is broken its glossary is not in force; fixed, the glossary's own problem shows. */
    async function glossaryDiagnosticsOnceConfigFixed() {
      fs.writeFileSync(path.join(folder, '.govsec.yaml'), 'glossary:\n  - our-terms.yaml\n');
      await server.changeFiles([pathToFileURL(path.join(folder, '.govsec.yaml')).href]);
      const published = await server.diagnostics(pathToFileURL(path.join(folder, 'our-terms.yaml')).href, (p) => p.diagnostics.length > 0);
      return published.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.message]);
    }

    it('are reported in Japanese for a Japanese client, at their line and column', async () => {
      const configDiagnostics = await userDataDiagnostics('ja');
      assert.deepEqual(configDiagnostics, [
        [1, 16, '/rules/term~1variant: "error", "warning", "information", "hint", "off" のいずれかにします（直前の正しい版を引き続き使います）'],
        [4, 0, '（最上位）: 不明なプロパティ「profile」です（直前の正しい版を引き続き使います）'],
      ]);
      assert.deepEqual(await glossaryDiagnosticsOnceConfigFixed(), [[2, 0, 'YAML: インデントにタブは使えません（直前の正しい版を引き続き使います）']]);
      assert.ok(server.shownMessages.includes(`govsec: ${path.join(folder, 'our-terms.yaml')}:3:1: YAML: インデントにタブは使えません（直前の正しい版を引き続き使います）`), server.shownMessages.join('\n'));
    });

    it('are reported in English for an English client, at the same line and column', async () => {
      const configDiagnostics = await userDataDiagnostics('en');
      assert.deepEqual(configDiagnostics, [
        [1, 16, '/rules/term~1variant: must be one of "error", "warning", "information", "hint", "off" (the last good version stays in force)'],
        [4, 0, '(top level): unknown property "profile" (the last good version stays in force)'],
      ]);
      // The English text of a YAML error is the yaml library's own.
      assert.deepEqual(await glossaryDiagnosticsOnceConfigFixed(), [[2, 0, 'YAML: Tabs are not allowed as indentation (the last good version stays in force)']]);
      assert.ok(
        server.shownMessages.includes(`govsec: ${path.join(folder, 'our-terms.yaml')}:3:1: YAML: Tabs are not allowed as indentation — the last good version stays in force.`),
        server.shownMessages.join('\n'),
      );
    });
  });
});
