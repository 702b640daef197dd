import type { Bilingual } from '../../server/src/language';
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { govCloudOverseasRegionRule } from '../../server/src/rules/govcloud/overseasRegion';
import { govCloudUnsupportedProviderRule } from '../../server/src/rules/govcloud/unsupportedProvider';
import type { Rule } from '../../server/src/rules/rule';
import { bundledKnowledge, offsetOf } from '../helpers';

interface Expected {
  readonly rule: string;
  /** The exact offending text; `occurrence` picks among repeats. */
  readonly text: string;
  readonly occurrence?: number;
  readonly replacement?: string;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly uri?: string;
  readonly expected: readonly Expected[];
}

function findingsOf(rules: readonly Rule[], text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, bundledKnowledge(), { rules }).findings;
}

const SPEC = '---\ndoctype: gov-procurement-spec\ntitle: 電子申請システム構築業務 調達仕様書\n---\n';

// ---------------------------------------------------------------------------------------------------------
// govcloud/unsupported-provider
// ---------------------------------------------------------------------------------------------------------

function providerMessage(who: string, whoEn: string): Bilingual {
  return {
    ja: `ガバメントクラウド外の基盤: ${who}はカタログのガバメントクラウド5サービスにありません`,
    en: `${whoEn} is not one of the 5 Government Cloud services in the service catalogue.`,
  };
}

/** How the message names the service: as written, with the catalogue name when it differs. */
const PROVIDER_WHO: Record<string, [string, string]> = {
  'IBM Cloud': ['「IBM Cloud」', '"IBM Cloud"'],
  'Alibaba Cloud': ['「Alibaba Cloud」', '"Alibaba Cloud"'],
  DigitalOcean: ['「DigitalOcean」', '"DigitalOcean"'],
  Heroku: ['「Heroku」', '"Heroku"'],
  'ＩＢＭ Ｃｌｏｕｄ': ['「ＩＢＭ Ｃｌｏｕｄ」（IBM Cloud）', '"ＩＢＭ Ｃｌｏｕｄ" (IBM Cloud)'],
  'FJcloud-V': ['「FJcloud-V」', '"FJcloud-V"'],
  Vercel: ['「Vercel」', '"Vercel"'],
  Netlify: ['「Netlify」', '"Netlify"'],
};

