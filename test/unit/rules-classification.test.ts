import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { classificationUnknownLevelRule } from '../../server/src/rules/classification/unknownLevel';
import type { Bilingual } from '../../server/src/language';
import { bundledKnowledge, offsetOf } from '../helpers';

const RULE = 'classification/unknown-level';

/** The exact message for an unknown class; `bare`: the surface does not name the axis in Japanese, so the message adds it. */
function expectedMessage(surface: string, ja: string, en: string, level: number, bare: boolean): Bilingual {
  return {
    ja: `存在しない格付: 「${surface}」${bare ? `（${ja}${level}）` : ''}はなく、格付は機密性1〜3、完全性1〜2、可用性1〜2です`,
    en: `No such information class: ${en} ${level}; the classes are confidentiality 1-3, integrity 1-2 and availability 1-2.`,
  };
}

function findingsOf(text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, bundledKnowledge(), { rules: [classificationUnknownLevelRule] }).findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    start: finding.start,
    end: finding.end,
    text: text.slice(finding.start, finding.end),
    message: finding.message,
  }));
}

interface Expected {
  /** The offending text as written, and which occurrence of it (default the first). */
  readonly text: string;
  readonly occurrence?: number;
  readonly axis: 'confidentiality' | 'integrity' | 'availability';
  readonly level: number;
  /** The surface does not start with the Japanese axis name (a bare table cell or YAML value, English), so the message names the class. */
  readonly bare?: boolean;
}

const AXIS = {
  confidentiality: ['機密性', 'confidentiality'],
  integrity: ['完全性', 'integrity'],
  availability: ['可用性', 'availability'],
} as const;

