import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { completionsAt, type CompletionEntry, type CompletionResult } from '../../server/src/features/completion';
import type { Language } from '../../server/src/language';
import { allRules } from '../../server/src/rules/index';
import { bundledKnowledge, repoRoot } from '../helpers';

const CURSOR = '‸';

interface Completion extends CompletionResult {
  /** The text without the cursor mark. */
  readonly text: string;
  readonly offset: number;
}

/** Completion at the ‸ in `marked`. */
function complete(marked: string, uri = 'file:///spec.md', languageId?: string, language: Language = 'ja'): Completion {
  const offset = marked.indexOf(CURSOR);
  assert.notEqual(offset, -1, 'no cursor mark');
  const text = marked.slice(0, offset) + marked.slice(offset + CURSOR.length);
  return { ...completionsAt(text, uri, languageId, offset, bundledKnowledge(), language), text, offset };
}

/** Completion at the ‸ in a Markdown text, details in English. */
function completeEn(marked: string): Completion {
  return complete(marked, 'file:///spec.md', undefined, 'en');
}

function completeYaml(marked: string, uri = 'file:///system-profile.yaml', language: Language = 'ja'): Completion {
  return complete(marked, uri, 'yaml', language);
}

function labels(result: CompletionResult, count?: number): string[] {
  return result.items.slice(0, count).map((item) => item.label);
}

function item(result: CompletionResult, label: string): CompletionEntry {
  const found = result.items.find((candidate) => candidate.label === label);
  assert.ok(found, `no item ${label} in ${JSON.stringify(labels(result))}`);
  return found;
}

/** The text an item replaces. */
function replaced(result: Completion, entry: CompletionEntry): string {
  return result.text.slice(entry.replaceStart, entry.replaceEnd);
}

/**
 * What an editor's filter keeps when `typed` is the text from the replace start to the cursor: the filterText
 * starts with it, or one of its words does (case-insensitive, no width folding — as VS Code filters).
 */
function clientKeeps(entry: CompletionEntry, typed: string): boolean {
  const filter = (entry.filterText ?? entry.label).toLowerCase();
  const needle = typed.toLowerCase();
  return filter.startsWith(needle) || filter.includes(` ${needle}`);
}

const ISMAP_9_2 = ['9.2.1', '9.2.2', '9.2.3', '9.2.4', '9.2.5', '9.2.6', '9.2.1.6.PB', '9.2.2.8.PB', '9.2.3.11.PB', '9.2.4.9.PB'];

