import * as assert from 'node:assert/strict';
import { bundledKnowledge } from '../helpers';
import { LspTestClient } from './lspClient';

const MARKDOWN_URI = 'file:///tmp/govsec-lsp/spec.md';
const MARKDOWN = [
  '# 調達仕様書（テスト）',
  '',
  '😀𠮷ガバクラ上にISMAP登録サービスで構築する。',
  '職員端末は政府共通ネットワークに接続しない。',
  'これは普通の文章です。',
  '',
  '```yaml',
  'ガバクラ: ISMAP',
  '```',
  '',
].join('\n');

const YAML_URI = 'file:///tmp/govsec-lsp/profile.yaml';
const YAML = ['system:', '  platform: 𠮷ガバクラ # ISMAP', '  network: 政府共通ネットワーク', ''].join('\n');

describe('language server over stdio (push diagnostics)', function () {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    const result = await client.initialize(false, null, 'ja');
    assert.deepEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(result.capabilities.hoverProvider, true);
    assert.equal(result.capabilities.diagnosticProvider, undefined);
    await client.open(MARKDOWN_URI, 'markdown', MARKDOWN);
    await client.open(YAML_URI, 'yaml', YAML);
  });

  after(async () => client.dispose());

  it('hovers a term after a surrogate pair with its exact UTF-16 range', async () => {
    const hover = await client.hover(MARKDOWN_URI, 2, 5);
    assert.ok(hover);
    assert.equal(hover.contents.kind, 'markdown');
    assert.ok(hover.contents.value.startsWith('**ガバメントクラウド**· Government Cloud'), hover.contents.value);
    assert.ok(hover.contents.value.includes('\n「ガバクラ」は表記ゆれ  \n'), hover.contents.value);
    assert.ok(hover.contents.value.includes('\n**出典:**\n'));
    assert.ok(hover.contents.value.includes('https://www.digital.go.jp/'));
    assert.deepEqual(hover.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } });
  });

  it('hovers a Latin term directly followed by Japanese', async () => {
    const hover = await client.hover(MARKDOWN_URI, 2, 14);
    assert.ok(hover?.contents.value.startsWith('**ISMAP**（'), hover?.contents.value);
    assert.deepEqual(hover?.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 15 } });
  });

  it('returns null on plain prose, in a code block and past the end of a term', async () => {
    assert.equal(await client.hover(MARKDOWN_URI, 4, 3), null);
    assert.equal(await client.hover(MARKDOWN_URI, 7, 1), null);
    assert.equal(await client.hover(MARKDOWN_URI, 2, 8), null);
  });

  it('publishes term/variant and term/deprecated for the Markdown document', async () => {
    const published = await client.diagnostics(MARKDOWN_URI);
    assert.equal(published.version, 1);
    const gss = bundledKnowledge().glossary.term('gss')!;
    assert.deepEqual(
      published.diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, source: d.source })),
      [
        { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 8 } }, severity: 3, code: 'term/variant', source: 'govsec' },
        // information: the move from 政府共通ネットワーク to GSS is still under way (glossary status underWay).
        { range: { start: { line: 3, character: 5 }, end: { line: 3, character: 15 } }, severity: 3, code: 'term/deprecated', source: 'govsec' },
      ],
    );
    // The client's locale is Japanese: one language only.
    assert.equal(published.diagnostics[0].message, '表記ゆれ: 「ガバクラ」は「ガバメントクラウド」と表記します');
    assert.ok(published.diagnostics[1].message.startsWith(`旧名称: 「政府共通ネットワーク」の後継は「${gss.term}」です（`), published.diagnostics[1].message);
    assert.match(published.diagnostics[0].codeDescription!.href, /^file:\/\/.*\/docs\/rules\/term\/variant\.md$/);
  });

  it('hovers and diagnoses YAML values but not YAML comments', async () => {
    const hover = await client.hover(YAML_URI, 1, 14);
    assert.ok(hover?.contents.value.startsWith('**ガバメントクラウド**· Government Cloud'));
    assert.deepEqual(hover?.range, { start: { line: 1, character: 14 }, end: { line: 1, character: 18 } });
    assert.equal(await client.hover(YAML_URI, 1, 22), null);
    const published = await client.diagnostics(YAML_URI);
    assert.deepEqual(
      published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character]),
      [
        ['term/variant', 1, 14, 18],
        ['term/deprecated', 2, 11, 21],
      ],
    );
  });

  it('applies incremental edits (after multibyte text) and re-publishes', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: MARKDOWN_URI, version: 2 },
      contentChanges: [
        { range: { start: { line: 2, character: 4 }, end: { line: 2, character: 4 } }, text: '新しい' },
        { range: { start: { line: 3, character: 0 }, end: { line: 4, character: 0 } }, text: '' },
      ],
    });
    const hover = await client.hover(MARKDOWN_URI, 2, 8);
    assert.deepEqual(hover?.range, { start: { line: 2, character: 7 }, end: { line: 2, character: 11 } });
    const published = await client.diagnostics(MARKDOWN_URI, (p) => p.version === 2);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [['term/variant', 2, 7]]);
  });

  it('offers the canonical spelling, a suppression comment and fix-all as code actions', async () => {
    const published = await client.diagnostics(MARKDOWN_URI, (p) => p.version === 2);
    type Action = { title: string; kind: string; isPreferred?: boolean; edit: { changes: Record<string, { newText: string; range: unknown }[]> } };
    const actions = await client.connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri: MARKDOWN_URI },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    assert.deepEqual(
      actions.map((action) => [action.title, action.kind, action.isPreferred ?? false, action.edit.changes[MARKDOWN_URI]]),
      [
        ['「ガバメントクラウド」に置き換える', 'quickfix', true, [{ range: published.diagnostics[0].range, newText: 'ガバメントクラウド' }]],
        [
          'この行の term/variant を無効にする',
          'quickfix',
          false,
          [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '<!-- govsec-disable-next-line term/variant -->\n' }],
        ],
      ],
    );
    const fixAll = await client.connection.sendRequest<Action[]>('textDocument/codeAction', {
      textDocument: { uri: MARKDOWN_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    assert.deepEqual(fixAll.map((action) => [action.kind, action.edit.changes[MARKDOWN_URI].map((edit) => edit.newText)]), [['source.fixAll.govsec', ['ガバメントクラウド']]]);
  });
});

