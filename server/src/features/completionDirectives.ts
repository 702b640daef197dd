/**
 * Completion inside a comment: the govsec suppression directives (govsec-disable-next-line …) and, after a
 * directive, the rule ids and category wildcards (see rules/suppression.ts for the syntax).
 */

import type { Language } from '../language';
import { allRules } from '../rules/index';
import { OTHER_LANGUAGE_LABEL } from './cardParts';
import { type CompletionEntry, pad } from './completionShared';
import { escapeMarkdown as esc } from './markdownText';

const DIRECTIVES: readonly { name: string; ja: string; en: string }[] = [
  { name: 'govsec-disable-next-line', ja: '次の行の指摘を無効にする', en: 'disable findings on the next line' },
  { name: 'govsec-disable-line', ja: 'この行の指摘を無効にする', en: 'disable findings on this line' },
  { name: 'govsec-disable', ja: 'ここから govsec-enable までの指摘を無効にする', en: 'disable findings until govsec-enable' },
  { name: 'govsec-enable', ja: 'govsec-disable で無効にした規則を有効に戻す', en: 'enable rules disabled by govsec-disable again' },
];

/** A directive on the cursor's line with the rule list typed so far (a directive may stand anywhere in a comment). */
const DIRECTIVE_WITH_RULES = /govsec-(?:disable-next-line|disable-line|disable|enable)([ \t][^\n]*)?$/;

/**
 * Items for the comment text `text[contentStart, offset)` (after "<!--" or "#"): directive names at the start
 * of the comment or for a word that begins one (gov…), then, after a directive, rule ids. `markdown` picks the
 * comment syntax of the example in the documentation.
 */
export function directiveCompletions(text: string, contentStart: number, offset: number, markdown: boolean, language: Language): CompletionEntry[] {
  const ja = language === 'ja';
  // Rule descriptions are written in English only (rules/*); a Japanese list labels them so.
  const description = (text: string) => `${ja ? OTHER_LANGUAGE_LABEL.ja : ''}${text}`;
  const inner = text.slice(contentStart, offset);
  const withRules = DIRECTIVE_WITH_RULES.exec(inner);
  if (withRules && withRules[1] !== undefined) {
    const rulesText = withRules[1];
    if (/(?:^|\s)--(?!>)/.test(rulesText)) {
      return []; // a "-- reason" note follows the rules
    }
    const token = /[A-Za-z0-9/*-]*$/.exec(rulesText)![0];
    const start = offset - token.length;
    const listed = new Set(rulesText.split(/[\s,]+/).filter((rule) => rule.length > 0 && rule !== token));
    const items: CompletionEntry[] = [];
    allRules.forEach((rule, index) => {
      if (listed.has(rule.id)) {
        return;
      }
      items.push({
        label: rule.id,
        kind: 'rule',
        detail: description(rule.description),
        documentation: [
          `**${esc(rule.id)}** · ${esc(rule.defaultSeverity)}${rule.procurementOnly ? ` · ${esc(ja ? '調達文書のみ' : 'procurement documents only')}` : ''}`,
          '',
          description(esc(rule.description)),
          '',
          esc(`docs/rules/${rule.id}.md`),
        ].join('\n'),
        filterText: rule.id,
        sortText: `0${pad(index)}`,
        replaceStart: start,
        replaceEnd: offset,
      });
    });
    const categories = [...new Set(allRules.map((rule) => rule.id.split('/')[0]))];
    categories.forEach((category, index) => {
      const label = `${category}/*`;
      if (listed.has(label)) {
        return;
      }
      items.push({
        label,
        kind: 'rule',
        detail: ja ? `${category}/* の全規則` : `every ${category}/* rule`,
        filterText: label,
        sortText: `1${pad(index)}`,
        replaceStart: start,
        replaceEnd: offset,
      });
    });
    return items;
  }
  // The directive name: the comment's first word, or a word that begins "govsec-".
  const typed = /(?:^|\s)([A-Za-z-]*)$/.exec(inner)?.[1];
  if (typed === undefined || (typed === '' && inner.trim() !== '')) {
    return [];
  }
  const start = offset - typed.length;
  return DIRECTIVES.filter((directive) => directive.name.startsWith(typed.toLowerCase())).map((directive, index) => ({
    label: directive.name,
    kind: 'directive' as const,
    detail: directive[language],
    documentation: [
      `**${esc(directive.name)}** ${esc('[RULE …]')}`,
      '',
      esc(ja ? `${directive.ja}。規則を省略するとすべての規則が対象です。` : `${directive.en}; without a rule id, every rule.`),
      '',
      esc(markdown ? `<!-- ${directive.name} term/variant -->` : `# ${directive.name} term/variant`),
    ].join('\n'),
    filterText: directive.name,
    sortText: `0${pad(index)}`,
    // A space follows, and the rule list opens.
    insertText: `${directive.name} `,
    replaceStart: start,
    replaceEnd: offset,
    retrigger: true,
  }));
}
