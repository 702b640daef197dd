/**
 * YAML completion (YAML files and Markdown front matter): keys and fixed values from the system-profile schema;
 * providers, services, regions, grades and control IDs from the knowledge; terms in free text; directives in
 * comments. Where the cursor is comes from completionYamlPlace.ts.
 */

import type { CatalogueId } from '../catalogues/types';
import type { Knowledge } from '../knowledge';
import type { Language } from '../language';
import { normalizeKey } from '../text/normalize';
import { cataloguesForCue, controlCompletions, typedIdAtEnd, yamlKeyCue } from './completionControls';
import { directiveCompletions } from './completionDirectives';
import { type CompletionEntry, type CompletionResult, noCompletions, pad, typedFilterText } from './completionShared';
import { termCompletions } from './completionTerms';
import {
  type GradeAxis,
  gradeCompletions,
  providerCompletions,
  regionCompletions,
  serviceCompletions,
  serviceNamed,
  type ValueRange,
} from './completionValues';
import { type Step, type YamlPlace, yamlPlaceAt } from './completionYamlPlace';
import { escapeMarkdown as esc } from './markdownText';
import { loadSchema } from '../glossary/schemas';

// ---------------------------------------------------------------------------------------------------------
// The schema

type SchemaNode = Readonly<Record<string, unknown>>;

/** The system-profile schema, read on first use. */
const root = () => loadSchema('system-profile') as SchemaNode;

/** A node with its $ref, anyOf, oneOf and allOf expanded; `refs` collects the definition names passed. */
function expand(node: unknown, refs: Set<string>, depth = 0): SchemaNode[] {
  if (typeof node !== 'object' || node === null || depth > 12) {
    return [];
  }
  const schema = node as SchemaNode;
  const out: SchemaNode[] = [schema];
  if (typeof schema.$ref === 'string') {
    const name = /^#\/definitions\/(.+)$/.exec(schema.$ref)?.[1];
    if (name) {
      refs.add(name);
      out.push(...expand((root().definitions as Record<string, unknown>)[name], refs, depth + 1));
    }
  }
  for (const keyword of ['anyOf', 'oneOf', 'allOf']) {
    const list = schema[keyword];
    if (Array.isArray(list)) {
      for (const branch of list) {
        out.push(...expand(branch, refs, depth + 1));
      }
    }
  }
  return out;
}

interface SchemaPlace {
  readonly nodes: readonly SchemaNode[];
  readonly refs: ReadonlySet<string>;
}

function schemaAt(steps: readonly Step[]): SchemaPlace {
  let refs = new Set<string>();
  let nodes = expand(root(), refs);
  for (const step of steps) {
    refs = new Set();
    const next: SchemaNode[] = [];
    for (const node of nodes) {
      if (step === 0) {
        next.push(...expand(node.items, refs));
      } else {
        const properties = node.properties as Record<string, unknown> | undefined;
        if (properties && Object.prototype.hasOwnProperty.call(properties, step)) {
          next.push(...expand(properties[step], refs));
        }
      }
    }
    nodes = next;
  }
  return { nodes, refs };
}

/** The schema's description of a key in `language` (the schema writes "日本語 / English"). */
function descriptionOf(nodes: readonly SchemaNode[], language: Language): string | undefined {
  const description = nodes.map((node) => node.description).find((text): text is string => typeof text === 'string');
  if (description === undefined) {
    return undefined;
  }
  const separator = description.indexOf(' / ');
  if (separator === -1) {
    return description;
  }
  return language === 'ja' ? description.slice(0, separator) : description.slice(separator + 3);
}

type ValueShape = 'scalar' | 'object' | 'array';

/** The shape a key's value is written in: that of the first typed branch (anyOf lists the usual form first). */
function shapeOf(nodes: readonly SchemaNode[]): ValueShape {
  const type = nodes.map((node) => node.type).find((found): found is string => typeof found === 'string');
  return type === 'array' ? 'array' : type === 'object' ? 'object' : 'scalar';
}

// ---------------------------------------------------------------------------------------------------------
// Items

const INDENT = '  ';

function keyItems(place: Extract<YamlPlace, { kind: 'key' }>, language: Language, sortPrefix = '0'): CompletionEntry[] {
  const { nodes } = schemaAt(place.steps);
  const names: string[] = [];
  for (const node of nodes) {
    const properties = node.properties as Record<string, unknown> | undefined;
    for (const name of Object.keys(properties ?? {})) {
      if (!names.includes(name) && !place.existing.has(name)) {
        names.push(name);
      }
    }
  }
  const indent = ' '.repeat(place.col);
  return names.map((name, index): CompletionEntry => {
    const child = schemaAt([...place.steps, name]).nodes;
    const shape = shapeOf(child);
    const description = descriptionOf(child, language);
    let insertText: string;
    if (place.hasColon) {
      insertText = name;
    } else if (shape === 'object' && !place.flow) {
      insertText = `${name}:\n${indent}${INDENT}`;
    } else if (shape === 'array' && !place.flow) {
      insertText = `${name}:\n${indent}${INDENT}- `;
    } else {
      insertText = `${name}: `;
    }
    return {
      label: name,
      kind: 'key',
      detail: description,
      documentation: description ? esc(description) : undefined,
      filterText: typedFilterText(place.typed, name),
      sortText: `${sortPrefix}${pad(index)}`,
      insertText: insertText === name ? undefined : insertText,
      replaceStart: place.start,
      replaceEnd: place.end,
      retrigger: !place.hasColon || undefined,
    };
  });
}

