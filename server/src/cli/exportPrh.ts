/**
 * `govsec export prh [--out FILE]`: the glossary's non-canonical spellings (term/variant) and the spellings of
 * superseded terms (term/deprecated) as a textlint-rule-prh dictionary, so a textlint pipeline can keep the
 * same vocabulary (and the benchmark compares govsec and prh on the same dictionary).
 *
 * prh matches raw text with one regex per rule, while govsec matches NFKC-normalised text longest-first with
 * Latin/digit boundaries. The export makes up for what it can:
 * - width: govsec sees ＩＳＭＡＰ and ISMAP, ｶﾞﾊﾞｸﾗ and ガバクラ as one spelling, so each pattern matches its
 *   spelling in any width (ＮＩＳＣ is reported like NISC), while a width form of an expected spelling is
 *   never a pattern (only the glossary's non-canonical and superseded spellings are);
 * - longest match: a pattern that occurs inside a longer spelling (ISO 27001 in ISO 27001:2013, a short form
 *   that is a prefix of its own term) gets a lookaround so that it does not fire there;
 * - boundaries: a pattern that starts or ends with a Latin letter or digit does not match next to another one
 *   (half- or full-width), as govsec's matcher does;
 * - patterns are /regex/ escaped for the u flag prh adds (its own escaping of a plain '-' breaks there); a
 *   spelling with nothing to add stays plain.
 * Every rule carries `specs` from real spellings (each pattern and its other-width form → expected; each longer
 * spelling that contains a pattern → unchanged), which prh checks when it loads the dictionary.
 * What prh cannot know is left to govsec: quoted document titles, historical mentions of a superseded name,
 * and width forms of canonical spellings (govsec reports them as information; prh only has errors).
 */

import * as fs from 'node:fs';
import { stringify } from 'yaml';
import type { Knowledge } from '../knowledge';
import type { TermEntry } from '../glossary/types';
import { isLatinOrDigit } from '../text/matcher';
import { normalizeKey } from '../text/normalize';
import { japaneseDate } from '../rules/term/deprecated';
import type { Language } from '../language';
import { line, UsageError } from './messages';

export interface PrhSpec {
  readonly from: string;
  readonly to: string;
}

export interface PrhRule {
  readonly expected: string;
  readonly patterns: readonly string[];
  readonly specs: readonly PrhSpec[];
  readonly prh: string;
}

export interface PrhDictionary {
  readonly version: 1;
  readonly rules: readonly PrhRule[];
}


/** The current term a superseded term ends at (霞が関WAN → GSS), or undefined for a broken or cyclic chain. */
function currentSuccessor(knowledge: Knowledge, term: TermEntry): TermEntry | undefined {
  const seen = new Set<string>();
  let current: TermEntry | undefined = term;
  while (current && current.status.state === 'superseded') {
    if (seen.has(current.id)) {
      return undefined;
    }
    seen.add(current.id);
    current = knowledge.glossary.term(current.status.successor);
  }
  return current;
}

interface RuleDraft {
  readonly expected: string;
  readonly patterns: Set<string>;
  readonly notes: string[];
}

/** Half- and full-width Latin letters and digits: govsec's matcher sees both as Latin after NFKC. */
const LATIN_OR_DIGIT_CLASS = '[A-Za-z0-9Ａ-Ｚａ-ｚ０-９]';

