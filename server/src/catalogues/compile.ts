/**
 * Catalogue compiler: glossary/controls/ (manifest + CSV files) → validated, compact CompiledCatalogues.
 *
 * Runs at build time (scripts/build.js writes dist/catalogues-index.json) and in tests; the editor never
 * parses these files. The manifest is validated against glossary/schema/catalogues.schema.json with ajv;
 * each CSV's header must match the columns the compiler knows for that catalogue, its row count must match
 * the manifest, every ID must be written in its normalised form, and cross references (the ISO mapping,
 * ISMAP objectives → ISO/IEC 27001:2013, NIST enhancements → base controls, 統一基準 parents) must resolve.
 * Every problem names its file, line and column.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import type { GlossaryProblem } from '../glossary/types';
import { describeAjvError, instancePath, nodeOffset } from '../glossary/yamlData';
import { normalizeControlId, parentKey, parseIsmapId } from './ids';
import {
  CATALOGUE_FAMILY,
  COMPILED_CATALOGUES_FORMAT,
  RowFlag,
  type CatalogueId,
  type CatalogueInfo,
  type CompiledCatalogue,
  type CompiledCatalogues,
  type CompiledIsoPair,
  type CompiledMapping,
  type CompiledRow,
  type ControlLevel,
  type IsoRelationship,
  type MappingInfo,
} from './types';

export const MANIFEST_FILE = 'catalogues.yaml';

export interface CompileCataloguesOptions {
  /** Paths in problems are relative to this folder (default: the current directory). */
  readonly displayRoot?: string;
}

export interface CompileCataloguesResult {
  /** Present only when there were no problems. */
  readonly catalogues?: CompiledCatalogues;
  readonly problems: GlossaryProblem[];
}

// ---------------------------------------------------------------------------------------------------------
// CSV

interface CsvField {
  readonly value: string;
  readonly line: number;
  readonly column: number;
}

interface CsvRecord {
  readonly line: number;
  readonly fields: readonly CsvField[];
}

interface CsvProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" inside quotes is a quote; quoted
 * fields may hold commas and line breaks), LF or CRLF line ends, an optional BOM. Blank lines are problems,
 * except one final line end.
 */
export function parseCsv(text: string): { records: CsvRecord[]; problems: CsvProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  let index = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let lineStart = index;
  while (index < text.length) {
    const recordLine = line;
    const fields: CsvField[] = [];
    if (text[index] === '\n' || (text[index] === '\r' && text[index + 1] === '\n')) {
      problems.push({ line, column: 1, message: 'blank line' });
      index += text[index] === '\r' ? 2 : 1;
      line += 1;
      lineStart = index;
      continue;
    }
    for (;;) {
      const fieldLine = line;
      const fieldColumn = index - lineStart + 1;
      let value = '';
      if (text[index] === '"') {
        index += 1;
        for (;;) {
          if (index >= text.length) {
            problems.push({ line: fieldLine, column: fieldColumn, message: 'unterminated quoted field' });
            break;
          }
          const char = text[index];
          if (char === '"') {
            if (text[index + 1] === '"') {
              value += '"';
              index += 2;
              continue;
            }
            index += 1;
            break;
          }
          if (char === '\n') {
            line += 1;
            lineStart = index + 1;
          }
          value += char;
          index += 1;
        }
        if (index < text.length && text[index] !== ',' && text[index] !== '\n' && text[index] !== '\r') {
          problems.push({ line, column: index - lineStart + 1, message: 'unexpected text after a closing quote' });
          while (index < text.length && text[index] !== ',' && text[index] !== '\n') {
            index += 1;
          }
        }
      } else {
        const start = index;
        while (index < text.length && text[index] !== ',' && text[index] !== '\n' && !(text[index] === '\r' && text[index + 1] === '\n')) {
          index += 1;
        }
        value = text.slice(start, index);
        if (value.includes('"')) {
          problems.push({ line: fieldLine, column: fieldColumn, message: 'quote inside an unquoted field' });
        }
      }
      fields.push({ value, line: fieldLine, column: fieldColumn });
      if (text[index] === ',') {
        index += 1;
        continue;
      }
      if (text[index] === '\r') {
        index += 1;
      }
      if (text[index] === '\n') {
        index += 1;
        line += 1;
        lineStart = index;
      }
      break;
    }
    records.push({ line: recordLine, fields });
  }
  return { records, problems };
}

