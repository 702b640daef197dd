/** Shared test helpers: repo paths and glossaries (the small fixture one and the real compiled one). */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileGlossary, createTermsValidator } from '../server/src/glossary/compile';
import { Knowledge, loadKnowledge } from '../server/src/knowledge';
import type { NormalizedText } from '../server/src/text/normalize';

/** Repository root (tests run from out/test/…). */
export const repoRoot = path.resolve(__dirname, '..', '..');

export function termsSchema(): object {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, 'glossary', 'schema', 'terms.schema.json'), 'utf8'));
}

export function readGlossaryFiles(directory: string) {
  return fs
    .readdirSync(directory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: path.relative(repoRoot, path.join(directory, name)), text: fs.readFileSync(path.join(directory, name), 'utf8') }));
}

let fixture: Knowledge | undefined;

/** Knowledge made of the small fixture glossary in test/fixtures/glossary only, compiled by the real compiler. */
export function fixtureKnowledge(): Knowledge {
  if (!fixture) {
    const result = compileGlossary(readGlossaryFiles(path.join(repoRoot, 'test', 'fixtures', 'glossary')), createTermsValidator(termsSchema()));
    if (!result.glossary) {
      throw new Error(`fixture glossary: ${JSON.stringify(result.problems)}`);
    }
    fixture = Knowledge.fromParts({ glossary: result.glossary });
  }
  return fixture;
}

let bundled: Knowledge | undefined;

/** The real knowledge as the build compiled it into dist/ (npm test builds first). */
export function bundledKnowledge(): Knowledge {
  bundled ??= loadKnowledge(path.join(repoRoot, 'dist'));
  return bundled;
}

/** Offset of the n-th (0-based) occurrence of `needle` in `text`; throws if absent. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let from = 0;
  for (let i = 0; ; i++) {
    const found = text.indexOf(needle, from);
    if (found === -1) {
      throw new Error(`"${needle}" (#${occurrence}) not in text`);
    }
    if (i === occurrence) {
      return found;
    }
    from = found + 1;
  }
}

/** A normalised text's offset map unit by unit: where each unit's source cluster starts. */
export function starts(normalized: NormalizedText): number[] {
  return Array.from({ length: normalized.text.length }, (_, index) => normalized.startOf(index));
}

/** A normalised text's offset map unit by unit: where each unit's source cluster ends. */
export function ends(normalized: NormalizedText): number[] {
  return Array.from({ length: normalized.text.length }, (_, index) => normalized.endOf(index));
}
