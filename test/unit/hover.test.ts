import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { caveatLine, firstSentence } from '../../server/src/features/cardParts';
import { hoverAt, termCard } from '../../server/src/features/hover';
import { compileGlossary, createTermsValidator } from '../../server/src/glossary/compile';
import { Glossary } from '../../server/src/glossary/glossary';
import type { Language } from '../../server/src/language';
import { bundledKnowledge, fixtureKnowledge, offsetOf, termsSchema } from '../helpers';

function hover(text: string, needle: string, language: Language, inside = 0, uri = 'file:///doc.md') {
  const knowledge = fixtureKnowledge();
  const analysis = analyzeDocument({ uri, text }, knowledge);
  return hoverAt(analysis, knowledge, offsetOf(text, needle) + inside, language);
}

describe('hover card', () => {
  it('in Japanese: term, reading, English name, category and status first; the Japanese definition, related terms, sources and as-of date below', () => {
    const text = '😀𠮷ガバクラ上に構築する。';
    const card = hover(text, 'ガバクラ', 'ja', 1)!;
    assert.equal(card.start, 4);
    assert.equal(card.end, 8);
    assert.equal(
      card.markdown,
      [
        '**ガバメントクラウド**· Government Cloud  ',
        'システム · 現行  ',
        '「ガバクラ」は表記ゆれ',
        '',
        '---',
        '',
        '政府共通のクラウドサービス利用環境（テスト用）。',
        '',
        '**別名:** Government Cloud',
        '',
        '**関連:** ISMAP',
        '',
        '---',
        '',
        '**出典:**',
        '',
        '- [ガバメントクラウド](https://www.digital.go.jp/policies/gov_cloud)',
        '',
        '*時点 2026\\-11\\-26 · govsec用語集: gov\\-cloud · 英語の定義は用語集の項目に（定義へ移動で開く）*',
      ].join('\n'),
    );
  });

  it('in English: the English name first, the term as written after it; the English definition only', () => {
    const card = hover('😀𠮷ガバクラ上に構築する。', 'ガバクラ', 'en', 1)!;
    assert.equal(
      card.markdown,
      [
        '**Government Cloud** · ガバメントクラウド  ',
        'system · current  ',
        '"ガバクラ" is a variant spelling',
        '',
        '---',
        '',
        'The shared government cloud environment \\(test entry\\)\\.',
        '',
        '**Also:** Government Cloud',
        '',
        '**Related:** ISMAP',
        '',
        '---',
        '',
        '**Sources:**',
        '',
        '- [ガバメントクラウド](https://www.digital.go.jp/policies/gov_cloud)',
        '',
        '*as of 2026\\-11\\-26 · govsec glossary: gov\\-cloud · Japanese definition in the glossary entry (Go to Definition opens it)*',
      ].join('\n'),
    );
  });

  it('says on its second line that a term is superseded, with the date and the successor', () => {
    const ja = hover('政府共通ネットワーク', '政府共通', 'ja')!.markdown.split('\n');
    assert.equal(ja[1], 'ネットワーク · **⚠ 旧名称**（2023）→ GSS');
    const en = hover('政府共通ネットワーク', '政府共通', 'en')!.markdown.split('\n');
    assert.equal(en[1], 'network · **⚠ superseded** \\(2023\\) → Government Solution Service \\(GSS\\)');
  });

  for (const language of ['ja', 'en'] as const) {
    it(`escapes Markdown and HTML from the glossary data (${language})`, () => {
      const card = hover('注入テスト', '注入', language)!.markdown;
      assert.ok(card.includes('Probe \\<b\\>bold\\</b\\> \\[link\\]\\(javascript:alert\\(1\\)\\)'), card);
      if (language === 'ja') {
        assert.ok(card.includes('\n\\*強調\\* \\`code\\` \\<img src=x onerror=alert\\(1\\)\\> \\[x\\]\\(command:workbench\\.action\\.quit\\)\n'), card);
      } else {
        assert.ok(card.includes('\nAn entry whose text tries to inject Markdown and HTML\\.\n'), card);
        assert.ok(!card.includes('強調'), 'the Japanese definition stays in the glossary entry');
      }
      assert.ok(card.includes('[Title with \\) and \\[brackets\\]](https://example.go.jp/a%28b%29c)'));
      assert.ok(!/\]\((?!https:)/.test(card.replace(/\\\]\\\(/g, '')), 'only https links');
    });
  }

  it('returns nothing on plain prose, code, or just past a term', () => {
    assert.equal(hover('これは普通の文章です。', '普通', 'ja'), undefined);
    assert.equal(hover('`ISMAP` です', 'ISMAP', 'ja'), undefined);
    const text = 'ISMAPです';
    assert.equal(hover(text, 'です', 'ja'), undefined);
    assert.ok(hover(text, 'ISMAP', 'ja', 4));
  });

  it('hovers YAML keys and values', () => {
    const card = hover('ISMAP: 必須\n', 'ISMAP', 'en', 0, 'file:///a.yaml')!;
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
    const ja = termCard(glossary.term('law')!, glossary, 'ja');
    assert.equal(ja.split('\n')[1], '法令 · 現行 · 改正予定（2028\\-07までに施行、ほか1件）');
    assert.equal(
      ja.slice(ja.indexOf('**改正予定'), ja.indexOf('\n\n---\n\n**出典')),
      [
        '**改正予定** · **未確認**',
        '',
        '成立 2026\\-07\\-10 · 公布 2026\\-07\\-17 · 2028\\-07までに施行',
        '',
        '改正\\*案\\* \\<b\\>',
        '',
        '- [改正\\(概要\\)](https://www.ppc.go.jp/r8/) — 委員会, 2026\\-07\\-17',
        '',
        '**改正予定**',
        '',
        '公布 2026\\-06\\-01 · 2027\\-04\\-01施行',
        '',
        '別の改正。',
        '',
        '- [官報](https://kanpou.npb.go.jp/)',
      ].join('\n'),
    );
    const en = termCard(glossary.term('law')!, glossary, 'en');
    assert.equal(en.split('\n')[1], 'law · current · pending change \\(in force by 2028\\-07; 1 more\\)');
    assert.equal(
      en.slice(en.indexOf('**Pending change'), en.indexOf('\n\n---\n\n**Sources')),
      [
        '**Pending change** · **unconfirmed**',
        '',
        'passed 2026\\-07\\-10 · promulgated 2026\\-07\\-17 · in force by 2028\\-07',
        '',
        'Amendment \\[x\\]\\(javascript:1\\)',
        '',
        '- [改正\\(概要\\)](https://www.ppc.go.jp/r8/) — 委員会, 2026\\-07\\-17',
        '',
        '**Pending change**',
        '',
        'promulgated 2026\\-06\\-01 · in force 2027\\-04\\-01',
        '',
        'Another amendment\\.',
        '',
        '- [官報](https://kanpou.npb.go.jp/)',
      ].join('\n'),
    );
  });

  it('shows the bundled 個人情報保護法 amendment as pending and unconfirmed, with its dates', () => {
    const knowledge = bundledKnowledge();
    const analysis = analyzeDocument({ uri: 'file:///p.md', text: '個人情報保護法に従う。' }, knowledge);
    const ja = hoverAt(analysis, knowledge, 1, 'ja')!.markdown;
    assert.equal(ja.split('\n')[1], '法令 · 現行 · 改正予定（2028\\-07までに施行）  ');
    assert.ok(ja.includes('**改正予定** · **未確認**\n\n成立 2026\\-07\\-10 · 公布 2026\\-07\\-17 · 2028\\-07までに施行\n\n'), ja);
    const en = hoverAt(analysis, knowledge, 1, 'en')!.markdown;
    assert.equal(en.split('\n')[1], 'law · current · pending change \\(in force by 2028\\-07\\)  ');
    assert.ok(en.includes('**Pending change** · **unconfirmed**\n\npassed 2026\\-07\\-10 · promulgated 2026\\-07\\-17 · in force by 2028\\-07\n\n'), en);
  });

  it('shows a move under way as being replaced, not as a superseded name', () => {
    const knowledge = bundledKnowledge();
    const line = (text: string, language: Language) => hoverAt(analyzeDocument({ uri: 'file:///n.md', text }, knowledge), knowledge, 1, language)!.markdown.split('\n')[1];
    assert.equal(line('政府共通ネットワークに接続する。', 'ja'), 'ネットワーク · **移行中**（2022\\-08〜）→ ガバメントソリューションサービス  ');
    assert.equal(
      line('政府共通ネットワークに接続する。', 'en'),
      'network · **being replaced** \\(since 2022\\-08\\) → Government Solution Service \\(GSS\\) \\(ガバメントソリューションサービス\\)  ',
    );
    assert.equal(line('霞が関WAN', 'ja'), 'ネットワーク · **⚠ 旧名称**（2013）→ 政府共通ネットワーク');
    assert.equal(line('霞が関WAN', 'en'), 'network · **⚠ superseded** \\(2013\\) → Government Common Network \\(政府共通ネットワーク\\)');
  });

  it('cuts a caveat to its first sentence and says where the rest is', () => {
    const knowledge = bundledKnowledge();
    const card = (language: Language) => hoverAt(analyzeDocument({ uri: 'file:///n.md', text: '政府共通ネットワーク' }, knowledge), knowledge, 1, language)!.markdown.split('\n');
    assert.equal(card('ja')[2], '**⚠ 未確認:** 政府共通ネットワークの運用終了日と、全府省庁のGSS移行完了日は確認できていない。（詳細は用語集）');
    assert.match(card('en')[2], /^\*\*⚠ Unconfirmed:\*\* [^\n]*\\\. \\\(details in the glossary entry\\\)$/);
  });
});

describe('card parts', () => {
  it('takes the first sentence, never cutting inside brackets or quotes', () => {
    assert.equal(firstSentence('追加された（民間解説による。詳細は本文で確認）。次の文。', 'ja'), '追加された（民間解説による。詳細は本文で確認）。');
    assert.equal(firstSentence('「A。」とされる。後の文。', 'ja'), '「A。」とされる。');
    assert.equal(firstSentence('Rev. 5 applies. Details follow.', 'en'), 'Rev. 5 applies.');
    assert.equal(firstSentence('One sentence only', 'en'), 'One sentence only');
  });

  it('puts a caveat in one line, saying where the rest is only when there is more', () => {
    assert.equal(caveatLine({ ja: '未確認。詳細。', en: 'Unknown. More.' }, 'ja', 'term'), '**⚠ 未確認:** 未確認。（詳細は用語集）');
    assert.equal(caveatLine({ ja: '未確認。', en: 'Unknown.' }, 'ja', 'service'), '**⚠ 未確認:** 未確認。');
    assert.equal(caveatLine({ ja: '未確認。詳細。', en: 'Unknown. More.' }, 'en', 'service'), '**⚠ Unconfirmed:** Unknown\\. \\(details in the service catalogue entry\\)');
  });
});
