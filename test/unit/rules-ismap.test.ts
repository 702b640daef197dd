/**
 * ismap/* rules on realistic specifications, with the real compiled knowledge: each rule fires on its invalid
 * cases (exact id, message and range) and on nothing else — rejected candidates, comparisons, histories,
 * market overviews, code, bad examples, other certifications' periods, non-procurement documents.
 */

import type { Bilingual } from '../../server/src/language';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/analysis';
import type { CompiledCatalogues } from '../../server/src/catalogues/types';
import type { CompiledGlossary } from '../../server/src/glossary/types';
import { Knowledge } from '../../server/src/knowledge';
import type { Rule } from '../../server/src/rules/rule';
import { ismapLiuScopeRule } from '../../server/src/rules/ismap/liuScope';
import { ismapRenewalPeriodRule } from '../../server/src/rules/ismap/renewalPeriod';
import { ismapUnregisteredServiceRule } from '../../server/src/rules/ismap/unregisteredService';
import type { CompiledServices, IsmapList } from '../../server/src/services/types';
import { bundledKnowledge, offsetOf, repoRoot } from '../helpers';

interface Expected {
  /** The offending text; its position is its `occurrence`-th appearance in the document. */
  readonly text: string;
  readonly occurrence?: number;
  readonly message: Bilingual;
  /** Default: warning. */
  readonly severity?: 'information' | 'warning';
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly uri?: string;
  readonly knowledge?: () => Knowledge;
  readonly expected: readonly Expected[];
}

function findingsOf(rule: Rule, testCase: Case) {
  const knowledge = (testCase.knowledge ?? bundledKnowledge)();
  const { text } = testCase;
  return analyzeDocument({ uri: testCase.uri ?? 'file:///spec.md', text }, knowledge, { rules: [rule] }).findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    text: text.slice(finding.start, finding.end),
    start: finding.start,
    end: finding.end,
    message: finding.message,
  }));
}

function runTable(rule: Rule, invalid: readonly Case[], valid: readonly Case[]): void {
  describe('reports', () => {
    for (const testCase of invalid) {
      it(testCase.name, () => {
        const expected = testCase.expected.map((item) => {
          const start = offsetOf(testCase.text, item.text, item.occurrence ?? 0);
          return { rule: rule.id, severity: item.severity ?? 'warning', text: item.text, start, end: start + item.text.length, message: item.message };
        });
        assert.deepEqual(findingsOf(rule, testCase), expected);
      });
    }
  });
  describe('stays quiet on', () => {
    for (const testCase of valid) {
      it(testCase.name, () => {
        assert.deepEqual(findingsOf(rule, testCase), []);
      });
    }
  });
}

/** Front matter that gives the procurement profile, and a title. */
const SPEC = '---\ndoctype: gov-procurement-spec\ntitle: 職員ポータル構築業務 調達仕様書\n---\n\n# 職員ポータル構築業務 調達仕様書\n\n';
const README = '# portal-tools\n\n社内向けの小さなツール集です。\n\n';

// ---------------------------------------------------------------------------------------------------------
// Knowledge variants for lists and catalogue facts the bundled data does not hold.

function readDist<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', name), 'utf8')) as T;
}

/** An imported, complete list (test data) that holds every bundled entry except さくらのクラウド. */
const importedList = (): IsmapList => ({
  kind: 'ismap-list',
  name: 'ISMAPクラウドサービスリスト（テスト用）',
  asOf: '2026-10-01',
  partial: false,
  entries: bundledKnowledge().bundledIsmapList.entries.filter((entry) => entry.serviceId !== 'sakura-cloud'),
});

/** A test list in which Notion is entered under ISMAP-LIU (fictitious number). */
const liuList = (): IsmapList => ({
  kind: 'ismap-list',
  name: 'ISMAP等クラウドサービスリスト（テスト用）',
  asOf: '2026-10-01',
  partial: false,
  entries: [
    ...bundledKnowledge().bundledIsmapList.entries,
    { registrationNumber: 'TEST-LIU-0001', serviceName: 'Notion', program: 'ISMAP-LIU', serviceId: 'notion' },
  ],
});

let withSansan: Knowledge | undefined;
/** The bundled knowledge with an ISMAP-LIU fact given to the catalogue's Sansan (test data: no source confirms it). */
function sansanKnowledge(): Knowledge {
  if (!withSansan) {
    const services = readDist<CompiledServices>('services-index.json');
    const testFact = { program: 'ISMAP-LIU', evidence: 'second-hand', listedName: '営業DXサービス Sansan', sources: [{ title: 'test', url: 'https://example.invalid/' }] } as const;
    withSansan = Knowledge.fromParts({
      glossary: readDist<CompiledGlossary>('glossary-index.json'),
      catalogues: readDist<CompiledCatalogues>('catalogues-index.json'),
      services: {
        ...services,
        services: services.services.map((service) => (service.id === 'sansan' ? { ...service, ismap: [testFact] } : service)),
      },
    });
  }
  return withSansan;
}

// ---------------------------------------------------------------------------------------------------------
// ismap/unregistered-service

/** The message for a service missing from the partial bundled list with no source either way (information). */
function notInPartialList(surface: string, name?: string): Bilingual {
  const ja = name ? `「${surface}」（${name}）` : `「${surface}」`;
  const en = name ? `"${surface}" (${name})` : `"${surface}"`;
  return {
    ja: `${ja}は同梱の部分的なISMAPリスト（2026-09-15時点）に無く、公式リストで確認が必要です`,
    en: `${en} is not in govsec's bundled partial ISMAP list (as of 2026-09-15); check the official list.`,
  };
}

/** An imported list that says it is partial (rows skipped on import). */
const importedPartialList = (): IsmapList => ({
  ...importedList(),
  partial: true,
  partialNote: { ja: 'テスト用の部分的なリスト', en: 'a partial test list' },
  importedFrom: { file: 'list.csv', importedAt: '2026-10-02', rows: 10, skipped: 1 },
});

/** An imported list with one entry, for a service that sources report as not registered. */
const importedWithoutFastly = (): IsmapList => ({ ...importedList(), entries: importedList().entries.slice(0, 1) });

