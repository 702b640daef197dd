import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSetup } from '../../server/src/config/projectSetup';
import { AnalysisCache } from '../../server/src/lsp/analysisCache';
import type { Rule } from '../../server/src/rules/rule';
import { termVariantRule } from '../../server/src/rules/term/variant';
import { bundledKnowledge } from '../helpers';

const throwing: Rule = {
  id: 'test/throws',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'document',
  description: 'always throws',
  check: () => {
    throw new Error('boom');
  },
};

function cacheWith(rules?: readonly Rule[]) {
  const failures: string[] = [];
  const setup: DocumentSetup = { knowledge: bundledKnowledge(), options: rules ? { rules } : {}, glossaryFiles: [], problems: [] };
  const cache = new AnalysisCache(() => setup, (uri, message) => failures.push(`${uri}: ${message}`));
  return { cache, failures };
}

describe('analysis cache: a document the engine cannot check', () => {
  it('reports a rule that throws once by its id, and keeps the other rules\' findings', () => {
    const { cache, failures } = cacheWith([throwing, termVariantRule]);
    let document = TextDocument.create('untitled:a.md', 'markdown', 1, 'ガバクラ\n');
    assert.equal(cache.get(document).mentions.length, 1, 'hover still has the mentions');
    assert.deepEqual(cache.findings(document).findings.map((finding) => finding.ruleId), ['term/variant']);
    document = TextDocument.update(document, [{ text: 'ガバクラ。\n' }], 2);
    assert.deepEqual(cache.findings(document).findings.map((finding) => finding.ruleId), ['term/variant']);
    assert.deepEqual(failures, ['untitled:a.md: rule test/throws failed and was skipped (boom); the other rules still report']);
  });

  it('reports YAML nested too deeply as not checked, and checks the next version normally', () => {
    const { cache, failures } = cacheWith();
    let document = TextDocument.create('untitled:deep.yaml', 'yaml', 1, `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    assert.deepEqual(cache.findings(document), { findings: [], failure: {
        ja: 'govsec はこの文書を検査できませんでした（入れ子が深すぎます）',
        en: 'govsec could not check this document (nested too deeply to read); nothing in it was checked',
      },
    });
    assert.equal(failures.length, 1);
    document = TextDocument.update(document, [{ text: 'system: ガバクラ\n' }], 2);
    const next = cache.findings(document);
    assert.equal(next.failure, undefined);
    assert.deepEqual(next.findings.map((finding) => finding.ruleId), ['term/variant']);
  });
});
