import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { nonGovernmentDomainRule } from '../../server/src/rules/domain/nonGovernmentDomain';
import { bundledKnowledge, offsetOf } from '../helpers';
import type { Bilingual } from '../../server/src/language';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly uri?: string;
  /** The exact hosts reported, in document order (each the first occurrence of its text unless [text, n]). */
  readonly expected: readonly (string | readonly [string, number])[];
}

function findingsOf(text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, bundledKnowledge(), { rules: [nonGovernmentDomainRule] }).findings;
}

function message(host: string): Bilingual {
  return {
    ja: `政府ドメイン名以外: 国の機関の公開サイトは「${host}」ではなく政府ドメイン名（.go.jp）を使います`,
    en: `A national body's public website uses a government domain name (.go.jp), not "${host}".`,
  };
}

/** A national body's procurement spec (sector from the issuer in the front matter). */
const METI = '---\ndoctype: gov-procurement-spec\nissuer: 経済産業省\ntitle: 広報ウェブサイト構築業務 調達仕様書\n---\n';
/** A procurement spec whose sector is not stated. */
const UNKNOWN = '---\ndoctype: gov-procurement-spec\n---\n# 調達仕様書\n\n';
const CITY = '---\ndoctype: gov-procurement-spec\nissuer: 横浜市\n---\n';

const invalid: Case[] = [
  {
    name: 'a bare domain for the ministry\'s public site',
    text: `${METI}# 1. 概要\n\n本省の公開サイトは example.com で提供する。\n`,
    expected: ['example.com'],
  },
  {
    name: 'a URL (masked from prose) for the new website',
    text: `${METI}新しいウェブサイトは https://www.meti-koho.jp/ で公開する。\n`,
    expected: ['www.meti-koho.jp'],
  },
  {
    name: 'a link target and an autolink for a special site',
    text: `${METI}特設サイトは [こちら](https://tokusetsu.example.net/) のURLで開設し、英語版は <https://en.example.org/> で公開する。\n`,
    expected: ['tokusetsu.example.net', 'en.example.org'],
  },
  {
    name: 'a full-width domain',
    text: `${METI}本省の公開サイトは ｅｘａｍｐｌｅ．ｃｏｍ で提供する。\n`,
    expected: ['ｅｘａｍｐｌｅ．ｃｏｍ'],
  },
  {
    name: 'the sentence names a 府省庁 in a spec of unknown sector, broken across lines',
    text: `${UNKNOWN}総務省の公開ウェブサイトは\nexample.com で提供する。\n`,
    expected: ['example.com'],
  },
  {
    name: 'a table row giving the public site\'s URL',
    text: `${METI}| 項目 | 内容 |\n|---|---|\n| 公開サイトのURL | https://www.example.com/ |\n| 問い合わせ先 | info@example.com |\n`,
    expected: ['www.example.com'],
  },
  {
    name: 'a YAML system profile of a national body',
    uri: 'file:///profiles/koho.yaml',
    text:
      'organization: 経済産業省\nsystem:\n  name: 広報サイト\n  website:\n    url: https://www.meti-koho.jp/\n    domain: meti-koho.jp\n' +
      '  vendor_site: https://vendor.example.net/\nreferences:\n  - https://www.digital.go.jp/policies/gov_cloud\n',
    expected: ['www.meti-koho.jp', ['meti-koho.jp', 1]],
  },
  {
    name: 'a host in a heading',
    text: `${METI}## 本省ウェブサイト（example.jp）の構築\n`,
    expected: ['example.jp'],
  },
];

