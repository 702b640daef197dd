/** `govsec glossary stats`: what the knowledge holds, per kind and catalogue, with as-of dates. */

import type { Knowledge } from '../knowledge';

export interface StatsRow {
  readonly kind: string;
  readonly name: string;
  readonly count: number;
  readonly asOf: string;
  readonly note: string;
}

function latest(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

export function knowledgeStats(knowledge: Knowledge, ismapListOrigin: string): StatsRow[] {
  const rows: StatsRow[] = [];
  const { terms } = knowledge.glossary;
  const superseded = terms.filter((term) => term.status.state === 'superseded').length;
  rows.push({
    kind: 'terms',
    name: 'glossary terms',
    count: terms.length,
    asOf: latest(terms.map((term) => term.asOf)),
    note: `${knowledge.glossary.spellings.length} spellings, ${superseded} superseded, ${terms.filter((term) => term.caveat).length} with caveats`,
  });
  const byCategory = new Map<string, number>();
  for (const term of terms) {
    byCategory.set(term.category, (byCategory.get(term.category) ?? 0) + 1);
  }
  for (const [category, count] of [...byCategory].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    rows.push({ kind: 'terms', name: `  ${category}`, count, asOf: '', note: '' });
  }
  const { services } = knowledge;
  rows.push({
    kind: 'services',
    name: 'cloud services',
    count: services.length,
    asOf: latest(services.map((service) => service.asOf)),
    note: `${services.filter((service) => service.govCloud).length} ガバメントクラウド providers, ${services.reduce((n, service) => n + service.regions.length, 0)} regions`,
  });
  const list = knowledge.ismapList;
  rows.push({ kind: 'ismap-list', name: list.name, count: list.entries.length, asOf: list.asOf, note: `${ismapListOrigin}${list.partial ? ', partial' : ''}` });
  const catalogues = knowledge.catalogues;
  if (catalogues) {
    for (const id of catalogues.ids()) {
      const info = catalogues.info(id)!;
      // Headings that only group IDs (ISMAP domains and categories, NIST families) are not counted as controls.
      const controls = catalogues.all(id).filter((control) => !['domain', 'category', 'family'].includes(control.level));
      rows.push({ kind: 'controls', name: info.label, count: controls.length, asOf: info.asOf, note: `${info.partial ? 'partial; ' : ''}${info.edition}` });
    }
    for (const mapping of catalogues.mappingInfo()) {
      const pairs = catalogues.all(mapping.from).reduce((n, control) => n + catalogues.iso2013To2022(control.id).length, 0);
      rows.push({ kind: 'mapping', name: `${mapping.name.en} (pairs)`, count: pairs, asOf: mapping.asOf, note: mapping.partial ? 'partial' : '' });
    }
  }
  return rows;
}

export function formatStats(rows: readonly StatsRow[], list: string): string {
  const header = ['kind', 'name', 'count', 'as of', 'note'];
  const cells = rows.map((row) => [row.kind, row.name, String(row.count), row.asOf, row.note]);
  const width = (text: string) => [...text].reduce((n, char) => n + (char.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  const widths = header.map((title, column) => Math.max(width(title), ...cells.map((cell) => width(cell[column]))));
  const pad = (text: string, column: number) => text + ' '.repeat(widths[column] - width(text));
  const line = (cell: string[]) => cell.map((text, column) => (column === 2 ? ' '.repeat(widths[column] - width(text)) + text : pad(text, column))).join('  ').trimEnd();
  return [line(header), line(header.map((_, column) => '-'.repeat(widths[column]))), ...cells.map(line), '', `ISMAP list in use: ${list}`, ''].join('\n');
}
