import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { specSummary, summaryDetail } from '../../server/src/features/summary';
import type { Language } from '../../server/src/language';
import { documentSymbols, type DocumentSymbolItem } from '../../server/src/features/symbols';
import { bundledKnowledge, offsetOf } from '../helpers';

function analyze(text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, bundledKnowledge());
}

const SPEC = [
  '---',
  'title: 〇〇省 電子申請システム 調達仕様書',
  'doctype: gov-procurement-spec',
  'date: 2026-10-01',
  '---',
  '',
  '# 〇〇省 電子申請システム 調達仕様書',
  '',
  '## 1. 基盤',
  '',
  '本システムはガバメントクラウド上に構築し、クラウドサービスはAWSを利用する。',
  '職員の業務にはGoogle WorkspaceとSlackを利用する。',
  'なお、Microsoft Azureは比較のため検討したが採用しない。',
  '',
  '## 2. 情報の格付',
  '',
  '本システムで取り扱う情報の格付は機密性2情報とする。',
  '',
].join('\n');

describe('spec summary (CodeLens)', () => {
  it('summarises ISMAP status of the services used, the platform, the grades and the findings on the first line', () => {
    const analysis = analyze(SPEC);
    const lens = specSummary(analysis, bundledKnowledge(), 'ja')!;
    assert.equal(lens.title, 'ISMAP: 掲載2件・見当たらない1件（リスト 2026-09-15時点、部分的） · ガバメントクラウド: AWS · 格付: 機密性2 · 指摘: 0件');
    assert.equal(
      specSummary(analysis, bundledKnowledge(), 'en')!.title,
      'ISMAP: 2 services on the list, 1 not found (list as of 2026-09-15, partial) · Government Cloud: AWS · grades: Confidentiality-2 · findings: 0',
    );
    assert.deepEqual([lens.start, lens.end], [0, 3]);
    // Slack is reported registered by a source, so the partial list's gap is no finding.
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), []);
    // Azure is named only as a rejected candidate: not counted.
    assert.deepEqual(lens.data.services.map((entry) => [entry.name, entry.status.found, SPEC.slice(entry.start, entry.end)]), [
      ['AWS', true, 'AWS'],
      ['Google Workspace', true, 'Google Workspace'],
      ['Slack', false, 'Slack'],
    ]);
  });

  it('gives the longer summary for the command', () => {
    const lens = specSummary(analyze(SPEC), bundledKnowledge(), 'ja')!;
    assert.equal(
      summaryDetail(lens.data, 'ja'),
      [
        'ISMAPリスト: govsec bundled ISMAP list (partial)（2026-09-15時点、10件、部分的）',
        '  掲載: AWS — C21-0008-2「Amazon Web Services」, Google Workspace — C21-0005-2「Google Workspace」',
        '  見当たらない: Slack',
        '  （部分的なリストに無いことは未登録を意味しません）',
        'ガバメントクラウド: はい — AWS',
        '格付: 機密性2',
        '主体: 国の行政機関等 — 「〇〇省」（表題・作成者、2行目）',
        '指摘: 0件（エラー 0、警告 0、情報 0、ヒント 0）',
      ].join('\n'),
    );
    assert.equal(
      summaryDetail(lens.data, 'en'),
      [
        'ISMAP list: govsec bundled ISMAP list (partial) (as of 2026-09-15, 10 services, partial)',
        '  on the list: AWS — C21-0008-2 "Amazon Web Services", Google Workspace — C21-0005-2 "Google Workspace"',
        '  not found: Slack',
        '  (not found in a partial list does not mean not registered)',
        'Government Cloud: yes — AWS',
        'grades: Confidentiality-2',
        'sector: national government — "〇〇省" (title or byline, line 2)',
        'findings: 0 (error 0, warning 0, information 0, hint 0)',
      ].join('\n'),
    );
  });

  it('shows the sector with its evidence: a vendor writing for a 市, a 市 from its own words, and an unknown sector', () => {
    const sectorLine = (text: string, language: Language = 'ja') =>
      summaryDetail(specSummary(analyze(text), bundledKnowledge(), language)!.data, language)
        .split('\n')
        .find((line) => line.startsWith(language === 'ja' ? '主体' : 'sector'));
    const vendor = '---\ndoctype: gov-procurement-spec\n---\n\n# 提案書\n\n弊社は、貴市の住民情報システムの移行をご提案します。\n';
    assert.equal(sectorLine(vendor), '主体: 地方公共団体 — 「貴市」（本文、7行目）; 書き手: 受託者・提案者 — 「弊社」（本文、7行目）');
    assert.equal(sectorLine(vendor, 'en'), 'sector: local government — "貴市" (text, line 7); writer: vendor — "弊社" (text, line 7)');
    assert.equal(
      sectorLine('---\ndoctype: gov-procurement-spec\n---\n\n# 仕様書\n\n## 1. 概要\n\n本市の住民記録システムを更改する。\n'),
      '主体: 地方公共団体 — 「本市」（本文、9行目）',
    );
    assert.equal(sectorLine('---\ndoctype: gov-procurement-spec\n---\n\n# 仕様書\n\n本文のみ。\n'), '主体: 不明');
    assert.equal(sectorLine('---\ndoctype: gov-procurement-spec\n---\n\n# 仕様書\n\n本文のみ。\n', 'en'), 'sector: unknown');
    assert.equal(sectorLine('---\ndoctype: gov-procurement-spec\nsector: private\n---\n\n# 要件定義書\n'), '主体: 民間事業者 — 「private」（フロントマター、3行目）');
  });

  it('names a YAML profile’s cloud without ガバメントクラウド, the highest grade of each axis, and a missing grade', () => {
    const yaml = [
      'doctype: system-profile',
      'system:',
      '  cloud:',
      '    provider: AWS',
      '  classification: [機密性2情報, 機密性3情報, 完全性2情報]',
      '',
    ].join('\n');
    const lens = specSummary(analyze(yaml, 'file:///profile.yaml'), bundledKnowledge(), 'ja')!;
    assert.equal(lens.title, 'ISMAP: 掲載1件・見当たらない0件（リスト 2026-09-15時点、部分的） · クラウド: AWS · 格付: 機密性3・完全性2 · 指摘: 0件');
    assert.equal(
      specSummary(analyze(yaml, 'file:///profile.yaml'), bundledKnowledge(), 'en')!.title,
      'ISMAP: 1 service on the list, 0 not found (list as of 2026-09-15, partial) · cloud: AWS · grades: Confidentiality-3, Integrity-2 · findings: 0',
    );
    assert.deepEqual([lens.start, lens.end], [0, 'doctype: system-profile'.length]);

    const bare = '---\ndoctype: gov-procurement-spec\n---\n\n# 調達仕様書\n\n本文のみ。\n';
    assert.equal(specSummary(analyze(bare), bundledKnowledge(), 'ja')!.title, 'ISMAP: 利用するクラウドサービスの記載なし（リスト 2026-09-15時点、部分的） · 格付: 記載なし · 指摘: 0件');
    assert.equal(specSummary(analyze(bare), bundledKnowledge(), 'en')!.title, 'ISMAP: no cloud service in use named (list as of 2026-09-15, partial) · grades: not stated · findings: 0');
  });

  it('shows nothing for a document that is not a procurement document', () => {
    assert.equal(specSummary(analyze('# メモ\n\nAWSを利用する。\n'), bundledKnowledge(), 'ja'), undefined);
  });
});

