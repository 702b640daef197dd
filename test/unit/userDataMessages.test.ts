/**
 * The texts about broken user data (.govsec.yaml, user glossary files, ISMAP lists and imports) and the CLI's
 * own texts, in both languages: each problem one sentence, at most 100 characters in Japanese and 160 in
 * English after its file:line:column, and each language free of the other outside quotes and identifiers.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CLI_USAGE, main } from '../../server/src/cli/main';
import { ISMAP_USAGE } from '../../server/src/cli/ismapImport';
import { compileUserGlossary, loadConfigFile, loadConfigText } from '../../server/src/config/config';
import type { Bilingual } from '../../server/src/language';
import { LAST_GOOD_IN_FORCE, problemNotice } from '../../server/src/lsp/workspace';
import { allRules } from '../../server/src/rules/index';
import { loadIsmapList, loadIsmapListFile } from '../../server/src/services/ismapList';
import { parseIsmapList } from '../../server/src/services/ismapListRead';
import { bundledKnowledge, repoRoot, termsSchema } from '../helpers';
import { hasEnglishPhrase, hasJapanese, isSeveralSentencesEn, isSeveralSentencesJa } from '../languagePurity';

interface Shown {
  readonly where: string;
  readonly text: Bilingual;
}

const CONFIG = '/work/project/.govsec.yaml';

/** Broken configurations: YAML syntax errors of several kinds, schema errors of several keywords, unknown rules. */
const BROKEN_CONFIGS: Record<string, string> = {
  tab: 'rules:\n\tterm/variant: off\n',
  unclosedFlow: 'rules:\n  term/variant: [off\n',
  duplicateKey: 'rules:\n  term/variant: off\n  term/variant: hint\n',
  unclosedQuote: 'rules:\n  term/variant: "off\n',
  multilineKey: 'rules:\n  term/variant\n  off\n',
  badScalarStart: 'rules:\n  term/variant: @off\n',
  unknownAlias: 'rules:\n  term/variant: *nope\n',
  compactNested: 'rules: term/variant: off\n',
  flowComma: 'glossary: [a.yaml b.yaml, , c.yaml]\n',
  schema: 'rules:\n  term/variant: loud\n  Term/Deprecated: off\nlimits:\n  maxDocumentLength: 5\nglossary:\n  - terms.txt\nprofile: x\n',
  types: 'rules: 3\nprofiles:\n  procurement: specs\nlimits:\n  maxDocumentLength: many\n',
  unknownRules: 'rules:\n  term/varient: off\n  nosuch/*: off\n  ismap/nosuch: hint\nprofiles:\n  procurement:\n    - /abs/*.md\n',
};

/** A user glossary that passes the schema but breaks every cross-check the compiler makes. */
function userGlossary(): string {
  const entry = (id: string, term: string, extra: string) => `  - id: ${id}
    term: ${term}
    reading: よみ
    english: Entry
    category: system
    definition: { ja: 定義。, en: A definition. }
    sources: [{ title: 設計書, url: "https://example.go.jp/design" }]
    asOf: 2026-11-01
${extra}`;
  return `kind: terms
terms:
${entry('our-term', '申請受付基盤', `    aliases: [{ text: 申請受付基盤, canonical: false }, { text: ガバクラ, canonical: false }]
    status: { state: superseded, successor: no-such-term, date: 2026-01-01 }
    related: [our-term, no-such-related]
    pending:
      - change: { ja: 改正。, en: An amendment. }
        passed: 2026-06-01
        promulgated: 2026-05-01
        inForce: 2026-04-01
        inForceBy: 2027-01
        confidence: confirmed
        sources: [{ title: 官報, url: "https://example.go.jp/k" }]
`)}${entry('our-term', '別の語', '    status: { state: current }\n')}${entry('gov-cloud', '重複する語', '    status: { state: current }\n')}`;
}

const ISMAP_LIST = `kind: ismap-list
name: Test list
asOf: 2026-11-30
partial: true
partialNote: { ja: 一部のみ, en: Some only }
sources:
  - { id: portal, title: Portal, url: "https://www.ismap.go.jp/" }
  - { id: portal, title: Portal, url: "https://www.ismap.go.jp/" }
entries:
  - { registrationNumber: C99-0001-1, serviceName: A, program: ISMAP, sources: [portal] }
  - { registrationNumber: C99-0001-1, serviceName: B, program: ISMAP, sources: [nowhere] }
`;

