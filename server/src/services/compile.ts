/**
 * Service catalogue compiler: glossary/services/*.yaml + an ISMAP list file → validated, cross-checked,
 * compiled catalogue (JSON-serialisable), with every problem at its file, line and column.
 *
 * Checks beyond the schemas: unique service ids, unique spellings after NFKC (names and aliases), unique
 * region ids and registration numbers, no service both reported registered and not registered, list entries that name existing services and agree with the
 * catalogue's sourced facts, and — when the compiled term glossary is given — links to glossary terms and
 * no spelling that is already a glossary term's.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import type { BuildProblem, CompiledGlossary, GlossaryProblem } from '../glossary/types';
import { displayPath, nodeOffset, parseAndValidate, positionOf, problemAt, validatorFor, type ParsedYaml } from '../glossary/yamlData';
import { normalizeKey } from '../text/normalize';
import { normalizeRegistrationNumber } from './status';
import {
  COMPILED_SERVICES_FORMAT,
  type CompiledServices,
  type IsmapList,
  type ServiceEntry,
  type ServiceSpelling,
} from './types';

export interface ServiceSchemas {
  readonly services: object;
  readonly ismapList: object;
}

export interface CompileServicesOptions {
  /** The compiled term glossary: enables the `term` link checks and the term/service spelling clash check. */
  readonly glossary?: Pick<CompiledGlossary, 'terms' | 'spellings'>;
}

export interface CompileServicesResult {
  /** Present only when there were no problems. */
  readonly services?: CompiledServices;
  /** The catalogue is bundled, so its problems are for maintainers (English). */
  readonly problems: BuildProblem[];
}

/** A user-data problem (both languages) as a build problem, when bundled data goes through a shared check. */
export function asBuildProblem(problem: GlossaryProblem): BuildProblem {
  return { ...problem, message: problem.message.en };
}

// Shared YAML + schema helpers (re-exported for the modules that import them from here).
export { displayPath, nodeOffset, parseAndValidate, positionOf, problemAt, validatorFor, type ParsedYaml } from '../glossary/yamlData';

interface PlacedService {
  readonly entry: ServiceEntry;
  readonly parsed: ParsedYaml;
  readonly index: number;
}

type RawService = Omit<ServiceEntry, 'location' | 'aliases' | 'ismap' | 'notRegistered' | 'regions'> &
  Partial<Pick<ServiceEntry, 'aliases' | 'ismap' | 'notRegistered' | 'regions'>>;

