import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import type { CatalogueId } from '../../server/src/catalogues/types';
import { hoverAt } from '../../server/src/features/hover';
import { bundledKnowledge } from '../helpers';

/**
 * The terms of the seed notes (shared/seeds), as they are written there (or in their usual spelling).
 * Each must be found by the matcher and hover with a card, in Markdown and in YAML.
 */
const SEED_TERMS = [
  // 1 ガバメントクラウド
  'ガバメントクラウド', 'ガバクラ', 'デジタル庁', 'クラウド・バイ・デフォルト原則', 'クラウドファースト', 'BPR', 'IaC', 'Infrastructure as Code',
  '政府情報システムにおけるクラウドサービスの利用に係る基本方針', '情報通信技術を活用した行政の推進等に関する法律', 'デジタル行政推進法', 'ガバクラ法案',
  'AWS', 'Google Cloud', 'Microsoft Azure', 'Oracle Cloud Infrastructure', 'さくらのクラウド', 'PJMO', 'MAFFクラウド', 'CoE', 'Center of Excellence',
  'AWS Direct Connect', 'Amazon GuardDuty', 'AWS Config', 'AWS Security HUB', 'CSP', 'EC2', 'S3',
  // 2 ISMAP
  'ISMAP', '政府情報システムのためのセキュリティ評価制度', 'ISMAPクラウドサービスリスト', 'ISMAP等クラウドサービスリスト', 'ISMAP運営委員会',
  '登録セキュリティ評価機関', 'ISMAP管理基準', 'ガバナンス基準', 'マネジメント基準', '管理策基準', '詳細管理策', 'ISMAP-LIU', 'ISMAP for Low-Impact Use',
  'ISMS', 'ISO/IEC 27017',
  // 3 GSS and networks
  'GSS', 'ガバメントソリューションサービス', '政府共通ネットワーク', '霞が関WAN', 'LGWAN', '総合行政ネットワーク', '地方公共団体情報システム機構', 'J-LIS', '情報ハイウェイ',
  // 4 NISC and 統一基準
  'NISC', '内閣サイバーセキュリティセンター', '国家サイバー統括室', 'GSOC', 'CYMAT', '重要インフラ', '統一基準群', '統一基準', '政府機関等の対策基準策定のためのガイドライン',
  '機密性1情報', '機密性2情報', '機密性3情報', '最高情報セキュリティアドバイザー', '最高情報セキュリティ責任者', '最高情報セキュリティ副責任者', '情報システムセキュリティ責任者',
  '政府ドメイン名',
  // 5 デジタル庁 guidelines
  '行政の進化と革新のための生成AIの調達・利活用に係るガイドライン', 'DS-200', '政府情報システムにおけるセキュリティ・バイ・デザインガイドライン', 'セキュリティ・バイ・デザイン',
  // 6 law
  'サイバーセキュリティ基本法', 'サイバーセキュリティ戦略本部', 'サイバーセキュリティ戦略',
  // 7 PPC
  '個人情報保護委員会', '漏えい等報告', '個人データ', '保有個人情報', '個人情報保護法', '行政機関個人情報保護法', '要配慮個人情報', '条例要配慮個人情報',
  // 8 自治体
  'LGWAN接続系',
  // 9 skills
  '政府デジタル人材', '政府デジタル人材のスキル認定',
  // 10 standards
  'ISO/IEC 27001', 'ISO/IEC 27002', 'ISO/IEC 27014', 'ISO/IEC 27018', 'ISO/IEC 27701', '情報セキュリティマネジメントシステム', 'プライバシー情報マネジメントシステム', 'PIMS', 'PII', 'GDPR',
];

describe('the seed terms', () => {
  const knowledge = bundledKnowledge();
  const markdown = SEED_TERMS.map((term) => `𠮷は${term}について。`).join('\n');
  const yaml = SEED_TERMS.map((term, index) => `t${index}: ${JSON.stringify(`は${term}`)}`).join('\n');

  for (const [kind, uri, text, prefix] of [
    ['Markdown', 'file:///seed.md', markdown, '𠮷は'],
    ['YAML', 'file:///seed.yaml', yaml, '"は'],
  ] as const) {
    it(`are each found and hover in ${kind} (${SEED_TERMS.length} terms)`, () => {
      const analysis = analyzeDocument({ uri, text }, knowledge);
      const lines = text.split('\n');
      let lineStart = 0;
      SEED_TERMS.forEach((term, index) => {
        const start = lineStart + lines[index].indexOf(prefix) + prefix.length;
        const card = hoverAt(analysis, knowledge, start + Math.floor(term.length / 2));
        assert.ok(card, `no card for ${term}`);
        assert.deepEqual([card.start, card.end], [start, start + term.length], term);
        lineStart += lines[index].length + 1;
      });
    });
  }
});

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
          const card = hoverAt(analysis, knowledge, start);
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
