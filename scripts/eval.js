#!/usr/bin/env node
/*
 * Evaluates govsec on the labelled corpus in test/corpus/ (run after a build: `npm run eval`).
 *
 * The documents under test/corpus/docs/ are checked exactly as a user's `govsec check` would check them: the
 * built CLI (bin/govsec.js → dist/cli.js) is run on the folder, so configuration lookup, profile and doctype
 * detection are the CLI's own. Each finding is compared with test/corpus/labels.yaml, whose entries are
 *   - {file: docs/x.md, line: 12, rule: privacy/report-threshold, text: "1,000人", note: why}
 * A finding matches a label when file, line (1-based, where the finding starts) and rule are equal; each label
 * matches at most one finding. `text` must occur on the labelled line, so a label cannot silently drift when a
 * document is edited.
 *
 * Prints TP, FP, FN, precision and recall per rule and overall (0/0 counts as 1: no false alarm, nothing to
 * find), and the number of findings in documents without any label (the clean documents).
 * Options: --verbose lists every FP and FN as file:line rule message; --json prints the result as JSON;
 * --corpus DIR evaluates another corpus laid out the same way (DIR/docs/, DIR/labels.yaml; default test/corpus),
 * e.g. the held-out set test/corpus/holdout, with labels and finding paths relative to DIR.
 * Exit codes: 0 evaluated; 2 the corpus or the CLI is broken (a label that names a missing file or whose text is
 * not on its line, a duplicate label, or a CLI failure).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const YAML = require('yaml');

const root = path.resolve(__dirname, '..');
const defaultCorpus = path.join(root, 'test', 'corpus');

/** The folders and files of a corpus: DIR/docs/ holds the documents, DIR/labels.yaml the labels. */
function corpusPaths(corpus = defaultCorpus) {
  return { corpus, docsFolder: path.join(corpus, 'docs'), labelsFile: path.join(corpus, 'labels.yaml') };
}

/** Reads and validates the labels; returns them with problems found (each a string). */
function readLabels({ corpus, labelsFile } = corpusPaths()) {
  const problems = [];
  const parsed = YAML.parse(fs.readFileSync(labelsFile, 'utf8'));
  const entries = Array.isArray(parsed) ? parsed : [];
  if (!Array.isArray(parsed)) {
    problems.push(`${path.relative(root, labelsFile)}: expected a list of labels`);
  }
  const seen = new Set();
  const lines = new Map();
  const labels = [];
  entries.forEach((entry, index) => {
    const where = `labels.yaml entry ${index + 1}`;
    if (!entry || typeof entry.file !== 'string' || !Number.isInteger(entry.line) || typeof entry.rule !== 'string') {
      problems.push(`${where}: needs file, line (integer) and rule`);
      return;
    }
    const file = path.join(corpus, entry.file);
    if (!fs.existsSync(file)) {
      problems.push(`${where}: no such file ${entry.file}`);
      return;
    }
    if (!lines.has(entry.file)) {
      lines.set(entry.file, fs.readFileSync(file, 'utf8').split(/\r?\n/));
    }
    const text = lines.get(entry.file)[entry.line - 1];
    if (text === undefined) {
      problems.push(`${where}: ${entry.file} has no line ${entry.line}`);
      return;
    }
    if (typeof entry.text === 'string' && !text.includes(entry.text)) {
      problems.push(`${where}: ${entry.file}:${entry.line} does not contain ${JSON.stringify(entry.text)}`);
    }
    const key = `${entry.file}:${entry.line}:${entry.rule}`;
    if (seen.has(key)) {
      problems.push(`${where}: duplicate label ${key}`);
    }
    seen.add(key);
    labels.push({ file: entry.file, line: entry.line, rule: entry.rule, note: entry.note ?? '' });
  });
  return { labels, problems };
}

