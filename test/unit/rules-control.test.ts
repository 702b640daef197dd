import type { Bilingual } from '../../server/src/language';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/analysis';
import type { CompiledCatalogues } from '../../server/src/catalogues/types';
import type { CompiledGlossary } from '../../server/src/glossary/types';
import { Knowledge } from '../../server/src/knowledge';
import { controlOutdatedIsoNumberingRule } from '../../server/src/rules/control/outdatedIsoNumbering';
import { controlUnknownIdRule } from '../../server/src/rules/control/unknownId';
import type { Rule } from '../../server/src/rules/rule';
import type { CompiledServices } from '../../server/src/services/types';
import { bundledKnowledge, offsetOf, repoRoot } from '../helpers';

interface Expected {
  readonly rule: string;
  /** The exact offending text; `occurrence` picks among repeats. */
  readonly text: string;
  readonly occurrence?: number;
  readonly message?: Bilingual;
  readonly replacement?: string;
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly uri?: string;
  readonly expected: readonly Expected[];
}

const RULES: readonly Rule[] = [controlUnknownIdRule, controlOutdatedIsoNumberingRule];

function findingsOf(text: string, uri = 'file:///spec.md', knowledge = bundledKnowledge(), rules = RULES) {
  return analyzeDocument({ uri, text }, knowledge, { rules }).findings;
}

function check(testCase: Case, knowledge?: Knowledge) {
  const findings = findingsOf(testCase.text, testCase.uri, knowledge);
  const actual = findings.map((finding) => ({
    rule: finding.ruleId,
    start: finding.start,
    end: finding.end,
    text: testCase.text.slice(finding.start, finding.end),
    ...(testCase.expected.some((e) => e.message !== undefined) ? { message: finding.message } : {}),
    ...(testCase.expected.some((e) => e.replacement !== undefined) ? { replacement: finding.fix?.replacement } : {}),
  }));
  const expected = testCase.expected.map((e) => {
    const start = offsetOf(testCase.text, e.text, e.occurrence ?? 0);
    return {
      rule: e.rule,
      start,
      end: start + e.text.length,
      text: e.text,
      ...(e.message !== undefined ? { message: e.message } : {}),
      ...(e.replacement !== undefined ? { replacement: e.replacement } : {}),
    };
  });
  assert.deepEqual(actual, expected);
}

const ISO_2022_RANGES_JA = 'A.5.1〜A.5.37、A.6.1〜A.6.8、A.7.1〜A.7.14、A.8.1〜A.8.34';
const ISO_2022_RANGES_EN = 'A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34';

function iso2022Unknown(surface: string, key: string): Bilingual {
  return {
    ja: `「${surface}」はISO/IEC 27001:2022 附属書Aにない番号です（${ISO_2022_RANGES_JA}）`,
    en: `${key} does not exist in ISO/IEC 27001:2022 Annex A, which has ${ISO_2022_RANGES_EN}.`,
  };
}

const ISMAP_JA = 'ISMAP管理基準（2022-04-01版）';
const ISMAP_EN = 'the ISMAP Control Criteria (2022-04-01 edition)';

// ---------------------------------------------------------------------------------------------------------
// control/unknown-id
// ---------------------------------------------------------------------------------------------------------

