/**
 * Catalogue compiler: glossary/controls/ (manifest + CSV files) → validated, compact CompiledCatalogues.
 *
 * Runs at build time (scripts/build.js writes dist/catalogues-index.json) and in tests; the editor never
 * parses these files. The manifest is validated against glossary/schema/catalogues.schema.json with ajv;
 * each CSV's header must match the columns the compiler knows for that catalogue, its row count must match
 * the manifest, every ID must be written in its normalised form, and cross references (the ISO mapping,
 * ISMAP objectives → ISO/IEC 27001:2013, NIST enhancements → base controls, 統一基準 parents) must resolve.
 * Every problem names its file, line and column. Each compiled row records its CSV file and line, so that
 * go to definition needs no CSV at run time.
 *
 * One concern per file under compile/: the manifest, the CSV tables, one row compiler per framework, the
 * ISO mapping.
 */

import * as path from 'node:path';
import type { BuildProblem } from '../glossary/types';
import type { CsvField } from '../text/csv';
import { compileCommonStandardsR5, compileCommonStandardsR7, compileGuideline } from './compile/commonStandards';
import type { BuiltCatalogue, CompileContext } from './compile/context';
import { compileIso } from './compile/iso';
import { compileIsmap } from './compile/ismap';
import { readManifest } from './compile/manifest';
import { compileMapping } from './compile/mapping';
import { compileNist } from './compile/nist';
import { Problems, readTable, type Table } from './compile/tables';
import {
  COMPILED_CATALOGUES_FORMAT,
  type CatalogueId,
  type CompiledCatalogue,
  type CompiledCatalogues,
  type CompiledMapping,
  type ControlLevel,
} from './types';

export const MANIFEST_FILE = 'catalogues.yaml';

export interface CompileCataloguesOptions {
  /** Paths in problems are relative to this folder (default: the current directory). */
  readonly displayRoot?: string;
}

export interface CompileCataloguesResult {
  /** Present only when there were no problems. */
  readonly catalogues?: CompiledCatalogues;
  readonly problems: BuildProblem[];
}

const COMPILERS: Readonly<Record<CatalogueId, (context: CompileContext) => void>> = {
  ismap: compileIsmap,
  'iso27001-2022': compileIso(2022),
  'iso27001-2013': compileIso(2013),
  'nist-sp800-53r5': compileNist,
  'common-standards-r7': compileCommonStandardsR7,
  'common-standards-r5': compileCommonStandardsR5,
  'common-standards-guideline-r5': compileGuideline,
};

export function compileCatalogues(controlsDirectory: string, schema: object, options: CompileCataloguesOptions = {}): CompileCataloguesResult {
  const problems = new Problems();
  const displayRoot = options.displayRoot ?? process.cwd();
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/') || file;
  const manifestPath = path.join(controlsDirectory, MANIFEST_FILE);
  const read = readManifest(manifestPath, display(manifestPath), schema, problems);
  if (!read) {
    return { problems: problems.list };
  }
  const { manifest, entries, manifestAt } = read;

  const built = new Map<CatalogueId, BuiltCatalogue>();
  /** A catalogue the manifest lists but whose files could not be read (cross references to it are not checked). */
  const unreadable = (id: CatalogueId) => entries.has(id) && !built.has(id);
  const deferred: (() => void)[] = [];

  for (const [id, { entry, index }] of entries) {
    const main = readTable(controlsDirectory, entry, ['catalogues', index], display, problems, manifestAt);
    const headings = entry.headings ? readTable(controlsDirectory, entry.headings, ['catalogues', index, 'headings'], display, problems, manifestAt) : undefined;
    if (!main || (entry.headings && !headings)) {
      continue;
    }
    const files = headings ? [main.table.name, headings.table.name] : [main.table.name];
    const catalogue: BuiltCatalogue = { entry, levels: [], rows: [], files, fields: new Map() };
    const level = (name: ControlLevel) => {
      const found = catalogue.levels.indexOf(name);
      return found === -1 ? catalogue.levels.push(name) - 1 : found;
    };
    const idOf = (table: Table, field: CsvField, normalized: string | undefined): string | undefined => {
      if (normalized === undefined) {
        table.at(field, `"${field.value}" is not a ${entry.label} ID`);
        return undefined;
      }
      if (normalized !== field.value) {
        table.at(field, `ID "${field.value}" must be written in its normalised form "${normalized}"`);
        return undefined;
      }
      const previous = catalogue.fields.get(normalized);
      if (previous) {
        table.at(field, `duplicate ID "${normalized}" (first on line ${previous.line})`);
        return undefined;
      }
      catalogue.fields.set(normalized, field);
      return normalized;
    };
    const origin = (table: Table, field: CsvField) => ({ n: field.line, s: files.indexOf(table.name) });
    COMPILERS[id]({ entry, main, headings, catalogue, level, idOf, origin, built, unreadable, deferred });
    built.set(id, catalogue);
  }

  const mappings: CompiledMapping[] = [];
  manifest.mappings.forEach((mapping, index) => {
    const table = readTable(controlsDirectory, mapping, ['mappings', index], display, problems, manifestAt);
    if (table) {
      mappings.push(compileMapping(mapping, index, table, built, unreadable, deferred, manifestAt));
    }
  });

  for (const check of deferred) {
    check();
  }
  if (problems.list.length > 0) {
    return { problems: problems.list };
  }
  const catalogues: CompiledCatalogue[] = [...built.values()].map(({ entry, levels, rows, files }) => {
    const { file: _file, columns: _columns, rows: _rows, headings: _headings, ...info } = entry;
    return { info, files, levels, rows };
  });
  return { catalogues: { format: COMPILED_CATALOGUES_FORMAT, catalogues, mappings }, problems: [] };
}
