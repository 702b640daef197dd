/**
 * Document links, protocol-free: the https URLs written in a document (bare URLs, autolinks, link
 * destinations, reference definitions, YAML values) and the control IDs it cites, each linked to the
 * official page of its catalogue. Offsets in, offsets out; only https targets are ever produced.
 *
 * The Markdown model leaves URLs out of its prose segments, so they are found in the raw text; those in
 * code (fenced or indented code blocks, code spans) are skipped. A URL the glossary cites as a source gets
 * that source's title as its tooltip.
 */

import type { DocumentAnalysis } from '../analysis';
import type { DocumentModel } from '../document/model';
import { inSortedRanges, trimUrl } from '../document/urls';
import type { Knowledge } from '../knowledge';
import type { Language } from '../language';
import { catalogueLabel } from './controlCard';

export interface DocumentLinkItem {
  /** The linked text, [start, end) offsets. */
  readonly start: number;
  readonly end: number;
  /** An https URL. */
  readonly target: string;
  readonly tooltip?: string;
}

/**
 * An https URL: ASCII URL characters only, so that Japanese text written right after a URL
 * (「https://www.digital.go.jp/を参照」) is not taken into it; quotes, brackets, angle brackets, backticks
 * and "|" end it.
 */
const URL_PATTERN = /(?<![A-Za-z0-9])https:\/\/[A-Za-z0-9\-._~:/?#@!$&()*+,;=%]+/gi;
function httpsHost(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.hostname !== '' ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

const sourceTitleCache = new WeakMap<Knowledge, ReadonlyMap<string, string>>();

/** A URL as a lookup key: no trailing slash. */
function urlKey(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Every source URL the knowledge cites (terms, services, catalogues, the ISMAP list) → its title. */
function sourceTitles(knowledge: Knowledge): ReadonlyMap<string, string> {
  let titles = sourceTitleCache.get(knowledge);
  if (!titles) {
    const map = new Map<string, string>();
    const add = (source: { title: string; url: string }) => {
      if (!map.has(urlKey(source.url))) {
        map.set(urlKey(source.url), source.title);
      }
    };
    for (const term of knowledge.glossary.terms) {
      term.sources.forEach(add);
    }
    for (const service of knowledge.services) {
      service.sources.forEach(add);
      service.ismap.forEach((fact) => fact.sources.forEach(add));
      if (service.govCloud) {
        service.govCloud.sources.forEach(add);
      }
    }
    for (const id of knowledge.catalogues?.ids() ?? []) {
      const info = knowledge.catalogues!.info(id);
      if (info) {
        add(info.source);
      }
    }
    (knowledge.ismapList.sources ?? []).forEach(add);
    titles = map;
    sourceTitleCache.set(knowledge, titles);
  }
  return titles;
}

/** The https URLs of a text, skipping those that start inside `code` (sorted, non-overlapping ranges). */
function urlLinks(text: string, isCode: (offset: number) => boolean, knowledge: Knowledge, language: Language): DocumentLinkItem[] {
  const titles = sourceTitles(knowledge);
  const links: DocumentLinkItem[] = [];
  URL_PATTERN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = URL_PATTERN.exec(text))) {
    const url = trimUrl(match[0]);
    if (!httpsHost(url) || isCode(match.index)) {
      continue;
    }
    const title = titles.get(urlKey(url));
    links.push({ start: match.index, end: match.index + url.length, target: url, ...(title ? { tooltip: language === 'ja' ? `出典: ${title}` : `source: ${title}` } : {}) });
  }
  return links;
}

/** In Markdown: whether an offset lies in a code block or a code span (from the model's single pass). */
function markdownCode(model: DocumentModel): (offset: number) => boolean {
  const structure = model.markdown!;
  return (offset) => inSortedRanges(structure.code, offset) || inSortedRanges(structure.codeSpans, offset);
}

/**
 * The document's links: every https URL written in it outside code, and every control ID recognised in it
 * (with a framework cue, and known to its catalogue) linked to the official page of the catalogue, e.g.
 * 「ISMAP管理策 9.2.1」 → the ISMAP Control Criteria page, 「AC-2」 → NIST SP 800-53 Rev. 5. In document order.
 */
export function documentLinks(analysis: DocumentAnalysis, knowledge: Knowledge, language: Language): DocumentLinkItem[] {
  const { text } = analysis.model;
  const isCode = analysis.model.kind === 'markdown' ? markdownCode(analysis.model) : () => false;
  const links = urlLinks(text, isCode, knowledge, language);
  const catalogues = knowledge.catalogues;
  if (catalogues) {
    for (const occurrence of analysis.controls) {
      const control = occurrence.control?.control;
      const info = control && catalogues.info(control.catalogue);
      const host = info && httpsHost(info.source.url);
      if (!control || !info || !host) {
        continue;
      }
      links.push({
        start: occurrence.start,
        end: occurrence.end,
        target: info.source.url,
        tooltip:
          language === 'ja'
            ? `${catalogueLabel(catalogues, control.catalogue, language)} ${control.id}: 公式ページ（${host}）`
            : `${catalogueLabel(catalogues, control.catalogue, language)} ${control.id}: official page (${host})`,
      });
    }
  }
  return links.sort((a, b) => a.start - b.start || a.end - b.end);
}
