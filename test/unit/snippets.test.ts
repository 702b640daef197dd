/**
 * The snippets in snippets/*.json: each is well-formed VS Code snippet syntax, and each expands into text that
 * govsec checks clean — the Markdown sections also when appended to the procurement-spec front matter (so the
 * procurement rules run), with every choice of every choice placeholder, and all sections together as one spec.
 *
 * The expander below implements the VS Code snippet grammar
 * (https://code.visualstudio.com/docs/editing/userdefinedsnippets#_grammar): tabstops ($1, ${1}),
 * placeholders (${1:default}, nested), choices (${1|a,b|}), variables ($NAME, ${NAME}, ${NAME:default}) and the
 * escapes \$ \} \\ (and \, \| inside a choice). A tabstop without its own default mirrors the first placeholder
 * or choice with the same number, as the editor does. Variables resolve to fixed values (the date is
 * 2026-11-26) so the tests do not depend on the clock; an unknown variable or a transform is an error.
 */

import Ajv from 'ajv';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { analyzeDocument } from '../../server/src/analysis';
import { bundledKnowledge, repoRoot } from '../helpers';

// ---------------------------------------------------------------------------------------------------------
// The expander

type SnippetNode =
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'tabstop'; readonly index: number; readonly children?: readonly SnippetNode[]; readonly choices?: readonly string[] }
  | { readonly kind: 'variable'; readonly name: string; readonly children?: readonly SnippetNode[] };

/** Values of the VS Code snippet variables the snippets may use (fixed, for reproducible tests). */
const VARIABLES: Readonly<Record<string, string>> = {
  CURRENT_YEAR: '2026',
  CURRENT_YEAR_SHORT: '26',
  CURRENT_MONTH: '11',
  CURRENT_MONTH_NAME: 'November',
  CURRENT_MONTH_NAME_SHORT: 'Nov',
  CURRENT_DATE: '26',
  CURRENT_DAY_NAME: 'Thursday',
  CURRENT_DAY_NAME_SHORT: 'Thu',
  TM_FILENAME: 'spec.md',
  TM_FILENAME_BASE: 'spec',
};

class SnippetSyntaxError extends Error {}

/** Parses a snippet body into nodes (throws SnippetSyntaxError with the offset on malformed input). */
export function parseSnippet(source: string): SnippetNode[] {
  let position = 0;
  const fail = (message: string): never => {
    throw new SnippetSyntaxError(`${message} at offset ${position}: ${JSON.stringify(source.slice(Math.max(0, position - 20), position + 20))}`);
  };
  const number = (): number | undefined => {
    const match = /^\d+/.exec(source.slice(position));
    if (!match) {
      return undefined;
    }
    position += match[0].length;
    return Number(match[0]);
  };
  const name = (): string | undefined => {
    const match = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(source.slice(position));
    if (!match) {
      return undefined;
    }
    position += match[0].length;
    return match[0];
  };
  /** Nodes up to (not including) an unescaped "}" when `nested`, else to the end. */
  const sequence = (nested: boolean): SnippetNode[] => {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) {
        nodes.push({ kind: 'text', value: text });
        text = '';
      }
    };
    while (position < source.length) {
      const char = source[position];
      if (char === '\\' && position + 1 < source.length && '$}\\'.includes(source[position + 1])) {
        text += source[position + 1];
        position += 2;
      } else if (char === '}' && nested) {
        flush();
        return nodes;
      } else if (char === '$') {
        const start = position;
        position++;
        const node = element();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          position = start + 1;
          text += '$';
        }
      } else {
        text += char;
        position++;
      }
    }
    if (nested) {
      fail('unclosed "${"');
    }
    flush();
    return nodes;
  };
  /** After "$": a tabstop, placeholder, choice or variable; undefined when "$" is plain text. */
  const element = (): SnippetNode | undefined => {
    const index = number();
    if (index !== undefined) {
      return { kind: 'tabstop', index };
    }
    const bare = name();
    if (bare !== undefined) {
      return { kind: 'variable', name: bare };
    }
    if (source[position] !== '{') {
      return undefined;
    }
    position++;
    const braced = number();
    if (braced !== undefined) {
      const next = source[position];
      if (next === '}') {
        position++;
        return { kind: 'tabstop', index: braced };
      }
      if (next === ':') {
        position++;
        const children = sequence(true);
        position++; // "}"
        return { kind: 'tabstop', index: braced, children };
      }
      if (next === '|') {
        position++;
        return { kind: 'tabstop', index: braced, choices: choices() };
      }
      return fail(next === '/' ? 'transforms are not supported' : 'malformed tabstop');
    }
    const variable = name();
    if (variable === undefined) {
      return fail('malformed "${"');
    }
    const next = source[position];
    if (next === '}') {
      position++;
      return { kind: 'variable', name: variable };
    }
    if (next === ':') {
      position++;
      const children = sequence(true);
      position++;
      return { kind: 'variable', name: variable, children };
    }
    return fail(next === '/' ? 'transforms are not supported' : 'malformed variable');
  };
  /** After "${N|": the options up to "|}". */
  const choices = (): string[] => {
    const options: string[] = [];
    let option = '';
    while (position < source.length) {
      const char = source[position];
      if (char === '\\' && position + 1 < source.length && ',|\\$}'.includes(source[position + 1])) {
        option += source[position + 1];
        position += 2;
      } else if (char === ',') {
        options.push(option);
        option = '';
        position++;
      } else if (char === '|' && source[position + 1] === '}') {
        options.push(option);
        position += 2;
        return options;
      } else {
        option += char;
        position++;
      }
    }
    return fail('unclosed choice');
  };
  return sequence(false);
}