function schemaValueItems(nodes: readonly SchemaNode[], range: ValueRange, language: Language): CompletionEntry[] {
  const values: string[] = [];
  for (const node of nodes) {
    for (const keyword of ['enum', 'examples']) {
      const list = node[keyword];
      if (Array.isArray(list)) {
        for (const value of list) {
          const text = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
          if (text !== undefined && !values.includes(text)) {
            values.push(text);
          }
        }
      }
    }
  }
  const description = descriptionOf(nodes, language);
  return values.map((value, index) => ({
    label: value,
    kind: 'value' as const,
    detail: description,
    filterText: typedFilterText(range.typed, value),
    sortText: `0${pad(index)}`,
    insertText: range.lead ? range.lead + value : undefined,
    replaceStart: range.start,
    replaceEnd: range.end,
  }));
}

const REGION_KEY = /region|リージョン/i;
const PROVIDER_KEY = /^(?:cloud[-_ ]?)?provider$|^プロバイダ|^クラウド事業者$|^事業者$/i;
const SERVICE_KEY = /^(?:cloud[-_ ]?)?services?$|^(?:saas|iaas|paas)$|^サービス$|^利用サービス$/i;
const AXIS_KEYS: readonly [GradeAxis, RegExp][] = [
  ['confidentiality', /^(?:confidentiality|機密性)(?:[-_ ]?(?:level|class|grade)|格付|区分|レベル)?$/i],
  ['integrity', /^(?:integrity|完全性)(?:[-_ ]?(?:level|class|grade)|格付|区分|レベル)?$/i],
  ['availability', /^(?:availability|可用性)(?:[-_ ]?(?:level|class|grade)|格付|区分|レベル)?$/i],
];
const GRADE_KEY = /^(?:classification|格付|情報の格付)$/i;

const CONTROL_REFS: Readonly<Record<string, CatalogueId[]>> = {
  ismapControlId: ['ismap'],
  nistControlId: ['nist-sp800-53r5'],
  iso2022ControlId: ['iso27001-2022'],
  iso2013ControlId: ['iso27001-2013'],
  commonStandardsControlId: ['common-standards-r7'],
};

/** IDs that carry their own prefix (a `controls:` list): NIST for "AC-…", ISO/IEC 27001:2022 for "A.…". */
function prefixedCatalogues(typed: string): CatalogueId[] {
  const shape = typedIdAtEnd(normalizeKey(typed))?.shape;
  if (shape === 'annex') {
    return ['iso27001-2022', 'iso27001-2013'];
  }
  if (shape === 'nist' || /^[A-Za-z]{1,2}$/.test(typed.trim())) {
    return ['nist-sp800-53r5'];
  }
  return typed.trim() === '' ? ['nist-sp800-53r5', 'iso27001-2022'] : [];
}

interface Context {
  readonly text: string;
  readonly knowledge: Knowledge;
  readonly language: Language;
  /** The document looks like a system profile or is front matter: schema keys and values apply. */
  readonly profile: boolean;
}

/** The provider chosen beside the key that holds the value ("provider: AWS" next to "region:"). */
function providerFor(context: Context, siblings: ReadonlyMap<string, string>): ReturnType<typeof serviceNamed> {
  for (const [name, value] of siblings) {
    if (PROVIDER_KEY.test(name) || /^cloud$|^クラウド$/i.test(name)) {
      const service = serviceNamed(context.knowledge, value);
      if (service) {
        return service;
      }
    }
  }
  return undefined;
}

