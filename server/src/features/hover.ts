/**
 * Hover: the glossary card for the term under the cursor, protocol-free (the LSP handler wraps it), in one
 * language. The card is read in a hurry: its first lines say what the term is and whether it is current;
 * the definition, details and sources follow below a rule.
 */

import { mentionAt, mentionNear, type DocumentAnalysis, type Mention } from '../analysis';
import type { Glossary } from '../glossary/glossary';
import type { PendingChange, TermCategory, TermEntry } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import type { Bilingual, Language } from '../language';
import { controlCard } from './controlCard';
import { caveatLine, headerBlock, sourceLine } from './cardParts';
import { escapeMarkdown } from './markdownText';
import { serviceCard } from './serviceCard';

export interface HoverCard {
  /** Markdown; data in it is escaped. */
  readonly markdown: string;
  /** The hovered text, as offsets in the document. */
  readonly start: number;
  readonly end: number;
}

const CATEGORY_LABELS: Readonly<Record<TermCategory, Bilingual>> = {
  organization: { ja: '組織', en: 'organisation' },
  system: { ja: 'システム', en: 'system' },
  network: { ja: 'ネットワーク', en: 'network' },
  program: { ja: '制度', en: 'programme' },
  law: { ja: '法令', en: 'law' },
  guideline: { ja: 'ガイドライン', en: 'guideline' },
  standard: { ja: '規格・基準', en: 'standard' },
  role: { ja: '役職', en: 'role' },
  classification: { ja: '格付', en: 'classification' },
  procedure: { ja: '手続', en: 'procedure' },
  concept: { ja: '概念', en: 'concept' },
  service: { ja: 'サービス', en: 'service' },
  figure: { ja: '数値・期限', en: 'figure' },
};

/** When a pending change takes effect, as the status line and the change's block say it. */
function inForceText(change: PendingChange, language: Language): string {
  if (change.inForce) {
    return language === 'ja' ? `${change.inForce}施行` : `in force ${change.inForce}`;
  }
  if (change.inForceBy) {
    return language === 'ja' ? `${change.inForceBy}までに施行` : `in force by ${change.inForceBy}`;
  }
  return language === 'ja' ? '施行日未定' : 'date of entry into force not fixed';
}

/**
 * Whether the term is current, in a few words (Markdown, data escaped): current, superseded → successor,
 * being replaced → successor, and a pending change with its date.
 */
function statusLine(term: TermEntry, glossary: Glossary, language: Language): string {
  const parts: string[] = [];
  if (term.status.state === 'superseded') {
    const successor = glossary.term(term.status.successor);
    // The successor as it is written; an English reader also gets its English name.
    const successorName = escapeMarkdown(!successor ? term.status.successor : language === 'ja' ? successor.term : `${successor.english} (${successor.term})`);
    const date = escapeMarkdown(term.status.date);
    if (term.status.underWay) {
      parts.push(language === 'ja' ? `**移行中**（${date}〜）→ ${successorName}` : `**being replaced** \\(since ${date}\\) → ${successorName}`);
    } else {
      parts.push(language === 'ja' ? `**⚠ 旧名称**（${date}）→ ${successorName}` : `**⚠ superseded** \\(${date}\\) → ${successorName}`);
    }
  } else {
    parts.push(language === 'ja' ? '現行' : 'current');
  }
  const [pending, ...more] = term.pending;
  if (pending) {
    const others = more.length > 0 ? (language === 'ja' ? `、ほか${more.length}件` : `; ${more.length} more`) : '';
    const when = escapeMarkdown(inForceText(pending, language));
    parts.push(language === 'ja' ? `改正予定（${when}${others}）` : `pending change \\(${when}${others}\\)`);
  }
  return parts.join(' · ');
}

/**
 * The card for a glossary term in `language`: name, category and status first (with the spelling hovered when
 * it is not the term's own, and a caveat in one line); below a rule the definition and details; below another
 * the sources and as-of date.
 */
