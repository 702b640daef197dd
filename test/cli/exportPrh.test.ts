import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as prh from 'prh';
import { analyzeDocument } from '../../server/src/analysis';
import { prhDictionary } from '../../server/src/cli/exportPrh';
import { termDeprecatedRule } from '../../server/src/rules/term/deprecated';
import { termVariantRule } from '../../server/src/rules/term/variant';
import { normalizeKey } from '../../server/src/text/normalize';
import { bundledKnowledge, repoRoot } from '../helpers';

function govsec(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), ...args], { cwd, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('govsec export prh', () => {
  let folder: string;
  let dictionaryFile: string;
  let engine: prh.Engine;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-prh-'));
    dictionaryFile = path.join(folder, 'govsec-prh.yml');
    const result = govsec(['export', 'prh', '--out', dictionaryFile], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stderr, /^govsec: wrote \d+ prh rules \(\d+ patterns\) to .*govsec-prh\.yml\n$/);
    // prh runs every rule's specs while it loads and throws on the first that fails.
    engine = prh.fromYAMLFilePath(dictionaryFile);
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('loads in prh with specs on every rule, one per exported spelling at least', () => {
    const dictionary = prhDictionary(bundledKnowledge());
    assert.equal(engine.rules.length, dictionary.rules.length);
    assert.ok(engine.rules.length >= 20, `only ${engine.rules.length} rules`);
    for (const rule of engine.rules) {
      const raw = dictionary.rules.find((r) => r.expected === rule.expected)!;
      assert.ok(rule.specs.length >= raw.patterns.length, `${rule.expected}: ${rule.specs.length} specs for ${raw.patterns.length} patterns`);
    }
  });

  it('writes the same YAML to standard output as to --out', () => {
    const result = govsec(['export', 'prh'], folder);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout, fs.readFileSync(dictionaryFile, 'utf8'));
    assert.match(result.stdout, /^# textlint-rule-prh dictionary written by `govsec export prh`/);
  });

  it('exports non-canonical aliases with lookarounds where a longer spelling contains them', () => {
    const rules = prhDictionary(bundledKnowledge()).rules;
    assert.deepEqual(
      rules.find((rule) => rule.expected === 'ガバメントクラウド'),
      {
        expected: 'ガバメントクラウド',
        patterns: [
          '/(?<![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])[GＧ][oｏ][vｖ][\\-－][CＣ][lｌ][oｏ][uｕ][dｄ](?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])/',
          '/政府[クｸ][ラﾗ][ウｳ](?:ド|ﾄﾞ)/',
          '/(?:ガ|ｶﾞ)(?:バ|ﾊﾞ)[クｸ][ラﾗ](?!法案)/',
        ],
        specs: [
          { from: 'Gov-Cloud', to: 'ガバメントクラウド' },
          { from: 'Ｇｏｖ－Ｃｌｏｕｄ', to: 'ガバメントクラウド' },
          { from: '政府クラウド', to: 'ガバメントクラウド' },
          { from: '政府ｸﾗｳﾄﾞ', to: 'ガバメントクラウド' },
          { from: 'ガバクラ', to: 'ガバメントクラウド' },
          { from: 'ｶﾞﾊﾞｸﾗ', to: 'ガバメントクラウド' },
          { from: 'ガバクラ法案', to: 'ガバクラ法案' },
        ],
        prh: '表記ゆれ（govsec term/variant）: 「ガバメントクラウド」と表記する',
      },
    );
    assert.deepEqual(rules.find((rule) => rule.expected === '統一基準')?.patterns, ['/政府統一基準(?!群)/']);
  });

  it('exports superseded names under their current successor', () => {
    const rule = prhDictionary(bundledKnowledge()).rules.find((r) => r.expected === 'ガバメントソリューションサービス')!;
    assert.ok(rule.patterns.includes('/政府共通[ネﾈ][ッｯ][トﾄ][ワﾜ][ーｰ][クｸ]/'), rule.patterns.join(' '));
    assert.ok(rule.patterns.includes('/霞が関[WＷ][AＡ][NＮ](?![A-Za-z0-9Ａ-Ｚａ-ｚ０-９])/'), rule.patterns.join(' '));
    assert.match(rule.prh, /旧名称（govsec term\/deprecated）: 「政府共通ネットワーク」の後継は「ガバメントソリューションサービス」/);
  });

  it('never exports a canonical spelling or a width form of one', () => {
    const knowledge = bundledKnowledge();
    const canonical = new Set(knowledge.glossary.terms.filter((t) => t.status.state === 'current').flatMap((t) => [t.term, ...t.aliases.filter((a) => a.canonical).map((a) => a.text)]).map(normalizeKey));
    for (const rule of prhDictionary(knowledge).rules) {
      for (const spec of rule.specs.filter((s) => s.to === rule.expected && s.from !== rule.expected)) {
        assert.ok(!canonical.has(normalizeKey(spec.from)), `${spec.from} → ${rule.expected}`);
      }
    }
  });

  it('replaces the variants in a document where govsec reports them, in any width, and nothing else', () => {
    const text = [
      '# 調達仕様書',
      '',
      'ガバクラ上に構築し、ガバクラ法案の動向を踏まえる。ISO 27001:2013 と ISO 27001 に準拠し、ISO 270011 は対象外。',
      '政府統一基準群及び政府統一基準を遵守する。政府共通ネットワークに接続する。GSSAPI は使わない。ｶﾞﾊﾞｸﾗとＮＩＳＣに報告する。',
      '',
    ].join('\n');
    assert.equal(
      engine.replaceByRule('spec.md', text),
      [
        '# 調達仕様書',
        '',
        'ガバメントクラウド上に構築し、情報通信技術を活用した行政の推進等に関する法律の一部を改正する法律の動向を踏まえる。ISO/IEC 27001 と ISO/IEC 27001 に準拠し、ISO 270011 は対象外。',
        '統一基準群及び統一基準を遵守する。ガバメントソリューションサービスに接続する。GSSAPI は使わない。ガバメントクラウドと国家サイバー統括室に報告する。',
        '',
      ].join('\n'),
    );
    // The same ranges as govsec's term rules on the same text (govsec reports ISO 27001:2013 twice: a variant of
    // ISO/IEC 27001:2013, and that name superseded; prh reports it once, with the current successor).
    const ranges = (pairs: [number, number][]) => [...new Set(pairs.map(([start, end]) => `${start}-${end}`))].sort((a, b) => parseInt(a) - parseInt(b));
    const prhRanges = ranges(engine.makeChangeSet('spec.md', text).diffs.map((diff) => [diff.index, diff.tailIndex]));
    const govsecRanges = ranges(
      analyzeDocument({ uri: 'file:///spec.md', text }, bundledKnowledge(), { rules: [termVariantRule, termDeprecatedRule] }).findings.map((f) => [f.start, f.end]),
    );
    assert.deepEqual(prhRanges, govsecRanges);
    assert.equal(prhRanges.length, 9);
  });

  it('rejects an unknown format or a stray argument with exit 2', () => {
    const unknown = govsec(['export', 'textlint'], folder);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /^govsec: unknown export format "textlint" \(expected: prh\)\n\nUsage:/);
    const stray = govsec(['export', 'prh', 'extra'], folder);
    assert.equal(stray.status, 2);
    assert.match(stray.stderr, /^govsec: unexpected argument "extra"/);
  });
});
