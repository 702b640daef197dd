import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { hoverAt } from '../../server/src/features/hover';
import { fixtureKnowledge, offsetOf } from '../helpers';

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
