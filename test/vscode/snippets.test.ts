/**
 * The contributed Markdown snippets (snippets/markdown.json): `govsec-spec` is offered by completion in a new
 * Markdown document, and inserting its body (placeholders at their defaults) gives a procurement spec with no
 * govsec finding.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  activateExtension,
  closeUntitled,
  codeOf,
  completionItems,
  describeDiagnostic,
  extensionRoot,
  govsecDiagnostics,
  labelOf,
  openUntitled,
  waitFor,
  waitForDiagnostics,
  waitForSummaryLenses,
} from './helpers';

interface Snippet {
  readonly prefix: string | string[];
  readonly body: string | string[];
  readonly description?: string;
}

function contributedSnippet(file: string, prefix: string): { name: string; snippet: Snippet } {
  const snippets = JSON.parse(fs.readFileSync(path.join(extensionRoot(), 'snippets', file), 'utf8')) as Record<string, Snippet>;
  const found = Object.entries(snippets).find(([, snippet]) => ([] as string[]).concat(snippet.prefix).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix} in snippets/${file}`);
  return { name: found[0], snippet: found[1] };
}

suite('snippets', () => {
  let document: vscode.TextDocument | undefined;

  suiteTeardown(async () => {
    await closeUntitled(document);
  });

  test('govsec-spec is offered in a new Markdown document, and its body inserted checks clean', async () => {
    await activateExtension();
    const { name, snippet } = contributedSnippet('markdown.json', 'govsec-spec');
    const opened = await openUntitled('markdown', '');
    document = opened.document;
    const { editor } = opened;

    const items = await waitFor('the govsec-spec snippet in the completion list', async () => {
      const found = await completionItems(document!.uri, new vscode.Position(0, 0));
      return found.some((item) => labelOf(item) === 'govsec-spec') ? found : undefined;
    });
    const offered = items.filter((item) => labelOf(item) === 'govsec-spec');
    assert.equal(offered.length, 1, offered.map((item) => JSON.stringify(item.label)).join(' | '));
    const [item] = offered;
    assert.equal(item.kind, vscode.CompletionItemKind.Snippet);
    // VS Code shows a snippet's name as the label's description.
    assert.equal(typeof item.label === 'string' ? undefined : item.label.description, name);
    // Both prefixes are offered; the other govsec sections too.
    for (const label of ['調達仕様書', 'govsec-grade', 'govsec-cloud', 'govsec-privacy']) {
      assert.ok(items.some((candidate) => labelOf(candidate) === label && candidate.kind === vscode.CompletionItemKind.Snippet), label);
    }

    // Something to report first, so that "no diagnostics" afterwards means the snippet's text was analysed.
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'ガバクラ\n')));
    await waitForDiagnostics(document.uri, (found) => found.some((d) => codeOf(d) === 'term/variant'));

    const body = ([] as string[]).concat(snippet.body).join('\n');
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    assert.ok(await editor.insertSnippet(new vscode.SnippetString(body), whole), 'insertSnippet returned false');
    assert.equal(document.lineAt(0).text, '---');
    assert.equal(document.lineAt(1).text, 'title: 〇〇省 〇〇システム 調達仕様書');
    assert.equal(document.lineAt(2).text, 'doctype: gov-procurement-spec');
    assert.match(document.lineAt(5).text, /^date: \d{4}-\d{2}-\d{2}$/);
    assert.equal(document.lineAt(8).text, '# 〇〇省 〇〇システム 調達仕様書');
    assert.ok(!document.getText().includes('$'), document.getText());

    await waitForDiagnostics(document.uri, (found) => found.length === 0, 10_000).catch((error: Error) => {
      throw new Error(`${error.message}:\n${govsecDiagnostics(document!.uri).map(describeDiagnostic).join('\n')}`);
    });
    // It is a procurement spec now (the front matter), and its analysis has no finding.
    const [lens] = await waitForSummaryLenses(document.uri, (lenses) => lenses.some((lens) => / (findings: 0|指摘: 0件)$/.test(lens.command?.title ?? '')));
    assert.equal(lens.range.start.line, 0);
    await vscode.commands.executeCommand('leaveSnippet');
  });
});
