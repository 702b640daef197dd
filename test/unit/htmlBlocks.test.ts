/**
 * Raw HTML blocks in Markdown: the text a reader sees in them (<details> FAQs, <table> cells, <p>, <div>,
 * <br>-separated lines, <dl>) is read as prose with exact offsets; code, scripts and attribute values are not.
 * The ranges themselves are checked against parse5's text nodes in commonmark.test.ts.
 */

import * as assert from 'node:assert/strict';
import { analyzeDocument } from '../../server/src/analysis';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import type { Block } from '../../server/src/document/model';
import type { Rule } from '../../server/src/rules/rule';
import { privacyReportDeadlineRule } from '../../server/src/rules/privacy/reportDeadline';
import { termDeprecatedRule } from '../../server/src/rules/term/deprecated';
import { bundledKnowledge, offsetOf } from '../helpers';

function findingsOf(rule: Rule, text: string) {
  return analyzeDocument({ uri: 'file:///manual.md', text }, bundledKnowledge(), { rules: [rule] }).findings.map((finding) => ({
    rule: finding.ruleId,
    severity: finding.severity,
    start: finding.start,
    text: text.slice(finding.start, finding.end),
    message: finding.message.ja,
  }));
}

/** Each block of the model as its text and what the rules read of it. */
function blocksOf(text: string) {
  const model = parseMarkdownDocument(text);
  return model.markdown!.blocks.map((block: Block) => ({
    kind: block.kind,
    text: text.slice(block.start, block.end),
    lines: [block.firstLine, block.lastLine],
    ...(block.table ? { cell: [block.table.row, block.table.column, block.table.header, block.table.headerText, block.table.line, block.table.tableFirstLine, block.table.tableLastLine] } : {}),
    ...(block.example ? { example: true } : {}),
  }));
}

const prose = (text: string) => parseMarkdownDocument(text).segments.map((segment) => text.slice(segment.start, segment.end));

describe('HTML blocks in Markdown: the model', () => {
  it('reads a <table> cell by cell with its row, column and header, as a GFM table', () => {
    const text = '<table>\n  <thead>\n    <tr><th>報告</th><th>期限</th></tr>\n  </thead>\n  <tbody>\n    <tr><td>速報</td><td>3〜5日以内</td></tr>\n    <tr><td>確報</td><td>45日以内</td></tr>\n  </tbody>\n</table>\n';
    assert.deepEqual(blocksOf(text), [
      { kind: 'table-cell', text: '報告', lines: [2, 2], cell: [0, 0, true, '報告', 2, 0, 8] },
      { kind: 'table-cell', text: '期限', lines: [2, 2], cell: [0, 1, true, '期限', 2, 0, 8] },
      { kind: 'table-cell', text: '速報', lines: [5, 5], cell: [1, 0, false, '報告', 5, 0, 8] },
      { kind: 'table-cell', text: '3〜5日以内', lines: [5, 5], cell: [1, 1, false, '期限', 5, 0, 8] },
      { kind: 'table-cell', text: '確報', lines: [6, 6], cell: [2, 0, false, '報告', 6, 0, 8] },
      { kind: 'table-cell', text: '45日以内', lines: [6, 6], cell: [2, 1, false, '期限', 6, 0, 8] },
    ]);
    assert.deepEqual(parseMarkdownDocument(text).segments.map((segment) => segment.kind), ['table', 'table', 'table', 'table', 'table', 'table']);
  });

  it('takes a row of <th> without <thead> as the header, a <th> in a body row as a label cell, and counts colspan', () => {
    const text = '<table>\n<tr><th colspan="2">区分</th><th>期間</th></tr>\n<tr><th>更新</th><td>年次</td><td>1年</td></tr>\n</table>\n';
    assert.deepEqual(blocksOf(text), [
      { kind: 'table-cell', text: '区分', lines: [1, 1], cell: [0, 0, true, '区分', 1, 0, 3] },
      { kind: 'table-cell', text: '期間', lines: [1, 1], cell: [0, 2, true, '期間', 1, 0, 3] },
      { kind: 'table-cell', text: '更新', lines: [2, 2], cell: [1, 0, false, '区分', 2, 0, 3] },
      { kind: 'table-cell', text: '年次', lines: [2, 2], cell: [1, 1, false, '区分', 2, 0, 3] },
      { kind: 'table-cell', text: '1年', lines: [2, 2], cell: [1, 2, false, '期間', 2, 0, 3] },
    ]);
  });

  it('splits paragraphs at block tags and <br>, keeps character references as written, leaves out code and attributes', () => {
    const text = '<details><summary>質問</summary>\n<p>回答は&nbsp;こちら&amp;<b title="注記。">太字</b>です。<br>次の行&#12354;</p>\n<pre>整形済み</pre><script>var a = "本文";</script><style>p{}</style>\n</details>\n';
    assert.deepEqual(blocksOf(text), [
      { kind: 'paragraph', text: '質問', lines: [0, 0] },
      { kind: 'paragraph', text: '回答は&nbsp;こちら&amp;<b title="注記。">太字</b>です。', lines: [1, 1] },
      { kind: 'paragraph', text: '次の行&#12354;', lines: [1, 1] },
    ]);
    assert.deepEqual(prose(text), ['質問', '回答は&nbsp;こちら&amp;', '太字', 'です。', '次の行&#12354;']);
    assert.equal(parseMarkdownDocument(text).segments[0].start, offsetOf(text, '質問'));
  });

  it('reads text the parser moves out of a table once, without the table markup or cells it merges over', () => {
    const text = '<div>前文<table>表の中<tr><td>セル</td></tr>後の文</table></div>\n';
    assert.deepEqual(blocksOf(text), [
      { kind: 'paragraph', text: '前文', lines: [0, 0] },
      { kind: 'paragraph', text: '表の中', lines: [0, 0] },
      { kind: 'table-cell', text: 'セル', lines: [0, 0], cell: [0, 0, false, '', 0, 0, 0] },
      { kind: 'paragraph', text: '後の文', lines: [0, 0] },
    ]);
    assert.deepEqual(prose(text), ['前文', '表の中', 'セル', '後の文']);
    // A "<" that opens no tag is text.
    assert.deepEqual(prose('<p>期限 < 30日、a <b 1</p>\n'), ['期限 < 30日、a']);
    assert.deepEqual(prose('<div>期限 < 30日</div>\n'), ['期限 < 30日']);
  });

  it('places text of an HTML block in a blockquote and a list item on its lines, container markers left out', () => {
    const text = '> <div>\n> 引用の<em>本文</em>\n> </div>\n\n- <p>項目の\n  本文</p>\n';
    assert.deepEqual(prose(text), ['引用の', '本文', '項目の', '本文']);
    const [quoted, item] = parseMarkdownDocument(text).markdown!.blocks;
    assert.deepEqual([quoted.quoteDepth, quoted.start, item.listItem?.depth, item.firstLine, item.lastLine], [1, offsetOf(text, '引用の'), 1, 4, 5]);
  });

  it('keeps comments in an HTML block as directive carriers and out of prose', () => {
    const text = '<div>\n<!-- govsec-disable-next-line -->\n本文\n</div>\n';
    const model = parseMarkdownDocument(text);
    assert.deepEqual(prose(text), ['本文']);
    assert.deepEqual(model.comments.map((range) => text.slice(range.start, range.end)), ['<!-- govsec-disable-next-line -->']);
  });

  it('marks what a ❌ / 悪い例 label in a <summary>, or a 誤 column header, marks', () => {
    const summary = '<details><summary>❌ 悪い例</summary>\n<p>政府共通ネットワークに接続する。</p>\n</details>\n\n本文の段落。\n';
    assert.deepEqual(blocksOf(summary).map((block) => [block.text, !!block.example]), [
      ['❌ 悪い例', true],
      ['政府共通ネットワークに接続する。', true],
      ['本文の段落。', false],
    ]);
    const table = '<table>\n<tr><th>誤</th><th>正</th></tr>\n<tr><td>政府共通ネットワーク</td><td>GSS</td></tr>\n</table>\n';
    assert.deepEqual(blocksOf(table).map((block) => [block.text, !!block.example]), [
      ['誤', false],
      ['正', false],
      ['政府共通ネットワーク', true],
      ['GSS', false],
    ]);
    const heading = '## 悪い例\n\n<div>政府共通ネットワークに接続する。</div>\n\n## 本文\n\n<div>本文。</div>\n';
    assert.deepEqual(blocksOf(heading).map((block) => [block.text, !!block.example]), [
      ['悪い例', true],
      ['政府共通ネットワークに接続する。', true],
      ['本文', false],
      ['本文。', false],
    ]);
  });
});

