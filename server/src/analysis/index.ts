/**
 * The engine's one entry point for a document: model → mentions (terms, cloud services, control IDs) →
 * findings. Computed once per document version and shared by hover, diagnostics and the CLI, so the editor
 * and CI see the same thing.
 */

import { buildContext, inRanges, type ContextOptions } from '../context/documentContext';
import type { DocumentContext, RegionMention } from '../context/types';
import { findControlReferences } from '../context/controlRefs';
import { isStandaloneValue } from '../document/blocks';
import { documentKindOf, type DocumentModel, type SegmentKind } from '../document/model';
import { parseMarkdownDocument, reparseMarkdownDocument } from '../document/markdown';
import { parseYamlDocument } from '../document/yaml';
import { normalizeAfterEdit, normalizedRange } from '../document/normalized';
import { normalize, type NormalizedText } from '../text/normalize';
import { contextKey, SectionFindings } from './sectionFindings';
import { commonEnds, detach } from '../text/edit';
import { modelView, sectionSpans, sectionSpansAfterEdit } from '../document/view';
import type { Knowledge } from '../knowledge';
import { allRules } from '../rules/index';
import { applySuppressions } from '../rules/suppression';
import type { Severity } from '../glossary/types';
import type { ControlOccurrence, ServiceOccurrence, TermOccurrence } from '../context/mentions';
import type { Finding, Rule, RuleInput } from '../rules/rule';

export interface SourceDocument {
  readonly uri: string;
  /** "markdown" or "yaml"; anything else falls back to the file extension. */
  readonly languageId?: string;
  readonly text: string;
}

export type Mention = TermOccurrence | ServiceOccurrence | ControlOccurrence;

export interface DocumentAnalysis {
  /** The knowledge the analysis used (bundled, or with a user's glossary and imported ISMAP list). */
  readonly knowledge: Knowledge;
  readonly model: DocumentModel;
  /** Each in document order. */
  readonly terms: readonly TermOccurrence[];
  readonly services: readonly ServiceOccurrence[];
  readonly controls: readonly ControlOccurrence[];
  readonly regions: readonly RegionMention[];
  readonly context: DocumentContext;
  /** All mentions in document order (for lookups by position). */
  readonly mentions: readonly Mention[];
  /** Ordered by position, then rule id. */
  readonly findings: readonly Finding[];
  /**
   * The findings, with the rules run one at a time and the event loop free between them, so that other
   * requests are answered meanwhile; undefined when `isCancelled` says so before the last rule (nothing is
   * kept then, and the next call starts again).
   */
  findingsYielding(isCancelled: () => boolean): Promise<readonly Finding[] | undefined>;
  /** For the next analysis of this document (after an edit). */
  readonly mentionCache: MentionCache;
  /** For the next analysis: section-scoped rules' findings per section (filled when the rules run). */
  readonly sectionFindings: SectionFindings;
}

/** What the next analysis of a document reuses from the previous version's. */
export interface PreviousVersion {
  readonly model: DocumentModel;
  readonly mentionCache: MentionCache;
  readonly sectionFindings?: SectionFindings;
}

/** Documents longer than this (UTF-16 units) are checked up to it only (limits/document-size says so). */
export const DEFAULT_MAX_DOCUMENT_LENGTH = 1_000_000;

/** Where a long text is cut: at the last line break in the limit's last tenth, else at the limit (never inside a surrogate pair). */
export function checkedLength(text: string, maxLength: number): number {
  if (text.length <= maxLength) {
    return text.length;
  }
  const lineBreak = text.lastIndexOf('\n', maxLength - 1);
  if (lineBreak >= maxLength * 0.9) {
    return lineBreak + 1;
  }
  const code = text.charCodeAt(maxLength - 1);
  return code >= 0xd800 && code <= 0xdbff ? maxLength - 1 : maxLength;
}

