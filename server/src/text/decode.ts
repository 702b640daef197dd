/**
 * The one decoder for text files govsec reads (documents in the CLI, .govsec.yaml, glossary files):
 * UTF-8 with or without a byte order mark, UTF-16 LE/BE with a byte order mark, and Shift_JIS, which older
 * government documents still use. Anything else is refused with a reason, never decoded into mojibake.
 */

import type { Bilingual } from '../language';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export type DecodeResult = { text: string; encoding: TextEncoding } | { error: Bilingual };

/** How far NUL bytes are looked for to tell binary files (and UTF-16 without a BOM) from text. */
const BINARY_PROBE_BYTES = 8192;

function strict(encoding: TextEncoding, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
}

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { text: strict('utf-8', bytes.subarray(3)), encoding: 'utf-8' };
    } catch {
      return { error: { ja: 'UTF-8 の BOM で始まるが UTF-8 として正しくない', en: 'starts with a UTF-8 byte order mark but is not valid UTF-8' } };
    }
  }
  for (const [encoding, first, second] of [['utf-16le', 0xff, 0xfe], ['utf-16be', 0xfe, 0xff]] as const) {
    if (bytes.length >= 2 && bytes[0] === first && bytes[1] === second) {
      if (bytes.length % 2 !== 0) {
        return { error: { ja: `${encoding.toUpperCase()} の BOM で始まるがバイト数が奇数`, en: `starts with a ${encoding.toUpperCase()} byte order mark but has an odd number of bytes` } };
      }
      try {
        return { text: strict(encoding, bytes.subarray(2)), encoding };
      } catch {
        return { error: { ja: `${encoding.toUpperCase()} の BOM で始まるが ${encoding.toUpperCase()} として正しくない`, en: `starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()}` } };
      }
    }
  }
  if (bytes.subarray(0, BINARY_PROBE_BYTES).includes(0)) {
    return { error: { ja: 'NUL バイトを含む: バイナリファイルか BOM のない UTF-16', en: 'contains NUL bytes: a binary file, or UTF-16 without a byte order mark' } };
  }
  try {
    return { text: strict('utf-8', bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: strict('shift_jis', bytes), encoding: 'shift_jis' };
    } catch {
      return { error: { ja: 'UTF-8、BOM 付き UTF-16、Shift_JIS のいずれでもない', en: 'neither UTF-8, UTF-16 with a byte order mark, nor Shift_JIS text' } };
    }
  }
}
