/**
 * Compiles all of govsec's knowledge at build time: glossary terms, the cloud-service catalogue with the
 * bundled ISMAP list, and the control catalogues — each validated against its schema in glossary/schema/
 * and cross-checked. scripts/build.js writes the results to dist/; nothing here runs in the editor.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { compileCatalogues } from '../catalogues/compile';
import type { CompiledCatalogues } from '../catalogues/types';
import { compileGlossary, createTermsValidator } from '../glossary/compile';
import type { BuildProblem, CompiledGlossary } from '../glossary/types';
import { COMPILED_FILES } from '../knowledge';
import { asBuildProblem, compileServices } from '../services/compile';
import type { CompiledServices } from '../services/types';

export interface KnowledgeSources {
  /** Repository root; paths in problems are relative to it. */
  readonly root: string;
  /** Folder of term files (default glossary/terms). */
  readonly termsDirectory?: string;
}

export interface CompiledKnowledge {
  readonly glossary: CompiledGlossary;
  readonly services: CompiledServices;
  readonly catalogues: CompiledCatalogues;
}

function readSchema(root: string, name: string): object {
  return JSON.parse(fs.readFileSync(path.join(root, 'glossary', 'schema', name), 'utf8')) as object;
}

export function compileKnowledge(sources: KnowledgeSources): { knowledge?: CompiledKnowledge; problems: BuildProblem[] } {
  const { root } = sources;
  const termsDirectory = path.resolve(root, sources.termsDirectory ?? path.join('glossary', 'terms'));
  const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
  const termFiles = fs
    .readdirSync(termsDirectory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({ path: relative(path.join(termsDirectory, name)), text: fs.readFileSync(path.join(termsDirectory, name), 'utf8') }));
  const terms = compileGlossary(termFiles, createTermsValidator(readSchema(root, 'terms.schema.json')));
  const services = compileServices(
    path.join(root, 'glossary', 'services'),
    path.join(root, 'glossary', 'ismap-list', 'bundled.yaml'),
    { services: readSchema(root, 'services.schema.json'), ismapList: readSchema(root, 'ismap-list.schema.json') },
    // The clash check needs the terms; when they failed, services are still checked on their own.
    { glossary: terms.glossary },
  );
  const catalogues = compileCatalogues(path.join(root, 'glossary', 'controls'), readSchema(root, 'catalogues.schema.json'), { displayRoot: root });
  const problems = [...terms.problems.map(asBuildProblem), ...services.problems, ...catalogues.problems];
  if (problems.length > 0 || !terms.glossary || !services.services || !catalogues.catalogues) {
    return { problems };
  }
  return { knowledge: { glossary: terms.glossary, services: services.services, catalogues: catalogues.catalogues }, problems };
}

/** Writes the compiled knowledge to `directory` under the names the server and CLI load. */
export function writeCompiledKnowledge(knowledge: CompiledKnowledge, directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, COMPILED_FILES.glossary), JSON.stringify(knowledge.glossary));
  fs.writeFileSync(path.join(directory, COMPILED_FILES.services), JSON.stringify(knowledge.services));
  fs.writeFileSync(path.join(directory, COMPILED_FILES.catalogues), JSON.stringify(knowledge.catalogues));
}
