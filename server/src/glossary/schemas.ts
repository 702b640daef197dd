/**
 * The JSON Schemas in glossary/schema/, read from disk on first use. They ship beside the bundles (the
 * extension holds glossary/schema/ next to dist/; the repository has it at its root), so there is one copy of
 * each schema: the file users' YAML tools also read.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

export type SchemaName = 'config' | 'ismap-list' | 'system-profile' | 'terms';

let directory: string | undefined;
const loaded = new Map<SchemaName, object>();

/** glossary/schema, looked for from this module's folder upwards (dist/, or out/server/src/… in tests). */
function schemaDirectory(): string {
  if (directory === undefined) {
    for (let folder = __dirname; ; folder = path.dirname(folder)) {
      const candidate = path.join(folder, 'glossary', 'schema');
      if (fs.existsSync(path.join(candidate, 'terms.schema.json'))) {
        directory = candidate;
        break;
      }
      if (path.dirname(folder) === folder) {
        throw new Error(`govsec: glossary/schema not found above ${__dirname}`);
      }
    }
  }
  return directory;
}

export function schemaFile(name: SchemaName): string {
  return path.join(schemaDirectory(), `${name}.schema.json`);
}

export function loadSchema(name: SchemaName): object {
  let schema = loaded.get(name);
  if (!schema) {
    schema = JSON.parse(fs.readFileSync(schemaFile(name), 'utf8')) as object;
    loaded.set(name, schema);
  }
  return schema;
}
