/**
 * Everything govsec knows, as one immutable object: the term glossary, the cloud-service catalogue, the
 * ISMAP list in use, and one dictionary matcher over every term and service spelling (so a document is
 * scanned once, longest match first across both). Built once at start from the compiled files in dist/;
 * replacing the ISMAP list (a workspace import) makes a new Knowledge that shares everything else.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import { Catalogues, type ControlReference as CatalogueLookup } from './catalogues/catalogues';
import type { CatalogueId, CompiledCatalogues } from './catalogues/types';
import { Glossary } from './glossary/glossary';
import type { CompiledGlossary, CompiledSpelling } from './glossary/types';
import type { CompiledServices, IsmapList, ServiceEntry, ServiceRegion, ServiceSpelling } from './services/types';
import { DictionaryMatcher } from './text/matcher';
import { normalizeKey } from './text/normalize';

/** A cloud region a written name or id may denote (a name can be shared by providers). */
export interface RegionCandidate {
  readonly region: ServiceRegion;
  readonly service: ServiceEntry;
}

export type LexiconEntry =
  | { readonly kind: 'term'; readonly spelling: CompiledSpelling }
  | { readonly kind: 'service'; readonly spelling: ServiceSpelling };

export interface KnowledgeParts {
  readonly glossary: CompiledGlossary;
  readonly services?: CompiledServices;
  readonly catalogues?: CompiledCatalogues;
  /** Replaces the bundled ISMAP list (a workspace's imported list). */
  readonly ismapList?: IsmapList;
}

const EMPTY_ISMAP_LIST: IsmapList = {
  kind: 'ismap-list',
  name: 'no ISMAP list loaded',
  asOf: '0000-00-00',
  partial: true,
  entries: [],
};

export class Knowledge {
  readonly glossary: Glossary;
  readonly services: readonly ServiceEntry[];
  /** The ISMAP list in use: the bundled partial list unless a workspace imported the official one. */
  readonly ismapList: IsmapList;
  /** The bundled list, kept so that a broken or removed import falls back to it. */
  readonly bundledIsmapList: IsmapList;
  readonly lexicon: DictionaryMatcher<LexiconEntry>;
  /** The control catalogues (ISMAP, ISO/IEC 27001 2013/2022, NIST SP 800-53, 統一基準); absent in small test setups. */
  readonly catalogues: Catalogues | undefined;
  private readonly servicesById: ReadonlyMap<string, ServiceEntry>;
  private readonly servicesByTerm: ReadonlyMap<string, ServiceEntry>;
  private regionMatcherCache: DictionaryMatcher<readonly RegionCandidate[]> | undefined;
  /** The compiled parts, kept to rebuild with a user's glossary. */
  private readonly parts: KnowledgeParts;

  private constructor(
    glossary: Glossary,
    services: readonly ServiceEntry[],
    bundledIsmapList: IsmapList,
    ismapList: IsmapList,
    lexicon: DictionaryMatcher<LexiconEntry>,
    catalogues: Catalogues | undefined,
    parts: KnowledgeParts,
  ) {
    this.parts = parts;
    this.glossary = glossary;
    this.catalogues = catalogues;
    this.services = services;
    this.servicesById = new Map(services.map((service) => [service.id, service]));
    this.servicesByTerm = new Map(services.flatMap((service) => (service.term ? [[service.term, service] as const] : [])));
    this.bundledIsmapList = bundledIsmapList;
    this.ismapList = ismapList;
    this.lexicon = lexicon;
  }

  static fromParts(parts: KnowledgeParts): Knowledge {
    const glossary = new Glossary(parts.glossary);
    const services = parts.services?.services ?? [];
    const keys = [
      ...parts.glossary.spellings.map((spelling) => ({ key: spelling.key, value: { kind: 'term', spelling } as LexiconEntry })),
      ...(parts.services?.spellings ?? []).map((spelling) => ({ key: spelling.key, value: { kind: 'service', spelling } as LexiconEntry })),
    ];
    const bundled = parts.services?.ismapList ?? EMPTY_ISMAP_LIST;
    const catalogues = parts.catalogues ? new Catalogues(parts.catalogues) : undefined;
    return new Knowledge(glossary, services, bundled, parts.ismapList ?? bundled, new DictionaryMatcher(keys), catalogues, parts);
  }

