import * as assert from 'node:assert/strict';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import { headingPath } from '../../server/src/document/model';
import { isStandaloneValue, lineLabelBefore } from '../../server/src/document/blocks';

/** The prose text of each segment, with its kind. */
function segmentsOf(text: string) {
  return parseMarkdownDocument(text).segments.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
}

/** The text of each example range. */
function examplesOf(text: string) {
  return parseMarkdownDocument(text).examples.map((range) => text.slice(range.start, range.end));
}

describe('Markdown document model: CommonMark block structure', () => {
  it('sees a fence on a list-item line, and the prose after it', () => {
    const text = '1. 設定\n2. ```yaml\n   region: us-east-1\n   ```\n3. ガバクラを使う\n\n後の段落\n';
    assert.deepEqual(segmentsOf(text), ['prose:設定', 'prose:ガバクラを使う', 'prose:後の段落']);
  });

  it('closes a fence inside a blockquote when the quote ends', () => {
    const text = '> ```\n> ISMAP\n\n本文のガバクラ\n';
    assert.deepEqual(segmentsOf(text), ['prose:本文のガバクラ']);
  });

  it('leaves out indented code inside a list item', () => {
    const text = '- 手順\n\n      aws s3 ls ISMAP\n\n- 次\n';
    assert.deepEqual(segmentsOf(text), ['prose:手順', 'prose:次']);
  });

  it('leaves out the content of <pre> and <script> blocks', () => {
    const text = '<pre>\nISMAP 認証\n</pre>\n\n<script>\nconst a = "GSS";\n</script>\n\n本文\n';
    assert.deepEqual(segmentsOf(text), ['prose:本文']);
    assert.equal(parseMarkdownDocument(text).markdown!.html.length, 2);
  });

  it('reads tables without leading pipes, cell by cell, with their header', () => {
    const text = '項目 | 値\n--- | ---\nクラウド | AWS\n';
    const model = parseMarkdownDocument(text);
    assert.deepEqual(segmentsOf(text), ['table:項目', 'table:値', 'table:クラウド', 'table:AWS']);
    const cell = model.segments[3].block!.table!;
    assert.deepEqual({ row: cell.row, column: cell.column, header: cell.header, headerText: cell.headerText, line: cell.line }, { row: 1, column: 1, header: false, headerText: '値', line: 2 });
  });

  it('keeps an escaped pipe inside its cell', () => {
    const text = '| a | b |\n|---|---|\n| x \\| y | z |\n';
    assert.deepEqual(segmentsOf(text), ['table:a', 'table:b', 'table:x \\| y', 'table:z']);
  });

  it('finds tables inside quotes and list items', () => {
    assert.deepEqual(segmentsOf('> | 項目 | 値 |\n> |---|---|\n> | A | B |\n'), ['table:項目', 'table:値', 'table:A', 'table:B']);
    assert.deepEqual(segmentsOf('- 表\n\n  | 項目 | 値 |\n  |---|---|\n  | A | B |\n'), ['prose:表', 'table:項目', 'table:値', 'table:A', 'table:B']);
  });

  it('leaves out reference definitions but keeps the link text', () => {
    assert.deepEqual(segmentsOf('[ISMAP][1]を参照。\n\n[1]: https://www.ismap.go.jp/ "ISMAP"\n'), ['prose:[ISMAP][1]を参照。']);
  });

  it('treats lone CR as a line ending', () => {
    assert.deepEqual(segmentsOf('一行目\r\r```\rISMAP\r```\r二行目\r'), ['prose:一行目', 'prose:二行目']);
  });

  it('nests containers to any depth', () => {
    const depth = 60;
    const text = `${'> '.repeat(depth)}深い引用のガバクラ\n`;
    assert.deepEqual(segmentsOf(text), ['prose:深い引用のガバクラ']);
    assert.equal(parseMarkdownDocument(text).segments[0].block!.quoteDepth, depth);
  });

  it('places every line of a paragraph in a list item inside a quote at its offsets', () => {
    const text = '> - 一行目\n>   二行目\n>   三行目\n';
    assert.deepEqual(segmentsOf(text), ['prose:一行目', 'prose:二行目', 'prose:三行目']);
  });

  it('records the heading path, list item and quote depth of each block', () => {
    const text = '# 調達仕様書\n\n## 第3章 セキュリティ\n\n### 3.1 クラウド\n\n- 要件\n  - 詳細\n\n## 第4章\n\n> 注記\n';
    const model = parseMarkdownDocument(text);
    const byText = (wanted: string) => model.markdown!.blocks.find((block) => text.slice(block.start, block.end) === wanted)!;
    assert.deepEqual(headingPath(byText('詳細').section), ['調達仕様書', '第3章 セキュリティ', '3.1 クラウド']);
    assert.equal(byText('詳細').listItem!.depth, 2);
    assert.equal(byText('詳細').listItem!.parent!.depth, 1);
    assert.deepEqual(headingPath(byText('注記').section), ['調達仕様書', '第4章']);
    assert.equal(byText('注記').quoteDepth, 1);
    assert.deepEqual(headingPath(byText('第4章').section), ['調達仕様書']);
  });
});

