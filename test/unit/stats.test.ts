import * as assert from 'node:assert/strict';
import { formatStale, knowledgeStats, staleEntries } from '../../server/src/cli/stats';
import { compileGlossary, createTermsValidator } from '../../server/src/glossary/compile';
import { Knowledge } from '../../server/src/knowledge';
import { termsSchema } from '../helpers';

function termWith(id: string, asOf: string) {
  return `  - id: ${id}
    term: 用語${id}
    reading: ようご
    english: Term ${id}
    category: concept
    definition: { ja: 定義。, en: Definition. }
    sources: [{ title: 出典, url: "https://www.digital.go.jp/" }]
    asOf: ${asOf}
    status: { state: current }
`;
}

describe('glossary stats --stale', () => {
  const text = `kind: terms\nterms:\n${termWith('fresh', '2026-12-03')}${termWith('edge', '2026-09-04')}${termWith('old', '2026-09-03')}${termWith('older', '2025-01-31')}`;
  const compiled = compileGlossary([{ path: 'glossary/terms/t.yaml', text }], createTermsValidator(termsSchema()));
  const knowledge = Knowledge.fromParts({ glossary: compiled.glossary! });

  it('lists the entries checked more than DAYS days before today, oldest first, with file and line', () => {
    // 2026-09-04 is exactly 90 days before 2026-12-03: not stale at 90, stale at 89.
    assert.deepEqual(staleEntries(knowledge, 90, '2026-12-03'), [
      { kind: 'terms', id: 'older', asOf: '2025-01-31', days: 671, where: 'glossary/terms/t.yaml:30' },
      { kind: 'terms', id: 'old', asOf: '2026-09-03', days: 91, where: 'glossary/terms/t.yaml:21' },
    ]);
    assert.deepEqual(staleEntries(knowledge, 89, '2026-12-03').map((entry) => entry.id), ['older', 'old', 'edge']);
    assert.deepEqual(staleEntries(knowledge, 0, '2026-12-03').map((entry) => entry.id), ['older', 'old', 'edge']);
    assert.deepEqual(staleEntries(knowledge, 0, '2026-12-04').map((entry) => entry.id), ['older', 'old', 'edge', 'fresh']);
  });

  it('prints a summary and a table', () => {
    assert.equal(
      formatStale(staleEntries(knowledge, 90, '2026-12-03'), 90, '2026-12-03', 'en'),
      [
        '2 entries not checked within 90 days of 2026-12-03',
        '',
        'kind   id     as of       days  where',
        '-----  -----  ----------  ----  ------------------------',
        'terms  older  2025-01-31   671  glossary/terms/t.yaml:30',
        'terms  old    2026-09-03    91  glossary/terms/t.yaml:21',
        '',
      ].join('\n'),
    );
    assert.equal(formatStale([], 1000, '2026-12-03', 'en'), '0 entries not checked within 1000 days of 2026-12-03\n');
    assert.equal(formatStale([], 1000, '2026-12-03', 'ja'), '2026-12-03 までの 1000 日間に確認されていない項目: 0 件\n');
  });
});

describe('glossary stats', () => {
  it('counts spellings, superseded entries, caveats and pending changes of the terms', () => {
    const text = `kind: terms
terms:
  - id: law
    term: 法律
    reading: ほうりつ
    english: Act
    category: law
    definition: { ja: 法律。, en: An act. }
    caveat: { ja: 未確認。, en: Unconfirmed. }
    pending:
      - { change: { ja: 改正。, en: Amendment. }, promulgated: 2026-07-17, confidence: unconfirmed, sources: [{ title: 出典, url: "https://www.ppc.go.jp/" }] }
      - { change: { ja: 別の改正。, en: Another. }, promulgated: 2026-06-01, inForceBy: "2027", confidence: confirmed, sources: [{ title: 出典, url: "https://www.ppc.go.jp/" }] }
    aliases: [{ text: 法, canonical: false }]
    sources: [{ title: 出典, url: "https://laws.e-gov.go.jp/" }]
    asOf: 2026-12-03
    status: { state: current }
  - id: old
    term: 旧法
    reading: きゅうほう
    english: Old act
    category: law
    definition: { ja: 旧法。, en: Old act. }
    sources: [{ title: 出典, url: "https://laws.e-gov.go.jp/" }]
    asOf: 2026-11-26
    status: { state: superseded, successor: law, date: 2023-04-01 }
`;
    const compiled = compileGlossary([{ path: 'glossary/terms/law.yaml', text }], createTermsValidator(termsSchema()));
    assert.deepEqual(compiled.problems, []);
    const [row] = knowledgeStats(Knowledge.fromParts({ glossary: compiled.glossary! }), { ja: '同梱', en: 'bundled' }, 'en');
    assert.deepEqual(row, { kind: 'terms', name: 'glossary terms', count: 2, asOf: '2026-12-03', note: '3 spellings, 1 superseded, 1 with caveats, 2 pending changes' });
  });
});

