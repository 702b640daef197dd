/**
 * The control catalogues at run time: an immutable view over the compiled index (dist/catalogues-index.json),
 * with lookup by any spelling of an ID, parents and children, and the mappings between frameworks:
 *
 *   ISMAP 9.1.1 ──same number──▶ ISO/IEC 27001:2013 A.9.1.1 ──subset──▶ ISO/IEC 27001:2022 A.5.15
 *
 * (ISMAP control objectives follow ISO/IEC 27002:2013 numbering; the 2013→2022 pairs come from the mapping
 * table.) Loading parses the one JSON file and indexes the keys; Control objects are made on first use.
 */

import * as fs from 'node:fs';
import { normalizeControlId, normalizePrefix, parentKey, parseIsmapId } from './ids';
import {
  CATALOGUE_FAMILY,
  COMPILED_CATALOGUES_FORMAT,
  RowFlag,
  type CatalogueFamily,
  type CatalogueId,
  type CatalogueInfo,
  type CompiledCatalogues,
  type CompiledIsoPair,
  type CompiledRow,
  type Control,
  type ControlLevel,
  type IsmapSuffix,
  type JapaneseTitleSource,
  type IsoRelationship,
  type MappingInfo,
  type NistBaseline,
} from './types';

/** How a written ID was found. */
export type ControlMatch =
  /** The key is in the catalogue. */
  | 'exact'
  /** ISMAP: written without its suffix (9.2.1.6 → 9.2.1.6.PB, 9.5.1 → 9.5.1.P). */
  | 'suffix-omitted'
  /** ISMAP: written with another suffix than the catalogue gives (9.2.1.6.B, listed as 9.2.1.6.PB). */
  | 'suffix-differs'
  /** Not in a partial catalogue; `control` is its nearest listed ancestor (an ISMAP objective, a 統一基準 item). */
  | 'ancestor';

export interface ControlReference {
  /** The ID as written in the document. */
  readonly written: string;
  /** Its normalised form. */
  readonly key: string;
  readonly control: Control;
  readonly match: ControlMatch;
}

/** One ISO/IEC 27001 2013 → 2022 pair. The relationship reads "the 2013 control is a <relationship> of the 2022 one". */
export interface IsoMapping {
  readonly from: Control;
  readonly to: Control;
  readonly relationship: IsoRelationship;
  readonly sources: readonly string[];
}

interface LoadedCatalogue {
  readonly info: CatalogueInfo;
  readonly files: readonly string[];
  readonly family: CatalogueFamily;
  readonly levels: readonly ControlLevel[];
  readonly rows: readonly CompiledRow[];
  /** Key → row index. */
  readonly byKey: ReadonlyMap<string, number>;
  /** ISMAP: the number without suffix → row index (9.2.1.6 → 9.2.1.6.PB). */
  readonly byNumber: ReadonlyMap<string, number>;
  /** Path key of each row (ISMAP: its number without suffix; others: its key). */
  readonly pathKeys: ReadonlySet<string>;
  /** Controls are built from rows on first use. */
  readonly cache: (Control | undefined)[];
}

const BASELINES: readonly [number, NistBaseline][] = [
  [RowFlag.BaselineLow, 'low'],
  [RowFlag.BaselineModerate, 'moderate'],
  [RowFlag.BaselineHigh, 'high'],
  [RowFlag.BaselinePrivacy, 'privacy'],
];

function isoReference(tag: string): string {
  // "27017:2015" → "ISO/IEC 27017:2015"; a heading's "27001-5.1 / 8.2" → "ISO/IEC 27001:2013 5.1 / 8.2".
  const clause = /^27001-(.+)$/.exec(tag);
  return clause ? `ISO/IEC 27001:2013 ${clause[1]}` : `ISO/IEC ${tag}`;
}

const JAPANESE_SOURCES: readonly [number, JapaneseTitleSource][] = [
  [RowFlag.JapaneseFromSeedR5, 'seed-r5'],
  [RowFlag.JapaneseIndicativeH30, 'h30-guideline'],
  [RowFlag.JapaneseFromIsmap, 'ismap'],
  [RowFlag.JapaneseFromJis2014, 'jis-2014'],
  [RowFlag.JapaneseFromJis2023, 'jis-2023'],
];