const unknownInvalid: Case[] = [
  {
    name: 'English: a list after a lead-in with a colon, ending with a full stop; 27002 numbers after "controls:"',
    text:
      '# Control mapping\n\nControls mapped to ISO/IEC 27001:2022: A.5.1, A.8.9, A.8.38.\n\n' +
      'ISO/IEC 27002:2022 controls: 5.1, 8.9 and 5.38\n',
    expected: [
      { rule: 'control/unknown-id', text: 'A.8.38', message: iso2022Unknown('A.8.38', 'A.8.38') },
      { rule: 'control/unknown-id', text: '5.38', message: iso2022Unknown('5.38', 'A.5.38') },
    ],
  },
  {
    name: 'ISO/IEC 27001:2022 A.5.38 and A.8.40, with the Annex A ranges',
    text: '# セキュリティ要件\n\n受注者は ISO/IEC 27001:2022 附属書A の A.5.15、A.5.38 及び A.8.40 に相当する管理策を実施すること。\n',
    expected: [
      { rule: 'control/unknown-id', text: 'A.5.38', message: iso2022Unknown('A.5.38', 'A.5.38') },
      { rule: 'control/unknown-id', text: 'A.8.40', message: iso2022Unknown('A.8.40', 'A.8.40') },
    ],
  },
  {
    name: 'ISO/IEC 27001:2022 number written without "A." right after the standard',
    text: 'クラウドサービスの利用は ISO/IEC 27001:2022 の 5.38 に従う。\n',
    expected: [{ rule: 'control/unknown-id', text: '5.38', message: iso2022Unknown('5.38', 'A.5.38') }],
  },
  {
    name: 'a three-level number under 2022 that the 2013 edition does not have either',
    text: 'ISO/IEC 27001:2022 の A.9.9.9 を適用する。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: 'A.9.9.9',
        message: { ja: `「A.9.9.9」はISO/IEC 27001:2022 附属書Aにない番号です（${ISO_2022_RANGES_JA}、2013年版にもなし）`, en: `A.9.9.9 does not exist in ISO/IEC 27001:2022 Annex A, which has ${ISO_2022_RANGES_EN}; it is not a 2013 number either.` },
      },
    ],
  },
  {
    name: 'ISO/IEC 27001:2013 number that does not exist, with the category range',
    text: '既存システムは ISO/IEC 27001:2013 の A.9.1.3 に基づき設計されている。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: 'A.9.1.3',
        message: { ja: '「A.9.1.3」はISO/IEC 27001:2013 附属書Aにない番号です（A.9.1 の下にあるのは A.9.1.1、A.9.1.2）', en: 'A.9.1.3 does not exist in ISO/IEC 27001:2013 Annex A; A.9.1 has A.9.1.1, A.9.1.2.' },
      },
    ],
  },
  {
    name: 'NIST SP 800-53 AC-99 named in the sentence',
    text: '本システムは NIST SP 800-53 Rev. 5 の AC-2、AC-99 を満たすこと。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: 'AC-99',
        message: { ja: '「AC-99」はNIST SP 800-53 Rev. 5にない番号です（AC ファミリーは AC-1〜AC-25）', en: 'AC-99 does not exist in NIST SP 800-53 Rev. 5; the AC family has AC-1–AC-25.' },
      },
    ],
  },
  {
    name: 'NIST enhancement out of range, and an enhancement of a control that has none',
    text: 'NIST SP 800-53 の AC-2(14) と AC-1(1) を適用する。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: 'AC-2(14)',
        message: { ja: '「AC-2(14)」はNIST SP 800-53 Rev. 5にない番号です（AC-2 の拡張は AC-2(1)〜AC-2(13)）', en: 'AC-2(14) does not exist in NIST SP 800-53 Rev. 5; AC-2 has the enhancements AC-2(1)–AC-2(13).' },
      },
      {
        rule: 'control/unknown-id',
        text: 'AC-1(1)',
        message: { ja: '「AC-1(1)」はNIST SP 800-53 Rev. 5にない番号です（AC-1 には拡張がありません）', en: 'AC-1(1) does not exist in NIST SP 800-53 Rev. 5; AC-1 has no enhancements.' },
      },
    ],
  },
  {
    name: 'full-width NIST ID',
    text: 'ＮＩＳＴ ＳＰ ８００－５３ の ＳＣ－９９ を適用する。\n',
    expected: [{ rule: 'control/unknown-id', text: 'ＳＣ－９９' }],
  },
  {
    name: 'NIST ID recognised by its family prefix in a table, the framework named earlier in the document',
    text:
      '# 4. セキュリティ要件\n\n本章の要件は NIST SP 800-53 Rev. 5 に基づく。\n\n' +
      '| 区分 | 管理策 | 内容 |\n|---|---|---|\n| アクセス制御 | AC-2 | アカウント管理 |\n| アクセス制御 | AC-99 | 独自要件 |\n',
    expected: [{ rule: 'control/unknown-id', text: 'AC-99' }],
  },
  {
    name: 'ISMAP control objective outside the catalogue (9.7.1)',
    text: '受注者は ISMAP管理基準の 9.7.1 を満たすこと。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '9.7.1',
        message: { ja: `「9.7.1」は${ISMAP_JA}にない番号です（9 の下にあるのは 9.1〜9.5）`, en: `9.7.1 does not exist in ${ISMAP_EN}; 9 has 9.1–9.5.` },
      },
    ],
  },
  {
    name: 'ISMAP detailed control whose objective does not exist',
    text: 'ISMAP管理策 9.2.1.3 及び 9.9.1.1 を実施する。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '9.9.1.1',
        message: { ja: `「9.9.1.1」は${ISMAP_JA}にない番号です（管理目的 9.9.1 がなく、9 の下にあるのは 9.1〜9.5）`, en: `9.9.1.1 does not exist in ${ISMAP_EN}; its control objective 9.9.1 does not exist; 9 has 9.1–9.5.` },
      },
    ],
  },
  {
    name: 'ISMAP: a cloud-only objective that does not exist and a domain that does not exist; full-width digits',
    text: 'ISMAP管理基準 ９．５．３．Ｐ は対象外とする。ISMAP管理基準 19.1.1 も同様。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '９．５．３．Ｐ',
        message: { ja: `「９．５．３．Ｐ」は${ISMAP_JA}にない番号です（9.5 の下にあるのは 9.5.1.P、9.5.2.P）`, en: `9.5.3.P does not exist in ${ISMAP_EN}; 9.5 has 9.5.1.P, 9.5.2.P.` },
      },
      {
        rule: 'control/unknown-id',
        text: '19.1.1',
        message: { ja: `「19.1.1」は${ISMAP_JA}にない番号です（最上位の番号は 3〜18）`, en: `19.1.1 does not exist in ${ISMAP_EN}; its top-level numbers are 3–18.` },
      },
    ],
  },
  {
    name: 'ISMAP list of IDs: only the unknown one',
    text: 'ISMAP管理基準の 9.1.1、9.1.2、9.7.1 を満たすこと。\n',
    expected: [{ rule: 'control/unknown-id', text: '9.7.1' }],
  },
  {
    name: '統一基準 subsection and item that do not exist in the FY2025 headings',
    text: '統一基準 5.2.1(3)、9.9.9 及び 5.2.1(9) を参照する。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '9.9.9',
        message: { ja: '「9.9.9」は統一基準（令和7年度版）にない番号です（章は 1〜8）', en: '9.9.9 does not exist in the Common Standards (FY2025 edition); its chapters are 1–8.' },
      },
      {
        rule: 'control/unknown-id',
        text: '5.2.1(9)',
        message: { ja: '「5.2.1(9)」は統一基準（令和7年度版）にない番号です（5.2.1 の下にあるのは 5.2.1(1)〜5.2.1(3)）', en: '5.2.1(9) does not exist in the Common Standards (FY2025 edition); 5.2.1 has 5.2.1(1)–5.2.1(3).' },
      },
    ],
  },
  {
    name: '統一基準 令和5年度版: a subsection missing from the FY2025 structure',
    text: '統一基準（令和5年度版）9.9.9 を参照する。\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '9.9.9',
        message: { ja: '「9.9.9」は統一基準（令和5年度版）にない番号です（令和7年度版の見出しで確認: 章は 1〜8）', en: '9.9.9 does not exist in the Common Standards (FY2023 edition); checked against the FY2025 headings: its chapters are 1–8.' },
      },
    ],
  },
  {
    name: 'YAML: keys naming the framework',
    uri: 'file:///controls.yaml',
    text: 'system: 電子申請システム\nismap_controls:\n  - 9.2.1\n  - 9.7.1\nnist:\n  - AC-2(1)\n  - AU-99\niso27001_2022:\n  - A.5.15\n  - A.8.40\n',
    expected: [
      { rule: 'control/unknown-id', text: '9.7.1' },
      { rule: 'control/unknown-id', text: 'AU-99' },
      { rule: 'control/unknown-id', text: 'A.8.40' },
    ],
  },
  {
    name: 'a table: bare IDs in a 番号 column under a heading naming ISMAP管理基準',
    text: '## ISMAP管理基準との対応\n\n| 番号 | 本市の対応 |\n|---|---|\n| 9.2.1 | 退職時にアカウントを削除する |\n| 9.2.9 | 年1回アクセス権を見直す |\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '9.2.9',
        message: { ja: `「9.2.9」は${ISMAP_JA}にない番号です（9.2 の下にあるのは 9.2.1〜9.2.6）`, en: `9.2.9 does not exist in ${ISMAP_EN}; 9.2 has 9.2.1–9.2.6.` },
      },
    ],
  },
  {
    name: 'a table: the column header names 統一基準 while another cell of the row names ISMAP',
    text: '| 統一基準 | 対応 |\n|---|---|\n| 4.2.1 | ISMAPクラウドサービスリストから選定する |\n| 9.1.1 | ISMAP登録サービスで生成AIを使う |\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '9.1.1',
        message: { ja: '「9.1.1」は統一基準（令和7年度版）にない番号です（章は 1〜8）', en: '9.1.1 does not exist in the Common Standards (FY2025 edition); its chapters are 1–8.' },
      },
    ],
  },
  {
    name: 'a list item whose framework is named only in the list\'s lead-in (統一基準の以下の遵守事項)',
    text: '受注者は、統一基準の以下の遵守事項を満たすこと。\n\n- 5.2.1(3) 情報システムの基本設計\n- 遵守事項 5.2.1(9)、9.9.9(1) 存在しない\n- アクセス制御（詳細は 9.9.9 を参照）\n',
    expected: [
      {
        rule: 'control/unknown-id',
        text: '5.2.1(9)',
        message: { ja: '「5.2.1(9)」は統一基準（令和7年度版）にない番号です（5.2.1 の下にあるのは 5.2.1(1)〜5.2.1(3)）', en: '5.2.1(9) does not exist in the Common Standards (FY2025 edition); 5.2.1 has 5.2.1(1)–5.2.1(3).' },
      },
      { rule: 'control/unknown-id', text: '9.9.9(1)', message: { ja: '「9.9.9(1)」は統一基準（令和7年度版）にない番号です（章は 1〜8）', en: '9.9.9(1) does not exist in the Common Standards (FY2025 edition); its chapters are 1–8.' } },
    ],
  },
  {
    name: 'a nested item under an item naming the framework, and a table introduced by a sentence naming it',
    text:
      '- ISMAP管理基準の管理策:\n  - 9.7.1 存在しない\n\nISMAP管理基準への対応は次表のとおり。\n\n| 項目 | 内容 |\n| --- | --- |\n| 9.9.1 アクセス | 対応済み |\n| 備考 | 9.9.2 を参照 |\n',
    expected: [
      { rule: 'control/unknown-id', text: '9.7.1', message: { ja: `「9.7.1」は${ISMAP_JA}にない番号です（9 の下にあるのは 9.1〜9.5）`, en: `9.7.1 does not exist in ${ISMAP_EN}; 9 has 9.1–9.5.` } },
      { rule: 'control/unknown-id', text: '9.9.1', message: { ja: `「9.9.1」は${ISMAP_JA}にない番号です（9 の下にあるのは 9.1〜9.5）`, en: `9.9.1 does not exist in ${ISMAP_EN}; 9 has 9.1–9.5.` } },
    ],
  },
  {
    name: 'a 遵守事項 column under a lead-in naming 統一基準, and a bracketed Annex A item under an ISO lead-in',
    text: '統一基準の遵守事項のうち次に掲げるものに対応する。\n\n| 遵守事項 | 対応 |\n| --- | --- |\n| 9.9.1(1) | 対応済み |\n\nISO/IEC 27001:2022 附属書Aの以下の管理策を適用する。\n\n- 【A.5.38】存在しない\n',
    expected: [
      { rule: 'control/unknown-id', text: '9.9.1(1)', message: { ja: '「9.9.1(1)」は統一基準（令和7年度版）にない番号です（章は 1〜8）', en: '9.9.1(1) does not exist in the Common Standards (FY2025 edition); its chapters are 1–8.' } },
      { rule: 'control/unknown-id', text: 'A.5.38', message: iso2022Unknown('A.5.38', 'A.5.38') },
    ],
  },
];

