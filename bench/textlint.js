'use strict';
/**
 * The textlint + prh side of the benchmark: textlint and textlint-rule-prh at pinned versions, installed with
 * `npm install --prefix` into a cache folder outside the repository (reused while the versions match), run
 * as a user would (`textlint FILE` with the rule configured in a config file, since `--rule prh` drops the
 * rule's options) on the dictionary `govsec export prh` writes.
 */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { spawnTimed } = require('./stats');

const PINNED = { textlint: '15.8.0', 'textlint-rule-prh': '6.1.0' };

function defaultCacheDir() {
  return process.env.GOVSEC_BENCH_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'govsec-bench');
}

function installedVersion(cacheDir, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(cacheDir, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** Installs the pinned packages unless they are there already; returns the textlint entry script. */
function ensureTextlint(cacheDir = defaultCacheDir(), log = () => undefined) {
  const missing = Object.entries(PINNED).filter(([name, version]) => installedVersion(cacheDir, name) !== version);
  if (missing.length > 0) {
    fs.mkdirSync(cacheDir, { recursive: true });
    // A package.json of its own keeps npm from walking up into another project.
    const manifest = path.join(cacheDir, 'package.json');
    if (!fs.existsSync(manifest)) fs.writeFileSync(manifest, JSON.stringify({ name: 'govsec-bench-cache', private: true }, null, 2) + '\n');
    const specs = Object.entries(PINNED).map(([name, version]) => `${name}@${version}`);
    log(`installing ${specs.join(' ')} into ${cacheDir}`);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const run = spawnSync(npm, ['install', '--prefix', cacheDir, '--save-exact', '--no-audit', '--no-fund', '--ignore-scripts', ...specs], {
      encoding: 'utf8',
      timeout: 300_000,
    });
    if (run.status !== 0) throw new Error(`npm install ${specs.join(' ')} failed: ${run.stderr || run.error}`);
  }
  return path.join(cacheDir, 'node_modules', 'textlint', 'bin', 'textlint.js');
}

/** A textlint config with prh reading `dictionary`; written to `dir`. */
function writeConfig(dir, dictionary) {
  const file = path.join(dir, '.textlintrc.json');
  fs.writeFileSync(file, JSON.stringify({ rules: { prh: { rulePaths: [dictionary] } } }, null, 2));
  return file;
}

/**
 * Wall and CPU time of `textlint --config CONFIG FILE` (`runs` times) and the number of problems of the last run
 * (exit 1 means problems were found, which is expected here).
 */
function textlintWall(textlintBin, config, file, runs, cacheDir = defaultCacheDir()) {
  const times = [];
  const cpu = [];
  let problems = NaN;
  for (let i = 0; i < runs; i++) {
    const run = spawnTimed(
      [process.execPath, textlintBin, '--config', config, '--rules-base-directory', path.join(cacheDir, 'node_modules'), '--format', 'json', file],
      { timeout: 300_000 },
    );
    times.push(run.wallMs);
    cpu.push(run.cpuMs);
    if (run.status !== 0 && run.status !== 1) {
      throw new Error(`textlint ${file} failed (exit ${run.status}): ${run.stderr}`);
    }
    problems = JSON.parse(run.stdout).reduce((n, result) => n + result.messages.length, 0);
  }
  return { times, cpu, problems };
}

module.exports = { PINNED, defaultCacheDir, ensureTextlint, writeConfig, textlintWall };