function japaneseTitleSource(flags: number): JapaneseTitleSource | undefined {
  return JAPANESE_SOURCES.find(([bit]) => flags & bit)?.[1];
}

/** An ISMAP key without its suffix (9.2.1.6.PB → 9.2.1.6); other keys as they are. */
function pathKeyOf(family: CatalogueFamily, key: string): string {
  return family === 'ismap' ? key.replace(/\.(?:PB|B|P)$/, '') : key;
}

export class Catalogues {
  private readonly catalogues = new Map<CatalogueId, LoadedCatalogue>();
  private readonly mappingInfos: readonly MappingInfo[];
  /** ISO 2013 key → pairs, as [fromKey, toKey, relationship, sources]; Controls are attached on use. */
  private readonly forward = new Map<string, CompiledIsoPair[]>();
  private readonly backward = new Map<string, CompiledIsoPair[]>();

  /** Loading indexes the keys only; Control objects are made when a lookup needs them. */
  constructor(compiled: CompiledCatalogues) {
    if (compiled.format !== COMPILED_CATALOGUES_FORMAT) {
      throw new Error(`unsupported compiled catalogues format ${String(compiled.format)}`);
    }
    for (const { info, files, levels, rows } of compiled.catalogues) {
      const family = CATALOGUE_FAMILY[info.id];
      const byKey = new Map<string, number>();
      const byNumber = new Map<string, number>();
      const pathKeys = new Set<string>();
      rows.forEach((row, index) => {
        byKey.set(row.i, index);
        const pathKey = pathKeyOf(family, row.i);
        pathKeys.add(pathKey);
        if (family === 'ismap') {
          byNumber.set(pathKey, index);
        }
      });
      this.catalogues.set(info.id, { info, files, family, levels, rows, byKey, byNumber, pathKeys, cache: new Array<Control | undefined>(rows.length) });
    }
    this.mappingInfos = compiled.mappings.map((mapping) => mapping.info);
    for (const { pairs } of compiled.mappings) {
      for (const pair of pairs) {
        push(this.forward, pair[0], pair);
        push(this.backward, pair[1], pair);
      }
    }
  }

  private control(loaded: LoadedCatalogue, index: number | undefined): Control | undefined {
    if (index === undefined) {
      return undefined;
    }
    const cached = loaded.cache[index];
    if (cached) {
      return cached;
    }
    const { info, family } = loaded;
    const row = loaded.rows[index];
    const flags = row.f ?? 0;
    const level = loaded.levels[row.l];
    let title = row.t;
    let titleJa = row.j;
    let japaneseFlags = flags;
    if (family === 'ismap' && level === 'objective' && !title) {
      // ISMAP control objectives carry the ISO/IEC 27001:2013 Annex A titles (English, JIS Japanese) of the same number.
      const iso2013 = this.catalogues.get('iso27001-2013');
      const isoRow = iso2013?.rows[iso2013.byKey.get(`A.${row.i}`) ?? -1];
      title = isoRow?.t;
      titleJa = isoRow?.j;
      japaneseFlags = isoRow?.f ?? 0;
    }
    const control: Control = {
      catalogue: info.id,
      family,
      id: row.i,
      level,
      title,
      titleJa,
      titleJaSource: titleJa ? japaneseTitleSource(japaneseFlags) : undefined,
      withdrawn: (flags & RowFlag.Withdrawn) !== 0,
      baselines: BASELINES.filter(([bit]) => flags & bit).map(([, name]) => name),
      tier: flags & RowFlag.TierGovernance ? 'governance' : flags & RowFlag.TierManagement ? 'management' : flags & RowFlag.TierControls ? 'controls' : undefined,
      suffix: family === 'ismap' ? ((/\.(PB|B|P)$/.exec(row.i)?.[1] ?? '') as IsmapSuffix) : undefined,
      cloudSpecific: (flags & RowFlag.CloudSpecific) !== 0,
      reference: family === 'ismap' && row.r ? isoReference(row.r) : undefined,
      theme: info.id === 'iso27001-2022' ? row.r : undefined,
      page: info.id === 'common-standards-r7' ? row.r : undefined,
    };
    loaded.cache[index] = control;
    return control;
  }

