/** Which files `govsec check` reads, and how they are read. */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from '../text/decode';
import type { Bilingual } from '../language';

export const CHECKED_EXTENSIONS = /\.(md|markdown|ya?ml)$/i;
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'out', 'dist']);
/** Larger files are skipped: a specification is far smaller, and a huge file would stall CI. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

/** Expands folders into their Markdown and YAML files (sorted); files named explicitly are kept as given. */
export function expandPaths(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      files.push(input); // reported as unreadable when read
      continue;
    }
    if (stat.isDirectory()) {
      files.push(...walk(input));
    } else {
      files.push(input);
    }
  }
  return files;
}

function walk(directory: string): string[] {
  const found: string[] = [];
  const entries = fs.readdirSync(directory, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const child = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) {
        found.push(...walk(child));
      }
    } else if (entry.isFile() && CHECKED_EXTENSIONS.test(entry.name)) {
      found.push(child);
    }
  }
  return found;
}

export type ReadResult = { ok: true; text: string } | { ok: false; skipped: boolean; reason: Bilingual };

/** Reads a document in any encoding decodeText knows; a file it refuses is skipped with the reason. */
export function readDocument(file: string): ReadResult {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      return { ok: false, skipped: false, reason: { ja: 'フォルダーです', en: 'is a directory' } };
    }
    if (stat.size > MAX_FILE_BYTES) {
      const limit = MAX_FILE_BYTES / 1024 / 1024;
      return { ok: false, skipped: true, reason: { ja: `${limit} MiB を超えるため読み飛ばしました`, en: `larger than ${limit} MiB; skipped` } };
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const detail = code ?? String(error);
    return {
      ok: false,
      skipped: false,
      reason: code === 'ENOENT' ? { ja: 'ファイルがありません', en: 'no such file' } : { ja: `読めません（${detail}）`, en: `cannot read (${detail})` },
    };
  }
  const decoded = decodeText(bytes);
  return 'text' in decoded
    ? { ok: true, text: decoded.text }
    : { ok: false, skipped: true, reason: { ja: `読み飛ばしました（${decoded.error.ja}）`, en: `${decoded.error.en}; skipped` } };
}
