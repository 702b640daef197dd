import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { hoverAt, termCard } from '../../server/src/features/hover';
import { compileGlossary, createTermsValidator } from '../../server/src/glossary/compile';
import { Glossary } from '../../server/src/glossary/glossary';
import { bundledKnowledge, fixtureKnowledge, offsetOf, termsSchema } from '../helpers';

function hover(text: string, needle: string, inside = 0, uri = 'file:///doc.md') {
  const knowledge = fixtureKnowledge();
  const analysis = analyzeDocument({ uri, text }, knowledge);
  return hoverAt(analysis, knowledge, offsetOf(text, needle) + inside);
}

describe('hover card', () => {
  it('shows term, reading, English name, definitions, related terms, sources and as-of date', () => {
    const text = '😀𠮷ガバクラ上に構築する。';
    const card = hover(text, 'ガバクラ', 1)!;
    assert.equal(card.start, 4);
    assert.equal(card.end, 8);
    assert.equal(
      card.markdown,
      [
        '**ガバメントクラウド**（ガバメントクラウド）  ',
        '*Government Cloud* · システム / system',
        '',
        '「ガバクラ」: 表記ゆれ / variant spelling',
        '',
        '---',
        '',
        '政府共通のクラウドサービス利用環境（テスト用）。',
        '',
        'The shared government cloud environment \\(test entry\\)\\.',
        '',
        '**別名 / also:** Government Cloud',
        '',
        '**関連 / related:** ISMAP',
        '',
        '---',
        '',
        '**出典 / sources:**',
        '',
        '- [ガバメントクラウド](https://www.digital.go.jp/policies/gov_cloud)',
        '',
        '*時点 / as of 2026\\-11\\-26 · govsec glossary: gov\\-cloud*',
      ].join('\n'),
    );
  });

  it('shows the successor and date of a superseded term', () => {
    const card = hover('政府共通ネットワーク', '政府共通')!;
    assert.match(card.markdown, /\*\*⚠ 旧名称 \/ superseded\*\* \(2023\) → GSS（Government Solution Service）/);
  });

  it('escapes Markdown and HTML from the glossary data', () => {
    const card = hover('注入テスト', '注入')!;
    assert.ok(card.markdown.includes('\\<img src=x onerror=alert\\(1\\)\\>'));
    assert.ok(card.markdown.includes('\\[x\\]\\(command:workbench\\.action\\.quit\\)'));
    assert.ok(card.markdown.includes('\\`code\\`'));
    assert.ok(card.markdown.includes('*Probe \\<b\\>bold\\</b\\> \\[link\\]\\(javascript:alert\\(1\\)\\)*'));
    assert.ok(card.markdown.includes('[Title with \\) and \\[brackets\\]](https://example.go.jp/a%28b%29c)'));
    assert.ok(!/\]\((?!https:)/.test(card.markdown.replace(/\\\]\\\(/g, '')), 'only https links');
  });

  it('returns nothing on plain prose, code, or just past a term', () => {
    assert.equal(hover('これは普通の文章です。', '普通'), undefined);
    assert.equal(hover('`ISMAP` です', 'ISMAP'), undefined);
    const text = 'ISMAPです';
    assert.equal(hover(text, 'です'), undefined);
    assert.ok(hover(text, 'ISMAP', 4));
  });

  it('hovers YAML keys and values', () => {
    const card = hover('ISMAP: 必須\n', 'ISMAP', 0, 'file:///a.yaml')!;
    assert.equal(card.start, 0);
    assert.equal(card.end, 5);
  });
});

describe('hover card: pending changes and moves under way', () => {
  it('shows a pending change with its dates and confidence, escaped', () => {
    const text = `kind: terms
terms:
  - id: law
    term: 法律
    reading: ほうりつ
    english: Act
    category: law
    definition: { ja: 法律。, en: An act. }
    pending:
      - change: { ja: "改正*案* <b>", en: "Amendment [x](javascript:1)" }
        passed: 2026-07-10
        promulgated: 2026-07-17
        inForceBy: 2028-07
        confidence: unconfirmed
        sources: [{ title: "改正(概要)", url: "https://www.ppc.go.jp/r8/", publisher: 委員会, date: 2026-07-17 }]
      - change: { ja: 別の改正。, en: Another amendment. }
        promulgated: 2026-06-01
        inForce: 2027-04-01
        confidence: confirmed
        sources: [{ title: 官報, url: "https://kanpou.npb.go.jp/" }]
    sources: [{ title: 法令, url: "https://laws.e-gov.go.jp/" }]
    asOf: 2026-12-03
    status: { state: current }
`;
    const result = compileGlossary([{ path: 'law.yaml', text }], createTermsValidator(termsSchema()));
    assert.deepEqual(result.problems, []);
    const glossary = new Glossary(result.glossary!);
    const card = termCard(glossary.term('law')!, glossary);
    const pendingBlock = card.slice(card.indexOf('**改正予定'), card.indexOf('\n\n---\n\n**出典'));
    assert.equal(
      pendingBlock,
      [
        '**改正予定 / pending change** · **未確認 / unconfirmed**',
        '',
        '成立 / passed 2026\\-07\\-10 · 公布 / promulgated 2026\\-07\\-17 · 施行 / in force by 2028\\-07（までに / at the latest）',
        '',
        '改正\\*案\\* \\<b\\>',
        '',
        '*Amendment \\[x\\]\\(javascript:1\\)*',
        '',
        '- [改正\\(概要\\)](https://www.ppc.go.jp/r8/) — 委員会, 2026\\-07\\-17',
        '',
        '**改正予定 / pending change**',
        '',
        '公布 / promulgated 2026\\-06\\-01 · 施行 / in force 2027\\-04\\-01',
        '',
        '別の改正。',
        '',
        '*Another amendment\\.*',
        '',
        '- [官報](https://kanpou.npb.go.jp/)',
      ].join('\n'),
    );
  });

  it('shows the bundled 個人情報保護法 amendment as pending and unconfirmed, with its dates', () => {
    const knowledge = bundledKnowledge();
    const text = '個人情報保護法に従う。';
    const card = hoverAt(analyzeDocument({ uri: 'file:///p.md', text }, knowledge), knowledge, 1)!;
    assert.ok(
      card.markdown.includes(
        '**改正予定 / pending change** · **未確認 / unconfirmed**\n\n' +
          '成立 / passed 2026\\-07\\-10 · 公布 / promulgated 2026\\-07\\-17 · 施行 / in force by 2028\\-07（までに / at the latest）\n\n',
      ),
      card.markdown,
    );
  });

  it('shows a move under way as 移行中, not as a superseded name', () => {
    const knowledge = bundledKnowledge();
    const text = '政府共通ネットワークに接続する。';
    const card = hoverAt(analyzeDocument({ uri: 'file:///n.md', text }, knowledge), knowledge, 1)!;
    assert.ok(card.markdown.includes('**移行中 / being replaced** (2022\\-08〜) → ガバメントソリューションサービス（Government Solution Service \\(GSS\\)）'), card.markdown);
    assert.ok(!card.markdown.includes('旧名称 / superseded'));
    const wan = hoverAt(analyzeDocument({ uri: 'file:///w.md', text: '霞が関WAN' }, knowledge), knowledge, 1)!;
    assert.ok(wan.markdown.includes('**⚠ 旧名称 / superseded** (2013) → 政府共通ネットワーク（Government Common Network）'), wan.markdown);
  });
});
