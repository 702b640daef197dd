/**
 * fact/moved-url — an official URL whose site has moved, given as the place to look now:
 * - nisc.go.jp (any page): NISC was reorganised into 国家サイバー統括室 on 2025-07-01 and its documents are served
 *   from www.cyber.go.jp (shared reference common_standards_versions.yaml; glossary `nco`). Only the domain is
 *   known, so the message names it and no path;
 * - the ISMAP pages once on ipa.go.jp (ipa.go.jp/security/ismap…): ISMAP is published on the ISMAP portal,
 *   www.ismap.go.jp (glossary `ismap`, `ismap-cloud-service-list`).
 *
 * URLs are read as URLs wherever the document gives one (prose, link destinations, autolinks, table cells, YAML
 * values), never in code or comments (document/urls.ts). Quiet when the URL is told as history (当時は … で公開
 * されていた, a 沿革 section, a `history:` key — context/historical.ts) or the document is dated before the move.
 */

import type { Bilingual } from '../../language';
import { statementText } from '../../context/claims';
import { historicalReason } from '../../context/historical';
import { headingsAt } from '../../document/blocks';
import { documentUrls } from '../../document/documentUrls';
import { segmentAt } from '../../document/sentences';
import type { Finding, Rule } from '../rule';

/** The date NISC became 国家サイバー統括室 (glossary `nisc` status). */
const NISC_MOVED_ON = '2025-07-01';

interface Move {
  /** Whether the URL's host and path are on the old site. */
  readonly matches: (host: string, path: string) => boolean;
  readonly message: Bilingual;
  /** The move's date, when known: a document dated before it is quiet. */
  readonly date?: string;
}

const MOVES: readonly Move[] = [
  {
    matches: (host) => host === 'nisc.go.jp' || host.endsWith('.nisc.go.jp'),
    message: {
      ja: 'NISCのサイト（nisc.go.jp）は国家サイバー統括室のサイト（www.cyber.go.jp）に移りました',
      en: "NISC's site moved to the National Cybersecurity Office's site, www.cyber.go.jp.",
    },
    date: NISC_MOVED_ON,
  },
  {
    matches: (host, path) => (host === 'ipa.go.jp' || host === 'www.ipa.go.jp') && /^\/security\/ismap(?:[/._-]|$)/i.test(path),
    message: {
      ja: 'ISMAPの情報はIPAのサイトではなくISMAPポータル（www.ismap.go.jp）で公開されています',
      en: 'ISMAP is published on the ISMAP portal, www.ismap.go.jp, not on ipa.go.jp.',
    },
  },
];

/** The URL is named as the old address: 旧URL: …, 移転前, リダイレクト元, "formerly at". */
const OLD_ADDRESS = /旧(?:URL|サイト|アドレス|ドメイン|ページ)|移転前|移転元|リダイレクト|redirect|formerly|previously|old (?:URL|site|address)/i;
/** A YAML key for an old address (old_url, redirect_from, archive). */
const OLD_ADDRESS_KEY = /old|旧|former|legacy|previous|redirect|archive|アーカイブ|移転前/i;

/** The host (lower case) and path of a URL as written (scheme optional: www.nisc.go.jp/…). */
function hostAndPath(url: string): { host: string; path: string } | undefined {
  const match = /^(?:[a-z]+:\/\/)?([^/:?#\s]+)(?::\d+)?([^?#]*)/i.exec(url);
  return match ? { host: match[1].toLowerCase(), path: match[2] } : undefined;
}

export const factMovedUrlRule: Rule = {
  id: 'fact/moved-url',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'section',
  description: '移転した公式サイトのURL（nisc.go.jp、ipa.go.jp上のISMAP） (an official URL whose site moved: nisc.go.jp, ISMAP on ipa.go.jp).',
  check({ model, context }) {
    const findings: Finding[] = [];
    for (const url of documentUrls(model)) {
      const parts = hostAndPath(url.url);
      const move = parts && MOVES.find((candidate) => candidate.matches(parts.host, parts.path));
      if (!move || (move.date && context.date && context.date < move.date)) {
        continue;
      }
      const inFrontMatter = !!model.markdown?.frontMatter && url.start < model.markdown.frontMatter.end;
      const reason = historicalReason(
        { start: url.start, end: url.end, surface: url.url, segmentKind: model.kind === 'yaml' ? 'yaml-value' : inFrontMatter ? 'front-matter' : undefined },
        { model, sections: headingsAt(model, url.start), successorIds: new Set(), terms: [], supersededOn: move.date ?? '9999', pastOnly: true },
      );
      if (reason || OLD_ADDRESS.test(statementText(model, url.start)) || segmentAt(model.scalars, url.start)?.keyPath?.some((key) => OLD_ADDRESS_KEY.test(key))) {
        continue;
      }
      findings.push({ ruleId: this.id, severity: this.defaultSeverity, message: move.message, start: url.start, end: url.end });
    }
    return findings;
  },
};