/** Escapes a literal for a regex with the u flag (where an identity escape such as \- is a syntax error). */
function escapeRegex(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** Characters prh would escape in a plain pattern (its escaping is wrong for '-' and '¥' under the u flag). */
const PRH_SPECIAL = /[\\¥*+.?{}()[\]^$\-|/]/;

let widthFormsCache: Map<string, string[]> | undefined;

/**
 * For each character NFKC produces from another width, the forms that normalise to it: full-width ASCII
 * (Ｇ → G), the ideographic space, half-width katakana alone and with a (semi-)voiced mark (ｶﾞ → ガ).
 */
function widthForms(): Map<string, string[]> {
  if (!widthFormsCache) {
    const forms = new Map<string, string[]>();
    const add = (form: string) => {
      const key = form.normalize('NFKC');
      if (key !== form && key.length === 1) {
        forms.set(key, [...(forms.get(key) ?? []), form]);
      }
    };
    for (let code = 0xff01; code <= 0xff5e; code++) add(String.fromCharCode(code));
    add('\u3000');
    for (let code = 0xff61; code <= 0xff9f; code++) {
      add(String.fromCharCode(code));
      add(String.fromCharCode(code) + '\uff9e');
      add(String.fromCharCode(code) + '\uff9f');
    }
    widthFormsCache = forms;
  }
  return widthFormsCache;
}

/** A regex source matching `text` written in any width, as govsec's NFKC matching does. */
function anyWidth(text: string): string {
  let source = '';
  for (const char of text) {
    const key = char.normalize('NFKC');
    const alternatives = [...new Set([char, key, ...(widthForms().get(key) ?? [])])];
    if (alternatives.length === 1) {
      source += escapeRegex(char);
    } else if (alternatives.every((form) => form.length === 1)) {
      source += `[${alternatives.map((form) => form.replace(/[\\\]^-]/, '\\$&')).join('')}]`;
    } else {
      source += `(?:${alternatives.map(escapeRegex).join('|')})`;
    }
  }
  return source;
}

/** `text` with every character that has another width written in that width (ガバクラ → ｶﾞﾊﾞｸﾗ). */
function otherWidth(text: string): string {
  return [...text].map((char) => widthForms().get(char.normalize('NFKC'))?.find((form) => form !== char) ?? char).join('');
}

interface Context {
  readonly before: string;
  readonly after: string;
}

interface Spelling {
  /** As written. */
  readonly text: string;
  /** NFKC form, as govsec matches it. */
  readonly key: string;
}

/** Where `pattern` sits inside a longer spelling (compared in NFKC form): the text before and after it there. */
function containingContexts(pattern: Spelling, spellings: readonly Spelling[]): { contexts: Context[]; containers: string[] } {
  const contexts: Context[] = [];
  const containers: string[] = [];
  const seen = new Set<string>();
  for (const spelling of spellings) {
    if (spelling.key.length <= pattern.key.length) {
      continue;
    }
    let found = false;
    for (let at = spelling.key.indexOf(pattern.key); at >= 0; at = spelling.key.indexOf(pattern.key, at + 1)) {
      const context = { before: spelling.key.slice(0, at), after: spelling.key.slice(at + pattern.key.length) };
      const key = `${context.before}\u0000${context.after}`;
      if (!seen.has(key)) {
        seen.add(key);
        contexts.push(context);
      }
      found = true;
    }
    if (found) {
      containers.push(spelling.text);
    }
  }
  return { contexts, containers };
}

/** The prh pattern for one spelling: a /regex/ for any width, with lookarounds for boundaries and longer spellings. */
function prhPattern(spelling: Spelling, contexts: readonly Context[]): string {
  const core = anyWidth(spelling.text);
  const befores = contexts.filter((c) => c.after === '').map((c) => anyWidth(c.before));
  const afters = contexts.filter((c) => c.before === '').map((c) => anyWidth(c.after));
  // Inside on both sides: not (preceded by `before` and followed by the rest of the longer spelling).
  const inside = contexts
    .filter((c) => c.before !== '' && c.after !== '')
    .map((c) => `(?<!${anyWidth(c.before)}(?=${core}${anyWidth(c.after)}))`);
  if (isLatinOrDigit(spelling.key.charCodeAt(0))) {
    befores.push(LATIN_OR_DIGIT_CLASS);
  }
  if (isLatinOrDigit(spelling.key.charCodeAt(spelling.key.length - 1))) {
    afters.push(LATIN_OR_DIGIT_CLASS);
  }
  const lookbehind = befores.length ? `(?<!${befores.join('|')})` : '';
  const lookahead = afters.length ? `(?!${afters.join('|')})` : '';
  const source = `${inside.join('')}${lookbehind}${core}${lookahead}`;
  // A plain pattern where prh can take the text as it is (prh escapes '-' and '¥' wrongly under the u flag).
  return source === spelling.text && !PRH_SPECIAL.test(spelling.text) ? spelling.text : `/${source}/`;
}

/** The dictionary for the knowledge's glossary, in glossary order; one rule per expected spelling. */
export function prhDictionary(knowledge: Knowledge): PrhDictionary {
  const drafts = new Map<string, RuleDraft>();
  const draftFor = (expected: string): RuleDraft => {
    let draft = drafts.get(expected);
    if (!draft) {
      draft = { expected, patterns: new Set(), notes: [] };
      drafts.set(expected, draft);
    }
    return draft;
  };
  // Patterns are the glossary's own non-canonical and superseded spellings, so none is a canonical spelling in
  // another width (the glossary compiler rejects two spellings equal after NFKC).
  const add = (draft: RuleDraft, spelling: string) => draft.patterns.add(spelling);
  for (const term of knowledge.glossary.terms) {
    if (term.status.state === 'superseded') {
      const successor = currentSuccessor(knowledge, term);
      if (!successor) {
        continue;
      }
      const draft = draftFor(successor.term);
      const before = draft.patterns.size;
      add(draft, term.term);
      for (const alias of term.aliases) {
        add(draft, alias.text);
      }
      if (draft.patterns.size > before) {
        draft.notes.push(`旧名称（govsec term/deprecated）: 「${term.term}」の後継は「${successor.term}」（${japaneseDate(term.status.date)}）`);
      }
    } else {
      const variants = term.aliases.filter((alias) => !alias.canonical);
      if (variants.length === 0) {
        continue;
      }
      const draft = draftFor(term.term);
      const before = draft.patterns.size;
      for (const alias of variants) {
        add(draft, alias.text);
      }
      if (draft.patterns.size > before) {
        draft.notes.push(`表記ゆれ（govsec term/variant）: 「${term.term}」と表記する`);
      }
    }
  }

  // Every spelling govsec's matcher knows: a pattern inside one of them is that longer spelling, not the pattern.
  const spellings: Spelling[] = [...knowledge.glossary.spellings, ...knowledge.serviceSpellings].map(({ text, key }) => ({ text, key }));
  const rules: PrhRule[] = [];
  for (const draft of drafts.values()) {
    if (draft.patterns.size === 0) {
      continue;
    }
    // Longest first: prh joins a rule's patterns into one alternation, which takes the first that matches.
    const written = [...draft.patterns].sort((a, b) => normalizeKey(b).length - normalizeKey(a).length || (a < b ? -1 : a > b ? 1 : 0));
    const patterns: string[] = [];
    const specs: PrhSpec[] = [];
    const specFrom = new Set<string>();
    const addSpec = (from: string, to: string) => {
      if (!specFrom.has(from)) {
        specFrom.add(from);
        specs.push({ from, to });
      }
    };
    for (const text of written) {
      const spelling = { text, key: normalizeKey(text) };
      const { contexts, containers } = containingContexts(spelling, spellings);
      patterns.push(prhPattern(spelling, contexts));
      addSpec(text, draft.expected);
      // The same spelling in another width is the same spelling for govsec.
      addSpec(otherWidth(text), draft.expected);
      for (const container of containers) {
        addSpec(container, draft.patterns.has(container) ? draft.expected : container);
      }
    }
    rules.push({ expected: draft.expected, patterns, specs, prh: draft.notes.join(' / ') });
  }
  return { version: 1, rules };
}

export function formatPrhDictionary(dictionary: PrhDictionary, knowledge: Knowledge): string {
  const asOf = knowledge.glossary.terms.reduce((latest, term) => (term.asOf > latest ? term.asOf : latest), '');
  const patterns = dictionary.rules.reduce((n, rule) => n + rule.patterns.length, 0);
  const header = [
    '# textlint-rule-prh dictionary written by `govsec export prh` from the govsec glossary',
    `# (${knowledge.glossary.terms.length} terms, checked up to ${asOf}): ${dictionary.rules.length} rules, ${patterns} patterns.`,
    '# Non-canonical spellings (term/variant) and superseded names (term/deprecated). Regenerate rather than edit.',
    '',
  ].join('\n');
  return header + stringify(dictionary, { lineWidth: 0 });
}

interface ExportOptions {
  readonly out?: string;
}

function parseExportArguments(args: readonly string[]): ExportOptions {
  const [format, ...rest] = args;
  if (format !== 'prh') {
    throw new UsageError(
      format === undefined
        ? { ja: 'govsec export には形式（prh）を指定します', en: 'govsec export needs a format (prh)' }
        : { ja: `不明な書き出し形式 ${JSON.stringify(format)} です（prh のみ）`, en: `unknown export format ${JSON.stringify(format)} (expected: prh)` },
    );
  }
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? rest[++i] : arg.slice('--out='.length);
      if (!value) {
        throw new UsageError({ ja: '--out には書き出すファイルを指定します', en: '--out needs a file' });
      }
      out = value;
    } else {
      throw new UsageError({ ja: `余分な引数 ${JSON.stringify(arg)} があります`, en: `unexpected argument ${JSON.stringify(arg)}` });
    }
  }
  return { out };
}

/**
 * Runs `govsec export …`; usage problems throw UsageError for the caller's usage message. The dictionary's
 * header comments are part of the file, in English like its keys; the notice on stderr is in `language`.
 */
export function runExport(args: readonly string[], knowledge: Knowledge, out: NodeJS.WritableStream, err: NodeJS.WritableStream, language: Language): number {
  const options = parseExportArguments(args);
  const dictionary = prhDictionary(knowledge);
  const text = formatPrhDictionary(dictionary, knowledge);
  if (options.out === undefined) {
    out.write(text);
    return 0;
  }
  fs.writeFileSync(options.out, text);
  const patterns = dictionary.rules.reduce((n, rule) => n + rule.patterns.length, 0);
  const rules = dictionary.rules.length;
  err.write(line({ ja: `prh のルール ${rules} 件（パターン ${patterns} 個）を ${options.out} に書き出しました`, en: `wrote ${rules} prh rules (${patterns} patterns) to ${options.out}` }, language));
  return 0;
}