describe('rule ismap/unregistered-service', () => {
  it('has the catalogue metadata', () => {
    assert.equal(ismapUnregisteredServiceRule.id, 'ismap/unregistered-service');
    assert.equal(ismapUnregisteredServiceRule.defaultSeverity, 'warning');
    assert.equal(ismapUnregisteredServiceRule.procurementOnly, false);
  });

  it('keeps each message to one sentence of at most 100 characters in Japanese, for every spelling and state', () => {
    const { services } = bundledKnowledge();
    const spellings = services.flatMap((service) => [
      ...(service.term === undefined && service.matchName !== false ? [service.name] : []),
      ...service.aliases.filter((alias) => alias.match !== false).map((alias) => alias.text),
    ]);
    const text = SPEC + spellings.map((spelling) => `本システムは${spelling}を利用する。\n`).join('');
    const emptyImport: IsmapList = { ...importedList(), entries: [] };
    let checked = 0;
    for (const knowledge of [bundledKnowledge(), bundledKnowledge().withIsmapList(emptyImport)]) {
      for (const finding of analyzeDocument({ uri: 'file:///spec.md', text }, knowledge, { rules: [ismapUnregisteredServiceRule] }).findings) {
        const { ja } = finding.message;
        assert.ok(ja.length <= 100, `${ja.length}: ${ja}`);
        assert.doesNotMatch(ja, /。/, ja);
        checked++;
      }
    }
    // Every spelling against the empty import; the bundled list leaves out the registered ones.
    assert.ok(checked > spellings.length, `${checked} findings for ${spellings.length} spellings`);
  });

  const invalid: Case[] = [
    {
      name: "terse notes of a 町's design memo: role labels on plain lines and list items, a name that is an ordinary word (Render)",
      uri: 'file:///design-memo.md',
      text:
        '# 〇〇町 施設予約 設計メモ\n\n基盤はガバメントクラウド（AWS）とする。\n\n## メモ\n\n' +
        '申請データ置き場: Supabase（氏名・住所）\nファイル共有先：Dropbox\n\n- Storage: Netlify (residents\' names)\n- 本番環境: Render\n',
      expected: [
        { text: 'Supabase', severity: 'information', message: notInPartialList('Supabase') },
        { text: 'Dropbox', severity: 'information', message: notInPartialList('Dropbox') },
        { text: 'Netlify', severity: 'information', message: notInPartialList('Netlify') },
        { text: 'Render', severity: 'information', message: notInPartialList('Render') },
      ],
    },
    {
      name: 'YAML registers with a singular service key and a data key: a 市 header in brackets, a writer not named (residents\' data)',
      uri: 'file:///itaku.yaml',
      text:
        '# 委託先一覧（〇〇市）\n委託先一覧:\n  - 委託先: 株式会社サンプル\n    service: Box\n    保存データ: 職員の人事評価\n' +
        '---\n',
      expected: [{ text: 'Box', severity: 'information', message: notInPartialList('Box') }],
    },
    {
      name: 'a 町 named in kana in the header; its entry graded confidentiality 2 with availability 1 (not 機密性1)',
      uri: 'file:///register.yaml',
      text:
        '# かわせ町 クラウドサービス台帳\nassets:\n  - service: Dropbox\n    data: 職員の勤怠記録\n    classification:\n      confidentiality: 2\n      integrity: 2\n      availability: 1\n' +
        '  - service: Linode\n    data: 職員の研修資料\n    classification:\n      confidentiality: 1\n      availability: 2\n',
      expected: [{ text: 'Dropbox', severity: 'information', message: notInPartialList('Dropbox') }],
    },
    {
      name: 'a register whose writer is unknown, handing residents\' applications to a service',
      uri: 'file:///assets.yaml',
      text: 'title: 資産台帳\nassets:\n  - id: A-01\n    service: Dropbox\n    stores: 住民から受け付けた申請書\n  - id: A-02\n    service: Linode\n    handles: 研修の案内\n',
      expected: [{ text: 'Dropbox', severity: 'information', message: notInPartialList('Dropbox') }],
    },
    {
      name: 'a site served from the service: 「…で配信し、」「…で配信する」',
      text: `${SPEC}住民向けの案内ページは Netlify で配信し、申請データは別途保管する。\n\n職員向けの手順書ページは Vercel で配信する。\n`,
      expected: [
        { text: 'Netlify', message: notInPartialList('Netlify'), severity: 'information' },
        { text: 'Vercel', message: notInPartialList('Vercel'), severity: 'information' },
      ],
    },
    {
      name: 'a statement soft-wrapped across lines whose predicate is on the next line (one sentence of a paragraph)',
      text: `${SPEC}本システムはHetznerを\n利用する。\n`,
      expected: [{ text: 'Hetzner', severity: 'information', message: notInPartialList('Hetzner') }],
    },
    {
      name: 'state "not in the partial list": a platform statement naming a service no source speaks of (information)',
      text: `${SPEC}## 2. システム基盤\n\n本システムの公開Webサイトは、DigitalOcean上に構築する。\n`,
      expected: [
        {
          text: 'DigitalOcean',
          severity: 'information',
          message: notInPartialList('DigitalOcean'),
        },
      ],
    },
    {
      name: 'two services whose predicate comes in the last clause (「Dropboxを、…Zoomミーティングを利用する」)',
      text: `${SPEC}ファイル共有にはDropboxを、Web会議にはZoomミーティングを利用する。\n`,
      expected: [
        { text: 'Dropbox', severity: 'information', message: notInPartialList('Dropbox') },
        { text: 'Zoomミーティング', severity: 'information', message: notInPartialList('Zoomミーティング', 'Zoom') },
      ],
    },
    {
      name: 'a full-width service name (Ｄｒｏｐｂｏｘ)',
      text: `${SPEC}庁外とのファイル授受にはＤｒｏｐｂｏｘを利用する。\n`,
      expected: [{ text: 'Ｄｒｏｐｂｏｘ', severity: 'information', message: notInPartialList('Ｄｒｏｐｂｏｘ') }],
    },
    {
      name: 'the service chosen over another (「AWSではなくDigitalOceanを利用する」)',
      text: `${SPEC}検証環境は、費用を抑えるためAWSではなくDigitalOceanを利用する。\n`,
      expected: [{ text: 'DigitalOcean', severity: 'information', message: notInPartialList('DigitalOcean') }],
    },
    {
      name: 'list items introduced on an earlier line as the services used',
      text: `${SPEC}## 3. 利用するサービス\n\n本システムで利用するSaaSは次のとおりとする。\n\n- 文書管理: Notion\n- ソースコード管理: GitHub Enterprise Cloud\n`,
      expected: [
        { text: 'Notion', severity: 'information', message: notInPartialList('Notion') },
        { text: 'GitHub Enterprise Cloud', severity: 'information', message: notInPartialList('GitHub Enterprise Cloud', 'GitHub') },
      ],
    },
    {
      name: 'list items under a heading that names the services used',
      text: `${SPEC}## 3. 利用するクラウドサービス\n\n- チャット: LINE WORKS\n- 問合せ管理: ServiceNow\n`,
      expected: [
        { text: 'LINE WORKS', severity: 'information', message: notInPartialList('LINE WORKS') },
        { text: 'ServiceNow', severity: 'information', message: notInPartialList('ServiceNow') },
      ],
    },
    {
      name: 'state "reported not registered": a table whose header says 利用サービス (warning naming the source)',
      text: `${SPEC}| 区分 | 利用サービス | 備考 |\n|---|---|---|\n| CDN | Fastly | 静的コンテンツ配信 |\n| IaaS | AWS | 東京リージョン |\n`,
      expected: [
        {
          text: 'Fastly',
          message: { ja: '「Fastly」はKuroco FAQでISMAP未登録とされています', en: '"Fastly" is reported as not ISMAP-registered by "Kuroco FAQ".' },
        },
      ],
    },
    {
      name: 'a service designated with 「…とする」',
      text: `${SPEC}配信には CDN を用いる。CDN は Fastly とする。\n`,
      expected: [
        {
          text: 'Fastly',
          message: { ja: '「Fastly」はKuroco FAQでISMAP未登録とされています', en: '"Fastly" is reported as not ISMAP-registered by "Kuroco FAQ".' },
        },
      ],
    },
    {
      name: 'outside a procurement document: a 市 register entry that sends residents\' names to the service (information)',
      uri: 'file:///register.yaml',
      text: '# 〇〇市 クラウドサービス利用台帳\norganization: 〇〇市\ncloud_services:\n  - name: Vultr\n    purpose: 申込フォーム（申込者の氏名・連絡先）\n  - name: Dropbox\n    purpose: 庁内勉強会の出欠確認\n',
      expected: [{ text: 'Vultr', severity: 'information', message: notInPartialList('Vultr') }],
    },
    {
      name: 'outside a procurement document: a ministry register entry putting its public pages on a service (information)',
      uri: 'file:///register.yaml',
      text: '# 〇〇庁 外部サービス一覧\norganization: 〇〇庁\nservices:\n  - name: Netlify\n    purpose: 制度改正の特設ページ\n  - name: Slack\n    purpose: 職員の連絡\n',
      expected: [{ text: 'Netlify', severity: 'information', message: notInPartialList('Netlify') }],
    },
    {
      name: 'an SBOM-style components list: a saas entry with its data is a service entry; a library and a staff tool are not',
      uri: 'file:///sbom.yaml',
      text:
        '# 〇〇市 住民相談受付システム 構成部品一覧（SBOM）\norganization: 〇〇市\ncomponents:\n' +
        '  - name: react\n    type: library\n' +
        '  - name: Netlify\n    type: saas\n    role: 相談受付フォームのホスティング\n    data: 住民の氏名・連絡先\n' +
        '  - name: Dropbox\n    type: saas\n    purpose: 庁内勉強会の出欠確認\n' +
        '  - name: Vultr\n    type: library\n    purpose: 相談記録の保存\n',
      expected: [{ text: 'Netlify', severity: 'information', message: notInPartialList('Netlify') }],
    },
    {
      name: 'outside a procurement document: an English README of a 県 whose pages are delivered through a CDN (information)',
      uri: 'file:///README.md',
      text: '# library-search\n\nSearch front end for 〇〇県 public libraries.\n\nThe search pages are delivered through Fastly.\n',
      expected: [
        {
          text: 'Fastly',
          severity: 'information',
          message: { ja: '「Fastly」はKuroco FAQでISMAP未登録とされています', en: '"Fastly" is reported as not ISMAP-registered by "Kuroco FAQ".' },
        },
      ],
    },
    {
      name: 'a register entry placing one service on ISMAP-LIU does not silence the next entry',
      uri: 'file:///register.yaml',
      text: 'organization: 〇〇市\nsaas:\n  - name: Sansan\n    program: ISMAP-LIU\n    data: 名刺情報\n  - name: Vultr\n    data: 申込者の氏名\n',
      expected: [{ text: 'Vultr', severity: 'information', message: notInPartialList('Vultr') }],
    },
    {
      name: 'outside a procurement document: a ministry project README storing applicants\' data (passive 保存されます), and a deploy step in English',
      uri: 'file:///README.md',
      text:
        '# kosodate-portal\n\n〇〇省 委託事業のソースコードです。\n\n申請者の氏名は、下書きとして Vercel の KV ストアに一時保存されます。\n\n' +
        '- Deploy the public site to Netlify.\n- Fastly is compared in docs/cdn.md.\n',
      expected: [
        { text: 'Vercel', severity: 'information', message: notInPartialList('Vercel') },
        { text: 'Netlify', severity: 'information', message: notInPartialList('Netlify') },
      ],
    },
    {
      name: 'outside a procurement document, a service reported not registered is information too',
      uri: 'file:///memo.md',
      text: '# 生成AI試行の振り返り\n\n〇〇省 デジタル推進室\n\n## 利用したサービス\n\n| 用途 | サービス | 入力した情報 |\n|---|---|---|\n| 要約 | さくらのAI Engine | 審議会資料（機密性2情報） |\n',
      expected: [
        {
          text: 'さくらのAI Engine',
          severity: 'information',
          message: { ja: '「さくらのAI Engine」は第三者の解説（2026-09-09）でISMAP未登録とされています', en: '"さくらのAI Engine" is reported as not ISMAP-registered by "第三者の解説" (2026-09-09).' },
        },
      ],
    },
    {
      name: 'state "reported not registered", with the date of the statement',
      text: `${SPEC}文書の要約には、さくらのAI Engineを利用する。\n`,
      expected: [
        {
          text: 'さくらのAI Engine',
          message: { ja: '「さくらのAI Engine」は第三者の解説（2026-09-09）でISMAP未登録とされています', en: '"さくらのAI Engine" is reported as not ISMAP-registered by "第三者の解説" (2026-09-09).' },
        },
      ],
    },
    {
      name: 'the row marked 採用 in a comparison table',
      text: `${SPEC}| 候補 | ISMAPリスト | 評価 |\n|---|---|---|\n| Vultr | 見当たらない | 採用 |\n| Fastly | 見当たらない | 不採用 |\n`,
      expected: [{ text: 'Vultr', severity: 'information', message: notInPartialList('Vultr') }],
    },
    {
      name: 'state "not on the imported list": さくらのクラウド (a glossary term) against an imported complete list that lacks it (warning)',
      text: `${SPEC}本システムはガバメントクラウド上に構築し、基盤にはさくらのクラウドを利用する。\n`,
      knowledge: () => bundledKnowledge().withIsmapList(importedList()),
      expected: [
        {
          text: 'さくらのクラウド',
          message: { ja: '「さくらのクラウド」は取り込んだISMAPリスト（2026-10-01時点）に掲載されていません', en: '"さくらのクラウド" is not on the imported ISMAP list (as of 2026-10-01).' },
        },
      ],
    },
    {
      name: 'an imported list outranks what sources report, either way (Slack reported registered, Fastly reported not)',
      text: `${SPEC}連絡にはSlackを、配信にはFastlyを利用する。\n`,
      knowledge: () => bundledKnowledge().withIsmapList(importedWithoutFastly()),
      expected: [
        { text: 'Slack', message: { ja: '「Slack」は取り込んだISMAPリスト（2026-10-01時点）に掲載されていません', en: '"Slack" is not on the imported ISMAP list (as of 2026-10-01).' } },
        { text: 'Fastly', message: { ja: '「Fastly」は取り込んだISMAPリスト（2026-10-01時点）に掲載されていません', en: '"Fastly" is not on the imported ISMAP list (as of 2026-10-01).' } },
      ],
    },
    {
      name: 'state "not in the partial list" with an imported list that is partial: names the imported list (information)',
      text: `${SPEC}基盤にはDigitalOceanを利用する。\n`,
      knowledge: () => bundledKnowledge().withIsmapList(importedPartialList()),
      expected: [
        {
          text: 'DigitalOcean',
          severity: 'information',
          message: { ja: '「DigitalOcean」は取り込んだ部分的なISMAPリスト（2026-10-01時点）に無く、公式リストで確認が必要です', en: '"DigitalOcean" is not in the imported partial ISMAP list (as of 2026-10-01); check the official list.' },
        },
      ],
    },
    {
      name: 'a statement broken across lines: the second line alone is a usage statement (lines are not joined)',
      text: `${SPEC}本システムの公開サーバは、\nVercelを利用して構築する。\n`,
      expected: [{ text: 'Vercel', severity: 'information', message: notInPartialList('Vercel') }],
    },
    {
      name: 'YAML system profile: cloud.service and a saas list',
      uri: 'file:///profile.yaml',
      text:
        'system:\n  name: 職員ポータル\n  sector: national\ncloud:\n  provider: DigitalOcean\n  region: sgp1\n' +
        'saas:\n  - name: Box Sign\n    purpose: 電子契約\n  - name: Google Workspace\n    purpose: グループウェア\n',
      expected: [
        { text: 'DigitalOcean', severity: 'information', message: notInPartialList('DigitalOcean') },
        { text: 'Box Sign', severity: 'information', message: notInPartialList('Box Sign', 'Box') },
      ],
    },
    {
      name: "a vendor's README for a 市 (当社 … 〇〇市向け): the data is the city's",
      uri: 'file:///README.md',
      text: '# kosodate-portal\n\n株式会社サンプルソフトが〇〇市向けに開発・保守する子育て支援ポータルです。\n\n## 構成\n\n当社の標準構成に従い、申請データはSupabaseに保存します。\n',
      expected: [{ text: 'Supabase', severity: 'information', message: notInPartialList('Supabase') }],
    },
    {
      name: "a vendor's proposal to a ministry (貴省向け)",
      uri: 'file:///proposal.md',
      text: '# 貴省向け 電子申請システム更改のご提案\n\n弊社は、申請データの保管にSupabaseを利用する構成をご提案します。\n',
      expected: [{ text: 'Supabase', severity: 'information', message: notInPartialList('Supabase') }],
    },
    {
      name: "a 独立行政法人's README: list items under a heading of the services it uses, and role labels under Stack",
      uri: 'file:///README.md',
      text:
        '# research-portal\n\n独立行政法人サンプル機構の研究成果公開ポータルです。\n\n## 使っているサービス\n\n' +
        '- Dropbox に研究データのバックアップを置く\n- Vercel でサイトをホスティング\n\n## Stack\n\n* Database: Supabase (user accounts)\n',
      expected: [
        { text: 'Dropbox', severity: 'information', message: notInPartialList('Dropbox') },
        { text: 'Vercel', severity: 'information', message: notInPartialList('Vercel') },
        { text: 'Supabase', severity: 'information', message: notInPartialList('Supabase') },
      ],
    },
    {
      name: 'a register: the entry without an ISMAP field, or whose field says not registered or applied for',
      uri: 'file:///register.yaml',
      text:
        '# 〇〇市 クラウドサービス台帳\nservices:\n  - name: Dropbox\n    purpose: 住民の申請データ保存\n' +
        '  - name: Supabase\n    purpose: 住民の申請データ保存\n    ismap: 未登録\n  - name: Vercel\n    purpose: 住民向けサイトの配信\n    ismap: 申請中\n',
      expected: [
        { text: 'Dropbox', severity: 'information', message: notInPartialList('Dropbox') },
        { text: 'Supabase', severity: 'information', message: notInPartialList('Supabase') },
        { text: 'Vercel', severity: 'information', message: notInPartialList('Vercel') },
      ],
    },
    {
      name: 'register fields that do not claim registration or public data: 未登録 in an ISMAP column, 機密性 2',
      uri: 'file:///services.md',
      text: '# 〇〇市 利用サービス一覧\n\n| サービス | 用途 | 機密性 | ISMAP登録番号 |\n|---|---|---|---|\n| Notion | 職員の議事録 | 2 | 未登録 |\n| Miro | 庁内ワークショップの資料 | 2 | - |\n',
      expected: [
        { text: 'Notion', severity: 'information', message: notInPartialList('Notion') },
        { text: 'Miro', severity: 'information', message: notInPartialList('Miro') },
      ],
    },
    {
      name: "an English README a company writes for a named city",
      uri: 'file:///README.md',
      text: '# sample-city-parking\n\nParking permit application for Sample City, developed and maintained by Sample Systems Inc.\n\n## Architecture\n\n- Applicants\' uploaded documents are stored in Supabase.\n',
      expected: [{ text: 'Supabase', severity: 'information', message: notInPartialList('Supabase') }],
    },
    {
      name: 'a claim the imported list contradicts, and a service given no personal data but 機密性2 information in a specification (information, not a warning)',
      text: `${SPEC}基盤には、さくらのクラウド（ISMAP登録済み）を利用する。\n\n配信にはFastlyを利用する。個人情報は扱わないが、機密性2情報の画面資料を置く。\n`,
      knowledge: () => bundledKnowledge().withIsmapList(importedWithoutFastly()),
      expected: [
        {
          text: 'さくらのクラウド',
          message: { ja: '「さくらのクラウド」は取り込んだISMAPリスト（2026-10-01時点）に掲載されていません', en: '"さくらのクラウド" is not on the imported ISMAP list (as of 2026-10-01).' },
        },
        {
          text: 'Fastly',
          severity: 'information',
          message: { ja: '「Fastly」は取り込んだISMAPリスト（2026-10-01時点）に掲載されていません', en: '"Fastly" is not on the imported ISMAP list (as of 2026-10-01).' },
        },
      ],
    },
  ];

  const valid: Case[] = [
    {
      name: 'labels that reject or date the service, a label with no role, a question, and an ordinary word not labelled',
      uri: 'file:///design-memo.md',
      text:
        '# 〇〇町 施設予約 設計メモ\n\n## メモ\n\n旧ファイル共有先: Dropbox（2022年度で廃止）\n比較候補: Supabase（住民の氏名）\n担当: Render（住民の申請データの担当者）\n\n' +
        '## Q. Boxに住民の申請書を保存してもよいですか？\n\n住民の申請データを render して画面に表示する。\n',
      expected: [],
    },
    {
      name: 'state "registered": services reported registered by a source while the list is partial (Teams, Slack, kintone, OCI, Cloudflare)',
      text:
        `${SPEC}庁内のコミュニケーションにはMicrosoft TeamsとSlackを利用する。\n業務アプリはkintoneで構築する。\n` +
        '基盤にはOracle Cloud Infrastructureを利用する。\n配信にはCloudflareを利用する。\n',
      expected: [],
    },
    {
      name: 'a service reported registered, against an imported list that is partial (Slack)',
      text: `${SPEC}庁内の連絡にはSlackを利用する。\n`,
      knowledge: () => bundledKnowledge().withIsmapList(importedPartialList()),
      expected: [],
    },
    {
      name: 'the row marked 採用 in a comparison table, for a service reported registered (Heroku)',
      text: `${SPEC}| 候補 | ISMAPリスト | 評価 |\n|---|---|---|\n| Heroku | 見当たらない | 採用 |\n`,
      expected: [],
    },
    {
      name: 'services on the list (AWS, Google Cloud, さくらのクラウド, Firebase)',
      text: `${SPEC}本システムはガバメントクラウド上に構築し、AWSを利用する。\n分析基盤にはGoogle Cloudを、認証にはFirebase Authenticationを利用する。\n災害対策環境はさくらのクラウド上で稼働する。\n`,
      expected: [],
    },
    {
      name: 'rejected candidates and comparisons in prose',
      text:
        `${SPEC}## 4. 選定の経緯\n\n` +
        '比較の結果、Vultrは採用しない。\n' +
        'DigitalOceanではなく、AWSを利用する。\n' +
        'DigitalOcean、Hetzner及びLinodeは比較したが、AWSを採用する。\n' +
        '候補から除外したサービス: IBM Cloud\n' +
        'Alibaba Cloudは本調達の対象外とする。\n' +
        'Herokuは不採用とした。\n',
      expected: [],
    },
    {
      name: 'a comparison table (候補 / 不採用 header and rows)',
      text: `${SPEC}| 候補 | ISMAPリスト | 評価 |\n|---|---|---|\n| DigitalOcean | 見当たらない | 不採用 |\n| Vultr | 見当たらない | - |\n| AWS | C21-0008-2 | 採用 |\n`,
      expected: [],
    },
    {
      name: 'a list under a heading about candidates that were compared',
      text: `${SPEC}## 5. 比較検討した候補\n\n- IBM Cloud\n- Alibaba Cloud\n- Linode\n`,
      expected: [],
    },
    {
      name: 'histories, the current system and migration sources',
      text:
        `${SPEC}## 1. 沿革\n\n` +
        '2019年度まではNetlifyを利用していた。\n' +
        '現行システムはHeroku上で稼働している。\n' +
        '本調達では、DigitalOceanからAWSへ移行する。\n',
      expected: [],
    },
    {
      name: 'a market overview and a passing mention',
      text: `${SPEC}国内ではAlibaba Cloud等も広く利用されている。\nDigitalOceanの評価を踏まえ、AWS上に構築する。\nDigitalOceanは米国のクラウド事業者である。\n`,
      expected: [],
    },
    {
      name: 'a condition and a prohibition',
      text: `${SPEC}CDNとしてCloudflareを用いる場合は、別途協議する。\n受注者は、ISMAPリストに見当たらないクラウドサービス（例: DigitalOcean、Vultr等）を利用してはならない。\nSlackの利用は認めない。\n`,
      expected: [],
    },
    {
      name: 'code blocks, inline code and comments',
      text: `${SPEC}\`\`\`yaml\ncloud:\n  service: DigitalOcean\n\`\`\`\n\n設定例の \`DigitalOcean\` を利用する。\n<!-- 本システムはDigitalOcean上に構築する。 -->\n`,
      expected: [],
    },
    {
      name: 'a quoted bad example',
      text: `${SPEC}悪い例:\n\n> 本システムはDigitalOcean上に構築する。\n\n正しくは、ISMAPリストに掲載されたサービスを利用する。\n`,
      expected: [],
    },
    {
      name: 'YAML: alternatives and free-text notes',
      uri: 'file:///profile.yaml',
      text: 'system:\n  name: 職員ポータル\ncloud:\n  provider: AWS\n  alternatives:\n    - DigitalOcean\n    - Vultr\n  note: DigitalOceanとの比較資料は別紙\n',
      expected: [],
    },
    {
      name: 'a document declared as a private business\'s',
      text: '---\ndoctype: gov-procurement-spec\nsector: private\n---\n\n# 社内システム 要件定義書\n\n本システムはDigitalOcean上に構築する。\n',
      expected: [],
    },
    {
      name: 'a non-procurement README',
      text: `${README}デプロイにはVercelを利用する。ファイル共有にはDropboxを使う。\n`,
      uri: 'file:///README.md',
      expected: [],
    },
    {
      name: 'outside a procurement document: a public body using a service for no data of its own, and a company storing its own data',
      uri: 'file:///memo.md',
      text: '# 勉強会メモ\n\n〇〇市 情報政策課\n\n庁内勉強会の出欠確認には Dropbox を使う。\n',
      expected: [],
    },
    {
      name: 'a private company\'s document that stores customers\' data',
      uri: 'file:///README.md',
      text: '# shop-api\n\n当社のECサイトのAPIです。顧客の氏名と住所は DigitalOcean 上のデータベースに保存します。\n',
      expected: [],
    },
    {
      name: 'a designation that is rejected',
      text: `${SPEC}CDN は Fastly とする案もあったが、比較の結果、不採用とした。\n`,
      expected: [],
    },
    {
      name: 'a service the document places on ISMAP-LIU, while the list loaded holds no ISMAP-LIU entry (a row, a sentence)',
      text:
        `${SPEC}| 用途 | サービス | 備考 |\n|---|---|---|\n| 名刺管理 | Sansan | ISMAP-LIU登録のSaaS |\n\n` +
        '職員の名刺は、ISMAP-LIUに登録された Sansan で管理する。\n',
      expected: [],
    },
    {
      name: 'English: the writer\'s own company website, and candidates that were compared and not adopted',
      uri: 'file:///README.md',
      text:
        '# govcloud-notes\n\nOur systems are built on the Government Cloud.\n\nOur own company website runs on Netlify.\n' +
        'Fly.io was compared for internal tools, but we chose not to adopt it.\n',
      expected: [],
    },
    {
      name: 'a YAML register entry whose program is ISMAP-LIU',
      uri: 'file:///register.yaml',
      text: 'organization: 〇〇市\nsaas:\n  - name: Sansan\n    program: ISMAP-LIU\n    data: 来庁者の名刺情報\n',
      expected: [],
    },
    {
      name: "register entries that state the service's ISMAP registration (a YAML field, misworded 認証取得済み too, and a table column)",
      uri: 'file:///register.md',
      text:
        '# 〇〇市 クラウドサービス台帳\n\n| サービス | 用途 | ISMAP |\n|---|---|---|\n| Supabase | 住民の申請データ保存 | 登録済み |\n| Vercel | 住民向けサイトの配信 | ○ |\n\n' +
        'ファイル共有には、Dropbox（ISMAP登録済み）を利用して住民の申請データを保存する。\n',
      expected: [],
    },
    {
      name: 'a YAML register whose entries say ISMAP 登録済み or 認証取得済み',
      uri: 'file:///register.yaml',
      text: '# 〇〇市 クラウドサービス台帳\nservices:\n  - name: Supabase\n    purpose: 住民の申請データ保存\n    ismap: 登録済み\n  - name: Vercel\n    purpose: 住民向けサイトの配信\n    ismap: 認証取得済み\n',
      expected: [],
    },
    {
      name: 'services a specification says get no personal data and names no confidential information, or no 機密性2 information',
      text: `${SPEC}申請画面の配信にはFastlyを利用する。個人情報は扱わない。\n\nデザインの共有にはFigmaを利用する。要機密情報は取り扱わない。\n`,
      knowledge: () => bundledKnowledge().withIsmapList(importedWithoutFastly()),
      expected: [],
    },
    {
      name: 'services a specification says get only 機密性1 or published information',
      text: `${SPEC}広報サイトの配信にはVercelを利用する（機密性1情報のみ）。\n\n| 用途 | サービス | 扱う情報 |\n|---|---|---|\n| 公開ミラー | Netlify | 公開済みのデータのみ |\n`,
      expected: [],
    },
    {
      name: "a service a 市's README says gets no personal data (in the item's next sentence)",
      uri: 'file:///README.md',
      text: '# event-info\n\n〇〇市 情報政策課\n\n## 構成\n\n- Supabase：イベント案内データを保存する。個人情報は扱わない。\n',
      expected: [],
    },
    {
      name: "a 独立行政法人's README: a service the item says gets no data (scripts only)",
      uri: 'file:///README.md',
      text: '# share-tools\n\n独立行政法人サンプル機構の研究推進部で使っているスクリプト置き場です。\n\n## 使っているサービス\n\n- GitHub：このリポジトリ（スクリプトのみ、データは置かない）\n',
      expected: [],
    },
    {
      name: 'register fields: a nested ismap status, a registration number, 機密性 1, personal_data: なし, ismap_liu',
      uri: 'file:///register.yaml',
      text:
        '# 〇〇市 クラウドサービス台帳\nservices:\n  - name: Box\n    purpose: 住民の申請データ保存\n    ismap:\n      status: 登録済み\n' +
        '  - name: Zoom\n    purpose: 住民相談のオンライン面談の記録\n    ismap_registration_no: C23-0456-1\n' +
        '  - name: Notion\n    purpose: 職員の議事録データ\n    confidentiality: 1\n' +
        '  - name: Miro\n    purpose: ワークショップの付箋データ\n    personal_data: なし\n' +
        '  - name: Dropbox\n    purpose: 住民の申請データ保存\n    ismap_liu: 登録済み\n',
      expected: [],
    },
    {
      name: "a table's registration-number and 機密性 columns, a list item whose sub-item claims registration, and 個人情報の入力は禁止",
      uri: 'file:///services.md',
      text:
        '# 〇〇市 利用サービス一覧\n\n| サービス | 用途 | 機密性 | ISMAP登録番号 |\n|---|---|---|---|\n| Box | 住民の申請書類 | 2 | C22-0123-1 |\n| Miro | 庁内ワークショップの資料 | 1 | - |\n\n' +
        '## 利用サービス\n\n- Zoom\n  - 用途：住民相談の記録\n  - ISMAP：登録済み\n- Canva：広報チラシの資料を作成する。個人情報の入力は禁止。\n',
      expected: [],
    },
    {
      name: "a company's own product document for 自治体 in general (no named client)",
      uri: 'file:///README.md',
      text: '# kintai-saas\n\n当社が自治体向けに提供する勤怠管理SaaSです。勤怠データはSupabaseに保存します。\n',
      expected: [],
    },
  ];

  runTable(ismapUnregisteredServiceRule, invalid, valid);
});