/** Runs the built CLI on the corpus documents; returns findings with file paths relative to the corpus folder. */
function runCheck({ corpus, docsFolder } = corpusPaths()) {
  const cli = path.join(root, 'bin', 'govsec.js');
  const result = spawnSync(process.execPath, [cli, 'check', path.relative(root, docsFolder), '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`govsec check exited ${result.status}: ${result.stderr || result.error}`);
  }
  return JSON.parse(result.stdout).map((finding) => ({
    ...finding,
    file: path.relative(corpus, path.resolve(root, finding.file)).split(path.sep).join('/'),
  }));
}

function ratio(numerator, denominator) {
  return denominator === 0 ? 1 : numerator / denominator;
}

function score(tp, fp, fn) {
  return { tp, fp, fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** Matches findings to labels and scores them per rule and overall. */
function evaluate(labels, findings, paths = corpusPaths()) {
  const open = new Map();
  for (const label of labels) {
    const key = `${label.file}:${label.line}:${label.rule}`;
    open.set(key, label);
  }
  const truePositives = [];
  const falsePositives = [];
  for (const finding of findings) {
    const key = `${finding.file}:${finding.line}:${finding.rule}`;
    if (open.has(key)) {
      truePositives.push(finding);
      open.delete(key);
    } else {
      falsePositives.push(finding);
    }
  }
  const falseNegatives = [...open.values()];
  const rules = [...new Set([...labels.map((l) => l.rule), ...findings.map((f) => f.rule)])].sort();
  const count = (list, rule) => list.filter((item) => item.rule === rule).length;
  const perRule = Object.fromEntries(
    rules.map((rule) => [rule, score(count(truePositives, rule), count(falsePositives, rule), count(falseNegatives, rule))]),
  );
  const labelledFiles = new Set(labels.map((l) => l.file));
  const documents = listDocuments(paths);
  const cleanDocuments = documents.filter((file) => !labelledFiles.has(file));
  const findingsOnClean = findings.filter((f) => !labelledFiles.has(f.file));
  return {
    documents: documents.length,
    cleanDocuments: cleanDocuments.length,
    labels: labels.length,
    findings: findings.length,
    findingsOnCleanDocuments: findingsOnClean.length,
    cleanDocumentsWithFindings: new Set(findingsOnClean.map((f) => f.file)).size,
    overall: score(truePositives.length, falsePositives.length, falseNegatives.length),
    perRule,
    falsePositives,
    falseNegatives,
  };
}

function listDocuments({ corpus, docsFolder } = corpusPaths()) {
  const found = [];
  const walk = (folder) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const child = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        walk(child);
      } else if (/\.(md|markdown|ya?ml)$/i.test(entry.name)) {
        found.push(path.relative(corpus, child).split(path.sep).join('/'));
      }
    }
  };
  walk(docsFolder);
  return found.sort();
}

function formatNumber(value) {
  return value.toFixed(3);
}

function report(result, verbose) {
  const rows = [['rule', 'TP', 'FP', 'FN', 'precision', 'recall']];
  for (const [rule, s] of Object.entries(result.perRule)) {
    rows.push([rule, String(s.tp), String(s.fp), String(s.fn), formatNumber(s.precision), formatNumber(s.recall)]);
  }
  const o = result.overall;
  rows.push(['overall', String(o.tp), String(o.fp), String(o.fn), formatNumber(o.precision), formatNumber(o.recall)]);
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => [...row[column]].length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  '));
  lines.splice(rows.length - 1, 0, '-'.repeat(lines[0].length));
  const out = [
    `corpus: ${result.documents} documents (${result.cleanDocuments} without labels), ${result.labels} labels, ${result.findings} findings`,
    '',
    ...lines,
    '',
    `findings on documents without labels: ${result.findingsOnCleanDocuments} (in ${result.cleanDocumentsWithFindings} documents)`,
  ];
  if (verbose) {
    out.push('', `false positives (${result.falsePositives.length}):`);
    for (const f of result.falsePositives) {
      out.push(`  ${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
    }
    out.push('', `false negatives (${result.falseNegatives.length}):`);
    for (const l of result.falseNegatives) {
      out.push(`  ${l.file}:${l.line} ${l.rule} ${l.note}`);
    }
  }
  return `${out.join('\n')}\n`;
}

function main(args) {
  let verbose = false;
  let json = false;
  let corpusDir;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--verbose' || arg === '-v') {
      verbose = true;
    } else if (arg === '--json') {
      json = true;
    } else if (arg === '--corpus' && i + 1 < args.length && !args[i + 1].startsWith('-')) {
      corpusDir = args[++i];
    } else if (arg.startsWith('--corpus=') && arg.length > '--corpus='.length) {
      corpusDir = arg.slice('--corpus='.length);
    } else {
      const what = arg === '--corpus' || arg === '--corpus=' ? 'option --corpus needs a folder' : `unknown option ${arg}`;
      process.stderr.write(`eval: ${what} (options: --verbose, --json, --corpus DIR)\n`);
      return 2;
    }
  }
  const paths = corpusPaths(corpusDir === undefined ? defaultCorpus : path.resolve(process.cwd(), corpusDir));
  if (!fs.existsSync(paths.docsFolder) || !fs.existsSync(paths.labelsFile)) {
    process.stderr.write(`eval: ${path.relative(root, paths.corpus) || '.'} has no docs/ folder or no labels.yaml\n`);
    return 2;
  }
  const { labels, problems } = readLabels(paths);
  if (problems.length > 0) {
    process.stderr.write(problems.map((p) => `eval: ${p}\n`).join(''));
    return 2;
  }
  const result = evaluate(labels, runCheck(paths), paths);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : report(result, verbose));
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`eval: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
}

module.exports = { corpusPaths, evaluate, readLabels, runCheck, score };
