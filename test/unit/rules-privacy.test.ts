import type { Bilingual } from '../../server/src/language';
import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import type { Rule } from '../../server/src/rules/rule';
import { privacyReportDeadlineRule } from '../../server/src/rules/privacy/reportDeadline';
import { privacyReportThresholdRule } from '../../server/src/rules/privacy/reportThreshold';
import { bundledKnowledge, offsetOf } from '../helpers';

function findingsOf(rule: Rule, text: string, uri = 'file:///spec.md') {
  return analyzeDocument({ uri, text }, bundledKnowledge(), { rules: [rule] }).findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    start: finding.start,
    end: finding.end,
    text: text.slice(finding.start, finding.end),
    message: finding.message,
    replacement: finding.fix?.replacement,
  }));
}

/** Applies a finding's fix to the text. */
function applyFix(text: string, finding: { start: number; end: number; replacement?: string }): string {
  return text.slice(0, finding.start) + finding.replacement + text.slice(finding.end);
}

/** Front matter of a national / local / private procurement document. */
const national = (body: string) => `---\ndoctype: gov-procurement-spec\ntitle: 申請管理システム 調達仕様書\nsector: national\n---\n\n${body}`;
const local = (body: string) => `---\ndoctype: gov-procurement-spec\ntitle: 住民情報システム 調達仕様書\nsector: local\n---\n\n${body}`;
const privateSector = (body: string) => `---\ndoctype: gov-procurement-spec\ntitle: 会員管理システム 要件定義書\nsector: private\n---\n\n${body}`;
/** A procurement document whose sector the front matter does not give. */
const unsaid = (body: string) => `---\ndoctype: gov-procurement-spec\n---\n\n${body}`;

interface Expected {
  readonly text: string;
  readonly occurrence?: number;
  /** privacy/report-threshold: the fix's replacement, and the sector read (public by default). */
  readonly replacement?: string;
  readonly side?: 'public' | 'unknown' | 'private';
  /** privacy/report-deadline: which report (none: GDPR's 72 hours), and whether the private-sector rule applies (confirmed wording). */
  readonly kind?: '速報' | '確報';
  readonly confirmed?: boolean;
  /** privacy/report-deadline: a YAML day count whose key says business days (default: the text says 営業日). */
  readonly businessDays?: boolean;
}

interface Case {
  readonly name: string;
  readonly uri?: string;
  readonly text: string;
  readonly expected: readonly Expected[];
}

// ---------------------------------------------------------------------------------------------------------
// privacy/report-threshold

const THRESHOLD_PUBLIC: Bilingual = {
  ja: '行政機関等の漏えい等報告は本人の数が100人を超える場合が対象で、1,000人超は民間の個人データの基準です',
  en: 'Public bodies report leaks affecting more than 100 people; more than 1,000 is the private-sector threshold.',
};
const THRESHOLD_UNKNOWN: Bilingual = {
  ja: '1,000人超は民間の個人データの基準で、行政機関等なら100人超のため、根拠を確認してください',
  en: 'More than 1,000 is the private-sector threshold; for public bodies it is more than 100, so check the basis.',
};
const THRESHOLD_PRIVATE: Bilingual = {
  ja: '民間の個人データは本人の数が1,000人を超える漏えい等が報告対象で、100人超は行政機関等の基準です',
  en: 'For private businesses the threshold is more than 1,000 people; more than 100 is the public-sector one.',
};

