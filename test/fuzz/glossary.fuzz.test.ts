import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { compileUserGlossary } from '../../server/src/config/config';
import { bundledKnowledge, termsSchema } from '../helpers';
import { fuzzOptions, fuzzTimeout } from './generators';

/** One entry's lines; `fields` may have been dropped or broken by a mutation. */
function entryLines(id: string, term: string, url: string): string[] {
  return [
    `  - id: ${id}`,
    `    term: ${JSON.stringify(term)}`,
    '    reading: てすと',
    '    english: Fuzz term',
    '    category: concept',
    '    definition: { ja: 試験用の語。, en: A test term. }',
    `    sources: [{ title: 試験, url: ${JSON.stringify(url)} }]`,
    '    asOf: 2026-11-01',
    '    status: { state: current }',
  ];
}

type Mutation = 'none' | 'drop-field' | 'duplicate-id' | 'duplicate-spelling' | 'http-url' | 'yaml-syntax' | 'bad-category';

const glossaryCase = fc.record({
  count: fc.integer({ min: 1, max: 4 }),
  // Spellings no bundled term has: a rare prefix and random Latin letters and digits.
  words: fc.array(fc.stringMatching(/^[A-Za-z0-9]{1,8}$/), { minLength: 4, maxLength: 4 }),
  mutation: fc.constantFrom<Mutation>('none', 'none', 'drop-field', 'duplicate-id', 'duplicate-spelling', 'http-url', 'yaml-syntax', 'bad-category'),
  target: fc.nat(),
  field: fc.integer({ min: 1, max: 8 }),
});

describe('fuzz: random user glossary files (fixed seed)', function () {
  this.timeout(fuzzTimeout());
  let folder: string;
  let counter = 0;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-fuzz-glossary-'));
  });

  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('valid files compile; invalid ones are reported at a line of the broken entry', () => {
    const base = bundledKnowledge().compiledGlossary;
    const schema = termsSchema();
    fc.assert(
      fc.property(glossaryCase, ({ count, words, mutation, target, field }) => {
        const entries = Array.from({ length: count }, (_, index) => entryLines(`fuzz-term-${index}`, `ZQ${words[index % 4]}${index}`, 'https://example.go.jp/fuzz'));
        const victim = target % count;
        const other = (victim + 1) % count;
        switch (mutation) {
          case 'drop-field':
            entries[victim].splice(field, 1);
            break;
          case 'duplicate-id':
            if (count > 1) entries[victim][0] = `  - id: fuzz-term-${other}`;
            break;
          case 'duplicate-spelling':
            if (count > 1) entries[victim][1] = entries[other][1];
            break;
          case 'http-url':
            entries[victim][6] = entries[victim][6].replace('https:', 'http:');
            break;
          case 'yaml-syntax':
            entries[victim][Math.min(field, entries[victim].length - 1)] += ': [';
            break;
          case 'bad-category':
            entries[victim][4] = '    category: nonsense';
            break;
        }
        const broken = mutation !== 'none' && !((mutation === 'duplicate-id' || mutation === 'duplicate-spelling') && count < 2);
        const lines = ['kind: terms', 'terms:', ...entries.flat()];
        const file = path.join(folder, `g${++counter}.yaml`);
        fs.writeFileSync(file, `${lines.join('\n')}\n`);
        const result = compileUserGlossary([file], base, schema);
        if (!broken) {
          assert.deepEqual(result.problems, []);
          assert.equal(result.glossary?.terms.length, base.terms.length + count);
          return;
        }
        assert.equal(result.glossary, undefined, `${mutation} compiled`);
        assert.ok(result.problems.length > 0, mutation);
        // The broken entry's lines (1-based): after the two header lines and the entries before it. A duplicate
        // is reported at the later of the two entries.
        const reported = mutation === 'duplicate-id' || mutation === 'duplicate-spelling' ? Math.max(victim, other) : victim;
        const first = 3 + entries.slice(0, reported).reduce((sum, entry) => sum + entry.length, 0);
        const last = first + entries[reported].length - 1;
        for (const problem of result.problems) {
          assert.equal(problem.file, file);
          assert.ok(problem.line >= 1 && problem.line <= lines.length + 1, `${mutation}: line ${problem.line} of ${lines.length}`);
        }
        if (mutation !== 'yaml-syntax') {
          // A YAML error may be reported where the parser notices it (a later line); every other problem is in the entry.
          assert.ok(
            result.problems.some((problem) => problem.line >= first && problem.line <= last),
            `${mutation}: ${JSON.stringify(result.problems)} not within lines ${first}-${last}`,
          );
        }
      }),
      fuzzOptions(25),
    );
  });
});
