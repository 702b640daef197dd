import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compileUserGlossary, loadConfigFile } from '../../server/src/config/config';
import { decodeText } from '../../server/src/text/decode';
import { bundledKnowledge, repoRoot, termsSchema } from '../helpers';

// ガバクラ on line 3 after a surrogate pair (UTF-16 column 3), 政府共通ネットワーク on line 4.
const TEXT = '# 仕様\n\n𠮷ガバクラを使う。\n\t政府共通ネットワーク\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) {
    [le[i], le[i + 1]] = [le[i + 1], le[i]];
  }
  return le;
}

/** Shift_JIS bytes of `text` (ASCII and JIS X 0208 only), from the decoder's own table: Node has no encoder. */
function encodeShiftJis(text: string): Buffer {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('shift_jis');
  for (const lead of [...Array.from({ length: 0x1f }, (_, i) => 0x81 + i), ...Array.from({ length: 0x1d }, (_, i) => 0xe0 + i)]) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== '\ufffd' && !table.has(char)) {
        table.set(char, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.charCodeAt(0);
    const encoded = code < 0x80 ? [code] : table.get(char);
    if (!encoded) {
      throw new Error(`no Shift_JIS code for ${char}`);
    }
    bytes.push(...encoded);
  }
  return Buffer.from(bytes);
}

const SJIS_GABAKURA = [0x83, 0x4b, 0x83, 0x6f, 0x83, 0x4e, 0x83, 0x89];

describe('decodeText: the one decoder for files govsec reads', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 LE and BE with a BOM, and Shift_JIS', () => {
    assert.deepEqual(decodeText(Buffer.from(TEXT)), { text: TEXT, encoding: 'utf-8' });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)])), { text: TEXT, encoding: 'utf-8' });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])), { text: TEXT, encoding: 'utf-16le' });
    assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)])), { text: TEXT, encoding: 'utf-16be' });
    assert.deepEqual(decodeText(Buffer.from([...SJIS_GABAKURA, 0x0a])), { text: 'ガバクラ\n', encoding: 'shift_jis' });
  });

  it('refuses, with the reason, what it cannot read', () => {
    assert.deepEqual(decodeText(Buffer.from(TEXT, 'utf16le')), { error: { ja: 'NUL バイトを含む: バイナリファイルか BOM のない UTF-16', en: 'contains NUL bytes: a binary file, or UTF-16 without a byte order mark' } });
    assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x41])), { error: { ja: 'UTF-16LE の BOM で始まるがバイト数が奇数', en: 'starts with a UTF-16LE byte order mark but has an odd number of bytes' } });
    // A lone high surrogate (D800) in UTF-16.
    assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])), { error: { ja: 'UTF-16LE の BOM で始まるが UTF-16LE として正しくない', en: 'starts with a UTF-16LE byte order mark but is not valid UTF-16LE' } });
    assert.deepEqual(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xc3])), { error: { ja: 'UTF-8 の BOM で始まるが UTF-8 として正しくない', en: 'starts with a UTF-8 byte order mark but is not valid UTF-8' } });
    assert.deepEqual(decodeText(Buffer.from([0x80, 0xff, 0x80])), { error: { ja: 'UTF-8、BOM 付き UTF-16、Shift_JIS のいずれでもない', en: 'neither UTF-8, UTF-16 with a byte order mark, nor Shift_JIS text' } });
  });
});

describe('govsec check reads every supported encoding and line ending alike', () => {
  let folder: string;
  const variants: Record<string, Buffer> = {
    'utf8.md': Buffer.from(TEXT),
    'utf8-bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]),
    'utf16le.md': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
    'utf16be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TEXT)]),
    'crlf.md': Buffer.from(TEXT.replace(/\n/g, '\r\n')),
    'cr.md': Buffer.from(TEXT.replace(/\n/g, '\r')),
  };

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-encodings-'));
    for (const [name, bytes] of Object.entries(variants)) {
      fs.writeFileSync(path.join(folder, name), bytes);
    }
    fs.writeFileSync(path.join(folder, 'utf16-no-bom.md'), Buffer.from(TEXT, 'utf16le'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('finds the same findings at the same positions in each', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', '.', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const findings = JSON.parse(result.stdout) as { file: string; line: number; column: number; endColumn: number; rule: string }[];
    for (const name of Object.keys(variants)) {
      assert.deepEqual(
        findings.filter((finding) => finding.file === name).map((finding) => [finding.rule, finding.line, finding.column, finding.endColumn]),
        [
          ['term/variant', 3, 3, 7],
          ['term/deprecated', 4, 2, 12],
        ],
        name,
      );
    }
    // UTF-16 without a BOM cannot be told from binary: skipped, and said so.
    assert.equal(result.stderr, 'govsec: utf16-no-bom.md: contains NUL bytes: a binary file, or UTF-16 without a byte order mark; skipped\n');
  });
});

describe('user data files (.govsec.yaml, glossary files) in every supported encoding', () => {
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-data-encodings-'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('reads a UTF-16 LE .govsec.yaml with a BOM', () => {
    const file = path.join(folder, 'utf16.govsec.yaml');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('rules:\r\n  term/variant: off\r\n', 'utf16le')]));
    const result = loadConfigFile(file);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.config?.rules, { 'term/variant': 'off' });
  });

  it('reads a Shift_JIS glossary file, and refuses an undecodable one at 1:1 with the reason', () => {
    const text = `kind: terms
terms:
  - id: fuzz-sjis
    term: 申請基盤
    reading: しんせいきばん
    english: Intake platform
    category: system
    definition: { ja: 申請の基盤。, en: The intake platform. }
    sources: [{ title: 設計書, url: "https://example.go.jp/design" }]
    asOf: 2026-11-01
    status: { state: current }
`;
    const sjis = path.join(folder, 'sjis-terms.yaml');
    fs.writeFileSync(sjis, encodeShiftJis(text));
    const base = bundledKnowledge().compiledGlossary;
    const compiled = compileUserGlossary([sjis], base, termsSchema());
    assert.deepEqual(compiled.problems, []);
    assert.equal(compiled.glossary?.terms.at(-1)?.term, '申請基盤');

    const binary = path.join(folder, 'binary-terms.yaml');
    fs.writeFileSync(binary, Buffer.from([0x6b, 0x00, 0x69, 0x00]));
    assert.deepEqual(compileUserGlossary([binary], base, termsSchema()).problems, [
      {
        file: binary,
        line: 1,
        column: 1,
        message: {
          ja: '用語集ファイルを読めません（NUL バイトを含む: バイナリファイルか BOM のない UTF-16）',
          en: 'cannot read the glossary file (contains NUL bytes: a binary file, or UTF-16 without a byte order mark)',
        },
      },
    ]);
  });
});