/** What main() writes to standard error for some arguments (only its first line: the message). */
function cliError(args: string[]): string {
  const written: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    main(args, path.join(repoRoot, 'dist'));
  } finally {
    process.stderr.write = write;
  }
  return written.join('').split('\n')[0];
}

const BAD_ARGUMENTS: string[][] = [
  ['check'],
  ['check', 'a.md', '--bogus'],
  ['check', 'a.md', '--format', 'xml'],
  ['check', 'a.md', '--format'],
  ['check', 'a.md', '--max-length', '5'],
  ['check', 'a.md', '--config='],
  ['check', 'a.md', '--config', '/no/such/config.yaml'],
  ['glossary', 'list'],
  ['glossary', 'stats', '--stale', 'x'],
  ['glossary', 'stats', '--today', '2026-01-01'],
  ['glossary', 'stats', '--stale', '1', '--today', 'soon'],
  ['glossary', 'stats', '--all'],
  ['export'],
  ['export', 'csv'],
  ['export', 'prh', '--out'],
  ['export', 'prh', 'extra'],
  ['ismap', 'import'],
  ['ismap', 'import', 'a.csv', 'b.csv'],
  ['ismap', 'import', 'a.csv', '--date', '2026-13-01'],
  ['ismap', 'import', 'a.csv', '--program', 'FedRAMP'],
  ['ismap', 'import', 'a.csv', '--output'],
  ['ismap', 'import', 'a.csv', '--frobnicate'],
  ['ismap', 'import', 'no-such-list.csv'],
  ['frobnicate'],
  ['--lang', 'fr'],
];

/**
 * The part of a text its author wrote: what it quotes in parentheses (the system's own error, a list of rule
 * ids) is the user's or another program's and does not count towards the length.
 */
function framing(text: string): string {
  return text.replace(/（[^）]*）|\([^)]*\)/g, '');
}