const invalid: { name: string; uri?: string; text: string; expected: Expected[] }[] = [
  {
    name: 'grades that do not exist, in prose (機密性4情報, 完全性3情報, 可用性3情報)',
    text: [
      '# 申請管理システム 要件定義書',
      '',
      '本システムで取り扱う申請情報は機密性4情報、完全性3情報、可用性3情報に格付する。',
      '',
    ].join('\n'),
    expected: [
      { text: '機密性4情報', axis: 'confidentiality', level: 4 },
      { text: '完全性3情報', axis: 'integrity', level: 3 },
      { text: '可用性3情報', axis: 'availability', level: 3 },
    ],
  },
  {
    name: 'full-width digits and level 0',
    text: '職員の人事評価データは機密性４情報として扱い、公開資料は機密性０情報とする。\n',
    expected: [
      { text: '機密性４情報', axis: 'confidentiality', level: 4 },
      { text: '機密性０情報', axis: 'confidentiality', level: 0 },
    ],
  },
  {
    name: 'a class without 情報, a labelled class and a range that goes past 3',
    text: '格付は機密性4とする。ログは完全性レベル3で管理する。対象は機密性2〜4の情報である。\n',
    expected: [
      { text: '機密性4', axis: 'confidentiality', level: 4 },
      { text: '完全性レベル3', axis: 'integrity', level: 3 },
      { text: '機密性2〜4', axis: 'confidentiality', level: 4 },
    ],
  },
  {
    name: '「機密性：4」 in a table cell and a key-value table row',
    text: [
      '| 情報資産 | 格付 |',
      '|---|---|',
      '| 住民基本台帳データ | 機密性：4 |',
      '',
      '| 項目 | 値 |',
      '|---|---|',
      '| 機密性 | ４ |',
      '| 可用性 | 2 |',
      '',
    ].join('\n'),
    expected: [
      { text: '機密性：4', axis: 'confidentiality', level: 4 },
      { text: '４', axis: 'confidentiality', level: 4, bare: true },
    ],
  },
  {
    name: 'a bare number under a 機密性 / 可用性 column of a classification table',
    text: [
      '## 3.2 情報の格付',
      '',
      '| 情報 | 機密性 | 完全性 | 可用性 |',
      '|:---|:---:|:---:|:---:|',
      '| 申請データ | 3 | 2 | 2 |',
      '| 監査ログ | 4 | 2 | 3 |',
      '',
    ].join('\n'),
    expected: [
      { text: '4', axis: 'confidentiality', level: 4, bare: true },
      { text: '3', occurrence: 2, axis: 'availability', level: 3, bare: true },
    ],
  },
  {
    name: 'YAML classification keys (confidentiality: 4, integrity: "3")',
    uri: 'file:///system-profile.yaml',
    text: [
      'system:',
      '  name: 申請管理システム',
      '  classification:',
      '    confidentiality: 4',
      '    integrity: "3"',
      '    availability: 2',
      '',
    ].join('\n'),
    expected: [
      { text: '4', axis: 'confidentiality', level: 4, bare: true },
      { text: '3', axis: 'integrity', level: 3, bare: true },
    ],
  },
  {
    name: 'a YAML text value and Markdown front matter',
    text: ['---', 'title: 業務システム 要件定義書', 'confidentiality: ４', '---', '', '本書は社内検討用である。', ''].join('\n'),
    expected: [{ text: '４', axis: 'confidentiality', level: 4, bare: true }],
  },
  {
    name: 'the English wording of the translation',
    text: 'Audit records are Confidentiality class-4 information.\n',
    expected: [{ text: 'Confidentiality class-4 information', axis: 'confidentiality', level: 4, bare: true }],
  },
  {
    name: 'any document, not only procurement specifications (the rule is not procurement-only)',
    text: '# 打合せメモ\n\n- 新システムのデータは機密性4情報とする案が出た。\n',
    expected: [{ text: '機密性4情報', axis: 'confidentiality', level: 4 }],
  },
  {
    name: 'an explanation under a quiz question, and an option line that is not under a question',
    text: [
      '## 問3 情報の格付',
      '',
      '解説: 本県では個人番号を含む情報を機密性4情報として扱う。',
      '',
      '## 格付の運用',
      '',
      '(ア) 申請書類は機密性４情報とする。',
      '',
    ].join('\n'),
    expected: [
      { text: '機密性4情報', axis: 'confidentiality', level: 4 },
      { text: '機密性４情報', axis: 'confidentiality', level: 4 },
    ],
  },
  {
    name: 'a numbered list of findings under 問題点 (not after a question)',
    text: '## 問題点\n\n監査で次の点を確認した。\n\n1. 台帳の一部で、申請書類を機密性4情報としている。\n2. 格付の見直しが年1回行われていない。\n',
    expected: [{ text: '機密性4情報', axis: 'confidentiality', level: 4 }],
  },
  {
    name: 'a changelog that adds a class or fixes something else in the same list (the class is used, not spoken of)',
    text: '# 変更履歴\n\n- 機密性4情報の入力欄を追加した。\n- 存在しない格付の表示を修正した。本システムは機密性4情報を扱う。\n',
    expected: [
      { text: '機密性4情報', axis: 'confidentiality', level: 4 },
      { text: '機密性4情報', occurrence: 1, axis: 'confidentiality', level: 4 },
    ],
  },
];

