/**
 * The glossary at run time: an immutable view over the compiled glossary, with the term matcher built
 * once. Loading reads one JSON file written at build time; no YAML is parsed on the editor's start-up path.
 */

import * as fs from 'node:fs';
import { DictionaryMatcher } from '../text/matcher';
import { COMPILED_GLOSSARY_FORMAT, type CompiledGlossary, type CompiledSpelling, type TermEntry } from './types';

export class Glossary {
  readonly terms: readonly TermEntry[];
  readonly matcher: DictionaryMatcher<CompiledSpelling>;
  private readonly termsById: ReadonlyMap<string, TermEntry>;

  constructor(compiled: CompiledGlossary) {
    if (compiled.format !== COMPILED_GLOSSARY_FORMAT) {
      throw new Error(`unsupported compiled glossary format ${String(compiled.format)}`);
    }
    this.terms = compiled.terms;
    this.termsById = new Map(compiled.terms.map((term) => [term.id, term]));
    this.matcher = new DictionaryMatcher(compiled.spellings.map((spelling) => ({ key: spelling.key, value: spelling })));
  }

  term(id: string): TermEntry | undefined {
    return this.termsById.get(id);
  }

  /** The term a spelling belongs to (always present for a spelling from this glossary). */
  termOf(spelling: CompiledSpelling): TermEntry {
    return this.termsById.get(spelling.termId)!;
  }
}

export function loadCompiledGlossary(file: string): Glossary {
  return new Glossary(JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledGlossary);
}
