/**
 * Go to definition, protocol-free: from a glossary term, a cloud service or a control ID in the document to
 * where govsec's knowledge of it is written — the term's entry in its glossary YAML file (a user's own
 * glossary file too), the service's entry in glossary/services/, the control's row in its catalogue CSV in
 * glossary/controls/.
 *
 * Terms, services and catalogue rows all carry their location from the build: no CSV is read at request
 * time. Only the column of a YAML entry's first key is read from the file (cached until it changes).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { mentionAt, type DocumentAnalysis } from '../analysis';
import type { Catalogues } from '../catalogues/catalogues';
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

interface CachedFile<T> {
  readonly mtimeMs: number;
  readonly size: number;
  readonly value: T;
}

const fileCache = new Map<string, CachedFile<string[]>>();

/** The lines of a file, read again only when the file changed; undefined when unreadable. */
function cachedLines(file: string): string[] | undefined {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return undefined;
  }
  const cached = fileCache.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    return cached.value;
  }
  let value: string[];
  try {
    value = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  fileCache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, value });
  return value;
}

/**
 * The catalogue CSV row of a control: absolute file and 0-based line, from the compiled catalogues (each
 * row records its file and line at build time); undefined when the catalogue does not list the control.
 */
export function controlRowLocation(catalogues: Catalogues, dataRoot: string, catalogue: CatalogueId, controlId: string): { file: string; line: number } | undefined {
  const row = catalogues.rowLocation(catalogue, controlId);
  return row && { file: path.resolve(dataRoot, CONTROLS_DIRECTORY, row.file), line: row.line - 1 };
}

/** The column of a YAML entry's first key on its line ("  - id: x" → 4); 0 when the file cannot be read. */
function keyColumn(file: string, line: number): number {
  const content = cachedLines(file)?.[line];
  return content === undefined ? 0 : /^[ \t]*(?:-[ \t]+)?/.exec(content)![0].length;
}

function entryTarget(location: DataLocation, dataRoot: string, origin: { start: number; end: number }): DefinitionTarget {
  const file = path.resolve(dataRoot, location.file);
  const line = Math.max(0, location.line - 1);
  return { file, line, character: keyColumn(file, line), originStart: origin.start, originEnd: origin.end };
}

function controlTarget(catalogues: Catalogues, control: Control, dataRoot: string, origin: { start: number; end: number }): DefinitionTarget | undefined {
  const row = controlRowLocation(catalogues, dataRoot, control.catalogue, control.id);
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
      return control && knowledge.catalogues ? controlTarget(knowledge.catalogues, control, dataRoot, mention) : undefined;
    }
  }
}