describe('completion: control IDs in Markdown', () => {
  it('offers the ISMAP objectives under 9.2 with titles and tier, then the detailed controls it knows', () => {
    const result = complete('本システムはISMAP管理策 9.2.‸を満たすこと。');
    assert.deepEqual(labels(result), ISMAP_9_2);
    assert.equal(result.isIncomplete, false);
    const objective = item(result, '9.2.1');
    assert.equal(objective.kind, 'control');
    assert.equal(objective.detail, '（英語）User registration and de-registration · 管理策基準 管理目的');
    assert.equal(replaced(result, objective), '9.2.');
    assert.equal(objective.replaceEnd, result.offset);
    assert.equal(objective.insertText, undefined);
    assert.equal(item(result, '9.2.1.6.PB').detail, '管理策基準 詳細管理策（.PB クラウド固有・原則必須） · 9.2.1 （英語）User registration and de-registration');
    assert.match(objective.documentation!, /^\*\*ISMAP管理基準 9\\\.2\\\.1\*\*/);
    const english = completeEn('本システムはISMAP管理策 9.2.‸を満たすこと。');
    assert.equal(item(english, '9.2.1').detail, 'User registration and de-registration · control objective (controls criteria)');
    assert.equal(
      item(english, '9.2.1.6.PB').detail,
      'detailed control (controls criteria), .PB cloud-specific, required in principle · 9.2.1 User registration and de-registration',
    );
    assert.match(item(english, '9.2.1').documentation!, /^\*\*ISMAP Control Criteria \\\(2022\\-04\\-01 edition\\\) 9\\\.2\\\.1\*\*/);
  });

  it('shows the Japanese title where the catalogue has one (9.1.1, 9.1.2 from JIS Q 27001:2014), the English one labelled where not (9.2.1)', () => {
    const result = complete('ISMAP管理策 9.1.‸');
    assert.deepEqual(
      result.items.filter((entry) => !entry.label.includes('.PB')).map((entry) => [entry.label, entry.detail]),
      [
        ['9.1.1', 'アクセス制御方針 · 管理策基準 管理目的'],
        ['9.1.2', 'ネットワーク及びネットワークサービスへのアクセス · 管理策基準 管理目的'],
      ],
    );
    assert.equal(item(result, '9.1.1').documentation, '**ISMAP管理基準 9\\.1\\.1**\n\nアクセス制御方針\n\n管理策基準 管理目的\n\n*ISMAP管理基準 · 2026\\-11\\-26時点 · 部分的*');
    assert.equal(
      item(completeEn('ISMAP管理策 9.1.‸'), '9.1.1').documentation,
      '**ISMAP Control Criteria \\(2022\\-04\\-01 edition\\) 9\\.1\\.1**\n\nAccess control policy\n\ncontrol objective \\(controls criteria\\)\n\n*ISMAP Control Criteria · as of 2026\\-11\\-26 · partial*',
    );
    // No source read gives the Japanese title of 9.2.1, so it stays English, labelled so (see the catalogue manifest).
    assert.equal(item(complete('ISMAP管理策 9.2.‸'), '9.2.1').detail, '（英語）User registration and de-registration · 管理策基準 管理目的');
    assert.equal(item(complete('ISMAP管理策 9.‸'), '9.2').detail, '利用者アクセスの管理 · 管理策基準 カテゴリ');
    assert.equal(item(completeEn('ISMAP管理策 9.‸'), '9.2').detail, 'User access management · category (controls criteria)');
  });

  it('filters with full-width input: the filterText starts with what was typed, in the same widths', () => {
    for (const typed of ['９．２．', '９.２.']) {
      const result = complete(`ISMAP管理策 ${typed}‸`);
      assert.deepEqual(labels(result), ISMAP_9_2, typed);
      const first = result.items[0];
      assert.equal(replaced(result, first), typed);
      assert.ok(first.filterText!.startsWith(`${typed}１ `), first.filterText);
      // Typing on in full width keeps 9.2.1 and its detailed control only.
      const kept = result.items.filter((entry) => clientKeeps(entry, `${typed}１`)).map((entry) => entry.label);
      assert.deepEqual(kept, ['9.2.1', '9.2.1.6.PB'], typed);
    }
  });

  it('finds controls by a title word after the cue (アクセス finds 9.1.1)', () => {
    const result = complete('ISMAP管理策 アクセス‸');
    assert.deepEqual(labels(result), ['9.1.1', '9.1.2', '9.2.2', '9.2.3', '9.2.5', '9.2.6', '9.4.1', '9.4.5']);
    assert.equal(result.isIncomplete, true);
    const policy = item(result, '9.1.1');
    assert.equal(replaced(result, policy), 'アクセス');
    assert.equal(policy.detail, 'アクセス制御方針 · 管理策基準 管理目的');
    assert.ok(clientKeeps(policy, 'アクセス'));
    assert.ok(policy.filterText!.includes('Access control policy'));
  });

  it('offers the framework top level right after the cue, headings inserting their separator', () => {
    const result = complete('ISMAP管理策 ‸');
    assert.deepEqual(labels(result, 18), ['3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16', '17', '18', '3.1', '4.4']);
    assert.equal(result.isIncomplete, true);
    const access = item(result, '9');
    assert.equal(access.insertText, '9.');
    assert.equal(access.retrigger, true);
    assert.equal(access.detail, 'アクセス制御 · 管理策基準 分野');
    assert.equal(item(completeEn('ISMAP管理策 ‸'), '9').detail, 'Access control · domain (controls criteria)');
    assert.equal(item(result, '9.1').insertText, '9.1.');
  });

  it('offers NIST SP 800-53 controls after "AC-", then the enhancements as AC-2(1); withdrawn ones deprecated', () => {
    const result = complete('NIST SP 800-53 の AC-‸');
    const controls = Array.from({ length: 25 }, (_, index) => `AC-${index + 1}`);
    assert.deepEqual(labels(result, 30), [...controls, 'AC-2(1)', 'AC-2(2)', 'AC-2(3)', 'AC-2(4)', 'AC-2(5)']);
    assert.equal(result.items.length, 147);
    assert.equal(item(result, 'AC-2').detail, '（英語）Account Management · LOW/MODERATE/HIGH');
    assert.equal(item(completeEn('NIST SP 800-53 の AC-‸'), 'AC-2').detail, 'Account Management · LOW/MODERATE/HIGH');
    assert.equal(item(result, 'AC-2').deprecated, undefined);
    assert.equal(item(result, 'AC-13').deprecated, true);
    assert.equal(item(result, 'AC-13').detail, '（英語）Supervision and Review — Access Control · 廃止');
    assert.equal(item(completeEn('NIST SP 800-53 の AC-‸'), 'AC-13').detail, 'Supervision and Review — Access Control · withdrawn');
    assert.equal(item(result, 'AC-2(10)').deprecated, true);
    assert.equal(replaced(result, result.items[0]), 'AC-');

    const enhancements = complete('NIST SP 800-53 の AC-2(‸');
    assert.deepEqual(labels(enhancements), Array.from({ length: 13 }, (_, index) => `AC-2(${index + 1})`));
    // A lower-case spelling still completes, and keeps what was typed first in the filterText.
    const typed = complete('NIST の ac-2(1‸');
    assert.deepEqual(labels(typed), ['AC-2(1)', 'AC-2(10)', 'AC-2(11)', 'AC-2(12)', 'AC-2(13)']);
    assert.ok(typed.items[0].filterText!.startsWith('ac-2(1)'));
  });

  it('offers NIST families and IDs after the family prefix alone, which is its own cue', () => {
    assert.deepEqual(labels(complete('アカウント管理は AC-‸'), 3), ['AC-1', 'AC-2', 'AC-3']);
    // Lower case needs the framework named.
    assert.deepEqual(labels(complete('アカウント管理は ac-‸')), []);
  });

  it('offers ISO/IEC 27001:2022 Annex A controls A.5.1 … A.5.37 and 2013 controls by edition', () => {
    const result = complete('ISO/IEC 27001:2022 附属書A の A.5.‸');
    assert.deepEqual(labels(result), Array.from({ length: 37 }, (_, index) => `A.5.${index + 1}`));
    assert.equal(item(result, 'A.5.15').detail, 'アクセス制御 · 組織的管理策');
    assert.equal(item(completeEn('ISO/IEC 27001:2022 附属書A の A.5.‸'), 'A.5.15').detail, 'Access control · organizational controls');
    assert.deepEqual(labels(complete('ISO/IEC 27001:2013 の A.9.‸'), 3), ['A.9.1.1', 'A.9.1.2', 'A.9.2.1']);
    // Written without "A.", the labels follow.
    assert.deepEqual(labels(complete('ISO/IEC 27001:2022 の 5.1‸'), 4), ['5.1', '5.10', '5.11', '5.12']);
  });

  it('offers 統一基準 items under a clause', () => {
    const result = complete('統一基準 2.1.1(‸');
    assert.deepEqual(labels(result), ['2.1.1(1)', '2.1.1(2)', '2.1.1(3)', '2.1.1(4)', '2.1.1(5)', '2.1.1(6)', '2.1.1(7)', '2.1.1(8)']);
    assert.equal(item(result, '2.1.1(5)').detail, '最高情報セキュリティアドバイザーの設置');
    assert.equal(item(completeEn('統一基準 2.1.1(‸'), '2.1.1(5)').detail, 'Designation of the chief information security advisor');
  });

  it('reads the cue in the same table row and heading', () => {
    assert.deepEqual(labels(complete('| ISMAP管理策 | 9.2.‸ |')), ISMAP_9_2);
    assert.deepEqual(labels(complete('## ISMAP管理策 9.2.‸')), ISMAP_9_2);
  });

  it('offers nothing without a cue, in plain prose, in code, in links and URLs', () => {
    for (const marked of [
      '3.2 リージョン‸',
      '本システムは業務を‸',
      '9.2.‸',
      'ISMAPについて述べる。次の文の 9.2.‸',
      '```\nISMAP管理策 9.2.‸\n```\n',
      '~~~md\nガバ‸\n~~~\n',
      '`ISMAP管理策 9.2.‸`',
      '[リンク](https://example.com/ガバ‸)',
      'https://www.ismap.go.jp/ISMA‸',
    ]) {
      const result = complete(marked);
      assert.deepEqual(labels(result), [], marked);
      assert.equal(result.isIncomplete, false, marked);
    }
  });
});

