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
  /** privacy/report-threshold: the fix's replacement. */
  readonly replacement?: string;
  /** privacy/report-deadline: which report, and whether the private-sector rule applies (confirmed wording). */
  readonly kind?: '速報' | '確報';
  readonly confirmed?: boolean;
}

interface Case {
  readonly name: string;
  readonly uri?: string;
  readonly text: string;
  readonly expected: readonly Expected[];
}

// ---------------------------------------------------------------------------------------------------------
// privacy/report-threshold

const THRESHOLD_MESSAGE =
  '漏えい等報告の基準: 行政機関等の保有個人情報は、本人の数が100人を超える漏えい等が報告対象です（個人情報保護法第68条、施行規則第43条第4号）。' +
  '1,000人超は民間事業者の個人データの基準です（同規則第7条第4号） ' +
  '(breach-report threshold: for public bodies a leak of retained personal information is reportable when more than 100 people are affected ' +
  '(APPI Art. 68, Enforcement Rules Art. 43(iv)); more than 1,000 is the private-sector threshold for personal data (Art. 7(iv)))';

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
];

const thresholdValid: { name: string; uri?: string; text: string }[] = [
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
    name: 'a procurement document whose sector is not known',
    text: unsaid('漏えい等が発生し、本人の数が1,000人を超える場合は報告する。\n'),
  },
  {
    name: 'a document that is not a procurement document',
    text: '# 勉強会メモ\n\n行政機関等で本人の数が1,000人を超える漏えい等は報告する、という誤解が多い。\n',
  },
];

// ---------------------------------------------------------------------------------------------------------
// privacy/report-deadline

function deadlineMessage(kind: '速報' | '確報', written: string, confirmed: boolean): string {
  if (kind === '速報') {
    return confirmed
      ? '漏えい等報告の期限: 速報は「速やかに」（目安は事態を知った時点から概ね3〜5日以内）行います（個人情報保護法施行規則第8条第1項、通則編ガイドライン3-5-3-3）。' +
          `「${written}」はこれを超えています ` +
          '(breach-report deadline: the preliminary report is due promptly, as a rule of thumb within about 3-5 days of learning of the event ' +
          `(APPI Enforcement Rules Art. 8(1), PPC General Guidelines 3-5-3-3); "${written}" is longer)`
      : `漏えい等報告の期限: 民間事業者については規則第8条第1項が速報を「速やかに」（目安は概ね3〜5日以内）と定めており、「${written}」はこれを超えています。` +
          '行政機関等の速報の期限は govsec の参照データでは確認できていないため、この期限の根拠を確認してください ' +
          `(breach-report deadline: for businesses, APPI Enforcement Rules Art. 8(1) require the preliminary report promptly, about 3-5 days, and "${written}" is longer; ` +
          "the deadline for public bodies is not confirmed in govsec's sources, so check the basis of this value)";
  }
  return confirmed
    ? '漏えい等報告の期限: 確報は事態を知った日から30日以内（不正の目的によるおそれがある事態は60日以内。土日・祝日を含めて数える）です（個人情報保護法施行規則第8条第2項、通則編ガイドライン3-5-3-4）。' +
        `「${written}」はこれと異なります ` +
        '(breach-report deadline: the final report is due within 30 days of learning of the event, 60 days where wrongful intent is suspected, counting weekends and holidays ' +
        `(APPI Enforcement Rules Art. 8(2), PPC General Guidelines 3-5-3-4); "${written}" differs)`
    : `漏えい等報告の期限: 民間事業者については規則第8条第2項が確報を事態を知った日から30日以内（不正の目的によるおそれがある事態は60日以内）と定めており、「${written}」はこれと異なります。` +
        '行政機関等の確報の期限は govsec の参照データでは確認できていないため、この期限の根拠を確認してください ' +
        '(breach-report deadline: for businesses, APPI Enforcement Rules Art. 8(2) set the final report within 30 days of learning of the event (60 days where wrongful intent is suspected), ' +
        `and "${written}" differs; the deadline for public bodies is not confirmed in govsec's sources, so check the basis of this value)`;
}

const deadlineInvalid: Case[] = [
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
];

const deadlineValid: { name: string; uri?: string; text: string }[] = [
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
    name: 'a document that is not a procurement document',
    text: '# 勉強会メモ\n\n漏えい等報告の確報は14日以内、と覚えている人がいた。\n',
  },
];

function expectedFindings(rule: Rule, testCase: Case) {
  return testCase.expected.map((entry) => {
    const start = offsetOf(testCase.text, entry.text, entry.occurrence ?? 0);
    const base = { rule: rule.id, severity: rule.defaultSeverity, start, end: start + entry.text.length, text: entry.text };
    return rule === privacyReportThresholdRule
      ? { ...base, message: THRESHOLD_MESSAGE, replacement: entry.replacement }
      : { ...base, message: deadlineMessage(entry.kind!, entry.text, entry.confirmed!), replacement: undefined };
  });
}

describe('rule privacy/report-threshold', () => {
  it('is a procurement error', () => {
    assert.equal(privacyReportThresholdRule.id, 'privacy/report-threshold');
    assert.equal(privacyReportThresholdRule.defaultSeverity, 'error');
    assert.equal(privacyReportThresholdRule.procurementOnly, true);
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

  it('the quick fix gives a statement that is no longer reported', () => {
    for (const testCase of thresholdInvalid) {
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
});

describe('rule privacy/report-deadline', () => {
  it('is a procurement warning', () => {
    assert.equal(privacyReportDeadlineRule.id, 'privacy/report-deadline');
    assert.equal(privacyReportDeadlineRule.defaultSeverity, 'warning');
    assert.equal(privacyReportDeadlineRule.procurementOnly, true);
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
      assert.match(finding.message, /行政機関等の確報の期限は govsec の参照データでは確認できていない/);
      assert.match(finding.message, /^漏えい等報告の期限: 民間事業者については規則第8条第2項が/);
    }
  });
});
