import * as assert from 'node:assert/strict';
import { parseMarkdownDocument } from '../../server/src/document/markdown';
import { lineBounds, paragraphAt, sentenceAt, splitSentences } from '../../server/src/document/sentences';
import { parseYamlDocument } from '../../server/src/document/yaml';

/** The sentences of a text, as strings. */
function sentencesOf(text: string): string[] {
  return splitSentences(text, 0, text.length).map((range) => text.slice(range.start, range.end));
}

/** The sentence around the first occurrence of `at` in a Markdown document. */
function sentenceAround(text: string, at: string): string {
  const range = sentenceAt(parseMarkdownDocument(text), text.indexOf(at));
  return text.slice(range.start, range.end);
}

describe('the sentence splitter', () => {
  const cases: [string, string, string[]][] = [
    ['。！？ and their half-width forms', 'AWSを使う。本当か？はい！ok! why?', ['AWSを使う。', '本当か？', 'はい！', 'ok!', ' why?']],
    ['a full-width period inside a number or an ID never ends a sentence', 'ISMAP管理策９．２．１に従いAWSを利用する。次。', ['ISMAP管理策９．２．１に従いAWSを利用する。', '次。']],
    ['a full-width period before a letter (Ａ．５．１５) neither', '附属書Ａ．５．１５を参照する。', ['附属書Ａ．５．１５を参照する。']],
    ['a full-width period at the end of a sentence does', '登録する．次の文．', ['登録する．', '次の文．']],
    ['terminators inside 「」『』（） stay in the sentence', '「AWSを使う。」と記載する。（注：GSSは別。）次。', ['「AWSを使う。」と記載する。', '（注：GSSは別。）次。']],
    ['a closing bracket right after a terminator belongs to its sentence', '彼は「使う。」次。', ['彼は「使う。」次。']],
    ['unbalanced brackets fall back to plain splitting', '「開いたまま。次の文。', ['「開いたまま。', '次の文。']],
    ['no terminator: one sentence', 'AWSを使う', ['AWSを使う']],
    ['repeated terminators stay together', '本当？！次', ['本当？！', '次']],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => assert.deepEqual(sentencesOf(text), expected));
  }

  it('reads a paragraph across its soft line breaks, and list items and table rows as units', () => {
    const text = '漏えい等が発生し、本人の数が\n1,000人を超える場合は報告する。次の文。\n\n- 項目Aは\n  続きである。\n- 項目B\n\n| 項目 | 値 |\n|---|---|\n| 確報 | 14日。以内 |\n';
    assert.equal(sentenceAround(text, '1,000人'), '漏えい等が発生し、本人の数が\n1,000人を超える場合は報告する。');
    assert.equal(sentenceAround(text, '続き'), '項目Aは\n  続きである。');
    assert.equal(sentenceAround(text, '項目B'), '項目B');
    assert.equal(sentenceAround(text, '14日'), '| 確報 | 14日。以内 |');
  });

  it('keeps a heading whole, and a YAML scalar with its line', () => {
    assert.equal(sentenceAround('# 第1章。概要\n\n本文。\n', '概要'), '第1章。概要');
    const yaml = 'breach:\n  final_days: 45\n';
    const range = sentenceAt(parseYamlDocument(yaml), yaml.indexOf('45'));
    assert.equal(yaml.slice(range.start, range.end), '  final_days: 45');
  });

  it('reads a list item with the paragraph that introduces its list', () => {
    const text = '報告の期限は次のとおりとする。\n- 速報: 7日以内\n- 確報: 14日\n';
    const model = parseMarkdownDocument(text);
    const range = paragraphAt(model, text.indexOf('14日'));
    assert.equal(text.slice(range.start, range.end), text.trimEnd());
  });

  it('stays bounded on a megabyte without punctuation', () => {
    const text = 'あ'.repeat(1_000_000);
    const range = sentenceAt(parseMarkdownDocument(text), 500_000);
    assert.ok(range.end - range.start <= 4000, `${range.end - range.start}`);
  });
});

describe('line bounds', () => {
  const text = 'ab\r\ncdef\ngh';
  const cases: [string, number, { start: number; end: number } | undefined, { start: number; end: number }][] = [
    ['the whole line, without \\r', 1, undefined, { start: 0, end: 2 }],
    ['a middle line', 6, undefined, { start: 4, end: 8 }],
    ['the last line, without a line break', 10, undefined, { start: 9, end: 11 }],
    ['within a range: the part of the line inside it', 6, { start: 5, end: 7 }, { start: 5, end: 7 }],
    ['within a range that holds the line: the line', 6, { start: 0, end: 11 }, { start: 4, end: 8 }],
    ['within a range that ends at the offset', 6, { start: 4, end: 6 }, { start: 4, end: 6 }],
  ];
  for (const [name, offset, within, expected] of cases) {
    it(name, () => assert.deepEqual(lineBounds(text, offset, within), expected));
  }
});