// ---------------------------------------------------------------------------------------------------------
// ismap/liu-scope

const INFO: Record<string, { ja: string; en: string }> = {
  c3: { ja: '機密性3情報', en: 'Confidentiality class-3 information' },
  c3doc: { ja: '機密性3情報（文書の格付）', en: "Confidentiality class-3 information (the document's classification)" },
  sensitive: { ja: '要配慮個人情報', en: 'Special care-required personal information' },
  ordinance: { ja: '条例要配慮個人情報', en: 'Ordinance-designated sensitive personal information' },
};

/** The message naming the service; why it counts as ISMAP-LIU (`basis`) is in its hover, not the message. */
function liuService(name: string, _basis: { ja: string; en: string }, info: keyof typeof INFO): Bilingual {
  return {
    ja: `ISMAP-LIUの対象外の情報: 「${name}」はISMAP-LIUのサービスで、機密性2までの低リスク業務向けのため${INFO[info].ja}は対象外です`,
    en: `"${name}" is an ISMAP-LIU service, for low-risk work within Confidentiality-2, not for ${INFO[info].en}.`,
  };
}

/** The message when the text names ISMAP-LIU and no service. */
function liuGeneric(info: keyof typeof INFO): Bilingual {
  return {
    ja: `ISMAP-LIUの対象外の情報: ISMAP-LIUは機密性2までの低リスク業務向けで、${INFO[info].ja}は対象外です`,
    en: `ISMAP-LIU is for low-risk work within Confidentiality-2, not for ${INFO[info].en}.`,
  };
}
const DOCUMENT = { ja: '文書の記載', en: 'as the document states' };

