'use strict';
/** Statistics and formatting for the benchmark (plain Node). */

function sorted(values) {
  return [...values].sort((a, b) => a - b);
}

/** Nearest-rank percentile. */
function percentile(values, p) {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length - 1, Math.max(0, rank - 1))];
}

function median(values) {
  if (values.length === 0) return NaN;
  const s = sorted(values);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function fmtMs(ms) {
  if (!Number.isFinite(ms)) return 'n/a';
  if (ms >= 1000) return `${(ms / 1000).toFixed(2)} s`;
  if (ms >= 100) return `${ms.toFixed(0)} ms`;
  if (ms >= 10) return `${ms.toFixed(1)} ms`;
  if (ms >= 1) return `${ms.toFixed(2)} ms`;
  return `${ms.toFixed(3)} ms`;
}

function fmtBytes(n) {
  if (!Number.isFinite(n)) return 'n/a';
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${n} B`;
}

function fmtRatio(x) {
  if (!Number.isFinite(x)) return 'n/a';
  return x >= 10 ? `${x.toFixed(0)}×` : `${x.toFixed(1)}×`;
}

/**
 * Times `fn` `runs` times (after `warmup` untimed calls): wall ms, and CPU ms of this process (user + system,
 * all threads), which other jobs on a shared machine disturb much less.
 */
function timeRuns(fn, runs, warmup = 0) {
  const { performance } = require('node:perf_hooks');
  for (let i = 0; i < warmup; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

/**
 * Runs a command to completion: its wall time, and its CPU time (user + system of it and its children, from
 * bash's `times`), its exit status and standard output.
 */
function spawnTimed(argv, { cwd, timeout }) {
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const { spawnSync } = require('node:child_process');
  const { performance } = require('node:perf_hooks');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-bench-run-'));
  const outFile = path.join(dir, 'stdout');
  const errFile = path.join(dir, 'stderr');
  try {
    const t = performance.now();
    const run = spawnSync('bash', ['-c', '"$@" > "$BENCH_STDOUT" 2> "$BENCH_STDERR"; status=$?; times; exit $status', 'bench', ...argv], {
      cwd,
      timeout,
      encoding: 'utf8',
      env: { ...process.env, BENCH_STDOUT: outFile, BENCH_STDERR: errFile },
    });
    const wallMs = performance.now() - t;
    if (run.error) throw run.error;
    // `times` prints the shell's own user/system times, then its children's: "0m1.234s 0m0.056s".
    const children = (run.stdout.trim().split('\n')[1] || '').match(/(\d+)m([\d.]+)s (\d+)m([\d.]+)s/);
    const cpuMs = children ? (Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4])) * 1000 : NaN;
    return { wallMs, cpuMs, status: run.status, stdout: fs.readFileSync(outFile, 'utf8'), stderr: fs.readFileSync(errFile, 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { percentile, median, fmtMs, fmtBytes, fmtRatio, timeRuns, spawnTimed };