  private byKey(catalogue: CatalogueId, key: string): Control | undefined {
    const loaded = this.catalogues.get(catalogue);
    return loaded && this.control(loaded, loaded.byKey.get(key));
  }

  private byNumber(loaded: LoadedCatalogue, numeric: string): Control | undefined {
    return this.control(loaded, loaded.byNumber.get(numeric));
  }

  private isoMapping(pair: CompiledIsoPair): IsoMapping | undefined {
    const from = this.byKey('iso27001-2013', pair[0]);
    const to = this.byKey('iso27001-2022', pair[1]);
    return from && to ? { from, to, relationship: pair[2], sources: pair[3].split(';') } : undefined;
  }

  /** The catalogues present, in manifest order. */
  ids(): readonly CatalogueId[] {
    return [...this.catalogues.keys()];
  }

  info(catalogue: CatalogueId): CatalogueInfo | undefined {
    return this.catalogues.get(catalogue)?.info;
  }

  /**
   * Where a control's row is written: its CSV file, relative to glossary/controls/, and the 1-based line
   * (recorded when the catalogues were compiled). undefined for a control the catalogue does not list.
   */
  rowLocation(catalogue: CatalogueId, key: string): { file: string; line: number } | undefined {
    const loaded = this.catalogues.get(catalogue);
    const row = loaded?.rows[loaded.byKey.get(key) ?? -1];
    return row && { file: loaded!.files[row.s ?? 0], line: row.n };
  }

  mappingInfo(): readonly MappingInfo[] {
    return this.mappingInfos;
  }

  /** Every row of a catalogue (headings included), in catalogue order. */
  all(catalogue: CatalogueId): readonly Control[] {
    const loaded = this.catalogues.get(catalogue);
    return loaded ? loaded.rows.map((_, index) => this.control(loaded, index)!) : [];
  }

  /**
   * The control a written ID names, or undefined. Any spelling the framework's normaliser accepts works
   * (ac-2.1, ＡＣ－２（１）, Ａ．５．１５ …). For ISMAP an ID written without its suffix finds the listed one
   * (9.2.1.6 → 9.2.1.6.PB, 9.5.1 → 9.5.1.P, match "suffix-omitted"); a different suffix does not match.
   * Use resolve to also get answers for IDs a partial catalogue does not list.
   */
  lookup(catalogue: CatalogueId, rawId: string): ControlReference | undefined {
    const reference = this.resolve(catalogue, rawId);
    return reference && (reference.match === 'exact' || reference.match === 'suffix-omitted') ? reference : undefined;
  }

  /** lookup, returning the control itself. */
  find(catalogue: CatalogueId, rawId: string): Control | undefined {
    return this.lookup(catalogue, rawId)?.control;
  }

  /** Looks an ID up in each catalogue of a family, in manifest order (newest edition first). */
  lookupInFamily(family: CatalogueFamily, rawId: string): ControlReference | undefined {
    for (const id of this.catalogues.keys()) {
      if (CATALOGUE_FAMILY[id] === family) {
        const reference = this.lookup(id, rawId);
        if (reference) {
          return reference;
        }
      }
    }
    return undefined;
  }

