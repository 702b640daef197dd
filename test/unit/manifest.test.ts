import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

interface Manifest {
  version: string;
  capabilities: {
    untrustedWorkspaces: { supported: boolean | 'limited'; description?: string; restrictedConfigurations?: string[] };
    virtualWorkspaces: { supported: boolean | 'limited'; description?: string };
  };
  contributes: { configuration: { properties: Record<string, unknown> }; commands: { command: string }[] };
}

describe('extension manifest: trust and virtual workspaces declared honestly', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as Manifest;

  it('supports untrusted workspaces in limited mode, restricting the setting that names workspace files', () => {
    const trust = manifest.capabilities.untrustedWorkspaces;
    assert.equal(trust.supported, 'limited');
    // The description is localised: package.json names its key, package.nls.json holds the English text.
    const nls = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.nls.json'), 'utf8')) as Record<string, string>;
    assert.equal(trust.description, '%capabilities.untrustedWorkspaces.description%');
    assert.match(nls['capabilities.untrustedWorkspaces.description'], /\.govsec\.yaml, glossary files and imported ISMAP list/);
    assert.deepEqual(trust.restrictedConfigurations, ['govsec.glossary']);
    for (const setting of trust.restrictedConfigurations ?? []) {
      assert.ok(setting in manifest.contributes.configuration.properties, setting);
    }
  });

  it('does not claim virtual workspaces (the server reads the local file system)', () => {
    assert.equal(manifest.capabilities.virtualWorkspaces.supported, false);
  });

  it('contributes the restart command the crash message points to', () => {
    assert.ok(manifest.contributes.commands.some((command) => command.command === 'govsec.restartServer'));
    const client = fs.readFileSync(path.join(repoRoot, 'client', 'src', 'extension.ts'), 'utf8');
    assert.ok(client.includes("RESTART_COMMAND = 'govsec.restartServer'"));
  });

  it('the bundles carry the package.json version (no hand-written copy)', () => {
    for (const bundle of ['server.js', 'cli.js']) {
      const text = fs.readFileSync(path.join(repoRoot, 'dist', bundle), 'utf8');
      // esbuild's define puts the version in place of __GOVSEC_VERSION__ (server/src/version.ts).
      assert.match(text, new RegExp(`GOVSEC_VERSION = true \\? ${JSON.stringify(manifest.version).replace(/\./g, '\\.')} :`), bundle);
    }
    const sources = ['server/src/server.ts', 'server/src/cli/main.ts', 'server/src/lsp/govsecServer.ts'];
    for (const source of sources) {
      assert.doesNotMatch(fs.readFileSync(path.join(repoRoot, source), 'utf8'), /['"]\d+\.\d+\.\d+['"]/, source);
    }
  });
});