const unknownValid: Case[] = [
  {
    name: 'English: valid IDs after a colon lead-in, and a number that is the document\'s own section',
    text:
      '# Control mapping\n\nControls mapped to ISO/IEC 27001:2022: A.5.1, A.8.9, A.8.34.\n\n' +
      'ISO/IEC 27002:2022 controls and section 5.38 of this plan describe the approach.\n',
    expected: [],
  },
  { name: 'valid ISO/IEC 27001:2022 IDs', text: 'ISO/IEC 27001:2022 附属書A の A.5.1、A.5.37、A.6.8、A.7.14、A.8.34 を適用する。\n', expected: [] },
  { name: 'valid NIST IDs, enhancements and withdrawn controls', text: 'NIST SP 800-53 の AC-2(13)、AC-25、SI-4(2)、AC-13 を参照。\n', expected: [] },
  { name: 'IA-13 (added in 5.1.1, not in the bundled catalogue)', text: 'NIST SP 800-53 の IA-13 を参照する。\n', expected: [] },
  { name: 'valid ISMAP objectives, cloud-only objectives and detailed controls', text: 'ISMAP管理基準の 9.1.1、9.5.1.P、9.2.1.6.PB、9.4.1 を満たすこと。\n', expected: [] },
  { name: 'ISMAP detailed controls missing from the partial list, objective known', text: 'ISMAP管理基準の 9.2.1.3 と 12.4.1.2.B を満たすこと。\n', expected: [] },
  { name: 'ISMAP governance sub-item not listed, item known', text: 'ISMAP管理基準 3.1.2.9 を参照。\n', expected: [] },
  { name: 'ISO/IEC 27017 CLD numbers', text: 'ISO/IEC 27017 の CLD.9.5.1 及び CLD.12.1.5 を適用し、ISO/IEC 27017 の 12.4.5 にも従う。\n', expected: [] },
  { name: '統一基準 requirements and guideline measures (partial catalogues)', text: '統一基準 4.2.1(2)(c)、5.2.1(3)(d) 及びガイドラインの 2.1.1(5)-3 を参照。\n', expected: [] },
  { name: '統一基準 令和5年度版: an item not loaded is not reported', text: '統一基準（令和5年度版）5.2.1(9) を参照する。\n', expected: [] },
  { name: 'document section numbers in a sentence naming ISMAP', text: 'ISMAP登録サービスを利用すること（詳細は 9.7.1 を参照）。\n', expected: [] },
  { name: 'document section numbers marked as such', text: 'ISMAP管理基準への対応は本書 9.7.1 に示す。統一基準への対応は 9.9.9節 を参照。\n', expected: [] },
  { name: 'a heading numbered like an ID', text: '## 9.7.1 ISMAP管理策への対応\n\n本節では ISMAP への対応を示す。\n', expected: [] },
  { name: 'a body clause of ISO/IEC 27001:2022', text: 'ISO/IEC 27001:2022 の 9.2 に従い内部監査を行い、9.3.2 のインプットを用意する。\n', expected: [] },
  { name: 'an appendix of the document', text: '付録A.9.1 を参照すること（ISO/IEC 27001:2022 準拠）。\n', expected: [] },
  { name: 'a requirement ID like a NIST ID, no NIST in the document', text: '| 要件ID | 内容 |\n|---|---|\n| AC-01 | 利用者認証 |\n| AC-99 | 独自要件 |\n', expected: [] },
  { name: 'a zero-padded requirement ID in a document naming NIST', text: '本要件は NIST SP 800-53 を参考にした。\n\n| 要件ID | 内容 |\n|---|---|\n| AT-07 | 研修 |\n', expected: [] },
  { name: 'a requirement ID label before a NIST-shaped ID', text: 'NIST SP 800-53 を参考に、要件ID AC-99 を定める。\n', expected: [] },
  { name: 'NIST CSF subcategories', text: 'NIST CSF の PR.AC-9 と GV.SC-99 を参照する。\n', expected: [] },
  { name: 'dates and version numbers near ISMAP', text: 'ISMAP管理基準（令和6.7.1改定）を参照。ISMAP 2.0 は 2024.10.31 時点。\n', expected: [] },
  { name: 'code block and inline code', text: '```\nISO/IEC 27001:2022 A.5.38\n```\n\n`NIST SP 800-53 AC-99` は例である。\n', expected: [] },
  { name: 'a quoted bad example', text: '悪い例:\n\n> ISO/IEC 27001:2022 の A.5.38 を適用する。\n', expected: [] },
  {
    name: 'a table of the document\'s own sections under a heading naming ISMAP, and a cell that is not a bare ID',
    text:
      '## ISMAP管理基準との対応\n\n| 本書の節 | 内容 |\n|---|---|\n| 9.7.1 | 利用申請 |\n\n| 区分 | 内容 |\n|---|---|\n| 9.7.1 | 利用申請 |\n\n' +
      '| 番号 | 内容 |\n|---|---|\n| 手順 9.7.1 参照 | 利用申請 |\n',
    expected: [],
  },
  { name: 'no framework cue at all', text: '3.2 リージョン\n\n5.2.1 の要件を満たす。A.5.38 を参照。\n', expected: [] },
  {
    name: 'a list whose lead-in names the framework but does not introduce the list, or a list of the document\'s own sections',
    text:
      '統一基準を参照した。\n\n- 9.9.9(1) 存在しない\n\n本書の構成は以下のとおり。\n\n- 9.9.9 付録\n\n統一基準の以下の遵守事項を満たすこと。\n\n- 9.9.9 節のとおり\n\n' +
      '統一基準への対応状況は、以下の各節に記載する。\n\n- 9.1 運用体制\n\n' +
      // ISMAP is also a registration programme: a changelog of versions, not controls.
      'ISMAP対応に関する変更は以下のとおり。\n\n- 2.4.1 ログの保存期間を変更\n',
    expected: [],
  },
];

