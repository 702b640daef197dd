'use strict';
/**
 * The language-server side of the benchmark: drives the built server (`node bin/govsec-language-server.js
 * --stdio`) with a real LSP client (vscode-jsonrpc) and measures
 *   - cold start: spawn → initialize → didOpen → first pushed diagnostics, and the server's RSS then;
 *   - on the largest spec (pull-diagnostics client, govsec.diagnostics.delayMs 0 so no typing pause is
 *     included): didOpen → first pulled diagnostics; one-character edit → fresh pulled diagnostics; hover at
 *     glossary terms; completion after a control-ID cue; RSS with the document open;
 *   - the same hovers and completions while a huge document (a 10 MB single line) is being analysed, and
 *     hovers near the end of that document, as three concurrent streams of requests.
 * Times are taken at the client: each includes one stdio round trip and the JSON of the answer. Beside each,
 * the server's main-thread CPU time for it (Linux), which other jobs on a shared machine disturb much less.
 * Every request has a timeout; spawned servers are tracked and killed by killServers().
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { pathToFileURL } = require('node:url');

const root = path.resolve(__dirname, '..');
const serverBin = path.join(root, 'bin', 'govsec-language-server.js');

let rpc;
function jsonrpc() {
  rpc ??= require('vscode-jsonrpc/node');
  return rpc;
}

const children = new Set();

function killServers() {
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

class TimeoutError extends Error {}

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`timeout after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
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

/** Up to `count` positions inside occurrences of the glossary's spellings, spread over the text. */
function hoverTargets(text, spellings, count) {
  const texts = [...new Set(spellings.map((s) => s.text))].filter((s) => s.length >= 2);
  const offsets = [];
  for (const spelling of texts) {
    for (let i = text.indexOf(spelling); i >= 0 && offsets.length < 50_000; i = text.indexOf(spelling, i + spelling.length)) {
      offsets.push(i + (offsets.length % spelling.length));
    }
  }
  offsets.sort((a, b) => a - b);
  const starts = lineStarts(text);
  const targets = [];
  for (let k = 0; k < count && offsets.length > 0; k++) {
    targets.push(positionAt(starts, offsets[Math.floor((k * offsets.length) / count) % offsets.length]));
  }
  return targets;
}

function hoverValue(result) {
  const contents = result && result.contents;
  if (!contents) return '';
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
  return contents.value || '';
}