/** The choice placeholders of a parsed snippet: index → options. */
function choicePlaceholders(nodes: readonly SnippetNode[], found = new Map<number, readonly string[]>()): Map<number, readonly string[]> {
  for (const node of nodes) {
    if (node.kind === 'tabstop' && node.choices && !found.has(node.index)) {
      found.set(node.index, node.choices);
    }
    if (node.kind !== 'text' && node.children) {
      choicePlaceholders(node.children, found);
    }
  }
  return found;
}

/**
 * The text the editor inserts when every placeholder keeps its default: a choice takes its first option,
 * or the option `choose` gives for its index.
 */
export function expandSnippet(body: string | readonly string[], choose: ReadonlyMap<number, number> = new Map()): string {
  const nodes = parseSnippet(typeof body === 'string' ? body : body.join('\n'));
  // The first placeholder or choice of each index defines the value every occurrence shows.
  const definitions = new Map<number, SnippetNode & { kind: 'tabstop' }>();
  const collect = (list: readonly SnippetNode[]) => {
    for (const node of list) {
      if (node.kind === 'tabstop' && (node.children || node.choices) && !definitions.has(node.index)) {
        definitions.set(node.index, node);
      }
      if (node.kind !== 'text' && node.children) {
        collect(node.children);
      }
    }
  };
  collect(nodes);
  const rendering = new Set<number>();
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'variable': {
            const value = VARIABLES[node.name];
            if (value === undefined) {
              throw new SnippetSyntaxError(`unknown snippet variable $${node.name}`);
            }
            return value;
          }
          case 'tabstop': {
            const definition = definitions.get(node.index);
            if (!definition) {
              return '';
            }
            if (definition.choices) {
              const chosen = choose.get(node.index) ?? 0;
              if (chosen >= definition.choices.length) {
                throw new RangeError(`choice ${chosen} of $${node.index} does not exist`);
              }
              return definition.choices[chosen];
            }
            if (rendering.has(node.index)) {
              throw new SnippetSyntaxError(`placeholder $${node.index} contains itself`);
            }
            rendering.add(node.index);
            const value = render(definition.children ?? []);
            rendering.delete(node.index);
            return value;
          }
        }
      })
      .join('');
  return render(nodes);
}

