import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import {
  compileUserGlossary,
  ConfigCache,
  configFromObject,
  emptyConfig,
  findConfigFile,
  loadConfigFile,
  loadConfigText,
  matchesProfile,
  severityFor,
  type GovsecConfig,
} from '../../server/src/config/config';
import { compileGlossary, createTermsValidator, formatProblem } from '../../server/src/glossary/compile';
import type { CompiledGlossary } from '../../server/src/glossary/types';
import { COMPILED_FILES, Knowledge } from '../../server/src/knowledge';
import { readGlossaryFiles, repoRoot, termsSchema } from '../helpers';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'config');
const project = path.join(fixtures, 'project');
const invalid = (name: string) => path.join(fixtures, 'invalid', name);
const knownRules = ['term/variant', 'term/deprecated'];

function formatted(result: { problems: readonly Parameters<typeof formatProblem>[0][] }): string[] {
  return result.problems.map((problem) => formatProblem(problem, 'en'));
}

let temporary: string[] = [];

/** A fresh temporary folder holding `files` (relative path → text); removed after each test. */
function tree(files: Record<string, string>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-config-')));
  temporary.push(root);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  return root;
}

afterEach(() => {
  for (const directory of temporary) {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  temporary = [];
});

describe('configuration: schema', () => {
  it('compiles under strict ajv and accepts the documented example', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'glossary', 'schema', 'config.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.equal(validate({ rules: { 'term/variant': 'off', 'ismap/*': 'error' }, profiles: { procurement: ['specs/**/*.md'] }, glossary: ['glossary/our-terms.yaml'] }), true);
    assert.equal(validate({}), true);
    assert.equal(validate({ rules: { '*': 'off' } }), false);
  });
});

describe('configuration: loading a file', () => {
  it('loads a complete file, resolving paths against its folder', () => {
    const file = path.join(project, '.govsec.yaml');
    const result = loadConfigFile(file, { knownRules: [...knownRules, 'ismap/unregistered-service'] });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.config, {
      file,
      directory: project,
      rules: { 'term/variant': 'off', 'ismap/*': 'error', 'ismap/unregistered-service': 'warning' },
      profiles: { procurement: ['specs/**/*.md', './rfp-*.md'] },
      glossary: [path.join(project, 'glossary', 'our-terms.yaml')],
    });
  });

  it('takes an empty file or one of comments only as an empty configuration', () => {
    for (const text of ['', '# nothing set yet\n']) {
      const result = loadConfigText(text, path.join(project, '.govsec.yaml'));
      assert.deepEqual(result.problems, []);
      assert.deepEqual(result.config, { ...emptyConfig(project), file: path.join(project, '.govsec.yaml') });
    }
  });

  it('reports a YAML error at its file, line and column, with no configuration', () => {
    const file = invalid('yaml-error.yaml');
    const result = loadConfigFile(file);
    assert.equal(result.config, undefined);
    assert.deepEqual(formatted(result), [`${file}:4:3: YAML: Implicit map keys need to be followed by map values`]);
  });

  it('reports schema errors at their file, line and column (an unknown key at the key itself)', () => {
    const file = invalid('schema-error.yaml');
    const result = loadConfigFile(file);
    assert.equal(result.config, undefined);
    assert.deepEqual(formatted(result), [
      `${file}:4:17: /rules/term~1variant: must be one of "error", "warning", "information", "hint", "off"`,
      `${file}:5:3: /rules: unknown property "Term/Deprecated"`,
      `${file}:6:1: (top level): unknown property "profile"`,
      `${file}:9:5: /glossary/0: must match pattern "\\.ya?ml$"`,
    ]);
  });

  it('reports unknown rule ids and categories at their key when the known ids are given, and keeps the file usable', () => {
    const file = invalid('unknown-rule.yaml');
    const result = loadConfigFile(file, { knownRules });
    assert.deepEqual(formatted(result), [
      `${file}:3:3: unknown rule "term/varient"; rules in "term/": term/deprecated, term/variant`,
      `${file}:4:3: unknown rule category "ismap/*" (no rule id starts with "ismap/")`,
      `${file}:7:7: glob "/abs/specs/*.md" must be relative to the folder of the configuration file`,
    ]);
    assert.deepEqual(result.config?.rules, { 'term/variant': 'hint', 'term/varient': 'off', 'ismap/*': 'error' });
    assert.deepEqual(result.config?.profiles.procurement, [], 'the absolute glob is dropped');

    const withoutKnown = loadConfigFile(file);
    assert.deepEqual(formatted(withoutKnown), [`${file}:7:7: glob "/abs/specs/*.md" must be relative to the folder of the configuration file`]);
  });

  it('reports a file that cannot be read at 1:1', () => {
    const file = path.join(fixtures, 'no-such-config.yaml');
    assert.deepEqual(formatted(loadConfigFile(file)), [`${file}:1:1: cannot read the configuration file (ENOENT)`]);
  });

  it('builds and checks a layer from plain data (editor settings)', () => {
    const good = configFromObject({ rules: { 'term/*': 'warning' }, profiles: { procurement: ['docs/*.md'] } }, '/workspace');
    assert.deepEqual(good.problems, []);
    assert.deepEqual(good.config, {
      directory: path.resolve('/workspace'),
      rules: { 'term/*': 'warning' },
      profiles: { procurement: ['docs/*.md'] },
      glossary: [],
    });
    assert.deepEqual(configFromObject({ rules: { 'term/variant': 'warn' }, colour: 1 }, '/workspace').problems, [
      '(top level): unknown property "colour"',
      '/rules/term~1variant: must be one of "error", "warning", "information", "hint", "off"',
    ]);
  });
});