const providerInvalid: Case[] = [
  {
    name: 'a platform statement on a later line than the ガバメントクラウド statement',
    text: `${SPEC}# 1. 基盤\n\n本システムはガバメントクラウド上に構築する。\n\nクラウド基盤は IBM Cloud を採用する。\n`,
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'IBM Cloud' }],
  },
  {
    name: 'the provider named with ガバメントクラウド in one sentence',
    text: `${SPEC}本システムはガバメントクラウド（IBM Cloud）上に構築する。\n`,
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'IBM Cloud' }],
  },
  {
    name: 'a YAML system profile: platform ガバメントクラウド, cloud.provider Alibaba Cloud (reported once, on provider)',
    uri: 'file:///profiles/juki.yaml',
    text:
      '# 住民記録システム システムプロファイル\n' +
      'system:\n  name: 住民記録システム\n  sector: 地方公共団体\n  platform: ガバメントクラウド\n' +
      'cloud:\n  provider: Alibaba Cloud\n  service: Alibaba Cloud ECS\n  region: ap-northeast-1\n' +
      'classification:\n  confidentiality: 機密性2\n',
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'Alibaba Cloud' }],
  },
  {
    name: 'a sentence broken across lines',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\nクラウド基盤には\nDigitalOcean を採用する。\n`,
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'DigitalOcean' }],
  },
  {
    name: 'a table row naming the platform',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\n| 項目 | 内容 |\n|---|---|\n| クラウド基盤 | Heroku |\n`,
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'Heroku' }],
  },
  {
    name: 'a full-width spelling',
    text: `${SPEC}本システムはガバメントクラウド上に構築し、基盤は ＩＢＭ Ｃｌｏｕｄ とする。\n`,
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'ＩＢＭ Ｃｌｏｕｄ' }],
  },
  {
    name: 'the ガバメントクラウド statement in the front matter (platform key)',
    text: '---\ndoctype: gov-procurement-spec\nplatform: ガバメントクラウド\n---\n# 基盤\n\nクラウドサービスは Heroku を利用する。\n',
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'Heroku' }],
  },
  {
    name: 'a 市 plan without front matter: 「Xで稼働させる」, the current vendor named in another clause',
    uri: 'file:///plan.md',
    text: '# 基幹業務システム移行計画\n\n本市は基幹業務システムをガバメントクラウド上で稼働させる。\n\n- 滞納整理システムは、現行ベンダの提案により、ガバメントクラウド上の FJcloud-V で稼働させる。\n',
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'FJcloud-V' }],
  },
  {
    name: 'an English README: built on the Government Cloud, runs on Vercel',
    uri: 'file:///README.md',
    text: '# permit-portal\n\nThe service is built on the Government Cloud for a prefecture. The web front end runs on Vercel.\n',
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'Vercel' }],
  },
  {
    name: 'an English README naming ガバメントクラウド in Japanese, deployed to Netlify',
    uri: 'file:///README.md',
    text: '# shisetsu-yoyaku\n\nThis system is hosted on ガバメントクラウド (AWS). The booking pages are deployed to Netlify.\n',
    expected: [{ rule: 'govcloud/unsupported-provider', text: 'Netlify' }],
  },
  {
    name: 'a site served from the service: 「…で配信し」「…で配信する」「…でホスティングする」',
    text:
      `${SPEC}本システムはガバメントクラウド上に構築する。\n\n住民向けの案内ページは Netlify で配信し、申請データは AWS に保存する。\n\n` +
      '職員向けマニュアルは Vercel で配信する。\n\nよくある質問のページは Render でホスティングする。\n',
    expected: [
      { rule: 'govcloud/unsupported-provider', text: 'Netlify' },
      { rule: 'govcloud/unsupported-provider', text: 'Vercel' },
    ],
  },
  {
    name: 'an English README: pages served from one service, a handbook hosted by another',
    uri: 'file:///README.md',
    text: '# kosodate-portal\n\nIt runs on the Government Cloud (AWS).\n\nThe public pages are served from Netlify. The staff handbook is hosted by Vercel.\n',
    expected: [
      { rule: 'govcloud/unsupported-provider', text: 'Netlify' },
      { rule: 'govcloud/unsupported-provider', text: 'Vercel' },
    ],
  },
  {
    name: 'a purpose that names the platform or the site (「基盤には」「公開サイトの配信には」) is still the platform',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\n本システムの基盤には Heroku を利用する。\n\n公開サイトの配信には Netlify を利用する。\n`,
    expected: [
      { rule: 'govcloud/unsupported-provider', text: 'Heroku' },
      { rule: 'govcloud/unsupported-provider', text: 'Netlify' },
    ],
  },
];

const providerValid: Case[] = [
  {
    name: 'a service used for one function of a system on ガバメントクラウド (全文検索機能には, として, 配信は…で行い, English "search uses")',
    text:
      `${SPEC}本システムはガバメントクラウド上に構築する。\n\n全文検索機能には Elastic Cloud を利用し、検索結果をガバメントクラウド上の画面で表示する。\n\n` +
      '検索エンジンとして Elastic Cloud を利用し、本システムはガバメントクラウドで稼働させる。\n\n' +
      '通知メールの配信は Netlify で行い、本システムはガバメントクラウドで稼働する。\n\n' +
      'Full-text search uses Elastic Cloud, and the system is deployed on the Government Cloud.\n\n' +
      'Elastic Cloud is used for full-text search; the system is deployed on the Government Cloud.\n\n' +
      '検索機能は Elastic Cloud を利用し、本システムはガバメントクラウド上で稼働させる。\n\n' +
      'Elastic Cloud による全文検索を提供し、本システムはガバメントクラウド上で稼働させる。\n',
    expected: [],
  },
  {
    name: 'a site served from a service in the past, or as a rejected option',
    text:
      `${SPEC}本システムはガバメントクラウド上に構築する。\n\n旧サイトは Netlify で配信していた。\n\n` +
      'Vercel で配信する案は比較の結果不採用とした。\n',
    expected: [],
  },
  {
    name: 'AWS, Google Cloud, Microsoft Azure and Oracle Cloud Infrastructure',
    text:
      `${SPEC}本システムはガバメントクラウド上に構築する。\n\n` +
      '基盤は Amazon Web Services とし、分析は Google Cloud で稼働する。\n' +
      'DR環境は Microsoft Azure 上に構築し、帳票は Oracle Cloud Infrastructure を利用して構築する。\n',
    expected: [],
  },
  {
    name: 'さくらのクラウド (conditional selection, medium confidence: not a finding)',
    text: `${SPEC}本システムはガバメントクラウド上に構築し、さくらのクラウドを利用する。\n`,
    expected: [],
  },
  {
    name: 'さくらのクラウド in a YAML system profile',
    uri: 'file:///profiles/sakura.yaml',
    text: 'system:\n  name: 住民記録システム\n  platform: ガバメントクラウド\ncloud:\n  provider: さくらのクラウド\n  region: tk1a\n',
    expected: [],
  },
  {
    name: 'a service of a ガバメントクラウド provider company (Firebase is Google\'s)',
    text: `${SPEC}本システムはガバメントクラウド上に構築し、Firebase を利用する。\n`,
    expected: [],
  },
  {
    name: 'a rejected candidate in a comparison',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\n基盤の候補として IBM Cloud と AWS を比較した。\n`,
    expected: [],
  },
  {
    name: 'candidates listed under a candidates key',
    uri: 'file:///profiles/candidates.yaml',
    text: 'system:\n  platform: ガバメントクラウド\ncloud:\n  provider: AWS\n  candidates:\n    - IBM Cloud\n    - Alibaba Cloud\n',
    expected: [],
  },
  {
    name: 'the platform the system migrates from',
    text:
      `${SPEC}本システムは現在 IBM Cloud 上で稼働しており、ガバメントクラウドへ移行する。\n` +
      'データは DigitalOcean からガバメントクラウドへ移行する。\n',
    expected: [],
  },
  {
    name: 'a SaaS used next to the system',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。職員間の連絡には Slack を利用する。\n`,
    expected: [],
  },
  {
    name: 'a linked external system on another cloud',
    text: `${SPEC}本システムはガバメントクラウド上に構築し、Heroku 上の問い合わせシステムと連携する。\n`,
    expected: [],
  },
  {
    name: 'a system not said to run on ガバメントクラウド',
    text: `${SPEC}本システムは IBM Cloud 上に構築する。\n`,
    expected: [],
  },
  {
    name: 'code blocks and inline code',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\n\`\`\`yaml\nprovider: IBM Cloud\n\`\`\`\n\n\`IBM Cloud\` 上に構築する構成例は採らない。\n`,
    expected: [],
  },
  {
    name: 'a quoted bad example',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\n悪い例:\n\n> 基盤として IBM Cloud を採用する。\n`,
    expected: [],
  },
  {
    name: 'a document that is not a procurement document',
    text: '# 技術メモ\n\nガバメントクラウドとの比較で IBM Cloud も見た。\n',
    expected: [],
  },
  {
    name: 'English: the platform the system moves away from, and one named instead of',
    uri: 'file:///README.md',
    text: '# permit-portal\n\nThe service is built on the Government Cloud. We are migrating from Heroku, and the front end runs on AWS instead of Vercel.\n',
    expected: [],
  },
  {
    name: 'the current platform in its own clause (現行システムは…で稼働しており)',
    text: `${SPEC}現行システムは IBM Cloud 上で稼働しており、令和9年度にガバメントクラウドへ移行する。\n\n本システムはガバメントクラウド上に構築する。\n`,
    expected: [],
  },
];

// ---------------------------------------------------------------------------------------------------------
// govcloud/overseas-region
// ---------------------------------------------------------------------------------------------------------

function regionMessage(surface: string, other: string, location: string): Bilingual {
  return {
    ja: `国外リージョン: 「${surface}」（${other}）は国外のリージョンで、国内のリージョンに置くのが原則です`,
    en: `"${surface}" (${other}) is in ${location}, outside Japan; government data is kept in a region in Japan as a rule.`,
  };
}

/** surface → [the other form (name or id), location] */
const REGION_DETAILS: Record<string, [string, string]> = {
  'us-east-1': ['US East (N. Virginia)', 'Northern Virginia, US'],
  'ｕｓ－ｅａｓｔ－１': ['US East (N. Virginia)', 'Northern Virginia, US'],
  'eu-west-1': ['Europe (Ireland)', 'Ireland'],
  'us-west-2': ['US West (Oregon)', 'Oregon, US'],
  'US East (N. Virginia)': ['us-east-1', 'Northern Virginia, US'],
  'West US': ['westus', 'California, US'],
  'Southeast Asia': ['southeastasia', 'Singapore'],
  westus: ['West US', 'California, US'],
  'asia-southeast1': ['asia-southeast1 (Singapore)', 'Jurong West, Singapore'],
  'us-ashburn-1': ['US East (Ashburn)', 'Ashburn, Virginia, US'],
};

const ON_AWS = `${SPEC}# 電子申請システム 調達仕様書\n\n本システムはガバメントクラウド上に構築し、Amazon Web Services を利用する。\n\n`;

const regionInvalid: Case[] = [
  {
    name: 'us-east-1 for the data, the ガバメントクラウド statement on an earlier line',
    text: `${ON_AWS}## 3. データの保存\n\n業務データはすべて us-east-1 リージョンに保存する。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-east-1', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'eu-west-1 as the archive',
    text: `${ON_AWS}ログのアーカイブ先は eu-west-1 とする。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'eu-west-1', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'an AWS region written by its name (fix keeps the name style)',
    text: `${ON_AWS}バックアップは US East (N. Virginia) に置く。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'US East (N. Virginia)', replacement: 'Asia Pacific (Tokyo)' }],
  },
  {
    name: 'Azure West US and Southeast Asia (names) and westus (id)',
    text:
      `${SPEC}本システムはガバメントクラウド上に構築し、Microsoft Azure を利用する。\n\n` +
      'バックアップは West US に置き、DRサイトは Southeast Asia とする。\n\n| 用途 | リージョン |\n|---|---|\n| 検証 | westus |\n',
    expected: [
      { rule: 'govcloud/overseas-region', text: 'West US', replacement: 'Japan East' },
      { rule: 'govcloud/overseas-region', text: 'Southeast Asia', replacement: 'Japan East' },
      { rule: 'govcloud/overseas-region', text: 'westus', replacement: 'japaneast' },
    ],
  },
  {
    name: 'Google Cloud asia-southeast1',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\n分析基盤は Google Cloud の asia-southeast1 で稼働させる。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'asia-southeast1', replacement: 'asia-northeast1' }],
  },
  {
    name: 'Oracle Cloud Infrastructure us-ashburn-1',
    text: `${SPEC}本システムはガバメントクラウド上に構築する。\n\nバックアップの退避先は us-ashburn-1 とする。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-ashburn-1', replacement: 'ap-tokyo-1' }],
  },
  {
    name: 'full-width region id',
    text: `${ON_AWS}バックアップは ｕｓ－ｅａｓｔ－１ に置く。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'ｕｓ－ｅａｓｔ－１', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'a sentence broken across lines',
    text: `${ON_AWS}バックアップデータの保存先リージョンは\nus-west-2 とする。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-west-2', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'a YAML system profile with a DR region abroad',
    uri: 'file:///profiles/shinsei.yaml',
    text:
      'system:\n  name: 電子申請システム\n  sector: national\n  platform: ガバメントクラウド\n' +
      'cloud:\n  provider: AWS\n  service: Amazon EC2\n  region: ap-northeast-1\n  dr_region: us-west-2\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-west-2', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'the ガバメントクラウド statement in the front matter',
    text: '---\ndoctype: gov-procurement-spec\nplatform: ガバメントクラウド\n---\n# 非機能要件\n\nDRは us-west-2 とする。\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-west-2', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'a heading over the region table names ガバメントクラウド as the platform; a table under another section is not read so',
    text: '# 設計書\n\n## 3. ガバメントクラウド環境の構成\n\n| 環境 | リージョン |\n| --- | --- |\n| 本番 | ap-northeast-1 |\n| 分析 | us-east-1 |\n\n## 4. 参考: 他社事例\n\n| 社 | リージョン |\n| --- | --- |\n| A社 | us-west-2 |\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-east-1', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'platform: ガバメントクラウド in the front matter of a document that is not a procurement document',
    text: '---\ntitle: DR訓練メモ\nplatform: ガバメントクラウド\n---\n# DR訓練\n\n切替先は us-west-2 とした構成で訓練する。\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-west-2', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'an ISMAP statement elsewhere does not hide a placement',
    text: `${ON_AWS}利用するサービスはISMAPクラウドサービスリストに登録されていること。\nバックアップは us-east-1 に置く。\n`,
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-east-1', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'a list item naming a region abroad, ガバメントクラウド named as the platform in a sibling item (no statement verb)',
    text: '# 基盤構成\n\n本システムの基盤は以下のとおり。\n\n- 基盤: ガバメントクラウド（AWS）\n- 本番: ap-northeast-1\n- バックアップ先: us-east-1\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-east-1', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'an English README: "Platform: Government Cloud" in its overview, the region table in a later section',
    text: '# permit-portal\n\n## Overview\n\n- Owner: the prefecture\n- Platform: Government Cloud (AWS)\n\n## Environments\n\n| Environment | Region |\n| --- | --- |\n| Production | ap-northeast-1 |\n| Analytics | us-east-1 |\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-east-1', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'an English README: a region table introduced by "deployed on the Government Cloud"',
    text: '# portal-infra\n\nThe portal is deployed on the Government Cloud (AWS) in the following regions:\n\n| Environment | Region |\n| --- | --- |\n| Production | ap-northeast-1 |\n| DR | us-west-2 |\n',
    expected: [{ rule: 'govcloud/overseas-region', text: 'us-west-2', replacement: 'ap-northeast-1' }],
  },
  {
    name: 'an English paragraph: the platform in one sentence, the region in the next; a list introduced by 「ガバメントクラウドの利用環境」',
    text: '# notes\n\nWe run on Japan\'s Government Cloud. Logs go to eu-west-1.\n\nガバメントクラウドの利用環境は次のとおり。\n\n- 本番: ap-northeast-1\n- 分析: us-east-1\n',
    expected: [
      { rule: 'govcloud/overseas-region', text: 'eu-west-1', replacement: 'ap-northeast-1' },
      { rule: 'govcloud/overseas-region', text: 'us-east-1', replacement: 'ap-northeast-1' },
    ],
  },
];

const regionValid: Case[] = [
  {
    name: "a certificate's region in a city's workflow (CloudFront's certificate is issued in us-east-1; no data there)",
    text: '# さくら市 住民ポータル デプロイワークフロー（ガバメントクラウド）\nenv:\n  AWS_REGION: ap-northeast-1\n  ACM_CERT_REGION: us-east-1\n  cdn:\n    certificate_region: us-east-1\n',
    uri: 'file:///deploy.yaml',
    expected: [],
  },
  {
    name: 'an English wiki on the Government Cloud that forbids a US region',
    uri: 'file:///wiki.md',
    text:
      '# Regions\n\nFor Government Cloud systems we deploy to ap-northeast-1 on AWS. ' +
      'Regions such as us-west-2 must not be used, and eu-west-1 is never chosen for backups.\n',
    expected: [],
  },
  {
    name: 'the Japanese regions of each provider',
    text:
      `${ON_AWS}本番は ap-northeast-1、DRは ap-northeast-3 とする。\n` +
      'Microsoft Azure の場合は Japan East / Japan West、Google Cloud は asia-northeast1 / asia-northeast2、' +
      'Oracle Cloud Infrastructure は ap-tokyo-1 / ap-osaka-1 とする。\n' +
      'さくらのクラウドは東京第1ゾーンと石狩第2ゾーンを使う。\n',
    expected: [],
  },
  {
    name: 'a region named only in a statement about ISMAP coverage',
    text:
      `${ON_AWS}Amazon Web Services のISMAPの言明対象範囲には us-east-1 も含まれる。\n` +
      'Microsoft Azure のISMAP登録の対象範囲は Japan East、Japan West、West US などである。\n',
    expected: [],
  },
  {
    name: 'a region under an ISMAP key in YAML',
    uri: 'file:///profiles/azure.yaml',
    text: 'system:\n  platform: ガバメントクラウド\ncloud:\n  provider: Microsoft Azure\n  region: japaneast\n  ismap_scope_regions: [japaneast, westus]\n',
    expected: [],
  },
  {
    name: 'overseas regions excluded or forbidden',
    text:
      `${ON_AWS}データは国内リージョンに保存し、us-east-1 等の海外リージョンは使用しないこと。\n` +
      '海外リージョン（eu-west-1、ap-southeast-1 等）への複製は禁止する。\n' +
      'DRは us-west-2 ではなく ap-northeast-3 とする。\n',
    expected: [],
  },
  {
    name: 'a prohibition broken across lines',
    text: `${ON_AWS}海外リージョン（us-east-1、eu-west-1 等）は\n使用しない。\n`,
    expected: [],
  },
  {
    name: 'the current environment the data is migrated from',
    text: `${ON_AWS}現行システムの us-east-1 環境から ap-northeast-1 へ移行する。\nデータは eu-west-1 から ap-northeast-1 へ移行する。\n`,
    expected: [],
  },
  {
    name: 'a document not on ガバメントクラウド',
    text: `${SPEC}本システムは民間クラウド上で運用し、バックアップは us-east-1 に置く。\n`,
    expected: [],
  },
  {
    name: 'a YAML profile not on ガバメントクラウド',
    uri: 'file:///profiles/onprem.yaml',
    text: 'system:\n  platform: オンプレミス\ncloud:\n  provider: AWS\n  region: us-east-1\n',
    expected: [],
  },
  {
    name: 'code blocks and inline code',
    text: `${ON_AWS}\`\`\`bash\naws s3 cp backup.tar s3://bucket --region us-east-1\n\`\`\`\n\n\`us-east-1\` は設定例に限る。\n`,
    expected: [],
  },
  {
    name: 'a list marked as a bad example',
    text: `${ON_AWS}NG例:\n\n- バックアップは us-east-1 に置く。\n- ログは eu-west-1 に転送する。\n`,
    expected: [],
  },
  {
    name: 'a document that is not a procurement document',
    text: '# 技術メモ\n\nガバメントクラウドの話とは別に、us-east-1 は料金が安い。\n',
    expected: [],
  },
  {
    name: 'ガバメントクラウド named in the list only as a comparison, and an English sentence forbidding the region',
    text:
      '# 検討メモ\n\n構成案は次のとおり。\n\n- ガバメントクラウドとの比較は別紙\n- 検証環境: us-east-1\n\n' +
      '## Regions\n\nFor Government Cloud work we deploy to ap-northeast-1 only. Regions such as us-east-1 must not be used. ' +
      'The old staging stack was in us-west-2; it was deleted in 2024.\n',
    expected: [],
  },
];

function runCases(rule: Rule, cases: readonly Case[], message: (surface: string) => Bilingual): void {
  for (const testCase of cases) {
    it(testCase.name, () => {
      const actual = findingsOf([rule], testCase.text, testCase.uri).map((finding) => ({
        rule: finding.ruleId,
        severity: finding.severity,
        text: testCase.text.slice(finding.start, finding.end),
        start: finding.start,
        message: finding.message,
        replacement: finding.fix?.replacement,
      }));
      const expected = testCase.expected.map((item) => ({
        rule: item.rule,
        severity: rule.defaultSeverity,
        text: item.text,
        start: offsetOf(testCase.text, item.text, item.occurrence ?? 0),
        message: message(item.text),
        replacement: item.replacement,
      }));
      assert.deepEqual(actual, expected);
    });
  }
}

describe('rule govcloud/unsupported-provider', () => {
  const message = (surface: string) => providerMessage(...PROVIDER_WHO[surface]);

  it('reports the provider with its exact range, severity and message', () => {
    const text = `${SPEC}本システムはガバメントクラウド上に構築する。\n\nクラウド基盤は IBM Cloud を採用する。\n`;
    const [finding, ...rest] = findingsOf([govCloudUnsupportedProviderRule], text);
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'govcloud/unsupported-provider');
    assert.equal(finding.severity, 'error');
    assert.equal(text.slice(finding.start, finding.end), 'IBM Cloud');
    assert.deepEqual(finding.message, {
      ja: 'ガバメントクラウド外の基盤: 「IBM Cloud」はカタログのガバメントクラウド5サービスにありません',
      en: '"IBM Cloud" is not one of the 5 Government Cloud services in the service catalogue.',
    });
    assert.equal(finding.fix, undefined);
  });

  it('runs in every document: an error in a specification, a warning elsewhere', () => {
    assert.equal(govCloudUnsupportedProviderRule.procurementOnly, false);
    assert.equal(govCloudUnsupportedProviderRule.defaultSeverity, 'error');
  });

  it('reads a terse note whose label says the service hosts the system (本番環境: Render, Hosting:), not one that stores data', () => {
    const memo =
      '# 〇〇町 施設予約 設計メモ\n\n基盤はガバメントクラウド（AWS）とする。\n\n## メモ\n\n' +
      '申請データ置き場: Supabase（氏名・住所）\nファイル共有先：Dropbox\n本番環境: Render\n\n- Hosting: Heroku\n- 比較候補: Vultr\n' +
      '- DNSサーバ: Cloudflare Workers\n- ブログ: Netlify\n';
    const findings = findingsOf([govCloudUnsupportedProviderRule], memo, 'file:///design-memo.md');
    assert.deepEqual(
      findings.map((finding) => ({ severity: finding.severity, start: finding.start, end: finding.end, message: finding.message })),
      [
        { severity: 'warning', start: offsetOf(memo, 'Render'), end: offsetOf(memo, 'Render') + 'Render'.length, message: providerMessage('「Render」', '"Render"') },
        { severity: 'warning', start: offsetOf(memo, 'Heroku'), end: offsetOf(memo, 'Heroku') + 'Heroku'.length, message: providerMessage('「Heroku」', '"Heroku"') },
      ],
    );
  });

  describe('invalid', () => runCases(govCloudUnsupportedProviderRule, providerInvalid, message));
  describe('valid', () => runCases(govCloudUnsupportedProviderRule, providerValid, message));
});

