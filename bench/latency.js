#!/usr/bin/env node
/*
 * govsec latency benchmark (plain Node; run after a build: `npm run bench` or `node bench/latency.js`).
 *
 * Drives the real language server (`node bin/govsec-language-server.js --stdio`) over LSP with vscode-jsonrpc and
 * measures:
 *   (a) cold start: spawn → initialize → didOpen → first hover response, repeated BENCH_COLD times;
 *   (b) hover latency on open documents of ~10 KB, ~100 KB and ~1 MB: the first hover right after didOpen (it
 *       includes the analysis) and the median/p95 of the following hovers at term positions;
 *   (c) didChange (one-character insert) → next hover on the 1 MB document (re-analysis cost), and
 *       didOpen → pushed diagnostics for each size;
 *   (d) wall time of `node bin/govsec.js check FILE` for each size.
 * (b)–(d) need the shared document generator (../shared/bench/gen-docs.js beside the repo); without it they are
 * skipped with a message. Prints a Markdown report. Every wait is bounded and a global watchdog ends the run;
 * all spawned servers are killed at the end.
 *
 * Environment: BENCH_COLD (default 10), BENCH_HOVERS (200), BENCH_EDITS (20), BENCH_CLI_RUNS (3),
 *              BENCH_TIMEOUT_MS (global watchdog, 300000), BENCH_REQUEST_TIMEOUT_MS (per request, 30000).
 */
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');
const serverBin = path.join(root, 'bin', 'govsec-language-server.js');
const cliBin = path.join(root, 'bin', 'govsec.js');
const glossaryFile = path.join(root, 'dist', 'glossary-index.json');
const genDocs = path.resolve(root, '..', 'shared', 'bench', 'gen-docs.js');

const intEnv = (name, fallback) => {
  const value = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const COLD_RUNS = intEnv('BENCH_COLD', 10);
const HOVERS = intEnv('BENCH_HOVERS', 200);
const EDITS = intEnv('BENCH_EDITS', 20);
const PULLS = intEnv('BENCH_PULLS', 5);
const COMPLETIONS = intEnv('BENCH_COMPLETIONS', 20);
const CLI_RUNS = intEnv('BENCH_CLI_RUNS', 3);
const GLOBAL_TIMEOUT_MS = intEnv('BENCH_TIMEOUT_MS', 300_000);
const REQUEST_TIMEOUT_MS = intEnv('BENCH_REQUEST_TIMEOUT_MS', 30_000);

let rpc;
try {
  rpc = require('vscode-jsonrpc/node');
} catch (error) {
  console.error(`bench: vscode-jsonrpc is not installed (npm install): ${error.message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------------------------
// Child-process bookkeeping and the watchdog: the script always ends, and never leaves a server behind.

const children = new Set();
let tempDir;

function killAll() {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }
  children.clear();
}

function cleanup() {
  killAll();
  if (tempDir) {
    fs.rmSync(tempDir, { recursive: true, force: true });
    tempDir = undefined;
  }
}

const watchdog = setTimeout(() => {
  console.error(`bench: global timeout (${GLOBAL_TIMEOUT_MS} ms) reached; killing servers and exiting`);
  cleanup();
  process.exit(3);
}, GLOBAL_TIMEOUT_MS);
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// Statistics and formatting

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const rank = Math.ceil((p / 100) * s.length); // nearest rank
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}
const median = (values) => {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const min = (values) => (values.length ? Math.min(...values) : NaN);
const max = (values) => (values.length ? Math.max(...values) : NaN);

function fmt(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(2)} ms`;
}
function fmtBytes(n) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(2)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers: LSP positions are UTF-16 line/character, which is what JS string indices are.

function lineStarts(text) {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 10) starts.push(i + 1);
  }
  return starts;
}
function positionAt(starts, offset) {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - starts[low] };
}

