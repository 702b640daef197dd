/**
 * Seeded generators for the fuzz suite: random Markdown and YAML built from the pieces that matter to govsec
 * (structure, glossary spellings, control IDs, awkward characters), mutations of real documents, and checks
 * that positions are valid. `npm test` runs a bounded number of cases with a fixed seed; `npm run fuzz`
 * runs many more (GOVSEC_FUZZ_RUNS, GOVSEC_FUZZ_SEED).
 */

import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { repoRoot } from '../helpers';

export const FUZZ_SEED = Number(process.env.GOVSEC_FUZZ_SEED ?? 20261203);
/** Multiplies each property's run count (1 in npm test). */
export const FUZZ_SCALE = Number(process.env.GOVSEC_FUZZ_SCALE ?? 1);

/** Mocha's timeout for a fuzz suite: bounded in npm test, none for the long runs. */
export function fuzzTimeout(): number {
  return FUZZ_SCALE > 1 ? 0 : 120_000;
}

export function fuzzOptions(runs: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: Math.max(1, Math.round(runs * FUZZ_SCALE)), endOnFailure: true };
}

const LINE_ENDINGS = ['\n', '\r\n', '\r'];

/** Awkward characters: surrogate pairs, lone surrogates, NUL, tabs, BOM, full-width forms, combining marks. */
const AWKWARD = ['😀', '𠮷', '\ud800', '\udc00', '\u0000', '\t', '\ufeff', '　', '９．２．１', 'ｶﾞﾊﾞｸﾗ', 'e\u0301', '\u200b', '\\', '&amp;', '<', '>'];

const SPELLINGS = [
  'ガバクラ', 'ガバメントクラウド', 'ISMAP', 'ＩＳＭＡＰ', 'ISMAP-LIU', '政府共通ネットワーク', 'LGWAN', 'GSS', '統一基準',
  '機密性3情報', '機密性２情報', '要配慮個人情報', 'AWS', 'Microsoft Azure', 'Google Cloud', 'Slack', 'さくらのクラウド',
  'ISMAP管理策9.2.1', 'ISO/IEC 27001:2013 A.9.1.1', 'A.5.15', 'AC-2(1)', 'NIST SP 800-53', '東京リージョン', 'us-east-1',
  '個人情報保護委員会', '72時間以内', '3日以内', 'example.com', 'go.jp', '1年ごと',
];

const PROSE = ['を利用する。', 'に従い', 'で構築する', 'しない。', 'は、', '（', '）', '「', '」', '。', '！', '？', ' ', '、', 'および'];

const MARKDOWN_STRUCTURE = [
  '# ', '## ', '### ', '- ', '* ', '1. ', '2. ```yaml', '```', '~~~', '> ', '> > ', '    ', '| 項目 | 内容 |', '|---|---|', '項目 | 内容',
  '---', '<pre>', '</pre>', '<!-- govsec-disable term/variant -->', '<!-- govsec-disable-next-line -->', '[リンク](https://www.digital.go.jp/)',
  '`code`', '**', '_', '悪い例：', 'NG例', '❌ ', '× ', '::: warning', ':::', '[^1]: ', '[ref]: https://example.go.jp/',
  '<details><summary>', '</summary>', '</details>', '<table>', '<tr><th>', '</th><th>', '<tr><td>', '</td><td>', '</table>', '<br>',
  '<div>', '</div>', '<p>', '<script>', '</script>', '<code>', '&amp;', '&nbsp;', '&#12354;', '<dl><dt>', '<dd>',
];

const YAML_STRUCTURE = [
  'key: ', '  ', '- ', '&a ', '*a', '[', ']', '{', '}', '"', "'", '| ', '> ', '# ', '---', '...', '? ', ': ', 'doctype: procurement',
  'system:', '  platform: ', '  network: ', 'services:', '  - name: ', 'confidentiality: 3', '!!str ', '<<: *a', 'null', '~',
];