const valid: Case[] = [
  {
    name: 'go.jp, its subdomains and full-width ｇｏ．ｊｐ',
    text:
      `${METI}本省の公開サイトは www.meti.go.jp で提供する。特設サイトは https://special.meti.go.jp/ とする。\n` +
      '英語版のウェブサイトは ｗｗｗ．ｍｅｔｉ．ｇｏ．ｊｐ で公開する。\n',
    expected: [],
  },
  {
    name: 'lg.jp for a local government',
    text: `${CITY}本市の公式ホームページは www.city.yokohama.lg.jp で提供する。\n`,
    expected: [],
  },
  {
    name: 'a ministry site mentioned in a local government\'s spec',
    text: `${CITY}総務省のウェブサイトは example.com で公開されている。\n`,
    expected: [],
  },
  {
    name: 'the vendor\'s own site',
    text: `${METI}受注者の会社概要は https://www.vendor.co.jp/ を確認すること。事業者のサイト（vendor.example.com）に実績を掲載してよい。\n`,
    expected: [],
  },
  {
    name: 'references and sources',
    text:
      `${METI}出典: クラウドサービスの概要（https://aws.amazon.com/jp/）。\n` +
      '参考サイト: https://www.owasp.org/\n' +
      'ウェブサイトの脆弱性対策の詳細は https://www.example.org/guide を参照する。\n',
    expected: [],
  },
  {
    name: 'e-mail addresses and file names',
    text: `${METI}ウェブサイトに関する問い合わせは info@example.com まで。ウェブサイトの原稿は index.html と spec.md で納品する。\n`,
    expected: [],
  },
  {
    name: 'a code block, a code span and an HTML comment',
    text:
      `${METI}公開サイトのサーバ設定:\n\n\`\`\`nginx\nserver_name example.com;\n\`\`\`\n\n` +
      '公開サイトのドメインは `example.com` のような独自ドメインとしない。\n' +
      '公開サイトは www.meti.go.jp とする。<!-- 公開サイトは example.com で提供する -->\n',
    expected: [],
  },
  {
    name: 'example domains in a bad-example block',
    text: `${METI}悪い例:\n\n> 本省の公開サイトは example.com で提供する。\n\n良い例:\n\n> 本省の公開サイトは www.meti.go.jp で提供する。\n`,
    expected: [],
  },
  {
    name: 'a former domain redirected to go.jp',
    text: `${METI}旧ドメイン example.com から www.meti.go.jp へリダイレクトする。\n`,
    expected: [],
  },
  {
    name: 'a domain that is not the body\'s website',
    text: `${METI}開発には GitHub（github.com）を使用する。\n`,
    expected: [],
  },
  {
    name: 'a private business',
    text: '---\ndoctype: gov-procurement-spec\nsector: private\n---\n当社の公開サイトは example.com で提供する。\n',
    expected: [],
  },
  {
    name: 'a document that is not a procurement document',
    text: '# メモ\n\n経済産業省の公開サイトは example.com にあるかもしれない。\n',
    expected: [],
  },
  {
    name: 'a YAML profile of a local government on lg.jp',
    uri: 'file:///profiles/city.yaml',
    text: 'organization: 横浜市\nsystem:\n  name: 公式ホームページ\n  website: https://www.city.yokohama.lg.jp/\ncloud:\n  provider: AWS\n',
    expected: [],
  },
];

function runCases(cases: readonly Case[]): void {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const actual = findingsOf(testCase.text, testCase.uri).map((finding) => ({
        rule: finding.ruleId,
        severity: finding.severity,
        text: testCase.text.slice(finding.start, finding.end),
        start: finding.start,
        message: finding.message,
        fix: finding.fix,
      }));
      const expected = testCase.expected.map((item) => {
        const [host, occurrence] = typeof item === 'string' ? [item, 0] : item;
        return {
          rule: 'domain/non-government-domain',
          severity: 'warning',
          text: host,
          start: offsetOf(testCase.text, host, occurrence),
          message: message(host),
          fix: undefined,
        };
      });
      assert.deepEqual(actual, expected);
    });
  }
}

