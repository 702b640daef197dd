import * as assert from 'node:assert/strict';
import type { Control } from '../../server/src/catalogues/types';
import { controlCard } from '../../server/src/features/controlCard';
import { termCard } from '../../server/src/features/hover';
import { serviceCard } from '../../server/src/features/serviceCard';
import type { TermEntry } from '../../server/src/glossary/types';
import type { Language } from '../../server/src/language';
import type { ServiceEntry } from '../../server/src/services/types';
import { bundledKnowledge } from '../helpers';

/**
 * Every hover card of the bundled data — each glossary term, each service, each control of every catalogue —
 * in both languages: it speaks one language, and its first lines say whether the thing is current.
 *
 * What "one language" means here, precisely:
 * - A Japanese card holds no English sentence: no run of three or more Latin words (separated by spaces or
 *   commas) of which at least one is a lower-case word of two or more letters ("in", "the", "not"). Runs of
 *   capitalised words are names (Oracle Cloud Infrastructure, Asia Pacific (Tokyo)); IDs and numbers break
 *   runs. Not looked at: link texts and URLs (titles of sources, in the source's language), code spans
 *   (commands such as `govsec ismap import`), text after the （英語） label (data the catalogues hold in
 *   English only, shown as it is), an English rendering the glossary quotes after 英訳 or 英訳題 up to the next
 *   、 or ）, and the names of the card's own data listed by `names` below.
 * - An English card holds no kana or kanji, except in link texts and URLs, in the names listed by `names`,
 *   inside quotes ("…", 「…」), in a parenthesis of Japanese only after an English word (a gloss such as
 *   "Cabinet Cybersecurity Officer (内閣サイバー官)"), and after the "(Japanese) " label.
 */