const piece = (structure: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...SPELLINGS) },
    { weight: 3, arbitrary: fc.constantFrom(...PROSE) },
    { weight: 2, arbitrary: fc.constantFrom(...structure) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  );

function lines(structure: readonly string[], maxLines: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.array(piece(structure), { maxLength: 8 }).map((parts) => parts.join('')), { maxLength: maxLines }), fc.constantFrom(...LINE_ENDINGS), fc.boolean())
    .map(([body, ending, mixed]) => body.map((line, index) => line + (mixed ? LINE_ENDINGS[index % 3] : ending)).join(''));
}

export interface FuzzDocument {
  readonly uri: string;
  readonly languageId: 'markdown' | 'yaml';
  readonly text: string;
}

export const markdownDocument: fc.Arbitrary<FuzzDocument> = fc
  .tuple(fc.boolean(), lines(MARKDOWN_STRUCTURE, 30))
  .map(([frontMatter, text]) => ({ uri: 'file:///fuzz/spec.md', languageId: 'markdown' as const, text: (frontMatter ? '---\ndoctype: procurement\n---\n' : '') + text }));

export const yamlDocument: fc.Arbitrary<FuzzDocument> = lines(YAML_STRUCTURE, 30).map((text) => ({ uri: 'file:///fuzz/profile.yaml', languageId: 'yaml' as const, text }));

/** The repository's real documents: examples and test workspace files. */
export function realDocuments(): FuzzDocument[] {
  const files = [
    ...fs.readdirSync(path.join(repoRoot, 'examples')).map((name) => path.join(repoRoot, 'examples', name)),
    ...fs.readdirSync(path.join(repoRoot, 'test', 'fixtures', 'workspace')).map((name) => path.join(repoRoot, 'test', 'fixtures', 'workspace', name)),
  ].filter((file) => /\.(md|ya?ml)$/.test(file) && fs.statSync(file).isFile());
  return files.map((file) => ({
    uri: `file:///fuzz/${path.basename(file)}`,
    languageId: file.endsWith('.md') ? 'markdown' : 'yaml',
    text: fs.readFileSync(file, 'utf8'),
  }));
}

export interface Edit {
  /** Fractions of the current length, so an edit applies to any text. */
  readonly at: number;
  readonly length: number;
  readonly insert: string;
}

/** A uniform fraction in [0, 1] (fc.double favours extreme values, which would put every edit at the start). */
export const fraction = fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000);

export const edit: fc.Arbitrary<Edit> = fc.record({
  at: fraction,
  length: fc.nat({ max: 40 }),
  insert: fc.oneof(piece([...MARKDOWN_STRUCTURE, ...YAML_STRUCTURE]), fc.constantFrom(...LINE_ENDINGS), fc.constant('')),
});

/** The offsets an edit replaces in `text`. */
export function editRange(text: string, change: Edit): { start: number; end: number } {
  const start = Math.min(text.length, Math.floor(change.at * (text.length + 1)));
  return { start, end: Math.min(text.length, start + change.length) };
}

export function applyEdit(text: string, change: Edit): string {
  const { start, end } = editRange(text, change);
  return text.slice(0, start) + change.insert + text.slice(end);
}

/** A real document with random edits applied. */
export const mutatedRealDocument: fc.Arbitrary<FuzzDocument> = fc
  .tuple(fc.constantFrom(...realDocuments()), fc.array(edit, { minLength: 1, maxLength: 12 }))
  .map(([document, edits]) => ({ ...document, text: edits.reduce(applyEdit, document.text) }));

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Whether an offset falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

/** Throws unless start..end is a range inside `text` that does not split a surrogate pair. */
export function checkRange(text: string, start: number, end: number, what: string): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) {
    throw new Error(`${what}: range ${start}..${end} outside the document (length ${text.length})`);
  }
  if (splitsSurrogatePair(text, start) || splitsSurrogatePair(text, end)) {
    throw new Error(`${what}: range ${start}..${end} splits a surrogate pair`);
  }
}
