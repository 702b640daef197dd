/**
 * Suppression comments, applied as one filter step after the rules run:
 *   Markdown: <!-- govsec-disable-next-line RULE --> <!-- govsec-disable-line RULE -->
 *             <!-- govsec-disable RULE --> … <!-- govsec-enable -->
 *   YAML:     # govsec-disable-next-line RULE   (and -line, disable/enable)
 * RULE is one or more rule ids (comma or space separated) or a category wildcard (ismap/*); none means all.
 * Directives are read from the model's comments, so a directive inside a code block does nothing.
 */

import type { DocumentModel } from '../document/model';
import type { Finding } from './rule';

export type DirectiveKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable';

export interface SuppressionDirective {
  readonly kind: DirectiveKind;
  /** Rule ids or category wildcards; empty means every rule. */
  readonly rules: readonly string[];
  /** Offsets of the comment. */
  readonly start: number;
  readonly end: number;
}

const DIRECTIVE = /govsec-(disable-next-line|disable-line|disable|enable)\b([^\n]*?)(?:-->|$)/;

export function parseDirectives(model: DocumentModel): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  for (const comment of model.comments) {
    const match = DIRECTIVE.exec(model.text.slice(comment.start, comment.end));
    if (match) {
      const rules = match[2]
        .replace(/--.*$/, '') // a trailing "-- reason" is a note, not a rule
        .split(/[\s,]+/)
        .filter((rule) => rule.length > 0);
      directives.push({ kind: match[1] as DirectiveKind, rules, start: comment.start, end: comment.end });
    }
  }
  return directives;
}

function covers(rules: readonly string[], ruleId: string): boolean {
  return rules.length === 0 || rules.some((rule) => rule === ruleId || (rule.endsWith('/*') && ruleId.startsWith(rule.slice(0, -1))));
}

/** Line number (0-based) of each offset, by binary search over line starts. */
function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) {
    starts.push(index + 1);
  }
  return (offset: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) {
        low = middle;
      } else {
        high = middle - 1;
      }
    }
    return low;
  };
}

export function applySuppressions(findings: readonly Finding[], model: DocumentModel, directives = parseDirectives(model)): Finding[] {
  if (directives.length === 0) {
    return [...findings];
  }
  const lineOf = lineIndex(model.text);
  const suppressed = (finding: Finding): boolean => {
    const line = lineOf(finding.start);
    let disabledByRange = false;
    for (const directive of directives) {
      switch (directive.kind) {
        case 'disable-next-line':
          if (lineOf(directive.end) + 1 === line && covers(directive.rules, finding.ruleId)) {
            return true;
          }
          break;
        case 'disable-line':
          if (lineOf(directive.start) === line && covers(directive.rules, finding.ruleId)) {
            return true;
          }
          break;
        case 'disable':
          if (directive.end <= finding.start && covers(directive.rules, finding.ruleId)) {
            disabledByRange = true;
          }
          break;
        case 'enable':
          if (directive.end <= finding.start && covers(directive.rules, finding.ruleId)) {
            disabledByRange = false;
          }
          break;
      }
    }
    return disabledByRange;
  };
  return findings.filter((finding) => !suppressed(finding));
}