describe('rule control/unknown-id', () => {
  for (const testCase of unknownInvalid) {
    it(`reports: ${testCase.name}`, () => check(testCase));
  }
  for (const testCase of unknownValid) {
    it(`stays quiet: ${testCase.name}`, () => check(testCase));
  }

  it('runs in documents without the procurement profile, with severity error', () => {
    assert.equal(controlUnknownIdRule.procurementOnly, false);
    const [finding] = findingsOf('README: ISO/IEC 27001:2022 の A.8.40 について。\n', 'file:///README.md');
    assert.equal(finding.severity, 'error');
  });

  it('stays quiet without catalogues', () => {
    const knowledge = Knowledge.fromParts({ glossary: readDist<CompiledGlossary>('glossary-index.json') });
    assert.deepEqual(findingsOf('ISO/IEC 27001:2022 の A.8.40。\n', undefined, knowledge), []);
  });
});

// ---------------------------------------------------------------------------------------------------------
// control/outdated-iso-numbering
// ---------------------------------------------------------------------------------------------------------

function outdatedMessage(surface: string, key: string, ja: string, en: string): Bilingual {
  return {
    ja: `2013年版の管理策番号: 「${surface}」は2022年版にはなく、対応する2022年版の番号は ${ja} です`,
    en: `ISO/IEC 27001:2022 has no ${key}, a 2013 number; the 2022 control is ${en}.`,
  };
}

