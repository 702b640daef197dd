/**
 * The status bar item's text and tooltip from the server's govsec/status answer: which glossary and which
 * ISMAP list apply, whether the workspace is restricted, whether the list is older than the portal's update
 * cycle. Editor-free, so it is unit-tested.
 */

import type { GovsecStatus } from '../../server/src/lsp/protocol';
import type { Localize } from './localize';

export interface StatusView {
  /** With a $(icon); short: `$(book) govsec 2026-11 · ISMAP: partial`. */
  readonly text: string;
  /** Plain text, one fact a line. */
  readonly tooltip: string;
  /** The imported list is older than the portal's update cycle: the item asks for attention. */
  readonly warning: boolean;
}

/** The month of a YYYY-MM-DD date (the glossary is checked entry by entry; its month is what matters). */
function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function statusView(status: GovsecStatus, localize: Localize): StatusView {
  const list = status.ismapList;
  const stale = list.stale;
  const listLabel = list.origin === 'imported' ? `${list.asOf} (${list.count})` : localize('partial');
  const head = status.trusted ? `$(book) govsec ${monthOf(status.glossary.asOf)}` : `$(shield) govsec: ${localize('restricted')}`;
  const lines = [
    localize('Glossary: {0} terms, checked up to {1}', status.glossary.terms, status.glossary.asOf),
    ...(status.glossary.userFiles.length > 0 ? [localize('Your glossary files: {0}', status.glossary.userFiles.join(', '))] : []),
    list.origin === 'imported'
      ? localize('ISMAP list: imported, {0} services as of {1} ({2})', list.count, list.asOf, list.file ?? list.name)
      : localize('ISMAP list: govsec\'s bundled partial list, {0} services as of {1}', list.count, list.asOf),
    ...(stale ? [localize('The ISMAP list is older than the portal\'s three-month update cycle (current until {0}): import the latest list.', list.currentUntil)] : []),
    status.language === 'ja' ? localize('Messages in Japanese') : localize('Messages in English'),
    ...(status.trusted
      ? []
      : [localize('Restricted mode: the workspace is not trusted, so govsec uses only its bundled glossary and ISMAP list (no .govsec.yaml, workspace glossary files or imported list).')]),
    localize('Click for govsec commands.'),
  ];
  return { text: `${head} · ISMAP: ${listLabel}${stale ? ' $(warning)' : ''}`, tooltip: lines.join('\n'), warning: stale };
}
