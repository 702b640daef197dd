import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { decodeText } from '../../server/src/text/decode';
import { repoRoot } from '../helpers';

// ガバクラ on line 3 after a surrogate pair (UTF-16 column 3), 政府共通ネットワーク on line 4.
const TEXT = '# 仕様\n\n𠮷ガバクラを使う。\n\t政府共通ネットワーク\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) {
    [le[i], le[i + 1]] = [le[i + 1], le[i]];
  }
  return le;
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
    assert.deepEqual(decodeText(Buffer.from(TEXT, 'utf16le')), { error: 'contains NUL bytes: a binary file, or UTF-16 without a byte order mark' });
    assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x41])), { error: 'starts with a UTF-16LE byte order mark but has an odd number of bytes' });
    // A lone high surrogate (D800) in UTF-16.
    assert.deepEqual(decodeText(Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00])), { error: 'starts with a UTF-16LE byte order mark but is not valid UTF-16LE' });
    assert.deepEqual(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0xc3])), { error: 'starts with a UTF-8 byte order mark but is not valid UTF-8' });
    assert.deepEqual(decodeText(Buffer.from([0x80, 0xff, 0x80])), { error: 'neither UTF-8, UTF-16 with a byte order mark, nor Shift_JIS text' });
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