describe('rule ismap/liu-scope', () => {
  it('has the catalogue metadata', () => {
    assert.equal(ismapLiuScopeRule.id, 'ismap/liu-scope');
    assert.equal(ismapLiuScopeRule.defaultSeverity, 'warning');
    assert.equal(ismapLiuScopeRule.procurementOnly, false);
  });

  const invalid: Case[] = [
    {
      name: 'the ISMAP-LIU statement and the information on two soft-wrapped lines of one sentence',
      text: `${SPEC}ISMAP-LIU登録のSaaSに、\n機密性3情報を保存する。\n`,
      expected: [
        {
          text: 'ISMAP-LIU',
          message: liuGeneric('c3'),
        },
      ],
    },
    {
      name: 'a service the sentence calls ISMAP-LIU, given 要配慮個人情報 in the same sentence',
      text: `${SPEC}職員相談窓口には、ISMAP-LIU登録のSaaSであるLINE WORKSを利用し、相談記録（要配慮個人情報を含む）を保存する。\n`,
      expected: [
        {
          text: 'LINE WORKS',
          message: liuService('LINE WORKS', DOCUMENT, 'sensitive'),
        },
      ],
    },
    {
      name: 'the ISMAP-LIU statement on an earlier line than the offending one',
      text: `${SPEC}チャットには、ISMAP-LIU登録のSaaSであるLINE WORKSを利用する。\n\nLINE WORKSには、職員の健康診断結果（要配慮個人情報）も保存する。\n`,
      expected: [{ text: 'LINE WORKS', occurrence: 1, message: liuService('LINE WORKS', DOCUMENT, 'sensitive') }],
    },
    {
      name: '「ISMAP-LIU登録のSaaS」 itself given 機密性３情報 (full-width digit)',
      text: `${SPEC}ISMAP-LIU登録のSaaSに、機密性３情報である入札予定価格の資料を保存する。\n`,
      expected: [
        {
          text: 'ISMAP-LIU',
          message: liuGeneric('c3'),
        },
      ],
    },
    {
      name: '条例要配慮個人情報 in a local government\'s specification',
      text: '---\ndoctype: gov-procurement-spec\nsector: local\n---\n\n# 〇〇市 子育て相談システム 調達仕様書\n\n相談予約には、ISMAP-LIU登録のSaaSであるServiceNowを利用し、条例要配慮個人情報を含む相談内容を記録する。\n',
      expected: [{ text: 'ServiceNow', message: liuService('ServiceNow', DOCUMENT, 'ordinance') }],
    },
    {
      name: 'a table row: the service marked ISMAP-LIU, given 機密性3情報',
      text: `${SPEC}| サービス | 用途 | 扱う情報 |\n|---|---|---|\n| Webex（ISMAP-LIU登録） | 幹部会議 | 機密性3情報 |\n| Notion（ISMAP-LIU登録） | 議事メモ | 機密性2情報（重要度の低いもの） |\n`,
      expected: [{ text: 'Webex', message: liuService('Webex', DOCUMENT, 'c3') }],
    },
    {
      name: 'YAML SaaS register: program ISMAP-LIU with 要配慮個人情報, and with confidentiality: 3',
      uri: 'file:///saas.yaml',
      text:
        'system:\n  name: 職員健康管理システム\nsaas:\n' +
        '  - name: Webex\n    program: ISMAP-LIU\n    data: 職員の健康診断結果（要配慮個人情報）\n' +
        '  - name: Notion\n    program: ISMAP-LIU\n    classification: 機密性2\n' +
        '  - name: GitHub\n    program: ISMAP-LIU\n    confidentiality: 3\n',
      expected: [
        { text: 'Webex', message: liuService('Webex', DOCUMENT, 'sensitive') },
        { text: 'GitHub', message: liuService('GitHub', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'YAML asset register: an entry with both name (the data) and service keys names the service, not the data',
      uri: 'file:///assets.yaml',
      text:
        'sector: national\nassets:\n' +
        '  - name: 入札参加業者との名刺・商談記録\n    service: MeishiCloud\n    program: ISMAP-LIU\n    classification: 機密性3情報\n' +
        '  - 名称: 相談記録\n    サービス: ソウダンノート\n    ismap: LIU\n    data: 要配慮個人情報を含む\n',
      expected: [
        { text: '機密性3情報', message: liuService('MeishiCloud', DOCUMENT, 'c3') },
        { text: '要配慮個人情報', message: liuService('ソウダンノート', DOCUMENT, 'sensitive') },
      ],
    },
    {
      name: 'a service whose catalogue facts say ISMAP-LIU (no ISMAP-LIU in the text)',
      knowledge: sansanKnowledge,
      text: `${SPEC}取引先の名刺情報は機密性3情報として、Sansanで管理する。\n`,
      expected: [{ text: 'Sansan', message: liuService('Sansan', { ja: 'サービスカタログ: 営業DXサービス Sansan', en: 'service catalogue: "営業DXサービス Sansan"' }, 'c3') }],
    },
    {
      name: 'a service the loaded list enters under ISMAP-LIU',
      knowledge: () => bundledKnowledge().withIsmapList(liuList()),
      text: `${SPEC}カウンセリングの相談記録（要配慮個人情報）はNotionに保存する。\n`,
      expected: [{ text: 'Notion', message: liuService('Notion', { ja: '読み込んだISMAPリスト: TEST-LIU-0001', en: 'ISMAP list loaded: TEST-LIU-0001' }, 'sensitive') }],
    },
    {
      name: 'the system built on an ISMAP-LIU service while the front matter classifies it 機密性3',
      knowledge: sansanKnowledge,
      text: '---\ndoctype: gov-procurement-spec\nclassification:\n  confidentiality: 3\n---\n\n# 顧客管理システム 調達仕様書\n\n本システムはSansanを基盤として構築する。\n',
      expected: [{ text: 'Sansan', message: liuService('Sansan', { ja: 'サービスカタログ: 営業DXサービス Sansan', en: 'service catalogue: "営業DXサービス Sansan"' }, 'c3doc') }],
    },
    {
      name: 'a memo: a product the document declares ISMAP-LIU, given 機密性3 in the next sentence of a later paragraph',
      uri: 'file:///memo.md',
      text:
        '# 相談記録クラウド 検討メモ\n\nサンプルノートは、相談記録を管理するSaaSであり、ISMAP-LIUクラウドサービスリストに登録されている。\n\n' +
        '相談記録をサンプルノートに保存する。相談記録には病歴が含まれるため、本市はこれを機密性3情報として格付している。\n',
      expected: [{ text: '機密性3情報', message: liuService('サンプルノート', DOCUMENT, 'c3') }],
    },
    {
      name: 'an audit report: 「ISMAP-LIUに登録されたSaaS」, and 機密性３情報 in the next sentence, whose last clause is negated',
      uri: 'file:///audit.md',
      text:
        '# 監査報告書\n\n相談受付システムは、ISMAP-LIUに登録されたSaaS（サンプルチャット）上で稼働している。' +
        '同システムで機密性３情報に当たる相談記録を取り扱っていることを確認したが、承認を得ていたため、指摘事項とはしない。\n',
      expected: [
        {
          text: '機密性３情報',
          message: liuGeneric('c3'),
        },
      ],
    },
    {
      name: 'a list item naming the ISMAP-LIU SaaS by a noun phrase, 要配慮個人情報 in its next sentence',
      text: `${SPEC}- 問合せ受付には、ISMAP-LIU に登録された問合せ管理SaaSを用いる。問合せには病歴の相談が含まれるため、要配慮個人情報として取り扱う。\n`,
      expected: [
        {
          text: '要配慮個人情報',
          message: liuGeneric('sensitive'),
        },
      ],
    },
    {
      name: 'a nested list item under the item naming the service, and a later sibling of the item declaring it',
      text:
        `${SPEC}1. 対応記録\n   - 問合せ管理 SaaS は ISMAP-LIU に登録されたものでよい。\n   - 相談内容はそのまま残す。健康に関する相談は要配慮個人情報を含む。\n` +
        '2. 会議\n   - チャットには、ISMAP-LIU登録のSaaSであるLINE WORKSを利用する。\n     - 人事評価の記録は機密性3情報とする。\n',
      expected: [
        { text: '要配慮個人情報', message: liuService('問合せ管理 SaaS', DOCUMENT, 'sensitive') },
        { text: '機密性3情報', message: liuService('LINE WORKS', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'a YAML register entry: a product the catalogue does not know, its ismap key ISMAP-LIU, 要配慮個人情報 in a sibling key',
      uri: 'file:///register.yaml',
      text:
        'organization: 〇〇市\ncloud_services:\n  - name: 問合せ管理クラウド「サンプルデスク」\n    ismap: ISMAP-LIU 登録\n    data: 発達相談の記録（要配慮個人情報を含む）\n' +
        '  - name: 予約クラウド\n    ismap: ISMAP-LIU 登録\n    data: 施設予約（氏名・連絡先）\n',
      expected: [{ text: '要配慮個人情報', message: liuService('問合せ管理クラウド「サンプルデスク」', DOCUMENT, 'sensitive') }],
    },
    {
      name: 'a YAML entry: a catalogue ISMAP-LIU service and classification: 機密性3 as sibling keys',
      uri: 'file:///register.yaml',
      knowledge: sansanKnowledge,
      text: 'organization: 〇〇市\nsaas:\n  - service: Sansan\n    classification: 機密性3\n',
      expected: [{ text: 'Sansan', message: liuService('Sansan', { ja: 'サービスカタログ: 営業DXサービス Sansan', en: 'service catalogue: "営業DXサービス Sansan"' }, 'c3') }],
    },
    {
      name: 'a table with a column headed ISMAP: a cell 「LIU」 or 「ISMAP-LIU登録」 declares the row\'s product, another cell gives the grade',
      uri: 'file:///plan.md',
      text:
        '# 相談業務のクラウド利用計画\n\n| サービス | ISMAP | 扱う情報 |\n|---|---|---|\n' +
        '| ケース記録クラウド | LIU | 機密性3情報 |\n| 予約受付ノート | ISMAP-LIU登録 | 要配慮個人情報 |\n| 文書共有ノート | LIU | 機密性2情報 |\n\n' +
        '予約受付ノートの設定は別紙による。\n',
      expected: [
        { text: 'ケース記録クラウド', message: liuService('ケース記録クラウド', DOCUMENT, 'c3') },
        { text: '予約受付ノート', message: liuService('予約受付ノート', DOCUMENT, 'sensitive') },
      ],
    },
    {
      name: 'a table: a catalogue service in the name column, full-width 「ＬＩＵ」 under 「ISMAP登録区分」, and 機密性３情報',
      uri: 'file:///list.md',
      text: '# 利用サービス一覧\n\n| サービス名 | ISMAP登録区分 | 格付 |\n|---|---|---|\n| LINE WORKS | ＬＩＵ | 機密性３情報 |\n| Microsoft 365 | ISMAP | 機密性3情報 |\n',
      expected: [{ text: 'LINE WORKS', message: liuService('LINE WORKS', DOCUMENT, 'c3') }],
    },
    {
      name: 'full-width 「ＩＳＭＡＰ－ＬＩＵに登録されている」 for a product, and 機密性３情報 in the next sentence',
      uri: 'file:///memo.md',
      text: '# 相談業務メモ\n\nケース管理ノートは、ＩＳＭＡＰ－ＬＩＵに登録されている。ケース管理ノートに機密性３情報を保存する。\n',
      expected: [{ text: 'ケース管理ノート', occurrence: 1, message: liuService('ケース管理ノート', DOCUMENT, 'c3') }],
    },
    {
      name: 'English: "X is registered under ISMAP-LIU and stores …", and "Y is an ISMAP-LIU service." then a grade for Y',
      uri: 'file:///note.md',
      text:
        '# Cloud use note\n\nCaseBook is registered under ISMAP-LIU and stores Confidentiality class-3 information.\n\n' +
        'DeskNote is an ISMAP-LIU registered SaaS. DeskNote keeps Confidentiality class-3 information.\n',
      expected: [
        { text: 'CaseBook', message: liuService('CaseBook', DOCUMENT, 'c3') },
        { text: 'DeskNote', occurrence: 1, message: liuService('DeskNote', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'a table: LIU inside an ISMAP cell, a column headed ISMAP-LIU with 「○」, a bare 「3」 under 機密性, 「あり」 under 要配慮個人情報',
      uri: 'file:///ledger.md',
      text:
        '# 台帳\n\n| サービス | ISMAP登録 | 機密性 | 要配慮個人情報 |\n|---|---|---|---|\n| 相談ノート | 登録済（LIU） | 3 | なし |\n' +
        '| 予約ナビ | ISMAP-LIU | 2 | あり |\n\n| サービス | ISMAP-LIU | 格付 |\n|---|---|---|\n| 面談ボード | ○ | 機密性3 |\n',
      expected: [
        { text: '相談ノート', message: liuService('相談ノート', DOCUMENT, 'c3') },
        { text: '予約ナビ', message: liuService('予約ナビ', DOCUMENT, 'sensitive') },
        { text: '面談ボード', message: liuService('面談ボード', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'a bracketed product as the topic, 「機密性は3」 and 「機密性レベル3」 in words the glossary does not hold',
      uri: 'file:///memo.md',
      text:
        '# メモ\n\n「ケース記録クラウド」は、ＩＳＭＡＰ－ＬＩＵに登録されたＳａａＳであり、相談記録（要配慮個人情報）を保存する。\n\n' +
        '相談予約サービス「よやくナビ」は、ISMAP-LIUに登録されている。よやくナビで扱う情報の機密性は3とする。\n',
      expected: [
        { text: 'ケース記録クラウド', message: liuService('ケース記録クラウド', DOCUMENT, 'sensitive') },
        { text: 'よやくナビ', occurrence: 1, message: liuService('よやくナビ', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'English appositives: ", an ISMAP-LIU registered SaaS,", "(registered under ISMAP-LIU)", ", which is registered under ISMAP-LIU"',
      uri: 'file:///note.md',
      text:
        '# Note\n\nWe will use CaseNote, an ISMAP-LIU registered SaaS, to store Confidentiality class-3 information.\n\n' +
        'DeskBox (registered under ISMAP-LIU) will hold Confidentiality class-3 information.\n\n' +
        'The city uses FormFlow, which is registered under ISMAP-LIU. FormFlow stores Confidentiality class-3 information.\n',
      expected: [
        { text: 'CaseNote', message: liuService('CaseNote', DOCUMENT, 'c3') },
        { text: 'DeskBox', message: liuService('DeskBox', DOCUMENT, 'c3') },
        { text: 'FormFlow', occurrence: 1, message: liuService('FormFlow', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'a service named with 「（ISMAP-LIU登録サービス）」, then 同サービス / 当該サービス / このサービス in the next sentence or list item',
      uri: 'file:///plan.md',
      text:
        '# 相談窓口の運用\n\n相談受付には、相談受付クラウド（ISMAP-LIU登録サービス）を利用する。同サービスには、基幹系システムから連携した相談履歴（要配慮個人情報）を保存する。\n\n' +
        '予約には、「よやくネット」（ISMAP-LIU登録）を用いる。当該サービスでは機密性３情報を扱う。\n\n' +
        '- 電子申請には、フォームメーカー（ISMAP-LIU登録）を用いる。\n- このサービスで受け付ける申請書には機密性3情報が含まれる。\n',
      expected: [
        { text: '要配慮個人情報', message: liuService('相談受付クラウド', DOCUMENT, 'sensitive') },
        { text: '機密性３情報', message: liuService('よやくネット', DOCUMENT, 'c3') },
        { text: '機密性3情報', message: liuService('フォームメーカー', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'a bare 「SaaS（ISMAP-LIU登録）」 then 同サービス: the generic message; another paragraph\'s 「SaaS」 is not that service',
      uri: 'file:///memo.md',
      text: '# メモ\n\n連絡には、SaaS（ISMAP-LIU登録）を用いる。同サービスには機密性3情報を保存する。\n\n会計にはSaaSを用いる。SaaSには機密性3情報を保存する。\n',
      expected: [{ text: '機密性3情報', message: liuGeneric('c3') }],
    },
    {
      name: '同サービス with a negation in another clause of its sentence, and a Japanese name ending in Latin letters',
      uri: 'file:///plan.md',
      text: '# 運用\n\n相談には、ソウダンBox（ISMAP-LIU登録サービス）を利用する。同サービスは、職員以外がアクセスできない設定とし、要配慮個人情報を含む相談記録を保存する。\n',
      expected: [{ text: '要配慮個人情報', message: liuService('ソウダンBox', DOCUMENT, 'sensitive') }],
    },
    {
      name: 'a service the information comes from (「Microsoft 365 から移した」) is not where it is given',
      uri: 'file:///plan.md',
      text: '# 移行\n\n相談受付には、相談受付クラウド（ISMAP-LIU登録サービス）を利用する。同サービスには、Microsoft 365 から移した相談履歴（要配慮個人情報）を保存する。\n',
      expected: [{ text: '要配慮個人情報', message: liuService('相談受付クラウド', DOCUMENT, 'sensitive') }],
    },
    {
      name: 'English: "this service" / "the service" in the next sentence of the paragraph, on the next line',
      uri: 'file:///note.md',
      text:
        '# Note\n\nWe run intake on FormDesk (registered under ISMAP-LIU).\nThis service stores Confidentiality class-3 information.\n\n' +
        'Staff chat uses LINE WORKS, an ISMAP-LIU registered SaaS. The service will keep Confidentiality class-3 information.\n',
      expected: [
        { text: 'Confidentiality class-3 information', message: liuService('FormDesk', DOCUMENT, 'c3') },
        { text: 'Confidentiality class-3 information', occurrence: 1, message: liuService('LINE WORKS', DOCUMENT, 'c3') },
      ],
    },
    {
      name: 'YAML register: C3 under a grade key, a grade in a map nested in the entry, and 要配慮個人情報 in a list value',
      uri: 'file:///saas-register.yaml',
      text:
        'saas:\n' +
        '  - name: 掲示SaaS（ISMAP-LIU登録サービス）\n    confidentiality: C3\n' +
        '  - name: 日程ナビ\n    registration: ISMAP-LIU\n    data:\n      confidentiality: 3\n' +
        '  - name: 共有ボード\n    ismap: ISMAP-LIU\n    handled_info:\n      - 相談記録\n      - 要配慮個人情報\n' +
        '  - name: 台帳SaaS\n    ismap: ISMAP\n    data:\n      confidentiality: 3\n',
      expected: [
        { text: 'C3', message: liuGeneric('c3') },
        { text: '3', occurrence: 1, message: liuService('日程ナビ', DOCUMENT, 'c3') },
        { text: '要配慮個人情報', message: liuService('共有ボード', DOCUMENT, 'sensitive') },
      ],
    },
    {
      name: 'YAML register: ISMAP-LIU in the name value, or in structure (ismap: LIU, ismap_status, ismap_liu: true), the grade in a sibling key',
      uri: 'file:///saas-register.yaml',
      text:
        'saas_register:\n' +
        '  - name: チャットSaaS（ISMAP-LIU登録）\n    confidentiality: 3\n' +
        '  - service: 日程調整ツール（ISMAP-LIU登録）\n    機密性: 3\n' +
        '  - name: 電子申請フォーム\n    ismap: LIU\n    格付: 機密性3\n' +
        '  - name: 相談記録クラウド\n    ismap_status: ISMAP-LIU\n    handles_sensitive_personal_info: true\n' +
        '  - name: 面談メモ\n    ismap_liu: true\n    要配慮個人情報: あり\n' +
        '  - name: 子育て相談ノート\n    ismap: LIU\n    条例要配慮個人情報: あり\n',
      expected: [
        { text: '3', occurrence: 0, message: liuService('チャットSaaS', DOCUMENT, 'c3') },
        { text: '3', occurrence: 1, message: liuService('日程調整ツール', DOCUMENT, 'c3') },
        { text: '機密性3', message: liuService('電子申請フォーム', DOCUMENT, 'c3') },
        { text: 'true', message: liuService('相談記録クラウド', DOCUMENT, 'sensitive') },
        { text: 'あり', message: liuService('面談メモ', DOCUMENT, 'sensitive') },
        { text: 'あり', occurrence: 1, message: liuService('子育て相談ノート', DOCUMENT, 'ordinance') },
      ],
    },
  ];

  const valid: Case[] = [
    {
      name: 'the sentence after an ISMAP-LIU service is about another service by name, a negation, its own server, or a non-LIU service referred back to',
      uri: 'file:///plan.md',
      text:
        '# 運用\n\n文書共有には、共有ボックス（ISMAP-LIU登録）を用いる。kintoneでは要配慮個人情報を扱う。\n\n' +
        '文書共有には、共有ボックス（ISMAP-LIU登録）を用いる。「ケース台帳」には要配慮個人情報を保存する。\n\n' +
        '予約には、よやくネット（ISMAP-LIU登録）を用いる。当該サービスでは、氏名と連絡先のみを扱い、要配慮個人情報は扱わない。\n\n' +
        'チャットには、トークルーム（ISMAP-LIU登録）を用いる。面談記録は庁内サーバに保存し、機密性3情報として管理する。\n\n' +
        '会議には、Microsoft Teams を用いる。同サービスには機密性3情報を保存する。\n\n' +
        '本調達で導入する本サービスは、機密性3情報を取り扱う。\n\n' +
        '予約には、よやくネット（ISMAP-LIU登録）を用いる。要配慮個人情報を含む記録は、当該サービスに保存しない。当該サービスでは、要配慮個人情報を除く申請情報を扱う。\n\n' +
        'チャットには、トークルーム（ISMAP-LIU登録）を用いる。同サービスから、Microsoft 365 に機密性3情報を移す。\n\n' +
        'We run intake on FormDesk (registered under ISMAP-LIU).\nSecureVault stores Confidentiality class-3 information.\n',
      expected: [],
    },
    {
      name: 'YAML register: ISMAP-LIU entries with confidentiality 2, 要配慮個人情報: なし or 要配慮個人情報なし, ISMAP (not LIU) entries, LIU denied or false',
      uri: 'file:///saas-register.yaml',
      text:
        'saas_register:\n' +
        '  - name: 掲示板SaaS（ISMAP-LIU登録）\n    confidentiality: 2\n' +
        '  - name: 問合せフォーム\n    ismap_liu: true\n    要配慮個人情報: なし\n    handles_sensitive_personal_info: false\n' +
        '  - name: 文書管理SaaS（ISMAP登録）\n    confidentiality: 3\n' +
        '  - name: 会計SaaS\n    ismap: ISMAP\n    要配慮個人情報: あり\n' +
        '  - name: 庁内ポータル\n    ismap: LIU未登録\n    confidentiality: 3\n' +
        '  - name: 面談記録SaaS\n    ismap_liu: false\n    要配慮個人情報: あり\n' +
        '  - name: 連絡SaaS（ISMAP-LIU登録）\n    personal_info: 要配慮個人情報なし\n',
      expected: [],
    },
    {
      name: 'LIU denied in the ISMAP cell, 「なし」 under 要配慮個人情報, 「×」 under ISMAP-LIU, and 「機密性は3つの観点」',
      uri: 'file:///ledger.md',
      text:
        '# 台帳\n\n| サービス | ISMAP | 機密性 | 要配慮個人情報 |\n|---|---|---|---|\n| 相談ノート | LIU未登録 | 3 | なし |\n| 予約ナビ | LIU | 2 | なし |\n\n' +
        '| サービス | ISMAP-LIU | 格付 |\n|---|---|---|\n| 面談ボード | × | 機密性3 |\n\n予約ナビについて、機密性は3つの観点から確認した。\n',
      expected: [],
    },
    {
      name: 'a table whose ISMAP column says LIU for rows within 機密性2, or says so only for another row, or excludes the grade',
      uri: 'file:///list.md',
      text:
        '# 利用サービス一覧\n\n| サービス名 | ISMAP | 格付 |\n|---|---|---|\n| 文書共有ノート | LIU | 機密性2情報 |\n' +
        '| 業務基盤クラウド | ISMAP | 機密性3情報 |\n| 日程調整ツール | LIU | 機密性3情報は扱わない |\n| 受付ノート | 未登録 | 機密性3情報 |\n',
      expected: [],
    },
    {
      name: 'English: a service that is not registered under ISMAP-LIU, and a pronoun subject',
      uri: 'file:///note.md',
      text: '# Note\n\nThe survey tool is not registered under ISMAP-LIU and stores Confidentiality class-3 information.\n\nIt is registered under ISMAP-LIU.\n',
      expected: [],
    },
    {
      name: 'a question asks and asserts nothing, and a quiz option is not the document\'s claim',
      text: `${SPEC}## 理解度テスト\n\n問1 ISMAP-LIU登録のSaaSであるLINE WORKSで、職員の健康診断結果（要配慮個人情報）を扱ってよいか。\n\n問2 次のうち、ISMAP-LIUの対象として適切なものはどれか。\n\n- (ア) 機密性3情報の保存\n- (イ) 会議日程の共有\n`,
      expected: [],
    },
    {
      name: 'an ISMAP-LIU service for low-impact 機密性2 information',
      text: `${SPEC}会議室予約には、ISMAP-LIU登録のSaaSであるLINE WORKSを利用し、機密性2情報のうち会議日程等の重要度が低い情報のみを扱う。\n`,
      expected: [],
    },
    {
      name: 'a negated or excluding statement',
      text: `${SPEC}ISMAP-LIU登録のSaaSでは、機密性3情報及び要配慮個人情報を扱わない。\nISMAP-LIU登録のLINE WORKSには、要配慮個人情報を保存しないこと。\n`,
      expected: [],
    },
    {
      name: 'an explanation of the ISMAP-LIU scope',
      text: `${SPEC}ISMAP-LIUは、機密性2情報の中でも比較的重要度が低い情報を扱うSaaSを対象とし、機密性3情報は対象外である。\n`,
      expected: [],
    },
    {
      name: 'a contrast with full ISMAP',
      text: `${SPEC}ISMAP-LIUと異なり、ISMAPに登録されたAWSでは機密性3情報も扱う。\n`,
      expected: [],
    },
    {
      name: 'the information given to another service in the same sentence',
      text: `${SPEC}チャットにはISMAP-LIU登録のLINE WORKSを利用し、要配慮個人情報はAWSに保存する。\n`,
      expected: [],
    },
    {
      name: 'a document calling a service ISMAP-LIU that the list holds under full ISMAP',
      text: `${SPEC}AWS（ISMAP-LIU登録）に機密性3情報を保存する。\n`,
      expected: [],
    },
    {
      name: 'a bad example',
      text: `${SPEC}NG例:\n\n- ISMAP-LIU登録のSaaSであるLINE WORKSに機密性3情報を保存する。\n\n本システムでは上記のような構成をとらない。\n`,
      expected: [],
    },
    {
      name: 'a README sentence showing an example',
      uri: 'file:///README.md',
      text: `${README}ISMAP-LIU登録のSaaSに機密性3情報を保存する例を示す。\n`,
      expected: [],
    },
    {
      name: 'the next sentence keeps the information elsewhere, or does not give it',
      uri: 'file:///memo.md',
      text:
        '# メモ\n\nサンプルノートは ISMAP-LIU に登録されている。予約の情報をサンプルノートで扱う。機密性3情報は庁内サーバに保存する。\n\n' +
        'サンプルノートに予約を登録する。要配慮個人情報は取り扱わない。\n',
      expected: [],
    },
    {
      name: 'a grade in another paragraph, or after a sentence naming another service',
      uri: 'file:///memo.md',
      text:
        '# メモ\n\nサンプルノートは ISMAP-LIU に登録されている。予約はサンプルノートで受け付ける。\n\n相談記録は機密性3情報として格付する。\n\n' +
        'ISMAP-LIU登録のSaaSであるLINE WORKSを連絡に使い、記録はAWSに保存する。記録は機密性3情報とする。\n',
      expected: [],
    },
    {
      name: 'a list: the nearest earlier item names another service; an item under a rejected ISMAP-LIU service',
      text:
        `${SPEC}- チャットには、ISMAP-LIU登録のSaaSであるLINE WORKSを利用する。\n- 相談記録はAWSに保存する。\n- 相談記録は機密性3情報とする。\n\n` +
        '- Webex は ISMAP-LIU 登録のSaaSであるため採用しない。\n  - 幹部会議の資料は機密性3情報とする。\n',
      expected: [],
    },
    {
      name: 'an explanation of ISMAP-LIU followed by a statement of its scope',
      uri: 'file:///memo.md',
      text: '# メモ\n\n当社サービスは ISMAP-LIU に登録されています。ISMAP-LIU は影響の小さい業務に用いるSaaSを対象とし、機密性3情報は対象外です。\n',
      expected: [],
    },
  ];

  runTable(ismapLiuScopeRule, invalid, valid);
});

// ---------------------------------------------------------------------------------------------------------
// ismap/renewal-period

function renewal(surface: string, years: number): Bilingual {
  return {
    ja: `ISMAP登録の有効期限: 「${surface}」で更新する制度ではなく、登録は監査対象期間の末日の翌日から1年4か月後まで有効です`,
    en: `ISMAP registration is not for a fixed ${years} ${years === 1 ? 'year' : 'years'}: it is valid until 1 year 4 months after the audited period ends.`,
  };
}

describe('rule ismap/renewal-period', () => {
  it('has the catalogue metadata', () => {
    assert.equal(ismapRenewalPeriodRule.id, 'ismap/renewal-period');
    assert.equal(ismapRenewalPeriodRule.defaultSeverity, 'warning');
    assert.equal(ismapRenewalPeriodRule.procurementOnly, false);
  });

  const invalid: Case[] = [
    {
      name: 'a period in parentheses after the validity noun, or the noun in parentheses, in nested checklist items',
      uri: 'file:///checklist.md',
      text:
        '# 点検表\n\n- [ ] クラウドサービスの確認\n  - [ ] ISMAP登録の有効期間（登録日から3年間）を確認する\n' +
        '  - [x] ISMAP登録（有効期間3年）の期限を台帳に記入\n    - [ ] ISMAPの有効期限(登録から5年)を確認\n',
      expected: [
        { text: '3年間', message: renewal('3年間', 3) },
        { text: '3年', occurrence: 1, message: renewal('3年', 3) },
        { text: '5年', message: renewal('5年', 5) },
      ],
    },
    {
      name: 'English: renewed every three years, valid for 3 years, a validity period of 2 years',
      uri: 'file:///primer.md',
      text:
        '# Japan security primer\n\nISMAP registration is renewed every three years.\n\n' +
        '- ISMAP listings are valid for 3 years.\n- The ISMAP registration validity period is 2 years.\n' +
        'ISMAP registration must be renewed every 5 years, so it is not due yet.\n',
      expected: [
        { text: 'every three years', message: renewal('every three years', 3) },
        { text: '3 years', message: renewal('3 years', 3) },
        { text: '2 years', message: renewal('2 years', 2) },
        { text: 'every 5 years', message: renewal('every 5 years', 5) },
      ],
    },
    {
      name: 'a blockquote followed by agreement, and a quotation followed by a sentence that refutes something else',
      uri: 'file:///notes.md',
      text: '# メモ\n\n> ISMAPの登録は3年ごとに更新する必要がある。\n\n上記のとおり運用する。\n\n「ISMAPの登録の有効期間は3年。」と定めた。旧資料の誤記は別途直す。\n',
      expected: [
        { text: '3年ごと', message: renewal('3年ごと', 3) },
        { text: '3年', occurrence: 1, message: renewal('3年', 3) },
      ],
    },
    {
      name: 'a sentence about ISMAP soft-wrapped across lines (one sentence of a paragraph)',
      text: `${SPEC}ISMAPの登録は、\n3年ごとに更新される。\n`,
      expected: [{ text: '3年ごと', message: renewal('3年ごと', 3) }],
    },
    {
      name: 'an IT-BCP of a ministry (not a procurement document): 「ISMAPの登録は3年間有効」',
      uri: 'file:///bcp.md',
      text: '# 情報システム業務継続計画\n\n〇〇省 情報システム統括室\n\n- 利用するクラウドサービスは、ISMAPに登録されたものに限る。ISMAPの登録は3年間有効であるため、契約更新時に確認する。\n',
      expected: [{ text: '3年間', message: renewal('3年間', 3) }],
    },
    {
      name: '「ISMAPの登録は3年ごとに更新」',
      text: `${SPEC}## 6. セキュリティ要件\n\n受注者は、ISMAPの登録は3年ごとに更新されることに留意し、更新状況を確認する。\n`,
      expected: [
        {
          text: '3年ごと',
          message: renewal('3年ごと', 3),
        },
      ],
    },
    {
      name: '「ＩＳＭＡＰ登録の有効期間は３年」 in full-width',
      text: `${SPEC}ＩＳＭＡＰ登録の有効期間は３年であるため、契約期間中に失効しないことを確認する。\n`,
      expected: [{ text: '３年', message: renewal('３年', 3) }],
    },
    {
      name: 'kanji numerals, 「毎」, and a validity stated after the period (3年間有効)',
      text: `${SPEC}ISMAP登録は、原則として三年毎に更新すること。\nISMAPクラウドサービスリストへの登録は3年間有効である。\n`,
      expected: [
        { text: '三年毎', message: renewal('三年毎', 3) },
        { text: '3年間', message: renewal('3年間', 3) },
      ],
    },
    {
      name: 'ISMAP named after another certification in the same sentence',
      text: `${SPEC}ISMS認証と同様に、ISMAPの登録も5年ごとに更新する。\n`,
      expected: [{ text: '5年ごと', message: renewal('5年ごと', 5) }],
    },
    {
      name: 'list items and a table row under an ISMAP heading (the context on an earlier line)',
      text: `${SPEC}## 7. ISMAP登録の更新\n\n- 登録の有効期間: 3年\n- 3年ごとに更新する。\n\n| 項目 | 内容 |\n|---|---|\n| 更新 | 2年ごと |\n`,
      expected: [
        { text: '3年', message: renewal('3年', 3) },
        { text: '3年ごと', message: renewal('3年ごと', 3) },
        { text: '2年ごと', message: renewal('2年ごと', 2) },
      ],
    },
    {
      name: 'YAML: ismap.renewal and ismap.validity',
      uri: 'file:///profile.yaml',
      text: 'system:\n  name: 職員ポータル\nismap:\n  renewal: 3年ごと\n  validity: 3年\n  audit_period: 1年\nisms:\n  renewal: 3年\n',
      expected: [
        { text: '3年ごと', message: renewal('3年ごと', 3) },
        { text: '3年', occurrence: 1, message: renewal('3年', 3) },
      ],
    },
    {
      name: 'an answer cell read with its row and header: the period\'s own cell does not name ISMAP',
      text:
        `${SPEC}| 確認事項 | 回答 |\n| --- | --- |\n| ISMAP登録の有効期間 | 3年間 |\n| ISMAP登録 | 登録日から3年ごとに更新 |\n` +
        '| ISMAPの登録期間はどのくらいですか | 登録日から3年間です |\n\n| 区分 | ISMAP登録の有効期間 |\n| --- | --- |\n| 本サービス | 5年 |\n',
      expected: [
        { text: '3年間', message: renewal('3年間', 3) },
        { text: '3年ごと', message: renewal('3年ごと', 3) },
        { text: '3年間', occurrence: 1, message: renewal('3年間', 3) },
        { text: '5年', message: renewal('5年', 5) },
      ],
    },
    {
      name: 'an ISMAP column read with its row label, a bracketed label and a renewal frequency',
      text:
        `${SPEC}| 項目 | ISMAP | ISMS |\n| --- | --- | --- |\n| 有効期間 | 3年 | 3年 |\n| 監査 | 毎年 | 毎年 |\n\n` +
        '| 項目 | 内容 |\n| --- | --- |\n| ISMAP（登録の有効期間） | 2年 |\n| ISMAP登録の更新頻度 | 4年ごと |\n',
      expected: [
        { text: '3年', message: renewal('3年', 3) },
        { text: '2年', message: renewal('2年', 2) },
        { text: '4年ごと', message: renewal('4年ごと', 4) },
      ],
    },
  ];

  const valid: Case[] = [
    {
      name: 'parenthesised periods that are right or belong to another scheme or a contract',
      uri: 'file:///checklist.md',
      text:
        '# 点検表\n\n- [ ] ISMAP登録の有効期間（1年4か月）を確認する\n  - [ ] ISMS認証の有効期間（3年間）を確認する\n' +
        '  - [ ] ISMAP登録サービスの契約期間（3年間）を確認する\n',
      expected: [],
    },
    {
      name: 'a table row naming ISMAP in a requirement cell, or another scheme, beside a period that is not ISMAP\'s',
      text:
        `${SPEC}| 要件 | 回答 |\n| --- | --- |\n| ISMAP登録サービスを利用すること | 3年間の保守契約を含む |\n| ISMAP登録の有効期間 | 1年4か月 |\n` +
        '| ISMS認証の有効期間 | 3年間 |\n| ISMAP登録 | 取得済み（3年前に登録） |\n| ISMAP登録 | 2024年3月に登録 |\n',
      expected: [],
    },
    {
      name: 'the correct rule: 1年4か月 / 1年4ヶ月 / 16か月 after the audit period',
      text:
        `${SPEC}ISMAPの登録は、監査対象期間の末日の翌日から1年4か月以内に更新を申請する必要がある。\n` +
        'ISMAP登録の有効期間は１年４ヶ月である。\n' +
        'ISMAP登録の有効期間は監査対象期間の末日の翌日から16か月である。\n' +
        'ISMAPの監査対象期間は最長1年である。\n',
      expected: [],
    },
    {
      name: 'three years for ISO/IEC 27001 / 27017 / ISMS certification',
      text:
        `${SPEC}ISO/IEC 27001認証の有効期間は3年である。\n` +
        'ISO/IEC 27017の認証は3年ごとに更新審査を受ける。\n' +
        'ISMAPの登録要件として、ISMS認証（3年ごとに更新）を取得していること。\n',
      expected: [],
    },
    {
      name: 'other periods near ISMAP: contracts, licences, dates, a yearly cycle, ISMAP-LIU',
      text:
        `${SPEC}ISMAP登録サービスの保守契約は3年ごとに更新する。\n` +
        'ISMAPに登録されたサービスを利用し、契約期間は3年とする。\n' +
        '2026年度にISMAPへ登録されたサービスから選定する。\n' +
        'ISMAPの登録は毎年更新する。ISMAPの登録は1年ごとに更新する。\n' +
        'ISMAP-LIUの登録は3年ごとに更新される。\n',
      expected: [],
    },
    {
      name: 'a period under an ISMAP heading that is about something else',
      text: `${SPEC}## 7. ISMAP登録サービスの利用\n\n- ライセンスは3年ごとに更新する。\n- 端末は5年ごとに更新する。\n`,
      expected: [],
    },
    {
      name: 'code, a bad example and a comment',
      text: `${SPEC}\`ISMAPの登録は3年ごとに更新\`\n\n誤り例:\n\n> ISMAPの登録は3年ごとに更新される。\n\n<!-- ISMAP登録の有効期間は3年 -->\n`,
      expected: [],
    },
    {
      name: 'a README presenting the period as a misconception, and a statement that it is wrong',
      uri: 'file:///README.md',
      text: `${README}ISMAPの登録は3年ごとに更新される、という誤解がよくあります。\nISMAPの登録は3年間有効ではありません。\n`,
      expected: [],
    },
    {
      name: 'a misconception quoted (a blockquote, 「…」) and refuted right after it',
      uri: 'file:///faq.md',
      text:
        '# よくある誤解\n\n> ISMAPの登録は3年ごとに更新する必要がある。\n\nこれは誤りです。登録は監査対象期間の末日の翌日から1年4か月後まで有効です。\n\n' +
        '「ISMAPの登録の有効期間は3年。」これは誤解です。\n',
      expected: [],
    },
    {
      name: 'English: the correct period, a yearly audit, other schemes, contracts and a myth',
      uri: 'file:///primer.md',
      text:
        '# Japan security primer\n\nISMAP registration is valid for 1 year and 4 months after the audited period ends.\n' +
        'ISMAP registration is renewed every year.\nISO/IEC 27001 certification is valid for 3 years.\n' +
        'ISMAP requires ISMS certification, renewed every three years.\n' +
        'We use an ISMAP-registered service under a contract of 3 years.\n' +
        'ISMAP-LIU registration is valid for 2 years.\n' +
        'It is a myth that ISMAP registration is renewed every three years.\n' +
        "ISMAP registration is not valid for 3 years, and it isn't renewed every two years either.\n",
      expected: [],
    },
  ];

  runTable(ismapRenewalPeriodRule, invalid, valid);
});