function valueItems(place: Extract<YamlPlace, { kind: 'value' }>, context: Context): CompletionResult {
  const { knowledge, language } = context;
  const keyPath = place.steps.filter((step): step is string => step !== 0);
  const lastKey = keyPath[keyPath.length - 1] ?? '';
  const schema = context.profile ? schemaAt(place.steps) : { nodes: [], refs: new Set<string>() };
  const known = schema.nodes.length > 0;
  const refs = schema.refs;
  const range = place.range;
  const list = (items: CompletionEntry[]): CompletionResult => ({ items, isIncomplete: false });

  if (refs.has('cloudRegion') || (!known && REGION_KEY.test(lastKey))) {
    return list(regionCompletions(knowledge, range, language, providerFor(context, place.siblings)));
  }
  if (refs.has('cloudProvider') || (!known && PROVIDER_KEY.test(lastKey))) {
    return list(providerCompletions(knowledge, range, language));
  }
  const serviceKey = SERVICE_KEY.test(lastKey) || (lastKey === 'name' && keyPath.slice(0, -1).some((key) => SERVICE_KEY.test(key)));
  if (refs.has('cloudService') || (!known && serviceKey)) {
    const saas = keyPath.some((key) => /saas/i.test(key));
    const items = serviceCompletions(knowledge, range, language, providerFor(context, place.siblings), saas);
    if (place.entry && schemaAt([...place.steps]).nodes.some((node) => node.type === 'object')) {
      items.push(...entryKeyItems(place, language));
    }
    return list(items);
  }
  const controlCatalogues =
    [...refs].map((ref) => CONTROL_REFS[ref]).find((found) => found !== undefined) ??
    (refs.has('prefixedControlId') ? prefixedCatalogues(range.typed) : undefined) ??
    (known ? undefined : controlCataloguesForKeys(keyPath, range.typed));
  if (controlCatalogues && controlCatalogues.length > 0) {
    return controlCompletions(knowledge, language, controlCatalogues, range.typed, range.start, range.end);
  }
  const axis = refs.has('confidentiality')
    ? 'confidentiality'
    : refs.has('integrity')
      ? 'integrity'
      : refs.has('availability')
        ? 'availability'
        : known
          ? undefined
          : AXIS_KEYS.find(([, pattern]) => pattern.test(normalizeKey(lastKey)))?.[0];
  if (axis) {
    return list(gradeCompletions(knowledge, range, language, axis));
  }
  if (refs.has('gradeText') || (!known && GRADE_KEY.test(normalizeKey(lastKey)))) {
    return list(gradeCompletions(knowledge, range, language));
  }
  if (known) {
    const items = schemaValueItems(schema.nodes, range, language);
    if (place.entry) {
      items.push(...entryKeyItems(place, language));
    }
    if (items.length > 0) {
      return list(items);
    }
  }
  // Free text: glossary terms (not in a URL).
  if (/:\/\/|^www\./i.test(range.typed)) {
    return noCompletions();
  }
  const terms = termCompletions(context.text, range.start, Math.min(range.end, range.start + range.typed.length), knowledge, language);
  return { items: terms, isIncomplete: terms.length > 0 };
}

function controlCataloguesForKeys(keyPath: readonly string[], typed: string): CatalogueId[] | undefined {
  const cue = yamlKeyCue(keyPath);
  if (cue) {
    return cataloguesForCue(cue, typed);
  }
  return /^controls?$|^管理策$/i.test(keyPath[keyPath.length - 1] ?? '') ? prefixedCatalogues(typed) : undefined;
}

/** Keys of a sequence entry's mapping, offered where an entry's first key may be typed ("- na" → name). */
function entryKeyItems(place: Extract<YamlPlace, { kind: 'value' }>, language: Language): CompletionEntry[] {
  if (!place.entry || /[:\s]/.test(place.range.typed.trim())) {
    return [];
  }
  const { typed, start, end } = place.range;
  return keyItems({ kind: 'key', steps: place.steps, typed, start, end, hasColon: false, flow: false, col: place.entry.col, existing: new Set() }, language, '9');
}

const PROFILE_FILE = /(?:^|[/\\._-])(?:system[-_]?profile|profile|spec|procurement|調達|仕様)[^/\\]*\.ya?ml$/i;
const PROFILE_KEYS = /^(?:doctype|profile|system|cloud|classification|procurement|調達|文書種別|ismap_controls|saas|services)[ \t]*:/m;
const CONFIG_FILE = /(?:^|[/\\])\.govsec\.ya?ml$/i;

/** Whether a YAML file is a system profile (its name, or the profile keys at its top level). */
export function looksLikeProfile(uri: string, text: string): boolean {
  let path = uri;
  try {
    path = decodeURIComponent(uri);
  } catch {
    // keep the URI as it is
  }
  if (CONFIG_FILE.test(path)) {
    return false;
  }
  return PROFILE_FILE.test(path) || PROFILE_KEYS.test(text);
}

/**
 * Completion in YAML `text[floor, ceiling)` (a YAML file, or a Markdown front matter's body) at `offset`.
 * `frontMatter`: the schema always applies and comments are YAML comments.
 */
export function yamlCompletions(
  text: string,
  uri: string,
  floor: number,
  ceiling: number,
  offset: number,
  knowledge: Knowledge,
  frontMatter: boolean,
  language: Language,
): CompletionResult {
  const place = yamlPlaceAt(text, floor, ceiling, offset);
  const context: Context = { text, knowledge, language, profile: frontMatter || looksLikeProfile(uri, text) };
  switch (place.kind) {
    case 'none':
      return noCompletions();
    case 'comment':
      return { items: directiveCompletions(text, place.contentStart, offset, false, language), isIncomplete: false };
    case 'text': {
      const terms = termCompletions(text, place.lineStart, offset, knowledge, language);
      return { items: terms, isIncomplete: terms.length > 0 };
    }
    case 'key':
      return context.profile ? { items: keyItems(place, language), isIncomplete: false } : noCompletions();
    case 'value':
      return valueItems(place, context);
  }
}