describe('rule govcloud/overseas-region', () => {
  const message = (surface: string) => {
    const [other, location] = REGION_DETAILS[surface];
    return regionMessage(surface, other, location);
  };

  it('reports the region on its line, with the exact message in each language', () => {
    const text = `${ON_AWS}## 3. データの保存\n\n業務データはすべて us-east-1 リージョンに保存する。\n`;
    const [finding, ...rest] = findingsOf([govCloudOverseasRegionRule], text);
    assert.deepEqual(rest, []);
    assert.equal(finding.ruleId, 'govcloud/overseas-region');
    assert.equal(finding.severity, 'warning');
    assert.equal(finding.start, offsetOf(text, 'us-east-1'));
    assert.equal(finding.end, offsetOf(text, 'us-east-1') + 'us-east-1'.length);
    assert.deepEqual(finding.message, {
      ja: '国外リージョン: 「us-east-1」（US East (N. Virginia)）は国外のリージョンで、国内のリージョンに置くのが原則です',
      en: '"us-east-1" (US East (N. Virginia)) is in Northern Virginia, US, outside Japan; government data is kept in a region in Japan as a rule.',
    });
    assert.deepEqual(finding.fix, {
      title: { ja: '東京リージョン「ap-northeast-1」に置き換える', en: 'Replace with Amazon Web Services\'s Tokyo region "ap-northeast-1"' },
      replacement: 'ap-northeast-1',
    });
  });

  it('reads a region id written as inline code where it stands as a value (a list label, a table cell), at the id; not inside a sentence or a fenced block', () => {
    const text =
      `${ON_AWS}## Regions\n\n- primary: \`ap-northeast-1\` (Tokyo)\n- disaster recovery: \`eu-west-1\`\n\n| 用途 | リージョン |\n| --- | --- |\n| ログ | \`us-west-2\` |\n\n` +
      `\`us-east-1\` は設定例に限る。\n\n\`\`\`sh\naws s3 ls --region us-east-1\n\`\`\`\n`;
    const findings = findingsOf([govCloudOverseasRegionRule], text);
    assert.deepEqual(
      findings.map((finding) => [finding.start, finding.end, text.slice(finding.start, finding.end)]),
      [
        [offsetOf(text, 'eu-west-1'), offsetOf(text, 'eu-west-1') + 'eu-west-1'.length, 'eu-west-1'],
        [offsetOf(text, 'us-west-2'), offsetOf(text, 'us-west-2') + 'us-west-2'.length, 'us-west-2'],
      ],
    );
    assert.deepEqual(findings[0].message, {
      ja: '国外リージョン: 「eu-west-1」（Europe (Ireland)）は国外のリージョンで、国内のリージョンに置くのが原則です',
      en: '"eu-west-1" (Europe (Ireland)) is in Ireland, outside Japan; government data is kept in a region in Japan as a rule.',
    });
  });

  it('the quick fix, applied, leaves nothing to report', () => {
    const text = `${ON_AWS}バックアップは West US と us-east-1 に置き、分析は asia-southeast1、退避は us-ashburn-1 とする。\n`;
    const findings = findingsOf([govCloudOverseasRegionRule], text);
    assert.equal(findings.length, 4);
    let fixed = text;
    for (const finding of [...findings].sort((a, b) => b.start - a.start)) {
      fixed = fixed.slice(0, finding.start) + finding.fix!.replacement + fixed.slice(finding.end);
    }
    assert.equal(fixed, `${ON_AWS}バックアップは Japan East と ap-northeast-1 に置き、分析は asia-northeast1、退避は ap-tokyo-1 とする。\n`);
    assert.deepEqual(findingsOf([govCloudOverseasRegionRule], fixed), []);
  });

  describe('invalid', () => runCases(govCloudOverseasRegionRule, regionInvalid, message));
  describe('valid', () => runCases(govCloudOverseasRegionRule, regionValid, message));

  it('runs in every document (a public body\'s document without ガバメントクラウド gets information)', () => {
    assert.equal(govCloudOverseasRegionRule.procurementOnly, false);
  });

  const publicBody = (text: string, uri?: string) =>
    findingsOf([govCloudOverseasRegionRule], text, uri).map((finding) => ({
      severity: finding.severity,
      text: text.slice(finding.start, finding.end),
      start: finding.start,
      message: finding.message,
    }));

  it('a ministry\'s CI workflow: the region in an env key (information, the same principle)', () => {
    const text = '# .github/workflows/deploy.yml — 〇〇省 申請ポータル\nname: deploy\nenv:\n  AWS_REGION: us-east-1\n  SECONDARY_REGION: ap-northeast-3\n';
    assert.deepEqual(publicBody(text, 'file:///deploy.yaml'), [
      {
        severity: 'information',
        text: 'us-east-1',
        start: offsetOf(text, 'us-east-1'),
        message: regionMessage('us-east-1', 'US East (N. Virginia)', 'Northern Virginia, US'),
      },
    ]);
  });

  it('a 町\'s BCP: a region in a provider\'s display form (information asking to check)', () => {
    const text = '# 情報システム業務継続計画\n\n△△町 総務課\n\n## 対策\n\n- 住民記録のバックアップは、週次で West US に複製する。\n- 予備は Japan West とする。\n';
    assert.deepEqual(publicBody(text), [
      {
        severity: 'information',
        text: 'West US',
        start: offsetOf(text, 'West US'),
        message: {
          ja: '国外リージョン: 「West US」は国外（California, US）のリージョンのため、自治体の情報を置いてよいか確認してください',
          en: '"West US" is in California, US, outside Japan; check that a local government\'s data may be kept there.',
        },
      },
    ]);
  });

  it('an English README of a city\'s system: a DR region id and a backup place in its list (information asking to check)', () => {
    const text =
      '# resident-sync\n\nNightly sync of resident records for the City of Sample.\n\n## Deployment\n\n' +
      '- Production: ap-northeast-1\n- DR: us-west-2\n- Backup region: Singapore\n- Secondary: Osaka\n- Office: Singapore\n';
    assert.deepEqual(publicBody(text), [
      {
        severity: 'information',
        text: 'us-west-2',
        start: offsetOf(text, 'us-west-2'),
        message: {
          ja: '国外リージョン: 「us-west-2」は国外（Oregon, US）のリージョンのため、自治体の情報を置いてよいか確認してください',
          en: '"us-west-2" is in Oregon, US, outside Japan; check that a local government\'s data may be kept there.',
        },
      },
      {
        severity: 'information',
        text: 'Singapore',
        start: offsetOf(text, 'Singapore'),
        message: {
          ja: '国外リージョン: 「Singapore」は国外のため、自治体の情報を置いてよいか確認してください',
          en: '"Singapore" is outside Japan; check that a local government\'s data may be kept there.',
        },
      },
    ]);
  });

  it('a ministry\'s English README: places in a region column, a backup sentence, a Japanese label; places inside a region name are that region', () => {
    const text =
      '# Grants Portal\n\nOperated by the Ministry of Agriculture\'s IT division.\n\n## Regions\n\n' +
      '| Role | Region |\n|---|---|\n| Primary | Tokyo |\n| DR | Sydney |\n\n' +
      'Backups are replicated to Frankfurt every night.\n\n- バックアップ先: シンガポール\n- Archive: Asia Pacific (Singapore)\n';
    const found = publicBody(text).map(({ severity, text: written, start, message }) => ({ severity, written, start, en: message.en }));
    assert.deepEqual(found, [
      { severity: 'information', written: 'Sydney', start: offsetOf(text, 'Sydney'), en: '"Sydney" is outside Japan; government data is kept in a region in Japan as a rule.' },
      { severity: 'information', written: 'Frankfurt', start: offsetOf(text, 'Frankfurt'), en: '"Frankfurt" is outside Japan; government data is kept in a region in Japan as a rule.' },
      { severity: 'information', written: 'シンガポール', start: offsetOf(text, 'シンガポール'), en: '"シンガポール" is outside Japan; government data is kept in a region in Japan as a rule.' },
      {
        severity: 'information',
        written: 'Asia Pacific (Singapore)',
        start: offsetOf(text, 'Asia Pacific (Singapore)'),
        en: '"Asia Pacific (Singapore)" (ap-southeast-1) is in Singapore, outside Japan; government data is kept in a region in Japan as a rule.',
      },
    ]);
  });

  it('a place on the Government Cloud: a warning whose fix names Tokyo in the script written', () => {
    const text = `${SPEC}# 基盤\n\n本システムはガバメントクラウド上に構築する。\n\n- 本番: 東京\n- DR: シンガポール\n`;
    const [found] = findingsOf([govCloudOverseasRegionRule], text);
    assert.deepEqual(
      { severity: found.severity, start: found.start, ja: found.message.ja, fix: found.fix?.replacement },
      { severity: 'warning', start: offsetOf(text, 'シンガポール'), ja: '国外リージョン: 「シンガポール」は国外で、国内のリージョンに置くのが原則です', fix: '東京' },
    );
  });

  it('stays quiet on an English README of a private company, and on domestic places', () => {
    const company = '# billing-api\n\nBilling service of Example Co., Ltd.\n\n## Deployment\n\n- DR: us-west-2\n- Backup region: Singapore\n';
    const domestic = '# resident-sync\n\nFor the City of Sample.\n\n- Primary: Tokyo\n- DR region: Osaka\n- Backup: ap-northeast-3\n- Standby: Japan West\n';
    assert.deepEqual(publicBody(company), []);
    assert.deepEqual(publicBody(domestic), []);
  });

  it('stays quiet on candidates under an options heading, a private company\'s regions, and a public body\'s past', () => {
    const adr = `${ON_AWS}## 検討した選択肢\n\n1. ap-northeast-1 + ap-northeast-3\n2. ap-northeast-1 + us-west-2\n\n## 決定\n\n選択肢1を採用する。\n`;
    const company = '---\nsector: private\n---\n\n# 当社の基盤\n\n顧客データのバックアップは us-east-1 に置く。\n';
    const history = '# 沿革\n\n〇〇市 情報政策課\n\n2019年までは、予約システムを us-east-1 で運用していた。\n';
    assert.deepEqual(publicBody(adr), []);
    assert.deepEqual(publicBody(company), []);
    assert.deepEqual(publicBody(history), []);
  });
});
