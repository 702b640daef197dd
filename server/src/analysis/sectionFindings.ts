/**
 * Findings kept per section from one version of a document to the next. After an edit, a rule whose findings
 * depend on their own section only (Rule.scope 'section') runs again on the sections whose text or headings
 * changed; the findings of every other section are moved to where that section now starts. The document
 * context must be the same (its key below), else everything runs again.
 */

import type { DocumentContext } from '../context/types';
import type { TextRange } from '../document/model';
import { modelView, rangesIn, sectionSpans, spanIndexAt, type SectionSpan } from '../document/view';
import type { Knowledge } from '../knowledge';
import { detach } from '../text/edit';
import type { Finding, Rule, RuleInput } from '../rules/rule';

/** Everything a rule may read from the context, positions left out: equal keys, equal findings. */
export function contextKey(context: DocumentContext): string {
  return JSON.stringify([
    context.profile,
    context.profileSource,
    context.sector,
    context.sectorEvidence?.source,
    context.sectorEvidence?.text,
    context.writer,
    context.writerEvidence?.source,
    context.writerEvidence?.text,
    context.platform.govCloud,
    context.platform.providers.map((provider) => provider.service.id),
    [...context.grades.confidentiality],
    [...context.grades.integrity],
    [...context.grades.availability],
    context.date,
  ]);
}

const moved = (findings: readonly Finding[], by: number): Finding[] =>
  by === 0 ? [...findings] : findings.map((finding) => ({ ...finding, start: finding.start + by, end: finding.end + by }));

/** A finding kept for later versions, its words copied out of this version's text (see detach). */
const kept = (finding: Finding): Finding => ({
  ...finding,
  message: { ja: detach(finding.message.ja), en: detach(finding.message.en) },
  fix: finding.fix && { title: { ja: detach(finding.fix.title.ja), en: detach(finding.fix.title.en) }, replacement: detach(finding.fix.replacement) },
});

/** Findings relative to `start`, kept for later versions. */
const relativeTo = (findings: readonly Finding[], start: number): Finding[] => findings.map((finding) => kept({ ...finding, start: finding.start - start, end: finding.end - start }));

/** The rule input restricted to one section: what a section rule reads when it runs on that section alone. */
export function sectionInput(input: RuleInput, span: TextRange): RuleInput {
  return {
    ...input,
    model: modelView(input.model, span.start, span.end),
    terms: rangesIn(input.terms, span.start, span.end),
    services: rangesIn(input.services, span.start, span.end),
    controls: rangesIn(input.controls, span.start, span.end),
    regions: rangesIn(input.regions, span.start, span.end),
  };
}

/**
 * The findings of section-scoped rules of one version, per rule and section, with offsets from the section's
 * start; built while the rules run and read by the next version's analysis.
 */
export class SectionFindings {
  private readonly byRule = new Map<string, Map<string, readonly Finding[]>>();
  /** Per rule with a document key (Rule.documentKey, or the union of its section facts): its value for this version. */
  private readonly documentKeys = new Map<string, string>();
  /** Per rule with section facts (Rule.sectionFacts): each section's, by section key. */
  private readonly factsByRule = new Map<string, Map<string, readonly string[]>>();
  private spanList?: readonly SectionSpan[];
  private readonly views = new Map<SectionSpan, RuleInput>();

  constructor(
    readonly knowledge: Knowledge,
    readonly contextKey: string,
    private readonly input: RuleInput,
  ) {}

  private get spans(): readonly SectionSpan[] {
    this.spanList ??= sectionSpans(this.input.model);
    return this.spanList;
  }

  /** The rule input restricted to one section (shared by the rules that run on it). */
  private view(span: SectionSpan): RuleInput {
    let view = this.views.get(span);
    if (!view) {
      view = sectionInput(this.input, span);
      this.views.set(span, view);
    }
    return view;
  }

  /** The union of every section's facts for the rule: a section's from `previous` when its key is unchanged. */
  private documentFacts(rule: Rule, sectionFacts: (input: RuleInput) => readonly string[], previous: SectionFindings | undefined): ReadonlySet<string> {
    const earlier = previous?.knowledge === this.knowledge && previous.contextKey === this.contextKey ? previous.factsByRule.get(rule.id) : undefined;
    const store = new Map<string, readonly string[]>();
    this.factsByRule.set(rule.id, store);
    const union = new Set<string>();
    for (const span of this.spans) {
      let facts = earlier?.get(span.key) ?? store.get(span.key);
      if (!facts) {
        facts = sectionFacts(this.spans.length === 1 ? this.input : this.view(span)).map(detach);
      }
      store.set(span.key, facts);
      for (const fact of facts) {
        union.add(fact);
      }
    }
    return union;
  }

  /** The rules have run: the views go (the findings stay for the next version). */
  finish(): void {
    this.views.clear();
  }

  /**
   * The rule's findings for this version: from `previous` for the sections it holds, from the rule for the
   * others (on the whole document when no section can be reused). `check` is the rule's guarded check.
   */
  findings(rule: Rule, previous: SectionFindings | undefined, check: (input: RuleInput, facts?: ReadonlySet<string>) => Finding[]): Finding[] {
    const facts = rule.sectionFacts && this.documentFacts(rule, rule.sectionFacts, previous);
    const documentKey = facts ? [...facts].sort().join('\u0000') : rule.documentKey?.(this.input);
    if (documentKey !== undefined) {
      this.documentKeys.set(rule.id, documentKey);
    }
    const earlier =
      previous?.knowledge === this.knowledge && previous.contextKey === this.contextKey && previous.documentKeys.get(rule.id) === documentKey
        ? previous.byRule.get(rule.id)
        : undefined;
    const store = new Map<string, readonly Finding[]>();
    this.byRule.set(rule.id, store);
    const spans = this.spans;
    if (!earlier || !spans.some((span) => earlier.has(span.key))) {
      const findings = check(this.input, facts);
      const perSpan = spans.map((): Finding[] => []);
      for (const finding of findings) {
        const index = spanIndexAt(spans, finding.start);
        perSpan[index].push(finding);
      }
      spans.forEach((span, index) => store.set(span.key, relativeTo(perSpan[index], span.start)));
      return findings;
    }
    const findings: Finding[] = [];
    for (const span of spans) {
      const key = span.key;
      let relative = earlier.get(key) ?? store.get(key);
      if (!relative) {
        relative = relativeTo(check(this.view(span), facts), span.start);
      }
      store.set(key, relative);
      findings.push(...moved(relative, span.start));
    }
    return findings;
  }
}