/** The model of a document; `previous`, the model of the version before an edit, spares parsing and normalising it all again. */
export function buildModel(source: SourceDocument, maxLength = DEFAULT_MAX_DOCUMENT_LENGTH, previous?: DocumentModel): DocumentModel {
  const length = checkedLength(source.text, maxLength);
  const text = length < source.text.length ? source.text.slice(0, length) : source.text;
  // Where the edit is: asked once, read by the re-parse and the re-normalisation.
  const ends = previous && commonEnds(previous.text, text);
  const parsed =
    documentKindOf(source.languageId, source.uri) === 'yaml'
      ? parseYamlDocument(text)
      : ((previous && reparseMarkdownDocument(previous, text, ends)) ?? parseMarkdownDocument(text));
  const model = length < source.text.length ? { ...parsed, truncated: { checkedLength: length, totalLength: source.text.length } } : parsed;
  if (previous && ends) {
    normalizeAfterEdit(model, previous, ends);
    sectionSpansAfterEdit(model, previous, ends);
  }
  return model;
}

/** The mentions of one section, at its offsets when it started at `start`. */
interface SectionMentions {
  readonly start: number;
  readonly terms: readonly TermOccurrence[];
  readonly services: readonly ServiceOccurrence[];
  readonly regions: readonly RegionMention[];
  readonly controls: readonly ControlOccurrence[];
}

/**
 * The mentions of each section of a version (by the section's key: its headings, text and example flags):
 * after an edit only the sections it changed are matched again, the others' mentions are moved.
 */
export class MentionCache {
  readonly sections = new Map<string, SectionMentions>();
  constructor(readonly knowledge: Knowledge) {}
}

function moveMentions(found: SectionMentions, start: number): SectionMentions {
  const by = start - found.start;
  const move = <T extends { start: number; end: number }>(items: readonly T[]) => items.map((item) => ({ ...item, start: item.start + by, end: item.end + by }));
  return { start, terms: move(found.terms), services: move(found.services), regions: move(found.regions), controls: move(found.controls) };
}

/** The lexicon's matches in `normalized` (a range of `text`) as term and service mentions. */
function addLexiconMentions(
  text: string,
  normalized: NormalizedText,
  segmentKind: SegmentKind,
  knowledge: Knowledge,
  terms: TermOccurrence[],
  services: ServiceOccurrence[],
): void {
  for (const match of knowledge.lexicon.matchNormalized(normalized)) {
    const base = { start: match.start, end: match.end, surface: detach(text.slice(match.start, match.end)), segmentKind };
    const entry = match.value;
    if (entry.kind === 'term') {
      terms.push({ ...base, kind: 'term', spelling: entry.spelling, term: knowledge.glossary.termOf(entry.spelling) });
    } else {
      services.push({ ...base, kind: 'service', spelling: entry.spelling, service: knowledge.service(entry.spelling.serviceId)! });
    }
  }
}

/** How far either side of an offset `mentionNear` reads: further than any spelling is long, so one covering the offset is seen whole. */
const NEAR_REACH = 200;

/**
 * The term or service covering `offset`, from a scan of the text around it alone: what a hover shows where the
 * document has no analysis yet (a huge document still being checked) or beyond the part that is checked. The
 * document's structure is not read, so words in code count here too.
 */
export function mentionNear(text: string, offset: number, knowledge: Knowledge): Mention | undefined {
  const from = Math.max(0, offset - NEAR_REACH);
  const to = Math.min(text.length, offset + NEAR_REACH);
  const terms: TermOccurrence[] = [];
  const services: ServiceOccurrence[] = [];
  addLexiconMentions(text, normalize(text, from, to), 'prose', knowledge, terms, services);
  return [...terms, ...services].find((mention) => mention.start <= offset && offset < mention.end);
}

