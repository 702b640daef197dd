/**
 * The Japanese-locale run: code-server started with --locale ja and a Japanese language pack entry (see
 * test/e2e/run-code-server.ts), so VS Code's display language is ja and vscode-languageclient sends
 * `locale: 'ja'` in initialize. Selected only in that run (test/vscode/index.ts).
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VARIANT_MESSAGE_JA, notJapaneseOnly } from './helpers';
import { commandTitles, packageString, variantFinding } from './localeFinding';

suite('Japanese locale', () => {
  test('the editor runs in Japanese: vscode.env.language is ja (what the language client sends as locale)', () => {
    assert.equal(vscode.env.language, 'ja');
  });

  test('the term/variant message on ガバクラ is Japanese only', async () => {
    const variant = await variantFinding();
    assert.equal(notJapaneseOnly(variant.message), undefined);
    assert.equal(variant.message, VARIANT_MESSAGE_JA);
  });

  test('every command title is the one of package.nls.ja.json', () => {
    const titles = commandTitles('ja');
    assert.ok(titles.length >= 2, JSON.stringify(titles));
    for (const { command, shown, bundle } of titles) {
      assert.ok(bundle, `${command}: its title has no key in package.nls.ja.json`);
      assert.equal(shown, bundle, command);
    }
    // And not the other language's: the summary command's titles differ between the bundles.
    assert.notEqual(packageString('ja', 'govsec.showSummary.title'), packageString('en', 'govsec.showSummary.title'));
  });
});