describe('completion: glossary terms', () => {
  it('offers canonical terms for the typed prefix, never a variant spelling', () => {
    const result = complete('本システムはガバ‸上に構築する。');
    assert.deepEqual(labels(result), ['ガバメントAI', 'ガバメントクラウド', 'ガバナンス基準', 'ガバメントソリューションサービス', '情報通信技術を活用した行政の推進等に関する法律の一部を改正する法律']);
    assert.ok(!labels(result).includes('ガバクラ'));
    assert.equal(result.isIncomplete, true);
    const govCloud = item(result, 'ガバメントクラウド');
    assert.equal(govCloud.kind, 'term');
    assert.equal(replaced(result, govCloud), 'ガバ');
    assert.equal(govCloud.detail, 'Government Cloud (Japan)');
    assert.match(govCloud.documentation!, /^\*\*ガバメントクラウド\*\*· Government Cloud \\\(Japan\\\)  \nシステム · 現行  \n/);
    assert.match(item(completeEn('本システムはガバ‸上に構築する。'), 'ガバメントクラウド').documentation!, /^\*\*Government Cloud \\\(Japan\\\)\*\* · ガバメントクラウド/);
    // Found through the variant ガバクラ法案: the filterText keeps what was typed first.
    assert.equal(item(result, '情報通信技術を活用した行政の推進等に関する法律の一部を改正する法律').filterText, 'ガバクラ法案 情報通信技術を活用した行政の推進等に関する法律の一部を改正する法律');
  });

  it('matches half-width and Latin input in the widths typed', () => {
    const halfWidth = complete('ｶﾞﾊﾞ‸');
    assert.deepEqual(labels(halfWidth, 3), ['ガバメントAI', 'ガバメントクラウド', 'ガバナンス基準']);
    assert.equal(halfWidth.items[1].filterText, 'ｶﾞﾊﾞメントクラウド');
    const latin = complete('管理者は CIS‸');
    assert.deepEqual(labels(latin), ['CISO', '最高情報セキュリティ責任者']);
    assert.equal(replaced(latin, latin.items[0]), 'CIS');
  });

  it('reads a cue directly followed by a word as that word, not as a control title search', () => {
    const result = complete('ISMAP登録‸');
    assert.deepEqual(labels(result), ['ISMAP登録監査機関', 'ISMAP登録の更新', 'ISMAP監査機関']);
    assert.ok(result.items.every((entry) => entry.kind === 'term'));
  });

  it('marks a superseded term deprecated and offers its successor', () => {
    const result = complete('政府共通ネ‸');
    assert.deepEqual(labels(result), ['政府共通ネットワーク', 'ガバメントソリューションサービス']);
    assert.equal(result.items[0].deprecated, true);
    assert.equal(result.items[0].detail, 'Government Common Network · 移行中 → ガバメントソリューションサービス');
    assert.equal(complete('霞が関W‸').items[0].detail, 'Kasumigaseki WAN · 旧名称 → 政府共通ネットワーク');
    assert.equal(completeEn('政府共通ネ‸').items[0].detail, 'Government Common Network · being replaced → ガバメントソリューションサービス');
    assert.equal(completeEn('霞が関W‸').items[0].detail, 'Kasumigaseki WAN · superseded → 政府共通ネットワーク');
    assert.equal(item(complete('管理者は CIS‸'), 'CISO').detail, 'Chief Information Security Officer (CISO) · 最高情報セキュリティ責任者 の別名');
    assert.equal(item(completeEn('管理者は CIS‸'), 'CISO').detail, 'Chief Information Security Officer (CISO) · another name for 最高情報セキュリティ責任者');
    assert.equal(result.items[1].deprecated, undefined);
  });
});

