import * as assert from 'node:assert/strict';
import { detectDelimiter, readCsv } from '../../server/src/text/csv';

/** Each field as [value, line, column]. */
function cells(text: string, options?: Parameters<typeof readCsv>[1]): [string, number, number][][] {
  return readCsv(text, options).records.map((record) => record.fields.map((field) => [field.value, field.line, field.column]));
}

describe('CSV reader', () => {
  it('reads quoted commas and doubled quotes, and places every field', () => {
    const text = '\ufeffa,b\r\nCA,"Assessment, Authorization, and Monitoring"\r\n"say ""hi""",x\r\n';
    assert.deepEqual(cells(text), [
      [['a', 1, 1], ['b', 1, 3]],
      [['CA', 2, 1], ['Assessment, Authorization, and Monitoring', 2, 4]],
      [['say "hi"', 3, 1], ['x', 3, 14]],
    ]);
    assert.deepEqual(readCsv(text).problems, []);
  });

  it('counts a CRLF inside a quoted field as one line (csv-parse alone counts two)', () => {
    const text = 'id,note\r\n1,"first\r\nsecond\r\nthird"\r\n2,after\r\n3,"x\ny",z\n4,end';
    const result = readCsv(text);
    assert.deepEqual(result.records.map((record) => record.line), [1, 2, 5, 6, 8]);
    assert.deepEqual(result.records[1].fields[1], { value: 'first\r\nsecond\r\nthird', line: 2, column: 3 });
    assert.deepEqual(result.records[3].fields.map((field) => [field.line, field.column]), [[6, 1], [6, 3], [7, 4]]);
    assert.deepEqual(result.records[4].fields[1], { value: 'end', line: 8, column: 3 });
  });

  it('accepts LF, CRLF and CR line ends in one file', () => {
    assert.deepEqual(cells('a,b\rc,d\r\ne,f\ng,h'), [
      [['a', 1, 1], ['b', 1, 3]],
      [['c', 2, 1], ['d', 2, 3]],
      [['e', 3, 1], ['f', 3, 3]],
      [['g', 4, 1], ['h', 4, 3]],
    ]);
  });

  it('counts columns in characters after multi-byte text, and after the BOM', () => {
    assert.deepEqual(cells('\ufeff登録番号,サービス名称\n"ISMAP,1",日本語\n'), [
      [['登録番号', 1, 1], ['サービス名称', 1, 6]],
      [['ISMAP,1', 2, 1], ['日本語', 2, 11]],
    ]);
  });

  it('returns blank lines apart from the records, not counting the final line end', () => {
    const result = readCsv('a\n\nb\r\n\r\n"",c\n');
    assert.deepEqual(result.blankLines, [2, 4]);
    assert.deepEqual(result.records.map((record) => [record.line, record.fields.map((field) => field.value)]), [
      [1, ['a']],
      [3, ['b']],
      [5, ['', 'c']],
    ]);
  });

  it('stops at the first malformed record when strict, with its line', () => {
    assert.deepEqual(readCsv('a,b\nc,"d\ne\n\nf\n').problems, [{ line: 2, column: 1, message: { ja: '引用符で始まる欄が閉じていない', en: 'a quoted field is never closed' } }]);
    assert.deepEqual(readCsv('a,b\nc,"d\ne",f\ng,h"i\nj,k\n').problems, [{ line: 4, column: 1, message: { ja: '引用符のない欄の中に引用符がある', en: 'quote inside an unquoted field' } }]);
    assert.deepEqual(readCsv('a,"b" c\n').problems, [{ line: 1, column: 1, message: { ja: '閉じる引用符の後に文字がある', en: 'unexpected text after a closing quote' } }]);
    assert.deepEqual(readCsv('a,b\nc,"d\ne",f\ng,h"i\nj,k\n').records.map((record) => record.line), [1, 2]);
  });

  it('keeps stray quotes as text and skips a record whose quote never closes when lenient', () => {
    const result = readCsv('n,name\n1,say "hi"\n2,"unclosed\n3,ok\n', { lenient: true });
    assert.deepEqual(result.problems, [{ line: 3, column: 1, message: { ja: '行を読み飛ばした: 引用符で始まる欄が閉じていない', en: 'row skipped: a quoted field is never closed' } }]);
    assert.deepEqual(
      result.records.map((record) => [record.line, record.fields.map((field) => field.value)]),
      [
        [1, ['n', 'name']],
        [2, ['1', 'say "hi"']],
        [4, ['3', 'ok']],
      ],
    );
  });

  it('keeps text after a closing quote as part of the field when lenient', () => {
    assert.deepEqual(cells('a,"x"y,z\n', { lenient: true }), [[['a', 1, 1], ['"x"y', 1, 3], ['z', 1, 8]]]);
  });

  it('reads tab-separated text, with tabs inside quoted fields', () => {
    assert.deepEqual(cells('登録番号\tサービス名称\nC23-0001-1\t"A\tB"\n', { delimiter: '\t' }), [
      [['登録番号', 1, 1], ['サービス名称', 1, 6]],
      [['C23-0001-1', 2, 1], ['A\tB', 2, 12]],
    ]);
  });

  it('tells tab-separated text from comma-separated text by its first line', () => {
    assert.equal(detectDelimiter('\n登録番号\tサービス名称\n'), '\t');
    assert.equal(detectDelimiter('登録番号,サービス名称\tメモ\n'), ',');
    assert.equal(detectDelimiter('登録番号\n'), ',');
  });
});
