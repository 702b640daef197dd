/**
 * Text that is shown, not claimed, for every rule (issue 9): a quiz's options, whatever their label ((ア), （イ）,
 * ウ., ①, (a), A)); the old side of a 新旧対照 table (現行, 旧, 改正前, Before … beside 改定案, 新, 改正後, After …);
 * and the name a revision statement says was replaced (XをYに改めた, changed X to Y). Each case lists the exact spans
 * reported, with their rule and message.
 */

import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import { quizChoiceLines } from '../../server/src/context/claims';
import { oldSideCells } from '../../server/src/context/historical';
import { bundledKnowledge, offsetOf } from '../helpers';

/** [rule, reported text, start] of every finding, all rules on. */
function findings(text: string): [string, string, number][] {
  return analyzeDocument({ uri: 'file:///doc.md', text }, bundledKnowledge()).findings.map((finding) => [
    finding.ruleId,
    text.slice(finding.start, finding.end),
    finding.start,
  ]);
}

function messages(text: string): string[] {
  return analyzeDocument({ uri: 'file:///doc.md', text }, bundledKnowledge()).findings.map((finding) => finding.message.ja);
}

const RENEWAL = 'ISMAP登録の有効期限: 「3年ごと」で更新する制度ではなく、登録は監査対象期間の末日の翌日から1年4か月後まで有効です';
const CLAIM = 'ISMAPの登録は3年ごとに更新される。\n';

describe('shown, not claimed: quiz options', () => {
  it('options in （ア）（イ）（ウ） on the lines of the question paragraph, the answer key after; the prose after is reported', () => {
    const text =
      '# 研修資料\n\n' +
      '問1 ISMAPの登録について正しいのはどれ？\n' +
      '（ア）ISMAPの登録は2年ごとに更新される\n' +
      '（イ）ISMAPの登録は3年ごとに更新される\n' +
      '（ウ）ISMAP認証を取得したサービスを使う\n\n' +
      '正解：ウ\n\n' +
      CLAIM;
    assert.deepEqual(findings(text), [['ismap/renewal-period', '3年ごと', offsetOf(text, '3年ごと', 1)]]);
    assert.deepEqual(messages(text), [RENEWAL]);
  });

  for (const [form, labels] of [
    ['ア．イ．ウ．', ['ア．', 'イ．', 'ウ．']],
    ['①②③', ['①', '②', '③']],
    ['(a)(b)(c)', ['(a) ', '(b) ', '(c) ']],
    ['A) B) C)', ['A) ', 'B) ', 'C) ']],
    ['list items - ア) - イ)', ['- ア) ', '- イ) ', '- ウ) ']],
    ['ア　イ　ウ　 (a full-width space)', ['ア\u3000', 'イ\u3000', 'ウ\u3000']],
    ['（ａ）（ｂ）（ｃ）', ['（ａ）', '（ｂ）', '（ｃ）']],
    ['Ａ）Ｂ）Ｃ） with a full-width space', ['Ａ）\u3000', 'Ｂ）\u3000', 'Ｃ）\u3000']],
    ['(1)(2)(3)', ['(1) ', '(2) ', '(3) ']],
  ] as const) {
    it(`options labelled ${form}, each its own paragraph after the question`, () => {
      const text =
        '## 確認テスト\n\n' +
        '問3 ISMAPについて、次のうち正しいものを選べ。\n\n' +
        `${labels[0]}ISMAPの登録は監査対象期間の末日の翌日から1年4か月後まで有効\n\n` +
        `${labels[1]}ISMAPの登録は3年ごとに更新される\n\n` +
        `${labels[2]}ISMAP認証が必要\n\n` +
        CLAIM;
      assert.deepEqual(findings(text), [['ismap/renewal-period', '3年ごと', offsetOf(text, '3年ごと', 1)]]);
    });
  }

  it('quizChoiceLines gives each option line, from its start to its end', () => {
    const text = '問2 正しいものはどれか。\n(a) ISMAP認証\n(b) ISMAP登録\n\n本文。\n';
    const model = parseMarkdownDocument(text);
    assert.deepEqual(quizChoiceLines(model), [
      { start: offsetOf(text, '(a)'), end: offsetOf(text, '(a)') + '(a) ISMAP認証'.length },
      { start: offsetOf(text, '(b)'), end: offsetOf(text, '(b)') + '(b) ISMAP登録'.length },
    ]);
  });

  it('labelled lines that answer no question, and an A) answer after Q), stay claims', () => {
    const text = '## 方針\n\n本システムの前提は次のとおり。\n（ア）ISMAPの登録は3年ごとに更新される\n\nQ) 登録の期間はどうなるか？\nA) ISMAPの登録は3年ごとに更新される\n';
    assert.deepEqual(findings(text), [
      ['ismap/renewal-period', '3年ごと', offsetOf(text, '3年ごと')],
      ['ismap/renewal-period', '3年ごと', offsetOf(text, '3年ごと', 1)],
    ]);
  });
});

