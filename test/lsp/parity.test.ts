import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { repoRoot } from '../helpers';
import { LspTestClient } from './lspClient';

// The CLI and the language server run the same engine: for the same file they must report the same findings.
describe('CLI and language server report identical findings', () => {
  const files = fs
    .readdirSync(path.join(repoRoot, 'examples'))
    .filter((name) => /\.(md|ya?ml)$/.test(name) && name !== 'README.md')
    .map((name) => path.join('examples', name));

  for (const file of files) {
    it(file, async () => {
      const cli = JSON.parse(
        spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', file, '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' }).stdout,
      ) as { line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }[];
      const client = new LspTestClient();
      try {
        await client.initialize(false, pathToFileURL(repoRoot).href);
        const uri = pathToFileURL(path.join(repoRoot, file)).href;
        await client.open(uri, file.endsWith('.md') ? 'markdown' : 'yaml', fs.readFileSync(path.join(repoRoot, file), 'utf8'));
        const published = await client.diagnostics(uri);
        const severities = ['', 'error', 'warning', 'information', 'hint'];
        assert.equal(cli.length > 0, !file.includes('clean'), 'the examples with mistakes have findings, the clean one none');
        assert.deepEqual(
          published.diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.range.end.line + 1, d.range.end.character + 1, d.code, severities[d.severity], d.message]),
          cli.map((f) => [f.line, f.column, f.endLine, f.endColumn, f.rule, f.severity, f.message]),
        );
      } finally {
        await client.dispose();
      }
    });
  }
});