  /**
   * Like lookup, but also answers for IDs a partial catalogue does not list: an ISMAP detailed control
   * whose objective is listed (9.2.1.3 → 9.2.1) and a 統一基準 requirement or basic measure whose item is
   * listed (4.2.1(2)(c) → 4.2.1(2)), and for ISMAP IDs written with another suffix. undefined when the
   * string is not an ID of the catalogue or nothing fits.
   */
  resolve(catalogue: CatalogueId, rawId: string): ControlReference | undefined {
    const loaded = this.catalogues.get(catalogue);
    const key = normalizeControlId(catalogue, rawId);
    if (!loaded || key === undefined) {
      return undefined;
    }
    const exact = this.control(loaded, loaded.byKey.get(key));
    if (exact) {
      return { written: rawId, key, control: exact, match: 'exact' };
    }
    const family = loaded.family;
    if (family === 'ismap') {
      const id = parseIsmapId(key)!;
      const listed = this.byNumber(loaded, id.numeric);
      if (listed) {
        return { written: rawId, key, control: listed, match: id.suffix === '' ? 'suffix-omitted' : 'suffix-differs' };
      }
      if (id.parts.length === 4 && loaded.info.partial) {
        const objective = this.byNumber(loaded, id.parts.slice(0, 3).join('.'));
        if (objective) {
          return { written: rawId, key, control: objective, match: 'ancestor' };
        }
      }
      return undefined;
    }
    const deeper = catalogue === 'common-standards-guideline-r5' ? /-\d+$/ : /\([a-z]\)$/;
    if (family === 'common-standards' && loaded.info.partial && deeper.test(key)) {
      // Only up to the item: 4.2.1(2)(c) may stand for 4.2.1(2), never for 4.2.1.
      for (let parent = parentKey(family, key); parent !== undefined && parent.includes('('); parent = parentKey(family, parent)) {
        const control = this.control(loaded, loaded.byKey.get(parent));
        if (control) {
          return { written: rawId, key, control, match: 'ancestor' };
        }
      }
    }
    return undefined;
  }

  /** The nearest listed ancestor of a control or written ID (AC-2(1) → AC-2 → family AC; 9.2.1.6.PB → 9.2.1). */
  parentOf(catalogue: CatalogueId, rawIdOrControl: string | Control): Control | undefined {
    const loaded = this.catalogues.get(catalogue);
    const key = typeof rawIdOrControl === 'string' ? normalizeControlId(catalogue, rawIdOrControl) : rawIdOrControl.id;
    if (!loaded || key === undefined) {
      return undefined;
    }
    const family = loaded.family;
    for (let parent = parentKey(family, key); parent !== undefined; parent = parentKey(family, parent)) {
      const control = family === 'ismap' ? this.byNumber(loaded, parent) : this.control(loaded, loaded.byKey.get(parent));
      if (control) {
        return control;
      }
    }
    return undefined;
  }

  /** Listed ancestors, nearest first. */
  ancestorsOf(control: Control): Control[] {
    const ancestors: Control[] = [];
    for (let parent = this.parentOf(control.catalogue, control); parent; parent = this.parentOf(control.catalogue, parent)) {
      ancestors.push(parent);
    }
    return ancestors;
  }

  /**
   * The ISMAP control objective (or governance/management item) of an ISMAP ID: 9.2.1.6.PB → 9.2.1,
   * 9.5.2.1.PB → 9.5.2.P, 3.1.2.1 → 3.1.2; an objective is its own. Also for detailed controls the
   * partial list does not hold (9.2.1.3 → 9.2.1).
   */
  objectiveOf(rawIsmapId: string): Control | undefined {
    const id = parseIsmapId(rawIsmapId);
    const loaded = this.catalogues.get('ismap');
    if (!id || id.parts.length < 3 || !loaded) {
      return undefined;
    }
    return this.byNumber(loaded, id.parts.slice(0, 3).join('.'));
  }

  /**
   * The listed controls directly under a prefix, for completion: children('ismap', '9.2') → 9.2.1 … 9.2.6;
   * children('ismap', '9.2.1') → 9.2.1.6.PB; children('nist-sp800-53r5', 'AC-2') → AC-2(1) … AC-2(13);
   * children('iso27001-2022', 'A.5') → A.5.1 … A.5.37. Without a prefix, the top level.
   */
  children(catalogue: CatalogueId, prefix?: string): readonly Control[] {
    const loaded = this.catalogues.get(catalogue);
    if (!loaded) {
      return [];
    }
    const family = loaded.family;
    let root: string | undefined;
    if (prefix !== undefined && prefix.trim() !== '') {
      const key = normalizePrefix(family, prefix);
      if (key === undefined) {
        return [];
      }
      root = pathKeyOf(family, key);
    }
    const found: Control[] = [];
    loaded.rows.forEach((row, index) => {
      for (let parent = parentKey(family, pathKeyOf(family, row.i)); parent !== undefined; parent = parentKey(family, parent)) {
        if (parent === root) {
          found.push(this.control(loaded, index)!);
          return;
        }
        if (loaded.pathKeys.has(parent)) {
          return; // a listed control lies in between
        }
      }
      if (root === undefined) {
        found.push(this.control(loaded, index)!);
      }
    });
    return found;
  }