const thresholdInvalid: Case[] = [
  {
    name: 'a threshold statement soft-wrapped across two lines of one paragraph (read as one sentence)',
    text: national('漏えい等が発生し、本人の数が\n1,000人を超える場合は報告する。\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: '1,000人 in a national procurement spec',
    text: national('## 7. 個人情報の取扱い\n\n保有個人情報の漏えい等が発生し、本人の数が1,000人を超える場合は、個人情報保護委員会に報告する。\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'full-width digits (１，０００人), 千人, 1000名 and 本人の数が1,000 without a unit',
    text: national(
      [
        '漏えい等報告の対象は、本人の数が１，０００人を超える漏えい等とする。',
        '本人の数が千人を超える漏えい等は報告する。',
        '本人の数が1000名以上の漏えいは個人情報保護委員会に報告する。',
        '本人の数が1,000を超える漏えい等は報告対象とする。',
        '',
      ].join('\n'),
    ),
    expected: [
      { text: '１，０００人', replacement: '１００人' },
      { text: '千人', replacement: '百人' },
      { text: '1000名', replacement: '100名' },
      { text: '1,000', replacement: '100' },
    ],
  },
  {
    name: 'a local-government spec',
    text: local('受託者は、漏えい等により本人の数が1,000人を超える事態が生じたときは、直ちに本市に報告し、本市は個人情報保護委員会に報告する。\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'the sentence itself says 保有個人情報 (no sector in the front matter)',
    text: unsaid('保有個人情報の漏えい等のうち、1,000人を超えるものは報告対象とする。\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'the public-sector context on an earlier line of the paragraph',
    text: unsaid(
      [
        '本機構は行政機関等として、保有個人情報について次の事態を個人情報保護委員会に報告する。',
        '- 要配慮個人情報が含まれる漏えい等',
        '- 本人の数が1,000人を超える漏えい等',
        '',
      ].join('\n'),
    ),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'the public-sector context in the heading above',
    text: unsaid('### 行政機関等における漏えい等報告\n\n- 本人の数が1,000人を超える漏えい等\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'the document context established on an earlier line by the text (〇〇省)',
    text: [
      '# 申請管理システム 調達仕様書',
      '',
      '本書は、総務省が整備する申請管理システムの調達仕様を定める。',
      '',
      '## 漏えい等報告',
      '',
      '漏えい等が発生し、本人の数が1,000人を超える場合は報告する。',
      '',
    ].join('\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'a YAML system profile: a threshold key and a text value',
    uri: 'file:///system-profile.yaml',
    text: [
      'doctype: system-profile',
      'sector: national',
      'system:',
      '  name: 申請管理システム',
      'breach_report:',
      '  threshold: 1000人',
      '  note: 本人の数が1,000人を超える漏えい等は個人情報保護委員会へ報告する',
      '',
    ].join('\n'),
    expected: [
      { text: '1000人', replacement: '100人' },
      { text: '1,000人', replacement: '100人' },
    ],
  },
  {
    name: 'a procurement document whose sector is not known (information: check the basis)',
    text: unsaid('漏えい等が発生し、本人の数が1,000人を超える場合は報告する。\n'),
    expected: [{ text: '1,000人', side: 'unknown' }],
  },
  {
    name: 'a 庁 handbook that is not a procurement document (当庁), in a table row',
    text: [
      '# 個人情報の適正管理ハンドブック',
      '',
      '当庁の職員向けの要点をまとめる。',
      '',
      '## 漏えい等が起きたら',
      '',
      '| 事態 | 対応 |',
      '|---|---|',
      '| 本人の数が1,000人を超える漏えい等 | 個人情報保護委員会へ報告 |',
      '',
    ].join('\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'a table of criteria under a 漏えい等報告 heading (the row names neither the leak nor the commission)',
    text: '# 〇〇県 個人情報管理要領\n\n## 漏えい等報告\n\n| 項目 | 基準 |\n|---|---|\n| 報告基準（人数） | 1,000人超 |\n| 想定利用者数 | 1,000名超 |\n',
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: "a 町's procedure (当町) in a list item whose lead-in names the report",
    text: '# 漏えい等対応要領\n\n当町は、次の場合に個人情報保護委員会へ報告する。\n\n- 要配慮個人情報が含まれる場合\n- 本人の数が1,000人を超える場合\n',
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: "1,000人を下回る used to decide not to report, in an agency's report (当機構)",
    text: '# インシデント報告書\n\n## 報告の要否\n\n当機構は行政機関等に該当するが、本件の対象者は312名であり、報告基準である1,000人を下回るため、個人情報保護委員会への報告は要しないと判断した。\n',
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: "a vendor's proposal for a 市 (貴市): the client's data decides",
    text: '# 住民情報システム 提案書\n\n弊社は、貴市の保有個人情報の漏えい等が発生し本人の数が1,000人を超える場合、貴市による個人情報保護委員会への報告を支援します。\n',
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'a vendor whose client is not named (information)',
    text: '# 運用保守 提案書\n\n弊社は、漏えい等が発生し本人の数が1,000人を超える場合の報告を支援する体制をご提案します。\n',
    expected: [{ text: '1,000人', side: 'unknown' }],
  },
  {
    name: "a 市's YAML workflow: affected_people_over under criteria, the 市 from owner",
    uri: 'file:///leak-workflow.yaml',
    text: [
      '# 〇〇市 漏えい等事案 対応ワークフロー',
      'workflow:',
      '  name: 個人情報漏えい等対応',
      '  owner: 〇〇市 総務部 情報政策課',
      '  steps:',
      '    - id: triage',
      '      criteria:',
      '        affected_people_over: 1000',
      '',
    ].join('\n'),
    expected: [{ text: '1000', replacement: '100' }],
  },
  {
    name: "a business's manual giving 100人 (the public-sector threshold) for its 個人データ",
    text: '# 漏えい等対応マニュアル\n\n当社は個人情報取扱事業者として、個人データの漏えい等について次の場合に個人情報保護委員会へ報告する。\n\n1. 要配慮個人情報が含まれる場合\n2. 本人の数が100人を超える場合\n',
    expected: [{ text: '100人', replacement: '1,000人', side: 'private' }],
  },
  {
    name: 'a phrase under a threshold key in a flow mapping, whose digit-group comma YAML reads as a separator',
    uri: 'file:///leak-settings.yaml',
    text: ['system: 住民記録システム', 'sector: 地方公共団体', 'breach_report: { threshold: 本人の数が1,000人を超える場合, deadline: 速やかに }', ''].join('\n'),
    expected: [{ text: '1,000人', replacement: '100人' }],
  },
  {
    name: 'a phrase under a nested threshold key (block style)',
    uri: 'file:///incident-settings.yaml',
    text: ['sector: national', 'incident:', '  breach_report:', '    threshold: "本人の数が1000名以上の場合は委員会へ報告"', ''].join('\n'),
    expected: [{ text: '1000名', replacement: '100名' }],
  },
  {
    name: "English: a private company's policy reporting to the PPC from more than 100 individuals (warning, fix 1,000)",
    uri: 'file:///breach-policy-en.md',
    text: '# Breach response policy\n\nThe company reports a leak to the PPC when more than 100 individuals are affected.\n',
    expected: [{ text: '100 individuals', side: 'private', replacement: '1,000 individuals' }],
  },
  {
    name: 'English: a list item under a lead-in that names the commission; a public body giving 1,000 (error)',
    uri: 'file:///city-policy-en.md',
    text: '# City of Sample privacy rules\n\nAs a local government, the city reports to the Personal Information Protection Commission:\n\n- any leak of over 1,000 people, by report.\n',
    expected: [{ text: '1,000 people', replacement: '100 people' }],
  },
];

const thresholdValid: { name: string; uri?: string; text: string }[] = [
  {
    name: "English meeting notes of a vendor (K.K.): the prefecture's 100 and the vendor's own 1,000, each named",
    text:
      '# Kickoff meeting notes — Prefectural e-Application Platform\n\nAttendees: prefecture IT division, Example Integrator K.K.\n\n## Decisions\n\n' +
      "- Breach reporting: the prefecture reports to the PPC when more than 100 people are affected; the vendor's own rule (private sector) uses 1,000.\n",
  },
  {
    name: "a startup's English ADR (Inc., a private startup in its byline) reporting from more than 1,000 people",
    text:
      '# ADR 0003: Hosting for the beta\n\nStatus: accepted · Team Pebble (Pebble Labs Inc., a private startup)\n\n## Decision\n\n' +
      '- If a personal-data breach affects more than 1,000 people, we report it to the Personal Information Protection Commission (PPC).\n',
  },
  {
    name: 'English traps: GDPR, a US state law and a customer notice with their own thresholds; a business at 1,000',
    uri: 'file:///global-policy-en.md',
    text: [
      '# Global breach policy of Sample Corp. (a private company)',
      '',
      'Under the GDPR we notify the supervisory authority of a breach within 72 hours, even when fewer than 100 people are affected.',
      'Under California law we notify the Attorney General when a breach affects more than 500 residents, and more than 1,000 residents triggers credit-agency notice.',
      'We email affected customers when more than 100 individuals are affected by a service incident.',
      'The company reports a leak of personal data under the APPI to the PPC when more than 1,000 individuals are affected.',
      '',
    ].join('\n'),
  },
  {
    name: "a business's flow-mapping phrase (1,000 is its threshold) and 1,000 people under a key that is no threshold",
    uri: 'file:///member-leak-settings.yaml',
    text: ['sector: private', 'breach_report: { threshold: 本人の数が1,000人を超える場合 }', 'campaign: { audience: 1,000人を超える会員 }', ''].join('\n'),
  },
  {
    name: '1,000人 for a private business (front matter sector: private)',
    text: privateSector('個人データの漏えい等が発生し、本人の数が1,000人を超える場合は、個人情報保護委員会に報告する。\n'),
  },
  {
    name: '1,000人 for 個人データ / 民間事業者 in a national spec, and a comparison sentence',
    text: national(
      [
        '参考として、民間事業者の個人データの漏えい等は、本人の数が1,000人を超える場合に報告対象となる（規則第7条第4号）。',
        '民間事業者は本人の数が1,000人、行政機関等は100人を超える漏えい等を報告する。',
        '',
      ].join('\n'),
    ),
  },
  {
    name: '100人 for 行政機関等 (half- and full-width)',
    text: national('保有個人情報の漏えい等で本人の数が100人を超える場合は個人情報保護委員会に報告する。本人の数が１００人を超える漏えい等は報告対象とする。\n'),
  },
  {
    name: '1,000人 in unrelated sentences (利用者数, 研修の受講者数 …)',
    text: national(
      [
        '本システムの利用者数は1,000人を超える見込みである。',
        '研修の受講者数は年間1,000人以上を想定し、結果を報告書にまとめる。',
        '利用者数は1,000名を超えるため、漏えい時の報告体制を整備する。',
        '保有個人情報の件数は11,000人分、漏えい等の報告実績は1,000件を超える。',
        '',
      ].join('\n'),
    ),
  },
  {
    name: 'a bad-example blockquote, a code block and inline code',
    text: national(
      [
        '悪い例（民間の基準をそのまま写したもの）:',
        '',
        '> 本人の数が1,000人を超える漏えい等は個人情報保護委員会に報告する。',
        '',
        '```',
        '本人の数が1,000人を超える漏えい等は報告する。',
        '```',
        '',
        '設定例 `本人の数が1,000人を超える漏えい等は報告する` は使わない。',
        '',
      ].join('\n'),
    ),
  },
  {
    name: 'a misconception reported as one, and a negated value',
    text: '# 勉強会メモ\n\n行政機関等で本人の数が1,000人を超える漏えい等は報告する、という誤解が多い。\n本市の基準は本人の数が1,000人を超える場合ではなく、100人を超える場合である。\n',
  },
  {
    name: "a private company's document that mentions a 市 as its customer (当社 decides the sector)",
    text: '# 個人情報の取扱いについて\n\n当社は〇〇市の住民向けサービスも受託しているが、当社の顧客データの漏えい等で本人の数が1,000人を超える場合は個人情報保護委員会に報告する。\n',
  },
  {
    name: "a 市's document quoting the private-sector rule in its own sentence",
    text: '# 漏えい等対応手順\n\n本市の委託先である民間事業者の個人データについては、本人の数が1,000人を超える漏えい等が報告対象となる。\n',
  },
  {
    name: 'a quoted original under correction: a review table row and a 修正前 blockquote',
    text: [
      '# レビュー結果',
      '',
      '本市の設計書を確認した。',
      '',
      '| No. | 原文 | 指摘 |',
      '|---|---|---|',
      '| 1 | 「本人の数が1,000人を超える場合に報告」 | 市は行政機関等であり、基準は100人超 |',
      '',
      '## 原文の抜粋（修正前）',
      '',
      '> 漏えい等が発生し、本人の数が1,000人を超える場合に個人情報保護委員会へ報告する。',
      '',
    ].join('\n'),
  },
  {
    name: 'the wrong option of a quiz on a 県 handbook',
    text: '# 理解度テスト\n\n〇〇県 情報政策課\n\n## 問2 県の保有個人情報の漏えい等で報告が必要となる人数の基準はどれか\n\n(ア) 本人の数が1,000人を超える\n\n(イ) 本人の数が100人を超える\n',
  },
  {
    name: "1,000人 that is no threshold of the report in a 市's policy (a press release), and a comparison with the private rule",
    text: '# 〇〇市 情報セキュリティ対策基準\n\n本市は本人の数が100人を超える漏えい等を個人情報保護委員会に報告する。なお、民間事業者の場合は本人の数が1,000人を超える場合が報告対象である。\n\n本人の数が1,000人を超える大規模な漏えいでは、記者発表も行う。\n',
  },
  {
    name: '100人 where the sector is unknown or public (right for 行政機関等)',
    text: '# メモ\n\n漏えい等で本人の数が100人を超える場合は報告する。\n',
  },
];

// ---------------------------------------------------------------------------------------------------------
// privacy/report-deadline

/** The exact message: confirmed for a private-sector statement, else the unconfirmed wording; no kind: GDPR's 72 hours. */
function deadlineMessage(kind: '速報' | '確報' | undefined, written: string, confirmed: boolean, businessDays = /営業日/.test(written)): Bilingual {
  if (kind !== undefined && businessDays) {
    // A deadline in business days: the message says the law counts calendar days.
    if (kind === '速報') {
      return confirmed
        ? { ja: `速報は暦日で概ね3〜5日以内に行うもので、「${written}」は長すぎます`, en: `The preliminary report is due in about 3-5 calendar days; "${written}" is too long.` }
        : {
            ja: `民間の速報は暦日で概ね3〜5日以内で、行政機関等の期限は未確認のため「${written}」の根拠を確認してください`,
            en: `Businesses report in about 3-5 calendar days; the public-sector deadline is unconfirmed, so check "${written}".`,
          };
    }
    return confirmed
      ? { ja: `確報は暦日で30日以内（不正の目的は60日）で、営業日の「${written}」は異なります`, en: `The final report is due within 30 calendar days (60 for wrongful intent), not "${written}".` }
      : {
          ja: `民間の確報は暦日で30日以内（不正の目的は60日）で、行政機関等は未確認のため「${written}」の根拠を確認してください`,
          en: `Businesses report within 30 calendar days, 60 for wrongful intent; the public-sector deadline is unconfirmed, so check "${written}".`,
        };
  }
  if (kind === undefined) {
    return confirmed
      ? {
          ja: `「${written}」はGDPRの期限で、個人情報保護法の速報は速やかに（概ね3〜5日）、確報は30日以内です`,
          en: `"${written}" is the GDPR deadline; under the APPI the preliminary report is prompt (3-5 days), the final within 30 days.`,
        }
      : {
          ja: `「${written}」はGDPRの報告期限のため、個人情報保護法上の期限としての根拠を確認してください`,
          en: `"${written}" is the GDPR deadline; check the basis for it as an APPI deadline.`,
        };
  }
  if (kind === '速報') {
    return confirmed
      ? {
          ja: `速報は事態を知ってから速やかに（目安は概ね3〜5日以内）行うもので、「${written}」は長すぎます`,
          en: `The preliminary report is due promptly, about 3-5 days; "${written}" is too long.`,
        }
      : {
          ja: `民間の速報は概ね3〜5日以内で、行政機関等の期限は未確認のため「${written}」の根拠を確認してください`,
          en: `Businesses report promptly, about 3-5 days; the public-sector deadline is unconfirmed, so check "${written}".`,
        };
  }
  return confirmed
    ? {
        ja: `確報は事態を知った日から30日以内（不正の目的によるおそれは60日以内）で、「${written}」は異なります`,
        en: `The final report is due within 30 days, 60 for suspected wrongful intent; "${written}" differs.`,
      }
    : {
        ja: `民間の確報は30日以内（不正の目的は60日）で、行政機関等の期限は未確認のため「${written}」の根拠を確認してください`,
        en: `Businesses report within 30 days, 60 for wrongful intent; the public-sector deadline is unconfirmed, so check "${written}".`,
      };
}

const deadlineInvalid: Case[] = [
  {
    name: 'FAQ answers: the report named in the question (Q:/A:, Q./A. across a blank line, a definition list, a question heading)',
    text: privateSector(
      '## よくある質問\n\nQ: 漏えい等報告の速報はいつまでに提出しますか。\nA: 発覚日から1週間以内に提出します。\n\n' +
        '**Q2. 漏えい等報告の速報の期限は？**\n\nA2. 発覚から10日以内です。\n\n' +
        '漏えい等報告の速報\n: 発覚から7日以内\n\n' +
        '### Q4. 個人情報保護委員会への確報の期限は？\n\n発覚から45日以内です。\n',
    ),
    expected: [
      { text: '1週間以内', kind: '速報', confirmed: true },
      { text: '10日以内', kind: '速報', confirmed: true },
      { text: '7日以内', kind: '速報', confirmed: true },
      { text: '45日以内', kind: '確報', confirmed: true },
    ],
  },
  {
    name: 'FAQ answers that name 速報/確報 themselves, the leak named only in the question (a business, and a 県 asked for its basis)',
    text: privateSector('## よくある質問\n\n**Q6. 漏えいの報告はいつまでに行いますか。**\n\nA. 速報は発覚から1週間以内、確報は発覚から30日以内に行います。\n'),
    expected: [{ text: '1週間以内', kind: '速報', confirmed: true }],
  },
  {
    name: 'the same FAQ answer in a 県 document (information: the public-sector deadline is unconfirmed)',
    text: local('## よくある質問\n\nQ. 漏えいの報告はいつまでに行いますか。\n\nA. 速報は発覚から1週間以内に行います。\n'),
    expected: [{ text: '1週間以内', kind: '速報', confirmed: false }],
  },
  {
    name: 'a statement soft-wrapped across two lines of one paragraph (read as one sentence)',
    text: national('## 漏えい等報告\n\n漏えい等報告の確報は発覚日から\n14日以内に行う。\n'),
    expected: [{ text: '14日以内', kind: '確報', confirmed: false }],
  },
  {
    name: 'the public-sector wording: 速報 10日 and 確報 14日 under a 漏えい等報告 heading of a national spec',
    text: national('## 8. 漏えい等報告\n\n速報は発覚から10日以内に行う。\n確報は発覚日から14日以内に行う。\n'),
    expected: [
      { text: '10日以内', kind: '速報', confirmed: false },
      { text: '14日以内', kind: '確報', confirmed: false },
    ],
  },
  {
    name: 'the confirmed private-sector wording, with full-width digits, both reports in one sentence',
    text: privateSector('個人データの漏えい等が発生した場合、速報は発覚から１０日以内、確報は発覚日から14日以内に個人情報保護委員会へ提出する。\n'),
    expected: [
      { text: '１０日以内', kind: '速報', confirmed: true },
      { text: '14日以内', kind: '確報', confirmed: true },
    ],
  },
  {
    name: 'the report after its deadline (発覚から10日以内に速報を …)',
    text: privateSector('個人データの漏えい等を知ったときは、発覚から10日以内に速報を、30日以内に確報を個人情報保護委員会に提出する。\n'),
    expected: [{ text: '10日以内', kind: '速報', confirmed: true }],
  },
  {
    name: 'business days, weeks and 60日 without 不正の目的',
    text: national(
      ['個人情報保護委員会への漏えい等報告について次のとおり定める。', '確報は30営業日以内、速報は1週間以内とする。', '確報は60日以内とする。', ''].join('\n'),
    ),
    expected: [
      { text: '30営業日以内', kind: '確報', confirmed: false },
      { text: '1週間以内', kind: '速報', confirmed: false },
      { text: '60日以内', kind: '確報', confirmed: false },
    ],
  },
  {
    name: 'the context (個人情報保護委員会への漏えい等報告) on an earlier line of a list, and a bare 14日',
    text: privateSector(['個人情報保護委員会への漏えい等報告の期限は次のとおりとする。', '- 速報: 発覚から7日以内', '- 確報: 14日', ''].join('\n')),
    expected: [
      { text: '7日以内', kind: '速報', confirmed: true },
      { text: '14日', kind: '確報', confirmed: true },
    ],
  },
  {
    name: 'a table under a 漏えい等報告 heading',
    text: local(['### 漏えい等報告の期限', '', '| 報告 | 期限 |', '|---|---|', '| 速報 | 発覚から１週間以内 |', '| 確報 | 発覚から３０日以内 |', ''].join('\n')),
    expected: [{ text: '１週間以内', kind: '速報', confirmed: false }],
  },
  {
    name: "GDPR's 72 hours given as the APPI deadline: a 市's procedure (information) and a business's FAQ (warning)",
    text: '# 漏えい等対応手順\n\n本市は、個人情報保護法の定めにより、事態を知った時点から72時間以内に報告する。\n',
    expected: [{ text: '72時間以内', confirmed: false }],
  },
  {
    name: "GDPR's 72 hours in a business's FAQ",
    text: '# よくある質問\n\n当社は、個人情報保護法に基づき、漏えい等を知ってから72時間以内に個人情報保護委員会へ報告します。\n',
    expected: [{ text: '72時間以内', confirmed: true }],
  },
  {
    name: 'an APPI 72 hours after a GDPR sentence of the same paragraph (the GDPR scope is its own sentence)',
    text:
      '# 当社 漏えい等対応要領\n\n欧州の取引先から預かった個人データは、GDPRの定めに従い72時間以内に監督機関へ通知する。\n' +
      '国内の会員の個人データの漏えい等は、個人情報保護法に基づき72時間以内に個人情報保護委員会へ報告する。\n',
    expected: [{ text: '72時間以内', occurrence: 1, confirmed: true }],
  },
  {
    name: 'GDPR and the APPI in two clauses of one sentence (the APPI clause is reported)',
    text: '# 当社 漏えい等対応要領\n\nEUの顧客はGDPRにより72時間以内に監督機関へ、国内の顧客は個人情報保護法により72時間以内に個人情報保護委員会へ報告する。\n',
    expected: [{ text: '72時間以内', occurrence: 1, confirmed: true }],
  },
  {
    name: "a table of deadlines (| 報告 | 期限 |) in a business's manual that named the commission above",
    text: [
      '# 漏えい等対応マニュアル',
      '',
      '当社は個人データの漏えい等を個人情報保護委員会へ報告する。',
      '',
      '## 3. 報告の期限',
      '',
      '| 報告 | 期限 | 担当 |',
      '|---|---|---|',
      '| 速報 | 事態を知ってから速やかに（概ね3〜5日以内） | 法務部 |',
      '| 確報 | 事態を知った日から14日以内 | 法務部 |',
      '',
    ].join('\n'),
    expected: [{ text: '14日以内', kind: '確報', confirmed: true }],
  },
  {
    name: "a business's YAML workflow: final_days and preliminary_report_days under a breach map",
    uri: 'file:///breach-workflow.yaml',
    text: [
      '# 株式会社サンプル通信 漏えい等対応フロー設定',
      'breach_workflow:',
      '  applies_to: 個人データ',
      '  deadlines:',
      '    preliminary_report_days: 7',
      '    final_days: 45',
      '',
    ].join('\n'),
    expected: [
      { text: '7', kind: '速報', confirmed: true },
      { text: '45', kind: '確報', confirmed: true },
    ],
  },
  {
    name: "a business's rules: numbered items under a lead-in, in business days (5営業日 spans a weekend)",
    text: [
      '# 株式会社サンプル物流 個人情報取扱規程',
      '',
      '第12条 漏えい等が発生した場合は、次の期限までに個人情報保護委員会へ報告する。',
      '',
      '1. 速報：10営業日以内',
      '2. 確報：30営業日以内',
      '',
      '第13条 漏えい等報告の速報は、休日の多い時期も次のとおり行う。',
      '',
      '1) 速報 5営業日以内',
      '',
    ].join('\n'),
    expected: [
      { text: '10営業日以内', kind: '速報', confirmed: true },
      { text: '30営業日以内', kind: '確報', confirmed: true },
      { text: '5営業日以内', kind: '速報', confirmed: true },
    ],
  },
  {
    name: 'a deadline in a sub-item of the item naming the report, and a deadline under a 確報 heading',
    text: local(
      [
        '## 漏えい等報告',
        '',
        '1. 速報',
        '   - 事態を知った日から10営業日以内',
        '2. 確報',
        '   - 事態を知った日から40日以内',
        '',
        '### 確報',
        '',
        '提出期限：事態を知った日から45日以内',
        '',
      ].join('\n'),
    ),
    expected: [
      { text: '10営業日以内', kind: '速報', confirmed: false },
      { text: '40日以内', kind: '確報', confirmed: false },
      { text: '45日以内', kind: '確報', confirmed: false },
    ],
  },
  {
    name: 'the leak named only in the title heading, two levels above the list of deadlines',
    text: [
      '# 漏えい等対応規程',
      '',
      '## 第3章 報告期限',
      '',
      '- 速報は、事態を知った日から10営業日以内に行う。',
      '- 確報は、事態を知った日から30営業日以内に行う。',
      '',
    ].join('\n'),
    expected: [
      { text: '10営業日以内', kind: '速報', confirmed: false },
      { text: '30営業日以内', kind: '確報', confirmed: false },
    ],
  },
  {
    name: 'a YAML workflow: deadline_days beside a step name or title that names the report, and a parent 速報 key',
    uri: 'file:///leak-workflow.yaml',
    text: [
      '# 漏えい等対応ワークフロー',
      'workflow:',
      '  steps:',
      '    - name: 個人情報保護委員会への速報',
      '      deadline_days: 10',
      '    - title: 確報の提出',
      '      owner: 総務部',
      '      deadline_days: 45',
      '    - name: 確報（不正アクセスの場合）',
      '      deadline: 30営業日',
      'reports:',
      '  速報:',
      '    business_days: 5',
      '',
    ].join('\n'),
    expected: [
      { text: '10', kind: '速報', confirmed: false },
      { text: '45', kind: '確報', confirmed: false },
      { text: '30営業日', kind: '確報', confirmed: false },
      { text: '5', occurrence: 1, kind: '速報', confirmed: false, businessDays: true },
    ],
  },
  {
    name: 'English: "72 hours under APPI" and "report to the PPC within 72 hours" (sector unknown: information)',
    uri: 'file:///primer-en.md',
    text: [
      '# Incident handling in Japan',
      '',
      'Breaches of Japanese personal data must be reported within 72 hours under APPI.',
      '',
      '- Report to the Personal Information Protection Commission (PPC) within 72 hours of discovery.',
      '',
    ].join('\n'),
    expected: [
      { text: '72 hours', confirmed: false },
      { text: '72 hours', occurrence: 1, confirmed: false },
    ],
  },
  {
    name: 'English: a business (sector: private) reporting to the PPC within 72 hours (warning)',
    text: privateSector('Members\' data leaks are reported to the PPC within 72 hours, as the APPI requires.\n'),
    expected: [{ text: '72 hours', confirmed: true }],
  },
  {
    name: "English: a private company's preliminary report to the PPC within 7 days and final report within 14 days (warnings)",
    uri: 'file:///breach-policy-en.md',
    text: [
      '# Sample Trading K.K. private company breach policy',
      '',
      'The preliminary report to the PPC is due within 7 days of discovery.',
      '',
      'The final report to the Personal Information Protection Commission is submitted within 14 days.',
      '',
    ].join('\n'),
    expected: [
      { text: 'within 7 days', kind: '速報', confirmed: true },
      { text: 'within 14 days', kind: '確報', confirmed: true },
    ],
  },
  {
    name: 'English: an initial report in business days and a confirmed report in weeks, sector unknown (information)',
    uri: 'file:///incident-en.md',
    text: '# Incident handling\n\nWe send the initial report to the PPC within 10 business days and the confirmed report within 6 weeks.\n',
    expected: [
      { text: 'within 10 business days', kind: '速報', confirmed: false, businessDays: true },
      { text: 'within 6 weeks', kind: '確報', confirmed: false },
    ],
  },
];

const deadlineValid: { name: string; uri?: string; text: string }[] = [
  {
    name: 'English traps: a GDPR final report to an EU authority, a US state law, a customer notice; the APPI rule stated right',
    uri: 'file:///global-policy-en.md',
    text: [
      '# Global breach policy of Sample Corp. (a private company)',
      '',
      'Under the GDPR we notify the lead supervisory authority within 72 hours, and a final report to that authority follows within 14 days.',
      '',
      'Under New York law a preliminary report goes to the Attorney General within 10 days and a final report within 45 days.',
      '',
      'For a leak reported to the PPC, we send an initial report to affected customers within 10 days.',
      '',
      'The preliminary report to the PPC is due within 3-5 days and the final report within 30 days (within 60 days for wrongful acts).',
      '',
    ].join('\n'),
  },
  {
    name: 'FAQ answers within the rule, and an answer to another question under a heading naming the report',
    text: privateSector(
      '## 漏えい等報告の速報\n\nQ: 漏えい等報告の速報はいつまでですか。\nA: 発覚から3日以内を目安に提出します。\n\n' +
        'Q. システム障害の第一報は？\nA. 10日以内に報告します。\n\nQ: 確報は？\nA: 30日以内です。\n',
    ),
  },
  {
    name: 'the values of the rule (速やかに, 3〜5日, 3日以内, 5日以内, 30日以内, 不正の目的の場合60日)',
    text: national(
      [
        '## 漏えい等報告',
        '',
        '漏えい等が発生した場合、速報は速やかに（概ね3〜5日以内）、確報は30日以内（不正の目的によるおそれがある場合は60日以内）に個人情報保護委員会へ報告する。',
        '速報は３日以内、確報は30日以内とする。',
        '速報は5日以内に行う。不正アクセスによる漏えいの確報は60日以内とする。',
        '不正の目的の場合、確報は60日。',
        '',
      ].join('\n'),
    ),
  },
  {
    name: 'a 速報 faster than 3〜5日 (「速やかに」 has no lower bound)',
    text: national('漏えい等報告の速報は72時間以内、遅くとも2日以内に個人情報保護委員会へ行う。\n'),
  },
  {
    name: 'deadlines of other procedures (インシデント報告, 監督職員への速報, 契約)',
    text: national(
      [
        '## インシデント対応',
        '',
        'インシデント報告は1時間以内に行う。',
        '障害の速報は発生から1時間以内、確報は7日以内に監督職員へ提出する。',
        '契約締結後14日以内に作業計画書を提出する。',
        '',
        '## 運用報告',
        '',
        '月次運用報告の速報版は翌月10日以内に提出する。',
        '',
      ].join('\n'),
    ),
  },
  {
    name: 'a 確報 of another procedure in the section after a 漏えい等報告 heading (a heading ends the paragraph)',
    text: national('## 漏えい等報告\n速報は速やかに行う。\n## 障害対応\n障害の確報は7日以内に提出する。\n'),
  },
  {
    name: "the contractor's report to the client in a 漏えい section",
    text: national('## 漏えい等発生時の対応\n\n受注者は、速報を発覚から2日以内に発注者へ報告し、確報を10日以内に発注者へ提出する。\n'),
  },
  {
    name: 'a date',
    text: national('2026年4月10日までに漏えい等報告の速報の様式を定める。\n'),
  },
  {
    name: 'a bad-example blockquote and inline code',
    text: national(['悪い例:', '', '> 漏えい等報告の確報は発覚日から14日以内に行う。', '', '誤記 `確報は14日以内` を修正した。', ''].join('\n')),
  },
  {
    name: 'a misconception reported as one',
    text: '# 勉強会メモ\n\n漏えい等報告の確報は14日以内、と覚えている人がいた。\n',
  },
  {
    name: '60日 for 不正の目的 named by its item number (前項第3号), and a YAML key for the wrongful-purpose case',
    text: '# 個人情報取扱規程\n\n当社は、前項の報告を、速報は速やかに、確報は事態を知った日から30日以内（前項第3号の場合は60日以内）に個人情報保護委員会へ行う。\n',
  },
  {
    name: 'a YAML final-report key for the wrongful-purpose case, and GDPR hours under a gdpr map',
    uri: 'file:///incident.yaml',
    text: [
      '# 株式会社サンプルEC incident workflow',
      'incident_response:',
      '  ppc_report:',
      '    final_report_days: 30',
      '    final_report_days_wrongful_purpose: 60',
      '  gdpr:',
      '    supervisory_authority_hours: 72',
      '',
    ].join('\n'),
  },
  {
    name: '72 hours where the text says GDPR applies',
    text: '# 海外顧客の漏えい等対応\n\nEU域内の顧客の個人データについては、GDPRにより72時間以内に監督機関へ報告する。個人情報保護法に基づく個人情報保護委員会への報告は別に行う。\n',
  },
  {
    name: '72 hours under a GDPR heading, in a sentence that names no APPI basis of its own',
    text: '# 当社 漏えい等対応要領\n\n## GDPRへの対応\n\n監督機関への漏えい等報告は、72時間以内に行う。\n',
  },
  {
    name: 'a 速報 in 3 or 4 business days (at most about 5 calendar days)',
    text: privateSector(
      '## 漏えい等報告\n\n漏えい等が発生した場合は、次の期限までに個人情報保護委員会へ報告する。\n\n1. 速報：3営業日以内\n2. 速報（休日を挟む場合）：4営業日以内\n3. 確報：30日以内\n',
    ),
  },
  {
    name: 'deadlines of other steps in a leak workflow, and a step naming both reports',
    uri: 'file:///leak-steps.yaml',
    text: [
      '# 漏えい等対応ワークフロー',
      'steps:',
      '  - name: 速報',
      '    deadline_days: 3',
      '  - name: 本人への通知',
      '    deadline_days: 10',
      '  - name: 速報・確報の記録保存',
      '    deadline_days: 90',
      '  - title: 確報（不正の目的によるおそれがある場合）',
      '    deadline_days: 60',
      '',
    ].join('\n'),
  },
  {
    name: 'the 確報 of an outage under a title that names leaks too',
    text: '# 漏えい等・障害対応規程\n\n## 障害対応\n\n障害の確報は7日以内に提出する。\n',
  },
  {
    name: "a report inside the organisation (行政経営課への確報, 所属長に速報) in a leak procedure's list",
    text: local(
      ['## 漏えい等対応', '', '漏えい等を知った職員は、次の期限までに報告する。', '', '1. 所属長への速報：当日中', '2. 行政経営課への確報：10営業日以内を目途', ''].join('\n'),
    ),
  },
  {
    name: 'a 確報 step in a YAML that is not about a leak or the commission',
    uri: 'file:///disaster.yaml',
    text: ['# 災害対応', 'steps:', '  - name: 被害状況の確報', '    deadline_days: 14', ''].join('\n'),
  },
  {
    name: 'a sub-item of another report, and a sentence under a 確報 heading that sets no deadline',
    text: national(['## 漏えい等報告', '', '1. 障害の報告', '   - 発生から10日以内', '', '### 確報', '', '原因の調査は14日以内に完了させる。', ''].join('\n')),
  },
  {
    name: 'English: GDPR named for the 72 hours, a denial, a myth, and the customer notified under a contract',
    uri: 'file:///primer-en.md',
    text: [
      '# Breach notification',
      '',
      'Under the GDPR we notify the supervisory authority within 72 hours; under the APPI we report to the PPC promptly.',
      'The APPI does not set a 72-hour deadline for reports to the PPC.',
      'A common myth is that the APPI requires a report to the PPC within 72 hours.',
      'We notify the customer within 72 hours, as the APPI contract annex asks.',
      '',
    ].join('\n'),
  },
];

function expectedFindings(rule: Rule, testCase: Case) {
  return testCase.expected.map((entry) => {
    const start = offsetOf(testCase.text, entry.text, entry.occurrence ?? 0);
    const base = { rule: rule.id, start, end: start + entry.text.length, text: entry.text };
    if (rule === privacyReportThresholdRule) {
      const side = entry.side ?? 'public';
      const severity = side === 'public' ? 'error' : side === 'private' ? 'warning' : 'information';
      const message = side === 'public' ? THRESHOLD_PUBLIC : side === 'private' ? THRESHOLD_PRIVATE : THRESHOLD_UNKNOWN;
      return { ...base, severity, message, replacement: entry.replacement };
    }
    return { ...base, severity: entry.confirmed ? 'warning' : 'information', message: deadlineMessage(entry.kind, entry.text, entry.confirmed!, entry.businessDays), replacement: undefined };
  });
}

describe('rule privacy/report-threshold', () => {
  it('is an error that runs in every document (a false statement about the law)', () => {
    assert.equal(privacyReportThresholdRule.id, 'privacy/report-threshold');
    assert.equal(privacyReportThresholdRule.defaultSeverity, 'error');
    assert.equal(privacyReportThresholdRule.procurementOnly, false);
  });

  for (const testCase of thresholdInvalid) {
    it(`reports ${testCase.name}`, () => {
      assert.deepEqual(findingsOf(privacyReportThresholdRule, testCase.text, testCase.uri), expectedFindings(privacyReportThresholdRule, testCase));
    });
  }

  for (const testCase of thresholdValid) {
    it(`does not report ${testCase.name}`, () => {
      assert.deepEqual(findingsOf(privacyReportThresholdRule, testCase.text, testCase.uri), []);
    });
  }

  it('reports on the line that holds the number, with the context on an earlier line', () => {
    const text = thresholdInvalid[5].text;
    const [finding] = findingsOf(privacyReportThresholdRule, text);
    assert.equal(text.slice(0, finding.start).split('\n').length, text.slice(0, offsetOf(text, '- 本人の数')).split('\n').length);
  });

  it('the quick fix gives a statement that is no longer reported (public-sector cases; an unknown sector gets no fix)', () => {
    for (const testCase of thresholdInvalid.filter((entry) => entry.expected.every((expected) => (expected.side ?? 'public') === 'public'))) {
      let text = testCase.text;
      for (;;) {
        const [finding] = findingsOf(privacyReportThresholdRule, text, testCase.uri);
        if (!finding) {
          break;
        }
        text = applyFix(text, finding);
      }
      assert.equal(findingsOf(privacyReportThresholdRule, text, testCase.uri).length, 0, testCase.name);
      assert.ok(!/1,?000人|１，０００人|千人/.test(text.replace(/民間.*$/gm, '')), testCase.name);
    }
  });

  it("the quick fix for a business's 100人 writes 1,000人, and the statement is then quiet", () => {
    const testCase = thresholdInvalid.find((entry) => entry.expected[0].side === 'private')!;
    const [finding] = findingsOf(privacyReportThresholdRule, testCase.text);
    const fixed = applyFix(testCase.text, finding);
    assert.match(fixed, /本人の数が1,000人を超える場合/);
    assert.deepEqual(findingsOf(privacyReportThresholdRule, fixed), []);
  });
});

describe('rule privacy/report-deadline', () => {
  it('is a warning that runs in every document (a false statement about the law)', () => {
    assert.equal(privacyReportDeadlineRule.id, 'privacy/report-deadline');
    assert.equal(privacyReportDeadlineRule.defaultSeverity, 'warning');
    assert.equal(privacyReportDeadlineRule.procurementOnly, false);
  });

  for (const testCase of deadlineInvalid) {
    it(`reports ${testCase.name}`, () => {
      assert.deepEqual(findingsOf(privacyReportDeadlineRule, testCase.text, testCase.uri), expectedFindings(privacyReportDeadlineRule, testCase));
    });
  }

  for (const testCase of deadlineValid) {
    it(`does not report ${testCase.name}`, () => {
      assert.deepEqual(findingsOf(privacyReportDeadlineRule, testCase.text, testCase.uri), []);
    });
  }

  it('never asserts the public-sector deadline: outside a private-sector statement the message says it is unconfirmed', () => {
    for (const text of [national('漏えい等報告の確報は14日以内とする。\n'), unsaid('漏えい等報告の確報は14日以内とする。\n')]) {
      const [finding] = findingsOf(privacyReportDeadlineRule, text);
      assert.equal(finding.severity, 'information');
      assert.match(finding.message.ja, /^民間の確報は30日以内（不正の目的は60日）で、行政機関等の期限は未確認のため/);
    }
  });
});