const outdatedInvalid: Case[] = [
  {
    name: 'a 2013 number in a 管理策番号 column under a heading naming ISO/IEC 27001:2022',
    text: '## セキュリティ要件（ISO/IEC 27001:2022 管理策対応）\n\n| 管理策番号 | 要件 |\n|---|---|\n| A.5.15 | 権限を設定する |\n| A.12.4.1 | 変更履歴を保存する |\n',
    expected: [{ rule: 'control/outdated-iso-numbering', text: 'A.12.4.1', replacement: 'A.8.15' }],
  },
  {
    name: 'A.9.1.1 in a sentence naming ISO/IEC 27001:2022',
    text: '受注者は ISO/IEC 27001:2022 の A.9.1.1 に従いアクセス制御方針を定めること。\n',
    expected: [
      {
        rule: 'control/outdated-iso-numbering',
        text: 'A.9.1.1',
        message: outdatedMessage('A.9.1.1', 'A.9.1.1', 'A.5.15', 'A.5.15 (Access control)'),
        replacement: 'A.5.15',
      },
    ],
  },
  {
    name: 'JIS Q 27001:2023 and full-width digits',
    text: 'JIS Q 27001:2023 附属書A の Ａ．１２．４．１ によりログを取得する。\n',
    expected: [
      {
        rule: 'control/outdated-iso-numbering',
        text: 'Ａ．１２．４．１',
        message: outdatedMessage('Ａ．１２．４．１', 'A.12.4.1', 'A.8.15', 'A.8.15 (Logging)'),
        replacement: 'A.8.15',
      },
    ],
  },
  {
    name: 'the edition named on an earlier line of the same sentence',
    text: '本業務では ISO/IEC 27001:2022 附属書A の管理策のうち、\nA.9.4.1 を必須とする。\n',
    expected: [{ rule: 'control/outdated-iso-numbering', text: 'A.9.4.1', replacement: 'A.8.3' }],
  },
  {
    name: 'the edition written as 2022年版',
    text: 'ISO/IEC 27001（2022年版）の A.12.6.1 に従い脆弱性を管理する。\n',
    expected: [{ rule: 'control/outdated-iso-numbering', text: 'A.12.6.1', replacement: 'A.8.8' }],
  },
  {
    name: 'two 2013 numbers in one sentence, neither with its mapping',
    text: 'ISO/IEC 27001:2022 の A.9.2.1 及び A.9.2.2 を適用する。\n',
    expected: [
      { rule: 'control/outdated-iso-numbering', text: 'A.9.2.1', replacement: 'A.5.16' },
      { rule: 'control/outdated-iso-numbering', text: 'A.9.2.2', replacement: 'A.5.18' },
    ],
  },
  {
    name: 'a 2022 number that is not the mapping does not excuse the 2013 one',
    text: 'ISO/IEC 27001:2022 の A.9.1.1（A.5.16 と同等）を適用する。\n',
    expected: [{ rule: 'control/outdated-iso-numbering', text: 'A.9.1.1', replacement: 'A.5.15' }],
  },
  {
    name: 'YAML under a key naming the 2022 edition, with and without "A."',
    uri: 'file:///controls.yaml',
    text: 'iso27001_2022:\n  - A.5.15\n  - A.9.1.1\n  - 9.4.1\n',
    expected: [
      { rule: 'control/outdated-iso-numbering', text: 'A.9.1.1', replacement: 'A.5.15' },
      { rule: 'control/outdated-iso-numbering', text: '9.4.1', replacement: '8.3' },
    ],
  },
  {
    name: 'a 新旧対照 table: the new side (改定案) citing ISO/IEC 27001:2022 with a 2013 number',
    text: '| 条 | 現行 | 改定案 |\n|---|---|---|\n| 第9条 | A.9.2.1 | ISO/IEC 27001:2022 の A.9.4.1 |\n',
    expected: [{ rule: 'control/outdated-iso-numbering', text: 'A.9.4.1', replacement: 'A.8.3' }],
  },
  {
    name: '「同規格の」 and "of the same standard" referring back to ISO/IEC 27001:2022 named in an earlier sentence',
    text:
      '本方針は ISO/IEC 27001:2022 に準拠する。利用者登録は同規格の A.9.2.1 に従って行う。\n\n' +
      'The policy follows ISO/IEC 27001:2022.\n\nAccess rights are reviewed as required by A.9.2.5 of the same standard.\n',
    expected: [
      {
        rule: 'control/outdated-iso-numbering',
        text: 'A.9.2.1',
        message: outdatedMessage('A.9.2.1', 'A.9.2.1', 'A.5.16', 'A.5.16 (Identity management)'),
        replacement: 'A.5.16',
      },
      {
        rule: 'control/outdated-iso-numbering',
        text: 'A.9.2.5',
        message: outdatedMessage('A.9.2.5', 'A.9.2.5', 'A.5.18', 'A.5.18 (Access rights)'),
        replacement: 'A.5.18',
      },
    ],
  },
  {
    name: 'a YAML flow list under iso27001_2022 nested in another map, beside the 2022 number the 2013 one maps to',
    uri: 'file:///requirements.yaml',
    text: 'requirements:\n  - id: REQ-01\n    controls: { iso27001_2022: [A.5.15, A.9.1.1], nist: [AC-2] }\n',
    expected: [{ rule: 'control/outdated-iso-numbering', text: 'A.9.1.1', replacement: 'A.5.15' }],
  },
];

