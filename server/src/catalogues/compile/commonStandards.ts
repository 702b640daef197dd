/** 統一基準 (令和7年度版 and 令和5年度版) and the 対策基準策定ガイドライン: headings in document order, with their cross references. */

import { normalizeControlId, parentKey } from '../ids';
import type { ControlLevel } from '../types';
import type { CompileContext } from './context';
import { compactRow, japaneseTitle, oneOf, trimmed, type Row } from './tables';

const LEVEL_SHAPES: Readonly<Record<string, (key: string) => boolean>> = {
  chapter: (key) => /^\d+$/.test(key),
  section: (key) => /^\d+\.\d+$/.test(key),
  subsection: (key) => /^\d+\.\d+\.\d+$/.test(key),
  item: (key) => /^[\d.]+\(\d+\)$/.test(key),
  requirement: (key) => /^[\d.]+\(\d+\)\([a-z]\)$/.test(key),
  'basic-measure': (key) => /^[\d.]+\(\d+\)-\d+$/.test(key),
};

function commonStandardsRow(context: CompileContext, row: Row, levels: readonly ControlLevel[]): { id: string; level: ControlLevel } | undefined {
  const { main, idOf, catalogue } = context;
  const id = idOf(main.table, row.id, normalizeControlId(context.entry.id, row.id.value));
  const level = oneOf(main.table, row.level, 'level', levels);
  if (!id || !level) {
    return undefined;
  }
  if (!LEVEL_SHAPES[level](id)) {
    main.table.at(row.level, `"${level}" does not fit ${id}`);
  }
  // The parent must come first, except at the top and where the catalogue lists only some clauses.
  const parent = parentKey('common-standards', id);
  if (context.entry.id === 'common-standards-r7' && parent !== undefined && !catalogue.fields.has(parent)) {
    main.table.at(row.id, `${id}: its parent ${parent} is not listed before it`);
  }
  return { id, level };
}

export function compileCommonStandardsR7(context: CompileContext): void {
  const { main, catalogue, level, origin } = context;
  const { table } = main;
  for (const row of main.rows) {
    const read = commonStandardsRow(context, row, ['chapter', 'section', 'subsection', 'item']);
    const titleEn = trimmed(table, row.title_en, 'title_en', true);
    const japanese = japaneseTitle(table, row, ['seed-r5', 'h30-guideline']);
    if (!/^[0-9]+$/.test(row.page_en.value)) {
      table.at(row.page_en, 'page_en: must be a page number');
    }
    if (!read) {
      continue;
    }
    catalogue.rows.push(compactRow({ i: read.id, l: level(read.level), t: titleEn, ...japanese, r: row.page_en.value, ...origin(table, row.id) }));
  }
}

/**
 * A partial catalogue whose rows refer to another catalogue (`column` holds an ID of `target`): the
 * 令和5年度版 → 令和7年度版 heading, the guideline's basic measure → its 令和5年度版 requirement.
 */
function compileReferring(levels: readonly ControlLevel[], column: string, target: 'common-standards-r7' | 'common-standards-r5') {
  return (context: CompileContext): void => {
    const { main, catalogue, level, origin, built, unreadable, deferred } = context;
    const { table } = main;
    for (const row of main.rows) {
      const read = commonStandardsRow(context, row, levels);
      const titleJa = trimmed(table, row.title_ja, 'title_ja', false);
      const reference = row[column];
      if (reference.value) {
        deferred.push(() => {
          if (!unreadable(target) && !built.get(target)?.fields.has(reference.value)) {
            table.at(reference, `${column} "${reference.value}" is not in ${target}`);
          }
        });
      }
      if (read) {
        catalogue.rows.push(compactRow({ i: read.id, l: level(read.level), j: titleJa, r: reference.value, ...origin(table, row.id) }));
      }
    }
  };
}

export const compileCommonStandardsR5 = compileReferring(['subsection', 'item', 'requirement'], 'r7_id', 'common-standards-r7');
export const compileGuideline = compileReferring(['basic-measure'], 'relates_to', 'common-standards-r5');