// ---------------------------------------------------------------------------------------------------------
// Manifest

interface TableEntry {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

interface CatalogueEntry extends CatalogueInfo, TableEntry {
  readonly headings?: TableEntry;
}

interface MappingEntry extends MappingInfo, TableEntry {}

interface Manifest {
  readonly kind: 'catalogues';
  readonly catalogues: readonly CatalogueEntry[];
  readonly mappings: readonly MappingEntry[];
}

/** The columns the compiler reads, per catalogue (the manifest must list the same). */
const LAYOUT: Readonly<Record<CatalogueId, { readonly columns: readonly string[]; readonly headings?: readonly string[] }>> = {
  ismap: {
    columns: ['id', 'tier', 'level', 'suffix', 'cloud_specific', 'iso_reference'],
    headings: ['id', 'level', 'tier', 'title_en', 'iso_clause'],
  },
  'iso27001-2022': { columns: ['id', 'theme', 'title'] },
  'iso27001-2013': { columns: ['id', 'title'] },
  'nist-sp800-53r5': {
    columns: ['id', 'title', 'oscal_title', 'withdrawn', 'baseline_low', 'baseline_moderate', 'baseline_high', 'baseline_privacy'],
    headings: ['family', 'title', 'controls_and_enhancements'],
  },
  'common-standards-r7': { columns: ['id', 'level', 'title_en', 'title_ja', 'title_ja_source', 'page_en'] },
  'common-standards-r5': { columns: ['id', 'level', 'title_ja', 'r7_id'] },
  'common-standards-guideline-r5': { columns: ['id', 'level', 'title_ja', 'relates_to'] },
};

const MAPPING_COLUMNS = ['from_2013', 'to_2022', 'relationship', 'sources'];

// ---------------------------------------------------------------------------------------------------------
// Compilation

class Problems {
  readonly list: GlossaryProblem[] = [];

  add(file: string, line: number, column: number, message: string): void {
    this.list.push({ file, line, column, message });
  }
}

/** A CSV file being read: its display path and the problems found in it. */
class Table {
  constructor(
    readonly file: string,
    private readonly problems: Problems,
  ) {}

  at(field: { line: number; column: number }, message: string): void {
    this.problems.add(this.file, field.line, field.column, message);
  }
}

/** A data row as named fields (each field knows its line and column). */
type Row = Readonly<Record<string, CsvField>>;

interface BuiltCatalogue {
  readonly entry: CatalogueEntry;
  readonly levels: ControlLevel[];
  readonly rows: CompiledRow[];
  /** Row id → the id field, for cross-reference messages. */
  readonly fields: Map<string, CsvField>;
  readonly table: Table;
}

const TRUE_FALSE = new Set(['true', 'false']);

function trimmed(table: Table, field: CsvField, name: string, required: boolean): string {
  if (field.value !== field.value.trim()) {
    table.at(field, `${name}: leading or trailing white space`);
  }
  if (required && field.value.trim() === '') {
    table.at(field, `${name}: must not be empty`);
  }
  return field.value.trim();
}

function bool(table: Table, field: CsvField, name: string): boolean {
  if (!TRUE_FALSE.has(field.value)) {
    table.at(field, `${name}: must be "true" or "false", not "${field.value}"`);
  }
  return field.value === 'true';
}

function oneOf<T extends string>(table: Table, field: CsvField, name: string, allowed: readonly T[]): T | undefined {
  if ((allowed as readonly string[]).includes(field.value)) {
    return field.value as T;
  }
  table.at(field, `${name}: must be one of ${allowed.map((value) => `"${value}"`).join(', ')}, not "${field.value}"`);
  return undefined;
}

function compactRow(row: { i: string; l: number; t?: string; j?: string; f?: number; r?: string }): CompiledRow {
  const compact: { i: string; l: number; t?: string; j?: string; f?: number; r?: string } = { i: row.i, l: row.l };
  if (row.t) compact.t = row.t;
  if (row.j) compact.j = row.j;
  if (row.f) compact.f = row.f;
  if (row.r) compact.r = row.r;
  return compact;
}

/** Compares numbers part by part (9 < 9.1 < 9.1.1 < 9.2 < 10), shorter first. */
function compareParts(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) {
      return a[index] - b[index];
    }
  }
  return a.length - b.length;
}