const outdatedValid: Case[] = [
  {
    name: '「同規格」 referring back to the 2013 edition, named after an earlier 2022 one',
    text: '新方針は ISO/IEC 27001:2022 に準拠する。旧方針は ISO/IEC 27001:2013 に準拠していた。同規格の A.9.2.1 に従っていた。\n',
    expected: [],
  },
  { name: 'a YAML mapping note inside one scalar', uri: 'file:///map.yaml', text: 'iso27001_2022:\n  - "A.9.1.1（2022年版では A.5.15）"\n', expected: [] },
  { name: 'a 2013 number cited as 2013', text: '既存システムは ISO/IEC 27001:2013 の A.9.1.1 に基づく。\n', expected: [] },
  { name: 'a 2013 number with its 2022 mapping in the same sentence', text: 'ISO/IEC 27001:2022 の A.9.1.1（2022年版では A.5.15）に従う。\n', expected: [] },
  { name: 'the mapping written without "A."', text: 'ISO/IEC 27001:2022 では A.9.1.1 は 5.15 に統合された。\n', expected: [] },
  { name: '旧 before the number', text: 'ISO/IEC 27001:2022 附属書A.5.15（旧 A.9.1.1）に準拠する。\n', expected: [] },
  { name: 'a 2013 number marked as 旧版 in the sentence', text: 'ISO/IEC 27001:2022 に移行したが、旧版の A.9.1.1 の記録は保管する。\n', expected: [] },
  { name: 'a transition sentence naming both editions', text: 'ISO/IEC 27001:2013 から ISO/IEC 27001:2022 への移行に伴い、A.9.1.1 を見直す。\n', expected: [] },
  { name: 'a 2013 number without any edition named', text: '附属書A の A.12.4.1 に相当するログ取得を行う。\n', expected: [] },
  { name: '2022 numbers', text: 'ISO/IEC 27001:2022 の A.5.15 及び A.8.15 を適用する。\n', expected: [] },
  { name: 'a body clause number without "A." next to the 2022 edition', text: 'ISO/IEC 27001:2022 の 6.1.3 に従いリスク対応を行う。\n', expected: [] },
  { name: 'a quoted bad example', text: 'NG例:\n\n- ISO/IEC 27001:2022 の A.9.1.1 を適用する。\n\n正しくは A.5.15 と書く。\n', expected: [] },
  { name: 'inline code', text: '`ISO/IEC 27001:2022 A.9.1.1` のような記載は避ける。\n', expected: [] },
  {
    name: 'a 新旧対照 table: 2013 numbers in the old-side column (現行, 旧, Current) beside a new side naming the 2022 edition',
    text:
      '| 条 | 現行 | 改定案 |\n|---|---|---|\n| 第9条 | A.9.2.1 | ISO/IEC 27001:2022 の A.5.16 |\n\n' +
      '| 条 | 旧 | 新（ISO/IEC 27001:2022） |\n|---|---|---|\n| 第10条 | 附属書A.12.4.1 | 附属書A.8.15 |\n\n' +
      '| Clause | Current | Proposed |\n|---|---|---|\n| 9 | A.9.4.1 | ISO/IEC 27001:2022 A.8.3 |\n',
    expected: [],
  },
  { name: 'ISMAP control objective with the same number', text: 'ISMAP管理基準の 9.1.1 は ISO/IEC 27001:2013 の A.9.1.1 と同じ番号である。\n', expected: [] },
];

