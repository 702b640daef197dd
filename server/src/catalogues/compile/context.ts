/** What a per-catalogue row compiler gets: its tables, the catalogue being built, and shared helpers. */

import type { CsvField } from '../../text/csv';
import type { CatalogueId, CompiledRow, ControlLevel } from '../types';
import type { CatalogueEntry } from './manifest';
import type { ReadTable, Table } from './tables';

export interface BuiltCatalogue {
  readonly entry: CatalogueEntry;
  readonly levels: ControlLevel[];
  readonly rows: CompiledRow[];
  /** The CSV files rows come from, as the manifest names them (main table first, then headings). */
  readonly files: string[];
  /** Row id → the id field, for cross-reference messages. */
  readonly fields: Map<string, CsvField>;
}

export interface CompileContext {
  readonly entry: CatalogueEntry;
  readonly main: ReadTable;
  readonly headings?: ReadTable;
  readonly catalogue: BuiltCatalogue;
  /** The index of a level name in the catalogue's levels. */
  level(name: ControlLevel): number;
  /** Checks the id field (normalised form, unique) and returns it, or undefined. */
  idOf(table: Table, field: CsvField, normalized: string | undefined): string | undefined;
  /** Where a row comes from, as the compiled row records it: its line (`n`) and file (`s`, index into `files`). */
  origin(table: Table, field: CsvField): { n: number; s: number };
  readonly built: ReadonlyMap<CatalogueId, BuiltCatalogue>;
  /** true for a catalogue the manifest lists whose files could not be read. */
  unreadable(id: CatalogueId): boolean;
  /** Checks that run once every catalogue is read (cross references). */
  readonly deferred: (() => void)[];
}
