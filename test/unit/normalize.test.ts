import * as assert from 'node:assert/strict';
import { normalize } from '../../server/src/text/normalize';

describe('normalize (NFKC with offset map)', () => {
  it('folds full-width Latin and digits one to one', () => {
    const result = normalize('ＩＳＭＡＰ ９．１．１');
    assert.equal(result.text, 'ISMAP 9.1.1');
    assert.deepEqual([...result.originalStart], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    assert.deepEqual([...result.originalEnd], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('merges half-width katakana with its voiced mark and maps both units back to the pair', () => {
    const result = normalize('ｶﾞﾊﾞｸﾗ');
    assert.equal(result.text, 'ガバクラ');
    assert.deepEqual([...result.originalStart], [0, 2, 4, 5]);
    assert.deepEqual([...result.originalEnd], [2, 4, 5, 6]);
  });

  it('keeps surrogate pairs whole', () => {
    const result = normalize('😀𠮷A');
    assert.equal(result.text, '😀𠮷A');
    assert.deepEqual([...result.originalStart], [0, 0, 2, 2, 4]);
    assert.deepEqual([...result.originalEnd], [2, 2, 4, 4, 5]);
  });

  it('maps an expanding character to its whole source', () => {
    const result = normalize('㈱X');
    assert.equal(result.text, '(株)X');
    assert.deepEqual([...result.originalStart], [0, 0, 0, 1]);
    assert.deepEqual([...result.originalEnd], [1, 1, 1, 2]);
  });

  it('normalises a sub-range with offsets into the whole text', () => {
    const result = normalize('abＧＳＳcd', 2, 5);
    assert.equal(result.text, 'GSS');
    assert.deepEqual([...result.originalStart], [2, 3, 4]);
  });
});