describe('Markdown document model: bad-example blocks', () => {
  it('marks a section under a heading naming a bad example, up to the next heading of its level', () => {
    const text = '## 誤りの例\n\nISMAP認証を取得した。\n\n### 詳細\n\n- レベル2\n\n## 正しい例\n\nISMAPに登録された。\n';
    assert.deepEqual(examplesOf(text), ['## 誤りの例', 'ISMAP認証を取得した。', '### 詳細', '- レベル2']);
  });

  it('marks the list, quote or table right after a label', () => {
    assert.deepEqual(examplesOf('**NG例**\n\n- ISMAP認証\n- ISMAPレベル2\n\n本文\n'), ['**NG例**', '- ISMAP認証\n- ISMAPレベル2']);
    assert.deepEqual(examplesOf('悪い例：\n> ISMAP認証を取得\n\n本文\n'), ['悪い例：\n> ISMAP認証を取得']);
    assert.deepEqual(examplesOf('誤った記載例\n\n| 記載 |\n|---|\n| ISMAP認証 |\n\n本文\n'), ['誤った記載例', '| 記載 |', '| ISMAP認証 |']);
  });

  it('marks a blockquote or list item that opens with a marker, also inside a quote', () => {
    assert.deepEqual(examplesOf('> ❌ ISMAP認証を取得済み\n> 続き\n\n本文\n'), ['> ❌ ISMAP認証を取得済み\n> 続き']);
    assert.deepEqual(examplesOf('- × ISMAP認証\n- ○ ISMAP登録\n'), ['- × ISMAP認証']);
    assert.deepEqual(examplesOf('> **誤りの例**\n>\n> - ISMAP認証\n\n本文\n'), ['> **誤りの例**', '> - ISMAP認証']);
  });

  it('marks a GitHub admonition and a ::: container that name a bad example', () => {
    assert.deepEqual(examplesOf('> [!CAUTION]\n> NG例: ISMAP認証\n\n本文\n'), ['> [!CAUTION]\n> NG例: ISMAP認証']);
    assert.deepEqual(examplesOf('> [!CAUTION] NG例\n> ISMAP認証\n\n本文\n'), ['> [!CAUTION] NG例\n> ISMAP認証']);
    assert.deepEqual(examplesOf('::: danger 悪い例\nISMAP認証\n:::\n\n本文\n'), ['::: danger 悪い例\nISMAP認証\n:::']);
  });

  it('marks a MkDocs admonition whose title names a bad example (!!! warning "NG例")', () => {
    assert.deepEqual(examplesOf('!!! warning "NG例"\n    ISMAP認証を取得\n\n本文\n'), ['!!! warning "NG例"\n    ISMAP認証を取得']);
    assert.deepEqual(examplesOf('!!! note "補足"\n    ISMAP登録\n\n本文\n'), []);
  });

  it('marks a table column headed 誤 and a row opening with ×', () => {
    const text = '| 誤 | 正 |\n|---|---|\n| ISMAP認証 | ISMAP登録 |\n\n| 判定 | 記載 |\n|---|---|\n| × | ISMAPレベル |\n| ○ | ISMAP登録 |\n';
    const model = parseMarkdownDocument(text);
    const flagged = model.markdown!.blocks.filter((block) => block.example).map((block) => text.slice(block.start, block.end));
    assert.deepEqual(flagged, ['ISMAP認証', '×', 'ISMAPレベル']);
  });

  it('marks the quoted original of a review: a 原文 / 修正前 column and a 修正前 section, not 修正前後', () => {
    const table = '| No. | 原文 | 指摘 |\n|---|---|---|\n| 1 | 「ガバクラ上に構築」 | 正式名称で書く |\n';
    assert.deepEqual(examplesOf(table), ['| 1 | 「ガバクラ上に構築」 | 正式名称で書く |']);
    const model = parseMarkdownDocument(table);
    const flagged = model.markdown!.blocks.filter((block) => block.example).map((block) => table.slice(block.start, block.end));
    assert.deepEqual(flagged, ['「ガバクラ上に構築」']);
    assert.deepEqual(examplesOf('## 原文の抜粋（修正前）\n\n> ガバクラ上に構築する。\n\n## 対応\n\n本文\n'), ['## 原文の抜粋（修正前）', '> ガバクラ上に構築する。']);
    assert.deepEqual(examplesOf('## 修正前後の比較\n\nガバメントクラウド上に構築する。\n'), []);
  });

  it('marks an exercise\'s statement: quoted in the prompt, or the quote, list or paragraph after it, or under a list item', () => {
    assert.deepEqual(examplesOf('次の文の誤りを指摘せよ。「ISMAPレベル2のサービスを選ぶ。」\n\n解答: ISMAPにレベルはない。\n'), ['次の文の誤りを指摘せよ。「ISMAPレベル2のサービスを選ぶ。」']);
    assert.deepEqual(examplesOf('次の記述のうち誤っているものはどれか。\n\n> 1,000人を超える漏えいを報告する。\n\n解説は次回。\n'), [
      '次の記述のうち誤っているものはどれか。',
      '> 1,000人を超える漏えいを報告する。',
    ]);
    assert.deepEqual(examplesOf('以下の説明の誤りを直しなさい。\n\n機密性4情報は持ち出さない。\n\n本文\n'), ['以下の説明の誤りを直しなさい。', '機密性4情報は持ち出さない。']);
    assert.deepEqual(examplesOf('1. 次の文の誤りを指摘しなさい。\n   - NISCへ報告する。\n2. 本文\n'), ['1. 次の文の誤りを指摘しなさい。\n   - NISCへ報告する。']);
    assert.deepEqual(examplesOf('Which of the following is incorrect?\n\n- ISMAP certification is required.\n\nText\n'), [
      'Which of the following is incorrect?',
      '- ISMAP certification is required.',
    ]);
  });

  it('marks an exercise\'s statement after 「誤りがあります」 or 「正しいか」, in the prompt\'s table row, and after "What\'s wrong with"', () => {
    assert.deepEqual(examplesOf('以下の文章には誤りがあります。\n\n> ISMAP認証を取得する。\n\n本文\n'), ['以下の文章には誤りがあります。', '> ISMAP認証を取得する。']);
    assert.deepEqual(examplesOf('次の記述は正しいか。\n\n- 機密性4情報\n\n本文\n'), ['次の記述は正しいか。', '- 機密性4情報']);
    assert.deepEqual(examplesOf('| 問 | 記述 |\n|---|---|\n| 次の文の誤りを指摘せよ | ISMAP認証を取得する |\n| 補足 | 本文 |\n'), [
      '| 次の文の誤りを指摘せよ | ISMAP認証を取得する |',
    ]);
    assert.deepEqual(examplesOf("What's wrong with this sentence?\n\n> ISMAP certification\n\nText\n"), ["What's wrong with this sentence?", '> ISMAP certification']);
  });

  it('does not mark a statement that only speaks of mistakes or exercises', () => {
    assert.deepEqual(examplesOf('次の点に誤りがないか確認する。\n\nISMAP登録を確認する。\n'), []);
    assert.deepEqual(examplesOf('研修の最後に、誤りを指摘する演習を行う。\n\n本文\n'), []);
    assert.deepEqual(examplesOf('以下の記述に誤りがある場合は、速やかに報告すること。\n\n- ISMAP登録を確認する。\n'), []);
    assert.deepEqual(examplesOf('以下の設定値に誤りがないか確認し、誤りがあれば修正すること。\n\n- ISMAP登録を確認する。\n'), []);
  });

  it('does not mark a sentence that only mentions a bad example deep inside', () => {
    assert.deepEqual(examplesOf('研修では、よくある誤りとして悪い例を三つ紹介する。\n'), []);
  });
});