  /** The same knowledge with another ISMAP list in use (undefined: back to the bundled one). */
  withIsmapList(list: IsmapList | undefined): Knowledge {
    return new Knowledge(this.glossary, this.services, this.bundledIsmapList, list ?? this.bundledIsmapList, this.lexicon, this.catalogues, {
      ...this.parts,
      ismapList: list,
    });
  }

  /** The cloud-service spellings the lexicon matches (names matched in text and aliases). */
  get serviceSpellings(): readonly ServiceSpelling[] {
    return this.parts.services?.spellings ?? [];
  }

  /** The compiled glossary this knowledge was built from (the base for a user's extra terms). */
  get compiledGlossary(): CompiledGlossary {
    return this.parts.glossary;
  }

  /**
   * The same knowledge with another term glossary (bundled terms plus a user's). Throws when a user's
   * spelling is also a catalogued service's, since one text cannot mean both.
   */
  withGlossary(glossary: CompiledGlossary): Knowledge {
    const serviceKeys = new Map((this.parts.services?.spellings ?? []).map((spelling) => [spelling.key, spelling]));
    for (const spelling of glossary.spellings) {
      const service = serviceKeys.get(spelling.key);
      if (service) {
        throw new Error(`spelling "${spelling.text}" of term "${spelling.termId}" is already the name of the cloud service "${service.serviceId}"`);
      }
    }
    return Knowledge.fromParts({ ...this.parts, glossary, ismapList: this.ismapList === this.bundledIsmapList ? undefined : this.ismapList });
  }

  service(id: string): ServiceEntry | undefined {
    return this.servicesById.get(id);
  }

  /**
   * The catalogue entry a written control ID names. 統一基準 IDs not in the edition named fall back to the
   * other editions (the seed quotes 令和5年度版 clauses that the 令和7年度版 keeps).
   */
  resolveControl(catalogue: CatalogueId, id: string): CatalogueLookup | undefined {
    if (!this.catalogues) {
      return undefined;
    }
    const direct = this.catalogues.resolve(catalogue, id);
    if (direct || !catalogue.startsWith('common-standards')) {
      return direct;
    }
    for (const other of ['common-standards-r7', 'common-standards-r5', 'common-standards-guideline-r5'] as const) {
      const found = other === catalogue ? undefined : this.catalogues.resolve(other, id);
      if (found) {
        return found;
      }
    }
    return undefined;
  }

  /** Region ids and names of every catalogued provider (us-east-1, Japan East, 東京第1ゾーン …), built on first use. */
  get regions(): DictionaryMatcher<readonly RegionCandidate[]> {
    if (!this.regionMatcherCache) {
      const byKey = new Map<string, RegionCandidate[]>();
      for (const service of this.services) {
        for (const region of service.regions) {
          for (const written of new Set([region.id, region.name])) {
            const key = normalizeKey(written);
            const list = byKey.get(key) ?? [];
            if (!list.some((candidate) => candidate.region === region)) {
              list.push({ region, service });
            }
            byKey.set(key, list);
          }
        }
      }
      this.regionMatcherCache = new DictionaryMatcher([...byKey].map(([key, value]) => ({ key, value })));
    }
    return this.regionMatcherCache;
  }

  /** The service whose name is a glossary term (さくらのクラウド), matched in text as that term. */
  serviceForTerm(termId: string): ServiceEntry | undefined {
    return this.servicesByTerm.get(termId);
  }
}

/** The compiled files the build writes next to the bundles. */
export const COMPILED_FILES = {
  glossary: 'glossary-index.json',
  services: 'services-index.json',
  catalogues: 'catalogues-index.json',
} as const;

export function loadKnowledge(distDirectory: string): Knowledge {
  const read = <T>(name: string): T => JSON.parse(fs.readFileSync(path.join(distDirectory, name), 'utf8')) as T;
  return Knowledge.fromParts({
    glossary: read<CompiledGlossary>(COMPILED_FILES.glossary),
    services: read<CompiledServices>(COMPILED_FILES.services),
    catalogues: read<CompiledCatalogues>(COMPILED_FILES.catalogues),
  });
}
