/**
 * Hover: the glossary card for the term under the cursor, protocol-free (the LSP handler wraps it).
 */

import { mentionAt, type DocumentAnalysis } from '../analysis';
import type { Glossary } from '../glossary/glossary';
import type { PendingChange, TermEntry, TermSource } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import { controlCard } from './controlCard';
import { escapeMarkdown, markdownLink } from './markdownText';
import { serviceCard } from './serviceCard';

export interface HoverCard {
  /** Markdown; data in it is escaped. */
  readonly markdown: string;
  /** The hovered text, as offsets in the document. */
  readonly start: number;
  readonly end: number;
}

const CATEGORY_LABELS: Record<TermEntry['category'], string> = {
  organization: '組織 / organisation',
  system: 'システム / system',
  network: 'ネットワーク / network',
  program: '制度 / programme',
  law: '法令 / law',
  guideline: 'ガイドライン / guideline',
  standard: '規格・基準 / standard',
  role: '役職 / role',
  classification: '格付 / classification',
  procedure: '手続 / procedure',
  concept: '概念 / concept',
  service: 'サービス / service',
  figure: '数値・期限 / figure',
};

export function termCard(term: TermEntry, glossary: Glossary, surface?: string): string {
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(term.term)}**（${escapeMarkdown(term.reading)}）  `);
  lines.push(`*${escapeMarkdown(term.english)}* · ${escapeMarkdown(CATEGORY_LABELS[term.category])}`);
  if (surface !== undefined && surface !== term.term) {
    lines.push('');
    const alias = term.aliases.find((candidate) => candidate.text === surface);
    const kind = alias?.canonical ? '別名 / also written' : '表記ゆれ / variant spelling';
    lines.push(`「${escapeMarkdown(surface)}」: ${kind}`);
  }
  if (term.status.state === 'superseded') {
    const successor = glossary.term(term.status.successor);
    const successorName = successor ? `${successor.term}（${successor.english}）` : term.status.successor;
    lines.push('');
    lines.push(
      term.status.underWay
        ? `**移行中 / being replaced** (${escapeMarkdown(term.status.date)}〜) → ${escapeMarkdown(successorName)}`
        : `**⚠ 旧名称 / superseded** (${escapeMarkdown(term.status.date)}) → ${escapeMarkdown(successorName)}`,
    );
    if (term.status.note) {
      lines.push('');
      lines.push(escapeMarkdown(term.status.note.ja));
      lines.push('');
      lines.push(`*${escapeMarkdown(term.status.note.en)}*`);
    }
  }
  lines.push('', '---', '');
  lines.push(escapeMarkdown(term.definition.ja));
  lines.push('');
  lines.push(escapeMarkdown(term.definition.en));
  if (term.caveat) {
    lines.push('');
    lines.push(`**未確認 / unconfirmed:** ${escapeMarkdown(term.caveat.ja)}`);
    lines.push('');
    lines.push(`*${escapeMarkdown(term.caveat.en)}*`);
  }
  for (const change of term.pending) {
    lines.push('', ...pendingChangeLines(change));
  }
  const aliases = term.aliases.filter((alias) => alias.canonical);
  if (aliases.length > 0) {
    lines.push('');
    lines.push(`**別名 / also:** ${aliases.map((alias) => escapeMarkdown(alias.text)).join(' · ')}`);
  }
  const related = term.related.map((id) => glossary.term(id)).filter((entry): entry is TermEntry => !!entry);
  if (related.length > 0) {
    lines.push('');
    lines.push(`**関連 / related:** ${related.map((entry) => escapeMarkdown(entry.term)).join(' · ')}`);
  }
  lines.push('', '---', '');
  lines.push('**出典 / sources:**');
  lines.push('');
  lines.push(...term.sources.map(sourceLine));
  lines.push('');
  lines.push(`*時点 / as of ${escapeMarkdown(term.asOf)} · govsec glossary: ${escapeMarkdown(term.id)}*`);
  return lines.join('\n');
}

function sourceLine(source: TermSource): string {
  const detail = [source.publisher, source.date].filter(Boolean).join(', ');
  return `- ${markdownLink(source.title, source.url)}${detail ? ` — ${escapeMarkdown(detail)}` : ''}`;
}

/** A decided change not yet in force: its dates first, since they are what a writer has to act on. */
function pendingChangeLines(change: PendingChange): string[] {
  const confidence = change.confidence === 'confirmed' ? '' : ' · **未確認 / unconfirmed**';
  const dates = [
    change.passed && `成立 / passed ${change.passed}`,
    `公布 / promulgated ${change.promulgated}`,
    change.inForce && `施行 / in force ${change.inForce}`,
    change.inForceBy && `施行 / in force by ${change.inForceBy}（までに / at the latest）`,
    !change.inForce && !change.inForceBy && '施行日未定 / date of entry into force not fixed',
  ].filter((part): part is string => !!part);
  return [
    `**改正予定 / pending change**${confidence}`,
    '',
    escapeMarkdown(dates.join(' · ')),
    '',
    escapeMarkdown(change.change.ja),
    '',
    `*${escapeMarkdown(change.change.en)}*`,
    '',
    ...change.sources.map(sourceLine),
  ];
}

/** The card for whatever is under `offset`: a glossary term, a cloud service or a control ID. */
export function hoverAt(analysis: DocumentAnalysis, knowledge: Knowledge, offset: number): HoverCard | undefined {
  const mention = mentionAt(analysis, offset);
  if (!mention) {
    return undefined;
  }
  let markdown: string | undefined;
  switch (mention.kind) {
    case 'term': {
      markdown = termCard(mention.term, knowledge.glossary, mention.surface);
      // A term that is also a catalogued service (さくらのクラウド) shows its ISMAP status too.
      const service = knowledge.serviceForTerm(mention.term.id);
      if (service) {
        markdown += `\n\n---\n\n${serviceCard(service, knowledge.ismapList)}`;
      }
      break;
    }
    case 'service':
      markdown = serviceCard(mention.service, knowledge.ismapList, { surface: mention.surface });
      break;
    case 'control':
      // An ID the catalogue does not know gets no card (control/unknown-id reports it).
      markdown = mention.control && knowledge.catalogues ? controlCard(knowledge.catalogues, mention.control) : undefined;
      break;
  }
  return markdown === undefined ? undefined : { markdown, start: mention.start, end: mention.end };
}
