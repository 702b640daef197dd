import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeDocument, checkedLength, DEFAULT_MAX_DOCUMENT_LENGTH, mentionAt } from '../../server/src/analysis';
import { ProjectSetup } from '../../server/src/config/projectSetup';
import { fixtureKnowledge } from '../helpers';

describe('documents beyond the checking limit', () => {
  it('cuts at the last line break in the limit\'s last tenth, else at the limit, never inside a surrogate pair', () => {
    assert.equal(checkedLength('abc', 10), 3);
    assert.equal(checkedLength(`${'a'.repeat(95)}\n${'b'.repeat(20)}`, 100), 96);
    assert.equal(checkedLength('a'.repeat(200), 100), 100);
    assert.equal(checkedLength(`${'a'.repeat(99)}𠮷${'a'.repeat(10)}`, 100), 99);
  });

  it('checks up to the limit and says where the unchecked text starts', () => {
    const line = 'ガバクラを使う。\n';
    const text = line.repeat(20);
    const analysis = analyzeDocument({ uri: 'file:///long.md', text }, fixtureKnowledge(), { maxDocumentLength: line.length * 5 });
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.ruleId, finding.start, finding.end]),
      [0, 1, 2, 3, 4].map((index) => ['term/variant', index * line.length, index * line.length + 4]).concat([['limits/document-size', line.length * 5, line.length * 5 + 1]]),
    );
    assert.deepEqual(analysis.findings[5].message, {
      ja: '未検査: 文書が長いため先頭の45文字だけを検査しました（設定 maxDocumentLength）',
      en: 'Not checked: only the first 45 characters of this long document were checked (setting maxDocumentLength).',
    });
    assert.equal(mentionAt(analysis, line.length * 6), undefined);
    assert.equal(mentionAt(analysis, line.length * 2)?.surface, 'ガバクラ');
  });

  it('reads a document of 10 million characters on one line only up to the default limit', () => {
    const text = `ガバクラ${'あ'.repeat(10_000_000)}`;
    const analysis = analyzeDocument({ uri: 'file:///one-line.md', text }, fixtureKnowledge());
    assert.equal(analysis.model.text.length, DEFAULT_MAX_DOCUMENT_LENGTH);
    assert.deepEqual(
      analysis.findings.map((finding) => [finding.ruleId, finding.start]),
      [['term/variant', 0], ['limits/document-size', DEFAULT_MAX_DOCUMENT_LENGTH]],
    );
  });
});

describe('the checking limit is configurable', () => {
  const line = 'ガバクラを使う。\n';
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-limits-'));
    fs.writeFileSync(path.join(folder, 'long.md'), line.repeat(200));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  const limitFinding = (setup: ProjectSetup) => {
    const { knowledge, options } = setup.forDocument(path.join(folder, 'long.md'));
    const analysis = analyzeDocument({ uri: 'file:///long.md', text: line.repeat(200) }, knowledge, options);
    return analysis.findings.filter((finding) => finding.ruleId === 'limits/document-size').map((finding) => finding.start);
  };

  it('by govsec check --max-length, and by .govsec.yaml limits.maxDocumentLength, which wins', () => {
    assert.deepEqual(limitFinding(new ProjectSetup(fixtureKnowledge(), { rootDirectory: folder })), []);
    assert.deepEqual(limitFinding(new ProjectSetup(fixtureKnowledge(), { rootDirectory: folder, maxDocumentLength: 1000 })), [line.length * Math.floor(1000 / line.length)]);
    fs.writeFileSync(path.join(folder, '.govsec.yaml'), 'limits:\n  maxDocumentLength: 1200\n');
    assert.deepEqual(limitFinding(new ProjectSetup(fixtureKnowledge(), { rootDirectory: folder, maxDocumentLength: 1000 })), [line.length * Math.floor(1200 / line.length)]);
  });

  it('rejects a limit below 1000 in .govsec.yaml at its line', () => {
    fs.writeFileSync(path.join(folder, '.govsec.yaml'), 'limits:\n  maxDocumentLength: 10\n');
    const { problems } = new ProjectSetup(fixtureKnowledge(), { rootDirectory: folder }).forDocument(path.join(folder, 'long.md'));
    assert.deepEqual(problems.map((problem) => problem.line), [2]);
  });
});
