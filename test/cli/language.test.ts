import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

/**
 * The built CLI speaks one language, chosen like the findings' language: --lang ja|en, else LC_ALL,
 * LC_MESSAGES or LANG, else English. Usage, argument errors, and the problems of a broken .govsec.yaml
 * (YAML syntax and schema) with their exact file:line:column.
 */

/** Runs bin/govsec.js with only the locale variables given (the machine's locale does not leak in). */
function govsec(args: string[], cwd: string, locale: { LANG?: string; LC_ALL?: string } = {}) {
  const env = { ...process.env, GOVSEC_TODAY: '2026-12-01', LC_ALL: locale.LC_ALL ?? '', LC_MESSAGES: '', LANG: locale.LANG ?? '' };
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), ...args], { cwd, encoding: 'utf8', env });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

describe('govsec CLI: one language for usage, argument errors and broken configuration', () => {
  let folder: string;

  beforeEach(() => {
    folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-cli-language-')));
    fs.writeFileSync(path.join(folder, 'spec.md'), '# 仕様\n\nイスマップ登録済みのサービスを使う。\n');
  });

  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('writes the usage in Japanese with --lang ja or LANG=ja_JP.UTF-8, in English with --lang en or no locale', () => {
    const expected = {
      ja: ['使い方:', '  govsec check [ファイルまたはフォルダー…] [--format text|json|sarif] [--config FILE] [--max-length N]', '終了コード: 0 重大度 error の指摘なし、1 一件以上あり、2 使い方の誤りまたは実行時の失敗。'],
      en: ['Usage:', '  govsec check [files or folders…] [--format text|json|sarif] [--config FILE] [--max-length N]', 'Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or runtime failure.'],
    };
    const runs = [
      ['ja', govsec(['--help', '--lang', 'ja'], folder)],
      ['ja', govsec(['--help'], folder, { LANG: 'ja_JP.UTF-8' })],
      ['ja', govsec(['--lang=ja', 'help'], folder)],
      ['en', govsec(['--help', '--lang', 'en'], folder, { LANG: 'ja_JP.UTF-8' })],
      ['en', govsec(['--help'], folder)],
      ['en', govsec(['--help'], folder, { LANG: 'C.UTF-8' })],
    ] as const;
    for (const [language, result] of runs) {
      assert.equal(result.status, 0, result.stderr);
      const lines = result.stdout.split('\n');
      assert.deepEqual([lines[0], lines[1], lines.at(-2)], expected[language]);
      assert.equal(JAPANESE.test(result.stdout), language === 'ja');
    }
  });

  it('LC_ALL wins over LANG, as gettext reads them', () => {
    assert.equal(govsec(['--help'], folder, { LANG: 'ja_JP.UTF-8', LC_ALL: 'en_US.UTF-8' }).stdout.split('\n')[0], 'Usage:');
    assert.equal(govsec(['--help'], folder, { LANG: 'en_US.UTF-8', LC_ALL: 'ja_JP.UTF-8' }).stdout.split('\n')[0], '使い方:');
  });

  it('reports an unknown option in the chosen language, then the usage in it, with exit code 2', () => {
    const ja = govsec(['check', 'spec.md', '--bogus', '--lang', 'ja'], folder);
    assert.equal(ja.status, 2);
    assert.equal(ja.stdout, '');
    assert.deepEqual(ja.stderr.split('\n').slice(0, 3), ['govsec: 不明なオプション --bogus です', '', '使い方:']);
    const viaLang = govsec(['check', 'spec.md', '--bogus'], folder, { LANG: 'ja_JP.UTF-8' });
    assert.equal(viaLang.stderr, ja.stderr);

    const en = govsec(['check', 'spec.md', '--bogus', '--lang', 'en'], folder);
    assert.equal(en.status, 2);
    assert.deepEqual(en.stderr.split('\n').slice(0, 3), ['govsec: unknown option --bogus', '', 'Usage:']);
  });

  it('says a bad --lang value in the environment’s language', () => {
    const ja = govsec(['check', 'spec.md', '--lang', 'fr'], folder, { LANG: 'ja_JP.UTF-8' });
    assert.equal(ja.status, 2);
    assert.equal(ja.stderr.split('\n')[0], 'govsec: --lang には ja か en を指定します（"fr"）');
    const en = govsec(['check', 'spec.md', '--lang'], folder);
    assert.equal(en.stderr.split('\n')[0], 'govsec: --lang must be ja or en (got nothing)');
  });

  it('reports a YAML syntax error in .govsec.yaml at its file:line:column, in Japanese and in English', () => {
    fs.writeFileSync(path.join(folder, '.govsec.yaml'), '# settings\nrules:\n\tterm/variant: off\n');
    const config = path.join(folder, '.govsec.yaml');
    const ja = govsec(['check', 'spec.md', '--lang', 'ja'], folder);
    assert.equal(ja.status, 2);
    assert.equal(ja.stderr, `govsec: ${config}:3:1: YAML: インデントにタブは使えません\n`);
    const viaLang = govsec(['check', 'spec.md'], folder, { LANG: 'ja_JP.UTF-8' });
    assert.equal(viaLang.stderr, ja.stderr);

    const en = govsec(['check', 'spec.md', '--lang', 'en'], folder);
    assert.equal(en.status, 2);
    assert.match(en.stderr, new RegExp(`^govsec: ${config.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:1: YAML: [A-Z][^\\n]*\\n$`));
    assert.doesNotMatch(en.stderr, JAPANESE);
    // The findings are still reported, in the chosen language.
    assert.equal(ja.stdout, 'spec.md:3:1 information term/variant 表記ゆれ: 「イスマップ」は「ISMAP」と表記します\n');
  });

  it('reports schema errors in .govsec.yaml at their file:line:column, in Japanese and in English', () => {
    fs.writeFileSync(
      path.join(folder, '.govsec.yaml'),
      'rules:\n  term/variant: bogus\n  Term/Deprecated: off\nlimits:\n  maxDocumentLength: 5\nprofile: x\n',
    );
    const config = path.join(folder, '.govsec.yaml');
    const ja = govsec(['check', 'spec.md', '--lang', 'ja'], folder);
    assert.equal(ja.status, 2);
    assert.deepEqual(ja.stderr.trimEnd().split('\n'), [
      `govsec: ${config}:2:17: /rules/term~1variant: "error", "warning", "information", "hint", "off" のいずれかにします`,
      `govsec: ${config}:3:3: /rules: 不明なプロパティ「Term/Deprecated」です`,
      `govsec: ${config}:5:22: /limits/maxDocumentLength: >= 1000でなければいけない`,
      `govsec: ${config}:6:1: （最上位）: 不明なプロパティ「profile」です`,
    ]);
    const en = govsec(['check', 'spec.md'], folder);
    assert.equal(en.status, 2);
    assert.deepEqual(en.stderr.trimEnd().split('\n'), [
      `govsec: ${config}:2:17: /rules/term~1variant: must be one of "error", "warning", "information", "hint", "off"`,
      `govsec: ${config}:3:3: /rules: unknown property "Term/Deprecated"`,
      `govsec: ${config}:5:22: /limits/maxDocumentLength: must be >= 1000`,
      `govsec: ${config}:6:1: (top level): unknown property "profile"`,
    ]);
  });

  it('speaks the chosen language in the other commands: ismap import, glossary stats, export prh', () => {
    const importJa = govsec(['ismap', 'import', '--lang', 'ja'], folder);
    assert.equal(importJa.status, 2);
    assert.deepEqual(importJa.stderr.split('\n').slice(0, 3), ['govsec: govsec ismap import には取り込むファイルを指定します', '', '使い方:']);
    fs.writeFileSync(path.join(folder, 'list.csv'), '登録番号,サービス名\nC99-0001-1,サンプル\n,名前だけ\n');
    const imported = govsec(['ismap', 'import', 'list.csv', '--date', '2026-11-30'], folder, { LANG: 'ja_JP.UTF-8' });
    assert.equal(imported.status, 0, imported.stderr);
    assert.equal(imported.stderr, 'list.csv:3: 列「登録番号」に登録番号がないため、この行を読み飛ばしました\n');
    assert.equal(imported.stdout, 'list.csv（CSV）の 2 行のうち 1 行を .govsec/ismap-list.yaml に取り込みました（2026-11-30 時点、1 行は読み飛ばし）。\n');

    const stale = govsec(['glossary', 'stats', '--stale', '100000', '--today', '2026-12-03', '--lang', 'ja'], folder);
    assert.equal(stale.stdout, '2026-12-03 までの 100000 日間に確認されていない項目: 0 件\n');
    const statsEn = govsec(['glossary', 'stats', '--lang', 'en'], folder);
    assert.match(statsEn.stdout, /^kind +name +count +as of +note\n/);
    const statsJa = govsec(['glossary', 'stats', '--lang', 'ja'], folder);
    assert.match(statsJa.stdout, /^種別 +名前 +件数 +時点 +備考\n/);
    assert.match(statsJa.stdout, /\n使用中の ISMAP 一覧: ISMAPリスト「.*」（2026-11-30時点、1件、部分的）、取り込み済み（.*ismap-list\.yaml）\n$/);

    const out = path.join(folder, 'prh.yml');
    const exported = govsec(['export', 'prh', '--out', out, '--lang', 'ja'], folder);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stderr, new RegExp(`^govsec: prh のルール \\d+ 件（パターン \\d+ 個）を ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} に書き出しました\\n$`));
    const wrongFormat = govsec(['export', 'textlint'], folder, { LANG: 'ja_JP.UTF-8' });
    assert.equal(wrongFormat.stderr.split('\n')[0], 'govsec: 不明な書き出し形式 "textlint" です（prh のみ）');
    // A runtime failure: the system's own text, framed in the chosen language.
    const unwritable = path.join(folder, 'no-such-folder', 'prh.yml');
    const failed = govsec(['export', 'prh', '--out', unwritable, '--lang', 'ja'], folder);
    assert.equal(failed.status, 2);
    assert.equal(failed.stderr, `govsec: 処理を続けられません（ENOENT: no such file or directory, open '${unwritable}'）\n`);
  });
});
