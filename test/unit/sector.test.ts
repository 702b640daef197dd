import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { allRules } from '../../server/src/rules';
import { bundledKnowledge, offsetOf } from '../helpers';

/** The sector read for a document: [sector, writer, evidence text, its offset, source]. */
function sectorOf(text: string, uri = 'file:///doc.md') {
  const { context } = analyzeDocument({ uri, text }, bundledKnowledge(), { rules: [] });
  const evidence = context.sectorEvidence;
  return {
    sector: context.sector,
    writer: context.writer,
    evidence: evidence && [evidence.text, evidence.start, evidence.source],
    vendorCue: context.writer === 'vendor' ? context.writerEvidence?.text : undefined,
  };
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly uri?: string;
  readonly sector: 'national' | 'local' | 'private' | undefined;
  readonly writer: string | undefined;
  /** The cue, found at its first occurrence in the text; the source it was read from. */
  readonly cue?: readonly [string, 'front-matter' | 'yaml' | 'header' | 'prose', number?];
  readonly vendorCue?: string;
}

const cases: Case[] = [
  { name: 'front matter sector: local', text: '---\nsector: local\n---\n\n# 手順書\n', sector: 'local', writer: 'local', cue: ['local', 'front-matter'] },
  {
    name: 'front matter issuer naming a 県',
    text: '---\nissuer: 〇〇県 総務部 情報政策課\n---\n\n# 手順書\n',
    sector: 'local',
    writer: 'local',
    cue: ['〇〇県 総務部 情報政策課', 'front-matter'],
  },
  { name: '本市 in the prose', text: '# 対応手順書\n\n## 第1 目的\n\n本市が保有する個人情報の漏えい等に備える。\n', sector: 'local', writer: 'local', cue: ['本市', 'prose'] },
  { name: '当町', text: '# 要領\n\n当町の職員は次のとおり対応する。\n', sector: 'local', writer: 'local', cue: ['当町', 'prose'] },
  { name: 'an English byline naming a company', text: '# ADR 0003: Hosting\n\nStatus: accepted · Team Pebble (Pebble Labs Inc., a private startup)\n', sector: 'private', writer: 'private', cue: ['Pebble Labs Inc.', 'header'] },
  { name: 'a 市 named in kana in the byline', text: '# 作業メモ\n\nふたば市 情報政策課 担当者メモ\n', sector: 'local', writer: 'local', cue: ['ふたば市', 'header'] },
  { name: '本区, not 本区分', text: '# 要領\n\n本区分の情報は、本区の規程に従う。\n', sector: 'local', writer: 'local', cue: ['本区', 'prose', 1] },
  { name: '当県', text: '# 方針\n\n当県は次のとおり定める。\n', sector: 'local', writer: 'local', cue: ['当県', 'prose'] },
  { name: '当省', text: '# 方針\n\n当省の職員は次のとおり対応する。\n', sector: 'national', writer: 'national', cue: ['当省', 'prose'] },
  { name: '当庁, and 本庁舎 is no cue', text: '# ハンドブック\n\n本庁舎の会議室で、当庁の職員向けに説明する。\n', sector: 'national', writer: 'national', cue: ['当庁', 'prose'] },
  { name: '本機構 (an independent administrative agency)', text: '# 報告書\n\n本機構の申請システムで事案が判明した。\n', sector: 'national', writer: 'independent-agency', cue: ['本機構', 'prose'] },
  {
    name: '独立行政法人 named in the byline',
    text: '# インシデント報告書\n\n独立行政法人〇〇支援機構 情報セキュリティ室\n\n## 1. 概要\n\n申請システムで事案が判明した。\n',
    sector: 'national',
    writer: 'independent-agency',
    cue: ['独立行政法人', 'header'],
  },
  {
    name: "a vendor's proposal to 貴市: the client's sector",
    text: '# 提案書\n\n弊社は、貴市の住民情報システムの移行をご提案します。\n',
    sector: 'local',
    writer: 'vendor',
    cue: ['貴市', 'prose'],
    vendorCue: '弊社',
  },
  {
    name: "a vendor's proposal whose title names the 市",
    text: '# 〇〇市 介護保険システム 提案書\n\n## 1. 提案の概要\n\n当社は、クラウドへの移行を提案する。\n',
    sector: 'local',
    writer: 'vendor',
    cue: ['〇〇市', 'header'],
    vendorCue: '当社',
  },
  {
    name: "a vendor's proposal whose front matter names the vendor's company: the client's sector (貴県) wins",
    text: '---\ntitle: 〇〇県 給付金申請システム 提案書\norganization: 株式会社サンプルシステムズ\n---\n\n# 提案書\n\n弊社は、貴県の給付金申請業務のシステムを提案いたします。\n',
    sector: 'local',
    writer: 'vendor',
    cue: ['貴県', 'prose'],
    vendorCue: '弊社',
  },
  {
    name: "a company's own document with its company in the front matter stays private",
    text: '---\norganization: 株式会社サンプル\n---\n\n# 社内規程\n\n当社の従業員は次のとおり対応する。\n',
    sector: 'private',
    writer: 'private',
    cue: ['株式会社サンプル', 'front-matter'],
  },
  {
    name: 'a vendor whose client is not named: the sector is unknown',
    text: '# 運用保守 提案書\n\n弊社は、運用保守の体制をご提案します。\n',
    sector: undefined,
    writer: 'vendor',
    vendorCue: '弊社',
  },
  {
    name: "trap: a business's document that mentions a 市 as a customer",
    text: '# 会社案内\n\n〇〇市の住民向けサービスも受託している。当社の顧客データは社内で管理する。\n',
    sector: 'private',
    writer: 'private',
    cue: ['当社', 'prose'],
  },
  {
    name: "trap: a 市's document quoting a business's words and the private-sector rules",
    text: '# 委託先管理要領\n\n委託先の契約書には「当社は個人データを適切に管理する」とある。本市は民間事業者の基準と異なる点に注意する。\n',
    sector: 'local',
    writer: 'local',
    cue: ['本市', 'prose'],
  },
  {
    name: 'a YAML owner naming a 市',
    uri: 'file:///workflow.yaml',
    text: 'workflow:\n  owner: 〇〇市 総務部 情報政策課\n',
    sector: 'local',
    writer: 'local',
    cue: ['〇〇市 総務部 情報政策課', 'yaml'],
  },
  {
    name: 'an owner key at any depth naming a △△町 (placeholder marks in the name)',
    uri: 'file:///incident.yaml',
    text: 'incident:\n  owner: △△町 総務課\n  ppc_report:\n    threshold_people: 1000\n',
    sector: 'local',
    writer: 'local',
    cue: ['△△町 総務課', 'yaml'],
  },
  {
    name: "a YAML file's header comment naming a company",
    uri: 'file:///breach.yaml',
    text: '# 漏えい等対応フロー（株式会社サンプル通信）\nbreach_workflow:\n  final_days: 30\n',
    sector: 'private',
    writer: 'private',
    cue: ['株式会社', 'header'],
  },
  {
    name: "a vendor's README for a named 市 (株式会社… が〇〇市向けに開発, 当社 later): the client's sector",
    uri: 'file:///README.md',
    text: '# kosodate-portal\n\n株式会社サンプルソフトが〇〇市向けに開発・保守するポータルです。\n\n## 構成\n\n当社の標準構成に従う。\n',
    sector: 'local',
    writer: 'vendor',
    cue: ['〇〇市', 'prose'],
    vendorCue: '当社',
  },
  {
    name: "a vendor's design document for a 独立行政法人 it works for under contract (から受託)",
    text: '# 基本設計書\n\n本書は、弊社が独立行政法人サンプル支援機構から受託した申請システムの設計を示す。\n',
    sector: 'national',
    writer: 'vendor',
    cue: ['独立行政法人サンプル支援機構', 'prose'],
    vendorCue: '弊社',
  },
  {
    name: "a vendor's proposal to 貴省向け (a kanji after the client word)",
    text: '# 貴省向け 電子申請システム更改のご提案\n\n弊社は、次の構成を提案します。\n',
    sector: 'national',
    writer: 'vendor',
    cue: ['貴省', 'prose'],
    vendorCue: '弊社',
  },
  {
    name: "trap: a company's product for 自治体 in general names no client and stays private",
    text: '# kintai-saas\n\n当社が自治体向けに提供する勤怠管理SaaSです。\n',
    sector: 'private',
    writer: 'private',
    cue: ['当社', 'prose'],
  },
  {
    name: "trap: a ministry's guide for 市区町村 (no company): the ministry's sector",
    text: '# 手引き\n\n当省は、市区町村向けにこの手引きを作成した。\n',
    sector: 'national',
    writer: 'national',
    cue: ['当省', 'prose'],
  },
  {
    name: 'a 医療法人 named in a YAML owner is a business under the APPI',
    uri: 'file:///steps.yaml',
    text: 'owner: 医療法人社団サンプル会 事務局\nsteps:\n  - name: 速報\n',
    sector: 'private',
    writer: 'private',
    cue: ['医療法人社団サンプル会 事務局', 'yaml'],
  },
  {
    name: 'an English README a company writes for a named city',
    uri: 'file:///README.md',
    text: '# parking\n\nParking permits for Sample City, maintained by Sample Systems Inc.\n',
    sector: 'local',
    writer: 'vendor',
    cue: ['for Sample City', 'prose'],
    vendorCue: 'Inc.',
  },
  {
    name: 'an English README whose header names the city whose system it is',
    uri: 'file:///README.md',
    text: '# resident-sync\n\nNightly sync of resident records for the City of Sample.\n\n## Deployment\n\nMunicipal staff use it.\n',
    sector: 'local',
    writer: 'local',
    cue: ['City of Sample', 'header'],
  },
  {
    name: "an English README of a ministry's system, maintained by a contractor",
    uri: 'file:///README.md',
    text: "# grants-portal\n\nOperated for the ministry's grants office; maintained by a contractor.\n",
    sector: 'national',
    writer: 'vendor',
    cue: ["the ministry's", 'header'],
  },
  {
    name: 'trap: a city named only in the body of an English README, after the header',
    uri: 'file:///README.md',
    text: '# billing-api\n\nBilling API.\n\n## Customers\n\nUsed by the City of Sample among others.\n',
    sector: undefined,
    writer: undefined,
  },
  {
    name: "a YAML document's own organization key naming a company, whose comment denies a public client (官公庁向けの案件ではない)",
    uri: 'file:///infra.yaml',
    text: '# 自社サービスの本番インフラ定義\n# 官公庁向けの案件ではない（BtoC の自社サービス）。\norganization: 株式会社ミナトソフト\ncloud:\n  region: us-west-2\n',
    sector: 'private',
    writer: 'private',
    cue: ['株式会社ミナトソフト', 'yaml'],
  },
  {
    name: "a YAML document's sector: private stands, whatever its comments say of clients",
    uri: 'file:///infra.yaml',
    text: '# 〇〇市向けの案件ではない\nsector: private\ncompany: 株式会社ミナトソフト\n',
    sector: 'private',
    writer: 'private',
    cue: ['private', 'yaml'],
  },
  {
    name: 'a company: key names the company whatever the form of its name',
    uri: 'file:///infra.yaml',
    text: 'company: ミナトソフト\nservice: 家計簿アプリ\n',
    sector: 'private',
    writer: 'private',
    cue: ['ミナトソフト', 'yaml'],
  },
  {
    name: 'a top-level owner naming a company in English',
    uri: 'file:///infra.yaml',
    text: 'owner: Minato Soft Inc.\nservice: budget-app\n',
    sector: 'private',
    writer: 'private',
    cue: ['Minato Soft Inc.', 'yaml'],
  },
  {
    name: 'trap: a company that builds for a named 市 is its vendor, even with a company key',
    uri: 'file:///infra.yaml',
    text: '# 〇〇市向けに開発した住民ポータルの基盤定義\ncompany: 株式会社ミナトソフト\n',
    sector: 'local',
    writer: 'vendor',
    cue: ['〇〇市', 'prose'],
    vendorCue: '株式会社',
  },
  {
    name: "trap: 官公庁向け is no client, even in a company's Markdown",
    text: '# 製品説明\n\n株式会社ミナトソフトの官公庁向けプランです。\n',
    sector: 'private',
    writer: 'private',
    cue: ['株式会社', 'header'],
  },
  {
    name: 'trap: a denial of something else in the same sentence (は between) leaves the 市 named',
    text: '# 手順書（案）\n\n〇〇市の手順書は確定版ではない。\n',
    sector: 'local',
    writer: 'local',
    cue: ['〇〇市', 'header'],
  },
  { name: 'no cue at all', text: '# メモ\n\n漏えい等の報告について整理する。\n', sector: undefined, writer: undefined },
];