describe('configuration: the nearest file', () => {
  it('finds the nearest .govsec.yaml or .govsec.yml above a document, stopping at the root', () => {
    const root = tree({
      'workspace/.govsec.yaml': 'rules: {}\n',
      'workspace/a/.govsec.yml': 'rules: {}\n',
      'workspace/a/b/c/spec.md': '# spec\n',
      'workspace/x/y/spec.md': '# spec\n',
      'both/.govsec.yaml': '',
      'both/.govsec.yml': '',
      'outer/.govsec.yaml': '',
      'outer/inner/docs/spec.md': '',
    });
    const workspace = path.join(root, 'workspace');
    assert.equal(findConfigFile(path.join(workspace, 'a', 'b', 'c')), path.join(workspace, 'a', '.govsec.yml'));
    assert.equal(findConfigFile(path.join(workspace, 'a')), path.join(workspace, 'a', '.govsec.yml'));
    assert.equal(findConfigFile(path.join(workspace, 'x', 'y'), workspace), path.join(workspace, '.govsec.yaml'));
    assert.equal(findConfigFile(path.join(root, 'both')), path.join(root, 'both', '.govsec.yaml'), '.yaml wins over .yml');
    // The search stops at the root it is given: outer/.govsec.yaml lies above outer/inner.
    assert.equal(findConfigFile(path.join(root, 'outer', 'inner', 'docs'), path.join(root, 'outer', 'inner')), undefined);
    assert.equal(findConfigFile(path.join(root, 'outer', 'inner', 'docs')), path.join(root, 'outer', '.govsec.yaml'));
  });
});

describe('configuration: profile globs', () => {
  const config: GovsecConfig = loadConfigFile(path.join(project, '.govsec.yaml')).config!;
  const at = (...segments: string[]) => path.join(project, ...segments);

  it('matches documents by globs relative to the configuration file', () => {
    assert.equal(matchesProfile(config, at('specs', 'a.md')), true);
    assert.equal(matchesProfile(config, at('specs', '2026', 'q1', '調達仕様書.md')), true);
    assert.equal(matchesProfile(config, at('rfp-001.md')), true, 'a leading ./ is accepted');
    assert.equal(matchesProfile(config, 'specs/b.md'), true, 'a relative path is taken relative to the configuration folder');
  });

  it('does not match other files, other folders, or documents outside the configuration folder', () => {
    assert.equal(matchesProfile(config, at('specs', 'a.yaml')), false);
    assert.equal(matchesProfile(config, at('other', 'specs', 'a.md')), false);
    assert.equal(matchesProfile(config, at('notes', 'rfp-001.md')), false);
    assert.equal(matchesProfile(config, path.join(project, '..', 'specs', 'a.md')), false);
    assert.equal(matchesProfile(emptyConfig(project), at('specs', 'a.md')), false);
  });
});