describe('shown, not claimed: the old side of a 新旧対照 table', () => {
  it('現行 | 改定案: the 現行 cells are quiet for every rule, the 改定案 cells are checked', () => {
    const text =
      '# 新旧対照表\n\n' +
      '| 項目 | 現行 | 改定案 |\n' +
      '| --- | --- | --- |\n' +
      '| 基盤 | ガバクラ上に構築する | ガバクラで運用する |\n' +
      '| 報告 | 1,000人を超える漏えいは報告する | 漏えいは個人情報保護委員会に報告する |\n' +
      '| 調達 | ISMAP認証を受けたサービス | ISMAP認証を受けたサービスを選ぶ |\n';
    const reported = findings(text);
    assert.deepEqual(
      reported.map(([rule, span, start]) => [rule, span, start]),
      [
        ['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ', 1)],
        ['fact/ismap-certification', 'ISMAP認証', offsetOf(text, 'ISMAP認証', 1)],
      ],
    );
  });

  it('oldSideCells gives the cells under 旧 beside 新, Before beside After, and none without a new side', () => {
    const text = '| 旧 | 新 |\n| --- | --- |\n| NISC | 国家サイバー統括室 |\n\n| Before | After |\n|---|---|\n| old text | new text |\n\n| 現行 | 備考 |\n|---|---|\n| x | y |\n';
    const model = parseMarkdownDocument(text);
    assert.deepEqual(
      oldSideCells(model).map((cell) => text.slice(cell.start, cell.end).trim()),
      ['NISC', 'old text'],
    );
  });
});

describe('shown, not claimed: the name a revision replaced', () => {
  it('XをYに改めた, X第9条からYに改めた, X→Yに変更, changed X to Y, replaced X with Y: X is quiet, a later use is reported', () => {
    const text =
      '# 改訂履歴\n\n' +
      '- 連絡先の記載を、NISCから国家サイバー統括室に改めた。\n' +
      '- 政府共通ネットワークをGSSに改正した。\n' +
      '- 根拠法令の記載を、ふたば市個人情報保護条例第9条から個人情報の保護に関する法律に改めた。\n' +
      '- 霞が関WAN→GSSに変更。\n' +
      '- Changed NISC to the National Cybersecurity Office.\n' +
      '- Replaced NISC with the National Cybersecurity Office.\n\n' +
      '# 体制\n\n障害時はNISCへ報告する。\n';
    assert.deepEqual(
      findings(text).filter(([rule]) => rule === 'term/deprecated'),
      [['term/deprecated', 'NISC', offsetOf(text, 'NISC', 3)]],
    );
  });

  it('Xを利用する構成に変更 uses X: it is reported', () => {
    const text = '# 構成\n\n霞が関WANを利用する構成に変更する。\n';
    assert.deepEqual(
      findings(text).filter(([rule]) => rule === 'term/deprecated'),
      [['term/deprecated', '霞が関WAN', offsetOf(text, '霞が関WAN')]],
    );
  });
});