export function compileServices(
  servicesDirectory: string,
  ismapListFile: string,
  schemas: ServiceSchemas,
  options: CompileServicesOptions = {},
): CompileServicesResult {
  const problems: BuildProblem[] = [];
  const placed: PlacedService[] = [];
  const servicesValidate = validatorFor(schemas.services);

  let names: string[];
  try {
    names = fs.readdirSync(servicesDirectory).filter((name) => /\.ya?ml$/.test(name)).sort();
  } catch (error) {
    return { problems: [{ file: displayPath(servicesDirectory), line: 1, column: 1, message: `cannot read the folder (${(error as NodeJS.ErrnoException).code ?? String(error)})` }] };
  }
  if (names.length === 0) {
    problems.push({ file: displayPath(servicesDirectory), line: 1, column: 1, message: 'no .yaml files' });
  }

  for (const name of names) {
    const full = path.join(servicesDirectory, name);
    const file = displayPath(full);
    const result = parseAndValidate(fs.readFileSync(full, 'utf8'), file, servicesValidate);
    problems.push(...result.problems.map(asBuildProblem));
    if (result.data === undefined) {
      continue;
    }
    ((result.data as { services: RawService[] }).services).forEach((raw, index) => {
      const position = positionOf(result.parsed, nodeOffset(result.parsed.document, ['services', index, 'id']));
      const entry: ServiceEntry = {
        ...raw,
        aliases: raw.aliases ?? [],
        ismap: raw.ismap ?? [],
        notRegistered: raw.notRegistered ?? [],
        regions: raw.regions ?? [],
        location: { file, line: position.line },
      };
      placed.push({ entry, parsed: result.parsed, index });
    });
  }

  const at = (service: PlacedService, nodePath: (string | number)[], message: string) => {
    problems.push(problemAt(service.parsed, ['services', service.index, ...nodePath], message));
  };
  const where = (service: PlacedService) => `${service.entry.location.file}:${service.entry.location.line}`;

  // Ids.
  const byId = new Map<string, PlacedService>();
  for (const service of placed) {
    const previous = byId.get(service.entry.id);
    if (previous) {
      at(service, ['id'], `duplicate service id "${service.entry.id}" (first defined in ${where(previous)})`);
    } else {
      byId.set(service.entry.id, service);
    }
  }

  // Glossary terms, for the links and the clash check.
  const termIds = new Set(options.glossary?.terms.map((term) => term.id));
  const termSpelling = new Map(options.glossary?.spellings.map((spelling) => [spelling.key, spelling]));

  // Spellings.
  const spellings: ServiceSpelling[] = [];
  const spellingOwner = new Map<string, PlacedService>();
  for (const service of placed) {
    const { entry } = service;
    if (entry.term !== undefined && options.glossary) {
      if (!termIds.has(entry.term)) {
        at(service, ['term'], `glossary term "${entry.term}" does not exist`);
      } else if (termSpelling.get(normalizeKey(entry.name))?.termId !== entry.term) {
        at(service, ['name'], `name "${entry.name}" is not a spelling of the linked glossary term "${entry.term}"`);
      }
    }
    const written: { text: string; canonical: boolean; nodePath: (string | number)[] }[] = [];
    if (entry.term === undefined && entry.matchName !== false) {
      written.push({ text: entry.name, canonical: true, nodePath: ['name'] });
    }
    entry.aliases.forEach((alias, index) => {
      if (alias.match !== false) {
        written.push({ text: alias.text, canonical: alias.canonical, nodePath: ['aliases', index, 'text'] });
      }
    });
    for (const spelling of written) {
      const key = normalizeKey(spelling.text);
      if (/[\r\n]/.test(key)) {
        at(service, spelling.nodePath, `spelling "${spelling.text}" contains a line break`);
        continue;
      }
      const term = termSpelling.get(key);
      if (term) {
        at(
          service,
          spelling.nodePath,
          `spelling "${spelling.text}" is already a spelling of glossary term "${term.termId}"; link the term with "term: ${term.termId}" instead of repeating it`,
        );
        continue;
      }
      const owner = spellingOwner.get(key);
      if (owner) {
        at(
          service,
          spelling.nodePath,
          owner === service
            ? `spelling "${spelling.text}" is listed twice (after NFKC normalisation)`
            : `spelling "${spelling.text}" is already a spelling of service "${owner.entry.id}" (${where(owner)})`,
        );
        continue;
      }
      spellingOwner.set(key, service);
      spellings.push({ key, text: spelling.text, serviceId: entry.id, canonical: spelling.canonical });
    }
  }

  // A service is either reported registered or reported not registered: a contradiction means the sources
  // speak of different services (さくらのクラウド vs さくらのAI Engine), which are then separate entries.
  for (const service of placed) {
    if (service.entry.ismap.length > 0 && service.entry.notRegistered.length > 0) {
      at(service, ['notRegistered'], `service "${service.entry.id}" has both ISMAP registrations and "not registered" reports; make the narrower one a service of its own`);
    }
  }

  // Regions and registration numbers.
  const regionOwner = new Map<string, PlacedService>();
  const numberOwner = new Map<string, PlacedService>();
  for (const service of placed) {
    service.entry.regions.forEach((region, index) => {
      const owner = regionOwner.get(region.id);
      if (owner) {
        at(service, ['regions', index, 'id'], owner === service
          ? `region "${region.id}" is listed twice`
          : `region "${region.id}" is already a region of service "${owner.entry.id}" (${where(owner)})`);
      } else {
        regionOwner.set(region.id, service);
      }
    });
    service.entry.ismap.forEach((fact, index) => {
      if (fact.registrationNumber === undefined) {
        return;
      }
      const number = normalizeRegistrationNumber(fact.registrationNumber);
      const owner = numberOwner.get(number);
      if (owner) {
        at(service, ['ismap', index, 'registrationNumber'], `registration number ${fact.registrationNumber} is already given for service "${owner.entry.id}" (${where(owner)})`);
      } else {
        numberOwner.set(number, service);
      }
    });
  }

  // The ISMAP list.
  let ismapList: IsmapList | undefined;
  const listFile = displayPath(ismapListFile);
  let listText: string | undefined;
  try {
    listText = fs.readFileSync(ismapListFile, 'utf8');
  } catch (error) {
    problems.push({ file: listFile, line: 1, column: 1, message: `cannot read the ISMAP list (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
  }
  if (listText !== undefined) {
    const loaded = checkIsmapList(listText, listFile, validatorFor(schemas.ismapList));
    problems.push(...loaded.problems.map(asBuildProblem));
    if (loaded.list && loaded.parsed) {
      ismapList = loaded.list;
      const listParsed = loaded.parsed;
      loaded.list.entries.forEach((entry, index) => {
        if (entry.serviceId === undefined) {
          return;
        }
        const service = byId.get(entry.serviceId);
        if (!service) {
          problems.push(problemAt(listParsed, ['entries', index, 'serviceId'], `service id "${entry.serviceId}" does not exist in the catalogue`));
          return;
        }
        const number = normalizeRegistrationNumber(entry.registrationNumber);
        const facts = service.entry.ismap.filter((fact) => fact.registrationNumber !== undefined);
        if (!facts.some((fact) => normalizeRegistrationNumber(fact.registrationNumber!) === number && fact.program === entry.program)) {
          problems.push(
            problemAt(
              listParsed,
              ['entries', index, 'registrationNumber'],
              `entry ${entry.registrationNumber} (${entry.program}) is not among the sourced ISMAP facts of service "${entry.serviceId}" (${where(service)})`,
            ),
          );
        }
      });
    }
  }

  if (problems.length > 0 || !ismapList) {
    return { problems };
  }
  return {
    services: { format: COMPILED_SERVICES_FORMAT, services: placed.map((service) => service.entry), spellings, ismapList },
    problems,
  };
}

/**
 * Validates an ISMAP list's text and cross-checks it on its own: unique registration numbers, and source
 * ids that exist. Used for the bundled list and for imported workspace lists.
 */
export function checkIsmapList(
  text: string,
  file: string,
  validate: ValidateFunction,
): { list?: IsmapList; parsed?: ParsedYaml; problems: GlossaryProblem[] } {
  const result = parseAndValidate(text, file, validate);
  if (result.data === undefined) {
    return { problems: result.problems };
  }
  const list = result.data as IsmapList;
  const problems: GlossaryProblem[] = [];
  const sourceIds = new Set<string>();
  (list.sources ?? []).forEach((source, index) => {
    if (sourceIds.has(source.id)) {
      problems.push(problemAt(result.parsed, ['sources', index, 'id'], { ja: `出典 ID「${source.id}」が二度あります`, en: `source id "${source.id}" is listed twice` }));
    }
    sourceIds.add(source.id);
  });
  const numbers = new Map<string, number>();
  list.entries.forEach((entry, index) => {
    const number = normalizeRegistrationNumber(entry.registrationNumber);
    const first = numbers.get(number);
    if (first !== undefined) {
      const firstLine = positionOf(result.parsed, nodeOffset(result.parsed.document, ['entries', first])).line;
      problems.push(
        problemAt(result.parsed, ['entries', index, 'registrationNumber'], {
          ja: `登録番号 ${entry.registrationNumber} が二度あります（最初は ${firstLine} 行目）`,
          en: `registration number ${entry.registrationNumber} is listed twice (first on line ${firstLine})`,
        }),
      );
    } else {
      numbers.set(number, index);
    }
    (entry.sources ?? []).forEach((id, sourceIndex) => {
      if (!sourceIds.has(id)) {
        problems.push(
          problemAt(result.parsed, ['entries', index, 'sources', sourceIndex], { ja: `出典 ID「${id}」は一覧の sources にありません`, en: `source id "${id}" is not among the list's sources` }),
        );
      }
    });
  });
  return problems.length > 0 ? { problems } : { list, parsed: result.parsed, problems };
}