/** The tree as [name, detail?, start, end, selectionStart, selectionEnd, children]. */
type Shape = [string, string | undefined, number, number, number, number, Shape[]];

function shape(symbols: readonly DocumentSymbolItem[]): Shape[] {
  return symbols.map((symbol) => [symbol.name, symbol.detail, symbol.start, symbol.end, symbol.selectionStart, symbol.selectionEnd, shape(symbol.children)]);
}

describe('document symbols (outline)', () => {
  it('nests Markdown headings by level, each section running to the next heading of its level or higher', () => {
    const text = [
      '---', // 0
      'doctype: gov-procurement-spec',
      'date: 2026-10-01',
      '---',
      '',
      '# 調達仕様書',
      '',
      '## 1. 概要',
      '',
      '本文。',
      '',
      '### 1.1 背景 ###',
      '',
      '背景。',
      '',
      '```md',
      '# コード内の見出し',
      '```',
      '',
      '## 2. 要件',
      '',
      '要件の本文',
      'は二行。',
      '',
      '2.1 セットテキスト',
      '------------------',
      '',
      '> # 引用内の見出し',
      '',
      '    # インデントされたコード',
      '',
      '# 付録 #',
      '',
    ].join('\n');
    const symbols = documentSymbols(analyze(text), 'en');
    assert.equal(documentSymbols(analyze(text), 'ja')[0].name, 'フロントマター');
    const o = (needle: string) => offsetOf(text, needle);
    const end = (needle: string) => offsetOf(text, needle) + needle.length;
    const expected: Shape[] = [
      [
        'front matter', undefined, 0, end('2026-10-01\n---'), 0, 3,
        [
          ['doctype', 'gov-procurement-spec', o('doctype'), end('gov-procurement-spec'), o('doctype'), end('doctype'), []],
          ['date', '2026-10-01', o('date:'), end('2026-10-01'), o('date:'), end('date'), []],
        ],
      ],
      [
        '調達仕様書', undefined, o('# 調達仕様書'), end('    # インデントされたコード'), o('調達仕様書'), end('調達仕様書'),
        [
          [
            '1. 概要', undefined, o('## 1. 概要'), end('# コード内の見出し\n```'), o('1. 概要'), end('1. 概要'),
            [['1.1 背景', undefined, o('### 1.1 背景'), end('# コード内の見出し\n```'), o('1.1 背景'), end('1.1 背景'), []]],
          ],
          ['2. 要件', undefined, o('## 2. 要件'), end('は二行。'), o('2. 要件'), end('2. 要件'), []],
          ['2.1 セットテキスト', undefined, o('2.1 セットテキスト'), end('    # インデントされたコード'), o('2.1 セットテキスト'), end('2.1 セットテキスト'), []],
        ],
      ],
      ['付録', undefined, o('# 付録 #'), end('# 付録 #'), o('付録'), end('付録'), []],
    ];
    assert.deepEqual(shape(symbols), expected);
  });

  it('lists the top-level and second-level keys of a YAML profile, with scalar values and item counts as detail', () => {
    const text = [
      '# システムプロファイル',
      'doctype: system-profile',
      'system:',
      '  name: 申請受付システム',
      '  cloud:',
      '    provider: AWS',
      '    region: ap-northeast-1',
      '  classification: 機密性2情報',
      'controls:',
      '  nist:',
      '    - AC-2',
      '    - AC-3',
      '  ismap_controls: [9.2.1]',
      '',
    ].join('\n');
    const o = (needle: string) => offsetOf(text, needle);
    const end = (needle: string) => offsetOf(text, needle) + needle.length;
    const ja = documentSymbols(analyze(text, 'file:///profile.yaml'), 'ja');
    assert.deepEqual(
      ja[2].children.map((child) => child.detail),
      ['2項目', '1項目'],
    );
    assert.deepEqual(shape(documentSymbols(analyze(text, 'file:///profile.yaml'), 'en')), [
      ['doctype', 'system-profile', o('doctype'), end('system-profile'), o('doctype'), end('doctype'), []],
      [
        'system', undefined, o('system:'), end('機密性2情報'), o('system:'), o('system:') + 'system'.length,
        [
          ['name', '申請受付システム', o('name'), end('申請受付システム'), o('name'), end('name'), []],
          ['cloud', undefined, o('cloud'), end('ap-northeast-1'), o('cloud'), end('cloud'), []],
          ['classification', '機密性2情報', o('classification'), end('機密性2情報'), o('classification'), end('classification'), []],
        ],
      ],
      [
        'controls', undefined, o('controls'), end('[9.2.1]'), o('controls'), end('controls'),
        [
          ['nist', '2 items', o('nist'), end('AC-3'), o('nist'), end('nist'), []],
          ['ismap_controls', '1 item', o('ismap_controls'), end('[9.2.1]'), o('ismap_controls'), end('ismap_controls'), []],
        ],
      ],
    ]);
  });
});
