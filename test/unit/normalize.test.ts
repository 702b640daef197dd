import * as assert from 'node:assert/strict';
import { normalize } from '../../server/src/text/normalize';
import { ends, starts } from '../helpers';

describe('normalize (NFKC with offset map)', () => {
  it('folds full-width Latin and digits one to one', () => {
    const result = normalize('ＩＳＭＡＰ ９．１．１');
    assert.equal(result.text, 'ISMAP 9.1.1');
    assert.deepEqual(starts(result), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual(ends(result), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('merges half-width katakana with its voiced mark and maps both units back to the pair', () => {
    const result = normalize('ｶﾞﾊﾞｸﾗ');
    assert.equal(result.text, 'ガバクラ');
    assert.deepEqual(starts(result), [0, 2, 4, 5]);
    assert.deepEqual(ends(result), [2, 4, 5, 6]);
  });

  it('keeps surrogate pairs whole', () => {
    const result = normalize('😀𠮷A');
    assert.equal(result.text, '😀𠮷A');
    assert.deepEqual(starts(result), [0, 0, 2, 2, 4]);
    assert.deepEqual(ends(result), [2, 2, 4, 4, 5]);
  });

  it('maps an expanding character to its whole source', () => {
    const result = normalize('㈱X');
    assert.equal(result.text, '(株)X');
    assert.deepEqual(starts(result), [0, 0, 0, 1]);
    assert.deepEqual(ends(result), [1, 1, 1, 2]);
  });

  it('normalises a sub-range with offsets into the whole text', () => {
    const result = normalize('abＧＳＳcd', 2, 5);
    assert.equal(result.text, 'GSS');
    assert.deepEqual(starts(result), [2, 3, 4]);
  });

  it('keeps one run for text that maps one to one, full-width forms included, and finds units by offset', () => {
    const result = normalize('ＩＳＭＡＰ管理基準ｶﾞ９．２');
    assert.equal(result.text, 'ISMAP管理基準ガ9.2');
    assert.deepEqual(starts(result), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13]);
    assert.equal(result.indexAt(0), 0);
    assert.equal(result.indexAt(10), 10); // inside ｶﾞ: the next unit that starts at or after it
    assert.equal(result.indexAt(11), 10);
    assert.equal(result.indexAt(14), 13);
    assert.throws(() => result.startOf(13), RangeError);
  });

  it('agrees with a unit-by-unit reading for offsets and windows', () => {
    const pieces = ['ｶﾞﾊﾞ', 'ﾞ', 'e\u0301', '９．２．１', '\n', '😀', 'abc', '機密性３', '㍻', 'ﬁ', '㈱', '\ud800'];
    let seed = 7;
    const next = (limit: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % limit;
    };
    for (let round = 0; round < 200; round++) {
      const text = Array.from({ length: next(12) }, () => pieces[next(pieces.length)]).join('');
      const result = normalize(text);
      const unitStarts = starts(result);
      for (let offset = 0; offset <= text.length + 1; offset++) {
        const expected = unitStarts.findIndex((start) => start >= offset);
        assert.equal(result.indexAt(offset), expected === -1 ? result.text.length : expected, `${JSON.stringify(text)} at ${offset}`);
      }
      const from = next(result.text.length + 1);
      const to = from + next(result.text.length - from + 1);
      const window = result.slice(from, to);
      assert.equal(window.text, result.text.slice(from, to));
      assert.deepEqual(starts(window), unitStarts.slice(from, to));
      assert.deepEqual(ends(window), ends(result).slice(from, to));
      for (let offset = 0; offset <= text.length + 1; offset++) {
        assert.equal(window.indexAt(offset), Math.min(to, Math.max(from, result.indexAt(offset))) - from);
      }
    }
  });
});
