/** Shared helpers for the in-editor suites (run inside the VS Code extension host, full `vscode` API). */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'govsec.govsec';
/** term/variant on ガバクラ in the English run, and in the Japanese run (test/vscode/index.ts selects the suites). */
export const VARIANT_MESSAGE_EN = 'Non-canonical spelling: write "ガバメントクラウド", not "ガバクラ".';
export const VARIANT_MESSAGE_JA = '表記ゆれ: 「ガバクラ」は「ガバメントクラウド」と表記します';
/** Compiled to out/test/vscode/, so the repository root is three levels up. */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
export const WORKSPACE = path.join(REPO_ROOT, 'test', 'fixtures', 'workspace');

/**
 * The folder of the extension under test: the installed .vsix's folder in the code-server run (the package is what
 * ships), the repository in a development run (test-electron). Files the extension serves (rule pages, glossary
 * entries, snippets) are looked up here, so that a file missing from the package fails the test.
 */
export function extensionRoot(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  return extension.extensionPath;
}

export function fixtureUri(name: string): vscode.Uri {
  return vscode.Uri.file(path.join(WORKSPACE, name));
}

/** Activates the extension under test (a no-op once it is active); its activate() resolves once the LSP client has started. */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded (is extensionDevelopmentPath the repository root?)`);
  await extension.activate();
  return extension;
}

export async function openFixture(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(fixtureUri(name));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    }
    await sleep(100);
  }
}

export function govsecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'govsec');
}

/** Waits until govsec has published diagnostics for `uri` and `ready` accepts them. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ready: (diagnostics: vscode.Diagnostic[]) => boolean = (diagnostics) => diagnostics.length > 0,
  timeoutMs = 20_000,
): Promise<vscode.Diagnostic[]> {
  return waitFor(`govsec diagnostics on ${uri.toString()}`, () => {
    const diagnostics = govsecDiagnostics(uri);
    return ready(diagnostics) ? diagnostics : undefined;
  }, timeoutMs).catch((error: Error) => {
    const current = govsecDiagnostics(uri);
    throw new Error(`${error.message}; the ${current.length} there are:\n${current.map(describeDiagnostic).join('\n')}`);
  });
}

export function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? code.value : code;
}

export function codeHref(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? code.target.toString() : undefined;
}

/** The govsec diagnostic with rule `rule` exactly at `range`, or a failure listing what there is. */
export function findDiagnostic(diagnostics: readonly vscode.Diagnostic[], rule: string, range: vscode.Range): vscode.Diagnostic {
  const found = diagnostics.find((diagnostic) => codeOf(diagnostic) === rule && diagnostic.range.isEqual(range));
  assert.ok(found, `no ${rule} diagnostic at ${formatRange(range)}; got:\n${diagnostics.map(describeDiagnostic).join('\n')}`);
  return found;
}

export function formatRange(range: vscode.Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function describeDiagnostic(diagnostic: vscode.Diagnostic): string {
  return `  ${formatRange(diagnostic.range)} ${vscode.DiagnosticSeverity[diagnostic.severity]} ${String(codeOf(diagnostic))} ${diagnostic.message}`;
}

export function hoverText(hover: vscode.Hover): string {
  return hover.contents
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/**
 * A govsec glossary card is recognisable by its sources section and the glossary footer, in the language the
 * server speaks (the editor's locale or govsec.language).
 */
export function isGovsecHover(hover: vscode.Hover): boolean {
  const text = hoverText(hover);
  return SOURCES_SECTION.test(text) && /govsec(用語集| glossary): /.test(text);
}

/** The sources heading of a hover card, in either language. */
export const SOURCES_SECTION = /\n\*\*(出典|Sources):\*\*\n/;

/** The outline's name for a Markdown file's front matter, in either language. */
export const FRONT_MATTER: readonly string[] = ['front matter', 'フロントマター'];

/** The first line of the ガバメントクラウド card, in either language. */
export const GOV_CLOUD_CARD = /^\*\*(ガバメントクラウド\*\*（|Government Cloud \\\(Japan\\\)\*\* · ガバメントクラウド )/;

export async function govsecHovers(uri: vscode.Uri, position: vscode.Position): Promise<vscode.Hover[]> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.filter(isGovsecHover);
}

/** Exactly one govsec card at `position`; returns its Markdown and range. */
export async function govsecHover(uri: vscode.Uri, position: vscode.Position): Promise<{ text: string; range: vscode.Range | undefined }> {
  const hovers = await govsecHovers(uri, position);
  assert.equal(hovers.length, 1, `expected one govsec hover at ${position.line}:${position.character}, got ${hovers.length}`);
  return { text: hoverText(hovers[0]), range: hovers[0].range };
}

/**
 * What term/deprecated should say about a superseded term, from the glossary the extension was built with
 * (dist/glossary-index.json): the severity (warning unless the entry lowers it) and the successor's name.
 */
export function supersededEntry(termText: string): { severity: vscode.DiagnosticSeverity; successorId: string; successor: string } {
  const index = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'dist', 'glossary-index.json'), 'utf8')) as {
    terms: { id: string; term: string; status: { state: string; severity?: string; successor?: string } }[];
  };
  const entry = index.terms.find((term) => term.term === termText);
  assert.ok(entry, `${termText} is not in dist/glossary-index.json`);
  assert.equal(entry.status.state, 'superseded', `${termText} is not superseded in the glossary`);
  const successor = index.terms.find((term) => term.id === entry.status.successor);
  assert.ok(successor, `the successor ${String(entry.status.successor)} of ${termText} is not in the glossary`);
  const severities: Record<string, vscode.DiagnosticSeverity> = {
    error: vscode.DiagnosticSeverity.Error,
    warning: vscode.DiagnosticSeverity.Warning,
    information: vscode.DiagnosticSeverity.Information,
    hint: vscode.DiagnosticSeverity.Hint,
  };
  return { severity: severities[entry.status.severity ?? 'warning'], successorId: successor.id, successor: successor.term };
}

/**
 * The quick fix that rewrites `target` to `replacement`, from vscode.executeCodeActionProvider. Polled: right after
 * a document opens, the first request can come back empty. The API command returns CodeAction objects without
 * their diagnostics, so the fix is recognised by its edit.
 */
export async function waitForFix(uri: vscode.Uri, target: vscode.Range, replacement: string): Promise<{ fix: vscode.CodeAction; titles: string[] }> {
  let titles: string[] = [];
  const fix = await waitFor(
    `a quick fix to ${replacement} at ${formatRange(target)}`,
    async () => {
      const actions =
        (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>('vscode.executeCodeActionProvider', uri, target)) ?? [];
      titles = actions.map((action) => action.title);
      return actions.find(
        (action): action is vscode.CodeAction =>
          'edit' in action && !!action.edit?.get(uri).some((edit) => edit.newText === replacement),
      );
    },
    10_000,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; code actions offered: ${titles.join(' | ') || 'none'}`);
  });
  return { fix, titles };
}