function shownTexts(): Shown[] {
  const shown: Shown[] = [];
  const knownRules = allRules.map((rule) => rule.id);
  for (const [name, text] of Object.entries(BROKEN_CONFIGS)) {
    for (const problem of loadConfigText(text, CONFIG, { knownRules }).problems) {
      shown.push({ where: `config ${name} ${problem.line}:${problem.column}`, text: problem.message });
    }
  }
  for (const problem of loadConfigFile('/no/such/folder/.govsec.yaml').problems) {
    shown.push({ where: 'config missing', text: problem.message });
  }

  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-user-messages-'));
  try {
    const glossaryFile = path.join(folder, 'our-terms.yaml');
    fs.writeFileSync(glossaryFile, userGlossary());
    const brokenYaml = path.join(folder, 'broken-terms.yaml');
    fs.writeFileSync(brokenYaml, 'kind: terms\nterms:\n  - id: [x\n');
    const base = bundledKnowledge().compiledGlossary;
    for (const file of [glossaryFile, brokenYaml, path.join(folder, 'missing.yaml')]) {
      for (const problem of compileUserGlossary([file], base, termsSchema()).problems) {
        shown.push({ where: `glossary ${path.basename(file)} ${problem.line}:${problem.column}`, text: problem.message });
      }
    }
    for (const problem of [...loadIsmapList(ISMAP_LIST, 'list.yaml').problems, ...loadIsmapListFile(folder).problems]) {
      shown.push({ where: `ismap list ${problem.line}:${problem.column}`, text: problem.message });
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }

  const fixtures = path.join(repoRoot, 'test', 'fixtures', 'ismap');
  const imports: [string, Buffer][] = [
    ['malformed.csv', fs.readFileSync(path.join(fixtures, 'malformed.csv'))],
    ['portal-list-shell.html', fs.readFileSync(path.join(fixtures, 'portal-list-shell.html'))],
    ['other.html', Buffer.from('<!doctype html><table><tr><th>名前</th></tr><tr><td>a</td></tr></table>')],
    ['x.csv', Buffer.from('a,b\n1,2\n')],
    ['x.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])],
  ];
  for (const [name, bytes] of imports) {
    for (const problem of parseIsmapList(bytes, name, '2026-11-30').problems) {
      shown.push({ where: `import ${name}:${problem.line}`, text: problem.message });
    }
  }
  shown.push({ where: 'last good', text: LAST_GOOD_IN_FORCE });
  return shown;
}

describe('broken user data and CLI texts, in both languages', () => {
  const shown = shownTexts();

  it('covers YAML syntax, schema, cross-check and import problems', () => {
    const where = shown.map((item) => item.where);
    for (const name of Object.keys(BROKEN_CONFIGS)) {
      assert.ok(where.some((item) => item.startsWith(`config ${name} `)), `no problem for the ${name} configuration`);
    }
    assert.ok(where.filter((item) => item.startsWith('glossary our-terms.yaml')).length >= 8, where.join('\n'));
    assert.ok(where.filter((item) => item.startsWith('ismap list')).length >= 4, where.join('\n'));
    assert.ok(where.filter((item) => item.startsWith('import ')).length >= 8, where.join('\n'));
  });

  it('keeps Japanese to one sentence of at most 100 characters, with no English phrase outside quotes', () => {
    const problems = shown
      .filter(({ text }) => framing(text.ja).length > 100 || isSeveralSentencesJa(text.ja) || hasEnglishPhrase(text.ja))
      .map(({ where, text }) => `${where} (${framing(text.ja).length}): ${text.ja}`);
    assert.deepEqual(problems, []);
  });

  it('keeps English to one sentence of at most 160 characters, with no Japanese outside quotes', () => {
    const problems = shown
      .filter(({ text }) => framing(text.en).length > 160 || isSeveralSentencesEn(text.en) || hasJapanese(text.en))
      .map(({ where, text }) => `${where} (${framing(text.en).length}): ${text.en}`);
    assert.deepEqual(problems, []);
  });

  it('frames a problem for the user in one language', () => {
    const problem = { file: 'our-terms.yaml', line: 3, column: 1, message: { ja: 'YAML: インデントにタブは使えません', en: 'YAML: Tabs are not allowed as indentation' } };
    assert.deepEqual(problemNotice(problem), {
      ja: 'govsec: our-terms.yaml:3:1: YAML: インデントにタブは使えません（直前の正しい版を引き続き使います）',
      en: 'govsec: our-terms.yaml:3:1: YAML: Tabs are not allowed as indentation — the last good version stays in force.',
    });
  });

  it('says every argument error of the CLI in one language', () => {
    const problems: string[] = [];
    for (const args of BAD_ARGUMENTS) {
      const ja = cliError([...args, '--lang', 'ja']);
      const en = cliError([...args, '--lang', 'en']);
      // --lang fr is refused before any language is chosen: it is said in the environment's language.
      if (args[1] === 'fr') {
        continue;
      }
      assert.ok(ja.startsWith('govsec: ') && en.startsWith('govsec: '), `${args.join(' ')}: ${ja} / ${en}`);
      assert.notEqual(ja, en, args.join(' '));
      if (isSeveralSentencesJa(ja) || hasEnglishPhrase(ja) || !/[\u3040-\u30ff\u3400-\u9fff]/.test(ja)) {
        problems.push(`${args.join(' ')} (ja): ${ja}`);
      }
      if (isSeveralSentencesEn(en) || hasJapanese(en)) {
        problems.push(`${args.join(' ')} (en): ${en}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('writes the usage texts in one language each', () => {
    for (const usage of [CLI_USAGE, ISMAP_USAGE]) {
      // The synopsis lines (`  govsec check [files…] [--format …]`) are commands, the same in both languages.
      const prose = (text: string) => text.split('\n').filter((line) => !line.startsWith('  govsec '));
      const englishInJa = prose(usage.ja).filter((line) => hasEnglishPhrase(line));
      assert.deepEqual(englishInJa, []);
      const japaneseInEn = prose(usage.en).filter((line) => hasJapanese(line));
      assert.deepEqual(japaneseInEn, []);
    }
  });
});
