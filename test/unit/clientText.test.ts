/** The VS Code client's editor-free parts: status bar text, glossary stats page, which workspace files are checked. */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { categoryLabel, glossaryStatsMarkdown } from '../../client/src/glossaryText';
import { english } from '../../client/src/localize';
import { statusView } from '../../client/src/statusText';
import { enabledPatterns, isExcluded } from '../../client/src/workspaceFiles';
import type { GlossaryStats, GovsecStatus } from '../../server/src/lsp/protocol';
import { repoRoot } from '../helpers';

const BUNDLED: GovsecStatus = {
  trusted: true,
  language: 'ja',
  glossary: { terms: 149, asOf: '2026-11-20', userFiles: [] },
  ismapList: { name: 'govsec bundled ISMAP list (partial)', asOf: '2026-09-15', count: 10, partial: true, origin: 'bundled', currentUntil: '2026-12-15', stale: false },
};

describe('client: status bar item', () => {
  it('shows the glossary month and the bundled partial list', () => {
    const view = statusView(BUNDLED, english);
    assert.equal(view.text, '$(book) govsec 2026-11 · ISMAP: partial');
    assert.equal(view.warning, false);
    assert.equal(
      view.tooltip,
      [
        'Glossary: 149 terms, checked up to 2026-11-20',
        "ISMAP list: govsec's bundled partial list, 10 services as of 2026-09-15",
        'Messages in Japanese',
        'Click for govsec commands.',
      ].join('\n'),
    );
  });

  it('shows an imported list by its date and count, and warns when it is past the update cycle', () => {
    const imported: GovsecStatus = {
      ...BUNDLED,
      language: 'en',
      glossary: { ...BUNDLED.glossary, userFiles: ['/w/glossary/ours.yaml'] },
      ismapList: { name: 'ISMAP', asOf: '2026-08-01', count: 1234, partial: false, origin: 'imported', file: '/w/.govsec/ismap-list.yaml', currentUntil: '2026-11-01', stale: true },
    };
    const view = statusView(imported, english);
    assert.equal(view.text, '$(book) govsec 2026-11 · ISMAP: 2026-08-01 (1234) $(warning)');
    assert.equal(view.warning, true);
    assert.deepEqual(view.tooltip.split('\n'), [
      'Glossary: 149 terms, checked up to 2026-11-20',
      'Your glossary files: /w/glossary/ours.yaml',
      'ISMAP list: imported, 1234 services as of 2026-08-01 (/w/.govsec/ismap-list.yaml)',
      "The ISMAP list is older than the portal's three-month update cycle (current until 2026-11-01): import the latest list.",
      'Messages in English',
      'Click for govsec commands.',
    ]);
  });

  it('shows the restricted state of an untrusted workspace in the same item', () => {
    const view = statusView({ ...BUNDLED, trusted: false }, english);
    assert.equal(view.text, '$(shield) govsec: restricted · ISMAP: partial');
    assert.match(view.tooltip, /^Restricted mode: the workspace is not trusted, so govsec uses only its bundled glossary and ISMAP list/m);
  });

  it('words the item through the localiser it is given', () => {
    const japanese = (message: string, ...args: (string | number | boolean)[]) =>
      ({ partial: '一部', restricted: '制限モード' })[message] ?? english(message, ...args);
    assert.equal(statusView(BUNDLED, japanese).text, '$(book) govsec 2026-11 · ISMAP: 一部');
    assert.equal(statusView({ ...BUNDLED, trusted: false }, japanese).text, '$(shield) govsec: 制限モード · ISMAP: 一部');
  });
});

describe('client: glossary stats page', () => {
  const stats: GlossaryStats = {
    terms: { count: 3, asOf: '2026-11-20', spellings: 7, superseded: 1, withCaveats: 0, pendingChanges: 2, categories: [{ category: 'law', count: 2 }, { category: 'mystery', count: 1 }] },
    services: { count: 5, asOf: '2026-10-01', govCloudProviders: 4, regions: 9 },
    ismapList: { name: 'govsec bundled ISMAP list (partial)', count: 10, asOf: '2026-09-15', partial: true, imported: false },
    catalogues: [{ id: 'nist-800-53-r5', label: 'NIST SP 800-53 Rev. 5', edition: 'Rev. 5', count: 1189, asOf: '2026-08-01', partial: false }],
    mappings: [{ id: 'iso27001-2013-to-2022', name: 'ISO/IEC 27001:2013 → 2022', pairs: 120, asOf: '2026-08-01', partial: true }],
  };

  it('is a Markdown table of counts and dates, names escaped', () => {
    assert.equal(
      glossaryStatsMarkdown(stats, english),
      [
        '# govsec glossary stats',
        '',
        '| What | Count | As of | Note |',
        '| --- | ---: | --- | --- |',
        '| Glossary terms | 3 | 2026-11-20 | 7 spellings, 1 superseded, 0 with caveats, 2 pending changes |',
        '| — Law | 2 |  |  |',
        '| — mystery | 1 |  |  |',
        '| Cloud services | 5 | 2026-10-01 | 4 Government Cloud providers, 9 regions |',
        '| ISMAP list: govsec bundled ISMAP list \\(partial\\) | 10 | 2026-09-15 | bundled, partial |',
        '| Controls: NIST SP 800-53 Rev. 5 | 1189 | 2026-08-01 | Rev. 5 |',
        '| Mapping: ISO/IEC 27001:2013 → 2022 \\(pairs\\) | 120 | 2026-08-01 | partial |',
        '',
      ].join('\n'),
    );
  });

  it('labels every category of the terms schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(repoRoot, 'glossary', 'schema', 'terms.schema.json'), 'utf8')) as unknown;
    const categories = JSON.stringify(schema).match(/"category":\{[^}]*"enum":\[([^\]]*)\]/)?.[1];
    assert.ok(categories, 'category enum not found in terms.schema.json');
    for (const category of JSON.parse(`[${categories}]`) as string[]) {
      assert.notEqual(categoryLabel(category, english), category, `no label for category ${category}`);
    }
  });
});

describe('client: which workspace files Check workspace reads', () => {
  it('skips node_modules anywhere and what search.exclude excludes (a folder pattern covers its contents)', () => {
    const patterns = enabledPatterns({ '**/build': true, 'docs/drafts/*.md': true, '**/*.tmp.md': false, '**/*.js': { when: '$(basename).ts' } });
    assert.deepEqual(patterns, ['**/build', 'docs/drafts/*.md']);
    assert.equal(isExcluded('spec.md', patterns), false);
    assert.equal(isExcluded('node_modules/pkg/README.md', patterns), true);
    assert.equal(isExcluded('a/node_modules/b/c.yaml', patterns), true);
    assert.equal(isExcluded('node_modules.md', patterns), false);
    assert.equal(isExcluded('build/out.md', patterns), true);
    assert.equal(isExcluded('src/build/deep/out.yaml', patterns), true);
    assert.equal(isExcluded('docs/drafts/a.md', patterns), true);
    assert.equal(isExcluded('docs/a.md', patterns), false);
    assert.equal(isExcluded('x.tmp.md', patterns), false);
    assert.equal(isExcluded('.hidden/spec.md', ['**/.hidden']), true);
  });
});