const valid: { name: string; uri?: string; text: string }[] = [
  {
    name: 'a changelog that speaks of the wrong class: a bug fixed, removed from the choices, said not to exist (Japanese and English)',
    text:
      '# 変更履歴\n\n## v2.3.1（2026-09-10）\n\n- 存在しない「機密性4」を選べる不具合を修正しました。\n' +
      '- Fixed a bug where the non-existent confidentiality class 4 could be selected.\n- 格付の選択肢から機密性4情報を削除した。\n' +
      '- 帳票の「完全性3情報」は誤記のため訂正した。\n',
  },
  {
    name: 'the classes that exist (機密性1〜3, 完全性1〜2, 可用性1〜2), in half- and full-width digits',
    text: '機密性1情報、機密性2情報、機密性３情報、完全性1情報、完全性２情報、可用性1情報、可用性2情報。格付は機密性1〜3、完全性1〜2、可用性1〜2の区分とする。\n',
  },
  {
    name: 'unrelated numbers after or near the axis words',
    text: [
      '機密性の高い4つの情報資産を洗い出す。',
      '可用性99.9%以上を確保する。可用性 99.95％ を目標とする。',
      '可用性24時間365日の運用とする。高可用性3ノード構成とする。',
      '機密性3A、機密性2Bの細分は機関の規程による。',
      '完全性を3段階で評価する手法は採用しない。',
      '',
    ].join('\n'),
  },
  {
    name: 'a grade broken across a line break (lines are never joined)',
    text: '本システムの情報は機密性\n4情報とする。\n',
  },
  {
    name: 'code blocks, inline code, HTML comments and a bad-example blockquote',
    text: [
      '```yaml',
      'confidentiality: 4 # 機密性4情報',
      '```',
      '',
      '設定値 `機密性4情報` は誤りである。<!-- 機密性4情報 -->',
      '',
      '悪い例:',
      '',
      '> 本システムの情報は機密性4情報とする。',
      '',
    ].join('\n'),
  },
  {
    name: 'an SLA table with an availability column, and a table with a code cell',
    text: [
      '| サービス | 可用性 |',
      '|---|---|',
      '| 申請受付 | 3 |',
      '',
      '| 情報 | 機密性 | 完全性 |',
      '|---|---|---|',
      '| 申請データ | `4` | 2 |',
      '',
    ].join('\n'),
  },
  {
    name: 'YAML availability outside a classification (an SLA figure)',
    uri: 'file:///system-profile.yaml',
    text: ['system:', '  sla:', '    availability: 99.9', '    recovery_hours: 4', '  classification:', '    confidentiality: 3', '    integrity: 2', ''].join('\n'),
  },
  {
    name: 'quiz options on one line under a question heading (問3)',
    text: '## 問3 情報の格付として存在しないものはどれか\n\n(ア) 機密性3情報 (イ) 完全性2情報 (ウ) 可用性2情報 (エ) 機密性4情報\n',
  },
  {
    name: 'numbered options right after a question sentence',
    text: '# 確認問題\n\n次のうち、統一基準にない格付はどれか。\n\n1) 機密性4情報\n2) 機密性2情報\n',
  },
  {
    name: 'quiz options in a list after a question sentence, with full-width labels',
    text: '# 確認テスト\n\n次のうち、統一基準にない格付はどれか。\n\n- ア．完全性3情報\n- イ．機密性2情報\n- （ウ）可用性3情報\n',
  },
];

describe('rule classification/unknown-level', () => {
  it('is an error that runs in every document', () => {
    assert.equal(classificationUnknownLevelRule.id, RULE);
    assert.equal(classificationUnknownLevelRule.defaultSeverity, 'error');
    assert.equal(classificationUnknownLevelRule.procurementOnly, false);
  });

  for (const testCase of invalid) {
    it(`reports ${testCase.name}`, () => {
      const expected = testCase.expected.map((entry) => {
        const start = offsetOf(testCase.text, entry.text, entry.occurrence ?? 0);
        const [ja, en] = AXIS[entry.axis];
        return {
          rule: RULE,
          severity: 'error',
          start,
          end: start + entry.text.length,
          text: entry.text,
          message: expectedMessage(entry.text, ja, en, entry.level, entry.bare ?? false),
        };
      });
      assert.deepEqual(findingsOf(testCase.text, testCase.uri), expected);
    });
  }

  for (const testCase of valid) {
    it(`does not report ${testCase.name}`, () => {
      assert.deepEqual(findingsOf(testCase.text, testCase.uri), []);
    });
  }

  it('reports on the line that holds the grade', () => {
    const text = '本システムの情報の格付は次のとおり。\n\n申請データ: 機密性4情報\n';
    const [finding] = findingsOf(text);
    assert.equal(text.slice(0, finding.start).split('\n').length, 3);
  });

  it('gives the exact message with the valid classes, in each language', () => {
    const [finding] = findingsOf('申請データは完全性3情報とする。');
    assert.deepEqual(finding.message, {
      ja: '存在しない格付: 「完全性3情報」はなく、格付は機密性1〜3、完全性1〜2、可用性1〜2です',
      en: 'No such information class: integrity 3; the classes are confidentiality 1-3, integrity 1-2 and availability 1-2.',
    });
  });
});