describe('configuration: severity precedence', () => {
  const layer = (rules: GovsecConfig['rules']): GovsecConfig => ({ ...emptyConfig('/'), rules });

  it('keeps the default severity when no layer names the rule or its category', () => {
    assert.equal(severityFor('term/variant', 'information', []), 'information');
    assert.equal(severityFor('term/variant', 'information', [layer({ 'ismap/*': 'off' }), undefined]), 'information');
  });

  it('prefers the exact rule id to the category wildcard within one layer, whatever the key order', () => {
    const rules = layer({ 'ismap/*': 'error', 'ismap/unregistered-service': 'hint' });
    assert.equal(severityFor('ismap/unregistered-service', 'warning', [rules]), 'hint');
    assert.equal(severityFor('ismap/expired', 'warning', [rules]), 'error');
    const reversed = layer({ 'ismap/unregistered-service': 'hint', 'ismap/*': 'error' });
    assert.equal(severityFor('ismap/unregistered-service', 'warning', [reversed]), 'hint');
  });

  it('lets a later layer override an earlier one, even by wildcard', () => {
    const settings = layer({ 'term/variant': 'error', 'term/deprecated': 'hint' });
    const file = layer({ 'term/*': 'warning' });
    assert.equal(severityFor('term/variant', 'information', [settings, file]), 'warning');
    assert.equal(severityFor('term/variant', 'information', [file, settings]), 'error');
    assert.equal(severityFor('term/deprecated', 'warning', [settings]), 'hint');
  });

  it('turns rules off, and back on in a later layer', () => {
    assert.equal(severityFor('term/variant', 'information', [layer({ 'term/variant': 'off' })]), 'off');
    assert.equal(severityFor('term/deprecated', 'warning', [layer({ 'term/*': 'off' })]), 'off');
    assert.equal(severityFor('term/variant', 'information', [layer({ 'term/*': 'off' }), layer({ 'term/variant': 'error' })]), 'error');
  });
});

describe('configuration: the cache', () => {
  const good = 'rules:\n  term/variant: off\n';
  const better = 'rules:\n  term/variant: error\n  term/deprecated: hint\n';
  const broken = 'rules:\n  term/variant: off\n  term/deprecated: [hint\n';

  it('reads each file once, keeps the last good configuration while the file is broken, and recovers', () => {
    const root = tree({ '.govsec.yaml': good, 'docs/spec.md': '' });
    const file = path.join(root, '.govsec.yaml');
    const spec = path.join(root, 'docs', 'spec.md');
    const cache = new ConfigCache({ rootDirectory: root, knownRules });

    const first = cache.configFor(spec);
    assert.equal(first.file, file);
    assert.deepEqual(first.problems, []);
    assert.equal(first.usingLastGood, undefined);
    assert.deepEqual(first.config.rules, { 'term/variant': 'off' });
    assert.equal(cache.configFor(spec).config, first.config, 'an unchanged file is not read again');

    fs.writeFileSync(file, broken);
    const whileBroken = cache.configFor(spec);
    assert.equal(whileBroken.usingLastGood, true);
    assert.equal(whileBroken.config, first.config, 'the last good configuration stays in force');
    assert.deepEqual(whileBroken.problems.map((problem) => formatProblem(problem, 'en')), [
      `${file}:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]`,
    ]);

    fs.writeFileSync(file, better);
    const fixed = cache.configFor(spec);
    assert.deepEqual(fixed.problems, []);
    assert.equal(fixed.usingLastGood, undefined);
    assert.deepEqual(fixed.config.rules, { 'term/variant': 'error', 'term/deprecated': 'hint' });
  });

  it('re-reads a file after invalidate even when its time and size did not change', () => {
    const root = tree({ '.govsec.yaml': 'rules: { term/variant: off  }\n' });
    const file = path.join(root, '.govsec.yaml');
    const stamp = new Date('2026-01-01T00:00:00Z');
    fs.utimesSync(file, stamp, stamp);
    const cache = new ConfigCache();
    assert.equal(cache.configFor(path.join(root, 'a.md')).config.rules['term/variant'], 'off');
    fs.writeFileSync(file, 'rules: { term/variant: hint }\n'); // the same size, and the same time below
    fs.utimesSync(file, stamp, stamp);
    assert.equal(cache.configFor(path.join(root, 'a.md')).config.rules['term/variant'], 'off', 'unchanged stamp: cached');
    cache.invalidate(file);
    assert.equal(cache.configFor(path.join(root, 'a.md')).config.rules['term/variant'], 'hint');
  });

  it('gives an empty configuration with the problems for a file that was never good, and none without a file', () => {
    const root = tree({ 'broken/.govsec.yaml': broken, 'none/spec.md': '' });
    const cache = new ConfigCache({ rootDirectory: root });
    const lookup = cache.configFor(path.join(root, 'broken', 'spec.md'));
    assert.deepEqual(lookup.config, emptyConfig(path.join(root, 'broken')));
    assert.equal(lookup.usingLastGood, undefined);
    assert.equal(lookup.problems.length, 1);
    const none = cache.configFor(path.join(root, 'none', 'spec.md'));
    assert.equal(none.file, undefined);
    assert.deepEqual(none.problems, []);
    assert.deepEqual(none.config.rules, {});
  });
});