export function range(line: number, start: number, end: number): vscode.Range {
  return new vscode.Range(line, start, line, end);
}

let untitledCount = 0;

/**
 * Opens a new untitled document with `content` (never saved; close it with closeUntitled) and shows it.
 *
 * Each gets a name of its own (untitled:govsec-test-N.md) rather than VS Code's next free Untitled-N: in
 * code-server 4.139.1 (VS Code 1.139.1), workspace.openTextDocument({ content }) right after a dirty Untitled-1
 * was reverted and closed reuses the name Untitled-1 and, about one run in three, comes back with the closed
 * document's text (its backup, not yet discarded) instead of `content`.
 */
export async function openUntitled(language: string, content: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const extension = language === 'yaml' ? 'yaml' : language === 'markdown' ? 'md' : 'txt';
  const uri = vscode.Uri.from({ scheme: 'untitled', path: `govsec-test-${++untitledCount}.${extension}` });
  let document = await vscode.workspace.openTextDocument(uri);
  if (document.languageId !== language) {
    document = await vscode.languages.setTextDocumentLanguage(document, language);
  }
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (content.length > 0) {
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), content)), 'could not fill the untitled document');
  }
  assert.equal(document.getText(), content, `${uri.toString()} does not have the content it was opened with`);
  return { document, editor };
}

