import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/analysis';
import { compileUserGlossary } from '../../server/src/config/config';
import { controlRowLocation, definitionAt } from '../../server/src/features/definition';
import { documentLinks } from '../../server/src/features/links';
import type { Language } from '../../server/src/language';
import type { Knowledge } from '../../server/src/knowledge';
import { bundledKnowledge, offsetOf, repoRoot, termsSchema } from '../helpers';

const ISMAP_PAGE = 'https://www.ismap.go.jp/csm?id=kb_article_view&sysparm_article=KB0010028&sys_kb_id=757ef62ac3755250076ededb05013195&spa=1';
const NIST_PAGE = 'https://csrc.nist.gov/pubs/sp/800/53/r5/upd1/final';
const ISO_2022_PAGE = 'https://www.iso.org/standard/27001';

function links(text: string, uri = 'file:///spec.md', knowledge: Knowledge = bundledKnowledge(), language: Language = 'ja') {
  const analysis = analyzeDocument({ uri, text }, knowledge);
  return documentLinks(analysis, knowledge, language).map((link) => ({ ...link, text: text.slice(link.start, link.end) }));
}

/** The expected link over the n-th occurrence of `needle`. */
function at(text: string, needle: string, target: string, tooltip?: string, occurrence = 0) {
  const start = offsetOf(text, needle, occurrence);
  return { start, end: start + needle.length, target, ...(tooltip === undefined ? {} : { tooltip }), text: needle };
}

describe('document links', () => {
  const markdown = [
    '# 参考資料',
    '',
    '出典: https://www.digital.go.jp/policies/gov_cloud を参照。',
    '自動リンク <https://www.ismap.go.jp/> と [NISC](https://www.nisc.go.jp/ "NISC") と（https://example.go.jp/a_(b)）.',
    'http://insecure.example.jp/ はリンクしない。`https://code.example.jp/` はコード。',
    'https://www.cyber.go.jp/を参照。(see https://paren.example.jp/x).',
    '',
    '```sh',
    'curl https://fenced.example.jp/',
    '```',
    '',
    '    wget https://indented.example.jp/',
    '',
    '[ref]: https://ref.example.jp/path',
    '',
    'ISMAP管理策 9.2.1 と NIST SP 800-53 の AC-2(1) と ISO/IEC 27001:2022 の A.5.15 を参照する。',
    '',
  ].join('\n');

  it('links https URLs outside code, with trailing punctuation, brackets and following Japanese text left out', () => {
    assert.deepEqual(
      links(markdown).filter((link) => link.text.startsWith('https://')),
      [
        at(markdown, 'https://www.digital.go.jp/policies/gov_cloud', 'https://www.digital.go.jp/policies/gov_cloud', '出典: ガバメントクラウド'),
        at(markdown, 'https://www.ismap.go.jp/', 'https://www.ismap.go.jp/', '出典: ISMAP ポータルサイト'),
        at(markdown, 'https://www.nisc.go.jp/', 'https://www.nisc.go.jp/'),
        at(markdown, 'https://example.go.jp/a_(b)', 'https://example.go.jp/a_(b)'),
        at(markdown, 'https://www.cyber.go.jp/', 'https://www.cyber.go.jp/'),
        at(markdown, 'https://paren.example.jp/x', 'https://paren.example.jp/x'),
        at(markdown, 'https://ref.example.jp/path', 'https://ref.example.jp/path'),
      ],
    );
  });

  it('links control IDs to the official page of their catalogue', () => {
    assert.deepEqual(
      links(markdown).filter((link) => !link.text.startsWith('https://')),
      [
        at(markdown, '9.2.1', ISMAP_PAGE, 'ISMAP管理基準 9.2.1: 公式ページ（www.ismap.go.jp）'),
        at(markdown, 'AC-2(1)', NIST_PAGE, 'NIST SP 800-53 Rev. 5 AC-2(1): 公式ページ（csrc.nist.gov）'),
        at(markdown, 'A.5.15', ISO_2022_PAGE, 'ISO/IEC 27001:2022 A.5.15: 公式ページ（www.iso.org）'),
      ],
    );
  });

  it('words the tooltips in English for an English-speaking user', () => {
    const english = links(markdown, 'file:///spec.md', bundledKnowledge(), 'en');
    assert.deepEqual(
      english.filter((link) => link.tooltip).map((link) => link.tooltip),
      [
        'source: ガバメントクラウド',
        'source: ISMAP ポータルサイト',
        'ISMAP Control Criteria (2022-04-01 edition) 9.2.1: official page (www.ismap.go.jp)',
        'NIST SP 800-53 Rev. 5 AC-2(1): official page (csrc.nist.gov)',
        'ISO/IEC 27001:2022 A.5.15: official page (www.iso.org)',
      ],
    );
  });

  it('does not link an ID its catalogue does not know, nor one written without a framework cue', () => {
    const text = 'NIST SP 800-53 の AC-99 を参照する。3.2 リージョンを参照する。';
    assert.deepEqual(links(text), []);
  });

  it('links URLs in YAML values and comments, and control IDs under YAML keys', () => {
    const yaml = [
      '# システムプロファイル https://comment.example.jp/',
      'controls:',
      '  nist:',
      '    - AC-2',
      '  ismap_controls: [9.2.1]',
      'sources:',
      "  - 'https://www.digital.go.jp/'",
      '  - http://plain.example.jp/',
      '',
    ].join('\n');
    assert.deepEqual(links(yaml, 'file:///profile.yaml'), [
      at(yaml, 'https://comment.example.jp/', 'https://comment.example.jp/'),
      at(yaml, 'AC-2', NIST_PAGE, 'NIST SP 800-53 Rev. 5 AC-2: 公式ページ（csrc.nist.gov）'),
      at(yaml, '9.2.1', ISMAP_PAGE, 'ISMAP管理基準 9.2.1: 公式ページ（www.ismap.go.jp）'),
      at(yaml, 'https://www.digital.go.jp/', 'https://www.digital.go.jp/', '出典: デジタル庁'),
    ]);
  });

  it('keeps a code block open to the end of the document and counts a URL in an unclosed code span as prose', () => {
    const text = '本文 https://a.example.jp/ と `未閉じ https://b.example.jp/\n\n```\nhttps://c.example.jp/\n';
    assert.deepEqual(links(text), [at(text, 'https://a.example.jp/', 'https://a.example.jp/'), at(text, 'https://b.example.jp/', 'https://b.example.jp/')]);
  });
});