/** Resident and peak resident memory of a process in bytes (Linux /proc); undefined elsewhere. */
function memoryOf(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
    return { rss: kb('VmRSS'), peak: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** CPU time (ms) the process's main thread has run so far (Linux /proc schedstat, ns precision); NaN elsewhere. */
function mainThreadCpuMs(pid) {
  try {
    return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One language server over stdio

async function startServer({ pullDiagnostics, requestTimeoutMs }) {
  const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = jsonrpc();
  const t0 = performance.now();
  const child = spawn(process.execPath, [serverBin, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onError(() => undefined);
  connection.onClose(() => undefined);
  const diagnosticListeners = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const listener of diagnosticListeners) listener(params);
  });
  connection.onNotification('window/logMessage', () => undefined);
  // No typing pause before diagnostics: the edit measurement is the server's work, not its debounce.
  connection.onRequest('workspace/configuration', (params) => params.items.map((item) => (item.section === 'govsec' ? { diagnostics: { delayMs: 0 } } : null)));
  connection.onRequest(() => null); // client/registerCapability and the like
  connection.listen();

  const capabilities = {
    general: { positionEncodings: ['utf-16'] },
    workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
    textDocument: {
      synchronization: { didSave: false },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      completion: { completionItem: { snippetSupport: true } },
      publishDiagnostics: { versionSupport: true },
      ...(pullDiagnostics ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
  };
  const failEarly = exited.then(({ code, signal }) => {
    throw new Error(`server exited (code ${code}, signal ${signal}); stderr: ${stderr.trim()}`);
  });
  failEarly.catch(() => undefined);
  const request = (method, params, what) => withTimeout(Promise.race([connection.sendRequest(method, params), failEarly]), requestTimeoutMs, what);
  await request(
    'initialize',
    { processId: process.pid, clientInfo: { name: 'govsec-bench', version: '1' }, rootUri: null, workspaceFolders: null, capabilities },
    'initialize',
  );
  await connection.sendNotification('initialized', {});

  const versions = new Map();
  return {
    t0,
    pid: child.pid,
    cpuMs: () => mainThreadCpuMs(child.pid),
    stderr: () => stderr,
    open(uri, text, languageId = 'markdown') {
      versions.set(uri, 1);
      return connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    },
    change(uri, range, text) {
      const version = (versions.get(uri) ?? 0) + 1;
      versions.set(uri, version);
      return connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    },
    hover: (uri, position) => request('textDocument/hover', { textDocument: { uri }, position }, `hover ${position.line}:${position.character}`),
    completion: (uri, position) => request('textDocument/completion', { textDocument: { uri }, position }, `completion ${position.line}:${position.character}`),
    pullDiagnostics: (uri, timeoutMs = requestTimeoutMs) =>
      withTimeout(Promise.race([connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }), failEarly]), timeoutMs, `diagnostic ${uri}`),
    /** The next publishDiagnostics for `uri` and version. */
    nextDiagnostics(uri, version) {
      let listener;
      const promise = new Promise((resolve) => {
        listener = (params) => {
          if (params.uri === uri && (version === undefined || params.version === version)) resolve({ at: performance.now(), params });
        };
        diagnosticListeners.add(listener);
      });
      return withTimeout(Promise.race([promise, failEarly]), requestTimeoutMs, `publishDiagnostics ${uri}`).finally(() => diagnosticListeners.delete(listener));
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
}

// ---------------------------------------------------------------------------------------------------------------
// Measurements

const COLD_DOC = ['# 調達仕様書（性能計測）', '', '本システムはガバクラ上に構築し、ISMAP登録済みのクラウドサービスを利用する。', ''].join('\n');

/** spawn → initialize → didOpen → first pushed diagnostics, `runs` times; RSS of each server at that moment. */
async function coldStart({ runs, requestTimeoutMs }) {
  const uri = pathToFileURL(path.join(os.tmpdir(), 'govsec-bench-cold.md')).href;
  const times = [];
  const rss = [];
  let count = 0;
  for (let i = 0; i < runs; i++) {
    const server = await startServer({ pullDiagnostics: false, requestTimeoutMs });
    try {
      const first = server.nextDiagnostics(uri, 1);
      server.open(uri, COLD_DOC);
      const { at, params } = await first;
      times.push(at - server.t0);
      count = params.diagnostics.length;
      rss.push(memoryOf(server.pid)?.rss ?? NaN);
    } finally {
      await server.stop();
    }
  }
  return { times, rss, diagnostics: count };
}

/**
 * Latency samples of `fn` over `targets` (a request that times out counts as its timeout), and the server's
 * main-thread CPU time for each.
 */
async function sample(server, targets, fn, timeoutMs) {
  const times = [];
  const cpu = [];
  let answered = 0;
  let timeouts = 0;
  for (const target of targets) {
    const c = server.cpuMs();
    const t = performance.now();
    try {
      if (await fn(target)) answered++;
    } catch (error) {
      if (!(error instanceof TimeoutError)) throw error;
      timeouts++;
    }
    times.push(Math.min(performance.now() - t, timeoutMs));
    cpu.push(server.cpuMs() - c);
  }
  return { times, cpu, answered, timeouts };
}

/**
 * One server, one pull client: the large spec, then the huge document opened beside it.
 * doc: { file, text }; huge: { file, text } or undefined; spellings: the glossary's (hover targets).
 */
async function editorSession(doc, huge, spellings, options) {
  const { hovers, completions, edits, requestTimeoutMs, hugeTimeoutMs } = options;
  const server = await startServer({ pullDiagnostics: true, requestTimeoutMs });
  const uri = pathToFileURL(doc.file).href;
  const result = {};
  try {
    const targets = hoverTargets(doc.text, spellings, hovers);
    // didOpen → first pulled diagnostics (analysis and every rule).
    let t = performance.now();
    server.open(uri, doc.text);
    const first = await server.pullDiagnostics(uri);
    result.openMs = performance.now() - t;
    result.findings = first.items.length;

    // One-character edits, each followed by a pull: fresh diagnostics. Typing in a paragraph in the middle of
    // the document (the usual case: only its section is parsed and checked again), then in the title (the
    // worst case: every section's heading path changes, so everything is checked again).
    const starts = lineStarts(doc.text);
    const lineEnd = (line) => (starts[line + 1] ?? doc.text.length + 1) - 1 - starts[line];
    let bodyLine = Math.floor(starts.length / 2);
    while (bodyLine < starts.length - 1 && !/^[^#|>\s`-]/.test(doc.text.slice(starts[bodyLine], starts[bodyLine] + 1))) {
      bodyLine++;
    }
    const typeAt = async (line, count, times, cpu) => {
      let character = lineEnd(line);
      for (let k = 0; k < count; k++) {
        const at = { line, character };
        const c = server.cpuMs();
        t = performance.now();
        server.change(uri, { start: at, end: at }, k % 2 ? 'y' : 'x');
        const report = await server.pullDiagnostics(uri);
        times.push(performance.now() - t);
        cpu.push(server.cpuMs() - c);
        result.editFindings = report.items.length;
        character += 1;
      }
    };
    result.edits = [];
    result.editsCpu = [];
    await typeAt(bodyLine, edits, result.edits, result.editsCpu);
    result.titleEdits = [];
    result.titleEditsCpu = [];
    await typeAt(0, Math.max(3, Math.round(edits / 4)), result.titleEdits, result.titleEditsCpu);

    // A control-ID cue typed on a new last line: completion reads around the cursor.
    const lastLine = starts.length - 1;
    const lastLength = doc.text.length - starts[lastLine];
    const cue = 'ISMAP管理策 9.2.';
    server.change(uri, { start: { line: lastLine, character: lastLength }, end: { line: lastLine, character: lastLength } }, `\n${cue}`);
    const cuePosition = { line: lastLine + 1, character: cue.length };
    await server.pullDiagnostics(uri);
    const completionTargets = Array.from({ length: completions }, () => cuePosition);

    const quiet = async (label) => {
      const hover = await sample(server, targets, async (p) => hoverValue(await server.hover(uri, p)) !== '', requestTimeoutMs);
      const completion = await sample(server, completionTargets, async (p) => ((await server.completion(uri, p))?.items ?? []).length > 0, requestTimeoutMs);
      result[label] = { hover, completion };
    };
    await quiet('idle');
    result.memory = memoryOf(server.pid);

    if (huge) {
      // The huge document is opened and its diagnostics pulled (as an editor does), without waiting: the
      // hovers and completions in the other document run while it is being analysed.
      const hugeUri = pathToFileURL(huge.file).href;
      const tHuge = performance.now();
      server.open(hugeUri, huge.text);
      const hugePull = server
        .pullDiagnostics(hugeUri, hugeTimeoutMs)
        .then((report) => {
          const codes = new Map();
          for (const item of report.items) codes.set(String(item.code), (codes.get(String(item.code)) ?? 0) + 1);
          return { ms: performance.now() - tHuge, items: report.items.length, codes: [...codes].sort((a, b) => b[1] - a[1]) };
        })
        .catch((error) => ({ ms: performance.now() - tHuge, error: error.message }));
      const busyTimeout = Math.min(requestTimeoutMs, hugeTimeoutMs);
      // Hovers and completions in the large spec, and hovers near the end of the huge document itself, as three
      // concurrent streams (an editor does not wait for one before asking another), so each meets the busy server.
      const hugeTargets = hoverTargets(huge.text.slice(-20_000), spellings, 5).map((p) => ({ line: 0, character: huge.text.length - 20_000 + p.character }));
      const [hover, completion, hugeHover] = await Promise.all([
        sample(server, targets, async (p) => hoverValue(await server.hover(uri, p)) !== '', busyTimeout),
        sample(server, completionTargets, async (p) => ((await server.completion(uri, p))?.items ?? []).length > 0, busyTimeout),
        sample(server, hugeTargets, async (p) => hoverValue(await server.hover(hugeUri, p)) !== '', busyTimeout),
      ]);
      result.busy = { hover, completion, hugeHover, pull: await hugePull, bytes: Buffer.byteLength(huge.text) };
      result.memoryWithHuge = memoryOf(server.pid);
    }
  } finally {
    await server.stop();
  }
  return result;
}

module.exports = { killServers, coldStart, editorSession, memoryOf };
