import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../helpers';
import { LspTestClient } from './lspClient';

const SPEC_URI = 'file:///tmp/govsec-lsp/features.md';
const SPEC = [
  '---',
  'doctype: gov-procurement-spec',
  'sector: national',
  '---',
  '# 調達仕様書',
  '',
  '本システムはガバメントクラウド上に構築し、AWSを利用する。',
  'ISMAP管理策 ９．２．',
  '出典: https://www.ismap.go.jp/ と NIST SP 800-53 の AC-2(1)。',
  '',
  '## 2. 要件',
  '',
  '格付は機密性2情報とする。',
  '',
].join('\n');

const PROFILE_URI = 'file:///tmp/govsec-lsp/system-profile.yaml';
const PROFILE = ['system:', '  platform: ガバメントクラウド', 'cloud:', '  provider: Microsoft Azure', '  region: ', ''].join('\n');

type Item = { label: string; textEdit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } };

describe('language server: authoring features over LSP', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    const result = await client.initialize(true, null, 'en');
    for (const capability of ['completionProvider', 'documentLinkProvider', 'definitionProvider', 'codeLensProvider', 'documentSymbolProvider']) {
      assert.ok(result.capabilities[capability], capability);
    }
    await client.open(SPEC_URI, 'markdown', SPEC);
    await client.open(PROFILE_URI, 'yaml', PROFILE);
  });

  after(async () => client.dispose());

  it('completes ISMAP objectives after a full-width 「ISMAP管理策 ９．２．」, replacing the typed prefix', async () => {
    const list = await client.connection.sendRequest<{ items: Item[] }>('textDocument/completion', { textDocument: { uri: SPEC_URI }, position: { line: 7, character: 12 } });
    // As the editor filters: the items that extend what was typed (the category 9.2 itself does not).
    const extending = list.items.filter((item) => item.label.startsWith('9.2.'));
    assert.deepEqual(extending.slice(0, 4).map((item) => item.label), ['9.2.1', '9.2.2', '9.2.3', '9.2.4']);
    assert.deepEqual(list.items[0].textEdit.range, { start: { line: 7, character: 9 }, end: { line: 7, character: 12 } });
  });

  it('finds a control by a word of its title (アクセス finds 9.1.1), replacing the typed word', async () => {
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: SPEC_URI, version: 2 },
      contentChanges: [{ range: { start: { line: 13, character: 0 }, end: { line: 13, character: 0 } }, text: 'ISMAP管理策 アクセス' }],
    });
    const list = await client.connection.sendRequest<{ items: (Item & { filterText?: string })[] }>('textDocument/completion', {
      textDocument: { uri: SPEC_URI },
      position: { line: 13, character: 13 },
    });
    const policy = list.items.find((item) => item.label === '9.1.1');
    assert.ok(policy, list.items.map((item) => item.label).join(' '));
    assert.deepEqual(policy.textEdit.range, { start: { line: 13, character: 9 }, end: { line: 13, character: 13 } });
    assert.ok(policy.filterText?.includes('アクセス'), policy.filterText);
  });

  it('completes cloud.region with the provider\'s Japanese regions first', async () => {
    const list = await client.connection.sendRequest<{ items: (Item & { sortText?: string })[] }>('textDocument/completion', {
      textDocument: { uri: PROFILE_URI },
      position: { line: 4, character: 10 },
    });
    const ordered = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(ordered.slice(0, 2).map((item) => item.label), ['japaneast', 'japanwest']);
    assert.ok(ordered.length > 2);
  });

  it('links source URLs and control IDs', async () => {
    const links = await client.connection.sendRequest<{ range: { start: { line: number; character: number } }; target: string }[]>('textDocument/documentLink', { textDocument: { uri: SPEC_URI } });
    assert.deepEqual(
      links.map((link) => [link.range.start.line, link.range.start.character, link.target]),
      [
        [8, 4, 'https://www.ismap.go.jp/'],
        [8, 48, 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final'],
      ],
    );
  });

  it('goes to the glossary entry of a term', async () => {
    const locations = await client.connection.sendRequest<{ targetUri: string; targetRange: { start: { line: number } } }[]>('textDocument/definition', {
      textDocument: { uri: SPEC_URI },
      position: { line: 6, character: 8 },
    });
    assert.equal(locations.length, 1);
    assert.equal(fileURLToPath(locations[0].targetUri), path.join(repoRoot, 'glossary', 'terms', 'gov-cloud.yaml'));
  });

  it('shows the spec summary CodeLens on the first line', async () => {
    const lenses = await client.connection.sendRequest<{ range: { start: { line: number } }; command: { title: string; command: string; arguments: string[] } }[]>('textDocument/codeLens', {
      textDocument: { uri: SPEC_URI },
    });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0].range.start.line, 0);
    assert.equal(lenses[0].command.command, 'govsec.showSummary');
    assert.equal(lenses[0].command.title, 'ISMAP: 1 service on the list, 0 not found (list as of 2026-09-15, partial) · Government Cloud: AWS · grades: Confidentiality-2 · findings: 0');
    const summary = await client.connection.sendRequest<{ title: string; detail: string }>('govsec/summary', { uri: SPEC_URI });
    assert.equal(summary.title, lenses[0].command.title);
  });

  it('lists the sections in the outline', async () => {
    const symbols = await client.connection.sendRequest<{ name: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri: SPEC_URI } });
    assert.deepEqual(
      symbols.map((symbol) => [symbol.name, symbol.children.map((child) => child.name)]),
      [
        ['front matter', ['doctype', 'sector']],
        ['調達仕様書', ['2. 要件']],
      ],
    );
  });
});