// ---------------------------------------------------------------------------------------------------------
// The snippet files

interface SnippetEntry {
  readonly prefix: string | readonly string[];
  readonly body: string | readonly string[];
  readonly description: string;
}

function readSnippets(file: string): [string, SnippetEntry][] {
  const data = JSON.parse(fs.readFileSync(path.join(repoRoot, 'snippets', file), 'utf8')) as Record<string, SnippetEntry>;
  return Object.entries(data);
}

const markdown = readSnippets('markdown.json');
const yaml = readSnippets('yaml.json');

/** The front-matter snippet (the one that turns on the procurement profile) and the section snippets. */
const frontMatter = markdown.find(([, entry]) => [entry.prefix].flat().includes('govsec-spec'));
const sections = markdown.filter(([, entry]) => entry !== frontMatter?.[1]);

/** Every way to expand a snippet: all defaults, then each other option of each choice, one at a time. */
function variants(entry: SnippetEntry): { label: string; choose: Map<number, number> }[] {
  const result = [{ label: 'defaults', choose: new Map<number, number>() }];
  const nodes = parseSnippet([entry.body].flat().join('\n'));
  for (const [index, options] of choicePlaceholders(nodes)) {
    for (let option = 1; option < options.length; option++) {
      result.push({ label: `$${index} = ${options[option]}`, choose: new Map([[index, option]]) });
    }
  }
  return result;
}

function findingsIn(text: string, uri: string) {
  const analysis = analyzeDocument({ uri, text }, bundledKnowledge());
  return {
    analysis,
    findings: analysis.findings.map((finding) => `${finding.ruleId} 「${text.slice(finding.start, finding.end)}」: ${finding.message}`),
  };
}

const FRONT_MATTER_TEXT = frontMatter ? expandSnippet(frontMatter[1].body) : '';

