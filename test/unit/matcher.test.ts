import * as assert from 'node:assert/strict';
import { DictionaryMatcher } from '../../server/src/text/matcher';

function matcherOf(...keys: string[]) {
  return new DictionaryMatcher(keys.map((key) => ({ key, value: key })));
}

function find(matcher: DictionaryMatcher<string>, text: string) {
  return matcher.matchRange(text, 0, text.length).map((m) => [m.start, m.end, m.value]);
}

describe('DictionaryMatcher', () => {
  const matcher = matcherOf('ISMAP', 'ISMAP-LIU', 'GSS', 'ガバメントクラウド', 'ガバクラ', '27001');

  it('matches a Latin term directly before Japanese text (no spaces in Japanese)', () => {
    assert.deepEqual(find(matcher, 'ISMAP登録'), [[0, 5, 'ISMAP']]);
    assert.deepEqual(find(matcher, '当該ISMAPに'), [[2, 7, 'ISMAP']]);
  });

  it('checks word boundaries only at Latin/digit edges', () => {
    assert.deepEqual(find(matcher, 'GSSAPI'), []);
    assert.deepEqual(find(matcher, 'XGSS'), []);
    assert.deepEqual(find(matcher, 'GSS。GSS-1'), [[0, 3, 'GSS'], [4, 7, 'GSS']]);
    assert.deepEqual(find(matcher, 'ISO/IEC 270011'), []);
  });

  it('prefers the longest match', () => {
    assert.deepEqual(find(matcher, 'ISMAP-LIUの申請'), [[0, 9, 'ISMAP-LIU']]);
  });

  it('falls back to a shorter key when the longer one fails its boundary', () => {
    assert.deepEqual(find(matcher, 'ISMAP-LIUX'), [[0, 5, 'ISMAP']]);
  });

  it('matches full-width text and maps back to original offsets', () => {
    assert.deepEqual(find(matcher, 'まずＩＳＭＡＰを'), [[2, 7, 'ISMAP']]);
    assert.deepEqual(find(matcher, 'ｶﾞﾊﾞｸﾗ'), [[0, 6, 'ガバクラ']]);
  });

  it('gives UTF-16 offsets after surrogate pairs', () => {
    assert.deepEqual(find(matcher, '😀𠮷ガバクラ'), [[4, 8, 'ガバクラ']]);
  });

  it('does not match across a line break', () => {
    assert.deepEqual(find(matcher, 'ガバメント\nクラウド'), []);
  });

  it('rejects duplicate keys', () => {
    assert.throws(() => matcherOf('GSS', 'GSS'), /duplicate matcher key: GSS/);
  });
});