/** The terms, services, regions and control IDs of one section (a view of the model). */
function sectionMentions(model: DocumentModel, knowledge: Knowledge, start: number): SectionMentions {
  const terms: TermOccurrence[] = [];
  const services: ServiceOccurrence[] = [];
  const regions: RegionMention[] = [];
  const addRegions = (normalized: NormalizedText) => {
    for (const match of knowledge.regions.matchNormalized(normalized)) {
      for (const candidate of match.value) {
        regions.push({ start: match.start, end: match.end, region: candidate.region, service: candidate.service });
      }
    }
  };
  // Segments are ranges of the document's one normalised text; the term/service, region and control-ID matchers share it.
  for (const segment of model.segments) {
    const normalized = normalizedRange(model, segment.start, segment.end);
    addRegions(normalized);
    addLexiconMentions(model.text, normalized, segment.kind, knowledge, terms, services);
  }
  // A region id is an identifier, often written as inline code: code that stands as a value (「- DR: `eu-west-1`」,
  // a table cell) is read for regions too; code inside a sentence stays code.
  for (const span of model.markdown?.codeSpans ?? []) {
    if (isStandaloneValue(model, span)) {
      addRegions(normalizedRange(model, span.start, span.end));
    }
  }
  if (model.markdown && model.markdown.codeSpans.length > 0) {
    regions.sort((a, b) => a.start - b.start);
  }
  const controls: ControlOccurrence[] = [];
  for (const reference of findControlReferences(model)) {
    const control = knowledge.resolveControl(reference.framework, reference.id);
    controls.push({ kind: 'control', ...reference, surface: detach(model.text.slice(reference.start, reference.end)), control });
  }
  return { start, terms, services, regions, controls };
}

export function findMentions(model: DocumentModel, knowledge: Knowledge, previous?: MentionCache) {
  const reuse = previous?.knowledge === knowledge ? previous : undefined;
  const cache = new MentionCache(knowledge);
  const spans = sectionSpans(model);
  const parts = spans.map((span) => {
    let found = cache.sections.get(span.key) ?? reuse?.sections.get(span.key);
    if (!found) {
      found = sectionMentions(spans.length === 1 ? model : modelView(model, span.start, span.end), knowledge, span.start);
    } else if (found.start !== span.start) {
      found = moveMentions(found, span.start);
    }
    cache.sections.set(span.key, found);
    return found;
  });
  const all = <T>(of: (part: SectionMentions) => readonly T[]): T[] => (parts.length === 1 ? [...of(parts[0])] : parts.flatMap(of));
  return { terms: all((part) => part.terms), services: all((part) => part.services), controls: all((part) => part.controls), regions: all((part) => part.regions), cache };
}

export interface AnalysisOptions extends ContextOptions {
  readonly rules?: readonly Rule[];
  /**
   * The previous version of the same document: its parse and normalisation outside the edited sections, its
   * mentions and its section-scoped findings of unchanged sections are reused.
   */
  readonly previous?: PreviousVersion;
  /** The configured severity of a rule (settings, .govsec.yaml); 'off' skips it. Absent: the rule's own. */
  readonly ruleSeverity?: (ruleId: string) => Severity | 'off' | undefined;
  /** Told when a rule throws (the rule's findings are dropped, the others' kept); default: once per rule on stderr. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /** The checking limit in UTF-16 units (default DEFAULT_MAX_DOCUMENT_LENGTH). */
  readonly maxDocumentLength?: number;
  /** The model of this very text, when the caller built it already (completion did): it is not built again. */
  readonly model?: DocumentModel;
}

export function analyzeDocument(source: SourceDocument, knowledge: Knowledge, allOptions: AnalysisOptions = {}): DocumentAnalysis {
  // The previous version is read here and never kept: the rules' closures below see `options` only.
  const { previous, model: builtModel, ...options } = allOptions;
  const model = builtModel ?? buildModel(source, options.maxDocumentLength, previous?.model);
  const { terms, services, controls, regions, cache } = findMentions(model, knowledge, previous?.mentionCache);
  const context = buildContext(model, terms, services, knowledge, options);
  const mentions: Mention[] = [...terms, ...services, ...controls].sort((a, b) => a.start - b.start || b.end - a.end);
  let findings: readonly Finding[] | undefined;
  const input: RuleInput = { model, knowledge, glossary: knowledge.glossary, terms, services, controls, regions, context };
  const sectionFindings = new SectionFindings(knowledge, contextKey(context), input);
  // Held until the rules have run, then let go (an analysis never keeps the one before it).
  let previousSections = previous?.sectionFindings;
  const run = (rule: Rule): Finding[] =>
    isolated(rule, options, () =>
      rule.scope === 'section' ? sectionFindings.findings(rule, previousSections, (ruleInput, facts) => rule.check(ruleInput, facts)) : rule.check(input),
    );
  const finish = (raw: readonly Finding[]) => {
    sectionFindings.finish();
    previousSections = undefined;
    return finishFindings(raw, input, options);
  };
  return {
    knowledge,
    model,
    terms,
    services,
    controls,
    regions,
    context,
    mentions,
    mentionCache: cache,
    sectionFindings,
    // The rules run on first use: hover and completion need the mentions only, not the findings.
    get findings() {
      findings ??= finish(rulesToRun(input, options).flatMap(run));
      return findings;
    },
    async findingsYielding(isCancelled) {
      if (findings) {
        return findings;
      }
      const raw: Finding[] = [];
      for (const rule of rulesToRun(input, options)) {
        await new Promise((resolve) => setImmediate(resolve));
        if (isCancelled()) {
          return undefined;
        }
        raw.push(...run(rule));
      }
      findings ??= finish(raw);
      return findings;
    },
  };
}

