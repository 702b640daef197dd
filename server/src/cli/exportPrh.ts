/**
 * `govsec export prh [--out FILE]`: the glossary's non-canonical spellings (term/variant) and the spellings of
 * superseded terms (term/deprecated) as a textlint-rule-prh dictionary, so a textlint pipeline can keep the
 * same vocabulary (and the benchmark compares govsec and prh on the same dictionary).
 *
 * prh matches raw text with one regex per rule, while govsec matches NFKC-normalised text longest-first with
 * Latin/digit boundaries. The export makes up for what it can:
 * - width: only spellings the glossary writes are exported, none made up by changing width (govsec sees
 *   ＩＳＭＡＰ and ISMAP as one spelling; prh would report the width form as an error);
 * - longest match: a pattern that occurs inside a longer spelling (ISO 27001 in ISO 27001:2013, a short form
 *   that is a prefix of its own term) gets a lookaround so that it does not fire there;
 * - boundaries: a pattern that starts or ends with a Latin letter or digit does not match next to another one
 *   (half- or full-width), as govsec's matcher does;
 * - a plain pattern with a regex-special character (an ASCII '-' breaks prh 5.4's escaping under the u flag)
 *   is written as a /regex/ escaped for the u flag.
 * Every rule carries `specs` from real spellings (each pattern → expected; each longer spelling that contains a
 * pattern → unchanged), which prh checks when it loads the dictionary.
 * What prh cannot know is left to govsec: quoted document titles, historical mentions of a superseded name,
 * code blocks (textlint skips code itself), and spellings written in another width.
 */

import * as fs from 'node:fs';
import { stringify } from 'yaml';
import type { Knowledge } from '../knowledge';
import type { TermEntry } from '../glossary/types';
import { isLatinOrDigit } from '../text/matcher';
import { japaneseDate } from '../rules/term/deprecated';

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

export const EXPORT_USAGE = `Usage:
  govsec export prh [--out FILE]
      Writes the glossary's non-canonical and superseded spellings as a textlint-rule-prh dictionary
      (YAML) to FILE, or to standard output. Each rule carries specs that prh checks when it loads.
`;

export class ExportUsageError extends Error {}

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

interface Context {
  readonly before: string;
  readonly after: string;
}

/** Where `pattern` sits inside a longer spelling: the text before and after it there. */
function containingContexts(pattern: string, spellings: readonly string[]): { contexts: Context[]; containers: string[] } {
  const contexts: Context[] = [];
  const containers: string[] = [];
  const seen = new Set<string>();
  for (const spelling of spellings) {
    if (spelling.length <= pattern.length) {
      continue;
    }
    let found = false;
    for (let at = spelling.indexOf(pattern); at >= 0; at = spelling.indexOf(pattern, at + 1)) {
      const context = { before: spelling.slice(0, at), after: spelling.slice(at + pattern.length) };
      const key = `${context.before}\u0000${context.after}`;
      if (!seen.has(key)) {
        seen.add(key);
        contexts.push(context);
      }
      found = true;
    }
    if (found) {
      containers.push(spelling);
    }
  }
  return { contexts, containers };
}

/** The prh pattern for one spelling: plain when prh can take it as it is, else a /regex/ with lookarounds. */
function prhPattern(spelling: string, contexts: readonly Context[]): string {
  const startBoundary = isLatinOrDigit(spelling.charCodeAt(0));
  const endBoundary = isLatinOrDigit(spelling.charCodeAt(spelling.length - 1));
  if (contexts.length === 0 && !startBoundary && !endBoundary && !PRH_SPECIAL.test(spelling)) {
    return spelling;
  }
  const core = escapeRegex(spelling);
  const befores = contexts.filter((c) => c.after === '').map((c) => escapeRegex(c.before));
  const afters = contexts.filter((c) => c.before === '').map((c) => escapeRegex(c.after));
  // Inside on both sides: not (preceded by `before` and followed by the rest of the longer spelling).
  const inside = contexts
    .filter((c) => c.before !== '' && c.after !== '')
    .map((c) => `(?<!${escapeRegex(c.before)}(?=${core}${escapeRegex(c.after)}))`);
  if (startBoundary) {
    befores.push(LATIN_OR_DIGIT_CLASS);
  }
  if (endBoundary) {
    afters.push(LATIN_OR_DIGIT_CLASS);
  }
  const lookbehind = befores.length ? `(?<!${befores.join('|')})` : '';
  const lookahead = afters.length ? `(?!${afters.join('|')})` : '';
  return `/${inside.join('')}${lookbehind}${core}${lookahead}/`;
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
  // Only spellings the glossary writes are exported, never generated width forms (ＩＳＭＡＰ for ISMAP): govsec
  // treats width as the same spelling, and the glossary compiler rejects two spellings equal after NFKC.
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
  const spellings = [
    ...new Set([...knowledge.glossary.spellings.map((s) => s.text), ...knowledge.serviceSpellings.map((s) => s.text)]),
  ];
  const rules: PrhRule[] = [];
  for (const draft of drafts.values()) {
    if (draft.patterns.size === 0) {
      continue;
    }
    // Longest first: prh joins a rule's patterns into one alternation, which takes the first that matches.
    const written = [...draft.patterns].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
    const patterns: string[] = [];
    const specs: PrhSpec[] = [];
    const specFrom = new Set<string>();
    const addSpec = (from: string, to: string) => {
      if (!specFrom.has(from)) {
        specFrom.add(from);
        specs.push({ from, to });
      }
    };
    for (const spelling of written) {
      const { contexts, containers } = containingContexts(spelling, spellings);
      patterns.push(prhPattern(spelling, contexts));
      addSpec(spelling, draft.expected);
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
    throw new ExportUsageError(format === undefined ? 'govsec export needs a format (prh)' : `unknown export format ${JSON.stringify(format)} (expected: prh)`);
  }
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--out' || arg.startsWith('--out=')) {
      const value = arg === '--out' ? rest[++i] : arg.slice('--out='.length);
      if (!value) {
        throw new ExportUsageError('--out needs a file');
      }
      out = value;
    } else {
      throw new ExportUsageError(`unexpected argument ${JSON.stringify(arg)}`);
    }
  }
  return { out };
}

/** Runs `govsec export …`; usage problems throw ExportUsageError for the caller's usage message. */
export function runExport(args: readonly string[], knowledge: Knowledge, out: NodeJS.WritableStream, err: NodeJS.WritableStream): number {
  const options = parseExportArguments(args);
  const dictionary = prhDictionary(knowledge);
  const text = formatPrhDictionary(dictionary, knowledge);
  if (options.out === undefined) {
    out.write(text);
    return 0;
  }
  fs.writeFileSync(options.out, text);
  const patterns = dictionary.rules.reduce((n, rule) => n + rule.patterns.length, 0);
  err.write(`govsec: wrote ${dictionary.rules.length} prh rules (${patterns} patterns) to ${options.out}\n`);
  return 0;
}