export function termCard(term: TermEntry, glossary: Glossary, language: Language, surface?: string): string {
  const ja = language === 'ja';
  const header: string[] = [];
  // A katakana term is its own reading (ガバメントクラウド): the reading is shown only when it adds something.
  const reading = term.reading && term.reading !== term.term ? term.reading : undefined;
  header.push(
    ja
      ? `**${escapeMarkdown(term.term)}**${reading ? `（${escapeMarkdown(reading)}）` : ''}· ${escapeMarkdown(term.english)}`
      : `**${escapeMarkdown(term.english)}** · ${escapeMarkdown(term.term)}${reading ? ` (${escapeMarkdown(reading)})` : ''}`,
  );
  header.push(`${escapeMarkdown(CATEGORY_LABELS[term.category][language])} · ${statusLine(term, glossary, language)}`);
  if (surface !== undefined && surface !== term.term) {
    const alias = term.aliases.find((candidate) => candidate.text === surface);
    const kind = alias?.canonical ? (ja ? '別名' : 'another name') : ja ? '表記ゆれ' : 'a variant spelling';
    header.push(ja ? `「${escapeMarkdown(surface)}」は${kind}` : `"${escapeMarkdown(surface)}" is ${kind}`);
  }
  if (term.caveat) {
    header.push(caveatLine(term.caveat, language, 'term'));
  }
  const lines = headerBlock(header);
  lines.push('', '---', '');
  if (term.status.state === 'superseded' && term.status.note) {
    lines.push(escapeMarkdown(term.status.note[language]), '');
  }
  lines.push(escapeMarkdown(term.definition[language]));
  for (const change of term.pending) {
    lines.push('', ...pendingChangeLines(change, language));
  }
  const aliases = term.aliases.filter((alias) => alias.canonical);
  if (aliases.length > 0) {
    lines.push('', `**${ja ? '別名' : 'Also'}:** ${aliases.map((alias) => escapeMarkdown(alias.text)).join(' · ')}`);
  }
  const related = term.related.map((id) => glossary.term(id)).filter((entry): entry is TermEntry => !!entry);
  if (related.length > 0) {
    lines.push('', `**${ja ? '関連' : 'Related'}:** ${related.map((entry) => escapeMarkdown(entry.term)).join(' · ')}`);
  }
  lines.push('', '---', '');
  lines.push(`**${ja ? '出典' : 'Sources'}:**`, '');
  lines.push(...term.sources.map(sourceLine));
  lines.push('');
  // The other language's definition is one step away, not on the card: a link to the entry would need a
  // file: or command: URI, which the https-only links and untrusted Markdown of hovers rule out, while Go to
  // Definition on the term already opens its YAML entry, where both definitions stand side by side.
  lines.push(
    ja
      ? `*時点 ${escapeMarkdown(term.asOf)} · govsec用語集: ${escapeMarkdown(term.id)} · 英語の定義は用語集の項目に（定義へ移動で開く）*`
      : `*as of ${escapeMarkdown(term.asOf)} · govsec glossary: ${escapeMarkdown(term.id)} · Japanese definition in the glossary entry (Go to Definition opens it)*`,
  );
  return lines.join('\n');
}

/** A decided change not yet in force: its dates first, since they are what a writer has to act on. */
function pendingChangeLines(change: PendingChange, language: Language): string[] {
  const ja = language === 'ja';
  const confidence = change.confidence === 'confirmed' ? '' : ja ? ' · **未確認**' : ' · **unconfirmed**';
  const dates = [
    change.passed && (ja ? `成立 ${change.passed}` : `passed ${change.passed}`),
    ja ? `公布 ${change.promulgated}` : `promulgated ${change.promulgated}`,
    inForceText(change, language),
  ].filter((part): part is string => !!part);
  return [
    `**${ja ? '改正予定' : 'Pending change'}**${confidence}`,
    '',
    escapeMarkdown(dates.join(' · ')),
    '',
    escapeMarkdown(change.change[language]),
    '',
    ...change.sources.map(sourceLine),
  ];
}

/** The card for whatever is under `offset`: a glossary term, a cloud service or a control ID. */
export function hoverAt(analysis: DocumentAnalysis, knowledge: Knowledge, offset: number, language: Language): HoverCard | undefined {
  return hoverCard(mentionAt(analysis, offset), knowledge, language);
}

/**
 * The card for the term or service at `offset`, from the text around it alone (`mentionNear`): in a document
 * not analysed yet, or beyond the part of a long document that is checked. Control IDs need the analysis.
 */
export function hoverNear(text: string, knowledge: Knowledge, offset: number, language: Language): HoverCard | undefined {
  return hoverCard(mentionNear(text, offset, knowledge), knowledge, language);
}

function hoverCard(mention: Mention | undefined, knowledge: Knowledge, language: Language): HoverCard | undefined {
  if (!mention) {
    return undefined;
  }
  let markdown: string | undefined;
  switch (mention.kind) {
    case 'term': {
      markdown = termCard(mention.term, knowledge.glossary, language, mention.surface);
      // A term that is also a catalogued service (さくらのクラウド) shows its ISMAP status too.
      const service = knowledge.serviceForTerm(mention.term.id);
      if (service) {
        markdown += `\n\n---\n\n${serviceCard(service, knowledge.ismapList, language)}`;
      }
      break;
    }
    case 'service':
      markdown = serviceCard(mention.service, knowledge.ismapList, language, { surface: mention.surface });
      break;
    case 'control':
      // An ID the catalogue does not know gets no card (control/unknown-id reports it).
      markdown = mention.control && knowledge.catalogues ? controlCard(knowledge.catalogues, mention.control, language) : undefined;
      break;
  }
  return markdown === undefined ? undefined : { markdown, start: mention.start, end: mention.end };
}
