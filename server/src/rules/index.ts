/** The rule registry: every rule the engine runs, in reporting order. */

import type { Rule } from './rule';
import { termDeprecatedRule } from './term/deprecated';
import { termVariantRule } from './term/variant';

export const allRules: readonly Rule[] = [termVariantRule, termDeprecatedRule];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
