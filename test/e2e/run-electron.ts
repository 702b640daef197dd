/**
 * The same in-editor suite (out/test/vscode) in desktop VS Code, through @vscode/test-electron. For machines that
 * can download VS Code from update.code.visualstudio.com; offline it fails at the download, with a clear message.
 * Not run in CI; CI uses test/e2e/run-code-server.ts (npm run test:vscode).
 *
 * Usage: npm run test:electron   (builds first)
 * Env:   GOVSEC_VSCODE_VERSION  VS Code version to download (default: "stable")
 *        GOVSEC_VSCODE_EXECUTABLE  an already installed VS Code executable; skips the download
 */

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

async function main(): Promise<number> {
  const extensionTestsPath = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
  for (const file of ['dist/extension.js', 'dist/server.js', 'dist/glossary-index.json', 'out/test/vscode/index.js']) {
    if (!fs.existsSync(path.join(REPO_ROOT, file))) {
      console.error(`electron e2e: missing ${file}: run "npm run build && npx tsc -b" first`);
      return 2;
    }
  }
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-electron-'));
  try {
    const exitCode = await runTests({
      version: process.env.GOVSEC_VSCODE_VERSION || undefined,
      vscodeExecutablePath: process.env.GOVSEC_VSCODE_EXECUTABLE || undefined,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath,
      launchArgs: [
        path.join(REPO_ROOT, 'test', 'fixtures', 'workspace'),
        '--disable-extensions',
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        `--user-data-dir=${userDataDir}`,
      ],
    });
    console.log(`electron e2e: ${exitCode === 0 ? 'passed' : `failed (exit ${exitCode})`}`);
    return exitCode === 0 ? 0 : 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|download/i.test(message)) {
      console.error(
        'electron e2e: could not download VS Code for @vscode/test-electron (this machine looks offline):\n' +
          `  ${message}\n` +
          '  Run the same suite through code-server instead: npm run test:vscode\n' +
          '  or point GOVSEC_VSCODE_EXECUTABLE at an installed VS Code.',
      );
    } else {
      console.error(`electron e2e: the test run failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
    }
    return 1;
  } finally {
    fs.rmSync(userDataDir, { recursive: true, force: true });
  }
}

main().then((code) => {
  process.exitCode = code;
});
