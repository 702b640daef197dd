/**
 * What is not a claim, read the way a reviewer reads it (issue 9): a term spoken of as a word in a review memo or a
 * style guide, a question in minutes or a FAQ and its answer, a term that a list or table marks wrong, and the
 * writer's own decision worded in the past tense (which is current, not history). Each case lists the exact spans
 * reported, with their messages.
 */

import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import type { Rule } from '../../server/src/rules/rule';
import { factIsmapCertificationRule } from '../../server/src/rules/fact/ismapCertification';
import { termDeprecatedRule } from '../../server/src/rules/term/deprecated';
import { termVariantRule } from '../../server/src/rules/term/variant';
import { govCloudOverseasRegionRule } from '../../server/src/rules/govcloud/overseasRegion';
import { classificationUnknownLevelRule } from '../../server/src/rules/classification/unknownLevel';
import { controlUnknownIdRule } from '../../server/src/rules/control/unknownId';
import { controlOutdatedIsoNumberingRule } from '../../server/src/rules/control/outdatedIsoNumbering';
import { ismapRenewalPeriodRule } from '../../server/src/rules/ismap/renewalPeriod';
import { privacyReportThresholdRule } from '../../server/src/rules/privacy/reportThreshold';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import { mentionedAsWord, onlyAsked, questionAt } from '../../server/src/context/claims';
import { bundledKnowledge, offsetOf } from '../helpers';

const RULES: Rule[] = [factIsmapCertificationRule, termDeprecatedRule, termVariantRule, govCloudOverseasRegionRule];

/** [rule, reported text, start, Japanese message] of every finding. */
function findings(text: string, rules: readonly Rule[] = RULES): [string, string, number, string][] {
  return analyzeDocument({ uri: 'file:///memo.md', text }, bundledKnowledge(), { rules }).findings.map((finding) => [
    finding.ruleId,
    text.slice(finding.start, finding.end),
    finding.start,
    finding.message.ja,
  ]);
}

const NISC = '旧名称: 「NISC」の後継は「国家サイバー統括室」です（2025年7月1日）';
const GABAKURA = '表記ゆれ: 「ガバクラ」は「ガバメントクラウド」と表記します';
const CERTIFICATION = 'ISMAPは認証ではなく登録の制度のため、「ISMAP登録」と書きます';