describe('configuration: user glossary files', () => {
  const base = compileGlossary(readGlossaryFiles(path.join(repoRoot, 'test', 'fixtures', 'glossary')), createTermsValidator(termsSchema())).glossary!;
  const baseFile = 'test/fixtures/glossary/terms.yaml';

  it('adds a user term, which may relate to bundled terms, and keeps the bundled entries as they are', () => {
    const file = path.join(project, 'glossary', 'our-terms.yaml');
    const result = compileUserGlossary([file], base, termsSchema());
    assert.deepEqual(result.problems, []);
    const glossary = result.glossary!;
    assert.equal(glossary.terms.length, base.terms.length + 1);
    base.terms.forEach((entry, index) => assert.equal(glossary.terms[index], entry));
    const added = glossary.terms.at(-1)!;
    assert.equal(added.id, 'our-portal');
    assert.deepEqual(added.related, ['gov-cloud', 'ismap']);
    assert.deepEqual(added.location, { file, line: 4 });
    assert.deepEqual(
      glossary.spellings.filter((spelling) => spelling.termId === 'our-portal').map((spelling) => [spelling.text, spelling.canonical]),
      [['申請ポータル', true], ['申請ポータルサイト', true], ['申請ﾎﾟｰﾀﾙｼｽﾃﾑ', false]],
    );
    const knowledge = Knowledge.fromParts({ glossary });
    assert.equal(knowledge.glossary.term('our-portal')?.term, '申請ポータル');
    assert.equal(knowledge.glossary.term('ismap')?.term, 'ISMAP');
  });

  it('reports a clash with a bundled spelling or id, and an unknown related id, at the user file and line', () => {
    const file = invalid('clashing-terms.yaml');
    const missing = path.join(fixtures, 'no-such-terms.yaml');
    const result = compileUserGlossary([missing, file], base, termsSchema());
    assert.equal(result.glossary, undefined);
    assert.deepEqual(formatted(result), [
      `${missing}:1:1: cannot read the glossary file (ENOENT)`,
      `${file}:9:17: spelling "ＩＳＭＡＰ" is already a spelling of "ismap" (${baseFile}:4)`,
      `${file}:13:22: related id "no-such-term" does not exist`,
      `${file}:18:9: duplicate id "gss" (first defined in ${baseFile}:51)`,
    ]);
  });

  it('reports a schema error in a user file at its line', () => {
    const root = tree({ 'terms.yaml': 'kind: terms\nterms:\n  - id: Bad_Id\n' });
    const file = path.join(root, 'terms.yaml');
    const problems = formatted(compileUserGlossary([file], base, termsSchema()));
    assert.ok(problems.length > 0);
    assert.ok(problems.every((problem) => problem.startsWith(`${file}:3:`)), problems.join('\n'));
  });

  it('returns the bundled glossary itself when there are no user files', () => {
    assert.equal(compileUserGlossary([], base, termsSchema()).glossary, base);
  });

  it('works on top of the real compiled glossary (dist/)', () => {
    const index = path.join(repoRoot, 'dist', COMPILED_FILES.glossary);
    assert.ok(fs.existsSync(index), `${index} is missing: npm test builds it first (npm run build)`);
    const real = JSON.parse(fs.readFileSync(index, 'utf8')) as CompiledGlossary;
    const result = compileUserGlossary([path.join(project, 'glossary', 'our-terms.yaml')], real, termsSchema());
    assert.deepEqual(result.problems, []);
    assert.equal(result.glossary!.terms.length, real.terms.length + 1);
    const clash = compileUserGlossary([invalid('clashing-terms.yaml')], real, termsSchema());
    const ismap = real.terms.find((entry) => entry.id === 'ismap')!.location;
    assert.ok(
      formatted(clash).includes(`${invalid('clashing-terms.yaml')}:9:17: spelling "ＩＳＭＡＰ" is already a spelling of "ismap" (${ismap.file}:${ismap.line})`),
      formatted(clash).join('\n'),
    );
  });
});
