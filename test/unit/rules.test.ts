import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { termDeprecatedRule } from '../../server/src/rules/term/deprecated';
import { termVariantRule } from '../../server/src/rules/term/variant';
import { profileSchemaRule } from '../../server/src/rules/profile/schema';
import { bundledKnowledge, fixtureKnowledge, offsetOf } from '../helpers';

function findingsOf(text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, fixtureKnowledge()).findings.map((f) => ({
    rule: f.ruleId,
    severity: f.severity,
    text: text.slice(f.start, f.end),
    start: f.start,
    message: f.message,
    replacement: f.fix?.replacement,
  }));
}

describe('rule term/variant', () => {
  it('reports a full-width spelling at its exact range with the canonical form', () => {
    const text = '本システムはイスマップ登録済みのサービスを使う。';
    assert.deepEqual(findingsOf(text), [
      {
        rule: 'term/variant',
        severity: 'information',
        text: 'イスマップ',
        start: 6,
        message: { ja: '表記ゆれ: 「イスマップ」は「ISMAP」と表記します', en: 'Non-canonical spelling: write "ISMAP", not "イスマップ".' },
        replacement: 'ISMAP',
      },
    ]);
  });

  it('reports short forms and listed variants, not canonical spellings or canonical aliases', () => {
    const text = 'ガバクラとISMAP LIUとISMAP-LIUとGovernment Cloudとガバメントクラウド。';
    assert.deepEqual(
      findingsOf(text).map((f) => [f.text, f.start, f.replacement]),
      [
        ['ガバクラ', 0, 'ガバメントクラウド'],
        ['ISMAP LIU', 5, 'ISMAP-LIU'],
      ],
    );
  });

  it('never reports a canonical spelling written in another width (ＮＩＳＣ, ＩＳＭＡＰ, 機密性２情報); a variant stays one in any width', () => {
    assert.deepEqual(findingsOf('ＮＩＳＣ').map((f) => [f.rule, f.replacement]), [['term/deprecated', '国家サイバー統括室']]);
    assert.deepEqual(findingsOf('ＩＳＭＡＰ登録').map((f) => f.rule), []);
    assert.deepEqual(findingsOf('ｶﾞﾊﾞｸﾗへ移行する。').map((f) => [f.rule, f.text, f.replacement]), [['term/variant', 'ｶﾞﾊﾞｸﾗ', 'ガバメントクラウド']]);
  });

  it('leaves a name the writer marks as colloquial or explains with the canonical name', () => {
    assert.deepEqual(findingsOf('いわゆるガバクラへ移行する。').map((f) => f.rule), []);
    assert.deepEqual(findingsOf('ガバクラ（ガバメントクラウド）へ移行する。').map((f) => f.rule), []);
    assert.deepEqual(findingsOf('ガバクラへ移行する。').map((f) => f.rule), ['term/variant']);
  });

  it('stays quiet in code blocks, code spans, URLs and comments', () => {
    const text = '```\nガバクラ\n```\n\n`ＩＳＭＡＰ` https://example.go.jp/%E3%82%AC%E3%83%90%E3%82%AF%E3%83%A9 <!-- 政府共通ネットワーク -->\n';
    assert.deepEqual(findingsOf(text), []);
  });

  it('reports Japanese text written right after a URL: a URL cannot hold it unencoded (RFC 3986)', () => {
    const text = '詳細は https://example.go.jp/ガバクラの手引き を参照。\n';
    assert.deepEqual(findingsOf(text).map((f) => [f.text, f.start]), [['ガバクラ', text.indexOf('ガバクラ')]]);
  });

  it('reports in YAML values but not in YAML comments', () => {
    const text = 'platform: ガバクラ # ガバクラ\n';
    assert.deepEqual(findingsOf(text, 'file:///profile.yaml').map((f) => [f.text, f.start]), [['ガバクラ', 10]]);
  });
});