describe('completion: suppression comments', () => {
  const ruleIds = allRules.map((rule) => rule.id);
  const wildcards = [...new Set(ruleIds.map((id) => `${id.split('/')[0]}/*`))];

  it('offers the directives inside a comment, and rule ids after one', () => {
    const directives = complete('<!-- govsec-‸');
    assert.deepEqual(labels(directives), ['govsec-disable-next-line', 'govsec-disable-line', 'govsec-disable', 'govsec-enable']);
    assert.equal(directives.items[0].insertText, 'govsec-disable-next-line ');
    assert.equal(directives.items[0].retrigger, true);
    assert.equal(replaced(directives, directives.items[0]), 'govsec-');
    assert.equal(directives.items[0].detail, '次の行の指摘を無効にする');
    assert.equal(complete('<!-- govsec-‸', 'file:///spec.md', undefined, 'en').items[0].detail, 'disable findings on the next line');

    const rules = complete('<!-- govsec-disable-next-line term/variant, ‸ -->\nガバクラ');
    assert.deepEqual(labels(rules), [...ruleIds.filter((id) => id !== 'term/variant'), ...wildcards]);
    assert.deepEqual(labels(rules, 3), ['ismap/unregistered-service', 'ismap/liu-scope', 'ismap/renewal-period']);
    assert.equal(rules.items[0].kind, 'rule');
    // Rule descriptions are written in English only; the Japanese list labels them so.
    const first = allRules.find((rule) => rule.id === rules.items[0].label)!;
    assert.equal(rules.items[0].detail, `（英語）${first.description}`);
    assert.equal(item(rules, 'ismap/*').detail, 'ismap/* の全規則');
    const english = complete('<!-- govsec-disable-next-line ‸ -->', 'file:///spec.md', undefined, 'en');
    assert.equal(english.items[0].detail, allRules.find((rule) => rule.id === english.items[0].label)!.description);
    assert.equal(item(english, 'ismap/*').detail, 'every ismap/* rule');

    const yaml = completeYaml('# govsec-disable-next-line ism‸\ncloud:\n  provider: AWS\n');
    assert.deepEqual(labels(yaml), [...ruleIds, ...wildcards]);
    assert.equal(replaced(yaml, yaml.items[0]), 'ism');
  });

  it('reads a comment that spans lines, and offers nothing in a plain comment word or after a note', () => {
    assert.deepEqual(labels(complete('本文\n<!-- 説明\ngovsec-dis‸ -->'), 3), ['govsec-disable-next-line', 'govsec-disable-line', 'govsec-disable']);
    assert.deepEqual(labels(complete('<!-- メモ‸ -->')), []);
    assert.deepEqual(labels(complete('<!-- govsec-disable ismap/* -- 理由 ‸ -->')), []);
  });
});

