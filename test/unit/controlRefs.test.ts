import * as assert from 'node:assert/strict';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import { parseYamlDocument } from '../../server/src/document/yaml';
import { findControlReferences } from '../../server/src/context/controlRefs';

function refs(text: string, yaml = false) {
  const model = yaml ? parseYamlDocument(text) : parseMarkdownDocument(text);
  return findControlReferences(model).map((r) => `${r.framework}:${text.slice(r.start, r.end)}@${r.start}/${r.cue}`);
}

/** Expected references "framework:ID@offset/cue", each at the first place its ID is written after the previous one. */
function expectedRefs(text: string, expected: [string, string, string][]) {
  let from = 0;
  return expected.map(([framework, id, cue]) => {
    const offset = text.indexOf(id, from);
    from = offset + id.length;
    return `${framework}:${id}@${offset}/${cue}`;
  });
}

describe('control ID recognition', () => {
  const cases: [string, string, [string, string, string][]][] = [
    ['NIST with the framework named', 'NIST SP 800-53 の AC-2(1) を適用する。', [['nist-sp800-53r5', 'AC-2(1)', 'sentence']]],
    ['NIST family prefix alone', '対策として AC-2 を実施。', [['nist-sp800-53r5', 'AC-2', 'prefix']]],
    ['NIST lower-case dotted form needs the framework', 'NIST では ac-2.1 と書く。ac-2.1 のみ。', [['nist-sp800-53r5', 'ac-2.1', 'sentence']]],
    ['NIST zero-padded and full-width', 'NIST SP 800-53: AC-02(01)、ＡＣ－２。', [['nist-sp800-53r5', 'AC-02(01)', 'sentence'], ['nist-sp800-53r5', 'ＡＣ－２', 'sentence']]],
    ['not a NIST family', 'ZZ-2 と XY-10。', []],
    ['ISO 2022 with edition', 'ISO/IEC 27001:2022 A.5.15 に準拠。', [['iso27001-2022', 'A.5.15', 'sentence']]],
    ['ISO 2013 number cited against 2022', 'ISO/IEC 27001:2022 の A.9.1.1 に準拠。', [['iso27001-2022', 'A.9.1.1', 'sentence']]],
    ['ISO Annex A prefix alone: shape decides the edition', '附属書の A.8.24 と A.12.4.1。', [['iso27001-2022', 'A.8.24', 'prefix'], ['iso27001-2013', 'A.12.4.1', 'prefix']]],
    ['ISO without A. needs the framework', 'ISO/IEC 27001:2022 の 5.15 を参照。', [['iso27001-2022', '5.15', 'sentence']]],
    ['ISMAP objective and detailed control', 'ISMAP管理策 9.2.1 と ９．２．１．６．ＰＢ。', [['ismap', '9.2.1', 'sentence'], ['ismap', '９．２．１．６．ＰＢ', 'sentence']]],
    ['section numbers stay plain', '3.2 リージョン\n\n5.2.1 の要件。', []],
    ['cue in another sentence does not count', 'ISMAPに登録する。9.2.1 を参照。', []],
    ['統一基準 clause', '統一基準 2.1.1(5)(a) および 5.2.1(3)(d) を参照。', [['common-standards-r7', '2.1.1(5)(a)', 'sentence'], ['common-standards-r7', '5.2.1(3)(d)', 'sentence']]],
    ['table row cue', '| ISMAP | 9.1.1 | 要 |\n|---|---|---|\n| 備考 | 9.1.2 | |', [['ismap', '9.1.1', 'sentence']]],
    ['統一基準 令和5年度版 and the guideline', '統一基準（令和5年度版）2.1.1(5)(a) とガイドラインの 2.1.1(5)-1 を参照。対策基準策定ガイドライン 2.1.1(5) も。', [['common-standards-r5', '2.1.1(5)(a)', 'sentence'], ['common-standards-guideline-r5', '2.1.1(5)-1', 'sentence'], ['common-standards-guideline-r5', '2.1.1(5)', 'sentence']]],
    ['version numbers and dates are not IDs', 'ISMAP 2.0 は 2024.10.31 時点。', []],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => assert.deepEqual(refs(text), expectedRefs(text, expected)));
  }

  it('skips code and URLs', () => {
    assert.deepEqual(refs('NIST の `AC-2` と https://x.go.jp/AC-2 。'), []);
  });

  it('reads YAML keys naming the framework', () => {
    const text = 'ismap_controls:\n  - 9.2.1\nnist:\n  - AC-2(1)\nsections:\n  - 3.2\niso27001_2022: [A.5.15, 5.16]\n';
    assert.deepEqual(refs(text, true), [
      'ismap:9.2.1@20/yaml-key',
      'nist-sp800-53r5:AC-2(1)@36/yaml-key',
      'iso27001-2022:A.5.15@78/yaml-key',
      'iso27001-2022:5.16@86/yaml-key',
    ]);
  });
});
