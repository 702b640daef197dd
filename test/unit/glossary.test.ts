import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { compileGlossary, createTermsValidator, formatProblem } from '../../server/src/glossary/compile';
import { normalizeKey } from '../../server/src/text/normalize';
import { readGlossaryFiles, repoRoot, termsSchema } from '../helpers';

const validate = createTermsValidator(termsSchema());

function entry(id: string, extra = '') {
  return `  - id: ${id}
    term: 用語${id}
    reading: ようご
    english: Term ${id}
    category: concept
    definition: { ja: 定義。, en: Definition. }
    sources: [{ title: 出典, url: "https://www.digital.go.jp/" }]
    asOf: 2026-11-26
    status: { state: current }
${extra}`;
}

function problemsOf(...texts: string[]) {
  return compileGlossary(texts.map((text, index) => ({ path: `g${index}.yaml`, text })), validate).problems.map(formatProblem);
}

describe('glossary compiler', () => {
  it('compiles valid entries', () => {
    const result = compileGlossary([{ path: 'a.yaml', text: `kind: terms\nterms:\n${entry('a')}` }], validate);
    assert.deepEqual(result.problems, []);
    assert.equal(result.glossary!.terms[0].location.line, 3);
    assert.deepEqual(result.glossary!.spellings, [{ key: '用語a', text: '用語a', termId: 'a', canonical: true }]);
  });

  it('reports YAML syntax errors with file and line', () => {
    assert.deepEqual(problemsOf('kind: terms\nterms:\n  - id: [a\n'), ['g0.yaml:4:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]']);
  });

  it('reports schema violations at the offending line', () => {
    const text = `kind: terms\nterms:\n${entry('a')}    colour: red\n`.replace('url: "https://www.digital.go.jp/"', 'url: "http://insecure.example/"');
    assert.deepEqual(problemsOf(text), [
      'g0.yaml:3:5: /terms/0: unknown property "colour"',
      'g0.yaml:9:33: /terms/0/sources/0/url: must match pattern "^https://[^\\s]+$"',
    ]);
  });

  it('reports a missing required field at its entry', () => {
    const text = `kind: terms\nterms:\n${entry('a').replace('    asOf: 2026-11-26\n', '')}`;
    assert.deepEqual(problemsOf(text), ['g0.yaml:3:5: /terms/0: missing property "asOf"']);
  });

  it('reports duplicate ids, duplicate spellings across files, and unresolved references', () => {
    const first = `kind: terms\nterms:\n${entry('a', '    aliases: [{ text: ＡＢＣ, canonical: false }]\n    related: [nope]\n')}`;
    const second = `kind: terms\nterms:\n${entry('a')}${entry('b', '    aliases: [{ text: ABC, canonical: true }]\n')}`.replace(
      '    status: { state: current }\n  - id: b',
      '    status: { state: current }\n  - id: b',
    );
    const third = `kind: terms\nterms:\n${entry('c').replace('status: { state: current }', 'status: { state: superseded, successor: gone, date: "2023" }')}`;
    assert.deepEqual(problemsOf(first, second, third), [
      'g1.yaml:3:9: duplicate id "a" (first defined in g0.yaml:3)',
      'g0.yaml:13:15: related id "nope" does not exist',
      'g1.yaml:4:11: spelling "用語a" is already a spelling of "a" (g0.yaml:3)',
      'g1.yaml:21:23: spelling "ABC" is already a spelling of "a" (g0.yaml:3)',
      'g2.yaml:11:45: successor id "gone" does not exist',
    ]);
  });
});

describe('bundled glossary (glossary/terms)', () => {
  const files = readGlossaryFiles(path.join(repoRoot, 'glossary', 'terms'));
  const result = compileGlossary(files, validate);

  it('validates against the schema and cross-checks cleanly', () => {
    assert.deepEqual(result.problems.map(formatProblem), []);
  });

  it('has at least the 25 core terms of the foundation, each with https sources and an as-of date', () => {
    const terms = result.glossary!.terms;
    assert.ok(terms.length >= 25, `${terms.length} terms`);
    for (const term of terms) {
      assert.ok(term.sources.length > 0 && term.sources.every((source) => source.url.startsWith('https://')), term.id);
      assert.match(term.asOf, /^\d{4}-\d{2}-\d{2}$/, term.id);
    }
  });

  it('knows the core terms, their variants and the superseded names', () => {
    const glossary = result.glossary!;
    const spelling = (text: string) => glossary.spellings.find((s) => s.key === normalizeKey(text));
    const core = ['ガバメントクラウド', 'ISMAP', 'ISMAP-LIU', 'ISMAPクラウドサービスリスト', 'ISMAP管理基準', 'GSS', '政府共通ネットワーク', 'LGWAN', 'NISC', '国家サイバー統括室', '統一基準', '機密性1情報', '機密性2情報', '機密性3情報', '個人情報保護委員会', '漏えい等報告', 'デジタル庁', 'クラウド・バイ・デフォルト原則', 'ISO/IEC 27001', '霞が関WAN'];
    for (const text of core) {
      assert.ok(spelling(text), `no spelling for ${text}`);
    }
    assert.deepEqual([spelling('ガバクラ')?.termId, spelling('ガバクラ')?.canonical], ['gov-cloud', false]);
    assert.deepEqual([spelling('ISMAP LIU')?.termId, spelling('ISMAP LIU')?.canonical], ['ismap-liu', false]);
    const byId = new Map(glossary.terms.map((t) => [t.id, t]));
    const statusOf = (id: string) => byId.get(id)!.status;
    assert.deepEqual(
      ['gov-common-network', 'kasumigaseki-wan', 'nisc'].map((id) => {
        const status = statusOf(id);
        return status.state === 'superseded' ? [status.successor, status.severity ?? 'warning'] : status.state;
      }),
      [['gss', 'warning'], ['gss', 'warning'], ['nco', 'information']],
    );
    const nisc = statusOf('nisc');
    assert.equal(nisc.state === 'superseded' && nisc.date, '2025-07-01');
  });
});
