/** The ISO/IEC 27001 2013 → 2022 mapping table: pairs checked, and checked against both catalogues once they are read. */

import type { CompiledIsoPair, CompiledMapping, IsoRelationship } from '../types';
import type { BuiltCatalogue } from './context';
import type { ManifestProblem, MappingEntry } from './manifest';
import { oneOf, type ReadTable } from './tables';

export function compileMapping(
  mapping: MappingEntry,
  index: number,
  { table, rows }: ReadTable,
  built: ReadonlyMap<string, BuiltCatalogue>,
  unreadable: (id: MappingEntry['from']) => boolean,
  deferred: (() => void)[],
  manifestAt: ManifestProblem,
): CompiledMapping {
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
  return { info, pairs };
}
