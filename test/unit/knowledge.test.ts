import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import type { CatalogueId } from '../../server/src/catalogues/types';
import { hoverAt } from '../../server/src/features/hover';
import { bundledKnowledge } from '../helpers';

/**
 * Every concept the seed notes (shared/seeds/000_39b811f8e94eebe1.txt) explain, one per line, in the seed's order
 * and spelled as the seed writes it (full name and abbreviation both, where the seed gives both). The list is
 * taken from the seed, not from the glossary: a concept without a hover fails here.
 */
const SEED_TERMS = [
  // 1 ガバメントクラウド
  'ガバメントクラウド',
  'デジタル庁',
  'ISMAP',
  'ガバクラ法案',
  'クラウドファースト',
  'クラウド・バイ・デフォルト原則',
  '政府情報システムにおけるクラウドサービスの利用に係る基本方針',
  'クラウドスマート',
  'オンプレ',
  'BPR',
  'IaC',
  'Infrastructure as Code',
  'AWS CloudFormation',
  'AWS CDK',
  'Cloud Development Kit',
  'AWS',
  'Google Cloud',
  'Microsoft Azure',
  'Oracle Cloud Infrastructure',
  'さくらのクラウド',
  'PJMO',
  '情報通信技術を活用した行政の推進等に関する法律',
  'デジタル行政推進法',
  'CSP',
  'MAFFクラウド',
  'マルチクラウド',
  'マルチアカウント',
  'GCP',
  'AWS Direct Connect',
  'Amazon GuardDuty',
  'AWS Config',
  'AWS Security HUB',
  'CoE',
  'Center of Excellence',
  // 2 ISMAP
  '政府情報システムのためのセキュリティ評価制度',
  'Information system Security Management and Assessment Program',
  '政府機関等',
  'ISMAPクラウドサービスリスト',
  '言明対象範囲',
  'ISMAP等クラウドサービスリスト',
  'IaaS',
  'PaaS',
  'SaaS',
  '登録セキュリティ評価機関',
  'ISMAP運営委員会',
  'ISMS',
  'ISO/IEC 27001',
  '監査対象期間',
  'ISMAP管理基準',
  'JIS Q 27014',
  'ガバナンス基準',
  'マネジメント基準',
  '管理策基準',
  '詳細管理策',
  '統制目標',
  'ISO27001',
  '統一基準',
  'ISO/IEC27017',
  'ISMAP-LIU',
  'ISMAP for Low-Impact Use',
  '機密性2情報',
  // 3 GSS and networks
  'GSS',
  'ガバメントソリューションサービス',
  '政府共通ネットワーク',
  '霞が関WAN',
  'Government Solution Service',
  'LGWAN',
  'Local Government Wide Area Network',
  '総合行政ネットワーク',
  'J-LIS',
  '地方公共団体情報システム機構',
  '政府共通プラットフォーム',
  '情報ハイウェイ',
  'ゼロトラスト',
  // 4 NISC and 統一基準
  'NISC',
  '内閣サイバーセキュリティセンター',
  'National center of Incident readiness and Strategy for Cybersecurity',
  '重要インフラ',
  '統一基準群',
  '調達申し合わせ',
  'GSOC',
  'Government Security Operation Coordination team',
  '横断監視・即応調整',
  '第一GSOC',
  '第二GSOC',
  'CYMAT',
  '不審な通信',
  '政府機関等のサイバーセキュリティ対策のための統一基準群',
  '情報セキュリティポリシー',
  '機密性3情報',
  '不開示情報',
  '機密性1情報',
  '蓋然性',
  '最高情報セキュリティアドバイザー',
  '遵守事項',
  '最高情報セキュリティ責任者',
  '情報システムセキュリティ責任者',
  '政府機関等の対策基準策定のためのガイドライン',
  '基本対策事項',
  '調達仕様',
  '最高情報セキュリティ副責任者',
  '政府ドメイン名',
  // 5 デジタル庁
  '行政の進化と革新のための生成AIの調達・利活用に係るガイドライン',
  'データ汚染攻撃',
  'ハルシネーション',
  'DS-200',
  '政府情報システムにおけるセキュリティ・バイ・デザインガイドライン',
  // 6 サイバーセキュリティ基本法
  'サイバーセキュリティ基本法',
  'サイバーセキュリティ戦略',
  'サイバーセキュリティ戦略本部',
  // 7 個人情報保護委員会への報告
  '個人情報保護委員会',
  '個人データ',
  '保有個人情報',
  '個人情報保護法',
  '行政機関個人情報保護法',
  '速報',
  '確報',
  '漏えい等報告',
  '要配慮個人情報',
  '条例要配慮個人情報',
  // 8 自治体のセキュリティ
  'ネットワーク分離',
  'LGWAN接続系',
  'セキュアブラウザ',
  // 9 政府デジタル人材
  '政府デジタル人材のスキル認定',
  '政府デジタル人材',
  '応用情報技術者試験',
  // 10 セキュリティの規格
  'ISO/IEC27001',
  '情報セキュリティマネジメントシステム',
  'ISO/IEC27002',
  'ISO/IEC27014',
  'CISO',
  'ISO/IEC27018',
  '個人識別情報',
  'PII',
  'ISO/IEC27701',
  'プライバシー情報マネジメントシステム',
  'PIMS',
  'GDPR',
];