describe('not a claim: a term spoken of as a word', () => {
  it('a review memo quoting the words to replace reports only the real uses', () => {
    const text =
      '# 表記レビュー\n\n' +
      '1. 「ガバクラ」という略称は使わず「ガバメントクラウド」に統一してください。\n' +
      '2. 「NISC」の記載は「国家サイバー統括室」に改めること。\n' +
      '3. 「ISMAP認証」の表記は「ISMAP登録」に修正してください。\n\n' +
      '第3章の基盤はガバクラ上に置き、障害時はNISCへ報告する。\n';
    assert.deepEqual(findings(text), [
      ['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ', 1), GABAKURA],
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC', 1), NISC],
    ]);
  });

  it('an English style guide: single quotes, double quotes, "Replace … with"', () => {
    const text =
      '# Style guide\n\n' +
      "- Do not write 'ISMAP certification'; write \"ISMAP registration\".\n" +
      '- Replace "NISC" with "National Cybersecurity Office".\n' +
      '- Our vendor holds ISMAP certification.\n';
    assert.deepEqual(findings(text), [
      ['fact/ismap-certification', 'ISMAP certification', offsetOf(text, 'ISMAP certification', 1), CERTIFICATION],
    ]);
  });

  it('an unquoted word named as a word (NISCの記載は…, ガバクラという略称)', () => {
    const text = '旧計画書にあるNISCの記載は改めること。ガバクラという略称も使わない。\n';
    assert.deepEqual(findings(text), []);
  });

  it('「X」ではなく「Y」と書く, 「X」→「Y」 in a review table, Use "Y", not "X"', () => {
    const text = '「ガバクラ」ではなく「ガバメントクラウド」と書く。\n\n| 指摘 |\n| --- |\n| 「NISC」→「国家サイバー統括室」 |\n\nUse "Government Cloud", not "ガバクラ".\n';
    assert.deepEqual(findings(text), []);
  });

  it('a quoted word in a sentence that uses it is still reported', () => {
    const text = '本システムは「ガバクラ」上に構築し、「NISC」へ報告する。\n';
    assert.deepEqual(findings(text), [
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC'), NISC],
      ['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ'), GABAKURA],
    ].sort((a, b) => (a[2] as number) - (b[2] as number)));
  });

  it('Xって何ですか？ / Xとは何ですか / Xの意味は asks about the word, also with a second sentence in the same bold; a use after it is reported', () => {
    const text =
      '# よくある質問\n\n**Q. ガバクラって何ですか？ ニュースで聞きました。**\n\nA. ガバメントクラウドの略称です。\n\n' +
      '**Q. NISCとは何ですか**\n\nA. 国家サイバー統括室の旧称です。\n\n### ガバクラってなに？\n\n- 「ガバクラ」とはどういう意味ですか。\n- ガバクラの意味は？\n\n' +
      '本市はガバクラへ移行します。ガバクラって何かと話題です。\n';
    assert.deepEqual(findings(text), [
      ['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ', 4), GABAKURA],
      ['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ', 5), GABAKURA],
    ]);
  });

  it('mentionedAsWord: quoted alone in a sentence about wording, not an apostrophe', () => {
    const model = parseMarkdownDocument("Don't write 'ISMAP certified'. The team's ISMAP certified vendor.\n");
    const first = offsetOf(model.text, 'ISMAP certified');
    const second = offsetOf(model.text, 'ISMAP certified', 1);
    assert.equal(mentionedAsWord(model, first, first + 15), true);
    assert.equal(mentionedAsWord(model, second, second + 15), false);
  });
});

describe('not a claim: a question in minutes or a FAQ, and its answer', () => {
  it('minutes: a 「〜か。」 list item, Q:/A: lines, a 質問 column and a speaker line stay quiet; the answers are read', () => {
    const text =
      '# 議事録\n\n' +
      '- 霞が関WANとの接続は必要か。\n  - 不要。GSSに接続する。\n' +
      '- Q: 個人情報保護条例は適用されますか\n- A: 適用されない。\n\n' +
      '| 質問 | 回答 |\n| --- | --- |\n| NISCへの報告は必要か | NISCへ報告する |\n\n' +
      '委員: 個人情報保護条例に基づく諮問は必要か。\n\n事務局: 必要ない。\n';
    assert.deepEqual(findings(text), [['term/deprecated', 'NISC', offsetOf(text, 'NISC', 1), NISC]]);
  });

  it('Q1., 問3：, 【質問】, a heading that asks, a 要否 cell', () => {
    const text =
      'Q1. 政府共通ネットワークは引き続き使えますか\n\n問3：個人情報保護条例の規定は適用されるか\n\n【質問】霞が関WANを経由する必要があるか\n\n' +
      '### 政府共通ネットワークに接続する必要はありますか\n\nありません。\n\n| 質問 | 回答 |\n| --- | --- |\n| 霞が関WANとの接続要否 | 不要 |\n';
    assert.deepEqual(findings(text), []);
  });

  it('a question the answer confirms is reported', () => {
    const text = '- 霞が関WANとの接続は必要か。\n  - 必要です。\n';
    assert.deepEqual(findings(text), [
      ['term/deprecated', '霞が関WAN', offsetOf(text, '霞が関WAN'), '旧名称: 「霞が関WAN」の後継は「政府共通ネットワーク」です（2013年）'],
    ]);
  });

  it('a question that presumes the old name, with no answer, is still reported', () => {
    const text = 'インシデントはNISCへ報告していますか。\n';
    assert.deepEqual(findings(text), [['term/deprecated', 'NISC', offsetOf(text, 'NISC'), NISC]]);
  });

  it('questionAt reads the answer after a Q: line and after a bold question', () => {
    const model = parseMarkdownDocument('Q: Use Singapore for backups?\nA: No.\n\n**Can logs go to us-east-1?** Yes, they can.\n');
    assert.deepEqual(questionAt(model, offsetOf(model.text, 'Singapore')), { text: 'Q: Use Singapore for backups?', answer: 'refuses', answerText: 'No.' });
    assert.deepEqual(questionAt(model, offsetOf(model.text, 'us-east-1')), { text: '**Can logs go to us-east-1?', answer: 'confirms', answerText: 'Yes, they can.' });
    assert.equal(questionAt(model, offsetOf(model.text, 'No.')), undefined);
    const sameLine = parseMarkdownDocument('Q: Where do backups go? A: us-east-1.\n');
    assert.equal(questionAt(sameLine, offsetOf(sameLine.text, 'us-east-1')), undefined);
  });

  it('questionAt reads the answer of a heading that asks from its section, not from the next section', () => {
    const model = parseMarkdownDocument('## Q: Can copies live in us-west-2?\n\nA: No.\n\n## Can logs go to us-east-1?\n\n### Details\n\nYes.\n');
    assert.equal(questionAt(model, offsetOf(model.text, 'us-west-2'))?.answer, 'refuses');
    assert.equal(questionAt(model, offsetOf(model.text, 'us-east-1'))?.answer, 'none');
  });
});

