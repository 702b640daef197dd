import * as assert from 'node:assert/strict';
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
});
