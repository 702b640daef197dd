/**
 * Term completion: the canonical spelling of glossary terms whose spelling (the term or any alias, variants
 * included) starts with what was typed before the cursor. Typing ガバ offers ガバメントクラウド — never the
 * variant ガバクラ, which term/variant would report. A superseded term is offered marked deprecated, with its
 * successor next to it.
 */

import type { CompiledSpelling, TermEntry } from '../glossary/types';
import type { Knowledge } from '../knowledge';
import type { Language } from '../language';
import { isLatinOrDigit } from '../text/matcher';
import { normalizeKey } from '../text/normalize';
import { type CompletionEntry, pad, typedFilterText } from './completionShared';
import { termCard } from './hover';

interface IndexedSpelling {
  /** NFKC, lower case. */
  readonly key: string;
  readonly spelling: CompiledSpelling;
  readonly term: TermEntry;
  /** 0: the term's own spelling, 1: a canonical alias, 2: a variant. */
  readonly rank: 0 | 1 | 2;
}

interface TermIndex {
  readonly spellings: readonly IndexedSpelling[];
  readonly order: ReadonlyMap<TermEntry, number>;
}

const indexes = new WeakMap<Knowledge, TermIndex>();

function indexOf(knowledge: Knowledge): TermIndex {
  let index = indexes.get(knowledge);
  if (!index) {
    const glossary = knowledge.glossary;
    const order = new Map(glossary.terms.map((term, position) => [term, position] as const));
    const spellings = glossary.spellings.map((spelling): IndexedSpelling => {
      const term = glossary.termOf(spelling);
      return { key: spelling.key.toLowerCase(), spelling, term, rank: spelling.text === term.term ? 0 : spelling.canonical ? 1 : 2 };
    });
    index = { spellings, order };
    indexes.set(knowledge, index);
  }
  return index;
}

/** The longest a typed prefix is looked for (characters before the cursor). */
const MAX_PREFIX = 32;
const MIN_PREFIX = 2;

function isWordChar(code: number): boolean {
  // Latin letters and digits, kana, kanji, the long-vowel mark, full- and half-width forms.
  return (
    isLatinOrDigit(code) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0x3400 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff10 && code <= 0xff19) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a) ||
    (code >= 0xff66 && code <= 0xff9f) ||
    code === 0x3005
  );
}

function isLatinLike(code: number): boolean {
  return isLatinOrDigit(code) || (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
}

export interface TypedTerm {
  readonly start: number;
  readonly typed: string;
  readonly matches: readonly IndexedSpelling[];
}

/**
 * The typed prefix at `offset`: the longest text ending at the cursor (within `floor`, at most MAX_PREFIX
 * characters, starting at a word start — never inside a Latin word) that some spelling starts with.
 */
export function typedTermAt(text: string, floor: number, offset: number, knowledge: Knowledge): TypedTerm | undefined {
  if (offset <= floor || !isWordChar(text.charCodeAt(offset - 1))) {
    return undefined;
  }
  const { spellings } = indexOf(knowledge);
  const lowest = Math.max(floor, offset - MAX_PREFIX);
  for (let start = lowest; start <= offset - 1; start++) {
    const code = text.charCodeAt(start);
    if (!isWordChar(code) || (code >= 0xdc00 && code <= 0xdfff)) {
      continue;
    }
    if (start > floor && isLatinLike(code) && isLatinLike(text.charCodeAt(start - 1))) {
      continue; // inside a Latin word
    }
    const typed = text.slice(start, offset);
    if (/[\r\n]/.test(typed)) {
      continue;
    }
    const key = normalizeKey(typed).toLowerCase();
    if (key.length < MIN_PREFIX || /^[\d\s.,:/\-]*$/.test(key)) {
      continue;
    }
    const matches = spellings.filter((entry) => entry.key.startsWith(key));
    if (matches.length > 0) {
      return { start, typed, matches };
    }
  }
  return undefined;
}

/**
 * Canonical terms for the prefix typed at `offset` (looked for no further back than `floor`). Items whose label
 * itself continues what was typed come first; then those found through another spelling; current terms before
 * superseded ones; glossary order within.
 */
export function termCompletions(text: string, floor: number, offset: number, knowledge: Knowledge, language: Language, sortPrefix = '1'): CompletionEntry[] {
  const found = typedTermAt(text, floor, offset, knowledge);
  if (!found) {
    return [];
  }
  const { order } = indexOf(knowledge);
  const glossary = knowledge.glossary;
  const typedKey = normalizeKey(found.typed).toLowerCase();
  interface Candidate {
    readonly label: string;
    readonly term: TermEntry;
    /** The spelling the typed text matched, for filterText. */
    readonly matched: string;
    readonly direct: boolean;
    readonly alias: boolean;
    readonly successorOf?: TermEntry;
  }
  const candidates = new Map<string, Candidate>();
  const add = (candidate: Candidate) => {
    const existing = candidates.get(candidate.label);
    if (!existing || (candidate.direct && !existing.direct)) {
      candidates.set(candidate.label, candidate);
    }
  };
  for (const match of found.matches) {
    const term = match.term;
    // The canonical spelling of the term, whatever spelling matched.
    add({ label: term.term, term, matched: match.spelling.key, direct: match.rank === 0, alias: false });
    // A canonical alias that itself continues the typed text (typing CIS offers CISO).
    if (match.rank === 1) {
      add({ label: match.spelling.text, term, matched: match.spelling.key, direct: true, alias: true });
    }
    if (term.status.state === 'superseded') {
      const successor = glossary.term(term.status.successor);
      if (successor) {
        add({ label: successor.term, term: successor, matched: match.spelling.key, direct: false, alias: false, successorOf: term });
      }
    }
  }
  const sorted = [...candidates.values()].sort((a, b) => {
    const rank = (candidate: Candidate) => (candidate.direct ? 0 : 2) + (candidate.term.status.state === 'superseded' ? 1 : 0);
    return rank(a) - rank(b) || (order.get(a.term) ?? 0) - (order.get(b.term) ?? 0) || Number(a.alias) - Number(b.alias);
  });
  return sorted.map((candidate, position): CompletionEntry => {
    const { term } = candidate;
    const superseded = term.status.state === 'superseded';
    const successor = term.status.state === 'superseded' ? glossary.term(term.status.successor) : undefined;
    const ja = language === 'ja';
    const details = [term.english];
    if (successor) {
      // A move still under way (政府共通ネットワーク → GSS) is not an old name yet.
      const underWay = term.status.state === 'superseded' && term.status.underWay;
      details.push(`${underWay ? (ja ? '移行中' : 'being replaced') : ja ? '旧名称' : 'superseded'} → ${successor.term}`);
    } else if (candidate.successorOf) {
      details.push(ja ? `${candidate.successorOf.term} の後継` : `successor of ${candidate.successorOf.term}`);
    } else if (candidate.alias) {
      details.push(ja ? `${term.term} の別名` : `another name for ${term.term}`);
    }
    const lead = typedFilterText(found.typed, candidate.matched);
    return {
      label: candidate.label,
      kind: 'term',
      detail: details.join(' · '),
      documentation: termCard(term, glossary, language),
      filterText: normalizeKey(candidate.label).toLowerCase().startsWith(typedKey) ? typedFilterText(found.typed, normalizeKey(candidate.label)) : `${lead} ${candidate.label}`,
      sortText: `${sortPrefix}${pad(position)}`,
      replaceStart: found.start,
      replaceEnd: offset,
      deprecated: superseded || undefined,
    };
  });
}
