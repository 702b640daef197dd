/** The finding both locale suites read: term/variant on ガバクラ in an untitled Markdown document. */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  EXTENSION_ID,
  activateExtension,
  closeUntitled,
  codeHref,
  codeOf,
  extensionRoot,
  findDiagnostic,
  openUntitled,
  range,
  waitForDiagnostics,
} from './helpers';

export const VARIANT_TEXT = '# メモ\n\n移行先はガバクラとする。\n';
export const VARIANT_RANGE = range(2, 4, 8);

/** Opens the document, returns its term/variant diagnostic (checked for range and rule page), and closes it again. */
export async function variantFinding(): Promise<vscode.Diagnostic> {
  await activateExtension();
  const { document } = await openUntitled('markdown', VARIANT_TEXT);
  try {
    const diagnostics = await waitForDiagnostics(document.uri, (found) => found.some((d) => codeOf(d) === 'term/variant'), 30_000);
    const variant = findDiagnostic(diagnostics, 'term/variant', VARIANT_RANGE);
    const page = path.join(extensionRoot(), 'docs', 'rules', 'term', 'variant.md');
    assert.equal(codeHref(variant), vscode.Uri.file(page).toString());
    assert.ok(fs.existsSync(page), page);
    return variant;
  } finally {
    await closeUntitled(document);
  }
}

/**
 * The package's own string for `key` in package.nls.<language>.json (package.nls.json for English), or undefined
 * when the package has no such bundle.
 */
export function packageString(language: 'ja' | 'en', key: string): string | undefined {
  const file = path.join(extensionRoot(), language === 'en' ? 'package.nls.json' : `package.nls.${language}.json`);
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const value = (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string | { message: string }>)[key];
  return typeof value === 'object' ? value.message : value;
}

/**
 * Each contributed command's title as the editor shows it (the extension's packageJSON, which VS Code localizes
 * for its display language) beside the title of the package's `language` bundle for the command's %key%.
 */
export function commandTitles(language: 'ja' | 'en'): { command: string; shown: string | undefined; bundle: string | undefined }[] {
  type Commands = { contributes: { commands: { command: string; title: string }[] } };
  const raw = JSON.parse(fs.readFileSync(path.join(extensionRoot(), 'package.json'), 'utf8')) as Commands;
  // A localized title comes as { value, original } (original: the package.nls.json text).
  type Shown = { contributes: { commands: { command: string; title: string | { value: string; original: string } }[] } };
  const shown = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as Shown).contributes.commands;
  return raw.contributes.commands.map(({ command, title }) => {
    const key = /^%(.+)%$/.exec(title)?.[1];
    const entry = shown.find((candidate) => candidate.command === command)?.title;
    return { command, shown: typeof entry === 'object' ? entry.value : entry, bundle: key ? packageString(language, key) : undefined };
  });
}