describe('rule term/deprecated', () => {
  it('reports a superseded term with its successor and date', () => {
    const text = '職員端末は政府共通ネットワークに接続する。';
    assert.deepEqual(findingsOf(text), [
      {
        rule: 'term/deprecated',
        severity: 'warning',
        text: '政府共通ネットワーク',
        start: 5,
        message: { ja: '旧名称: 「政府共通ネットワーク」の後継は「GSS」です（2023年）', en: 'Superseded name: "政府共通ネットワーク" is now "GSS" (Government Solution Service), since 2023.' },
        replacement: 'GSS',
      },
    ]);
  });

  it('uses the severity the entry gives (NISC → information)', () => {
    const text = '所管はNISCである。';
    const [finding] = findingsOf(text);
    assert.equal(finding.severity, 'information');
    assert.equal(finding.start, offsetOf(text, 'NISC'));
    assert.deepEqual(finding.message, {
      ja: '旧名称: 「NISC」の後継は「国家サイバー統括室」です（2025年7月1日）',
      en: 'Superseded name: "NISC" is now "国家サイバー統括室" (National Cybersecurity Office), since 2025-07-01.',
    });
  });

  it('reports an old full name with its abbreviation in brackets once, and leaves "formerly NISC" alone', () => {
    const text = 'Incidents go to the National center of Incident readiness and Strategy for Cybersecurity (NISC). NISC is also told.';
    const found = analyzeDocument({ uri: 'file:///README.md', text }, bundledKnowledge(), { rules: [termDeprecatedRule] }).findings;
    assert.deepEqual(
      found.map((finding) => [text.slice(finding.start, finding.end), finding.start]),
      [
        ['National center of Incident readiness and Strategy for Cybersecurity', text.indexOf('National')],
        ['NISC', text.lastIndexOf('NISC')],
      ],
    );
    const formerly = '- National Cybersecurity Office (国家サイバー統括室, formerly NISC until June 2025)\n';
    assert.deepEqual(analyzeDocument({ uri: 'file:///README.md', text: formerly }, bundledKnowledge(), { rules: [termDeprecatedRule] }).findings, []);
  });

  it('leaves an old edition cited for one of its items in a correspondence, and still reports it as a requirement', () => {
    const deprecated = (text: string) =>
      analyzeDocument({ uri: 'file:///memo.md', text }, bundledKnowledge(), { rules: [termDeprecatedRule] }).findings.map((f) => text.slice(f.start, f.end));
    assert.deepEqual(deprecated('ISMAP管理基準の 9.2.3 は ISO/IEC 27001:2013 の A.9.2.3 に対応する。\n'), []);
    assert.deepEqual(deprecated('本システムは ISO/IEC 27001:2013 の A.9.2.3 に準拠すること。\n'), ['ISO/IEC 27001:2013']);
    assert.deepEqual(deprecated('ISO/IEC 27001:2013 に対応する。\n'), ['ISO/IEC 27001:2013']);
  });

  it('leaves the old edition in a 新旧対照 table header and in its old-side column, and reports it on the new side', () => {
    const deprecated = (text: string) =>
      analyzeDocument({ uri: 'file:///kitei.md', text }, bundledKnowledge(), { rules: [termDeprecatedRule] }).findings.map((f) => [text.slice(f.start, f.end), f.start]);
    // Header cells naming both editions; the <br> keeps 「（現行）」 away from the name.
    const editions = '| 条項 | ISO/IEC 27001:2013<br>（現行） | ISO/IEC 27001:2022<br>（改定案） |\n|---|---|---|\n| 第5条 | A.9.2.1 | 5.16 |\n';
    assert.deepEqual(deprecated(editions), []);
    const bare = '| 条項 | ISO/IEC 27001:2013 | ISO/IEC 27001:2022 |\n|---|---|---|\n| 第5条 | A.9.2.1 | 5.16 |\n';
    assert.deepEqual(deprecated(bare), []);
    const columns =
      '| 項目 | 現行 | 改定案 |\n|---|---|---|\n| 準拠規格 | ISO/IEC 27001:2013 | ISO/IEC 27001:2022 |\n' +
      '\n| Before | After |\n|---|---|\n| JIS Q 27001:2014 applies. | JIS Q 27001:2023 applies. |\n';
    assert.deepEqual(deprecated(columns), []);
    // The proposed text still naming the old edition, and a table that compares nothing, are reported.
    const newSide = '| 条項 | 改正前 | 改正後 |\n|---|---|---|\n| 第3条 | JIS Q 27001:2014 に準拠する。 | ISO/IEC 27001:2013 に準拠する。 |\n';
    assert.deepEqual(deprecated(newSide), [['ISO/IEC 27001:2013', newSide.indexOf('ISO/IEC 27001:2013')]]);
    const plain = '| 準拠規格 | 備考 |\n|---|---|\n| ISO/IEC 27001:2013 | 認証を維持する |\n';
    assert.deepEqual(deprecated(plain), [['ISO/IEC 27001:2013', plain.indexOf('ISO/IEC 27001:2013')]]);
  });

  it('does not quote a long old name in the message (the squiggle marks it)', () => {
    const text = 'Incidents are also reported to the National center of Incident readiness and Strategy for Cybersecurity (NISC).';
    const [finding] = analyzeDocument({ uri: 'file:///README.md', text }, bundledKnowledge(), { rules: [termDeprecatedRule] }).findings;
    assert.equal(text.slice(finding.start, finding.end), 'National center of Incident readiness and Strategy for Cybersecurity');
    assert.deepEqual(finding.message, {
      ja: '旧名称: この名称の後継は「国家サイバー統括室」です（2025年7月1日）',
      en: 'Superseded name: this is now "国家サイバー統括室" (National Cybersecurity Office (NCO)), since 2025-07-01.',
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// Historical statements and quoted titles (table-driven)
// ---------------------------------------------------------------------------------------------------------

const TERM_RULES = [termVariantRule, termDeprecatedRule];

/** [rule, exact text] of each finding, from the term rules only. */
function termFindings(text: string, knowledge = fixtureKnowledge(), uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, knowledge, { rules: TERM_RULES }).findings.map((f) => [f.ruleId, text.slice(f.start, f.end), f.start]);
}

/** Expected [rule, text, start] for each (rule, text, occurrence) triple. */
function at(text: string, expected: [string, string, number?][]) {
  return expected.map(([rule, needle, occurrence]) => [rule, needle, offsetOf(text, needle, occurrence ?? 0)]);
}

describe('rule term/deprecated: historical statements', () => {
  const historical: [string, string][] = [
    ['a sentence in the past tense (〜刷新された)', '政府共通ネットワークは2013年に各府省のネットワークを統合する形で整備された。'],
    ['〜していた', '当時の職員端末は政府共通ネットワークに接続していた。'],
    ['〜であった', '所管はNISCであった。'],
    ['〜だった', '府省間の通信基盤は政府共通ネットワークだった。'],
    ['かつて', 'かつてNISCは統一基準群を策定する立場にあり、現在その役割は引き継がれている。'],
    ['以前は', '以前は政府共通ネットワークを経由して接続する構成とする方針が採られていた。'],
    ['当時', 'NISC（当時）の資料を参照する。'],
    ['a date up to the change + まで', '2025年6月30日まではNISCが所管する。'],
    ['撤去済み', '政府共通ネットワークの専用回線は撤去済みである。'],
    ['廃止された', '政府共通ネットワーク用の端末は2024年度に廃止された。'],
    ['the 旧 prefix', '国家サイバー統括室（旧NISC）に報告する。'],
    ['旧称', '国家サイバー統括室（旧称: 内閣サイバーセキュリティセンター）に報告する。'],
    ['a 現 note after the old name', 'NISC（現 国家サイバー統括室）に報告する。'],
    ['沿革 in the sentence', '沿革: 本省LANは政府共通ネットワークに接続する構成で運用を開始した。'],
    ['a transition that names the successor', '政府共通ネットワークからGSSへ移行する。'],
    ['the old body as the agent of a past act', 'NISCが策定した統一基準群に従う。'],
    ['a cited title in 『』', '『政府共通ネットワーク接続ガイドライン』を参照する。'],
    ['a cited title in 「」 ending with a document type', '「NISC 重要インフラ行動計画」を参照する。'],
    ['the publisher of a cited title', '「政府機関等の対策基準策定のためのガイドライン（令和5年度版）」（NISC）を参照する。'],
    ['a sentence broken across lines', '職員端末は政府共通ネットワークに\n接続していた。'],
    ['a list item broken across lines', '- 職員端末は政府共通ネットワークに\n  接続していた。'],
    ['a blockquote broken across lines', '> 職員端末は政府共通ネットワークに\n> 接続していた。'],
    ['full-width digits in the date', '２０２５年６月までＮＩＳＣが所管していた。'],
    ['the publisher of a named standard with its edition', '統一基準群（NISC、令和5年度版）に準拠すること。'],
    ['the old network as what is being retired', '政府共通ネットワークは2026年度末に廃止予定である。'],
    ['a migration heading', '## 政府共通ネットワークからの移行\n\n移行期間中は政府共通ネットワークとGSSを併用する。'],
    ['English: until a date before the change', 'Until June 2025, NISC coordinated incident response across ministries.'],
    ['English: before the change date', 'Before July 2025 the reports went to NISC.'],
    ['English: was / were', 'The coordinating body was NISC.'],
    ['English: the old body as the agent of a past act', 'The baseline that NISC published in 2023 is still cited.'],
    ['a FAQ heading asking whether the old name is still current', '### NISCはまだ存在しますか\n\nいいえ。'],
    ['an English question whether the old name is still current', 'Is NISC still the contact point?'],
    ['a question in a FAQ table cell, answered in the next cell', '| 質問 | 回答 |\n| --- | --- |\n| NISCは今どうなっていますか | 国家サイバー統括室に改組されました。 |\n'],
    ['English: as of a date before the change', 'As of March 2025, NISC required annual audits.'],
    ['a FAQ question about the difference between the old and the new name', '## Q. NISCと国家サイバー統括室の違いは何ですか\n\n組織が改組されました。'],
    ['English: "was called"', 'The National Cybersecurity Office was called NISC until the reorganisation.'],
    ['English: the former name, and a (now …) note', 'The former NISC answers no longer. NISC (now the NCO) publishes it.'],
    ['the name spoken of as a name', '古い調達仕様書にはNISCという名称が残っている。Older tender documents still mention NISC.'],
  ];
  for (const [title, text] of historical) {
    it(`stays quiet: ${title}`, () => assert.deepEqual(termFindings(text).filter(([rule]) => rule === 'term/deprecated'), []));
  }

  it('stays quiet in a section titled 沿革 / 経緯 / 歴史, and reports again after it', () => {
    const text =
      '# 1. 本システムの概要\n\n## 1.1 沿革\n\n本省のネットワークは政府共通ネットワークに接続する。\n\n### 1.1.1 経緯の詳細\n\nNISCが所管する。\n\n' +
      '## 1.2 現状\n\n職員端末は政府共通ネットワークに接続する。\n';
    assert.deepEqual(termFindings(text), at(text, [['term/deprecated', '政府共通ネットワーク', 1]]));
  });

  it('stays quiet under a timeline heading dated before the change, and reports again under a later one', () => {
    const text =
      '## 2010年〜: 霞が関WAN\n\n府省間の通信は霞が関WANで行う。\n\n## 2013年: 政府共通ネットワーク\n\n政府共通ネットワークへ接続する。\n\n' +
      '## 2024年〜: 現在\n\n職員端末は政府共通ネットワークに接続する。\n';
    assert.deepEqual(termFindings(text), at(text, [['term/deprecated', '政府共通ネットワーク', 2]]));
  });

  it('stays quiet inside the quoted title of a cited article (「…」（媒体名、2024年）)', () => {
    const text = '- 「霞が関WANから政府共通ネットワークへ」（自治体情報化ジャーナル、2024年）\n- 職員端末は政府共通ネットワークに接続する。\n';
    assert.deepEqual(termFindings(text), at(text, [['term/deprecated', '政府共通ネットワーク', 1]]));
  });

  it('stays quiet under a YAML key about history', () => {
    const text = 'history:\n  - 政府共通ネットワークに接続\nnetwork: 政府共通ネットワーク\n';
    assert.deepEqual(termFindings(text, fixtureKnowledge(), 'file:///system.yaml'), at(text, [['term/deprecated', '政府共通ネットワーク', 1]]));
  });

  const present: [string, string, string][] = [
    ['present use', '職員端末は政府共通ネットワークに接続する。', '政府共通ネットワーク'],
    ['a stative 〜した before a noun', '政府共通ネットワークに接続した端末を利用すること。', '政府共通ネットワーク'],
    ['〜していただく is not past', '政府共通ネットワークへの接続を確認していただく。', '政府共通ネットワーク'],
    ['まで without a past date', '本番稼働まで政府共通ネットワークに接続する。', '政府共通ネットワーク'],
    ['まで with a date after the change', '2027年3月まで政府共通ネットワークを利用する。', '政府共通ネットワーク'],
    ['the present clause after a past one', '霞が関時代の回線は撤去済みだが、政府共通ネットワークは引き続き利用する。', '政府共通ネットワーク'],
    ['NISC for the present organisation', 'インシデント発生時はNISCに報告すること。', 'NISC'],
    ['the second mention, in a present clause', 'NISCが策定した基準に基づき、NISCへ報告すること。', 'NISC'],
    ['a quotation that is only the old name', '「政府共通ネットワーク」に接続する。', '政府共通ネットワーク'],
    ['a retirement word in the next clause only', '政府共通ネットワークに接続し、旧端末の監視を停止する。', '政府共通ネットワーク'],
    ['the context (沿革) on an earlier, separate sentence', '本節は沿革ではない。職員端末は政府共通ネットワークに接続する。', '政府共通ネットワーク'],
    ['English: present use', 'Report incidents to NISC within one hour.', 'NISC'],
    ['English: a present sentence after a past one', 'Until June 2025, the office coordinated it. Today, NISC publishes the guidelines.', 'NISC'],
    ['English: a bound after the change', 'Report to NISC before July 2026.', 'NISC'],
    ['a question that presumes the old name is current', 'インシデントはNISCへ報告していますか。', 'NISC'],
  ];
  for (const [title, text, needle] of present) {
    it(`reports: ${title}`, () => {
      const occurrence = title.startsWith('the second') ? 1 : 0;
      assert.deepEqual(termFindings(text).filter(([rule]) => rule === 'term/deprecated'), at(text, [['term/deprecated', needle, occurrence]]));
    });
  }

  it('keeps NISC at information severity for the present organisation', () => {
    const [finding] = findingsOf('インシデント発生時はNISCに報告すること。');
    assert.equal(finding.severity, 'information');
    assert.equal(finding.replacement, '国家サイバー統括室');
  });

  describe('with the real glossary', () => {
    const real: [string, string, [string, string, number?][]][] = [
      ['霞が関WAN: 「2013年に…刷新された」', '霞が関WANは2013年に政府共通ネットワークへ刷新された。', []],
      ['霞が関WAN: a closed period', '霞が関WAN（1997年〜2013年）は府省間を結ぶネットワークである。', []],
      ['霞が関WAN: a history table row', '| 年 | 出来事 |\n|---|---|\n| 2013 | 霞が関WANを政府共通ネットワークへ刷新 |\n', []],
      ['霞が関WAN used as current', '本省LANは霞が関WANに接続する。', [['term/deprecated', '霞が関WAN']]],
      ['行政機関個人情報保護法: 廃止された', '行政機関個人情報保護法は2022年4月1日に廃止された。', []],
      ['行政機関個人情報保護法: a dated change', '行政機関個人情報保護法（2022年4月廃止）に代わり、個人情報保護法第5章が適用される。', []],
      ['行政機関個人情報保護法 cited as the current basis', '行政機関個人情報保護法に基づき開示請求に対応すること。', [['term/deprecated', '行政機関個人情報保護法']]],
    ];
    for (const [title, text, expected] of real) {
      it(title, () => assert.deepEqual(termFindings(text, bundledKnowledge()).filter(([rule]) => rule === 'term/deprecated'), at(text, expected)));
    }
  });
});

describe('rule term/variant: quoted titles', () => {
  const cases: [string, string, [string, string, number?][]][] = [
    ['『』 always holds a title', '『ガバクラ移行の進め方』を参照する。', []],
    ['「」 ending with 概要', '「ガバクラ法案の概要」を参照する。', []],
    ['「」 ending with ガイドライン and an edition', '「ガバクラ利用ガイドライン（令和6年度版）」に従う。', []],
    ['「」 ending with 方針', '「ガバクラ活用方針」による。', []],
    ['“” ending with 資料', '“ガバクラ説明資料”を参照する。', []],
    ['straight quotes ending with 報告書', '"ガバクラ検証報告書"を参照する。', []],
    ['「」 inside 『』', '『「ガバクラ」導入の手引き』を参照する。', []],
    ['「」 that is not a title', '「ガバクラ」上に構築する。', [['term/variant', 'ガバクラ']]],
    ['「」 with a sentence, not a title', '「ガバクラを使う」と記載する。', [['term/variant', 'ガバクラ']]],
    ['outside the quotation', '『ガバクラ移行の進め方』に従い、ガバクラへ移行する。', [['term/variant', 'ガバクラ', 1]]],
    ['an unclosed bracket', '「ガバクラの概要 を参照する。', [['term/variant', 'ガバクラ']]],
    ['a variant outside quotes', 'イスマップ登録サービスを利用し、『イスマップ制度の概要』を参照する。', [['term/variant', 'イスマップ']]],
    ['an article title followed by its year alone', '記事「自治体サイトのCMS移行、ガバクラとは別に進む」（2025年）で紹介された。', []],
    ['the word itself, quoted alone: 「…」とは', 'Q2. 「ガバクラ」とは何ですか。', []],
    ['the word itself, quoted alone: 「…」という', '「ガバクラ」という呼び方は避ける。', []],
    ['quoted alone but used (no predicate about the word)', '本システムは「ガバクラ」を利用する。', [['term/variant', 'ガバクラ']]],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => assert.deepEqual(termFindings(text).filter(([rule]) => rule === 'term/variant'), at(text, expected)));
  }

  it('a real-glossary title: 『ガバクラ法案の概要』', () => {
    const text = '詳細は『ガバクラ法案の概要』を参照し、ガバクラ法案の成立後に見直す。';
    assert.deepEqual(termFindings(text, bundledKnowledge()).filter(([rule]) => rule === 'term/variant'), at(text, [['term/variant', 'ガバクラ法案', 1]]));
  });
});

describe('rule profile/schema', () => {
  // The real knowledge and only this rule.
  const check = (uri: string, text: string) =>
    analyzeDocument({ uri, text }, bundledKnowledge(), { rules: [profileSchemaRule] }).findings.map((f) => [text.slice(f.start, f.end), f.message]);

  it('leaves control IDs to the control rules', () => {
    assert.deepEqual(check('file:///p.yaml', 'doctype: system-profile\niso27001_2022:\n  - A.5.15\n  - A.9.1.1\n'), []);
  });

  it('reports values that do not fit the schema at their exact range', () => {
    const text = 'doctype: system-profile\nnist: [AC-2, アクセス制御]\nservices: 5\nclassification:\n  confidentiality: 4\n';
    assert.deepEqual(check('file:///p.yaml', text), [
      ['アクセス制御', { ja: 'プロファイルの値: nistの2番目: この値はこの項目の形式に合いません', en: 'Profile value nist [item 2]: the value does not have the form this key expects.' }],
      ['5', { ja: 'プロファイルの値: services: この項目はリストで書きます', en: 'Profile value services: this key takes a list.' }],
    ]);
  });

  it('checks procurement front matter at its place in the Markdown text', () => {
    const text = '---\ndoctype: gov-procurement-spec\nismap_controls: [9.2.1, 管理策]\n---\n# 調達仕様書\n';
    assert.deepEqual(check('file:///s.md', text).map(([surface]) => surface), ['管理策']);
  });

  it('stays quiet on valid profiles and on documents that are not procurement documents', () => {
    assert.deepEqual(check('file:///p.yaml', 'doctype: system-profile\ncloud:\n  provider: Amazon Web Services\n  region: ap-northeast-1\nnist: [AC-2, AC-2(1)]\n'), []);
    assert.deepEqual(check('file:///x.md', '---\ntitle: メモ\nnist: 5\n---\n本文\n'), []);
  });

  it('reads a list of IDs written as one comma-separated string as its items', () => {
    const text = 'doctype: system-profile\nismap_controls: "5.1.1, 6.1.2"\nnist: "AC-2, AC-99, アクセス制御"\niso27001_2022: A.5.15、A.8.9\ntitle: "a, b"\n';
    assert.deepEqual(check('file:///p.yaml', text), [
      ['"5.1.1, 6.1.2"', { ja: 'プロファイルの値: ismap_controls: この項目はリストで書きます', en: 'Profile value ismap_controls: this key takes a list.' }],
      ['アクセス制御', { ja: 'プロファイルの値: nistの3番目: この値はこの項目の形式に合いません', en: 'Profile value nist [item 3]: the value does not have the form this key expects.' }],
      ['A.5.15、A.8.9', { ja: 'プロファイルの値: iso27001_2022: この項目はリストで書きます', en: 'Profile value iso27001_2022: this key takes a list.' }],
    ]);
  });

  it('never forbids the user\'s own structure: a list of maps where the schema lists IDs is left alone', () => {
    const text = 'doctype: system-profile\ncontrols:\n  - id: 9.2.1\n    owner: 情報政策課\n  - id: 9.4.2\n    owner: 委託事業者\nnist: [AC-2, アクセス制御]\n';
    assert.deepEqual(check('file:///p.yaml', text).map(([surface]) => surface), ['アクセス制御']);
  });
});

describe('rule isolation', () => {
  it('reports a throwing rule once by its id and keeps every other rule\'s findings', () => {
    const failures: string[] = [];
    const throwing = { ...termVariantRule, id: 'test/throws', check: () => { throw new Error('boom'); } };
    const text = 'ガバクラを使う。\n';
    const analysis = analyzeDocument({ uri: 'file:///a.md', text }, fixtureKnowledge(), {
      rules: [throwing, termVariantRule],
      onRuleError: (ruleId, error) => failures.push(`${ruleId}: ${(error as Error).message}`),
    });
    assert.deepEqual(analysis.findings.map((finding) => [finding.ruleId, finding.start, finding.end]), [['term/variant', 0, 4]]);
    assert.deepEqual(failures, ['test/throws: boom']);
  });
});

describe('rules run with the event loop free between them', () => {
  it('stop between rules when cancelled, keep nothing, and give the same findings when asked again', async () => {
    const text = 'ガバクラを使う。政府共通ネットワークを経由する。\n';
    const analysis = analyzeDocument({ uri: 'file:///a.md', text }, fixtureKnowledge(), { rules: [termVariantRule, termDeprecatedRule] });
    let checks = 0;
    const cancelled = await analysis.findingsYielding(() => ++checks > 1);
    assert.equal(cancelled, undefined);
    assert.equal(checks, 2, 'asked before each rule: stopped before the second');
    const fresh = analyzeDocument({ uri: 'file:///a.md', text }, fixtureKnowledge(), { rules: [termVariantRule, termDeprecatedRule] });
    assert.deepEqual(await analysis.findingsYielding(() => false), fresh.findings);
    assert.deepEqual(analysis.findings.map((finding) => finding.ruleId), ['term/variant', 'term/deprecated']);
  });
});
