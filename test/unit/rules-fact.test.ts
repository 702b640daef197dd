/**
 * The fact rules (fact/*): each case lists the exact spans reported (each the first occurrence of its text
 * unless [text, n]), the message and the quick fix; the true negatives list nothing.
 */

import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import type { Rule } from '../../server/src/rules/rule';
import type { Bilingual } from '../../server/src/language';
import { factIsmapCertificationRule } from '../../server/src/rules/fact/ismapCertification';
import { factMovedUrlRule } from '../../server/src/rules/fact/movedUrl';
import { factOutdatedCountRule } from '../../server/src/rules/fact/outdatedCount';
import { documentUrls } from '../../server/src/document/documentUrls';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import { parseYamlDocument } from '../../server/src/document/yaml';
import { dateBefore, writtenDates } from '../../server/src/context/claims';
import { bundledKnowledge, offsetOf } from '../helpers';

interface Expected {
  readonly text: string | readonly [string, number];
  readonly message: Bilingual;
  /** The replacement of the quick fix, if the finding has one. */
  readonly fix?: string;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly uri?: string;
  readonly expected: readonly Expected[];
}

function runCases(rule: Rule, cases: readonly Case[]): void {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const { findings } = analyzeDocument({ uri: testCase.uri ?? 'file:///notes.md', text: testCase.text }, bundledKnowledge(), { rules: [rule] });
      const actual = findings.map((finding) => ({
        rule: finding.ruleId,
        severity: finding.severity,
        start: finding.start,
        text: testCase.text.slice(finding.start, finding.end),
        message: finding.message,
        fix: finding.fix?.replacement,
      }));
      const expected = testCase.expected.map(({ text, message, fix }) => {
        const [needle, occurrence] = typeof text === 'string' ? [text, 0] : text;
        return { rule: rule.id, severity: 'warning', start: offsetOf(testCase.text, needle, occurrence), text: needle, message, fix };
      });
      assert.deepEqual(actual, expected);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// fact/ismap-certification

const CERTIFICATION: Bilingual = {
  ja: 'ISMAPは認証ではなく登録の制度のため、「ISMAP登録」と書きます',
  en: 'ISMAP registers cloud services, it does not certify them: write "ISMAP-registered".',
};
const LEVEL: Bilingual = {
  ja: 'ISMAPにレベルはなく、クラウドサービスリストに登録されているかどうかだけです',
  en: 'ISMAP has no levels: a service is on the ISMAP cloud service list or not.',
};

describe('rule fact/ismap-certification', () => {
  it('runs in every document (a fact rule)', () => {
    assert.equal(factIsmapCertificationRule.procurementOnly, false);
  });

  runCases(factIsmapCertificationRule, [
    {
      name: 'ISMAP認証 in a requirement, with the exact fix',
      text: '1. 受注者は、ISMAP認証を取得したクラウドサービスを選定すること。\n2. クラウドはISMAP認証のものに限る。\n',
      expected: [
        { text: 'ISMAP認証', message: CERTIFICATION },
        { text: ['ISMAP認証', 1], message: CERTIFICATION, fix: 'ISMAP登録' },
      ],
    },
    {
      name: 'ISMAPの認証を受けている in a table answer whose question cell asks about 登録',
      text: '| No. | 質問 | 回答 |\n|---|---|---|\n| 2 | ISMAP登録が必須ですか。 | 必須です。ISMAPの認証を受けていることを証明する書類を添付してください。 |\n',
      expected: [{ text: 'ISMAPの認証', message: CERTIFICATION }],
    },
    {
      name: 'a provisional certification, a 認定, full-width ＩＳＭＡＰ',
      text: 'ただし登録申請中のサービスは ISMAP の仮認証を取得していること。\n\nＩＳＭＡＰ認定のクラウドを使う。\n',
      expected: [
        { text: 'ISMAP の仮認証', message: CERTIFICATION },
        { text: 'ＩＳＭＡＰ認定', message: CERTIFICATION },
      ],
    },
    {
      name: 'a level, in Japanese and English',
      text: '弊社が採用するAWSは、ISMAPのレベル3を満たしたサービスです。\n\n- ISMAP Level 2 or above is required.\n',
      expected: [
        { text: 'ISMAPのレベル3', message: LEVEL },
        { text: 'ISMAP Level 2', message: LEVEL },
      ],
    },
    {
      name: 'English: certified and certification',
      text: '- Our infrastructure runs on AWS, which is ISMAP certified.\n- All providers hold ISMAP certification.\n',
      expected: [
        { text: 'ISMAP certified', message: CERTIFICATION },
        { text: 'ISMAP certification', message: CERTIFICATION },
      ],
    },
    {
      name: 'a YAML value, with the fix to 登録済み',
      uri: 'file:///sla.yaml',
      text: 'service: 電子申請SaaS\nthird_party_assessment: ISMAP認証取得済み（2025年度）\n',
      expected: [{ text: 'ISMAP認証取得済み', message: CERTIFICATION, fix: 'ISMAP登録済み' }],
    },
    {
      name: 'ISMAP with its full name in parentheses, and ISMAPに認証された',
      text: '当社のクラウドは、ISMAP（政府情報システムのためのセキュリティ評価制度）の認証を取得済みです。\n\nISMAPに認証されたサービスを利用すること。\n',
      expected: [
        { text: 'ISMAP（政府情報システムのためのセキュリティ評価制度）の認証', message: CERTIFICATION },
        { text: 'ISMAPに認証され', message: CERTIFICATION },
      ],
    },
    {
      name: 'a table cell read with its row label 「ISMAP」 or its column header 「ISMAP」 (emphasis left out of the range)',
      text:
        '| 項目 | 内容 |\n|---|---|\n| ISMAP | 認証済 |\n| ISO/IEC 27001 | 認証取得済み |\n\n' +
        '| サービス | ISMAP | ISMAP-LIU | ISO/IEC 27017 |\n|---|---|---|---|\n| A社クラウド | **認証済み** | - | 認証済み |\n' +
        '| B社クラウド | 登録済み | 認証済み | 認証済み |\n| C社クラウド | 認証済み（※認証ではなく登録の制度） | - | - |\n',
      expected: [
        { text: '認証済', message: CERTIFICATION },
        { text: ['認証済み', 0], message: CERTIFICATION },
      ],
    },
    {
      name: 'YAML: a certified value or a level under an ISMAP key (an empty level is not a level)',
      uri: 'file:///profile.yaml',
      text: 'cloud:\n  ismap: certified\n  ismap_level: 2\n  ismap_liu: 認証済み\nsaas:\n  ismap_level: なし\n',
      expected: [
        { text: 'certified', message: CERTIFICATION },
        { text: '2', message: LEVEL },
      ],
    },
    {
      name: 'correct wording, ISO/IEC 27001認証 next to ISMAP登録, ISMAP-LIU, 認証 in another sense',
      text:
        'サービスはISMAPクラウドサービスリストに登録されていること。ISO/IEC 27001認証を取得し、ISMAP登録済みであること。\n\n' +
        'ISMAP-LIU認定は不要とする。ISMAPの認証基盤ではなく、多要素認証を用いる。\n',
      expected: [],
    },
    {
      name: 'quotations, corrections and questions',
      text:
        '「ISMAP認証って取れますか？」と聞かれることがあります。\n\n' +
        '仕様書の「ISMAP認証取得済み」は誤記であり、訂正します。\n\n' +
        'ISMAPは認証制度ではなく登録制度であり、ISMAP認証という言い方は正確ではありません。\n\n' +
        '**Q6. ISMAPの認証を受けていないクラウドは使えませんか。**\n\n' +
        '- People often say "ISMAP certification"; the programme itself does not certify and has no levels.\n\n' +
        'ISMAPの登録を受けたサービス（いわゆるISMAP認証）を選定する。本章では、ISMAP認証という表現を使わない。ISMAP認証は存在しない。\n\n' +
        'ISMAP, often wrongly called a certification, is a registration programme.\n',
      expected: [],
    },
    {
      name: 'a quoted excerpt of a draft under review, and a bad example',
      text:
        '## 原文の抜粋（修正前）\n\n> 本システムはISMAP認証済みのサービスのみを用いる。\n\n## 研修\n\n悪い例:\n\n- ISMAP認証済みのSaaS\n- ISMAPレベル2以上\n',
      expected: [],
    },
    {
      name: 'an exercise\'s statement (quoted in the prompt, or in the quote after it); a later sentence is still read',
      text:
        '## 演習1\n\n次の文の誤りを指摘せよ。「本市は、ISMAPレベル2以上のクラウドサービスを選定する。」\n\n' +
        '## 演習2\n\n次の記述のうち誤っているものはどれか。\n\n> ISMAP認証を取得したSaaSのみを利用する。\n\n' +
        '## 連絡\n\n研修用の端末は、ISMAP認証済みのクラウドに接続する。\n',
      expected: [{ text: ['ISMAP認証済み', 0], message: CERTIFICATION, fix: 'ISMAP登録済み' }],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------
// fact/moved-url

const NISC: Bilingual = {
  ja: 'NISCのサイト（nisc.go.jp）は国家サイバー統括室のサイト（www.cyber.go.jp）に移りました',
  en: "NISC's site moved to the National Cybersecurity Office's site, www.cyber.go.jp.",
};
const ISMAP_ON_IPA: Bilingual = {
  ja: 'ISMAPの情報はIPAのサイトではなくISMAPポータル（www.ismap.go.jp）で公開されています',
  en: 'ISMAP is published on the ISMAP portal, www.ismap.go.jp, not on ipa.go.jp.',
};

describe('rule fact/moved-url', () => {
  runCases(factMovedUrlRule, [
    {
      name: 'a bare NISC URL in prose and one in full-width parentheses',
      text:
        '統一基準の最新版は https://www.nisc.go.jp/policy/group/general/kijun.html を参照してください。\n\n' +
        '- 統一基準の最新版（https://www.nisc.go.jp/pdf/policy/general/kijyunr7.pdf）に従うこと\n',
      expected: [
        { text: 'https://www.nisc.go.jp/policy/group/general/kijun.html', message: NISC },
        { text: 'https://www.nisc.go.jp/pdf/policy/general/kijyunr7.pdf', message: NISC },
      ],
    },
    {
      name: 'a link destination, an autolink and a table cell',
      text:
        '[統一基準群](https://www.nisc.go.jp/policy/group/general/kijun.html)を参照する。英語版は <https://www.nisc.go.jp/eng/> にある。\n\n' +
        '| 資料 | URL |\n|---|---|\n| ISMAPクラウドサービスリスト | https://www.ipa.go.jp/security/ismap/cslist.html |\n',
      expected: [
        { text: 'https://www.nisc.go.jp/policy/group/general/kijun.html', message: NISC },
        { text: 'https://www.nisc.go.jp/eng/', message: NISC },
        { text: 'https://www.ipa.go.jp/security/ismap/cslist.html', message: ISMAP_ON_IPA },
      ],
    },
    {
      name: 'YAML values and front matter',
      uri: 'file:///refs.yaml',
      text: 'references:\n  - title: 統一基準\n    url: https://www.nisc.go.jp/pdf/policy/general/kijyunr7.pdf\n  - url: https://www.ismap.go.jp/csm?id=cloud_service_list\n',
      expected: [{ text: 'https://www.nisc.go.jp/pdf/policy/general/kijyunr7.pdf', message: NISC }],
    },
    {
      name: 'the current sites and IPA pages that are not ISMAP\'s',
      text:
        '- ISMAPポータル: https://www.ismap.go.jp/\n- 国家サイバー統括室: https://www.cyber.go.jp/\n' +
        '- 脆弱性対策: https://www.ipa.go.jp/security/vuln/index.html\n',
      expected: [],
    },
    {
      name: 'history: past tense, a history section, a history key, a document dated before the move',
      text:
        '当時は https://www.nisc.go.jp/ で公開されていた。\n\n## 沿革\n\n- 2015年: 統一基準を https://www.nisc.go.jp/ に掲載\n',
      expected: [],
    },
    {
      name: 'a dated document in parentheses, told in the past; an old address named as such',
      text:
        '2024年度の資料（https://www.nisc.go.jp/pdf/policy/general/kijyunr5.pdf）では次のとおりとされていた。\n\n' +
        '旧URL: https://www.nisc.go.jp/ → 新URL: https://www.cyber.go.jp/\n',
      expected: [],
    },
    {
      name: 'YAML keys for an old address',
      uri: 'file:///redirects.yaml',
      text: 'old_url: https://www.nisc.go.jp/\nnew_url: https://www.cyber.go.jp/\nredirect_from:\n  - https://www.ipa.go.jp/security/ismap/\n',
      expected: [],
    },
    {
      name: 'a YAML history key',
      uri: 'file:///site.yaml',
      text: 'history:\n  legacy_url: https://www.nisc.go.jp/\ncurrent_url: https://www.cyber.go.jp/\n',
      expected: [],
    },
    {
      name: 'a document dated before 2025-07-01',
      text: '---\ndate: 2025-04-01\n---\n統一基準は https://www.nisc.go.jp/policy/group/general/kijun.html を参照する。\n',
      expected: [],
    },
    {
      name: 'code blocks, code spans, comments and a host without a path',
      text:
        '```\ncurl https://www.nisc.go.jp/\n```\n\n設定例は `https://www.nisc.go.jp/` のとおり。<!-- https://www.nisc.go.jp/ -->\n\n' +
        'かつてはIPAのサイト（ipa.go.jp）にISMAPのページがありました。\n',
      expected: [],
    },
  ]);

  it('finds URLs as URLs: bare, link destinations, autolinks, YAML and front-matter values (not comments); trailing punctuation left out', () => {
    const markdown = parseMarkdownDocument('見る: https://a.example/x。 [b](https://b.example/y) <https://c.example/z>, www.d.example/w.\n\n`https://e.example/`\n');
    assert.deepEqual(documentUrls(markdown).map((url) => url.url), ['https://a.example/x', 'https://b.example/y', 'https://c.example/z', 'www.d.example/w']);
    const yaml = parseYamlDocument('url: https://a.example/x # https://comment.example/\n');
    assert.deepEqual(documentUrls(yaml).map((url) => [url.url, url.start]), [['https://a.example/x', 5]]);
    const frontMatter = parseMarkdownDocument('---\n# old: https://comment.example/\nsource: https://a.example/x\n---\n本文\n');
    assert.deepEqual(documentUrls(frontMatter).map((url) => url.url), ['https://a.example/x']);
  });
});

// ---------------------------------------------------------------------------------------------------------
// fact/outdated-count

const TWENTY: Bilingual = {
  ja: '地方公共団体情報システムの標準化の対象は17業務ではなく20業務です',
  en: 'The standardisation of local-government systems covers 20 business areas, not 17.',
};
const FIVE: Bilingual = {
  ja: 'ガバメントクラウドの提供事業者は4社ではなく5社です（2023年11月28日にさくらのクラウドを条件付きで採択）',
  en: 'The Government Cloud has five providers, not four, since 2023-11-28.',
};

describe('rule fact/outdated-count', () => {

  runCases(factOutdatedCountRule, [
    {
      name: '17業務 and 17の基幹業務 about the standardisation',
      text: '本市では、標準化の対象となる17業務のうち、本市が実施する全ての業務を移行対象とする。\n\n標準準拠システムへの移行は１７の基幹業務が対象である。\n',
      expected: [
        { text: '17業務', message: TWENTY, fix: '20業務' },
        { text: '１７の基幹業務', message: TWENTY, fix: '20の基幹業務' },
      ],
    },
    {
      name: 'the Government Cloud in one sentence, its providers counted in the next sentence of the paragraph',
      text: '本町の基幹業務システムはガバメントクラウドを利用する。提供事業者は4社である。\n',
      expected: [{ text: '4社', message: FIVE, fix: '5社' }],
    },
    {
      name: 'spread over two sentences but not the claim: another count, the new count, a comparison, history, another paragraph',
      text:
        '本町はガバメントクラウドを利用する。運用事業者は4社である。\n\n本町はガバメントクラウドを利用する。提供事業者は4社ではなく5社である。\n\n' +
        '本町はガバメントクラウドを利用する。比較した提供事業者は4社である。\n\n2022年度、ガバメントクラウドの先行事業が行われた。当時の提供事業者は4社であった。\n\n' +
        'ガバメントクラウドを利用する。\n\n提供事業者は4社である。\n',
      expected: [],
    },
    {
      name: 'the count in the next sentence stated as of now (現在), and what is counted said in either sentence',
      text:
        '本県の標準準拠システムはガバメントクラウド上に構築する。現在は4社から選択できる。\n\n' +
        'ガバメントクラウドの提供事業者を整理する。現在は4社である。\n\n' +
        '当町はガバメントクラウドを採用した。現在、4社がサービスを提供している。\n\n' +
        'ガバメントクラウドを利用する。現在、利用できるクラウドサービスは4つである。\n',
      expected: [
        { text: '4社', message: FIVE, fix: '5社' },
        { text: ['4社', 1], message: FIVE, fix: '5社' },
        { text: ['4社', 2], message: FIVE, fix: '5社' },
        { text: '4つ', message: FIVE, fix: '5つ' },
      ],
    },
    {
      name: 'a count as of now in the next sentence that is not of the providers, or dated',
      text:
        '本市はガバメントクラウドを利用する。構築事業者は現在4社から選定中である。\n\n' +
        '本市はガバメントクラウドを利用する。現在、4社と保守契約を結んでいる。\n\n' +
        'ガバメントクラウドの提供事業者は2023年度時点では4社。\n\n' +
        '2023年度現在、ガバメントクラウドの提供事業者は4社である。\n\n' +
        'ガバメントクラウドの提供事業者は4社から5社に増えた。\n',
      expected: [],
    },
    {
      name: 'English provider counts: selected, possessive, adjectives before the noun, companies',
      text:
        '- The Digital Agency selected four providers for the Government Cloud.\n' +
        "- Our portal runs on one of the Government Cloud's four CSPs.\n" +
        '- The Government Cloud is offered by four companies.\n' +
        '- We use one of the four Government Cloud providers.\n' +
        '- The Digital Agency selected four providers for the Government Cloud, and we compared them on price.\n',
      expected: [
        { text: 'four providers', message: FIVE, fix: 'five providers' },
        { text: 'four CSPs', message: FIVE, fix: 'five CSPs' },
        { text: 'four companies', message: FIVE, fix: 'five companies' },
        { text: 'four Government Cloud providers', message: FIVE, fix: 'five Government Cloud providers' },
        { text: ['four providers', 1], message: FIVE, fix: 'five providers' },
      ],
    },
    {
      name: 'English history: a year, past tense',
      text:
        'In 2023 there were four providers for the Government Cloud.\n\n' +
        'In 2023 the Government Cloud had four providers.\n\n' +
        'As of 2023, the Government Cloud has four providers.\n',
      expected: [],
    },
    {
      name: 'English: 17 core business systems',
      text: "Japan's standardisation programme covers 17 core business systems of local governments.\n",
      expected: [{ text: '17 core business systems', message: TWENTY, fix: '20 core business systems' }],
    },
    {
      name: 'four Government Cloud providers, in Japanese and English',
      text: '- 本市はガバメントクラウドを提供する4社のうち、AWS を利用している。\n- The Government Cloud offers four cloud providers to municipalities.\n',
      expected: [
        { text: '4社', message: FIVE, fix: '5社' },
        { text: 'four cloud providers', message: FIVE, fix: 'five cloud providers' },
      ],
    },
    {
      name: 'a table cell of a progress report',
      text: '| 項目 | 状況 |\n|---|---|\n| 基盤 | ガバメントクラウド（4つのクラウドから選定） |\n',
      expected: [{ text: '4つのクラウド', message: FIVE, fix: '5つのクラウド' }],
    },
    {
      name: 'a table row read with its column header: the 2022 row is history, the 2024 row is not',
      text: '| 年度 | ガバメントクラウド事業者数 |\n|---|---|\n| 2022 | 4社 |\n| 2024 | 4社 |\n',
      expected: [{ text: ['4社', 1], message: FIVE, fix: '5社' }],
    },
    {
      name: 'history: 当初, a year before the change, past tense, the new count in the sentence',
      text:
        '当初（2021年）は17業務とされていましたが、その後20業務となりました。\n\n' +
        '標準化法は令和3年に成立し、その時点の対象は17業務である。\n\n' +
        '2022年度のガバメントクラウドは4社で構成する。\n\n' +
        'ガバメントクラウドは当初4社でスタートした。\n\n' +
        '標準化の対象は17業務ではなく20業務である。\n',
      expected: [],
    },
    {
      name: 'counts that are right or not about the programme',
      text:
        'ガバメントクラウドの提供事業者のうち外資系4社はいずれも米国企業である。\n\n' +
        'ガバメントクラウドは4社に加え、さくらのクラウドが採択されている。\n\n' +
        '本業務では委託する17業務の一覧を別紙に示す。\n\n' +
        'ガバメントクラウドの運用保守は4社の共同企業体が担う。\n\n' +
        'ガバメントクラウドの候補として4社を比較検討した結果、AWSを選定する。\n\n' +
        '当社は4社のクラウドを比較した。\n',
      expected: [],
    },
    {
      name: 'a document dated before the Government Cloud had five providers',
      text: '---\ndate: 2023-06-01\n---\n本市はガバメントクラウドを提供する4社のうち、AWS を利用する。\n',
      expected: [],
    },
    {
      name: 'quotations and questions',
      text: '「17業務」という記載は古い標準化の資料のものです。\n\nガバメントクラウドは4社ですか？\n',
      expected: [],
    },
    {
      name: 'options of a quiz: numbered after a question, and labelled under a 問 heading',
      text:
        '# 確認テスト\n\n標準化の対象業務の数として正しいものはどれか。\n\n1) 17業務\n2) 20業務\n\n' +
        '## 問2 ガバメントクラウド\n\n(ア) ガバメントクラウドを提供する4社のいずれかを選ぶ。\n(イ) ガバメントクラウドを提供する5社のいずれかを選ぶ。\n',
      expected: [],
    },
  ]);

  it('reads written dates as ISO prefixes and compares only what is written', () => {
    assert.deepEqual(writtenDates('2023年11月28日、令和4年度、平成31年3月、2021'), ['2023-11-28', '2022', '2019-03', '2021']);
    assert.equal(dateBefore('2022', '2023-11-28'), true);
    assert.equal(dateBefore('2023', '2023-11-28'), false);
    assert.equal(dateBefore('2023-11-27', '2023-11-28'), true);
    assert.equal(dateBefore('2023-11', '2023-11-28'), false);
  });
});
