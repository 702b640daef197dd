/** The finding both locale suites read: term/variant on ガバクラ in an untitled Markdown document. */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, closeUntitled, codeHref, codeOf, extensionRoot, findDiagnostic, openUntitled, range, waitForDiagnostics } from './helpers';

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
