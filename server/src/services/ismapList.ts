/**
 * The workspace's ISMAP list file: written as YAML atomically by `govsec ismap import`, loaded back with
 * validation, chosen over the bundled list, and judged stale when it is older than the portal's update
 * cycle. Reading the files users save from the portal is ismapListRead.ts.
 *
 * An import never replaces a good list file with an empty one, and a failed write leaves the previous file
 * as it was.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Document } from 'yaml';
import type { GlossaryProblem } from '../glossary/types';
import { checkIsmapList, validatorFor } from './compile';
import { loadSchema } from '../glossary/schemas';
import type { IsmapList } from './types';

/** Where `govsec ismap import` writes by default, relative to the workspace root. */
export const DEFAULT_ISMAP_LIST_FILE = '.govsec/ismap-list.yaml';

/** Where users get the official list (the portal's list page). */
export const ISMAP_LIST_PAGE = 'https://www.ismap.go.jp/csm?id=cloud_service_list';

// ------------------------------------------------------------------------------------------------ staleness

/**
 * The portal's list changes about every three months (sizes reported at 2021-03, 2022-06, 2024-01, 2024-05,
 * 2024-10; see the reference README, section 8), so an older list may miss services registered since.
 */
export const ISMAP_LIST_STALE_AFTER_MONTHS = 3;

export interface IsmapListAge {
  /** The list's as-of date. */
  readonly asOf: string;
  /** The last day the list counts as current: as-of plus three months (that month's last day when shorter). */
  readonly currentUntil: string;
  readonly stale: boolean;
}

/** Whether a list is older than the portal's update cycle on `today` (YYYY-MM-DD, the caller's clock). */
export function ismapListAge(list: Pick<IsmapList, 'asOf'>, today: string): IsmapListAge {
  const [year, month, day] = list.asOf.split('-').map(Number);
  const monthIndex = month - 1 + ISMAP_LIST_STALE_AFTER_MONTHS;
  const targetYear = year + Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate();
  const currentUntil = `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  return { asOf: list.asOf, currentUntil, stale: today > currentUntil };
}

export { localDate } from '../text/localDate';

// ------------------------------------------------------------------------------------------ YAML in/out

/** The list as YAML that validates against glossary/schema/ismap-list.schema.json, with a header comment. */
export function serializeIsmapList(list: IsmapList): string {
  const ordered: Record<string, unknown> = {
    kind: 'ismap-list',
    name: list.name,
    asOf: list.asOf,
    partial: list.partial,
  };
  if (list.partialNote) {
    ordered.partialNote = { ja: list.partialNote.ja, en: list.partialNote.en };
  }
  if (list.importedFrom) {
    ordered.importedFrom = { ...list.importedFrom };
  }
  if (list.sources) {
    ordered.sources = list.sources.map((source) => ({ ...source }));
  }
  ordered.entries = list.entries.map((entry) => {
    const out: Record<string, unknown> = { registrationNumber: entry.registrationNumber, serviceName: entry.serviceName };
    for (const key of ['provider', 'registered', 'expires', 'program', 'serviceId', 'line'] as const) {
      if (entry[key] !== undefined) {
        out[key] = entry[key];
      }
    }
    if (entry.sources) {
      out.sources = [...entry.sources];
    }
    return out;
  });
  const document = new Document(ordered);
  const count = `${list.entries.length} ${list.entries.length === 1 ? 'service' : 'services'}`;
  const comment = list.importedFrom
    ? [
        ` ISMAP list imported by govsec from "${list.importedFrom.file}" on ${list.importedFrom.importedAt}`,
        ` (govsec ismap import). As of ${list.asOf}: ${count}` +
          (list.importedFrom.skipped > 0 ? `; ${list.importedFrom.skipped} malformed ${list.importedFrom.skipped === 1 ? 'row was' : 'rows were'} skipped.` : '.'),
        ' govsec uses this file in place of its bundled partial list. Re-run the import to refresh it.',
      ]
    : [` ISMAP list "${list.name}", as of ${list.asOf}: ${count}${list.partial ? ' (partial)' : ''}.`];
  document.commentBefore = comment.map((line) => line.replace(/[\r\n]+/g, ' ')).join('\n');
  return document.toString({ lineWidth: 0 });
}

/** Parses and validates a list file's text; problems carry file, line and column. */
export function loadIsmapList(text: string, file: string): { list?: IsmapList; problems: GlossaryProblem[] } {
  const { list, problems } = checkIsmapList(text, file, validatorFor(loadSchema('ismap-list')));
  return list ? { list, problems } : { problems };
}

/** Reads and loads a list file; a missing file is `{ missing: true }`, not a problem. */
export function loadIsmapListFile(file: string): { list?: IsmapList; problems: GlossaryProblem[]; missing?: boolean } {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      return { problems: [], missing: true };
    }
    const reason = code ?? String(error);
    return { problems: [{ file, line: 1, column: 1, message: { ja: `ISMAP 一覧を読めません（${reason}）`, en: `cannot read the ISMAP list (${reason})` } }] };
  }
  return loadIsmapList(text, file);
}

/**
 * The list to use for a workspace: its imported list (DEFAULT_ISMAP_LIST_FILE under the root) when that
 * exists and is valid, else the bundled one. Problems of a broken workspace list are returned for display.
 */
export function activeIsmapList(
  workspaceRoot: string | undefined,
  bundled: IsmapList,
): { list: IsmapList; origin: 'workspace' | 'bundled'; file?: string; problems: GlossaryProblem[] } {
  if (workspaceRoot === undefined) {
    return { list: bundled, origin: 'bundled', problems: [] };
  }
  const file = path.join(workspaceRoot, DEFAULT_ISMAP_LIST_FILE);
  const loaded = loadIsmapListFile(file);
  if (loaded.list && loaded.list.entries.length > 0) {
    return { list: loaded.list, origin: 'workspace', file, problems: [] };
  }
  return { list: bundled, origin: 'bundled', problems: loaded.problems };
}

/**
 * Writes the list to `outputPath` atomically (a temporary file in the same folder, then a rename). Refuses
 * an empty list, and checks that the YAML loads back, so an existing good file is never replaced by a
 * broken or empty one. Throws on failure; the previous file is then untouched.
 */
export function writeIsmapListFile(list: IsmapList, outputPath: string): void {
  if (list.entries.length === 0) {
    throw new Error(`refusing to write an ISMAP list with no entries to ${outputPath}`);
  }
  const text = serializeIsmapList(list);
  const check = loadIsmapList(text, outputPath);
  if (!check.list) {
    throw new Error(`the ISMAP list does not validate: ${check.problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message.en}`).join('; ')}`);
  }
  const directory = path.dirname(path.resolve(outputPath));
  fs.mkdirSync(directory, { recursive: true });
  const temporary = path.join(directory, `.${path.basename(outputPath)}.${process.pid}.${Date.now()}.tmp`);
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, outputPath);
  } catch (error) {
    try {
      fs.unlinkSync(temporary);
    } catch {
      // already renamed or never created
    }
    throw error;
  }
}
