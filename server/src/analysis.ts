/**
 * The engine's one entry point for a document: model → term occurrences → findings. Computed once per
 * document version and shared by hover, diagnostics and the CLI, so the editor and CI see the same thing.
 */

import type { Glossary } from './glossary/glossary';
import { documentKindOf, type DocumentModel } from './document/model';
import { parseMarkdownDocument } from './document/markdown';
import { parseYamlDocument } from './document/yaml';
import { allRules } from './rules/index';
import type { Finding, Rule, TermOccurrence } from './rules/rule';

export interface SourceDocument {
  readonly uri: string;
  /** "markdown" or "yaml"; anything else falls back to the file extension. */
  readonly languageId?: string;
  readonly text: string;
}

export interface DocumentAnalysis {
  readonly model: DocumentModel;
  /** In document order, non-overlapping. */
  readonly terms: readonly TermOccurrence[];
  /** Ordered by position, then rule id. */
  readonly findings: readonly Finding[];
}

export function buildModel(source: SourceDocument): DocumentModel {
  return documentKindOf(source.languageId, source.uri) === 'yaml'
    ? parseYamlDocument(source.text)
    : parseMarkdownDocument(source.text);
}

export function findTerms(model: DocumentModel, glossary: Glossary): TermOccurrence[] {
  const occurrences: TermOccurrence[] = [];
  for (const segment of model.segments) {
    for (const match of glossary.matcher.matchRange(model.text, segment.start, segment.end)) {
      occurrences.push({
        start: match.start,
        end: match.end,
        surface: model.text.slice(match.start, match.end),
        spelling: match.value,
        term: glossary.termOf(match.value),
        segmentKind: segment.kind,
      });
    }
  }
  return occurrences;
}

export function analyzeDocument(
  source: SourceDocument,
  glossary: Glossary,
  rules: readonly Rule[] = allRules,
): DocumentAnalysis {
  const model = buildModel(source);
  const terms = findTerms(model, glossary);
  const findings = rules.flatMap((rule) => rule.check({ model, glossary, terms }));
  findings.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  return { model, terms, findings };
}

/** The term occurrence covering `offset`, if any (binary search over the ordered occurrences). */
export function termAt(analysis: DocumentAnalysis, offset: number): TermOccurrence | undefined {
  const { terms } = analysis;
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const occurrence = terms[middle];
    if (offset < occurrence.start) {
      high = middle - 1;
    } else if (offset >= occurrence.end) {
      low = middle + 1;
    } else {
      return occurrence;
    }
  }
  return undefined;
}
