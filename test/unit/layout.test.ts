import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

const serverSource = path.join(repoRoot, 'server', 'src');

function sourceFiles(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The engine's layers, lowest first. A file may import from its own layer and the layers below it, never
 * from a layer above (text → document → knowledge → context → rules → analysis → features → lsp / cli).
 * The knowledge (glossary, catalogues, services) is data the document layer does not need.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['text', 'version.ts', 'failure.ts', 'language.ts'],
  ['document'],
  ['glossary', 'catalogues', 'services', 'knowledge.ts'],
  ['context'],
  ['rules'],
  ['analysis.ts', 'config'],
  ['features', 'build'],
  ['lsp', 'cli', 'server.ts'],
];

function layerOf(file: string): number {
  const top = path.relative(serverSource, file).split(path.sep)[0].replace(/\.ts$/, '');
  const index = LAYERS.findIndex((layer) => layer.some((name) => name.replace(/\.ts$/, '') === top));
  assert.notEqual(index, -1, `${path.relative(repoRoot, file)} is in no layer: add its folder to LAYERS`);
  return index;
}

function relativeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((match) => path.resolve(path.dirname(file), match[1]));
}

describe('engine layout', () => {
  it('keeps vscode-languageserver out of the engine (only lsp/ and server.ts speak the protocol)', () => {
    const offenders = sourceFiles(serverSource)
      .filter((file) => !file.startsWith(path.join(serverSource, 'lsp') + path.sep) && path.basename(file) !== 'server.ts')
      .filter((file) => /from ['"]vscode-languageserver(\/[^'"]*)?['"]/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(repoRoot, file));
    assert.deepEqual(offenders, []);
  });

  it('never imports from a higher layer (text → document → knowledge → context → rules → analysis → features → lsp/cli)', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(serverSource)) {
      const own = layerOf(file);
      for (const target of relativeImports(file)) {
        const targetFile = fs.existsSync(`${target}.ts`) ? `${target}.ts` : path.join(target, 'index.ts');
        if (layerOf(targetFile) > own) {
          offenders.push(`${path.relative(serverSource, file)} → ${path.relative(serverSource, targetFile)}`);
        }
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('keeps only rules, their registry, their types and the suppression step in rules/', () => {
    const rulesFolder = path.join(serverSource, 'rules');
    const helpers = sourceFiles(rulesFolder)
      .map((file) => path.relative(rulesFolder, file))
      .filter((file) => !['index.ts', 'rule.ts', 'suppression.ts'].includes(file))
      .filter((file) => !/export const \w+Rule: Rule = \{/.test(fs.readFileSync(path.join(rulesFolder, file), 'utf8')));
    assert.deepEqual(helpers, []);
  });
});