describe('rule control/outdated-iso-numbering', () => {
  for (const testCase of outdatedInvalid) {
    it(`reports: ${testCase.name}`, () => check(testCase));
  }
  for (const testCase of outdatedValid) {
    it(`stays quiet: ${testCase.name}`, () => check(testCase));
  }

  it('is a warning with a one-number fix title', () => {
    const [finding] = findingsOf('ISO/IEC 27001:2022 の A.9.1.1 に従う。\n');
    assert.equal(finding.severity, 'warning');
    assert.deepEqual(finding.fix, { title: { ja: '「A.5.15」に置き換える', en: 'Replace with the 2022 number A.5.15' }, replacement: 'A.5.15' });
  });

  it('the fix, applied, leaves nothing to report', () => {
    const text = 'ISO/IEC 27001:2022 の A.9.1.1 及び A.12.4.1 を適用する。\n';
    const findings = findingsOf(text);
    let fixed = text;
    for (const finding of [...findings].sort((a, b) => b.start - a.start)) {
      fixed = fixed.slice(0, finding.start) + finding.fix!.replacement + fixed.slice(finding.end);
    }
    assert.equal(fixed, 'ISO/IEC 27001:2022 の A.5.15 及び A.8.15 を適用する。\n');
    assert.deepEqual(findingsOf(fixed, undefined, undefined, [...RULES]), []);
  });

  it('joins several 2022 numbers with 「、」 and says so in the fix title', () => {
    // The bundled mapping gives one 2022 control per 2013 control; add a second pair to exercise the many case.
    const catalogues = readDist<CompiledCatalogues>('catalogues-index.json');
    const mappings = catalogues.mappings.map((mapping) => ({ ...mapping, pairs: [...mapping.pairs, ['A.9.1.1', 'A.5.18', 'intersect', 'test'] as const] }));
    const knowledge = Knowledge.fromParts({
      glossary: readDist<CompiledGlossary>('glossary-index.json'),
      services: readDist<CompiledServices>('services-index.json'),
      catalogues: { ...catalogues, mappings },
    });
    const text = 'ISO/IEC 27001:2022 の A.9.1.1 に従う。\n';
    const [finding] = findingsOf(text, undefined, knowledge);
    assert.equal(text.slice(finding.start, finding.end), 'A.9.1.1');
    assert.deepEqual(finding.fix, {
      title: { ja: '「A.5.15、A.5.18」に置き換える（2022年版の2管理策に対応）', en: 'Replace with A.5.15, A.5.18 (one 2013 control maps to 2 controls of 2022)' },
      replacement: 'A.5.15、A.5.18',
    });
    assert.deepEqual(finding.message, {
      ja: '2013年版の管理策番号: 「A.9.1.1」は2022年版にはなく、対応する2022年版の番号は A.5.15、A.5.18 です',
      en: 'ISO/IEC 27001:2022 has no A.9.1.1, a 2013 number; the 2022 controls are A.5.15 (Access control) and A.5.18 (Access rights).',
    });
    // A sentence giving either mapping is not reported.
    assert.deepEqual(findingsOf('ISO/IEC 27001:2022 の A.9.1.1（2022年版では A.5.18）に従う。\n', undefined, knowledge), []);
  });

  it('does not also report the 2013 number as unknown', () => {
    assert.deepEqual(
      findingsOf('ISO/IEC 27001:2022 の A.9.1.1 に従う。\n').map((finding) => finding.ruleId),
      ['control/outdated-iso-numbering'],
    );
  });
});

function readDist<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist', name), 'utf8')) as T;
}
