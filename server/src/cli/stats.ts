/** `govsec glossary stats`: what the knowledge holds, per kind and catalogue, with as-of dates. */

import { knowledgeFigures } from '../features/knowledgeFigures';
import type { Knowledge } from '../knowledge';
import type { Bilingual, Language } from '../language';

export interface StatsRow {
  readonly kind: string;
  readonly name: string;
  readonly count: number;
  readonly asOf: string;
  readonly note: string;
}

/** The rows of `govsec glossary stats`; kinds are identifiers (as in --stale), names and notes are in `language`. */
export function knowledgeStats(knowledge: Knowledge, ismapListOrigin: Bilingual, language: Language): StatsRow[] {
  const figures = knowledgeFigures(knowledge);
  const { terms, services, ismapList: list } = figures;
  const ja = language === 'ja';
  const partial = ja ? '部分的' : 'partial';
  const rows: StatsRow[] = [];
  rows.push({
    kind: 'terms',
    name: ja ? '用語集の用語' : 'glossary terms',
    count: terms.count,
    asOf: terms.asOf,
    note: ja
      ? `表記 ${terms.spellings}、旧名称 ${terms.superseded}、注意書きあり ${terms.withCaveats}、改正予定 ${terms.pendingChanges}`
      : `${terms.spellings} spellings, ${terms.superseded} superseded, ${terms.withCaveats} with caveats, ` +
        `${terms.pendingChanges} pending change${terms.pendingChanges === 1 ? '' : 's'}`,
  });
  for (const { category, count } of terms.categories) {
    rows.push({ kind: 'terms', name: `  ${category}`, count, asOf: '', note: '' });
  }
  rows.push({
    kind: 'services',
    name: ja ? 'クラウドサービス' : 'cloud services',
    count: services.count,
    asOf: services.asOf,
    note: ja
      ? `ガバメントクラウド事業者 ${services.govCloudProviders}、リージョン ${services.regions}`
      : `${services.govCloudProviders} ガバメントクラウド providers, ${services.regions} regions`,
  });
  const origin = ismapListOrigin[language];
  rows.push({ kind: 'ismap-list', name: list.name, count: list.count, asOf: list.asOf, note: list.partial ? (ja ? `${origin}、${partial}` : `${origin}, ${partial}`) : origin });
  for (const catalogue of figures.catalogues) {
    rows.push({ kind: 'controls', name: catalogue.label, count: catalogue.count, asOf: catalogue.asOf, note: `${catalogue.partial ? `${partial}; ` : ''}${catalogue.edition}` });
  }
  for (const mapping of figures.mappings) {
    rows.push({ kind: 'mapping', name: `${mapping.name} (${ja ? '対応の組' : 'pairs'})`, count: mapping.pairs, asOf: mapping.asOf, note: mapping.partial ? partial : '' });
  }
  return rows;
}

/** A plain-text table; wide (CJK) characters count as two columns. `numeric` columns are right-aligned. */
function formatTable(header: readonly string[], cells: readonly string[][], numeric: ReadonlySet<number>): string[] {
  const width = (text: string) => [...text].reduce((n, char) => n + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((title, column) => Math.max(width(title), ...cells.map((cell) => width(cell[column]))));
  const fill = (text: string, column: number) => ' '.repeat(widths[column] - width(text));
  const line = (cell: readonly string[]) =>
    cell.map((text, column) => (numeric.has(column) ? fill(text, column) + text : text + fill(text, column))).join('  ').trimEnd();
  return [line(header), line(header.map((_, column) => '-'.repeat(widths[column]))), ...cells.map(line)];
}

export function formatStats(rows: readonly StatsRow[], list: string, language: Language): string {
  const cells = rows.map((row) => [row.kind, row.name, String(row.count), row.asOf, row.note]);
  const header = language === 'ja' ? ['種別', '名前', '件数', '時点', '備考'] : ['kind', 'name', 'count', 'as of', 'note'];
  return [...formatTable(header, cells, new Set([2])), '', language === 'ja' ? `使用中の ISMAP 一覧: ${list}` : `ISMAP list in use: ${list}`, ''].join('\n');
}

/** An entry of the knowledge whose as-of date is older than the limit `govsec glossary stats --stale` was given. */
export interface StaleEntry {
  readonly kind: 'terms' | 'services' | 'controls' | 'ismap-list';
  readonly id: string;
  readonly asOf: string;
  /** Whole days from asOf to today. */
  readonly days: number;
  /** file:line for entries written in the glossary; empty for whole catalogues and lists. */
  readonly where: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days from an ISO date (YYYY, YYYY-MM or YYYY-MM-DD; a missing month or day counts as the first) to `today`. */
function daysBetween(asOf: string, today: string): number {
  const utc = (date: string) => {
    const [year, month = 1, day = 1] = date.split('-').map(Number);
    return Date.UTC(year, month - 1, day);
  };
  return Math.round((utc(today) - utc(asOf)) / DAY_MS);
}

/**
 * Entries not checked within `maxDays` days of `today` (YYYY-MM-DD, injectable so the output is
 * reproducible): glossary terms, cloud services, control catalogues and the ISMAP list in use. Oldest first.
 */
export function staleEntries(knowledge: Knowledge, maxDays: number, today: string): StaleEntry[] {
  const candidates: Omit<StaleEntry, 'days'>[] = [
    ...knowledge.glossary.terms.map((term) => ({ kind: 'terms' as const, id: term.id, asOf: term.asOf, where: `${term.location.file}:${term.location.line}` })),
    ...knowledge.services.map((service) => ({ kind: 'services' as const, id: service.id, asOf: service.asOf, where: `${service.location.file}:${service.location.line}` })),
    ...(knowledge.catalogues?.ids() ?? []).map((id) => ({ kind: 'controls' as const, id, asOf: knowledge.catalogues!.info(id)!.asOf, where: '' })),
    // No list loaded (no entries) has no date to be stale by.
    ...(knowledge.ismapList.entries.length > 0 ? [{ kind: 'ismap-list' as const, id: knowledge.ismapList.name, asOf: knowledge.ismapList.asOf, where: '' }] : []),
  ];
  return candidates
    .map((entry) => ({ ...entry, days: daysBetween(entry.asOf, today) }))
    .filter((entry) => entry.days > maxDays)
    .sort((a, b) => b.days - a.days || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
}

export function formatStale(entries: readonly StaleEntry[], maxDays: number, today: string, language: Language): string {
  const summary =
    language === 'ja'
      ? `${today} までの ${maxDays} 日間に確認されていない項目: ${entries.length} 件`
      : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} not checked within ${maxDays} days of ${today}`;
  if (entries.length === 0) {
    return `${summary}\n`;
  }
  const cells = entries.map((entry) => [entry.kind, entry.id, entry.asOf, String(entry.days), entry.where]);
  const header = language === 'ja' ? ['種別', 'ID', '時点', '日数', '場所'] : ['kind', 'id', 'as of', 'days', 'where'];
  return [summary, '', ...formatTable(header, cells, new Set([3])), ''].join('\n');
}