  // ---- mappings ----------------------------------------------------------------------------------------

  /**
   * The ISO/IEC 27001:2013 Annex A control with the number of an ISMAP control objective (controls
   * criteria, ISO/IEC 27002:2013 numbering); for a detailed control, its objective's. The 7 cloud-only .P
   * objectives have none (they follow ISO/IEC 27017 CLD numbers).
   */
  ismapToIso2013(rawIsmapId: string): Control | undefined {
    const id = parseIsmapId(rawIsmapId);
    if (!id || id.parts.length < 3 || id.parts[0] < 5 || id.suffix === 'P') {
      return undefined;
    }
    if (this.objectiveOf(rawIsmapId)?.suffix === 'P') {
      return undefined;
    }
    return this.byKey('iso27001-2013', `A.${id.parts.slice(0, 3).join('.')}`);
  }

  /** The ISMAP control objective numbered like an ISO/IEC 27001:2013 control: A.9.1.1 → 9.1.1. */
  iso2013ToIsmap(raw2013: string): Control | undefined {
    const key = normalizeControlId('iso27001-2013', raw2013);
    const control = key === undefined ? undefined : this.byKey('ismap', key.slice(2));
    return control?.level === 'objective' ? control : undefined;
  }

  /** ISO/IEC 27001:2013 → 2022: A.9.1.1 → A.5.15 (subset). */
  iso2013To2022(raw2013: string): readonly IsoMapping[] {
    const key = normalizeControlId('iso27001-2013', raw2013);
    return this.isoMappings(key === undefined ? undefined : this.forward.get(key));
  }

  /** ISO/IEC 27001:2022 → the 2013 controls mapped onto it: A.5.15 → A.9.1.1, A.9.1.2. Empty for controls new in 2022. */
  iso2022To2013(raw2022: string): readonly IsoMapping[] {
    const key = normalizeControlId('iso27001-2022', raw2022);
    return this.isoMappings(key === undefined ? undefined : this.backward.get(key));
  }

  private isoMappings(pairs: readonly CompiledIsoPair[] | undefined): IsoMapping[] {
    return (pairs ?? []).map((pair) => this.isoMapping(pair)).filter((mapping): mapping is IsoMapping => !!mapping);
  }

  /**
   * 統一基準 links between editions and documents: a 令和5年度版 clause → the FY2025 clause with the same
   * number and subject; a guideline basic measure → the 令和5年度版 requirement it belongs to.
   */
  editionLink(control: Control): Control | undefined {
    const target = EDITION_LINK_TARGET[control.catalogue];
    const loaded = this.catalogues.get(control.catalogue);
    const row = loaded?.rows[loaded.byKey.get(control.id) ?? -1];
    return target && row?.r ? this.byKey(target, row.r) : undefined;
  }

  /** The reverse of editionLink: the clauses and basic measures that point at `control`. */
  editionLinksTo(control: Control): Control[] {
    const found: Control[] = [];
    for (const [source, target] of Object.entries(EDITION_LINK_TARGET) as [CatalogueId, CatalogueId][]) {
      const loaded = this.catalogues.get(source);
      if (target !== control.catalogue || !loaded) {
        continue;
      }
      loaded.rows.forEach((row, index) => {
        if (row.r === control.id) {
          found.push(this.control(loaded, index)!);
        }
      });
    }
    return found;
  }
}

/** Catalogues whose rows point (in `r`) at a row of another: R5 → R7, guideline → R5. */
const EDITION_LINK_TARGET: Partial<Record<CatalogueId, CatalogueId>> = {
  'common-standards-r5': 'common-standards-r7',
  'common-standards-guideline-r5': 'common-standards-r5',
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    list.push(value);
  } else {
    map.set(key, [value]);
  }
}

export function loadCompiledCatalogues(file: string): Catalogues {
  return new Catalogues(JSON.parse(fs.readFileSync(file, 'utf8')) as CompiledCatalogues);
}
