/**
 * The catalogue manifest (glossary/controls/catalogues.yaml): read, validated against its JSON Schema, and
 * checked against the layout the row compilers expect. Problems point at the manifest node they concern.
 */

import * as fs from 'node:fs';
import Ajv from 'ajv';
import { LineCounter, parseDocument } from 'yaml';
import { describeAjvError, instancePath, nodeOffset } from '../../glossary/yamlData';
import { CATALOGUE_FAMILY, type CatalogueId, type CatalogueInfo, type MappingInfo } from '../types';
import type { Problems } from './tables';

/** A CSV table the manifest names. */
export interface TableEntry {
  readonly file: string;
  readonly columns: readonly string[];
  readonly rows: number;
}

export interface CatalogueEntry extends CatalogueInfo, TableEntry {
  readonly headings?: TableEntry;
}

export interface MappingEntry extends MappingInfo, TableEntry {}

export interface Manifest {
  readonly kind: 'catalogues';
  readonly catalogues: readonly CatalogueEntry[];
  readonly mappings: readonly MappingEntry[];
}

/** Reports a problem at a node of the manifest, by its path ("catalogues", 0, "file"). */
export type ManifestProblem = (nodePath: readonly (string | number)[], message: string) => void;

/** The columns the compiler reads, per catalogue (the manifest must list the same). */
const LAYOUT: Readonly<Record<CatalogueId, { readonly columns: readonly string[]; readonly headings?: readonly string[] }>> = {
  ismap: {
    columns: ['id', 'tier', 'level', 'suffix', 'cloud_specific', 'iso_reference'],
    headings: ['id', 'level', 'tier', 'title_en', 'iso_clause', 'title_ja', 'title_ja_source'],
  },
  'iso27001-2022': { columns: ['id', 'theme', 'title', 'title_ja', 'title_ja_source'] },
  'iso27001-2013': { columns: ['id', 'title', 'title_ja', 'title_ja_source'] },
  'nist-sp800-53r5': {
    columns: ['id', 'title', 'oscal_title', 'withdrawn', 'baseline_low', 'baseline_moderate', 'baseline_high', 'baseline_privacy'],
    headings: ['family', 'title', 'controls_and_enhancements'],
  },
  'common-standards-r7': { columns: ['id', 'level', 'title_en', 'title_ja', 'title_ja_source', 'page_en'] },
  'common-standards-r5': { columns: ['id', 'level', 'title_ja', 'r7_id'] },
  'common-standards-guideline-r5': { columns: ['id', 'level', 'title_ja', 'relates_to'] },
};

const MAPPING_COLUMNS = ['from_2013', 'to_2022', 'relationship', 'sources'];

/**
 * Reads and checks the manifest. On success returns it with the catalogue entries by id and a function that
 * reports later problems at manifest nodes; on any problem returns undefined (the problems are in `problems`).
 */
export function readManifest(
  manifestPath: string,
  manifestName: string,
  schema: object,
  problems: Problems,
): { manifest: Manifest; entries: Map<CatalogueId, { entry: CatalogueEntry; index: number }>; manifestAt: ManifestProblem } | undefined {
  let manifestText: string;
  try {
    manifestText = fs.readFileSync(manifestPath, 'utf8');
  } catch (error) {
    problems.add(manifestName, 1, 1, `cannot read the manifest: ${(error as Error).message}`);
    return undefined;
  }
  const lines = new LineCounter();
  const document = parseDocument(manifestText, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const manifestAt: ManifestProblem = (nodePath, message) => {
    const { line, col } = lines.linePos(nodeOffset(document, nodePath));
    problems.add(manifestName, line, col, message);
  };
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const { line, col } = lines.linePos(error.pos[0]);
      problems.add(manifestName, line, col, `YAML: ${error.message.split('\n')[0]}`);
    }
    return undefined;
  }
  const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
  const data = document.toJS();
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const error of validate.errors ?? []) {
      const message = describeAjvError(error).en;
      if (!seen.has(`${error.instancePath}:${message}`)) {
        seen.add(`${error.instancePath}:${message}`);
        manifestAt(instancePath(error), message);
      }
    }
    return undefined;
  }
  const manifest = data as Manifest;
  const before = problems.list.length;
  const entries = checkLayout(manifest, manifestAt);
  return problems.list.length > before ? undefined : { manifest, entries, manifestAt };
}

/** Manifest-level checks: unique ids, families, the columns of every table, the ends of every mapping. */
function checkLayout(manifest: Manifest, manifestAt: ManifestProblem): Map<CatalogueId, { entry: CatalogueEntry; index: number }> {
  const entries = new Map<CatalogueId, { entry: CatalogueEntry; index: number }>();
  manifest.catalogues.forEach((entry, index) => {
    if (entries.has(entry.id)) {
      manifestAt(['catalogues', index, 'id'], `duplicate catalogue id "${entry.id}"`);
      return;
    }
    entries.set(entry.id, { entry, index });
    if (CATALOGUE_FAMILY[entry.id] !== entry.family) {
      manifestAt(['catalogues', index, 'family'], `catalogue "${entry.id}" belongs to family "${CATALOGUE_FAMILY[entry.id]}", not "${entry.family}"`);
    }
    const layout = LAYOUT[entry.id];
    if (entry.columns.join(',') !== layout.columns.join(',')) {
      manifestAt(['catalogues', index, 'columns'], `catalogue "${entry.id}" has the columns [${layout.columns.join(', ')}]`);
    }
    if (layout.headings && !entry.headings) {
      manifestAt(['catalogues', index], `catalogue "${entry.id}" needs a headings table`);
    } else if (!layout.headings && entry.headings) {
      manifestAt(['catalogues', index, 'headings'], `catalogue "${entry.id}" has no headings table`);
    } else if (layout.headings && entry.headings && entry.headings.columns.join(',') !== layout.headings.join(',')) {
      manifestAt(['catalogues', index, 'headings', 'columns'], `the headings of "${entry.id}" have the columns [${layout.headings.join(', ')}]`);
    }
  });
  manifest.mappings.forEach((mapping, index) => {
    if (mapping.from !== 'iso27001-2013' || mapping.to !== 'iso27001-2022') {
      manifestAt(['mappings', index, 'from'], `mapping "${mapping.id}" goes from "iso27001-2013" to "iso27001-2022"`);
    }
    for (const side of ['from', 'to'] as const) {
      if (!entries.has(mapping[side])) {
        manifestAt(['mappings', index, side], `mapping "${mapping.id}" refers to "${mapping[side]}", which is not in catalogues`);
      }
    }
    if (mapping.columns.join(',') !== MAPPING_COLUMNS.join(',')) {
      manifestAt(['mappings', index, 'columns'], `mapping "${mapping.id}" has the columns [${MAPPING_COLUMNS.join(', ')}]`);
    }
  });
  return entries;
}