describe('not a claim: a question written as a heading, answered in the next paragraph (every rule)', () => {
  const CLASS_4 = '存在しない格付: 「機密性4情報」はなく、格付は機密性1〜3、完全性1〜2、可用性1〜2です';
  const FACT_RULES: Rule[] = [classificationUnknownLevelRule, controlUnknownIdRule, controlOutdatedIsoNumberingRule];

  it('### Q8. 「機密性4情報」という区分はありますか。 A. ありません。: the class, a 統一基準 number and an ISO number asked about stay quiet', () => {
    const text =
      '# 研修 よくある質問\n\n### Q8. 「機密性4情報」という区分はありますか。\n\nA. ありません。機密性は1から3までの3段階です。\n\n' +
      '### Q9. 統一基準の9.1.1は何を定めていますか。\n\nA. 統一基準は8章構成で、該当する項目はありません。\n\n' +
      '### ISO/IEC 27001:2022 の A.9.4.2 はどの管理策ですか？\n\n2022年版では番号が変わり、A.8.5 が相当します。\n';
    assert.deepEqual(findings(text, FACT_RULES), []);
  });

  it('a heading question answered はい, and one nobody answers, are claims: reported at the class', () => {
    const text =
      '## よくある質問\n\n### Q10. 機密性4情報は使えますか。\n\nA. はい、使えます。\n\n### Q11. 研修で機密性4情報を扱いますか\n\n## 次の章\n\n本文。\n';
    assert.deepEqual(findings(text, FACT_RULES), [
      ['classification/unknown-level', '機密性4情報', offsetOf(text, '機密性4情報'), CLASS_4],
      ['classification/unknown-level', '機密性4情報', offsetOf(text, '機密性4情報', 1), CLASS_4],
    ]);
  });

  it('onlyAsked: an answered question is asked; a checklist item followed by another question, and an aside in brackets, are stated', () => {
    const faq = parseMarkdownDocument('### Q8. 「機密性4情報」という区分はありますか。\n\nA. ありません。\n');
    assert.equal(onlyAsked(faq, offsetOf(faq.text, '機密性4')), true);
    const checklist = parseMarkdownDocument(
      '# チェックリスト\n\n- [ ] ISMAP登録の有効期間（登録日から3年間）が契約期間の終了日まで続くか\n- [ ] 機密性3情報を扱わないか\n',
    );
    assert.equal(onlyAsked(checklist, offsetOf(checklist.text, '3年間')), false);
    const aside = parseMarkdownDocument('- 有効期間（登録日から3年間）は契約期間を満たすか。\n  - 契約書で確認した。\n- 委員：更新は3年ごとか。\n- 事務局：いいえ。\n');
    assert.equal(onlyAsked(aside, offsetOf(aside.text, '3年間')), false);
    assert.equal(onlyAsked(aside, offsetOf(aside.text, '3年ごと')), true);
  });
});