function hasTab(uri: vscode.Uri): boolean {
  return vscode.window.tabGroups.all.some((group) =>
    group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString()),
  );
}

/**
 * Reverts and closes an untitled document's editor without the "save?" dialog, and waits until the extension
 * host has seen the document and its tab go. The code-server runner reuses the user-data folder for its UI
 * checks, so no dirty editor may be left behind.
 */
export async function closeUntitled(document: vscode.TextDocument | undefined): Promise<void> {
  if (!document) {
    return;
  }
  if (!document.isClosed) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await waitFor(`${document.uri.toString()} to close`, () => document.isClosed && !hasTab(document.uri), 10_000);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** All completion items at `position` (every provider, snippets included), as the editor's explicit Ctrl+Space asks. */
export async function completionItems(uri: vscode.Uri, position: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list?.items ?? [];
}

/** Sorted as the suggest widget sorts before filtering: by sortText, else by label. */
export function bySortText(items: readonly vscode.CompletionItem[]): vscode.CompletionItem[] {
  return [...items].sort((a, b) => (a.sortText ?? labelOf(a)).localeCompare(b.sortText ?? labelOf(b)));
}

/** The replace range of a completion item, whichever form it has. */
export function replaceRange(item: vscode.CompletionItem): vscode.Range | undefined {
  const itemRange = item.range;
  return itemRange && 'replacing' in itemRange ? itemRange.replacing : itemRange;
}

/** govsec's code lenses (command govsec.showSummary) in a document, polled until `ready` accepts them. */
export async function waitForSummaryLenses(
  uri: vscode.Uri,
  ready: (lenses: vscode.CodeLens[]) => boolean = (lenses) => lenses.length > 0,
  timeoutMs = 10_000,
): Promise<vscode.CodeLens[]> {
  let seen: string[] = [];
  return waitFor(
    `govsec.showSummary code lenses on ${uri.toString()}`,
    async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)) ?? [];
      const lenses = all.filter((lens) => lens.command?.command === 'govsec.showSummary');
      seen = lenses.map((lens) => `${formatRange(lens.range)} ${lens.command?.title ?? ''}`);
      return ready(lenses) ? lenses : undefined;
    },
    timeoutMs,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; last lenses: ${seen.join(' | ') || 'none'}`);
  });
}

/** `text` without what it quotes (「…」, "…", “…”, `…`): a message quotes the terms it is about in their own script. */
function unquoted(text: string): string {
  return text.replace(/「[^」]*」|"[^"]*"|“[^”]*”|`[^`]*`/g, ' ');
}

/** Three Latin-letter words in a row (space- or hyphen-separated): the shape of an English phrase. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:[\s-]+[A-Za-z]{2,}){2,}/;
/** Hiragana or Japanese punctuation: every Japanese sentence has them, term names (katakana, kanji) need not. */
const JAPANESE_SENTENCE = /[\u3041-\u309f。、]/;

/** Why `message` is not in Japanese only (a Japanese sentence and no English phrase outside quotes), or undefined. */
export function notJapaneseOnly(message: string): string | undefined {
  const english = ENGLISH_PHRASE.exec(unquoted(message));
  if (!JAPANESE_SENTENCE.test(unquoted(message))) {
    return `no Japanese sentence in ${JSON.stringify(message)}`;
  }
  return english ? `English phrase ${JSON.stringify(english[0])} in ${JSON.stringify(message)}` : undefined;
}

/** Why `message` is not in English only (an English phrase and no Japanese sentence outside quotes), or undefined. */
export function notEnglishOnly(message: string): string | undefined {
  const japanese = JAPANESE_SENTENCE.exec(unquoted(message));
  if (!ENGLISH_PHRASE.test(unquoted(message))) {
    return `no English phrase in ${JSON.stringify(message)}`;
  }
  return japanese ? `Japanese ${JSON.stringify(japanese[0])} (a sentence outside quotes) in ${JSON.stringify(message)}` : undefined;
}
