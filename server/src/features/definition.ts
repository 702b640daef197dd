/**
 * Go to definition, protocol-free: from a glossary term, a cloud service or a control ID in the document to
 * where govsec's knowledge of it is written — the term's entry in its glossary YAML file (a user's own
 * glossary file too), the service's entry in glossary/services/, the control's row in its catalogue CSV in
 * glossary/controls/.
 *
 * Terms and services carry their location from the build. The compiled catalogues do not: the row is
 * found at request time by reading the catalogue manifest (glossary/controls/catalogues.yaml) for the
 * file and scanning that CSV for the ID (IDs are stored in their normalised form, one per row). Both are
 * cached until the file changes.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { mentionAt, type DocumentAnalysis } from '../analysis';
import type { CatalogueId, Control } from '../catalogues/types';
import type { DataLocation } from '../glossary/types';
import type { Knowledge } from '../knowledge';

export interface DefinitionTarget {
  /** Absolute path of the file that holds the entry. */
  readonly file: string;
  /** 0-based line and character of the entry's first key (YAML) or of the row (CSV). */
  readonly line: number;
  readonly character: number;
  /** The mention the definition was asked from, [start, end) offsets in the document. */
  readonly originStart: number;
  readonly originEnd: number;
}

/** Where the catalogues are, below the data root. */
export const CONTROLS_DIRECTORY = path.join('glossary', 'controls');
const MANIFEST = 'catalogues.yaml';

interface CachedFile<T> {
  readonly mtimeMs: number;
  readonly size: number;
  readonly value: T;
}

const fileCache = new Map<string, CachedFile<unknown>>();

/** Reads and derives a value from a file, again only when the file changed; undefined when unreadable. */
function cachedRead<T>(file: string, kind: string, derive: (text: string) => T): T | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const key = `${kind}\u0000${file}`;
  const cached = fileCache.get(key) as CachedFile<T> | undefined;
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    return cached.value;
  }
  let value: T;
  try {
    value = derive(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
  fileCache.set(key, { mtimeMs: stat.mtimeMs, size: stat.size, value });
  return value;
}

/** The catalogue files the manifest names: id → [main file, headings file?]. */
function catalogueFiles(dataRoot: string): ReadonlyMap<string, readonly string[]> | undefined {
  return cachedRead(path.join(dataRoot, CONTROLS_DIRECTORY, MANIFEST), 'manifest', (text) => {
    const data = parse(text) as { catalogues?: { id?: unknown; file?: unknown; headings?: { file?: unknown } }[] } | null;
    const files = new Map<string, string[]>();
    for (const entry of data?.catalogues ?? []) {
      if (typeof entry?.id === 'string' && typeof entry.file === 'string') {
        const list = [entry.file];
        if (typeof entry.headings?.file === 'string') {
          list.push(entry.headings.file);
        }
        files.set(entry.id, list);
      }
    }
    return files;
  });
}

/** The first field of each CSV record → the record's 0-based line (quoted fields may span lines). */
function csvRowLines(text: string): ReadonlyMap<string, number> {
  const rows = new Map<string, number>();
  let line = 0;
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (index < text.length) {
    const recordLine = line;
    // The first field.
    let first = '';
    if (text[index] === '"') {
      index += 1;
      for (; index < text.length; index++) {
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            first += '"';
            index += 1;
            continue;
          }
          index += 1;
          break;
        }
        if (text[index] === '\n') {
          line += 1;
        }
        first += text[index];
      }
    } else {
      const end = text.slice(index).search(/[,\r\n]/);
      first = end === -1 ? text.slice(index) : text.slice(index, index + end);
      index = end === -1 ? text.length : index + end;
    }
    // The rest of the record.
    let quoted = false;
    for (; index < text.length; index++) {
      const char = text[index];
      if (char === '"') {
        quoted = !quoted;
      } else if (char === '\n') {
        line += 1;
        if (!quoted) {
          index += 1;
          break;
        }
      }
    }
    if (recordLine > 0 && !rows.has(first)) {
      rows.set(first, recordLine);
    }
  }
  return rows;
}

/** The catalogue CSV row of a control: absolute file and 0-based line; undefined when it cannot be found. */
export function controlRowLocation(dataRoot: string, catalogue: CatalogueId, controlId: string): { file: string; line: number } | undefined {
  const files = catalogueFiles(dataRoot)?.get(catalogue);
  for (const name of files ?? []) {
    const file = path.resolve(dataRoot, CONTROLS_DIRECTORY, name);
    const line = cachedRead(file, 'csv', csvRowLines)?.get(controlId);
    if (line !== undefined) {
      return { file, line };
    }
  }
  return undefined;
}

/** The column of a YAML entry's first key on its line ("  - id: x" → 4); 0 when the file cannot be read. */
function keyColumn(file: string, line: number): number {
  const lines = cachedRead(file, 'lines', (text) => text.split('\n'));
  const content = lines?.[line];
  return content === undefined ? 0 : /^[ \t]*(?:-[ \t]+)?/.exec(content)![0].length;
}

function entryTarget(location: DataLocation, dataRoot: string, origin: { start: number; end: number }): DefinitionTarget {
  const file = path.resolve(dataRoot, location.file);
  const line = Math.max(0, location.line - 1);
  return { file, line, character: keyColumn(file, line), originStart: origin.start, originEnd: origin.end };
}

function controlTarget(control: Control, dataRoot: string, origin: { start: number; end: number }): DefinitionTarget | undefined {
  const row = controlRowLocation(dataRoot, control.catalogue, control.id);
  return row && { file: row.file, line: row.line, character: 0, originStart: origin.start, originEnd: origin.end };
}

/**
 * The definition of what is under `offset`: a glossary term → its entry in the glossary file (bundled
 * locations are relative to `dataRoot`, a user's glossary files are absolute); a cloud service → its entry
 * in glossary/services/; a control ID the catalogue knows → its row in the catalogue CSV (for an ID a
 * partial catalogue lists only up to an ancestor, the ancestor's row). `dataRoot` is the folder that holds
 * glossary/ (the extension folder, or the repository root).
 */
export function definitionAt(analysis: DocumentAnalysis, knowledge: Knowledge, offset: number, dataRoot: string): DefinitionTarget | undefined {
  const mention = mentionAt(analysis, offset);
  if (!mention) {
    return undefined;
  }
  switch (mention.kind) {
    case 'term':
      return entryTarget(mention.term.location, dataRoot, mention);
    case 'service':
      return entryTarget(mention.service.location, dataRoot, mention);
    case 'control': {
      const control = mention.control?.control;
      return control && knowledge.catalogues ? controlTarget(control, dataRoot, mention) : undefined;
    }
  }
}