describe('snippets', () => {
  describe('the expander', () => {
    it('expands placeholders, mirrors, nested placeholders, choices, variables and escapes', () => {
      assert.equal(expandSnippet('a ${1:x} b $1 c ${2|p,q|} d $2 $0'), 'a x b x c p d p ');
      assert.equal(expandSnippet(['${1:外} ${2:内${1:外}側}', '$2']), '外 内外側\n内外側');
      assert.equal(expandSnippet('${1|p,q,r|}-$1', new Map([[1, 2]])), 'r-r');
      assert.equal(expandSnippet('${1:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE} ${CURRENT_YEAR}'), '2026-11-26 2026');
      assert.equal(expandSnippet('\\$1 \\} \\\\ ${1|a\\,b,c|} $ 5$'), '$1 } \\ a,b $ 5$');
      assert.equal(expandSnippet('${1} $1'), ' ');
    });

    it('rejects malformed snippets, transforms and unknown variables', () => {
      assert.throws(() => expandSnippet('${1:open'), /unclosed "\$\{"/);
      assert.throws(() => expandSnippet('${1|a,b'), /unclosed choice/);
      assert.throws(() => expandSnippet('${1/(.*)/$1/}'), /transforms are not supported/);
      assert.throws(() => expandSnippet('$TM_SELECTED_TEXTX'), /unknown snippet variable/);
      assert.throws(() => expandSnippet('${1|a|}', new Map([[1, 3]])), /choice 3 of \$1 does not exist/);
    });
  });

  for (const [file, entries] of [['markdown.json', markdown], ['yaml.json', yaml]] as const) {
    describe(`snippets/${file} is well-formed`, () => {
      it('has entries with a govsec- prefix, a description and a body that parses', () => {
        assert.ok(entries.length > 0);
        const prefixes = new Set<string>();
        for (const [name, entry] of entries) {
          const list = [entry.prefix].flat();
          assert.ok(list.length > 0 && list[0].startsWith('govsec-'), `${name}: the first prefix starts with govsec-`);
          for (const prefix of list) {
            assert.ok(!prefixes.has(prefix), `${name}: prefix ${prefix} is unique`);
            prefixes.add(prefix);
          }
          assert.ok(name.startsWith('govsec: '), `${name}: named "govsec: …"`);
          assert.equal(typeof entry.description, 'string');
          assert.ok(entry.description.length > 10, `${name}: has a description`);
          assert.ok(Array.isArray(entry.body) && entry.body.every((line) => typeof line === 'string'), `${name}: body is an array of lines`);
          const body = [entry.body].flat().join('\n');
          assert.doesNotThrow(() => expandSnippet(body), `${name}: expands`);
          assert.ok(!body.includes('\t'), `${name}: indents with spaces`);
          assert.ok(/\$0\s*$/.test(body), `${name}: ends at $0`);
          // A tabstop number is defined once: further occurrences mirror it without a default of their own
          // (or repeat the same default, which VS Code ignores).
          const definitions = new Map<number, string>();
          for (const match of body.matchAll(/\$\{(\d+)([:|])/g)) {
            const index = Number(match[1]);
            const start = match.index + match[0].length;
            const rest = body.slice(start);
            const text = match[2] === '|' ? rest.slice(0, rest.indexOf('|}')) : rest.slice(0, rest.indexOf('}'));
            const previous = definitions.get(index);
            assert.ok(previous === undefined || text.startsWith(previous) || previous.startsWith(text), `${name}: $${index} has one default`);
            definitions.set(index, previous ?? text);
          }
        }
      });
    });
  }

  describe('Markdown snippets are checked clean by the engine', () => {
    it('the front matter turns on the procurement profile with the sector and date it gives', () => {
      assert.ok(frontMatter, 'a snippet with the prefix govsec-spec');
      for (const variant of variants(frontMatter[1])) {
        const text = expandSnippet(frontMatter[1].body, variant.choose);
        const { analysis, findings } = findingsIn(text, 'file:///spec.md');
        assert.deepEqual(findings, [], variant.label);
        assert.equal(analysis.context.profile, 'procurement');
        assert.equal(analysis.context.profileSource, 'front-matter');
        assert.equal(analysis.context.date, '2026-11-26');
        assert.equal(analysis.context.sector, variant.label === 'defaults' ? 'national' : 'local', variant.label);
      }
      assert.equal(
        FRONT_MATTER_TEXT,
        [
          '---',
          'title: 〇〇省 〇〇システム 調達仕様書',
          'doctype: gov-procurement-spec',
          'issuer: 〇〇省',
          'sector: national',
          'date: 2026-11-26',
          '---',
          '',
          '# 〇〇省 〇〇システム 調達仕様書',
          '',
          '## 1. 調達の概要',
          '',
          '本調達では、〇〇省 〇〇システムの設計・構築及び運用保守を行う。',
          '',
          '',
        ].join('\n'),
      );
    });

    for (const [name, entry] of sections) {
      it(`${name}: alone and after the front matter, with every choice`, () => {
        for (const variant of variants(entry)) {
          const section = expandSnippet(entry.body, variant.choose);
          assert.deepEqual(findingsIn(section, 'file:///section.md').findings, [], `${variant.label} (alone)`);
          const spec = findingsIn(FRONT_MATTER_TEXT + section, 'file:///spec.md');
          assert.equal(spec.analysis.context.profile, 'procurement');
          assert.deepEqual(spec.findings, [], `${variant.label} (in a procurement spec)`);
        }
      });
    }

    it('all sections together make a spec with no findings, whose context the rules read', () => {
      const text = FRONT_MATTER_TEXT + sections.map(([, entry]) => expandSnippet(entry.body)).join('');
      const { analysis, findings } = findingsIn(text, 'file:///spec.md');
      assert.deepEqual(findings, []);
      assert.equal(analysis.context.profile, 'procurement');
      assert.equal(analysis.context.sector, 'national');
      assert.equal(analysis.context.platform.govCloud, true);
      assert.deepEqual([...analysis.context.grades.confidentiality].sort(), [1, 2]);
      assert.deepEqual([...analysis.context.grades.integrity], [2]);
      assert.deepEqual([...analysis.context.grades.availability].sort(), [1, 2]);
      // The control IDs the sections cite are recognised and known to the catalogues.
      const controls = analysis.controls.map((control) => `${control.framework} ${control.id} ${control.control ? 'known' : 'unknown'}`);
      assert.deepEqual(controls, [
        'common-standards-r7 1.2 known',
        'common-standards-r7 4.2.1(2)(c) known',
        'common-standards-r7 4.2.1(2)(b) known',
        'common-standards-r7 6.6.2(1) known',
        'common-standards-r7 2.2.4 known',
        'ismap 16.1.2 known',
        'iso27001-2022 A.5.28 known',
      ]);
    });

    it('the leak-report section states the 行政機関等 threshold and no unconfirmed deadline', () => {
      const entry = sections.find(([, candidate]) => [candidate.prefix].flat().includes('govsec-privacy'));
      assert.ok(entry);
      const text = expandSnippet(entry[1].body);
      assert.match(text, /保有個人情報に係る本人の数が100人を超える漏えい等（同条第4号）/);
      assert.match(text, /個人情報保護法施行規則第43条第1号/);
      assert.match(text, /個人情報保護法第68条第1項/);
      assert.match(text, /https:\/\/www\.ppc\.go\.jp\/personalinfo\/legal\/leakAction\//);
      // No number of days, hours or months for 速報/確報, and not the private-sector figures.
      assert.doesNotMatch(text, /(?:速報|確報)[^。\n]*[0-9０-９]+\s*(?:日|時間|か月|営業日)/);
      assert.doesNotMatch(text, /1,?000人|千人|3〜5日|30日|60日/);
    });
  });

  describe('YAML snippets are checked clean by the engine', () => {
    for (const [name, entry] of yaml) {
      it(`${name}, with every choice`, () => {
        for (const variant of variants(entry)) {
          const text = expandSnippet(entry.body, variant.choose);
          const { analysis, findings } = findingsIn(text, 'file:///profile.yaml');
          assert.deepEqual(findings, [], variant.label);
          assert.equal(analysis.context.profile, 'procurement', variant.label);
        }
      });
    }

    it('the YAML snippets and the front matter have the shape of glossary/schema/system-profile.schema.json', () => {
      const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'glossary', 'schema', 'system-profile.schema.json'), 'utf8'));
      const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
      const documents = [
        ...yaml.flatMap(([name, entry]) => variants(entry).map((variant) => [`${name} (${variant.label})`, expandSnippet(entry.body, variant.choose)])),
        ['front matter', FRONT_MATTER_TEXT.split('---\n')[1]],
      ];
      for (const [name, text] of documents) {
        assert.ok(validate(parseYaml(text)), `${name}: ${JSON.stringify(validate.errors)}`);
      }
    });

    it('the system profile gives the context the rules read', () => {
      const entry = yaml.find(([, candidate]) => [candidate.prefix].flat().includes('govsec-profile'));
      assert.ok(entry);
      const text = expandSnippet(entry[1].body);
      const { analysis } = findingsIn(text, 'file:///profile.yaml');
      assert.equal(analysis.context.profileSource, 'yaml');
      assert.equal(analysis.context.sector, 'national');
      assert.equal(analysis.context.date, '2026-11-26');
      assert.equal(analysis.context.platform.govCloud, true);
      assert.deepEqual([...analysis.context.grades.confidentiality], [2]);
      const controls = analysis.controls.map((control) => `${control.framework} ${control.id} ${control.cue} ${control.control ? 'known' : 'unknown'}`);
      assert.deepEqual(controls, ['ismap 9.2.1 yaml-key known', 'iso27001-2022 A.5.15 yaml-key known', 'nist-sp800-53r5 AC-2 yaml-key known']);
    });
  });
});
