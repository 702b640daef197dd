/** ISO/IEC 27001 Annex A controls (2013 and 2022 editions), checked and sorted by number. */

import { normalizeControlId } from '../ids';
import type { CatalogueId, CompiledRow } from '../types';
import type { CompileContext } from './context';
import { compactRow, compareParts, japaneseTitle, trimmed } from './tables';

const ISO_THEMES: Readonly<Record<number, string>> = { 5: 'Organizational', 6: 'People', 7: 'Physical', 8: 'Technological' };

export function compileIso(edition: 2013 | 2022): (context: CompileContext) => void {
  const catalogueId: CatalogueId = edition === 2022 ? 'iso27001-2022' : 'iso27001-2013';
  return ({ main, catalogue, level, idOf, origin }) => {
    const { table } = main;
    const sortable: { parts: number[]; row: CompiledRow }[] = [];
    for (const row of main.rows) {
      const id = idOf(table, row.id, normalizeControlId(catalogueId, row.id.value));
      const title = trimmed(table, row.title, 'title', true);
      const japanese = japaneseTitle(table, row, [edition === 2013 ? 'jis-2014' : 'jis-2023']);
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
      sortable.push({ parts, row: compactRow({ i: id, l: level('control'), t: title, ...japanese, r: theme, ...origin(table, row.id) }) });
    }
    sortable.sort((a, b) => compareParts(a.parts, b.parts));
    catalogue.rows.push(...sortable.map((item) => item.row));
  };
}
