import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers';
import { LspTestClient } from './lspClient';

const DOCUMENT = '# メモ\n\nガバクラと政府共通ネットワークと申請受付基盤。\n';
const USER_TERMS = `kind: terms
terms:
  - id: our-intake-platform
    term: 申請受付基盤
    reading: しんせいうけつけきばん
    english: Application intake platform (our project)
    category: system
    definition: { ja: 当プロジェクトの申請受付の共通基盤。, en: Our project's shared application intake platform. }
    related: [gov-cloud]
    sources: [{ title: 当プロジェクト基本設計書, url: "https://example.go.jp/design" }]
    asOf: 2026-11-01
    status: { state: current }
`;

function govsec(args: string[], cwd: string) {
  return spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), ...args], { cwd, encoding: 'utf8' });
}

describe('.govsec.yaml configuration (CLI and server)', () => {
  let workspace: string;

  beforeEach(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-config-'));
    fs.mkdirSync(path.join(workspace, 'docs'));
    fs.writeFileSync(path.join(workspace, 'docs', 'memo.md'), DOCUMENT);
    fs.writeFileSync(path.join(workspace, 'our-terms.yaml'), USER_TERMS);
    fs.writeFileSync(path.join(workspace, '.govsec.yaml'), 'rules:\n  term/variant: off\n  term/deprecated: error\nglossary:\n  - our-terms.yaml\n');
  });

  afterEach(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('the CLI applies the nearest .govsec.yaml: a rule off, another raised to error (exit 1)', () => {
    const result = govsec(['check', 'docs', '--format', 'json'], workspace);
    assert.equal(result.status, 1, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).map((f: { rule: string; severity: string; column: number }) => [f.rule, f.severity, f.column]), [['term/deprecated', 'error', 6]]);
  });

  it('--config replaces the nearest file', () => {
    fs.writeFileSync(path.join(workspace, 'strict.yaml'), 'rules:\n  term/*: warning\n');
    const result = govsec(['check', 'docs/memo.md', '--format', 'json', '--config', 'strict.yaml'], workspace);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).map((f: { rule: string; severity: string }) => [f.rule, f.severity]), [
      ['term/variant', 'warning'],
      ['term/deprecated', 'warning'],
    ]);
  });

  it('a broken configuration is reported with file:line and fails the CLI run (exit 2)', () => {
    fs.writeFileSync(path.join(workspace, '.govsec.yaml'), 'rules:\n  term/variant: sometimes\n');
    const result = govsec(['check', 'docs/memo.md'], workspace);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /\.govsec\.yaml:2:17: \/rules\/term~1variant: must be one of "error", "warning", "information", "hint", "off"/);
  });

  it('the server applies it, loads the user glossary, and keeps the last good configuration when it breaks', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize(false, pathToFileURL(workspace).href, 'ja');
      const uri = pathToFileURL(path.join(workspace, 'docs', 'memo.md')).href;
      await client.open(uri, 'markdown', DOCUMENT);
      const first = await client.diagnostics(uri);
      assert.deepEqual(first.diagnostics.map((d) => [d.code, d.severity]), [['term/deprecated', 1]]);
      const hover = await client.hover(uri, 2, 21);
      assert.ok(hover?.contents.value.startsWith('**申請受付基盤**（しんせいうけつけきばん）'), hover?.contents.value);

      fs.writeFileSync(path.join(workspace, '.govsec.yaml'), 'rules: [broken\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, '.govsec.yaml')).href, type: 2 }] });
      const kept = await client.diagnostics(uri, (p) => p !== first);
      assert.deepEqual(kept.diagnostics.map((d) => [d.code, d.severity]), [['term/deprecated', 1]]);
      assert.ok(client.shownMessages.some((message) => /\.govsec\.yaml:2:1: YAML: /.test(message)), client.shownMessages.join('\n'));

      fs.writeFileSync(path.join(workspace, '.govsec.yaml'), 'rules:\n  term/deprecated: hint\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(workspace, '.govsec.yaml')).href, type: 2 }] });
      const fixed = await client.diagnostics(uri, (p) => p.diagnostics.length === 2);
      assert.deepEqual(fixed.diagnostics.map((d) => [d.code, d.severity]), [['term/variant', 3], ['term/deprecated', 4]]);
    } finally {
      await client.dispose();
    }
  });
});
