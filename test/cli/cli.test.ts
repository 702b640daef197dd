import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ismapListAge } from '../../server/src/services/ismapList';
import type { IsmapList } from '../../server/src/services/types';
import { bundledKnowledge, repoRoot } from '../helpers';

/**
 * Runs the CLI on a fixed date, so that the note on an old ISMAP list does not depend on the day the tests run,
 * and in a given locale (default: none, which is English), so that the language does not depend on the machine.
 */
function govsec(args: string[], cwd: string, today = '2026-12-01', locale = '') {
  const env = { ...process.env, GOVSEC_TODAY: today, LC_ALL: locale, LC_MESSAGES: '', LANG: '' };
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('govsec CLI', () => {
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-cli-'));
    fs.mkdirSync(path.join(folder, 'docs', 'sub'), { recursive: true });
    // イスマップ after a surrogate pair: UTF-16 column 4 (1-based), not code-point column 3.
    fs.writeFileSync(path.join(folder, 'docs', 'spec.md'), '# 仕様\n\n𠮷イスマップ登録済みのサービスを使う。\n');
    fs.writeFileSync(path.join(folder, 'docs', 'sub', 'profile.yml'), 'network: 政府共通ネットワーク\n');
    fs.writeFileSync(path.join(folder, 'docs', 'sub', 'notes.txt'), 'ガバクラ\n');
    fs.writeFileSync(path.join(folder, 'clean.md'), 'これは普通の文章です。ISMAPとガバメントクラウド。\n');
    fs.writeFileSync(path.join(folder, 'binary.md'), Buffer.from([0x47, 0x00, 0x53, 0x53]));
    fs.writeFileSync(path.join(folder, 'sjis.md'), Buffer.from(new Uint8Array([0x83, 0x4b, 0x83, 0x6f, 0x83, 0x4e, 0x83, 0x89, 0x0a]))); // ガバクラ in Shift_JIS
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reports term/variant for full-width イスマップ at its 1-based UTF-16 column in JSON', () => {
    const result = govsec(['check', 'docs/spec.md', '--format', 'json', '--lang', 'ja'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout), [
      {
        file: 'docs/spec.md',
        line: 3,
        column: 3,
        endLine: 3,
        endColumn: 8,
        rule: 'term/variant',
        severity: 'information',
        message: '表記ゆれ: 「イスマップ」は「ISMAP」と表記します',
      },
    ]);
  });

  it('expands folders to Markdown and YAML files and prints file:line:col severity rule message', () => {
    // A Japanese locale in the environment gives Japanese messages.
    const result = govsec(['check', 'docs'], folder, undefined, 'ja_JP.UTF-8');
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2, result.stdout);
    assert.equal(lines[0], 'docs/spec.md:3:3 information term/variant 表記ゆれ: 「イスマップ」は「ISMAP」と表記します');
    assert.match(lines[1], /^docs\/sub\/profile\.yml:1:10 information term\/deprecated 旧名称: 「政府共通ネットワーク」の後継は/);
  });

  it('writes English without a Japanese locale, and --lang overrides the environment', () => {
    const english = govsec(['check', 'docs/spec.md'], folder, undefined, 'C.UTF-8');
    assert.equal(english.stdout, 'docs/spec.md:3:3 information term/variant Non-canonical spelling: write "ISMAP", not "イスマップ".\n');
    const japanese = govsec(['check', 'docs/spec.md', '--lang=ja'], folder, undefined, 'en_US.UTF-8');
    assert.equal(japanese.stdout, 'docs/spec.md:3:3 information term/variant 表記ゆれ: 「イスマップ」は「ISMAP」と表記します\n');
    const wrong = govsec(['check', 'docs/spec.md', '--lang', 'fr'], folder);
    assert.equal(wrong.status, 2);
    assert.match(wrong.stderr, /^govsec: --lang must be ja or en \(got "fr"\)/);
  });

  it('prints nothing and exits 0 for a clean file', () => {
    const result = govsec(['check', 'clean.md'], folder);
    assert.deepEqual([result.status, result.stdout, result.stderr], [0, '', '']);
  });

  it('prints an empty JSON array for a clean file', () => {
    const result = govsec(['check', 'clean.md', '--format=json'], folder);
    assert.equal(result.status, 0);
    assert.deepEqual(JSON.parse(result.stdout), []);
  });

  it('reads Shift_JIS files', () => {
    const result = govsec(['check', 'sjis.md', '--format', 'json'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(JSON.parse(result.stdout).map((f: { rule: string; column: number }) => [f.rule, f.column]), [['term/variant', 1]]);
  });

  it('notes once, on stderr, that the ISMAP list in use is more than three months old, and offers the import', () => {
    const bundled = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', 'services-index.json'), 'utf8')).ismapList as IsmapList;
    const lastCurrentDay = ismapListAge(bundled, '').currentUntil;
    assert.equal(govsec(['check', 'clean.md'], folder, lastCurrentDay).stderr, '');
    const nextDay = new Date(Date.parse(`${lastCurrentDay}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const result = govsec(['check', 'clean.md', 'docs'], folder, nextDay);
    assert.equal(result.status, 0);
    assert.equal(
      result.stderr,
      `govsec: note: the ISMAP list "govsec bundled ISMAP list (partial)" (as of ${bundled.asOf}, ${bundled.entries.length} services, partial) ` +
        'is more than three months old, and the portal updates its list about every three months; save the current list from ' +
        'https://www.ismap.go.jp/csm?id=cloud_service_list and run `govsec ismap import FILE`\n',
    );
  });

  it('skips binary files with a note on stderr', () => {
    const result = govsec(['check', 'binary.md'], folder);
    assert.equal(result.status, 0);
    assert.equal(result.stderr, 'govsec: binary.md: contains NUL bytes: a binary file, or UTF-16 without a byte order mark; skipped\n');
  });

  it('exits 2 with a clear message for an unreadable file, still checking the others', () => {
    const result = govsec(['check', 'missing.md', 'docs/spec.md'], folder);
    assert.equal(result.status, 2);
    assert.equal(result.stderr, 'govsec: missing.md: no such file\n');
    assert.match(result.stdout, /^docs\/spec\.md:3:3 information term\/variant /);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(govsec([], folder).status, 2);
    const badFormat = govsec(['check', 'clean.md', '--format', 'xml'], folder);
    assert.equal(badFormat.status, 2);
    assert.match(badFormat.stderr, /^govsec: --format must be text, json or sarif \(got "xml"\)/);
    assert.equal(govsec(['check'], folder).status, 2);
    assert.equal(govsec(['frobnicate'], folder).status, 2);
    assert.equal(govsec(['check', '--nope', 'clean.md'], folder).status, 2);
  });

  it('glossary stats --stale DAYS lists the entries not checked within DAYS days of --today', () => {
    const terms = bundledKnowledge().glossary.terms;
    const today = '2026-12-31';
    const ageOf = (asOf: string) => Math.round((Date.parse(today) - Date.parse(asOf)) / 86_400_000);
    const limit = ageOf(terms[0].asOf) - 1; // the first term is just over the limit
    const result = govsec(['glossary', 'stats', '--stale', String(limit), '--today', today], folder);
    assert.equal(result.status, 0, result.stderr);
    const lines = result.stdout.trimEnd().split('\n');
    const expectedTerms = terms.filter((term) => ageOf(term.asOf) > limit);
    assert.match(lines[0], new RegExp(`^\\d+ entries not checked within ${limit} days of ${today}$`));
    assert.deepEqual(lines[2].split(/ +/), ['kind', 'id', 'as', 'of', 'days', 'where']);
    const termRows = lines.filter((line) => line.startsWith('terms '));
    assert.deepEqual(
      termRows.map((line) => line.split(/ +/).slice(1, 5)),
      expectedTerms
        .sort((a, b) => ageOf(b.asOf) - ageOf(a.asOf) || a.id.localeCompare(b.id))
        .map((term) => [term.id, term.asOf, String(ageOf(term.asOf)), `${term.location.file}:${term.location.line}`]),
    );
    assert.ok(termRows.length > 0 && termRows.length < terms.length || terms.every((term) => term.asOf === terms[0].asOf));
  });

  it('glossary stats rejects a bad --stale or --today', () => {
    const notANumber = govsec(['glossary', 'stats', '--stale', 'soon'], folder);
    assert.deepEqual([notANumber.status, notANumber.stderr.split('\n')[0]], [2, 'govsec: --stale needs a whole number of days (got "soon")']);
    const badDate = govsec(['glossary', 'stats', '--stale', '30', '--today', '2026/12/03'], folder);
    assert.deepEqual([badDate.status, badDate.stderr.split('\n')[0]], [2, 'govsec: --today needs a date YYYY-MM-DD (got "2026/12/03")']);
    const todayAlone = govsec(['glossary', 'stats', '--today', '2026-12-03'], folder);
    assert.deepEqual([todayAlone.status, todayAlone.stderr.split('\n')[0]], [2, 'govsec: --today applies only with --stale']);
  });

  it('prints help and version', () => {
    assert.match(govsec(['--help'], folder).stdout, /^Usage:\n {2}govsec check/);
    assert.equal(govsec(['--version'], folder).stdout, '0.1.0\n');
  });
});