describe('completion: YAML', () => {
  it('offers control IDs under keys that name a framework, full-width input included', () => {
    assert.deepEqual(labels(completeYaml('system: 電子申請システム\nismap_controls:\n  - 9.2.‸\n')), ISMAP_9_2);
    const fullWidth = completeYaml('ismap_controls:\n- ９.２.‸\n');
    assert.deepEqual(labels(fullWidth), ISMAP_9_2);
    assert.ok(fullWidth.items[0].filterText!.startsWith('９.２.１'));
    assert.deepEqual(labels(completeYaml('nist:\n  - AC-2(‸\n'), 3), ['AC-2(1)', 'AC-2(2)', 'AC-2(3)']);
    assert.deepEqual(labels(completeYaml('iso27001_2022: [A.5.15, A.8.‸]\n'), 3), ['A.8.1', 'A.8.2', 'A.8.3']);
    assert.deepEqual(labels(completeYaml('管理策:\n  - 9.2.‸\n')), ISMAP_9_2);
    // A key the schema does not know still names its framework (as the recogniser reads it).
    assert.deepEqual(labels(completeYaml('security:\n  ismap_objectives:\n    - 9.2.‸\n')), ISMAP_9_2);
    // `controls` holds IDs with their own prefix.
    assert.deepEqual(labels(completeYaml('controls:\n  - AC-‸\n'), 2), ['AC-1', 'AC-2']);
  });

  it('offers the valid grades under classification keys', () => {
    const axis = completeYaml('classification:\n  機密性: ‸\n');
    assert.deepEqual(labels(axis), ['1', '2', '3']);
    assert.equal(item(axis, '2').detail, '機密性2情報 · Confidentiality class-2 information');
    assert.equal(item(axis, '2').kind, 'grade');
    assert.deepEqual(labels(completeYaml('classification:\n  integrity: ‸\n')), ['1', '2']);
    assert.deepEqual(labels(completeYaml('classification: ‸\n')), ['機密性1情報', '機密性2情報', '機密性3情報', '完全性1情報', '完全性2情報', '可用性1情報', '可用性2情報']);
    // Front matter of a Markdown spec.
    const frontMatter = complete('---\ntitle: 調達仕様書\nclassification:\n  confidentiality: ‸\n---\n\n# 本文\n');
    assert.deepEqual(labels(frontMatter), ['1', '2', '3']);
  });

  it('offers the ガバメントクラウド providers first, with their ISMAP status worded per the list', () => {
    const result = completeYaml('cloud:\n  provider: ‸\n');
    assert.deepEqual(labels(result), [
      'Amazon Web Services', 'Google Cloud', 'Microsoft Azure', 'Oracle Cloud Infrastructure', 'さくらのクラウド',
      'Wasabi Hot Cloud Storage', 'ニフクラ', 'FUJITSU Hybrid IT Service FJcloud', 'NEC Cloud IaaS', 'NTT Com Smart Data Platform', 'ConoHa',
      'FJcloud-V', 'IIJ GIO P2', 'IDCFクラウド', 'DigitalOcean', 'Vultr', 'Linode', 'Hetzner', 'IBM Cloud', 'Alibaba Cloud',
    ]);
    assert.equal(item(result, 'Amazon Web Services').detail, 'ガバメントクラウド: 選定 · ISMAP掲載 C21-0008-2（リスト 2026-09-15時点、10件、部分的）');
    assert.equal(item(result, 'Oracle Cloud Infrastructure').detail, 'ガバメントクラウド: 選定 · 読み込んだISMAPリスト（2026-09-15時点、10件、部分的）に見当たりません');
    assert.equal(item(result, 'さくらのクラウド').detail, 'ガバメントクラウド: 条件付き選定 · ISMAP掲載 C21-0030-2（リスト 2026-09-15時点、10件、部分的）');
    assert.ok(result.items.every((entry) => !/未登録|not registered/.test(entry.detail ?? '')));
    const english = completeYaml('cloud:\n  provider: ‸\n', undefined, 'en');
    assert.equal(item(english, 'Amazon Web Services').detail, 'Government Cloud: selected · on the ISMAP list: C21-0008-2 (list as of 2026-09-15, 10 services, partial)');
    assert.equal(item(english, 'Oracle Cloud Infrastructure').detail, 'Government Cloud: selected · not found in the ISMAP list loaded (as of 2026-09-15, 10 services, partial)');
    assert.equal(item(english, 'さくらのクラウド').detail, 'Government Cloud: selected on conditions · on the ISMAP list: C21-0030-2 (list as of 2026-09-15, 10 services, partial)');
    assert.ok(item(english, 'Amazon Web Services').documentation!.startsWith('**Amazon Web Services** · IaaS / PaaS · ISMAP: ✓ listed'));
    // Typing "AWS" keeps Amazon Web Services (its alias is in the filterText).
    const typed = completeYaml('cloud:\n  provider: AW‸\n');
    assert.ok(clientKeeps(item(typed, 'Amazon Web Services'), 'AW'));
    assert.equal(replaced(typed, typed.items[0]), 'AW');
  });

  it('offers the services, the chosen provider\'s first, with their ISMAP status', () => {
    const result = completeYaml('cloud:\n  provider: Microsoft Azure\n  service: ‸\n');
    assert.deepEqual(labels(result, 9), [
      'Microsoft Azure', 'Azure Virtual Machines', 'Azure Blob Storage', 'Azure Kubernetes Service', 'Azure DevOps', 'Azure OpenAI Service',
      'Microsoft 365 Copilot', 'Microsoft Entra ID', 'Microsoft Power Platform',
    ]);
    assert.equal(item(result, 'Slack').detail, 'Salesforce, Inc. · SaaS · 読み込んだISMAPリスト（2026-09-15時点、10件、部分的）に見当たりません');
    // A SaaS list puts SaaS first; an entry's keys come last.
    const saas = completeYaml('saas:\n  - ‸\n');
    assert.deepEqual(labels(saas, 3), ['ChatGPT', 'Claude', 'Microsoft 365 Copilot']);
    assert.deepEqual(labels(saas).slice(-3), ['name', 'purpose', 'note']);
  });

  it('offers the chosen provider\'s regions, Japanese regions first', () => {
    const aws = completeYaml('cloud:\n  provider: AWS\n  region: ‸\n');
    assert.deepEqual(labels(aws), [
      'ap-northeast-1', 'ap-northeast-3', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1',
      'ap-northeast-2', 'ap-east-1', 'ap-southeast-1', 'ap-southeast-2', 'ap-south-1',
    ]);
    assert.equal(item(aws, 'ap-northeast-1').detail, 'Asia Pacific (Tokyo) · 東京 (Tokyo) · 国内');
    assert.equal(item(aws, 'us-east-1').detail, 'US East (N. Virginia) · Northern Virginia, US · 海外');
    const english = completeYaml('cloud:\n  provider: AWS\n  region: ‸\n', undefined, 'en');
    assert.equal(item(english, 'ap-northeast-1').detail, 'Asia Pacific (Tokyo) · 東京 (Tokyo) · in Japan');
    assert.equal(item(english, 'us-east-1').detail, 'US East (N. Virginia) · Northern Virginia, US · outside Japan');
    assert.deepEqual(labels(completeYaml('cloud:\n  region: ‸\n  provider: Microsoft Azure\n'), 3), ['japaneast', 'japanwest', 'eastasia']);
    assert.deepEqual(labels(completeYaml('cloud:\n  provider: さくらのクラウド\n  regions:\n    - tk1a\n    - ‸\n')), ['tk1a', 'tk1b', 'is1a', 'is1b']);
    // No provider chosen: every ガバメントクラウド provider's regions, the Japanese ones first.
    const any = completeYaml('cloud:\n  region: ‸\n');
    assert.deepEqual(labels(any, 4), ['ap-northeast-1', 'ap-northeast-3', 'asia-northeast1', 'asia-northeast2']);
    assert.equal(item(any, 'asia-northeast1').detail, 'Google Cloud · asia-northeast1 (Tokyo) · 東京 (Tokyo) · 国内');
  });

  it('works while the YAML does not parse yet, and on a value typed right after the colon', () => {
    const broken = completeYaml('cloud:\n  provider: AWS\n  region: ap-‸\nnotes: [unclosed\n  - : :\n');
    assert.deepEqual(labels(broken, 2), ['ap-northeast-1', 'ap-northeast-3']);
    assert.equal(replaced(broken, broken.items[0]), 'ap-');
    const tight = completeYaml('cloud:\n  provider:‸\n');
    assert.equal(tight.items[0].insertText, ' Amazon Web Services');
  });

  it('offers the schema keys not yet written, with their value form', () => {
    const cloud = completeYaml('cloud:\n  provider: AWS\n  ‸\n');
    assert.deepEqual(labels(cloud), ['service', 'region', 'dr_region', 'regions', 'platform', 'candidates', 'alternatives', 'プロバイダ', 'リージョン']);
    assert.equal(item(cloud, 'region').insertText, 'region: ');
    assert.equal(item(cloud, 'region').retrigger, true);
    assert.equal(item(cloud, 'regions').insertText, 'regions:\n    - ');
    // The schema's description in one language (the schema writes both, "日本語 / English").
    const region = item(cloud, 'region').detail!;
    const regionEn = item(completeYaml('cloud:\n  provider: AWS\n  ‸\n', undefined, 'en'), 'region').detail!;
    assert.equal(region, 'リージョン（ID）。ガバメントクラウドでは国内リージョンを使います（govcloud/overseas-region）。');
    assert.equal(regionEn, 'A region id; ガバメントクラウド systems use regions in Japan.');
    const top = completeYaml('doctype: system-profile\n‸\n');
    assert.deepEqual(labels(top, 6), ['title', 'date', 'sector', 'organization', 'issuer', 'system']);
    assert.equal(item(top, 'cloud').insertText, 'cloud:\n  ');
    assert.equal(item(top, 'ismap_controls').insertText, 'ismap_controls:\n  - ');
    // A key being typed: the rest of it is replaced, the colon kept.
    const typing = completeYaml('cloud:\n  regi‸on: x\n');
    assert.equal(replaced(typing, item(typing, 'region')), 'region');
    assert.equal(item(typing, 'region').insertText, undefined);
    // Values the schema lists.
    assert.deepEqual(labels(completeYaml('doctype: ‸\n')), ['gov-procurement-spec', 'requirements-definition', 'system-profile', '調達仕様書', '要件定義書']);
  });

  it('offers no keys in YAML that is not a profile, nor in a govsec configuration file', () => {
    assert.deepEqual(labels(completeYaml('apiVersion: v1\n‸\n', 'file:///deploy.yaml')), []);
    assert.deepEqual(labels(completeYaml('rules:\n  term/variant: off\n‸\n', 'file:///work/.govsec.yaml')), []);
    // Keys under a framework still complete anywhere.
    assert.deepEqual(labels(completeYaml('nist:\n  - AC-2(‸\n', 'file:///deploy.yaml'), 1), ['AC-2(1)']);
  });

  it('offers terms in free text and block scalars', () => {
    assert.deepEqual(labels(completeYaml('system:\n  description: |\n    本システムはガバメ‸\n'), 2), ['ガバメントAI', 'ガバメントクラウド']);
    assert.deepEqual(labels(completeYaml('system:\n  name: ガバメ‸\n'), 2), ['ガバメントAI', 'ガバメントクラウド']);
    assert.deepEqual(labels(completeYaml('system:\n  website: https://example.jp/ガバ‸\n')), []);
  });
});