/** Concepts of issue 10 that real 自治体 and procurement documents use, in the spellings they are met in. */
const DOCUMENT_TERMS = [
  'GCAS',
  '特定個人情報',
  '個人番号',
  'マイナンバー',
  '住民基本台帳',
  '住民票コード',
  'αモデル',
  'α モデル',
  "α'モデル",
  'α’モデル',
  'βモデル',
  'β モデル',
  "β'モデル",
  'β′モデル',
  'LGWAN-ASP',
  '源内',
  'ガバメントAI',
  '自治体クラウド',
  'LGCS',
  '公共SaaS',
  '個人情報保護条例',
  '自治体情報セキュリティクラウド',
  '地方公共団体情報システムの標準化',
  '標準化対象20業務',
  'ISMAP クラウド サービス リスト',
  'ISMAP\u3000クラウド\u3000サービス\u3000リスト',
  'ISMAPクラウド・サービス・リスト',
  'ISMAPクラウド･サービス･リスト',
  'ＩＳＭＡＰクラウドサービスリスト',
];

for (const [title, terms] of [
  ['the concepts the seed explains', SEED_TERMS],
  ['the document vocabulary of issue 10', DOCUMENT_TERMS],
] as const) {
  describe(title, () => {
    const knowledge = bundledKnowledge();
    const markdown = terms.map((term) => `𠮷は${term}について。`).join('\n');
    // YAML double-quoted scalars: JSON.stringify escapes nothing here but quotes and backslashes.
    const yaml = terms.map((term, index) => `t${index}: ${JSON.stringify(`は${term}`)}`).join('\n');

    for (const [kind, uri, text, prefix] of [
      ['Markdown', 'file:///seed.md', markdown, '𠮷は'],
      ['YAML', 'file:///seed.yaml', yaml, '"は'],
    ] as const) {
      it(`each hover in ${kind}, over exactly their own text (${terms.length} concepts)`, () => {
        const analysis = analyzeDocument({ uri, text }, knowledge);
        const lines = text.split('\n');
        let lineStart = 0;
        const missing: string[] = [];
        terms.forEach((term, index) => {
          const start = lineStart + lines[index].indexOf(prefix) + prefix.length;
          const card = hoverAt(analysis, knowledge, start + Math.floor(term.length / 2), 'ja');
          if (!card || card.start !== start || card.end !== start + term.length) {
            missing.push(`${term} → ${card ? text.slice(card.start, card.end) : 'no card'}`);
          }
          lineStart += lines[index].length + 1;
        });
        assert.deepEqual(missing, []);
      });
    }
  });
}

describe('every control ID of the four catalogues hovers', () => {
  const knowledge = bundledKnowledge();
  const catalogues = knowledge.catalogues!;
  const cues: Record<CatalogueId, [string, string]> = {
    ismap: ['ISMAP管理策 ', 'ismap_controls'],
    'iso27001-2022': ['ISO/IEC 27001:2022 の ', 'iso27001_2022'],
    'iso27001-2013': ['ISO/IEC 27001:2013 の ', 'iso27001_2013'],
    'nist-sp800-53r5': ['NIST SP 800-53 の ', 'nist_sp800_53'],
    'common-standards-r7': ['統一基準 ', '統一基準'],
    'common-standards-r5': ['統一基準（令和5年度版）', '統一基準_令和5年度版'],
    'common-standards-guideline-r5': ['対策基準策定ガイドライン ', '対策基準策定ガイドライン'],
  };
  for (const id of catalogues.ids()) {
    const controls = catalogues.all(id).filter((control) => !['domain', 'category', 'family', 'chapter'].includes(control.level));
    it(`${id}: ${controls.length} IDs in Markdown and YAML`, () => {
      const [sentenceCue, yamlKey] = cues[id];
      const markdown = controls.map((control) => `${sentenceCue}${control.id} を適用する。`).join('\n');
      const yaml = `${yamlKey}:\n${controls.map((control) => `  - "${control.id}"`).join('\n')}\n`;
      for (const [uri, text, offsetOf] of [
        ['file:///c.md', markdown, (line: string) => line.indexOf(sentenceCue) + sentenceCue.length],
        ['file:///c.yaml', yaml, (line: string) => line.indexOf('"') + 1],
      ] as const) {
        const analysis = analyzeDocument({ uri, text }, knowledge);
        const lines = text.split('\n');
        const firstLine = uri.endsWith('.yaml') ? 1 : 0;
        let lineStart = lines.slice(0, firstLine).reduce((n, line) => n + line.length + 1, 0);
        const missing: string[] = [];
        controls.forEach((control, index) => {
          const line = lines[firstLine + index];
          const start = lineStart + offsetOf(line);
          const card = hoverAt(analysis, knowledge, start, 'en');
          if (!card || card.start !== start || card.end !== start + control.id.length || !card.markdown.includes(control.id.replace(/[\\`*_{}[\]()#+\-.!|<>~&"']/g, (c) => `\\${c}`))) {
            missing.push(control.id);
          }
          lineStart += line.length + 1;
        });
        assert.deepEqual(missing, [], `${uri}: ${missing.length} IDs without a card`);
      }
    });
  }
});
