import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('engine layout', () => {
  it('keeps vscode-languageserver out of the engine (only lsp/ and server.ts speak the protocol)', () => {
    const serverSource = path.join(repoRoot, 'server', 'src');
    const offenders = sourceFiles(serverSource)
      .filter((file) => !file.startsWith(path.join(serverSource, 'lsp') + path.sep) && path.basename(file) !== 'server.ts')
      .filter((file) => /from ['"]vscode-languageserver(\/[^'"]*)?['"]/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    assert.deepEqual(offenders, []);
  });
});