describe('sector inference (who is writing, whose data)', () => {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const [cue, source, occurrence] = testCase.cue ?? [];
      assert.deepEqual(sectorOf(testCase.text, testCase.uri), {
        sector: testCase.sector,
        writer: testCase.writer,
        evidence: cue === undefined ? undefined : [cue, offsetOf(testCase.text, cue, occurrence ?? 0), source],
        vendorCue: testCase.vendorCue,
      });
    });
  }
});

describe("a YAML document's own keys set the sector for the rules that follow it", () => {
  /** The same infrastructure YAML, its top-level keys naming who writes it. */
  const infra = (who: string) =>
    `# 本番インフラ定義\n# 官公庁向けの案件ではない（自社サービス）。\n${who}\ncloud:\n  provider: AWS\n  region: us-west-2\n` +
    'services:\n  - service: Datadog\n    data: 会員の利用ログ\n  - service: Sentry\nincident:\n  leak_report_threshold_people: 1000\n';
  const findings = (text: string) =>
    analyzeDocument({ uri: 'file:///infra.yaml', text }, bundledKnowledge(), { rules: allRules }).findings.map((finding) => ({
      rule: finding.ruleId,
      start: finding.start,
      en: finding.message.en,
    }));

  for (const who of ['organization: 株式会社ミナトソフト', 'company: ミナトソフト', 'sector: private', 'owner: Minato Soft Inc.']) {
    it(`a private company's own infrastructure (${who}): its threshold, regions and SaaS tools are no findings`, () => {
      assert.deepEqual(findings(infra(who)), []);
    });
  }

  it("the same YAML of a 市 (organization: 〇〇市 情報政策課): the region, the threshold and the two SaaS are reported", () => {
    const text = infra('organization: 〇〇市 情報政策課');
    assert.deepEqual(findings(text), [
      {
        rule: 'govcloud/overseas-region',
        start: offsetOf(text, 'us-west-2'),
        en: '"us-west-2" is in Oregon, US, outside Japan; check that a local government\'s data may be kept there.',
      },
      {
        rule: 'ismap/unregistered-service',
        start: offsetOf(text, 'Datadog'),
        en: '"Datadog" is not in govsec\'s bundled partial ISMAP list (as of 2026-09-15); check the official list.',
      },
      {
        rule: 'ismap/unregistered-service',
        start: offsetOf(text, 'Sentry'),
        en: '"Sentry" is not in govsec\'s bundled partial ISMAP list (as of 2026-09-15); check the official list.',
      },
      {
        rule: 'privacy/report-threshold',
        start: offsetOf(text, '1000'),
        en: 'Public bodies report leaks affecting more than 100 people; more than 1,000 is the private-sector threshold.',
      },
    ]);
  });
});