/** 0-based line of the first line of `file` (relative to the repo) matching `pattern`. */
function lineIn(file: string, pattern: RegExp): number {
  const line = fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n').findIndex((content) => pattern.test(content));
  assert.ok(line >= 0, `${pattern} in ${file}`);
  return line;
}

describe('go to definition', () => {
  const text = [
    '# 調達仕様書',
    '',
    'ISMAPに登録されたクラウドサービスとしてAWSを利用する。',
    'ISMAP管理策 9.2.1 と NIST SP 800-53 の AC-2(1) と ISO/IEC 27001:2022 の A.5.15 に従う。',
    '',
  ].join('\n');

  function definition(needle: string, occurrence = 0, knowledge: Knowledge = bundledKnowledge(), source = text) {
    const analysis = analyzeDocument({ uri: 'file:///spec.md', text: source }, knowledge);
    return definitionAt(analysis, knowledge, offsetOf(source, needle, occurrence) + 1, repoRoot);
  }

  function expected(needle: string, file: string, line: number, character: number, occurrence = 0, source = text) {
    const start = offsetOf(source, needle, occurrence);
    return { file: path.join(repoRoot, file), line, character, originStart: start, originEnd: start + needle.length };
  }

  it('goes from a glossary term to its entry in the glossary file', () => {
    assert.deepEqual(definition('ISMAP'), expected('ISMAP', 'glossary/terms/ismap.yaml', lineIn('glossary/terms/ismap.yaml', /^ {2}- id: ismap$/), 4));
  });

  it('goes from a cloud service to its entry in the services file', () => {
    assert.deepEqual(
      definition('AWS'),
      expected('AWS', 'glossary/services/gov-cloud-providers.yaml', lineIn('glossary/services/gov-cloud-providers.yaml', /^ {2}- id: aws$/), 4),
    );
  });

  it('goes from an ISMAP, a NIST and an ISO/IEC 27001 control ID to its row in the catalogue CSV', () => {
    const ismap = 'glossary/controls/ismap-control-criteria.csv';
    const nist = 'glossary/controls/nist-sp800-53r5-controls.csv';
    const iso = 'glossary/controls/iso27001-2022-annex-a.csv';
    assert.deepEqual(definition('9.2.1'), expected('9.2.1', ismap, lineIn(ismap, /^9\.2\.1,/), 0));
    assert.deepEqual(definition('AC-2(1)'), expected('AC-2(1)', nist, lineIn(nist, /^AC-2\(1\),/), 0));
    assert.deepEqual(definition('A.5.15'), expected('A.5.15', iso, lineIn(iso, /^A\.5\.15,/), 0));
  });

  it('finds heading rows in the headings file (ISMAP categories, NIST families) from the compiled index, reading no CSV', () => {
    const catalogues = bundledKnowledge().catalogues!;
    assert.deepEqual(controlRowLocation(catalogues, repoRoot, 'ismap', '9.2'), {
      file: path.join(repoRoot, 'glossary/controls/ismap-headings.csv'),
      line: lineIn('glossary/controls/ismap-headings.csv', /^9\.2,/),
    });
    assert.deepEqual(controlRowLocation(catalogues, repoRoot, 'nist-sp800-53r5', 'AC'), {
      file: path.join(repoRoot, 'glossary/controls/nist-sp800-53r5-families.csv'),
      line: lineIn('glossary/controls/nist-sp800-53r5-families.csv', /^AC,/),
    });
    assert.equal(controlRowLocation(catalogues, repoRoot, 'nist-sp800-53r5', 'AC-99'), undefined);
    // The location comes from the build: a data root without the CSV files still gets the same line.
    assert.deepEqual(controlRowLocation(catalogues, path.join(repoRoot, 'no-such-folder'), 'nist-sp800-53r5', 'AC'), {
      file: path.join(repoRoot, 'no-such-folder/glossary/controls/nist-sp800-53r5-families.csv'),
      line: lineIn('glossary/controls/nist-sp800-53r5-families.csv', /^AC,/),
    });
  });

  it("goes to a term in a user's own glossary file (absolute path)", () => {
    const file = path.join(repoRoot, 'test', 'fixtures', 'config', 'project', 'glossary', 'our-terms.yaml');
    const bundled = bundledKnowledge();
    const result = compileUserGlossary([file], bundled.compiledGlossary, termsSchema());
    assert.deepEqual(result.problems, []);
    const knowledge = bundled.withGlossary(result.glossary!);
    const source = '申請ポータルはガバメントクラウド上に構築する。';
    const analysis = analyzeDocument({ uri: 'file:///spec.md', text: source }, knowledge);
    assert.deepEqual(definitionAt(analysis, knowledge, 2, repoRoot), { file, line: 3, character: 4, originStart: 0, originEnd: 6 });
    // The bundled term next to it still goes to the bundled file.
    assert.equal(definitionAt(analysis, knowledge, offsetOf(source, 'ガバメントクラウド'), repoRoot)?.file, path.join(repoRoot, 'glossary/terms/gov-cloud.yaml'));
  });

  it('gives nothing for plain text or an unknown control ID', () => {
    const source = '本文。NIST SP 800-53 の AC-99 に従う。';
    const knowledge = bundledKnowledge();
    const analysis = analyzeDocument({ uri: 'file:///spec.md', text: source }, knowledge);
    assert.equal(definitionAt(analysis, knowledge, 1, repoRoot), undefined);
    assert.equal(definitionAt(analysis, knowledge, offsetOf(source, 'AC-99') + 1, repoRoot), undefined);
  });
});
