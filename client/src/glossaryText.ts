/**
 * Glossary figures and term categories in the user's language, from the server's data (govsec/glossaryStats,
 * govsec/glossaryTerms). Editor-free, so it is unit-tested.
 */

import type { GlossaryStats } from '../../server/src/lsp/protocol';
import type { Localize } from './localize';

/** A term category id (glossary/schema/terms.schema.json) as a label; an unknown id is shown as it is. */
export function categoryLabel(category: string, localize: Localize): string {
  switch (category) {
    case 'organization':
      return localize('Organisation');
    case 'system':
      return localize('System');
    case 'network':
      return localize('Network');
    case 'program':
      return localize('Programme');
    case 'law':
      return localize('Law');
    case 'guideline':
      return localize('Guideline');
    case 'standard':
      return localize('Standard');
    case 'role':
      return localize('Role');
    case 'classification':
      return localize('Classification');
    case 'procedure':
      return localize('Procedure');
    case 'concept':
      return localize('Concept');
    case 'service':
      return localize('Service');
    case 'figure':
      return localize('Figure or deadline');
    default:
      return category;
  }
}

/** Text in a Markdown table cell: no pipes or line breaks, Markdown characters escaped. */
function cell(text: string | number): string {
  return String(text)
    .replace(/[\\`*_{}[\]<>()#+!|~]/g, (char) => `\\${char}`)
    .replace(/\s+/g, ' ');
}

function row(cells: readonly (string | number)[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

/** The glossary stats page (Markdown): what the knowledge holds, with counts and as-of dates. */
export function glossaryStatsMarkdown(stats: GlossaryStats, localize: Localize): string {
  const partial = (flag: boolean) => (flag ? localize('partial') : '');
  const header = [localize('What'), localize('Count'), localize('As of'), localize('Note')];
  const lines = [
    `# ${localize('govsec glossary stats')}`,
    '',
    row(header),
    `|${header.map((_, index) => (index === 1 ? ' ---: ' : ' --- ')).join('|')}|`,
    row([
      localize('Glossary terms'),
      stats.terms.count,
      stats.terms.asOf,
      localize('{0} spellings, {1} superseded, {2} with caveats, {3} pending changes', stats.terms.spellings, stats.terms.superseded, stats.terms.withCaveats, stats.terms.pendingChanges),
    ]),
    ...stats.terms.categories.map((entry) => row([`— ${categoryLabel(entry.category, localize)}`, entry.count, '', ''])),
    row([
      localize('Cloud services'),
      stats.services.count,
      stats.services.asOf,
      localize('{0} Government Cloud providers, {1} regions', stats.services.govCloudProviders, stats.services.regions),
    ]),
    row([
      localize('ISMAP list: {0}', stats.ismapList.name),
      stats.ismapList.count,
      stats.ismapList.asOf,
      [stats.ismapList.imported ? localize('imported') : localize('bundled'), partial(stats.ismapList.partial)].filter(Boolean).join(', '),
    ]),
    ...stats.catalogues.map((catalogue) => row([localize('Controls: {0}', catalogue.label), catalogue.count, catalogue.asOf, [catalogue.edition, partial(catalogue.partial)].filter(Boolean).join(', ')])),
    ...stats.mappings.map((mapping) => row([localize('Mapping: {0} (pairs)', mapping.name), mapping.pairs, mapping.asOf, partial(mapping.partial)])),
    '',
  ];
  return lines.join('\n');
}
