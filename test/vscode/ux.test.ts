/**
 * The editor UI the client adds: the status bar item, the commands in the palette, Show glossary entry and
 * stats (Markdown previews of govsec-glossary: pages), Check workspace (the Problems view for files not
 * open, no duplicates for open ones) and the walkthrough's sample. The import itself is tested over LSP
 * (test/lsp/clientRequests.test.ts): here it would write into the fixture workspace.
 */

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { REPO_ROOT, WORKSPACE, activateExtension, closeUntitled, codeOf, govsecDiagnostics, openFixture, waitFor, waitForDiagnostics } from './helpers';

interface GovsecExtensionApi {
  statusBarText(): string;
}

const japanese = vscode.env.language.startsWith('ja');

/** The month of the newest glossary entry, from the glossary the extension was built with. */
function glossaryMonth(): string {
  const index = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'glossary-index.json'), 'utf8')) as { terms: { asOf: string }[] };
  return index.terms.map((term) => term.asOf).reduce((a, b) => (b > a ? b : a)).slice(0, 7);
}

/** `rule@line:character` of each finding the CLI reports for the fixture workspace, by file name. */
function cliFindings(): Map<string, string[]> {
  const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'bin', 'govsec.js'), 'check', WORKSPACE, '--format', 'json'], { encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `govsec check failed: ${run.stderr}`);
  const byFile = new Map<string, string[]>();
  for (const finding of JSON.parse(run.stdout) as { file: string; line: number; column: number; rule: string }[]) {
    const name = path.basename(finding.file);
    byFile.set(name, [...(byFile.get(name) ?? []), `${finding.rule}@${finding.line - 1}:${finding.column - 1}`].sort());
  }
  return byFile;
}

function findingsOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${String(codeOf(diagnostic))}@${diagnostic.range.start.line}:${diagnostic.range.start.character}`).sort();
}

function previewTabLabels(): string[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs.filter((tab) => tab.input instanceof vscode.TabInputWebview).map((tab) => tab.label));
}

suite('editor UI: status bar, commands, glossary pages, Check workspace, sample', () => {
  let api: GovsecExtensionApi;

  suiteSetup(async () => {
    api = (await activateExtension()).exports as GovsecExtensionApi;
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('every govsec command is registered', async () => {
    const commands = new Set(await vscode.commands.getCommands(true));
    const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
    const contributed = manifest.contributes.commands.map((command) => command.command);
    assert.deepEqual(contributed.filter((command) => !commands.has(command)), []);
    for (const command of ['govsec.showStatusMenu', 'govsec.showGlossaryEntry', 'govsec.showGlossaryStats', 'govsec.importIsmapList', 'govsec.checkWorkspace', 'govsec.openSettings', 'govsec.openSample']) {
      assert.ok(contributed.includes(command), `${command} is not contributed`);
    }
  });

  test('the status bar item shows the glossary month and the bundled partial ISMAP list for Markdown and YAML', async () => {
    const expected = `$(book) govsec ${glossaryMonth()} · ISMAP: ${japanese ? '一部' : 'partial'}`;
    await openFixture('spec.md');
    await waitFor(`the status bar to read ${expected} (now: ${api.statusBarText()})`, () => api.statusBarText() === expected);
    await openFixture('profile.yaml');
    await waitFor('the status bar on a YAML editor', () => api.statusBarText() === expected);
  });

  test('Show glossary entry opens the term card as a Markdown preview', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('govsec.showGlossaryEntry', 'gov-cloud');
    assert.ok(uri, 'the command returned no page');
    assert.equal(uri.scheme, 'govsec-glossary');
    const page = await vscode.workspace.openTextDocument(uri);
    // The card is in the server's language, which follows the editor's (govsec.language is auto here).
    assert.match(page.getText(), japanese ? /^\*\*ガバメントクラウド\*\*（/ : /^\*\*Government Cloud \\\(Japan\\\)\*\* · ガバメントクラウド/);
    await waitFor(`a preview of gov-cloud.md (tabs: ${previewTabLabels().join(', ')})`, () => previewTabLabels().some((label) => label.includes('gov-cloud.md')));
  });

  test('Show glossary stats opens the figures as a Markdown preview, in the editor\'s language', async () => {
    const uri = await vscode.commands.executeCommand<vscode.Uri>('govsec.showGlossaryStats');
    const page = await vscode.workspace.openTextDocument(uri);
    const lines = page.getText().split('\n');
    assert.equal(lines[0], japanese ? '# govsec 用語集の統計' : '# govsec glossary stats');
    assert.match(lines[4], japanese ? /^\| 用語 \| \d+ \| \d{4}-\d{2}-\d{2} \| 表記 \d+ 件/ : /^\| Glossary terms \| \d+ \| \d{4}-\d{2}-\d{2} \| \d+ spellings/);
    await waitFor('a preview of stats.md', () => previewTabLabels().some((label) => label.includes('stats.md')));
  });

  test('Check workspace puts the findings of files not open into the Problems view, and none twice for open ones', async () => {
    const open = await openFixture('procurement-spec.md');
    const before = findingsOf(await waitForDiagnostics(open.uri));
    const summary = await vscode.commands.executeCommand<{ files: number; withFindings: number; diagnostics: number; cancelled: boolean }>('govsec.checkWorkspace');
    const fixtures = fs.readdirSync(WORKSPACE).filter((name) => /\.(md|markdown|ya?ml)$/.test(name));
    assert.equal(summary.files, fixtures.length);
    assert.equal(summary.cancelled, false);
    // The open document keeps exactly what the pulled diagnostics say.
    assert.deepEqual(findingsOf(govsecDiagnostics(open.uri)), before);
    assert.deepEqual(before, cliFindings().get('procurement-spec.md'));
    const expected = cliFindings();
    let checkedClosed = 0;
    for (const name of fixtures) {
      const uri = vscode.Uri.file(path.join(WORKSPACE, name));
      if (vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString())) {
        continue;
      }
      checkedClosed++;
      assert.deepEqual(findingsOf(govsecDiagnostics(uri)), expected.get(name) ?? [], name);
    }
    assert.ok(checkedClosed > 0, 'every fixture was open: nothing showed the collection');
  });

  test('the walkthrough sample opens as an untitled Markdown document with findings', async () => {
    const document = await vscode.commands.executeCommand<vscode.TextDocument>('govsec.openSample');
    try {
      assert.equal(document.uri.scheme, 'untitled');
      assert.equal(document.languageId, 'markdown');
      const diagnostics = await waitForDiagnostics(document.uri, (found) => found.length >= 4);
      assert.deepEqual(
        [...new Set(diagnostics.map((diagnostic) => String(codeOf(diagnostic))))].sort(),
        ['classification/unknown-level', 'fact/ismap-certification', 'govcloud/overseas-region', 'term/variant'],
      );
    } finally {
      await closeUntitled(document);
    }
  });
});