describe('HTML blocks in Markdown: findings', () => {
  it("reports a 確報 deadline of 45日以内 in an HTML <table> of a company's leak procedure", () => {
    const text = [
      '# 個人データ漏えい等対応手順（株式会社サンプル商事）',
      '',
      '当社は個人データの漏えい等が発生したときは個人情報保護委員会へ報告する。',
      '',
      '<table>',
      '<tr><th>報告</th><th>期限</th></tr>',
      '<tr><td>速報</td><td>事態を知ってから速やかに（概ね3〜5日以内）</td></tr>',
      '<tr><td>確報</td><td>事態を知った日から45日以内</td></tr>',
      '</table>',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(privacyReportDeadlineRule, text), [
      {
        rule: 'privacy/report-deadline',
        severity: 'warning',
        start: offsetOf(text, '45日以内'),
        text: '45日以内',
        message: '確報は事態を知った日から30日以内（不正の目的によるおそれは60日以内）で、「45日以内」は異なります',
      },
    ]);
  });

  it('reports it in a table written on one line too, and not the 速報 row (rows on one line share it)', () => {
    const text =
      '# 個人データ漏えい等対応手順（株式会社サンプル商事）\n\n当社は個人データの漏えい等が発生したときは個人情報保護委員会へ報告する。\n\n' +
      '<table><tr><th>報告</th><th>期限</th></tr><tr><td>速報</td><td>概ね3〜5日以内</td></tr><tr><td>確報</td><td>45日以内</td></tr></table>\n';
    assert.deepEqual(
      findingsOf(privacyReportDeadlineRule, text).map((finding) => [finding.start, finding.text, finding.message]),
      [[offsetOf(text, '45日以内'), '45日以内', '確報は事態を知った日から30日以内（不正の目的によるおそれは60日以内）で、「45日以内」は異なります']],
    );
  });

  it('reports a superseded term in <details> text, and none in <script>, <pre>, <code> or an attribute', () => {
    const text = [
      '## よくある質問',
      '',
      '<details>',
      '<summary>接続先は？</summary>',
      '<p>職員端末は政府共通ネットワークに接続します。</p>',
      '<pre>政府共通ネットワーク</pre>',
      '<script>const 接続先 = "政府共通ネットワーク";</script>',
      '<p title="政府共通ネットワーク"><code>政府共通ネットワーク</code></p>',
      '</details>',
      '',
    ].join('\n');
    assert.deepEqual(findingsOf(termDeprecatedRule, text), [
      {
        rule: 'term/deprecated',
        severity: 'information',
        start: offsetOf(text, '政府共通ネットワーク'),
        text: '政府共通ネットワーク',
        message: '旧名称: 「政府共通ネットワーク」の後継は「ガバメントソリューションサービス」です（2022年8月）',
      },
    ]);
  });
});
