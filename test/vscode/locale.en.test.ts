/**
 * The English (default) run: code-server without --locale, so vscode.env.language is en and the language client
 * sends `locale: 'en'` in initialize. Selected only in that run (test/vscode/index.ts).
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { VARIANT_MESSAGE_EN, notEnglishOnly } from './helpers';
import { variantFinding } from './localeFinding';

suite('English locale', () => {
  test('the editor runs in English: vscode.env.language is en (what the language client sends as locale)', () => {
    assert.equal(vscode.env.language, 'en');
  });

  test('the term/variant message on ガバクラ is English only', async () => {
    const variant = await variantFinding();
    assert.equal(notEnglishOnly(variant.message), undefined);
    assert.equal(variant.message, VARIANT_MESSAGE_EN);
  });
});
