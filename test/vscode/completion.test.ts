/**
 * Completion through vscode.executeCompletionItemProvider (every provider, as Ctrl+Space asks):
 *
 *   completion.md        3: ISMAP管理策 9.2.            the cursor at the end (3:13); 9.2. at 9..13
 *   system-profile.yaml  0: cloud:
 *                        1:   provider: Microsoft Azure
 *                        2:   region:                  the cursor at 2:10
 */

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, bySortText, completionItems, formatRange, labelOf, openFixture, replaceRange, waitFor } from './helpers';

suite('completion', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('control IDs after 「ISMAP管理策 9.2.」: 9.2.1 … with their titles in detail, replacing what was typed', async () => {
    const document = await openFixture('completion.md');
    const end = document.lineAt(3).range.end;
    assert.equal(document.lineAt(3).text, 'ISMAP管理策 9.2.');
    assert.equal(end.character, 13);
    const items = await waitFor('ISMAP control completions', async () => {
      const found = (await completionItems(document.uri, end)).filter((item) => labelOf(item).startsWith('9.2.'));
      return found.length > 0 ? found : undefined;
    });
    const ordered = bySortText(items);
    assert.deepEqual(ordered.slice(0, 4).map(labelOf), ['9.2.1', '9.2.2', '9.2.3', '9.2.4']);
    const first = ordered[0];
    assert.equal(first.kind, vscode.CompletionItemKind.Reference);
    // English title (labelled （英語） when the server speaks Japanese: the catalogue has no Japanese one).
    assert.match(first.detail ?? '', /^(（英語）)?User registration and de-registration\b/, first.detail);
    for (const item of ordered.slice(0, 4)) {
      assert.ok((item.detail ?? '').length > 0, `${labelOf(item)} has no detail`);
      const itemRange = replaceRange(item);
      assert.ok(itemRange?.isEqual(new vscode.Range(3, 9, 3, 13)), `${labelOf(item)} replaces ${String(itemRange && formatRange(itemRange))}`);
    }
    assert.notEqual(ordered[1].detail, first.detail);
  });

  test('cloud.region in system-profile.yaml offers the provider\'s Japanese regions first', async () => {
    const document = await openFixture('system-profile.yaml');
    assert.equal(document.languageId, 'yaml');
    assert.equal(document.lineAt(1).text, '  provider: Microsoft Azure');
    assert.equal(document.lineAt(2).text, '  region: ');
    const position = new vscode.Position(2, 10);
    const items = await waitFor('region completions', async () => {
      const found = await completionItems(document.uri, position);
      return found.some((item) => labelOf(item) === 'japaneast') ? found : undefined;
    });
    const ordered = bySortText(items);
    assert.deepEqual(ordered.slice(0, 2).map(labelOf), ['japaneast', 'japanwest'], ordered.slice(0, 6).map(labelOf).join(' '));
    assert.ok(ordered.length > 2);
    for (const item of ordered.slice(0, 2)) {
      assert.equal(item.kind, vscode.CompletionItemKind.Constant, labelOf(item));
      assert.match(item.detail ?? '', /国内|in Japan/, item.detail);
    }
    // Regions outside Japan follow, marked as such.
    const overseas = ordered.find((item) => /海外|outside Japan/.test(item.detail ?? ''));
    assert.ok(overseas && ordered.indexOf(overseas) >= 2, ordered.slice(0, 6).map((item) => `${labelOf(item)} ${item.detail ?? ''}`).join('\n'));
  });
});