describe('completion: system-profile schema', () => {
  const file = path.join(repoRoot, 'glossary', 'schema', 'system-profile.schema.json');
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));

  it('compiles under strict ajv, accepts the example and the shapes the rules read', () => {
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    const accepted = [
      fs.readFileSync(path.join(repoRoot, 'examples', 'system-profile.yaml'), 'utf8'),
      'system: 電子申請システム\nismap_controls:\n  - 9.2.1\n  - ９．２．１．６．ＰＢ\nnist:\n  - AC-2(1)\niso27001_2022:\n  - A.5.15\n  - 5.15\n',
      'organization: 経済産業省\nsystem:\n  name: 広報サイト\n  website:\n    url: https://www.meti-koho.jp/\n',
      'cloud:\n  provider: AWS\n  service: Amazon EC2\n  region: ap-northeast-1\n  dr_region: us-west-2\n',
      'saas:\n  - name: Box Sign\n    purpose: 電子契約\n  - Google Workspace\n',
      'classification:\n  confidentiality: 機密性2\n  integrity: 2\n',
      'controls:\n  - AC-2\n  - A.5.15\n',
      'system:\n  name: 職員健康管理システム\nsaas:\n',
    ];
    for (const text of accepted) {
      assert.equal(validate(parseYaml(text)), true, `${text}\n${JSON.stringify(validate.errors)}`);
    }
    for (const text of ['classification:\n  機密性: ４\n', 'classification:\n  availability: 3\n', 'nist:\n  - 9.2.1\n', 'confidentiality: 機密性4情報\n']) {
      assert.equal(validate(parseYaml(text)), false, text);
    }
  });

  it('lists the catalogue\'s ガバメントクラウド providers, services and regions (Japanese first) as examples', () => {
    const knowledge = bundledKnowledge();
    const providers = knowledge.services.filter((service) => service.govCloud);
    const regions = providers.flatMap((service) => service.regions);
    assert.deepEqual(schema.definitions.cloudProvider.examples, providers.map((service) => service.name));
    assert.deepEqual(schema.definitions.cloudService.examples, knowledge.services.map((service) => service.name));
    assert.deepEqual(schema.definitions.cloudRegion.examples, [...regions.filter((region) => region.japan), ...regions.filter((region) => !region.japan)].map((region) => region.id));
  });
});

describe('completion: cue patterns', () => {
});

describe('completion: speed', () => {
});