describe('Markdown document model: a value standing after a label', () => {
  /** Whether the inline code `code` of a one-document text stands as a value; its label. */
  const read = (text: string, code: string) => {
    const model = parseMarkdownDocument(text);
    const start = text.indexOf(`\`${code}\``);
    return { standalone: isStandaloneValue(model, { start, end: start + code.length + 2 }), label: lineLabelBefore(model, start) };
  };
  const cases: [string, string, string, boolean, string | undefined][] = [
    ['a list item label', '- DR: `eu-west-1`\n', 'eu-west-1', true, 'DR'],
    ['at the end of a document without a line break', '本番：`ap-northeast-1`', 'ap-northeast-1', true, '本番'],
    ['with a note in brackets after it', '- 分析: `us-east-1` (Virginia)\n次の行\n', 'us-east-1', true, '分析'],
    ['inside a sentence', 'ログは `us-east-1` に送る。\n', 'us-east-1', false, undefined],
    ['with words after it', '- DR: `eu-west-1` に複製する\n', 'eu-west-1', false, 'DR'],
    ['after a start of line longer than a label can be', `${'あ'.repeat(200)}: \`eu-west-1\`\n`, 'eu-west-1', false, undefined],
    ['before more of a long line than a note can be', `- DR: \`eu-west-1\` (${'い'.repeat(200)})\n`, 'eu-west-1', false, 'DR'],
  ];
  for (const [name, text, code, standalone, label] of cases) {
    it(name, () => assert.deepEqual(read(text, code), { standalone, label }));
  }
});
