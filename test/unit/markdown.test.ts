import * as assert from 'node:assert/strict';
import { parseMarkdownDocument } from '../../server/src/document/markdown';

/** The prose text of each segment, with its kind. */
function segmentsOf(text: string) {
  return parseMarkdownDocument(text).segments.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`);
}

describe('Markdown document model', () => {
  it('keeps paragraphs, headings, list items and quotes as prose without their markers', () => {
    assert.deepEqual(segmentsOf('# 概要\n\n本文です。\n続き。\n\n- 項目A\n> 引用\n'), [
      'heading:概要',
      'prose:本文です。',
      'prose:続き。',
      'prose:項目A',
      'prose:引用',
    ]);
  });

  it('leaves out fenced code blocks (``` and ~~~) and their fences', () => {
    assert.deepEqual(segmentsOf('前\n\n```yaml\nISMAP: x\n```\n\n~~~~\nGSS\n~~~~\n後\n'), ['prose:前', 'prose:後']);
  });

  it('leaves out an unclosed fence to the end of the document', () => {
    assert.deepEqual(segmentsOf('前\n\n```\nISMAP\n'), ['prose:前']);
  });

  it('leaves out indented code blocks but not indented list continuations', () => {
    assert.deepEqual(segmentsOf('本文\n\n    code ISMAP\n\n- 項目\n\n    続きの段落\n'), ['prose:本文', 'prose:項目', 'prose:続きの段落']);
  });

  it('leaves out code spans, also across a soft line break', () => {
    assert.deepEqual(segmentsOf('前`ISMAP`後 ``a`b`` 末\n'), ['prose:前', 'prose:後 ', 'prose: 末']);
    assert.deepEqual(segmentsOf('前`IS\nMAP`後\n'), ['prose:前', 'prose:後']);
  });

  it('leaves out URLs, link destinations and autolinks but keeps link text', () => {
    assert.deepEqual(segmentsOf('[ISMAP](https://www.ismap.go.jp/ISMAP) と <https://a.go.jp/GSS> と https://x.go.jp/ISMAP。\n'), [
      'prose:[ISMAP',
      'prose: と ',
      'prose: と ',
      'prose:。',
    ]);
  });

  it('ends a bare URL at the first character RFC 3986 does not allow: Japanese text after it stays prose', () => {
    assert.deepEqual(segmentsOf('詳細は https://example.jp/を参照。www.example.com、https://a.go.jp/x?q=%E3&r=1（別紙）。\n'), [
      'prose:詳細は ',
      'prose:を参照。',
      'prose:、',
      'prose:（別紙）。',
    ]);
  });

  it('leaves out HTML comments, on one line and across lines', () => {
    assert.deepEqual(segmentsOf('前<!-- ISMAP -->後\n\n<!--\nGSS\n-->\n末\n'), ['prose:前', 'prose:後', 'prose:末']);
  });

  it('marks table rows and setext headings', () => {
    assert.deepEqual(segmentsOf('| 項目 | 値 |\n|---|---|\n| ISMAP | 要 |\n\n見出し\n===\n'), [
      'table:項目',
      'table:値',
      'table:ISMAP',
      'table:要',
      'heading:見出し',
    ]);
  });

  it('turns front matter keys and values into segments and parses them', () => {
    const text = '---\ntitle: ガバクラ移行\ndate: 2026-04-01 # 作成日\n---\n本文\n';
    const model = parseMarkdownDocument(text);
    assert.deepEqual(
      model.segments.map((s) => `${s.kind}:${text.slice(s.start, s.end)}`),
      ['front-matter:title', 'front-matter:ガバクラ移行', 'front-matter:date', 'front-matter:2026-04-01', 'prose:本文'],
    );
    assert.deepEqual(model.yaml[0].toJS(), { title: 'ガバクラ移行', date: '2026-04-01' });
  });

  it('handles CRLF line endings', () => {
    assert.deepEqual(segmentsOf('一行目\r\n\r\n```\r\nISMAP\r\n```\r\n二行目\r\n'), ['prose:一行目', 'prose:二行目']);
  });
});

describe('document URLs', () => {
  it('finds each URL up to the first character a URL cannot hold, trailing punctuation trimmed', () => {
    const { documentUrls } = require('../../server/src/document/documentUrls') as typeof import('../../server/src/document/documentUrls');
    const text = '公式サイトは https://www.pref.sample.lg.jp/を参照。旧サイト（https://old.example.jp/a_(b)）、https://x.go.jp/y. 以上\n';
    const urls = documentUrls(parseMarkdownDocument(text)).map((url) => ({ url: url.url, start: url.start, text: text.slice(url.start, url.end) }));
    assert.deepEqual(urls, [
      { url: 'https://www.pref.sample.lg.jp/', start: text.indexOf('https://www.pref'), text: 'https://www.pref.sample.lg.jp/' },
      { url: 'https://old.example.jp/a_(b)', start: text.indexOf('https://old'), text: 'https://old.example.jp/a_(b)' },
      { url: 'https://x.go.jp/y', start: text.indexOf('https://x.go'), text: 'https://x.go.jp/y' },
    ]);
  });
});