const KANA_KANJI = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LINK = /\[(?:\\.|[^\]\\])*\]\(https:[^)\s]*\)/g;
const URL = /https?:\/\/[^\s)）」]+/g;
const LATIN_RUN = /[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/g;

/** The card as plain text: links, code spans and URLs taken out, Markdown escapes undone. */
function plain(card: string): string {
  return card
    .replace(LINK, ' ')
    .replace(/\\`(?:\\.|[^`\\])*\\`/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(URL, ' ');
}

function without(text: string, names: readonly string[]): string {
  // Longest first, so a name is not cut by a shorter one inside it.
  return [...names].sort((a, b) => b.length - a.length).reduce((rest, name) => (name ? rest.split(name).join(' ') : rest), text);
}

/** English sentences (runs as defined above) in a Japanese card. */
export function englishSentences(card: string, names: readonly string[]): string[] {
  const text = without(
    plain(card)
      .split('\n')
      .map((line) => line.replace(/（英語）.*$/, '').replace(/英訳題? [^、）]*/g, ' '))
      .join('\n'),
    names,
  );
  return (text.match(LATIN_RUN) ?? []).filter((run) => run.split(/[ ,]+/).some((word) => /^[a-z][a-z'’-]+$/.test(word)));
}

/** Lines of an English card that hold kana or kanji outside quotes, the (Japanese) label and the names. */
export function japaneseOutsideNames(card: string, names: readonly string[]): string[] {
  const text = without(plain(card), names)
    .split('\n')
    .map((line) =>
      line
        .replace(/\(Japanese\) .*$/, '')
        .replace(/(?<=[A-Za-z"] )\([\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]+\)/g, ' ')
        .replace(/"[^"\n]*"/g, ' ')
        .replace(/「[^」\n]*」/g, ' '),
    )
    .join('\n');
  return text.split('\n').filter((line) => KANA_KANJI.test(line));
}

const knowledge = bundledKnowledge();
const glossary = knowledge.glossary;
const list = knowledge.ismapList;

/** The data's own names on a term card: the term, its reading and English name, other terms it names, and the sources' publishers. */
function termNames(term: TermEntry): string[] {
  const others = [...term.related, ...(term.status.state === 'superseded' ? [term.status.successor] : [])]
    .map((id) => glossary.term(id))
    .filter((entry): entry is TermEntry => !!entry);
  return [
    term.term,
    term.reading,
    term.english,
    ...term.aliases.map((alias) => alias.text),
    ...others.flatMap((entry) => [entry.term, entry.english]),
    ...[...term.sources, ...term.pending.flatMap((change) => change.sources)].map((source) => source.publisher ?? ''),
  ];
}

/** On a service card: the service's names, provider and regions, names as sources list them, publishers, and the ISMAP list's name. */
function serviceNames(service: ServiceEntry): string[] {
  const sources = [...service.sources, ...service.ismap.flatMap((fact) => fact.sources), ...service.notRegistered.flatMap((absence) => absence.sources)];
  return [
    service.name,
    service.provider,
    ...service.aliases.map((alias) => alias.text),
    ...service.regions.flatMap((region) => [region.name, region.location]),
    ...service.ismap.map((fact) => fact.listedName),
    ...service.notRegistered.map((absence) => absence.listedName),
    ...sources.map((source) => source.publisher ?? ''),
    list.name,
    ...list.entries.map((entry) => entry.serviceName),
  ];
}

/**
 * On a control card: the catalogues' labels and names (the English catalogue names are names too), and the
 * Japanese names of editions (令和5年度版) the manifest's English edition and coverage notes use.
 */
function catalogueNames(): string[] {
  const catalogues = knowledge.catalogues!;
  return catalogues.ids().flatMap((id) => {
    const info = catalogues.info(id)!;
    const editions = `${info.edition} ${info.coverage}`.match(/令和\d+年度版/g) ?? [];
    return [info.label, info.name.en, info.source.publisher ?? '', ...editions];
  });
}

function check(kind: string, id: string, card: string, language: Language, names: readonly string[], problems: string[]): void {
  const found = language === 'ja' ? englishSentences(card, names) : japaneseOutsideNames(card, names);
  if (found.length > 0) {
    problems.push(`${kind} ${id} (${language}): ${found.join(' | ')}`);
  }
}

/** The header: the lines before the first rule. */
function header(card: string): string[] {
  const lines = card.split('\n');
  const rule = lines.indexOf('---');
  return lines.slice(0, rule === -1 ? lines.length : rule).filter((line) => line !== '');
}

const TERM_STATUS: Record<Language, Record<'current' | 'superseded' | 'underWay' | 'pending', string>> = {
  ja: { current: '· 現行', superseded: '· **⚠ 旧名称**（', underWay: '· **移行中**（', pending: ' · 改正予定（' },
  en: { current: '· current', superseded: '· **⚠ superseded** \\(', underWay: '· **being replaced** \\(', pending: ' · pending change \\(' },
};

describe('hover cards of all bundled data: one language, status first', () => {
  for (const language of ['ja', 'en'] as const) {
    it(`every glossary term card (${language})`, () => {
      const problems: string[] = [];
      for (const term of glossary.terms) {
        const card = termCard(term, glossary, language);
        check('term', term.id, card, language, termNames(term), problems);
        const status = TERM_STATUS[language];
        const second = card.split('\n')[1];
        const state = term.status.state === 'current' ? 'current' : term.status.underWay ? 'underWay' : 'superseded';
        if (!second.includes(status[state]) || second.includes(status.pending) !== term.pending.length > 0) {
          problems.push(`term ${term.id} (${language}): no status on line 2: ${second}`);
        }
        if (header(card).length > 4) {
          problems.push(`term ${term.id} (${language}): header of ${header(card).length} lines`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it(`every service card (${language})`, () => {
      const problems: string[] = [];
      for (const service of knowledge.services) {
        const card = serviceCard(service, list, language);
        check('service', service.id, card, language, serviceNames(service), problems);
        const [first, second] = card.split('\n');
        if (!first.startsWith(`**`) || !first.includes(' · ISMAP: ')) {
          problems.push(`service ${service.id} (${language}): no ISMAP state on line 1: ${first}`);
        }
        if (service.govCloud && !second.includes(language === 'ja' ? 'ガバメントクラウド: ' : 'Government Cloud: ')) {
          problems.push(`service ${service.id} (${language}): no Government Cloud state on line 2: ${second}`);
        }
      }
      assert.deepEqual(problems, []);
    });

    it(`every control card of every catalogue (${language})`, () => {
      const catalogues = knowledge.catalogues!;
      const names = catalogueNames();
      const currency = language === 'ja' ? /· (現行版|\*\*⚠ 旧版\*\* → .+|\*\*⚠ 廃止\*\*|新しい版の有無は未確認) {0,2}$/ : /· (current edition|\*\*⚠ superseded edition\*\* → .+|\*\*⚠ withdrawn\*\*|newer edition not checked) {0,2}$/;
      const problems: string[] = [];
      let count = 0;
      for (const id of catalogues.ids()) {
        for (const control of catalogues.all(id) as readonly Control[]) {
          // Every row as written by its own ID (headings such as ISMAP domain 9 included, which resolve() leaves to context).
          const card = controlCard(catalogues, { written: control.id, key: control.id, control, match: 'exact' }, language);
          count += 1;
          check('control', `${id} ${control.id}`, card, language, names, problems);
          const second = card.split('\n')[1];
          if (!currency.test(second)) {
            problems.push(`control ${id} ${control.id} (${language}): no status on line 2: ${second}`);
          }
          if (control.withdrawn !== second.includes(language === 'ja' ? '⚠ 廃止' : '⚠ withdrawn')) {
            problems.push(`control ${id} ${control.id} (${language}): withdrawn not said on line 2`);
          }
        }
      }
      assert.ok(count > 1500, `${count} controls`);
      assert.deepEqual(problems.slice(0, 20), []);
    });
  }

  it('the checks find what they look for', () => {
    assert.deepEqual(englishSentences('**用語** · 現行\n\nThe data does not say.', []), ['The data does not say']);
    assert.deepEqual(englishSentences('Oracle Cloud Infrastructure は採択された。[a b c d](https://x.example/) （英語）not a sentence here', []), []);
    assert.deepEqual(englishSentences('Government Cloud of Japan', ['Government Cloud of Japan']), []);
    assert.deepEqual(japaneseOutsideNames('**Term** · ガバメントクラウド\nsystem · current', []), ['**Term** · ガバメントクラウド']);
    assert.deepEqual(japaneseOutsideNames('**Term** · ガバメントクラウド\n"霞が関WAN" is a variant\n(Japanese) 見出し', ['ガバメントクラウド']), []);
  });
});
