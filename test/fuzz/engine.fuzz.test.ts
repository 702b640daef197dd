import * as fc from 'fast-check';
import { analyzeDocument } from '../../server/src/analysis';
import { fixAllAction } from '../../server/src/features/codeActions';
import { completionsAt } from '../../server/src/features/completion';
import { hoverAt } from '../../server/src/features/hover';
import { documentLinks } from '../../server/src/features/links';
import { documentSymbols, type DocumentSymbolItem } from '../../server/src/features/symbols';
import type { Language } from '../../server/src/language';
import { bundledKnowledge } from '../helpers';
import { checkRange, fraction, fuzzOptions, fuzzTimeout, markdownDocument, mutatedRealDocument, yamlDocument, type FuzzDocument } from './generators';

/** Runs the engine and every feature on a document; throws on an exception or an invalid position. */
function exercise(document: FuzzDocument, probes: readonly number[], language: Language): void {
  const knowledge = bundledKnowledge();
  const { text } = document;
  const analysis = analyzeDocument(document, knowledge);
  for (const finding of analysis.findings) {
    checkRange(text, finding.start, finding.end, `finding ${finding.ruleId}`);
  }
  for (const mention of analysis.mentions) {
    checkRange(text, mention.start, mention.end, `mention ${mention.kind}`);
  }
  for (const edit of fixAllAction(analysis)?.edits ?? []) {
    checkRange(text, edit.start, edit.end, 'fix-all edit');
  }
  for (const link of documentLinks(analysis, knowledge, language)) {
    checkRange(text, link.start, link.end, 'link');
  }
  const symbols = (items: readonly DocumentSymbolItem[]): void =>
    items.forEach((item) => {
      checkRange(text, item.start, item.end, `symbol ${item.name}`);
      checkRange(text, item.selectionStart, item.selectionEnd, `symbol selection ${item.name}`);
      symbols(item.children);
    });
  symbols(documentSymbols(analysis, language));
  for (const fraction of probes) {
    const offset = Math.floor(fraction * (text.length + 1));
    const card = hoverAt(analysis, knowledge, offset, language);
    if (card) {
      checkRange(text, card.start, card.end, `hover at ${offset}`);
      if (card.markdown !== card.markdown.toWellFormed()) {
        throw new Error(`hover at ${offset}: lone surrogate in the card`);
      }
    }
    for (const item of completionsAt(text, document.uri, document.languageId, offset, knowledge, language).items) {
      checkRange(text, item.replaceStart, item.replaceEnd, `completion "${item.label}" at ${offset}`);
    }
  }
}

const probes = fc.array(fraction, { minLength: 1, maxLength: 4 });
/** Features build their text in either language; both are exercised. */
const languages = fc.constantFrom<Language>('ja', 'en');

describe('fuzz: the engine and features on random input (fixed seed)', function () {
  this.timeout(fuzzTimeout());

  it('random Markdown: no exception, every position valid', () => {
    fc.assert(fc.property(markdownDocument, probes, languages, (document, at, language) => exercise(document, at, language)), fuzzOptions(300));
  });

  it('random YAML: no exception, every position valid', () => {
    fc.assert(fc.property(yamlDocument, probes, languages, (document, at, language) => exercise(document, at, language)), fuzzOptions(300));
  });

  it('mutated real documents: no exception, every position valid', () => {
    fc.assert(fc.property(mutatedRealDocument, probes, languages, (document, at, language) => exercise(document, at, language)), fuzzOptions(100));
  });
});