describe('not a claim: a question after a speaker label in minutes, answered by the next speaker (every rule)', () => {
  const MINUTES_RULES: Rule[] = [ismapRenewalPeriodRule, privacyReportThresholdRule, classificationUnknownLevelRule, govCloudOverseasRegionRule];

  it('〜のか。, 〜のか？ and 〜か。 after 田中主査：, **山本係長**：, 佐藤： are questions; いいえ from the next speaker leaves them quiet', () => {
    const text =
      '# 議事録\n\n〇〇町 総務課\n\n' +
      '- 田中主査（総務課）：ISMAPの登録は3年ごとに更新されるのか？\n- 伊藤PM：いいえ。毎年の監査を受けて更新される。\n' +
      '- **山本係長**：漏えいした人数が1,000人を超えなければ、個人情報保護委員会への報告は不要なのか。\n- **伊藤PM**：いいえ。町は100人を超える漏えい等で報告する。\n' +
      '- 佐藤：機密性4情報の区分を設けるか。\n- 伊藤PM：設けない。\n\n' +
      '田中主査：バックアップを us-east-1 に置くのか。\n伊藤PM：いいえ。東京リージョンのみとする。\n';
    assert.deepEqual(findings(text, MINUTES_RULES), []);
  });

  it('a question the next speaker confirms (はい) is reported at the question', () => {
    const text = '# 議事録\n\n- 山本係長：ISMAPは3年ごとの更新でよかったか。\n- 伊藤PM：はい、3年ごとです。\n';
    assert.deepEqual(findings(text, MINUTES_RULES), [
      ['ismap/renewal-period', '3年ごと', offsetOf(text, '3年ごと'), 'ISMAP登録の有効期限: 「3年ごと」で更新する制度ではなく、登録は監査対象期間の末日の翌日から1年4か月後まで有効です'],
    ]);
  });

  it('questionAt reads the answer past the speaker label, also in bold; a label that answers (不要：) is the answer', () => {
    const model = parseMarkdownDocument('- 田中：登録は3年ごとか。\n- **伊藤PM**：はい、そうです。\n\n- 委員：報告は必要か。\n- 不要：100人以下のため。\n');
    assert.deepEqual(questionAt(model, offsetOf(model.text, '3年')), { text: '田中:登録は3年ごとか。', answer: 'confirms', answerText: 'はい、そうです。' });
    assert.equal(questionAt(model, offsetOf(model.text, '報告'))?.answer, 'refuses');
  });
});

describe('not a claim: an English FAQ question answered with a refusal (govcloud/overseas-region)', () => {
  const head = '---\nsector: local\n---\n# Portal FAQ\n\nThe portal runs on ガバメントクラウド (AWS).\n\n';
  const region = (surface: string, name: string) => `国外リージョン: 「${surface}」（${name}）は国外のリージョンで、国内のリージョンに置くのが原則です`;

  it('refused or unanswered questions stay quiet; a confirmed one is reported on the answer, or on the question when the answer does not name it', () => {
    const text =
      head +
      '**Can we keep DR copies in us-central1?** We decided not to.\n\n' +
      'Q: Use Singapore for backups?\nA: No.\n\n' +
      '- Can we replicate to eu-west-1? No, every copy stays in ap-northeast-1.\n\n' +
      'Q: Can logs be shipped to us-east-1?\nA: Yes, in us-east-1.\n\n' +
      'Q: Can archives go to us-west-2?\nA: Yes.\n\n' +
      'Should backups go to Singapore (ap-southeast-1)? — No.\n\nus-west-1 にバックアップを置けますか。→ 不可。\n';
    assert.deepEqual(findings(text), [
      ['govcloud/overseas-region', 'us-east-1', offsetOf(text, 'us-east-1', 1), region('us-east-1', 'US East (N. Virginia)')],
      ['govcloud/overseas-region', 'us-west-2', offsetOf(text, 'us-west-2'), region('us-west-2', 'US West (Oregon)')],
    ]);
  });
});