/** Rule ids whose failure has been written to stderr already (the default reporter says it once per process). */
const reportedRuleErrors = new Set<string>();

function reportRuleErrorOnce(ruleId: string, error: unknown): void {
  if (!reportedRuleErrors.has(ruleId)) {
    reportedRuleErrors.add(ruleId);
    process.stderr.write(`govsec: rule ${ruleId} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}

/** One rule's findings (`work`); a rule that throws loses only its own findings, never the other rules'. */
function isolated(rule: Rule, options: AnalysisOptions, work: () => Finding[]): Finding[] {
  try {
    return work();
  } catch (error) {
    (options.onRuleError ?? reportRuleErrorOnce)(rule.id, error);
    return [];
  }
}

/** The configured severity of a rule ('off' skips it; absent: the rule's own). */
function severityOf(options: AnalysisOptions, ruleId: string): Severity | 'off' | undefined {
  return options.ruleSeverity?.(ruleId);
}

/** The rules this document gets: procurement rules only in procurement documents, none turned off. */
function rulesToRun(input: RuleInput, options: AnalysisOptions): readonly Rule[] {
  return (options.rules ?? allRules).filter(
    (rule) => (!rule.procurementOnly || input.context.profile === 'procurement') && severityOf(options, rule.id) !== 'off',
  );
}

/** The rules' raw findings, outside bad examples, with configured severities, suppressions applied, in order. */
function finishFindings(raw: readonly Finding[], input: RuleInput, options: AnalysisOptions): Finding[] {
  const configured = new Map<string, Severity | 'off' | undefined>();
  const configuredSeverity = (ruleId: string) => {
    if (!configured.has(ruleId)) {
      configured.set(ruleId, severityOf(options, ruleId));
    }
    return configured.get(ruleId);
  };
  const kept = raw
    // Nothing is reported inside a block marked as a bad example.
    .filter((finding) => !inRanges(input.context.badExamples, finding.start))
    .map((finding) => {
      const severity = configuredSeverity(finding.ruleId);
      return severity && severity !== 'off' ? { ...finding, severity } : finding;
    });
  // One filter step for suppression comments, after every rule has run.
  const findings = applySuppressions(kept, input.model);
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return findings;
}

/** The mention covering `offset`, if any; the innermost one where mentions nest. */
export function mentionAt(analysis: DocumentAnalysis, offset: number): Mention | undefined {
  const { mentions } = analysis;
  // Binary search for the last mention starting at or before offset, then look back over any that still cover it.
  let low = 0;
  let high = mentions.length - 1;
  let last = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (mentions[middle].start <= offset) {
      last = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  // Terms and services never overlap (one matcher pass); a control ID can sit inside a term, so mentions
  // nest at most two deep and a few steps back suffice.
  let best: Mention | undefined;
  for (let index = last; index >= 0 && index > last - 8; index--) {
    const mention = mentions[index];
    if (offset >= mention.start && offset < mention.end && (!best || mention.end - mention.start < best.end - best.start)) {
      best = mention;
    }
  }
  return best;
}
