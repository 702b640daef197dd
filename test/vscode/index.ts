/**
 * Entry point of the in-editor test suite, with the @vscode/test-electron `run()` contract: VS Code loads this
 * module (extensionTestsPath) in the extension host and the test run's result is the promise's outcome.
 *
 * Used by two runners: test/e2e/run-code-server.ts (code-server's extension host, driven through chromium) and
 * test/e2e/run-electron.ts (desktop VS Code via @vscode/test-electron).
 *
 * Output goes through console.log, which both hosts forward (code-server: to the browser console). The last line
 * is a machine-readable summary the code-server runner parses: `govsec-vscode-tests: {"passed":N,"failed":M,...}`.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export const SUMMARY_PREFIX = 'govsec-vscode-tests: ';

/** Suites for every run; each run's own suites are tagged with its name: `locale.ja.test.js`, `trust.untrusted.test.js`. */
const EVERY_RUN = ['installed.test.js'];

/**
 * The suites of one run. The English run (the default; GOVSEC_E2E_LOCALE unset or `en`) has every untagged suite
 * and the `.en.` ones; another locale's run (the code-server runner sets GOVSEC_E2E_LOCALE=ja in the server's
 * environment) has its own tagged suites and EVERY_RUN only.
 */
function suiteFiles(names: readonly string[], locale = 'en'): string[] {
  const tagged = (name: string) => /\.([a-z]+)\.test\.js$/.exec(name)?.[1];
  return names
    .filter((name) => name.endsWith('.test.js'))
    .filter((name) => (tagged(name) ? tagged(name) === locale : locale === 'en' || EVERY_RUN.includes(name)))
    .sort();
}

export function run(): Promise<void> {
  // Reporters call Base.consoleLog(format, ...args); hosts that forward console.log (code-server sends it to the
  // browser console) do not apply the format, so format here and log one finished string.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  // GOVSEC_VSCODE_GREP runs only the matching tests (for debugging one suite; CI runs them all).
  const grep = process.env.GOVSEC_VSCODE_GREP;
  const mocha = new Mocha({ ui: 'tdd', color: false, reporter: 'spec', timeout: 30_000, slow: 2_000, ...(grep ? { grep } : {}) });
  // Suites run in file-name order; activation.test.js must come first (it checks activation on an untitled file).
  const files = suiteFiles(fs.readdirSync(__dirname), process.env.GOVSEC_E2E_LOCALE);
  for (const name of files) {
    mocha.addFile(path.join(__dirname, name));
  }
  return new Promise<void>((resolve, reject) => {
    const started = Date.now();
    let runner: Mocha.Runner;
    try {
      runner = mocha.run((failures) => {
        const stats = runner.stats;
        const summary = {
          passed: stats?.passes ?? 0,
          failed: failures,
          pending: stats?.pending ?? 0,
          files: files.length,
          ms: Date.now() - started,
        };
        console.log(SUMMARY_PREFIX + JSON.stringify(summary));
        if (failures > 0) {
          reject(new Error(`${failures} in-editor test(s) failed`));
        } else if (summary.passed === 0) {
          reject(new Error(`no in-editor tests ran (looked for *.test.js in ${__dirname})`));
        } else {
          resolve();
        }
      });
    } catch (error) {
      console.log(SUMMARY_PREFIX + JSON.stringify({ passed: 0, failed: 1, error: String(error) }));
      reject(error);
    }
  });
}