export function compileCatalogues(
  controlsDirectory: string,
  schema: object,
  options: CompileCataloguesOptions = {},
): CompileCataloguesResult {
  const problems = new Problems();
  const displayRoot = options.displayRoot ?? process.cwd();
  const display = (file: string) => path.relative(displayRoot, file).split(path.sep).join('/') || file;
  const manifestPath = path.join(controlsDirectory, MANIFEST_FILE);
  const manifestName = display(manifestPath);

  let manifestText: string;
  try {
    manifestText = fs.readFileSync(manifestPath, 'utf8');
  } catch (error) {
    problems.add(manifestName, 1, 1, `cannot read the manifest: ${(error as Error).message}`);
    return { problems: problems.list };
  }
  const lines = new LineCounter();
  const document = parseDocument(manifestText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const manifestAt = (nodePath: readonly (string | number)[], message: string) => {
    const { line, col } = lines.linePos(nodeOffset(document, nodePath));
    problems.add(manifestName, line, col, message);
  };
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const { line, col } = lines.linePos(error.pos[0]);
      problems.add(manifestName, line, col, `YAML: ${error.message.split('\n')[0]}`);
    }
    return { problems: problems.list };
  }
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const data = document.toJS();
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      const message = describeAjvError(error);
      if (!seen.has(`${error.instancePath}:${message}`)) {
        seen.add(`${error.instancePath}:${message}`);
        manifestAt(instancePath(error), message);
      }
    }
    return { problems: problems.list };
  }
  const manifest = data as Manifest;

  // Manifest-level checks.
  const entries = new Map<CatalogueId, { entry: CatalogueEntry; index: number }>();
  manifest.catalogues.forEach((entry, index) => {
    if (entries.has(entry.id)) {
      manifestAt(['catalogues', index, 'id'], `duplicate catalogue id "${entry.id}"`);
      return;
    }
    entries.set(entry.id, { entry, index });
    if (CATALOGUE_FAMILY[entry.id] !== entry.family) {
      manifestAt(['catalogues', index, 'family'], `catalogue "${entry.id}" belongs to family "${CATALOGUE_FAMILY[entry.id]}", not "${entry.family}"`);
    }
    const layout = LAYOUT[entry.id];
    if (entry.columns.join(',') !== layout.columns.join(',')) {
      manifestAt(['catalogues', index, 'columns'], `catalogue "${entry.id}" has the columns [${layout.columns.join(', ')}]`);
    }
    if (layout.headings && !entry.headings) {
      manifestAt(['catalogues', index], `catalogue "${entry.id}" needs a headings table`);
    } else if (!layout.headings && entry.headings) {
      manifestAt(['catalogues', index, 'headings'], `catalogue "${entry.id}" has no headings table`);
    } else if (layout.headings && entry.headings && entry.headings.columns.join(',') !== layout.headings.join(',')) {
      manifestAt(['catalogues', index, 'headings', 'columns'], `the headings of "${entry.id}" have the columns [${layout.headings.join(', ')}]`);
    }
  });
  manifest.mappings.forEach((mapping, index) => {
    if (mapping.from !== 'iso27001-2013' || mapping.to !== 'iso27001-2022') {
      manifestAt(['mappings', index, 'from'], `mapping "${mapping.id}" goes from "iso27001-2013" to "iso27001-2022"`);
    }
    for (const side of ['from', 'to'] as const) {
      if (!entries.has(mapping[side])) {
        manifestAt(['mappings', index, side], `mapping "${mapping.id}" refers to "${mapping[side]}", which is not in catalogues`);
      }
    }
    if (mapping.columns.join(',') !== MAPPING_COLUMNS.join(',')) {
      manifestAt(['mappings', index, 'columns'], `mapping "${mapping.id}" has the columns [${MAPPING_COLUMNS.join(', ')}]`);
    }
  });
  if (problems.list.length > 0) {
    return { problems: problems.list };
  }

  /** Reads a CSV table named in the manifest; checks its header and its row count. */
  const readTable = (table: TableEntry, entryPath: (string | number)[]): { table: Table; rows: Row[] } | undefined => {
    const file = path.join(controlsDirectory, table.file);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (error) {
      manifestAt([...entryPath, 'file'], `cannot read ${table.file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      return undefined;
    }
    const csv = new Table(display(file), problems);
    const parsed = parseCsv(text);
    for (const problem of parsed.problems) {
      csv.at(problem, problem.message);
    }
    const [header, ...records] = parsed.records;
    if (!header) {
      csv.at({ line: 1, column: 1 }, 'empty file');
      return undefined;
    }
    const names = header.fields.map((field) => field.value);
    if (names.join(',') !== table.columns.join(',')) {
      const differs = header.fields.find((field, index) => field.value !== table.columns[index]) ?? header.fields[header.fields.length - 1];
      csv.at(differs, `header must be "${table.columns.join(',')}" as the manifest says, not "${names.join(',')}"`);
      return undefined;
    }
    const rows: Row[] = [];
    for (const record of records) {
      if (record.fields.length !== table.columns.length) {
        const last = record.fields[record.fields.length - 1];
        csv.at(record.fields.length > table.columns.length ? record.fields[table.columns.length] : last, `expected ${table.columns.length} fields, found ${record.fields.length}`);
        continue;
      }
      const row: Record<string, CsvField> = {};
      table.columns.forEach((name, index) => {
        row[name] = record.fields[index];
      });
      rows.push(row);
    }
    if (records.length !== table.rows) {
      manifestAt([...entryPath, 'rows'], `${table.file} has ${records.length} data rows, the manifest says ${table.rows}`);
    }
    return { table: csv, rows };
  };

  const built = new Map<CatalogueId, BuiltCatalogue>();
  /** A catalogue the manifest lists but whose files could not be read (cross references to it are not checked). */
  const unreadable = (id: CatalogueId) => entries.has(id) && !built.has(id);
  /** Checks that run once every catalogue is read (cross references). */
  const deferred: (() => void)[] = [];

  for (const [id, { entry, index }] of entries) {
    const main = readTable(entry, ['catalogues', index]);
    const headings = entry.headings ? readTable(entry.headings, ['catalogues', index, 'headings']) : undefined;
    if (!main || (entry.headings && !headings)) {
      continue;
    }
    const catalogue: BuiltCatalogue = { entry, levels: [], rows: [], fields: new Map(), table: main.table };
    const level = (name: ControlLevel) => {
      const found = catalogue.levels.indexOf(name);
      return found === -1 ? catalogue.levels.push(name) - 1 : found;
    };
    /** Checks the id field (normalised form, unique) and returns it, or undefined. */
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
    const compileRows = COMPILERS[id];
    compileRows({ entry, main, headings, catalogue, level, idOf, built, unreadable, deferred });
    built.set(id, catalogue);
  }

  const mappings: CompiledMapping[] = [];
  manifest.mappings.forEach((mapping, index) => {
    const read = readTable(mapping, ['mappings', index]);
    if (!read) {
      return;
    }
    const { table, rows } = read;
    const pairs: CompiledIsoPair[] = [];
    const seen = new Map<string, number>();
    for (const row of rows) {
      const relationship = oneOf<IsoRelationship>(table, row.relationship, 'relationship', ['equal', 'subset', 'superset', 'intersect', '']);
      if (!/^[a-z][a-z0-9-]*(;[a-z][a-z0-9-]*)*$/.test(row.sources.value)) {
        table.at(row.sources, 'sources: one or more source names separated by ";"');
      }
      const key = `${row.from_2013.value}>${row.to_2022.value}`;
      if (seen.has(key)) {
        table.at(row.from_2013, `duplicate pair ${row.from_2013.value} → ${row.to_2022.value} (first on line ${seen.get(key)})`);
        continue;
      }
      seen.set(key, row.from_2013.line);
      pairs.push([row.from_2013.value, row.to_2022.value, relationship ?? '', row.sources.value]);
      deferred.push(() => {
        for (const [field, catalogueId] of [[row.from_2013, mapping.from], [row.to_2022, mapping.to]] as const) {
          if (unreadable(catalogueId)) {
            continue; // its own problems are reported; do not repeat them for every pair
          }
          if (!built.get(catalogueId)?.fields.has(field.value)) {
            table.at(field, `"${field.value}" is not in ${catalogueId}`);
          }
        }
      });
    }
    deferred.push(() => {
      const from = built.get(mapping.from);
      if (!mapping.partial && from) {
        const mapped = new Set(pairs.map((pair) => pair[0]));
        const missing = from.rows.filter((row) => from.levels[row.l] === 'control' && !mapped.has(row.i)).map((row) => row.i);
        if (missing.length > 0) {
          manifestAt(['mappings', index, 'partial'], `not partial, but ${missing.length} ${mapping.from} control(s) are not mapped: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ' …' : ''}`);
        }
      }
    });
    const { file: _file, columns: _columns, rows: _rows, ...info } = mapping;
    mappings.push({ info, pairs });
  });

  for (const check of deferred) {
    check();
  }
  if (problems.list.length > 0) {
    return { problems: problems.list };
  }
  const catalogues: CompiledCatalogue[] = [...built.values()].map(({ entry, levels, rows }) => {
    const { file: _file, columns: _columns, rows: _rows, headings: _headings, ...info } = entry;
    return { info, levels, rows };
  });
  return { catalogues: { format: COMPILED_CATALOGUES_FORMAT, catalogues, mappings }, problems: [] };
}

// ---------------------------------------------------------------------------------------------------------
// Per-catalogue row compilers

interface CompileContext {
  readonly entry: CatalogueEntry;
  readonly main: { table: Table; rows: Row[] };
  readonly headings?: { table: Table; rows: Row[] };
  readonly catalogue: BuiltCatalogue;
  level(name: ControlLevel): number;
  idOf(table: Table, field: CsvField, normalized: string | undefined): string | undefined;
  readonly built: ReadonlyMap<CatalogueId, BuiltCatalogue>;
  /** true for a catalogue the manifest lists whose files could not be read. */
  unreadable(id: CatalogueId): boolean;
  readonly deferred: (() => void)[];
}

const TIER_FLAG = { governance: RowFlag.TierGovernance, management: RowFlag.TierManagement, controls: RowFlag.TierControls } as const;
type Tier = keyof typeof TIER_FLAG;

function tierOfDomain(domain: number): Tier | undefined {
  return domain === 3 ? 'governance' : domain === 4 ? 'management' : domain >= 5 && domain <= 18 ? 'controls' : undefined;
}

function compileIsmap(context: CompileContext): void {
  const { main, headings, catalogue, level, idOf, built, deferred } = context;
  const sortable: { parts: number[]; row: CompiledRow }[] = [];
  const numericIds = new Map<string, CsvField>();

  for (const row of headings!.rows) {
    const table = headings!.table;
    const id = idOf(table, row.id, normalizeControlId('ismap', row.id.value));
    const kind = oneOf(table, row.level, 'level', ['domain', 'category'] as const);
    const tier = oneOf(table, row.tier, 'tier', ['governance', 'management', 'controls'] as const);
    const title = trimmed(table, row.title_en, 'title_en', false);
    if (row.iso_clause.value && !/^27001-[0-9.]+( \/ [0-9.]+)*$/.test(row.iso_clause.value)) {
      table.at(row.iso_clause, 'iso_clause: must look like "27001-4.4" or "27001-5.1 / 8.2"');
    }
    if (!id || !kind || !tier) {
      continue;
    }
    const parts = parseIsmapId(id)!.parts as number[];
    if (parts.length !== (kind === 'domain' ? 1 : 2)) {
      table.at(row.level, `a ${kind} has ${kind === 'domain' ? 'one number' : 'two numbers'}, not "${id}"`);
    }
    if (tierOfDomain(parts[0]) !== tier) {
      table.at(row.tier, `domain ${parts[0]} belongs to the ${tierOfDomain(parts[0]) ?? 'no'} tier, not "${tier}"`);
    }
    numericIds.set(id, row.id);
    sortable.push({ parts, row: compactRow({ i: id, l: level(kind), t: title, f: TIER_FLAG[tier], r: row.iso_clause.value }) });
  }

  const table = main.table;
  for (const row of main.rows) {
    const id = idOf(table, row.id, normalizeControlId('ismap', row.id.value));
    const tier = oneOf(table, row.tier, 'tier', ['governance', 'management', 'controls'] as const);
    const kind = oneOf(table, row.level, 'level', ['item', 'sub-item', 'objective', 'detailed'] as const);
    const cloud = bool(table, row.cloud_specific, 'cloud_specific');
    if (row.iso_reference.value && !/^270[0-9]{2}:(19|20)[0-9]{2}$/.test(row.iso_reference.value)) {
      table.at(row.iso_reference, 'iso_reference: must look like "27002:2013"');
    }
    if (!id || !tier || !kind) {
      continue;
    }
    const parsed = parseIsmapId(id)!;
    if (row.suffix.value !== parsed.suffix) {
      table.at(row.suffix, `suffix must be "${parsed.suffix}" for ${id}, not "${row.suffix.value}"`);
    }
    if (tierOfDomain(parsed.parts[0]) !== tier) {
      table.at(row.tier, `domain ${parsed.parts[0]} belongs to the ${tierOfDomain(parsed.parts[0]) ?? 'no'} tier, not "${tier}"`);
    }
    const expectedParts = kind === 'item' || kind === 'objective' ? 3 : 4;
    const expectedControls = kind === 'objective' || kind === 'detailed';
    if (parsed.parts.length !== expectedParts || (tier === 'controls') !== expectedControls) {
      table.at(row.level, `"${kind}" does not fit ${id} in the ${tier} tier`);
    }
    if ((parsed.suffix === 'P' || parsed.suffix === 'PB') && !cloud) {
      table.at(row.cloud_specific, `${id}: a .${parsed.suffix} ID is cloud-specific`);
    }
    const previous = numericIds.get(parsed.numeric);
    if (previous) {
      table.at(row.id, `${id} has the same number as the ID on line ${previous.line}`);
      continue;
    }
    numericIds.set(parsed.numeric, row.id);
    for (const ancestor of [parsed.parts.slice(0, 1).join('.'), parsed.parts.slice(0, 2).join('.')]) {
      if (!catalogue.fields.has(ancestor)) {
        table.at(row.id, `${id}: no heading ${ancestor} in ${context.entry.headings!.file}`);
      }
    }
    if (kind === 'detailed' && !numericIds.has(parsed.parts.slice(0, 3).join('.'))) {
      table.at(row.id, `${id}: its control objective ${parsed.parts.slice(0, 3).join('.')} is not listed before it`);
    }
    if (kind === 'objective' && parsed.suffix === '' && row.iso_reference.value === '27002:2013') {
      deferred.push(() => {
        const iso2013 = built.get('iso27001-2013');
        if (iso2013 && !iso2013.fields.has(`A.${id}`)) {
          table.at(row.id, `${id} follows ISO/IEC 27002:2013 numbering, but A.${id} is not in iso27001-2013`);
        }
      });
    }
    const flags = TIER_FLAG[tier] | (cloud ? RowFlag.CloudSpecific : 0);
    sortable.push({ parts: [...parsed.parts], row: compactRow({ i: id, l: level(kind), f: flags, r: row.iso_reference.value }) });
  }
  sortable.sort((a, b) => compareParts(a.parts, b.parts));
  catalogue.rows.push(...sortable.map((item) => item.row));
}

const ISO_THEMES: Readonly<Record<number, string>> = { 5: 'Organizational', 6: 'People', 7: 'Physical', 8: 'Technological' };

function compileIso(edition: 2013 | 2022): (context: CompileContext) => void {
  const catalogueId: CatalogueId = edition === 2022 ? 'iso27001-2022' : 'iso27001-2013';
  return ({ main, catalogue, level, idOf }) => {
    const { table } = main;
    const sortable: { parts: number[]; row: CompiledRow }[] = [];
    for (const row of main.rows) {
      const id = idOf(table, row.id, normalizeControlId(catalogueId, row.id.value));
      const title = trimmed(table, row.title, 'title', true);
      if (!id) {
        continue;
      }
      const parts = id.slice(2).split('.').map(Number);
      let theme = '';
      if (edition === 2022) {
        theme = row.theme.value;
        if (ISO_THEMES[parts[0]] !== theme) {
          table.at(row.theme, `theme of ${id} is "${ISO_THEMES[parts[0]]}", not "${theme}"`);
        }
      }
      sortable.push({ parts, row: compactRow({ i: id, l: level('control'), t: title, r: theme }) });
    }
    sortable.sort((a, b) => compareParts(a.parts, b.parts));
    catalogue.rows.push(...sortable.map((item) => item.row));
  };
}

function compileNist({ main, headings, catalogue, level, idOf }: CompileContext): void {
  const families = new Map<string, { title: string; count: CsvField; found: number; index: number }>();
  headings!.rows.forEach((row, index) => {
    const table = headings!.table;
    if (!/^[A-Z]{2}$/.test(row.family.value)) {
      table.at(row.family, `family must be two capital letters, not "${row.family.value}"`);
      return;
    }
    if (families.has(row.family.value)) {
      table.at(row.family, `duplicate family "${row.family.value}"`);
      return;
    }
    if (!/^[0-9]+$/.test(row.controls_and_enhancements.value)) {
      table.at(row.controls_and_enhancements, 'controls_and_enhancements: must be a whole number');
    }
    families.set(row.family.value, { title: trimmed(table, row.title, 'title', true), count: row.controls_and_enhancements, found: 0, index });
  });

  const { table } = main;
  const titles = new Map<string, string>();
  const sortable: { order: number[]; row: CompiledRow }[] = [];
  for (const row of main.rows) {
    const id = idOf(table, row.id, normalizeControlId('nist-sp800-53r5', row.id.value));
    const title = trimmed(table, row.title, 'title', true);
    const oscalTitle = trimmed(table, row.oscal_title, 'oscal_title', false);
    const withdrawn = bool(table, row.withdrawn, 'withdrawn');
    const baselines = [row.baseline_low, row.baseline_moderate, row.baseline_high, row.baseline_privacy].map((field, index) =>
      bool(table, field, ['baseline_low', 'baseline_moderate', 'baseline_high', 'baseline_privacy'][index]),
    );
    if (!id) {
      continue;
    }
    const match = /^([A-Z]{2})-(\d+)(?:\((\d+)\))?$/.exec(id)!;
    const family = families.get(match[1]);
    if (!family) {
      table.at(row.id, `family ${match[1]} is not in ${catalogue.entry.headings?.file}`);
      continue;
    }
    family.found += 1;
    let ownTitle = title;
    if (match[3] !== undefined) {
      const base = `${match[1]}-${match[2]}`;
      const separator = title.lastIndexOf(' | ');
      if (separator === -1) {
        table.at(row.title, `title of the enhancement ${id} must read "<base control title> | <enhancement title>"`);
      } else if (!titles.has(base)) {
        table.at(row.id, `${id}: its base control ${base} is not listed before it`);
      } else if (titles.get(base) !== title.slice(0, separator)) {
        table.at(row.title, `${id}: "${title.slice(0, separator)}" is not the title of ${base} ("${titles.get(base)}")`);
      }
      ownTitle = title.slice(separator + 3);
    } else {
      titles.set(id, title);
    }
    if (withdrawn && baselines.some(Boolean)) {
      table.at(row.withdrawn, `${id} is withdrawn but selected by a baseline`);
    }
    const flags =
      (withdrawn ? RowFlag.Withdrawn : 0) |
      (baselines[0] ? RowFlag.BaselineLow : 0) |
      (baselines[1] ? RowFlag.BaselineModerate : 0) |
      (baselines[2] ? RowFlag.BaselineHigh : 0) |
      (baselines[3] ? RowFlag.BaselinePrivacy : 0);
    sortable.push({
      order: [family.index, Number(match[2]), match[3] === undefined ? 0 : Number(match[3])],
      row: compactRow({ i: id, l: level(match[3] === undefined ? 'control' : 'enhancement'), t: oscalTitle || ownTitle, f: flags }),
    });
  }
  for (const [code, family] of families) {
    if (family.found !== Number(family.count.value)) {
      headings!.table.at(family.count, `family ${code} has ${family.found} controls and enhancements in ${main.table.file}, not ${family.count.value}`);
    }
    catalogue.fields.set(code, family.count);
    sortable.push({ order: [family.index, 0, 0], row: compactRow({ i: code, l: level('family'), t: family.title }) });
  }
  sortable.sort((a, b) => compareParts(a.order, b.order));
  catalogue.rows.push(...sortable.map((item) => item.row));
}

const COMMON_STANDARDS_LEVELS: Readonly<Record<string, (key: string) => boolean>> = {
  chapter: (key) => /^\d+$/.test(key),
  section: (key) => /^\d+\.\d+$/.test(key),
  subsection: (key) => /^\d+\.\d+\.\d+$/.test(key),
  item: (key) => /^[\d.]+\(\d+\)$/.test(key),
  requirement: (key) => /^[\d.]+\(\d+\)\([a-z]\)$/.test(key),
  'basic-measure': (key) => /^[\d.]+\(\d+\)-\d+$/.test(key),
};

function commonStandardsRow(
  context: CompileContext,
  row: Row,
  levels: readonly ControlLevel[],
): { id: string; level: ControlLevel } | undefined {
  const { main, idOf, catalogue } = context;
  const id = idOf(main.table, row.id, normalizeControlId(context.entry.id, row.id.value));
  const level = oneOf(main.table, row.level, 'level', levels);
  if (!id || !level) {
    return undefined;
  }
  if (!COMMON_STANDARDS_LEVELS[level](id)) {
    main.table.at(row.level, `"${level}" does not fit ${id}`);
  }
  // The parent must come first, except at the top and where the catalogue lists only some clauses.
  const parent = parentKey('common-standards', id);
  if (context.entry.id === 'common-standards-r7' && parent !== undefined && !catalogue.fields.has(parent)) {
    main.table.at(row.id, `${id}: its parent ${parent} is not listed before it`);
  }
  return { id, level };
}

function compileCommonStandardsR7(context: CompileContext): void {
  const { main, catalogue, level } = context;
  const { table } = main;
  for (const row of main.rows) {
    const read = commonStandardsRow(context, row, ['chapter', 'section', 'subsection', 'item']);
    const titleEn = trimmed(table, row.title_en, 'title_en', true);
    const titleJa = trimmed(table, row.title_ja, 'title_ja', false);
    const source = titleJa ? oneOf(table, row.title_ja_source, 'title_ja_source', ['seed-r5', 'h30-guideline'] as const) : undefined;
    if (!titleJa && row.title_ja_source.value) {
      table.at(row.title_ja_source, 'title_ja_source: only with a title_ja');
    }
    if (!/^[0-9]+$/.test(row.page_en.value)) {
      table.at(row.page_en, 'page_en: must be a page number');
    }
    if (!read) {
      continue;
    }
    const flags = source === 'seed-r5' ? RowFlag.JapaneseFromSeedR5 : source === 'h30-guideline' ? RowFlag.JapaneseIndicativeH30 : 0;
    catalogue.rows.push(compactRow({ i: read.id, l: level(read.level), t: titleEn, j: titleJa, f: flags, r: row.page_en.value }));
  }
}

function compileCommonStandardsR5(context: CompileContext): void {
  const { main, catalogue, level, built, unreadable, deferred } = context;
  const { table } = main;
  for (const row of main.rows) {
    const read = commonStandardsRow(context, row, ['subsection', 'item', 'requirement']);
    const titleJa = trimmed(table, row.title_ja, 'title_ja', false);
    if (row.r7_id.value) {
      deferred.push(() => {
        if (!unreadable('common-standards-r7') && !built.get('common-standards-r7')?.fields.has(row.r7_id.value)) {
          table.at(row.r7_id, `r7_id "${row.r7_id.value}" is not in common-standards-r7`);
        }
      });
    }
    if (read) {
      catalogue.rows.push(compactRow({ i: read.id, l: level(read.level), j: titleJa, r: row.r7_id.value }));
    }
  }
}

function compileGuideline(context: CompileContext): void {
  const { main, catalogue, level, built, unreadable, deferred } = context;
  const { table } = main;
  for (const row of main.rows) {
    const read = commonStandardsRow(context, row, ['basic-measure']);
    const titleJa = trimmed(table, row.title_ja, 'title_ja', false);
    if (row.relates_to.value) {
      deferred.push(() => {
        if (!unreadable('common-standards-r5') && !built.get('common-standards-r5')?.fields.has(row.relates_to.value)) {
          table.at(row.relates_to, `relates_to "${row.relates_to.value}" is not in common-standards-r5`);
        }
      });
    }
    if (read) {
      catalogue.rows.push(compactRow({ i: read.id, l: level(read.level), j: titleJa, r: row.relates_to.value }));
    }
  }
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