describe('rule domain/non-government-domain', () => {
  it('reports the host on its line, with the exact message in each language', () => {
    const text = `${METI}# 1. 概要\n\n本省の公開サイトは example.com で提供する。\n`;
    const [finding, ...rest] = findingsOf(text);
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'domain/non-government-domain');
    assert.equal(finding.severity, 'warning');
    assert.equal(text.slice(finding.start, finding.end), 'example.com');
    assert.deepEqual(finding.message, {
      ja: '政府ドメイン名以外: 国の機関の公開サイトは「example.com」ではなく政府ドメイン名（.go.jp）を使います',
      en: 'A national body\'s public website uses a government domain name (.go.jp), not "example.com".',
    });
  });

  it('runs in every document, with severity warning in a national body\'s procurement document', () => {
    assert.equal(nonGovernmentDomainRule.procurementOnly, false);
    assert.equal(nonGovernmentDomainRule.defaultSeverity, 'warning');
  });

  describe('invalid', () => runCases(invalid));
  describe('valid', () => runCases(valid));

  const LOCAL_JA = (host: string) => ({
    ja: `自治体の公開サイトのドメイン: 「${host}」は lg.jp ではないため、住民が正規のサイトと見分けられるか確認してください`,
    en: `A local government's public site on "${host}" is not on lg.jp; check that residents can tell it is genuine.`,
  });
  const brief = (text: string, uri?: string) =>
    findingsOf(text, uri).map((f) => ({ severity: f.severity, text: text.slice(f.start, f.end), start: f.start, message: f.message }));

  it('reports a 自治体\'s own site outside lg.jp as information: in a spec, and as a bare URL in a nested list item of a plan', () => {
    const spec = `${CITY}本市の入札情報サイト（https://nyusatsu.city-sample.com/）で仕様書を公開する。\n`;
    assert.deepEqual(brief(spec), [
      { severity: 'information', text: 'nyusatsu.city-sample.com', start: spec.indexOf('nyusatsu'), message: LOCAL_JA('nyusatsu.city-sample.com') },
    ]);
    const plan = '# 〇〇県 基本構想\n\n〇〇県 デジタル推進課\n\n1. 県の公式サイトは、次のURLへ移行する。\n   - https://www.pref-sample.com/\n2. 参考: 現行サイト https://www.pref.sample.lg.jp/\n';
    assert.deepEqual(brief(plan, 'file:///plan.md'), [
      { severity: 'information', text: 'www.pref-sample.com', start: plan.indexOf('www.pref-sample.com'), message: LOCAL_JA('www.pref-sample.com') },
    ]);
  });

  it('outside a procurement document, a national body\'s own site is information; a ministry named in the third person is not reported', () => {
    const memo = '# 広報の見直し\n\n〇〇省 広報室\n\n- 本省の公式サイトは次のとおりとする。\n  - https://www.sample-sho-koho.com/\n- 経済産業省の公開サイトは example.com にあるかもしれない。\n';
    assert.deepEqual(brief(memo, 'file:///memo.md'), [
      {
        severity: 'information',
        text: 'www.sample-sho-koho.com',
        start: memo.indexOf('www.sample-sho-koho.com'),
        message: message('www.sample-sho-koho.com'),
      },
    ]);
  });

  it('reads every URL of a sentence with the words naming its own site: a 町\'s second site after its lg.jp one, and a ministry\'s after a vendor\'s', () => {
    const notice = '# 窓口変更のお知らせ（案）\n\n当町 住民課\n\n変更点は、当町の公式ホームページ（https://www.town.sample.lg.jp/）のほか、当町の子育て応援サイト（https://kosodate-sample-town.jp/）でお知らせする。\n';
    assert.deepEqual(brief(notice, 'file:///notice.md'), [
      { severity: 'information', text: 'kosodate-sample-town.jp', start: notice.indexOf('kosodate-sample-town.jp'), message: LOCAL_JA('kosodate-sample-town.jp') },
    ]);
    const spec = `${METI}受注者の開発環境（https://dev.vendor-sample.com/）とは別に、本省の公開サイト（https://koho-sample.example.jp/）で成果を公開する。\n`;
    assert.deepEqual(
      findingsOf(spec).map((f) => ({ severity: f.severity, text: spec.slice(f.start, f.end) })),
      [{ severity: 'warning', text: 'koho-sample.example.jp' }],
    );
  });

  it('reads a second site after the official one when the verb takes でも, and a list item labelled as where it is published', () => {
    const plan =
      '# 〇〇県 広報計画\n\n県の公式ホームページ（https://www.pref.example.lg.jp/）のほか、県の特設サイト（https://example-campaign.jp/）でも周知する。\n\n' +
      '- 周知先: 市の公式サイト https://www.city.sample.lg.jp/ と市の子育て応援サイト https://kosodate-sample.jp/\n';
    assert.deepEqual(brief(plan, 'file:///plan.md'), [
      { severity: 'information', text: 'example-campaign.jp', start: plan.indexOf('example-campaign.jp'), message: LOCAL_JA('example-campaign.jp') },
      { severity: 'information', text: 'kosodate-sample.jp', start: plan.indexOf('kosodate-sample.jp'), message: LOCAL_JA('kosodate-sample.jp') },
    ]);
    // A vendor's or a partner's site after the official one is not the body's own.
    const quiet =
      '# 〇〇県 広報計画\n\n県の公式ホームページ（https://www.pref.example.lg.jp/）のほか、委託事業者のサイト（https://vendor-sample.co.jp/）でも周知する。\n\n' +
      '- 周知先: 県の公式サイト https://www.pref.example.lg.jp/ （詳細は観光協会のサイト https://kanko-sample.com/ を参照）\n';
    assert.deepEqual(brief(quiet, 'file:///plan.md'), []);
  });

  it('stays quiet on a vendor\'s site named after the body\'s own lg.jp site in one sentence', () => {
    const text = `${CITY}本市の公式サイト（https://www.city.sample.lg.jp/）のほか、受注者の製品サイト（https://product-sample.com/）にも操作手順を掲載する。\n`;
    assert.deepEqual(brief(text), []);
  });

  it('stays quiet on a 自治体\'s lg.jp site, a site the text does not call its own, and a bad example', () => {
    const text = `${CITY}本市の公式サイトは https://www.city.sample.lg.jp/ で提供する。観光協会のサイト（https://kanko-sample.com/）にリンクする。\n\n!!! warning "NG例"\n    本市の公式サイトを sample-city.com で公開する。\n`;
    assert.deepEqual(brief(text), []);
  });
});