describe('language server over stdio (pull diagnostics)', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    const result = await client.initialize(true);
    assert.deepEqual(result.capabilities.diagnosticProvider, { identifier: 'govsec', interFileDependencies: false, workspaceDiagnostics: false });
    await client.open(MARKDOWN_URI, 'markdown', MARKDOWN);
  });

  after(async () => client.dispose());

  it('answers textDocument/diagnostic with the same findings', async () => {
    const report = await client.connection.sendRequest<{ kind: string; items: { code: string; range: { start: { line: number; character: number } } }[] }>(
      'textDocument/diagnostic',
      { textDocument: { uri: MARKDOWN_URI } },
    );
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['term/variant', 2, 4],
      ['term/deprecated', 3, 5],
    ]);
  });
});

describe('language server: every glossary term hovers', () => {
  let client: LspTestClient;
  const glossary = bundledKnowledge().glossary;
  // Each term after a surrogate pair and a kana, so positions are checked past a pair on every line.
  const markdownLines = glossary.terms.map((term) => `𠮷の${term.term}について。`);
  const yamlLines = glossary.terms.map((term, index) => `t${index}: ${JSON.stringify(`𠮷の${term.term}`)}`);

  before(async () => {
    client = new LspTestClient();
    await client.initialize(true, null, 'en');
    await client.open('file:///tmp/govsec-lsp/all.md', 'markdown', markdownLines.join('\n'));
    await client.open('file:///tmp/govsec-lsp/all.yaml', 'yaml', yamlLines.join('\n'));
  });

  after(async () => client.dispose());

  it(`in Markdown (${glossary.terms.length} terms)`, async () => {
    for (const [line, term] of glossary.terms.entries()) {
      const start = 3;
      const hover = await client.hover('file:///tmp/govsec-lsp/all.md', line, start + Math.floor(term.term.length / 2));
      assert.ok(hover, `no hover for ${term.id}`);
      assert.ok(hover.contents.value.includes(`govsec glossary: ${term.id.replace(/-/g, '\\-')} · `), term.id);
      assert.deepEqual(hover.range, { start: { line, character: start }, end: { line, character: start + term.term.length } }, term.id);
    }
  });

  it(`in YAML (${glossary.terms.length} terms)`, async () => {
    for (const [line, term] of glossary.terms.entries()) {
      const start = yamlLines[line].indexOf('の') + 1;
      const hover = await client.hover('file:///tmp/govsec-lsp/all.yaml', line, start);
      assert.ok(hover, `no hover for ${term.id}`);
      assert.ok(hover.contents.value.includes(`govsec glossary: ${term.id.replace(/-/g, '\\-')} · `), term.id);
      assert.deepEqual(hover.range, { start: { line, character: start }, end: { line, character: start + term.term.length } }, term.id);
    }
  });
});

describe('language server: every cloud service spelling hovers', () => {
  let client: LspTestClient;
  const { services } = bundledKnowledge();
  // Every name and alias the catalogue matches (term-linked names hover as their term and are left out).
  const spellings = services.flatMap((service) => [
    ...(service.term === undefined && service.matchName !== false ? [service.name] : []),
    ...service.aliases.filter((alias) => alias.match !== false).map((alias) => alias.text),
  ].map((text) => ({ text, id: service.id })));
  const markdownLines = spellings.map((spelling) => `𠮷の${spelling.text}について。`);
  const yamlLines = spellings.map((spelling, index) => `s${index}: ${JSON.stringify(`𠮷の${spelling.text}`)}`);

  before(async () => {
    client = new LspTestClient();
    await client.initialize(true);
    await client.open('file:///tmp/govsec-lsp/services.md', 'markdown', markdownLines.join('\n'));
    await client.open('file:///tmp/govsec-lsp/services.yaml', 'yaml', yamlLines.join('\n'));
  });

  after(async () => client.dispose());

  it(`in Markdown (${spellings.length} spellings)`, async () => {
    for (const [line, spelling] of spellings.entries()) {
      const start = 3;
      const hover = await client.hover('file:///tmp/govsec-lsp/services.md', line, start + Math.floor(spelling.text.length / 2));
      assert.ok(hover, `no hover for ${spelling.text}`);
      assert.ok(hover.contents.value.includes(`govsec service: ${spelling.id.replace(/-/g, '\\-')}*`), spelling.text);
      assert.deepEqual(hover.range, { start: { line, character: start }, end: { line, character: start + spelling.text.length } }, spelling.text);
    }
  });

  it(`in YAML (${spellings.length} spellings)`, async () => {
    for (const [line, spelling] of spellings.entries()) {
      const start = yamlLines[line].indexOf('の') + 1;
      const hover = await client.hover('file:///tmp/govsec-lsp/services.yaml', line, start);
      assert.ok(hover, `no hover for ${spelling.text}`);
      assert.ok(hover.contents.value.includes(`govsec service: ${spelling.id.replace(/-/g, '\\-')}*`), spelling.text);
      assert.deepEqual(hover.range, { start: { line, character: start }, end: { line, character: start + spelling.text.length } }, spelling.text);
    }
  });
});
