import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers';
import { LspTestClient } from './lspClient';

// A CSV in the portal's layout. The registration number and dates are made up for the test (C99- is not a
// real series): the point is that govsec reports what the imported list says.
const CSV = [
  '登録番号,クラウドサービスの名称,クラウドサービス事業者名,登録日,有効期限',
  'C99-0200-1,Slack,Slack Technologies,2025/4/1,2026/7/31',
  'C99-0201-1,,名称のない行,2025/4/1,2026/7/31',
  '',
].join('\r\n');

/** Card text without Markdown escapes, for readable assertions. */
function unescape(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1');
}

function govsec(args: string[], cwd: string) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), ...args], { cwd, encoding: 'utf8' });
}

describe('ISMAP list import changes what the server and CLI say', () => {
  let workspace: string;
  // Inside the workspace folder: a folder's imported list applies to that folder's documents.
  let documentUri: string;
  const text = '本システムは Slack と DigitalOcean を利用する。\n';

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-ismap-'));
    documentUri = pathToFileURL(path.join(workspace, 'services.md')).href;
    fs.writeFileSync(path.join(workspace, 'list.csv'), CSV);
  });

  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  async function hoverSlack(): Promise<string> {
    const client = new LspTestClient();
    try {
      await client.initialize(true, pathToFileURL(workspace).href, 'en');
      await client.open(documentUri, 'markdown', text);
      const hover = await client.hover(documentUri, 0, 8);
      return unescape(hover?.contents.value ?? '');
    } finally {
      await client.dispose();
    }
  }

  it('uses the bundled partial list before an import', async () => {
    const card = await hoverSlack();
    assert.ok(card.startsWith('**Slack** · SaaS · ISMAP: reported registered (not in the partial list)  \n'), card);
    assert.ok(card.includes('\n**ISMAP:** ✓ reported ISMAP-registered (no number known, registered 2021-12-20; note.com); not in the partial ISMAP list (as of 2026-09-15)\n'), card);
  });

  it('imports the CSV, reporting the malformed row with its line number', () => {
    const result = govsec(['ismap', 'import', 'list.csv', '--date', '2026-11-20'], workspace);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^list\.csv:3: /m);
    assert.ok(fs.existsSync(path.join(workspace, '.govsec', 'ismap-list.yaml')));
  });

  it('then hovers the service as listed in the imported list, with its date', async () => {
    const card = await hoverSlack();
    assert.ok(
      card.startsWith('**Slack** · SaaS · ISMAP: ✓ listed (C99-0200-1)  \n') &&
        card.includes(
          '\n**ISMAP:** ✓ listed in the ISMAP list loaded (ISMAP cloud service list (imported from list.csv), as of 2026-11-20, 1 service, partial): C99-0200-1 "Slack", registered 2025-04-01, valid until 2026-07-31\n',
        ),
      card,
    );
  });

  it('and glossary stats names the imported list and its date', () => {
    const result = govsec(['glossary', 'stats'], workspace);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /ISMAP list in use: ISMAP list "ISMAP cloud service list \(imported from list\.csv\)" \(as of 2026-11-20, 1 service, partial\), imported \(/);
  });

  it('keeps the imported list when a later import has no valid row', () => {
    fs.writeFileSync(path.join(workspace, 'bad.csv'), '登録番号,クラウドサービスの名称\r\n,\r\n');
    const before = fs.readFileSync(path.join(workspace, '.govsec', 'ismap-list.yaml'), 'utf8');
    const result = govsec(['ismap', 'import', 'bad.csv'], workspace);
    assert.equal(result.status, 2);
    assert.equal(fs.readFileSync(path.join(workspace, '.govsec', 'ismap-list.yaml'), 'utf8'), before);
  });

  it('reloads the list when the file changes, and keeps the last good list when it breaks', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(true, pathToFileURL(workspace).href);
      await client.open(documentUri, 'markdown', text);
      const listFile = path.join(workspace, '.govsec', 'ismap-list.yaml');
      const good = fs.readFileSync(listFile, 'utf8');
      fs.writeFileSync(listFile, 'kind: ismap-list\nname: [broken\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(listFile).href, type: 2 }] });
      const stillGood = await client.hover(documentUri, 0, 8);
      assert.equal(client.shownMessages.length, 1);
      assert.match(client.shownMessages[0], /^govsec: the ISMAP list .*ismap-list\.yaml could not be loaded \(.*ismap-list\.yaml:3:1: YAML: Flow sequence/);
      assert.ok(unescape(stillGood?.contents.value ?? '').includes('as of 2026-11-20, 1 service, partial): C99-0200-1'));
      fs.writeFileSync(listFile, good.replace(/2026-11-20/g, '2026-11-21'));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(listFile).href, type: 2 }] });
      const reloaded = await client.hover(documentUri, 0, 8);
      assert.ok(unescape(reloaded?.contents.value ?? '').includes('as of 2026-11-21, 1 service, partial): C99-0200-1'));
    } finally {
      await client.dispose();
    }
  });
});
