/**
 * The term glossary at run time: an immutable view over the compiled glossary. The matcher over its
 * spellings lives in Knowledge, shared with the cloud-service catalogue.
 */

import { COMPILED_GLOSSARY_FORMAT, type CompiledGlossary, type CompiledSpelling, type TermEntry } from './types';

export class Glossary {
  readonly terms: readonly TermEntry[];
  readonly spellings: readonly CompiledSpelling[];
  private readonly termsById: ReadonlyMap<string, TermEntry>;

  constructor(compiled: CompiledGlossary) {
    if (compiled.format !== COMPILED_GLOSSARY_FORMAT) {
      throw new Error(`unsupported compiled glossary format ${String(compiled.format)}`);
    }
    this.terms = compiled.terms;
    this.spellings = compiled.spellings;
    this.termsById = new Map(compiled.terms.map((term) => [term.id, term]));
  }

  term(id: string): TermEntry | undefined {
    return this.termsById.get(id);
  }

  /** The term a spelling belongs to (always present for a spelling from this glossary). */
  termOf(spelling: CompiledSpelling): TermEntry {
    return this.termsById.get(spelling.termId)!;
  }
}