describe('not a claim: a term a list or table marks wrong', () => {
  it('definition lines, a 表記/可否 table with ×, a 判定 column with NG, Wrong: and trailing verdicts', () => {
    const text =
      '# 用語の使い分け\n\n' +
      'ISMAP認証\n: 誤った呼び方です\n\n' +
      '| 表記 | 可否 |\n| --- | --- |\n| ISMAP認証 | × |\n| ガバメントクラウド | ○ |\n| ガバクラ | × |\n\n' +
      '| 用語 | 判定 |\n| --- | --- |\n| NISC | NG |\n\n' +
      '- Wrong: ISMAP certification\n- ガバクラ: 使用不可\n- ISMAP認証 … 誤り\n\n' +
      'なお、当課ではガバクラ上のサービスを使う。\n';
    assert.deepEqual(findings(text), [['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ', 2), GABAKURA]]);
  });

  it('an English table headed Wrong | Right', () => {
    const text = '| Wrong | Right |\n| --- | --- |\n| our ISMAP certified platform | a platform on the ISMAP list |\n';
    assert.deepEqual(findings(text), []);
  });

  it('a trailing (誤), an English dash verdict and an OK/NG column', () => {
    const text = '- 「ISMAP認証」（誤）\n- ISMAP certified — incorrect\n\n| 用語 | OK/NG |\n| --- | --- |\n| ガバクラ | NG |\n';
    assert.deepEqual(findings(text), []);
  });

  it('不可欠 or 誤った宛先 after a term is not a verdict', () => {
    const text = '- ISMAP認証: 不可欠\n- ガバクラ: 誤った宛先への送信を防ぐ\n';
    assert.deepEqual(findings(text), [
      ['fact/ismap-certification', 'ISMAP認証', 2, CERTIFICATION],
      ['term/variant', 'ガバクラ', offsetOf(text, 'ガバクラ'), GABAKURA],
    ]);
  });

  it('a 可否 column with ○ leaves its row a claim', () => {
    const text = '| 記載 | 可否 |\n| --- | --- |\n| ISMAP認証取得済みのサービス | ○ |\n';
    assert.deepEqual(findings(text), [['fact/ismap-certification', 'ISMAP認証取得済み', offsetOf(text, 'ISMAP認証'), CERTIFICATION]]);
  });
});

describe("not history: the writer's own decision in the past tense", () => {
  it('〜手順とした, 〜することとした, 〜と定めた, "It was decided that" name NISC as current; 〜していた, 〜を経て, "Until June 2025" stay history', () => {
    const text =
      '| 項目 | 決定事項 |\n| --- | --- |\n| 報告先 | 重大インシデントはNISCへ報告する手順とした |\n\n' +
      '本手順では、NISCへ速やかに報告することとした。報告様式はNISCの様式によると定めた。\n\n' +
      '2024年度まではNISCへ報告していた。霞が関WANを経て政府共通ネットワークへ移行した。NISCは報告期限を1時間以内と定めた。\n\n' +
      '本市は、障害発生時にNISCへ報告することを決定した。\n\n' +
      'It was decided that outages are reported to NISC. Until June 2025, outages were reported to NISC.\n';
    assert.deepEqual(findings(text), [
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC'), NISC],
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC', 1), NISC],
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC', 2), NISC],
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC', 5), NISC],
      ['term/deprecated', 'NISC', offsetOf(text, 'NISC', 6), NISC],
    ]);
  });
});
