/**
 * The extension under test is the packaged one: the code-server runner installs govsec.vsix into a fresh
 * extensions folder (GOVSEC_E2E_EXTENSIONS_DIR in the extension host's environment) and loads no development copy.
 * Runs in every locale's run. Without GOVSEC_E2E_EXTENSIONS_DIR (test-electron loads the repository as a
 * development extension) it is skipped.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, REPO_ROOT } from './helpers';

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

suite('the installed package', () => {
  const extensionsDir = process.env.GOVSEC_E2E_EXTENSIONS_DIR;

  test('govsec.govsec is loaded from the extensions folder the .vsix was installed into, not from the repository', function () {
    if (!extensionsDir) {
      this.skip(); // a development run: nothing was installed
    }
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    assert.equal(extension.packageJSON.version, version);
    assert.equal(fs.realpathSync(extension.extensionPath), fs.realpathSync(path.join(extensionsDir, `${EXTENSION_ID}-${version}`)));
    assert.ok(!isInside(fs.realpathSync(REPO_ROOT), fs.realpathSync(extension.extensionPath)), extension.extensionPath);
    // Only one govsec: no development copy of the repository next to the installed one.
    const copies = vscode.extensions.all.filter((other) => other.id.toLowerCase() === EXTENSION_ID).map((other) => other.extensionPath);
    assert.deepEqual(copies, [extension.extensionPath]);
  });

  test('the installed folder holds the package (bundles, no sources or node_modules)', function () {
    if (!extensionsDir) {
      this.skip();
    }
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    for (const file of ['dist/extension.js', 'dist/server.js', 'dist/glossary-index.json', 'docs/rules/term/variant.md', 'package.json']) {
      assert.ok(fs.existsSync(path.join(root, file)), `${file} is missing from the installed package`);
    }
    for (const absent of ['client', 'server', 'node_modules', 'test']) {
      assert.ok(!fs.existsSync(path.join(root, absent)), `${absent}/ is in the installed package (.vscodeignore should leave it out)`);
    }
  });
});
