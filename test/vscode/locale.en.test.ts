/**
 * The English (default) run: code-server without --locale, so vscode.env.language is en and the language client
 * sends `locale: 'en'` in initialize. Selected only in that run (test/vscode/index.ts).
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VARIANT_MESSAGE_EN, notEnglishOnly } from './helpers';
import { commandTitles, packageString, variantFinding } from './localeFinding';

suite('English locale', () => {
  test('the editor runs in English: vscode.env.language is en (what the language client sends as locale)', () => {
    assert.equal(vscode.env.language, 'en');
  });

  test('the term/variant message on ガバクラ is English only', async () => {
    const variant = await variantFinding();
    assert.equal(notEnglishOnly(variant.message), undefined);
    assert.equal(variant.message, VARIANT_MESSAGE_EN);
  });

  test('every command title is the one of package.nls.json', () => {
    const titles = commandTitles('en');
    assert.ok(titles.length >= 2, JSON.stringify(titles));
    for (const { command, shown, bundle } of titles) {
      assert.ok(bundle, `${command}: its title has no key in package.nls.json`);
      assert.equal(shown, bundle, command);
    }
    // And not the other language's: the summary command's titles differ between the bundles.
    assert.notEqual(packageString('en', 'govsec.showSummary.title'), packageString('ja', 'govsec.showSummary.title'));
  });
});
