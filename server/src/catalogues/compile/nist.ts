/** NIST SP 800-53 Rev. 5: families, controls and enhancements with their baselines, checked and sorted. */

import type { CsvField } from '../../text/csv';
import { normalizeControlId } from '../ids';
import { RowFlag, type CompiledRow } from '../types';
import type { CompileContext } from './context';
import { bool, compactRow, compareParts, trimmed } from './tables';

const BASELINE_COLUMNS = ['baseline_low', 'baseline_moderate', 'baseline_high', 'baseline_privacy'] as const;

export function compileNist({ main, headings, catalogue, level, idOf, origin }: CompileContext): void {
  const families = new Map<string, { title: string; field: CsvField; count: CsvField; found: number; index: number }>();
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
    families.set(row.family.value, {
      title: trimmed(table, row.title, 'title', true),
      field: row.family,
      count: row.controls_and_enhancements,
      found: 0,
      index,
    });
  });

  const { table } = main;
  const titles = new Map<string, string>();
  const sortable: { order: number[]; row: CompiledRow }[] = [];
  for (const row of main.rows) {
    const id = idOf(table, row.id, normalizeControlId('nist-sp800-53r5', row.id.value));
    const title = trimmed(table, row.title, 'title', true);
    const oscalTitle = trimmed(table, row.oscal_title, 'oscal_title', false);
    const withdrawn = bool(table, row.withdrawn, 'withdrawn');
    const baselines = BASELINE_COLUMNS.map((name) => bool(table, row[name], name));
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
      row: compactRow({ i: id, l: level(match[3] === undefined ? 'control' : 'enhancement'), t: oscalTitle || ownTitle, f: flags, ...origin(table, row.id) }),
    });
  }
  for (const [code, family] of families) {
    if (family.found !== Number(family.count.value)) {
      headings!.table.at(family.count, `family ${code} has ${family.found} controls and enhancements in ${main.table.file}, not ${family.count.value}`);
    }
    catalogue.fields.set(code, family.count);
    sortable.push({
      order: [family.index, 0, 0],
      row: compactRow({ i: code, l: level('family'), t: family.title, ...origin(headings!.table, family.field) }),
    });
  }
  sortable.sort((a, b) => compareParts(a.order, b.order));
  catalogue.rows.push(...sortable.map((item) => item.row));
}