/** Non-overlapping occurrences (longest spelling first) of the glossary's spellings in `text`. */
function termOccurrences(text, spellings) {
  const texts = [...new Set(spellings.map((s) => s.text))].sort((a, b) => b.length - a.length);
  const taken = [];
  const overlaps = (start, end) => taken.some((o) => start < o.end && o.start < end);
  const found = [];
  for (const spelling of texts) {
    for (let i = text.indexOf(spelling); i >= 0; i = text.indexOf(spelling, i + spelling.length)) {
      const occurrence = { start: i, end: i + spelling.length, text: spelling };
      if (found.length < 20000 && !overlaps(occurrence.start, occurrence.end)) {
        found.push(occurrence);
        taken.push(occurrence);
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** `count` hover targets spread over the occurrences (cycling when there are fewer), each inside its term. */
function hoverTargets(occurrences, count, starts) {
  if (occurrences.length === 0) return [];
  const targets = [];
  for (let k = 0; k < count; k++) {
    const index =
      occurrences.length >= count ? Math.floor((k * occurrences.length) / count) : k % occurrences.length;
    const occurrence = occurrences[index];
    const length = occurrence.end - occurrence.start;
    const offset = occurrence.start + (k % length); // vary the column inside the term
    targets.push({ position: positionAt(starts, offset), text: occurrence.text });
  }
  return targets;
}

// ---------------------------------------------------------------------------------------------------------------
// One language server over stdio

async function startServer({ pullDiagnostics }) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const connection = rpc.createMessageConnection(
    new rpc.StreamMessageReader(child.stdout),
    new rpc.StreamMessageWriter(child.stdin),
  );
  connection.onError(() => undefined);
  connection.onClose(() => undefined);
  const diagnosticListeners = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const listener of diagnosticListeners) listener(params);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest(() => null); // e.g. client/registerCapability, workspace/configuration
  connection.listen();

  const capabilities = {
    general: { positionEncodings: ['utf-16'] },
    textDocument: {
      synchronization: { didSave: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      publishDiagnostics: { versionSupport: true },
      ...(pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
  const failEarly = exited.then(({ code, signal }) => {
    throw new Error(`server exited during initialize (code ${code}, signal ${signal}); stderr: ${stderr.trim()}`);
  });
  const init = await withTimeout(
    Promise.race([
      connection.sendRequest('initialize', {
        processId: process.pid,
        clientInfo: { name: 'govsec-bench', version: '1' },
        rootUri: null,
        workspaceFolders: null,
        capabilities,
      }),
      failEarly,
    ]),
    REQUEST_TIMEOUT_MS,
    'initialize',
  );
  failEarly.catch(() => undefined);
  const initializedAt = performance.now();
  await connection.sendNotification('initialized', {});

  let version = 0;
  const server = {
    t0,
    initializeMs: initializedAt - t0,
    capabilities: init.capabilities,
    stderr: () => stderr,
    open(uri, text, languageId = 'markdown') {
      version = 1;
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
    },
    change(uri, range, text) {
      version += 1;
      return connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text }],
      });
    },
    close(uri) {
      return connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    },
    completion(uri, position) {
      return withTimeout(
        connection.sendRequest('textDocument/completion', { textDocument: { uri }, position }),
        REQUEST_TIMEOUT_MS,
        `completion ${uri} ${position.line}:${position.character}`,
      );
    },
    pullDiagnostics(uri) {
      return withTimeout(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), REQUEST_TIMEOUT_MS, `diagnostic ${uri}`);
    },
    hover(uri, position) {
      return withTimeout(
        connection.sendRequest('textDocument/hover', { textDocument: { uri }, position }),
        REQUEST_TIMEOUT_MS,
        `hover ${uri} ${position.line}:${position.character}`,
      );
    },
    /** Resolves with the next publishDiagnostics for `uri` (optionally for a given version). */
    nextDiagnostics(uri, wantVersion) {
      let listener;
      const promise = new Promise((resolve) => {
        listener = (params) => {
          if (params.uri === uri && (wantVersion === undefined || params.version === wantVersion)) {
            resolve({ at: performance.now(), params });
          }
        };
        diagnosticListeners.add(listener);
      });
      return withTimeout(promise, REQUEST_TIMEOUT_MS, `publishDiagnostics ${uri}`).finally(() =>
        diagnosticListeners.delete(listener),
      );
    },
    get version() {
      return version;
    },
    async stop() {
      try {
        await withTimeout(connection.sendRequest('shutdown'), 2000, 'shutdown');
        await connection.sendNotification('exit');
        await withTimeout(exited, 2000, 'server exit');
      } catch {
        /* killed below */
      }
      connection.dispose();
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      children.delete(child);
    },
  };
  return server;
}

function hoverValue(result) {
  const contents = result && result.contents;
  if (!contents) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value || '';
}

// ---------------------------------------------------------------------------------------------------------------
// (a) cold start

const COLD_DOC = [
  '# 調達仕様書（性能計測）',
  '',
  '本システムはガバメントクラウド上に構築し、ISMAP登録済みのクラウドサービスを利用する。',
  '',
].join('\n');

async function coldStart() {
  const uri = pathToFileURL(path.join(os.tmpdir(), 'govsec-bench-cold.md')).href;
  const starts = lineStarts(COLD_DOC);
  const offset = COLD_DOC.indexOf('ガバメントクラウド') + 2;
  const position = positionAt(starts, offset);
  const total = [];
  const initialize = [];
  let card = '';
  for (let i = 0; i < COLD_RUNS; i++) {
    const server = await startServer({ pullDiagnostics: false });
    server.open(uri, COLD_DOC);
    const result = await server.hover(uri, position);
    total.push(performance.now() - server.t0);
    initialize.push(server.initializeMs);
    card = hoverValue(result);
    await server.stop();
    if (!card) throw new Error(`cold start: hover on ガバメントクラウド returned no card (stderr: ${server.stderr()})`);
  }
  return { total, initialize, card };
}

// ---------------------------------------------------------------------------------------------------------------
// (b) + (c) per document size

async function hoverLatency(doc) {
  // Pull-diagnostics client: the server then analyses only on demand, so the first hover includes the analysis
  // and nothing else (no diagnostics push) competes with the hovers.
  const server = await startServer({ pullDiagnostics: true });
  const uri = pathToFileURL(doc.file).href;
  const starts = lineStarts(doc.text);
  const targets = hoverTargets(doc.occurrences, HOVERS, starts);
  const result = { size: doc.label, first: NaN, rest: [], cards: 0, hovers: 0, edits: [] };
  try {
    if (targets.length === 0) return result;
    const tOpen = performance.now();
    server.open(uri, doc.text);
    const first = await server.hover(uri, targets[0].position);
    result.first = performance.now() - tOpen;
    result.hovers = 1;
    if (hoverValue(first)) result.cards++;
    for (let k = 1; k < targets.length; k++) {
      const t = performance.now();
      const hover = await server.hover(uri, targets[k].position);
      result.rest.push(performance.now() - t);
      result.hovers++;
      if (hoverValue(hover)) result.cards++;
    }
    if (doc.measureEdits) {
      // One-character insert at the end of line 0 (the title; no hover target there), then a hover elsewhere.
      let line0Length = doc.text.length > 0 ? (starts[1] ?? doc.text.length + 1) - 1 : 0;
      const target = targets[Math.floor(targets.length / 2)].position;
      let editCards = 0;
      for (let k = 0; k < EDITS; k++) {
        const at = { line: 0, character: line0Length };
        const t = performance.now();
        server.change(uri, { start: at, end: at }, 'x');
        const hover = await server.hover(uri, target);
        result.edits.push(performance.now() - t);
        line0Length += 1;
        if (hoverValue(hover)) editCards++;
      }
      result.editCards = editCards;
      // Edit → pulled diagnostics (all rules). Large documents wait for a typing pause (diagnostics.delayMs)
      // before they are checked, so this includes that pause.
      result.pulls = [];
      for (let k = 0; k < PULLS; k++) {
        const at = { line: 0, character: line0Length };
        const t = performance.now();
        server.change(uri, { start: at, end: at }, 'y');
        line0Length += 1;
        const report = await server.pullDiagnostics(uri);
        result.pulls.push(performance.now() - t);
        result.pullCount = report.items.length;
      }
      // Completion after a framework cue typed at the end of the document (reads only around the cursor).
      const lastLine = starts.length - 1;
      const endLength = doc.text.length - starts[lastLine];
      server.change(uri, { start: { line: lastLine, character: endLength }, end: { line: lastLine, character: endLength } }, '\nISMAP管理策 9.2.');
      result.completions = [];
      for (let k = 0; k < COMPLETIONS; k++) {
        const t = performance.now();
        const list = await server.completion(uri, { line: lastLine + 1, character: 'ISMAP管理策 9.2.'.length });
        result.completions.push(performance.now() - t);
        result.completionItems = (list.items ?? list).length;
      }
    }
    server.close(uri);
  } finally {
    await server.stop();
  }
  return result;
}

async function diagnosticsLatency(doc) {
  // Push-diagnostics client (no textDocument.diagnostic capability): the server publishes right after didOpen.
  const server = await startServer({ pullDiagnostics: false });
  const uri = pathToFileURL(doc.file).href;
  try {
    const waiting = server.nextDiagnostics(uri, 1);
    const t = performance.now();
    server.open(uri, doc.text);
    const { at, params } = await waiting;
    return { ms: at - t, count: params.diagnostics.length };
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// (d) CLI

function cliWall(file) {
  const times = [];
  let status;
  for (let i = 0; i < CLI_RUNS; i++) {
    const t = performance.now();
    const run = spawnSync(process.execPath, [cliBin, 'check', file], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    times.push(performance.now() - t);
    if (run.error) throw new Error(`govsec check ${file}: ${run.error.message}`);
    status = run.status;
    if (status === 2) throw new Error(`govsec check ${file} failed (exit 2): ${run.stderr}`);
  }
  return { times, status };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  for (const file of [serverBin, path.join(root, 'dist', 'server.js'), path.join(root, 'dist', 'cli.js'), glossaryFile]) {
    if (!fs.existsSync(file)) {
      throw new Error(`${path.relative(root, file)} is missing; run \`npm run build\` first`);
    }
  }
  const glossary = JSON.parse(fs.readFileSync(glossaryFile, 'utf8'));
  const cpus = os.cpus();
  const out = [];
  out.push('## govsec latency benchmark', '');
  out.push(
    `- node ${process.version}, ${os.platform()} ${os.arch()}, ${typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length} cores` +
      ` (${cpus[0] ? cpus[0].model.trim() : 'unknown CPU'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, load avg ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
  );
  out.push(
    `- glossary: dist/glossary-index.json, ${glossary.terms.length} terms / ${glossary.spellings.length} spellings` +
      ` (the hover hit rate and diagnostic counts depend on it)`,
  );
  out.push(`- ${new Date().toISOString()}`, '');

  // (a)
  process.stderr.write(`bench: (a) cold start × ${COLD_RUNS}\n`);
  const cold = await coldStart();
  out.push('### (a) Cold start: spawn → initialize → didOpen → first hover response', '');
  out.push(`| runs | spawn → initialize result (median) | spawn → first hover: min | median | max |`);
  out.push(`| ---: | ---: | ---: | ---: | ---: |`);
  out.push(
    `| ${cold.total.length} | ${fmt(median(cold.initialize))} | ${fmt(min(cold.total))} | ${fmt(median(cold.total))} | ${fmt(max(cold.total))} |`,
  );
  out.push('', `Hover card begins: \`${cold.card.split('\n')[0].trim()}\``, '');

  // (b)–(d)
  if (!fs.existsSync(genDocs)) {
    out.push(
      `### (b)–(d) skipped`,
      '',
      `The shared document generator was not found at ${genDocs} (expected \`../shared\` beside the repo).`,
      'Only the cold-start measurement ran.',
      '',
    );
    console.log(out.join('\n'));
    return;
  }
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-bench-'));
  const gen = spawnSync(process.execPath, [genDocs, tempDir], { encoding: 'utf8', timeout: 60_000 });
  if (gen.status !== 0) throw new Error(`gen-docs.js failed: ${gen.stderr || gen.error}`);
  const docs = [
    { label: '~10 KB', name: 'spec-10k.md', measureEdits: true },
    { label: '~100 KB', name: 'spec-100k.md', measureEdits: true },
    { label: '~1 MB', name: 'spec-1m.md', measureEdits: true },
  ].map((d) => {
    const file = path.join(tempDir, d.name);
    const text = fs.readFileSync(file, 'utf8');
    return {
      ...d,
      file,
      text,
      bytes: Buffer.byteLength(text),
      lines: text.split('\n').length,
      occurrences: termOccurrences(text, glossary.spellings),
    };
  });

  const hover = [];
  const diag = [];
  const cli = [];
  for (const doc of docs) {
    process.stderr.write(`bench: (b) hovers on ${doc.name}\n`);
    hover.push(await hoverLatency(doc));
    process.stderr.write(`bench: (c) diagnostics push on ${doc.name}\n`);
    diag.push(await diagnosticsLatency(doc));
    process.stderr.write(`bench: (d) CLI on ${doc.name}\n`);
    cli.push(cliWall(doc.file));
  }

  const row = (label, cells) => `| ${label} | ${cells.join(' | ')} |`;
  out.push('### (b)–(d) Generated procurement specs (`gen-docs.js`)', '');
  out.push(row('measurement', docs.map((d) => d.label)));
  out.push(row('---', docs.map(() => '---:')));
  out.push(row('document: bytes / lines', docs.map((d) => `${fmtBytes(d.bytes)} / ${d.lines}`)));
  out.push(row('glossary spellings found (hover targets)', docs.map((d) => String(d.occurrences.length))));
  out.push(row('(b) first hover right after didOpen (includes analysis)', hover.map((h) => fmt(h.first))));
  out.push(
    row(
      '(b) subsequent hovers: median / p95 (n)',
      hover.map((h) => (h.rest.length ? `${fmt(median(h.rest))} / ${fmt(percentile(h.rest, 95))} (${h.rest.length})` : 'n/a')),
    ),
  );
  out.push(row('(b) hovers that returned a card', hover.map((h) => `${h.cards}/${h.hovers}`)));
  out.push(
    row(
      `(c) didChange (1 char) → next hover: min / median / max (n)`,
      hover.map((h) =>
        h.edits.length ? `${fmt(min(h.edits))} / ${fmt(median(h.edits))} / ${fmt(max(h.edits))} (${h.edits.length})` : '—',
      ),
    ),
  );
  out.push(
    row(
      '(c) didChange (1 char) → pulled diagnostics, all rules (findings): median (n)',
      hover.map((h) => (h.pulls && h.pulls.length ? `${fmt(median(h.pulls))} (${h.pullCount}; n=${h.pulls.length})` : '—')),
    ),
  );
  out.push(row('(c) didOpen → pushed diagnostics (count)', diag.map((d) => `${fmt(d.ms)} (${d.count})`)));
  out.push(
    row(
      '(e) completion after 「ISMAP管理策 9.2.」 at the end: median / max (items)',
      hover.map((h) => (h.completions && h.completions.length ? `${fmt(median(h.completions))} / ${fmt(max(h.completions))} (${h.completionItems})` : '—')),
    ),
  );
  out.push(
    row(
      `(d) \`govsec check FILE\` wall: median (min), ${CLI_RUNS} runs`,
      cli.map((c) => `${fmt(median(c.times))} (${fmt(min(c.times))}), exit ${c.status}`),
    ),
  );
  out.push('');
  out.push(
    'Notes: (b) and the didChange row use a client announcing pull diagnostics, so analysis happens only on demand;',
    'the first hover is timed from didOpen. The diagnostics row uses a push client; the server is meant to publish',
    'right after didOpen (the 250 ms debounce is for edits), so a value above ~250 ms means the debounce was applied',
    'to the open as well. Each document gets a fresh server. Hover targets are glossary',
    'spellings found by plain string search; "returned a card" counts hovers the server answered with a card.',
    '',
  );
  console.log(out.join('\n'));
}

main()
  .then(() => {
    cleanup();
    clearTimeout(watchdog);
    process.exit(0);
  })
  .catch((error) => {
    console.error(`bench: ${error && error.stack ? error.stack : error}`);
    cleanup();
    clearTimeout(watchdog);
    process.exit(1);
  });
