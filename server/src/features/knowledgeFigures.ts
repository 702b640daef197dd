/**
 * What the knowledge holds, as figures (counts, dates, flags; no prose): `govsec glossary stats` prints them
 * as a table and the VS Code client renders them in the user's language.
 */

import type { Knowledge } from '../knowledge';

export interface KnowledgeFigures {
  readonly terms: {
    readonly count: number;
    /** The newest as-of date of a term (YYYY-MM-DD). */
    readonly asOf: string;
    readonly spellings: number;
    readonly superseded: number;
    readonly withCaveats: number;
    readonly pendingChanges: number;
    /** Terms per category, most first (ties by category id). */
    readonly categories: readonly { readonly category: string; readonly count: number }[];
  };
  readonly services: { readonly count: number; readonly asOf: string; readonly govCloudProviders: number; readonly regions: number };
  readonly ismapList: { readonly name: string; readonly count: number; readonly asOf: string; readonly partial: boolean; readonly imported: boolean };
  /** Control catalogues in manifest order; `count` leaves out headings that only group IDs. */
  readonly catalogues: readonly { readonly id: string; readonly label: string; readonly edition: string; readonly count: number; readonly asOf: string; readonly partial: boolean }[];
  readonly mappings: readonly { readonly id: string; readonly name: string; readonly pairs: number; readonly asOf: string; readonly partial: boolean }[];
}

function latest(dates: readonly string[]): string {
  return dates.reduce((a, b) => (b > a ? b : a), '');
}

/** The newest as-of date of a glossary term: how current the glossary is (cheap, for the status bar). */
export function newestTermDate(knowledge: Knowledge): string {
  return latest(knowledge.glossary.terms.map((term) => term.asOf));
}

export function knowledgeFigures(knowledge: Knowledge): KnowledgeFigures {
  const { terms } = knowledge.glossary;
  const byCategory = new Map<string, number>();
  for (const term of terms) {
    byCategory.set(term.category, (byCategory.get(term.category) ?? 0) + 1);
  }
  const { services, ismapList: list, catalogues } = knowledge;
  return {
    terms: {
      count: terms.length,
      asOf: newestTermDate(knowledge),
      spellings: knowledge.glossary.spellings.length,
      superseded: terms.filter((term) => term.status.state === 'superseded').length,
      withCaveats: terms.filter((term) => term.caveat).length,
      pendingChanges: terms.reduce((n, term) => n + term.pending.length, 0),
      categories: [...byCategory]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([category, count]) => ({ category, count })),
    },
    services: {
      count: services.length,
      asOf: latest(services.map((service) => service.asOf)),
      govCloudProviders: services.filter((service) => service.govCloud).length,
      regions: services.reduce((n, service) => n + service.regions.length, 0),
    },
    ismapList: { name: list.name, count: list.entries.length, asOf: list.asOf, partial: list.partial, imported: list.importedFrom !== undefined },
    catalogues: (catalogues?.ids() ?? []).map((id) => {
      const info = catalogues!.info(id)!;
      // Headings that only group IDs (ISMAP domains and categories, NIST families) are not counted as controls.
      const count = catalogues!.all(id).filter((control) => !['domain', 'category', 'family'].includes(control.level)).length;
      return { id, label: info.label, edition: info.edition, count, asOf: info.asOf, partial: info.partial };
    }),
    mappings: (catalogues?.mappingInfo() ?? []).map((mapping) => ({
      id: mapping.id,
      name: mapping.name.en,
      pairs: catalogues!.all(mapping.from).reduce((n, control) => n + catalogues!.iso2013To2022(control.id).length, 0),
      asOf: mapping.asOf,
      partial: mapping.partial,
    })),
  };
}
