/** ISMAP管理基準: domain and category headings, then the criteria and control objectives, checked and sorted. */

import type { CsvField } from '../../text/csv';
import { normalizeControlId, parseIsmapId } from '../ids';
import { RowFlag, type CompiledRow } from '../types';
import type { CompileContext } from './context';
import { bool, compactRow, compareParts, japaneseTitle, oneOf, trimmed } from './tables';

const TIER_FLAG = { governance: RowFlag.TierGovernance, management: RowFlag.TierManagement, controls: RowFlag.TierControls } as const;
type Tier = keyof typeof TIER_FLAG;
const TIERS = Object.keys(TIER_FLAG) as Tier[];

function tierOfDomain(domain: number): Tier | undefined {
  return domain === 3 ? 'governance' : domain === 4 ? 'management' : domain >= 5 && domain <= 18 ? 'controls' : undefined;
}

export function compileIsmap(context: CompileContext): void {
  const { main, headings, catalogue, level, idOf, origin, built, deferred } = context;
  const sortable: { parts: number[]; row: CompiledRow }[] = [];
  const numericIds = new Map<string, CsvField>();

  for (const row of headings!.rows) {
    const table = headings!.table;
    const id = idOf(table, row.id, normalizeControlId('ismap', row.id.value));
    const kind = oneOf(table, row.level, 'level', ['domain', 'category'] as const);
    const tier = oneOf(table, row.tier, 'tier', TIERS);
    const title = trimmed(table, row.title_en, 'title_en', false);
    const japanese = japaneseTitle(table, row, ['ismap', 'jis-2014']);
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
    sortable.push({ parts, row: compactRow({ i: id, l: level(kind), t: title, j: japanese.j, f: TIER_FLAG[tier] | japanese.f, r: row.iso_clause.value, ...origin(table, row.id) }) });
  }

  const table = main.table;
  for (const row of main.rows) {
    const id = idOf(table, row.id, normalizeControlId('ismap', row.id.value));
    const tier = oneOf(table, row.tier, 'tier', TIERS);
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
    sortable.push({ parts: [...parsed.parts], row: compactRow({ i: id, l: level(kind), f: flags, r: row.iso_reference.value, ...origin(table, row.id) }) });
  }
  sortable.sort((a, b) => compareParts(a.parts, b.parts));
  catalogue.rows.push(...sortable.map((item) => item.row));
}
