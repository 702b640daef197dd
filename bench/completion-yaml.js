#!/usr/bin/env node
/*
 * YAML completion latency on a ~1 MB system profile (run after `npm run build && npx tsc -b`):
 *   node bench/completion-yaml.js
 * BENCH_OUT=dir takes the compiled server from another build (to compare two versions on the same machine load).
 * Completion is asked at a few kinds of place (a key being typed deep in a long list, a list entry in the middle,
 * a value near the top, a top-level key at the end); prints the median and p99 of BENCH_RUNS (200) calls each.
 */
'use strict';

const path = require('node:path');
const { performance } = require('node:perf_hooks');

const root = path.resolve(__dirname, '..');
const out = process.env.BENCH_OUT ? path.resolve(process.env.BENCH_OUT) : path.join(root, 'out');
const { completionsAt } = require(path.join(out, 'server', 'src', 'features', 'completion.js'));
const { loadKnowledge } = require(path.join(out, 'server', 'src', 'knowledge.js'));

const RUNS = Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 200;
const knowledge = loadKnowledge(path.join(root, 'dist'));

function profile(bytes) {
  const head = 'doctype: system-profile\ntitle: 電子申請システム 調達仕様書\ncloud:\n  provider: AWS\n  region: ap-northeast-1\nsaas:\n';
  const entries = [];
  let size = head.length;
  for (let index = 0; size < bytes; index++) {
    const entry = `  - name: Service ${index}\n    purpose: 電子契約の管理と文書の保管、ガバメントクラウド上のシステムとの連携 ${index}\n`;
    entries.push(entry);
    size += entry.length;
  }
  return head + entries.join('');
}

const base = profile(1_000_000);
const middle = base.indexOf('  - name: Service 5000\n');
const cases = [
  ['key typed in the last list entry', base + '    no‸\n'],
  ['list entry in the middle', base.slice(0, middle) + '  - ‸\n' + base.slice(middle)],
  ['value near the top', base.replace('  region: ap-northeast-1\n', '  region: ap-‸\n')],
  ['top-level key at the end', base + '‸\n'],
];

console.log(`YAML completion on ${(base.length / 1e6).toFixed(2)} MB (${RUNS} runs each; ms)`);
for (const [name, marked] of cases) {
  const offset = marked.indexOf('‸');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const times = [];
  let items = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    items = completionsAt(text, 'file:///system-profile.yaml', 'yaml', offset, knowledge).items.length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(3);
  console.log(`${name.padEnd(36)} median ${at(0.5)}  p99 ${at(0.99)}  (${items} items)`);
}
