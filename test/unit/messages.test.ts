/**
 * Every finding's message and fix title over the example documents and the evaluation corpus, in both
 * languages: one sentence, at most 100 characters in Japanese and 160 in English, and each in its own
 * language only (quoted document text and names aside).
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeDocument } from '../../server/src/analysis';
import type { Bilingual } from '../../server/src/language';
import { bundledKnowledge, repoRoot } from '../helpers';
import { hasEnglishPhrase, hasJapanese, isSeveralSentencesEn, isSeveralSentencesJa } from '../languagePurity';

function documents(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    return entry.isDirectory() ? documents(full) : /\.(md|ya?ml)$/.test(entry.name) ? [full] : [];
  });
}

interface Shown {
  readonly where: string;
  readonly kind: 'message' | 'fix title';
  readonly text: Bilingual;
}

function shownTexts(): Shown[] {
  const knowledge = bundledKnowledge();
  const shown: Shown[] = [];
  for (const file of [...documents(path.join(repoRoot, 'examples')), ...documents(path.join(repoRoot, 'test', 'corpus', 'docs'))]) {
    const uri = `file://${file}`;
    for (const finding of analyzeDocument({ uri, text: fs.readFileSync(file, 'utf8') }, knowledge).findings) {
      const where = `${path.relative(repoRoot, file)} ${finding.ruleId}@${finding.start}`;
      shown.push({ where, kind: 'message', text: finding.message });
      if (finding.fix) {
        shown.push({ where, kind: 'fix title', text: finding.fix.title });
      }
    }
  }
  return shown;
}


describe('finding messages and fix titles, in both languages', () => {
  const shown = shownTexts();

  it('covers every kind of finding the example documents and the corpus give', () => {
    const rules = new Set(shown.map((item) => item.where.split(' ')[1].split('@')[0]));
    // Rules that need a setting to fire (limits/document-size) or no corpus case yet are exercised by their own tests.
    for (const rule of ['term/variant', 'term/deprecated', 'ismap/unregistered-service', 'govcloud/overseas-region', 'privacy/report-threshold', 'fact/moved-url']) {
      assert.ok(rules.has(rule), `no ${rule} finding in the examples and corpus`);
    }
  });

  it('keeps Japanese to one sentence of at most 100 characters, with no English phrase outside quotes', () => {
    const problems = shown
      .filter(({ text }) => text.ja.length > 100 || isSeveralSentencesJa(text.ja) || hasEnglishPhrase(text.ja))
      .map(({ where, kind, text }) => `${where} ${kind} (${text.ja.length}): ${text.ja}`);
    assert.deepEqual(problems, []);
  });

  it('keeps English to one sentence of at most 160 characters, with no Japanese outside quotes', () => {
    const problems = shown
      .filter(({ text }) => text.en.length > 160 || isSeveralSentencesEn(text.en) || hasJapanese(text.en))
      .map(({ where, kind, text }) => `${where} ${kind} (${text.en.length}): ${text.en}`);
    assert.deepEqual(problems, []);
  });

  it('ends every English message with a full stop and starts it with a capital letter or a quote', () => {
    const problems = shown
      .filter(({ kind }) => kind === 'message')
      .filter(({ text }) => !/^["A-Z0-9]/.test(text.en) || !text.en.endsWith('.'))
      .map(({ where, text }) => `${where}: ${text.en}`);
    assert.deepEqual(problems, []);
  });
});
