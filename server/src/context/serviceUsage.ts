/**
 * Shared by the ismap/* rules: where a cloud service is named, and whether the document uses it for its
 * system, or names it only as a rejected candidate, in a comparison, in a history or a market overview.
 *
 * Everything is decided on NFKC-normalised text (full-width ＡＷＳ, ３年 and ，) within the unit the engine
 * reads as one statement: a sentence of a line, a table row, a heading, a YAML scalar. Lines are never
 * joined. A list item or a table row whose own text says nothing is read with the line that introduces the
 * list, the table's header row, and the nearest heading. All look-ups are cached per line, so a rule stays
 * linear in the document.
 */

import { normalizedRange } from '../document/normalized';
import { isMap, isScalar, visit, type Document } from 'yaml';
import { PLATFORM_STATEMENT } from './platformStatement';
import type { DocumentModel, Segment, SegmentKind } from '../document/model';
import { blockAt, blockIndexAt, lineLabelBefore, listLeadIn } from '../document/blocks';
import { segmentAt, sentenceAt, splitSentences } from '../document/sentences';
import type { ServiceEntry } from '../services/types';
import { normalizedIndex, normalizeKey, type NormalizedText } from '../text/normalize';
import type { Knowledge } from '../knowledge';
import type { ServiceOccurrence, TermOccurrence } from './mentions';

/** A cloud service named in the document: a catalogue spelling, or a glossary term linked to a service. */
export interface ServiceMention {
  readonly service: ServiceEntry;
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly segmentKind: SegmentKind;
}

export function serviceMentions(input: { readonly services: readonly ServiceOccurrence[]; readonly terms: readonly TermOccurrence[]; readonly knowledge: Knowledge }): ServiceMention[] {
  const mentions: ServiceMention[] = input.services.map((mention) => ({
    service: mention.service,
    start: mention.start,
    end: mention.end,
    surface: mention.surface,
    segmentKind: mention.segmentKind,
  }));
  for (const term of input.terms) {
    const service = input.knowledge.serviceForTerm(term.term.id);
    if (service) {
      mentions.push({ service, start: term.start, end: term.end, surface: term.surface, segmentKind: term.segmentKind });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}

// ---------------------------------------------------------------------------------------------------------
// Cues, matched on NFKC text.

/** A usage statement: the system uses, adopts, builds on or stores in the service (not passive, not negated). */
const USAGE =
  /(?:利用|採用|導入|構築|使用|活用|調達|契約|選定|稼働|運用|移行|配置|保存|格納|保管|配備|ホスティング)(?:する|します|しま|し(?:て|、|,|ており|ています|た上で|たうえで)|すること|予定)|(?:上|で)(?:構築|稼働|運用|整備)|を基盤と|基盤として|を用い|を使う|を使い|を使って|を?使っている|(?:に|へ)[^、。]{0,20}?を(?:置く|置いて|置き)|(?:で|に)[^、。]{0,12}?ホスティング|(?:で|から|より)\s*(?:配信|公開)(?:する|し|され|を行)|(?:保存|格納|保管|蓄積|配置|ホスティング)され|\b(?:deploy(?:s|ed|ing)?|hosted|hosting (?:on|with)|runs? on|stored (?:in|on)|upload(?:s|ed|ing)?|(?:served|delivered|cached|distributed|published) (?:through|by|via|from|on|with))\b/i;
/** The service is rejected, excluded, compared or only considered, in the clause that names it. */
const REJECT =
  /不採用|採用(?:しない|せず|を見送|は見送|を見合わせ|は見合わせ|対象外)|見送|見合わせ|(?:利用|使用|導入|選定|契約|構築)(?:しない|せず|を禁止|は禁止|不可|を認めない|は認めない|してはならない)|対象外|除外|除く|除き|比較|検討したが|検討した結果|候補|代替案|参考(?:として|に|まで)|しないこと|禁止|不可|評価のみ|\b(?:not|never|instead of|rather than|compared|candidates?|alternatives?|rejected)\b/i;
/** A question, not a statement: 「LINE WORKSに保存してもよいですか？」 "Can we store it in Box?". */
const QUESTION = /(?:[?？]|(?:ですか|ますか|でしょうか|ませんか|か)\s*[。]?)\s*$/;
/** A condition, not a statement: 「Cloudflareを用いる場合は」「Xを利用する際は」. */
const CONDITIONAL = /場合|際(?:は|に|には)|ときは|ときには|としても|とすれば/;
/** The sentence is about the past, another system (the writer's own company site), the market, or quotes a wrong statement. */
const ASIDE =
  /自社の(?:サイト|ウェブサイト|ホームページ)|コーポレートサイト|\b(?:our (?:own )?(?:company|corporate) (?:website|site)|corporate (?:website|site)|previously|formerly|used to)\b|沿革|経緯|かつて|以前は|以前の|過去に|過去の|従来は|従来の|当初は|旧システム|現行システム|移行元|(?:し|っ)ていた|していました|でした|だった|であった|利用実績|導入実績|事例|一般に|一般的に|市場|シェア|広く|普及|動向|代表的な|主要な|例えば|例として|などがある|等がある|が知られ|誤り|誤った|不適切|という記載|との記載|(?:19|20)\d{2}年度?(?:まで|当時)|平成\d+年度?(?:まで|当時)/i;
/** Right after a service: 「AWSではなく」「AWS以外」「AWSに代えて」 — the service is the one not chosen. */
const DIRECTIONAL_AFTER = /^(?:上|環境|基盤|サービス)?(?:ではなく|でなく|ではない|以外|に代えて|に替えて|の代わりに)/;
/** Right after a service: the service is designated for the system (「CDN は Fastly とする」「…は X とし、」). */
const DESIGNATED_AFTER = /^\s*(?:の\S{0,10}?)?\s*と(?:する(?:こと)?\s*[。.]?\s*$|します\s*[。.]?\s*$|し[、,])/;
/** Right after a service: 「DigitalOceanから」 in a sentence about migrating away from it. */
const SOURCE_AFTER = /^(?:上|環境|基盤)?(?:で稼働[^、。]{0,20}?)?から/;
const MIGRATION = /移行|移設|乗り換|切り替|切替|移管/;
/** Where a clause ends: after a comma, or after a directional phrase (which belongs to the clause before). */
const CLAUSE_BREAK = /[、,;；]|ではなく|でなく|に代えて|に替えて|の代わりに|以外(?:の|は|に|を)?/g;
/** The rest of a clause after a service that leaves the predicate to a later clause: 「Dropboxを、」「DigitalOcean、」. */
const OPEN_TAIL = /^(?:上|環境|基盤|サービス|クラウド)?(?:等|など)?(?:を|は|も|と|や|及び|および|並びに|又は|または|か|には|では|に)?$/;
/** A later clause that still only enumerates names: 「Vultr及びLinodeは」. */
const OPEN_END = /(?:を|は|も|と|や|及び|および|並びに|又は|または|等|など|には|では|[A-Za-z0-9\u30A0-\u30FF)）])$/;

/** A table cell that says the row's service is adopted. */
const ROW_USAGE_CELL = /\|\s*(?:採用|利用|使用|導入|選定|○|◯)\s*(?=\||$)/;
const HEADER_REJECT = /不採用|比較|候補|検討|代替|除外|評価対象|参考|可否|要否|沿革|経緯/;
const HEADER_USAGE = /利用|採用|使用|導入|構成|基盤|調達対象/;
const HEADING_REJECT = /比較|候補|不採用|検討|代替|除外|参考|沿革|経緯|市場|動向|事例|過去|旧/;
const HEADING_USAGE = /利用|採用|使用|導入|構成|基盤|調達対象|稼働環境|使って|使う|\b(?:stack|services? used|infrastructure|hosting|deployment)\b/i;
/**
 * A role word in a line's label (「申請データ置き場:」「ファイル共有先：」「Storage:」「本番環境:」「Hosting:」): the
 * labelled service plays that role for the system, as 「申請データは Supabase に置く」 would say.
 */
const ROLE_WORD =
  /置き?場|保存|保管|格納|共有|ストレージ|データベース|バックアップ|アップロード|ホスティング|本番|稼働|実行環境|基盤|サーバ|インフラ|配信|認証|メール|チャット|監視|(?<![ブカ])ログ|\b(?:storage|hosting|host|database|db|backups?|files?|uploads?|production|prod|infra(?:structure)?|servers?|backend|frontend|cdn|auth(?:entication)?|e?-?mail|chat|file sharing|deploy(?:ment)?|runtime|platform|buckets?)\b/i;
/** Among role words, those that say the service hosts the system itself (「本番環境:」「Hosting:」), not one of its data stores. */
const HOSTING_ROLE =
  /本番|稼働|実行環境|ホスティング|基盤|インフラ|(?:Web|ウェブ|AP|アプリ(?:ケーション)?)サーバ|デプロイ|\b(?:hosting|host|production|prod|infra(?:structure)?|(?:web|app|application) servers?|deploy(?:ment)?|runtime|platform|backend)\b/i;

export type LabelledRole = 'data' | 'hosting';

/**
 * The role a line's label gives the service named right after it (「申請データ置き場: Supabase（氏名・住所）」 →
 * 'data'; 「本番環境: Render」 → 'hosting'); undefined when the name does not follow a role label at its line's
 * start, or the label rejects or dates it (「旧ストレージ:」「比較候補:」).
 */
export function labelledRole(model: DocumentModel, start: number): LabelledRole | undefined {
  const label = lineLabelBefore(model, start);
  if (label === undefined || !ROLE_WORD.test(label) || REJECT.test(label) || ASIDE.test(label) || HEADING_REJECT.test(label)) {
    return undefined;
  }
  return HOSTING_ROLE.test(label) ? 'hosting' : 'data';
}

/** A YAML key whose value names a service: the entry's service, its host or one of its stores. */
const SERVICE_VALUE_KEY = /^(?:services?|saas|paas|iaas|hosting|platform|provider|storage|tool|product|cloud|サービス|サービス名|利用サービス|基盤|ホスティング|ストレージ|クラウド)$/i;
/** A label's value: the name up to a bracket, a comma or the end of the line. */
const LABELLED_VALUE = /^[ \t]*([^\s（(、,。;；|][^（(、,。;；|\n]*?)[ \t]*(?=[（(、,。;；|]|$)/m;

/**
 * Services whose names are ordinary words (Render, Box, Zoom: `matchName: false`, so not matched in running
 * text), named where a label says they play a role for the system: after a role label at a line's start
 * (「本番環境: Render」「ファイル共有先：Box（申請書）」) or as the whole value of a service key in YAML
 * (`service: Box`, `hosting: Render`). `known` holds the mentions already found, which are not repeated.
 */
export function labelledServiceMentions(model: DocumentModel, knowledge: Knowledge, known: readonly ServiceMention[]): ServiceMention[] {
  const byName = new Map<string, ServiceEntry>();
  for (const service of knowledge.services) {
    if (service.matchName === false && service.term === undefined) {
      byName.set(normalizeKey(service.name).toLowerCase(), service);
    }
  }
  if (byName.size === 0) {
    return [];
  }
  const taken = new Set(known.map((mention) => mention.start));
  const found: ServiceMention[] = [];
  const add = (start: number, surface: string) => {
    const service = byName.get(normalizeKey(surface).toLowerCase());
    if (service && !taken.has(start)) {
      taken.add(start);
      found.push({ service, start, end: start + surface.length, surface, segmentKind: segmentAt(model.segments, start)?.kind ?? 'prose' });
    }
  };
  const lines = model.markdown?.lines ?? [];
  for (const block of model.markdown?.blocks ?? []) {
    if (block.kind !== 'paragraph') {
      continue;
    }
    for (let line = block.firstLine; line <= block.lastLine && lines[line]; line++) {
      const { start, end } = lines[line];
      const text = model.text.slice(start, end);
      const colon = text.search(/[:：]/);
      if (colon < 0) {
        continue;
      }
      const value = LABELLED_VALUE.exec(text.slice(colon + 1));
      if (!value) {
        continue;
      }
      const valueStart = start + colon + 1 + value.index + value[0].indexOf(value[1]);
      if (labelledRole(model, valueStart) !== undefined) {
        add(valueStart, value[1]);
      }
    }
  }
  for (const scalar of model.scalars) {
    const key = scalar.keyPath?.[scalar.keyPath.length - 1];
    if (scalar.kind !== 'yaml-key' && key !== undefined && SERVICE_VALUE_KEY.test(normalizeKey(key))) {
      const surface = model.text.slice(scalar.start, scalar.end);
      const trimmed = surface.trim();
      add(scalar.start + surface.indexOf(trimmed), trimmed);
    }
  }
  return found;
}

/** YAML keys (lower-cased NFKC) under which a service is a rejected or historical one. */
const REJECT_KEY = /reject|alternative|candidate|compar|exclu|not[-_ ]?used|unused|history|previous|former|legacy|^old|reference|比較|候補|不採用|除外|代替|沿革|旧|過去|現行|移行元|参考/;
/** YAML keys under which a service is the system's platform or one of its services. */
const USAGE_KEY = /cloud|provider|platform|hosting|infrastructure|saas|iaas|paas|service|クラウド|基盤|利用|採用|稼働環境|サービス/;
/** Free-text keys: a service named in a note is not thereby used. */
const NOTE_KEY = /description|note|remark|comment|reason|memo|summary|備考|説明|理由|注記|経緯|概要/;

export type Usage = 'used' | 'rejected' | 'unknown';

function usageOfText(text: string): Usage {
  if (ASIDE.test(text) || REJECT.test(text)) {
    return 'rejected';
  }
  return USAGE.test(text) || PLATFORM_STATEMENT.test(text) ? 'used' : 'unknown';
}

// ---------------------------------------------------------------------------------------------------------
// Sentences, headings, table headers and list introductions, read from the document model.

interface LineIntro {
  readonly kind: 'heading' | 'prose';
  readonly text: string;
}

/** Per-version memo of the usage reads: normalised sentences and per-sentence analyses shared by every mention. */
export class DocumentIndex {
  readonly text: string;
  private readonly normalizedSentences = new Map<string, NormalizedText>();
  private readonly memos = new Map<string, unknown>();

  constructor(readonly model: DocumentModel) {
    this.text = model.text;
  }

  /** The sentence around `offset` (document/sentences.ts). */
  sentence(offset: number): [number, number] {
    const { start, end } = sentenceAt(this.model, offset);
    return [start, end];
  }

  /** A value computed once per document version (per-sentence analyses shared by every mention in it). */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) {
      return this.memos.get(key) as T;
    }
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** The NFKC form of `text[start, end)` with its offset map, cached per range. */
  normalized(start: number, end: number): NormalizedText {
    const key = `${start}:${end}`;
    let normalized = this.normalizedSentences.get(key);
    if (!normalized) {
      normalized = normalizedRange(this.model, start, end);
      this.normalizedSentences.set(key, normalized);
    }
    return normalized;
  }

  /** The heading of the section holding `offset` (NFKC), in Markdown. */
  headingBefore(offset: number): string | undefined {
    const title = blockAt(this.model, offset)?.section?.title;
    return title === undefined ? undefined : normalizeKey(title);
  }

  /** The row of the table cell at `offset` (NFKC), and the table's header row when the cell is below it. */
  tableRow(offset: number): { row: string; header: string | undefined } | undefined {
    const cell = blockAt(this.model, offset)?.table;
    if (!cell) {
      return undefined;
    }
    const lines = this.model.markdown!.lines;
    const lineText = (line: number) => normalizeKey(this.text.slice(lines[line].start, lines[line].end));
    return { row: lineText(cell.line), header: cell.row > 0 ? lineText(cell.tableFirstLine) : undefined };
  }

  /** Whether `offset` is in a list item. */
  inListItem(offset: number): boolean {
    return blockAt(this.model, offset)?.listItem !== undefined;
  }

  /** The heading or paragraph that introduces the list holding `offset` (its last sentence, NFKC). */
  listIntro(offset: number): LineIntro | undefined {
    const index = blockIndexAt(this.model, offset);
    if (index === undefined) {
      return undefined;
    }
    const blocks = this.model.markdown!.blocks;
    const intro = blocks[listLeadIn(this.model, index)];
    if (intro.listItem || intro.table) {
      return undefined;
    }
    if (intro.kind === 'heading') {
      return { kind: 'heading', text: normalizeKey(this.text.slice(intro.start, intro.end)) };
    }
    const sentences = splitSentences(this.text, intro.start, intro.end);
    const last = sentences[sentences.length - 1];
    return { kind: 'prose', text: last ? normalizeKey(this.text.slice(last.start, last.end)) : '' };
  }
}

const indexes = new WeakMap<DocumentModel, DocumentIndex>();

/** One index per document version, shared by the ismap/* rules (a model is immutable). */
export function documentIndex(model: DocumentModel): DocumentIndex {
  let index = indexes.get(model);
  if (!index) {
    index = new DocumentIndex(model);
    indexes.set(model, index);
  }
  return index;
}

// ---------------------------------------------------------------------------------------------------------
// Usage decisions.

function headingUsage(heading: string | undefined): Usage {
  if (heading === undefined) {
    return 'unknown';
  }
  if (HEADING_REJECT.test(heading)) {
    return 'rejected';
  }
  return HEADING_USAGE.test(heading) ? 'used' : 'unknown';
}

/** Clause ranges of a normalised sentence. */
function clauses(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CLAUSE_BREAK.exec(text))) {
    const end = match.index + match[0].length;
    ranges.push([start, end]);
    start = end;
    if (match[0].length === 0) {
      CLAUSE_BREAK.lastIndex += 1;
    }
  }
  ranges.push([start, text.length]);
  return ranges;
}

const stripParentheses = (text: string) => text.replace(/（[^）]*）|\([^)]*\)|「[^」]*」/g, '');

/** Whether the sentence (or YAML scalar) around a mention uses the service, rejects it, or does not say. */
export function sentenceUsage(index: DocumentIndex, mention: { start: number; end: number }): Usage {
  const [start, end] = index.sentence(mention.start);
  const normalized = index.normalized(start, end);
  const text = normalized.text;
  const mentionStart = normalizedIndex(normalized, mention.start);
  const mentionEnd = normalizedIndex(normalized, mention.end);
  const after = text.slice(mentionEnd, mentionEnd + 40);
  const { aside, migration, ranges } = index.memo(`usage:${start}:${end}`, () => ({
    aside: ASIDE.test(text),
    migration: MIGRATION.test(text),
    ranges: clauses(text),
  }));
  if (DIRECTIONAL_AFTER.test(after) || (SOURCE_AFTER.test(after) && migration)) {
    return 'rejected';
  }
  if (QUESTION.test(text)) {
    return 'unknown';
  }
  if (aside) {
    return 'rejected';
  }
  // The clause holding the mention: the first whose end lies past its start.
  let low = 0;
  let high = ranges.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (ranges[middle][1] <= mentionStart) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  const own = low;
  const [ownStart, ownEnd] = ranges[own];
  const ownText = text.slice(ownStart, ownEnd);
  if (REJECT.test(ownText)) {
    return 'rejected';
  }
  if (CONDITIONAL.test(ownText)) {
    return 'unknown';
  }
  if (DESIGNATED_AFTER.test(after)) {
    return 'used';
  }
  if (USAGE.test(ownText) || PLATFORM_STATEMENT.test(ownText)) {
    return 'used';
  }
  // 「ファイル共有にはDropboxを、Web会議にはWebexを利用する」: the predicate comes in a later clause.
  const tail = stripParentheses(text.slice(Math.min(mentionEnd, ownEnd), ownEnd)).replace(/[、,;；\s]/g, '');
  if (!OPEN_TAIL.test(tail)) {
    return 'unknown';
  }
  for (let next = own + 1; next < ranges.length; next++) {
    const clause = text.slice(ranges[next][0], ranges[next][1]);
    if (REJECT.test(clause)) {
      return 'rejected';
    }
    if (USAGE.test(clause) || PLATFORM_STATEMENT.test(clause)) {
      return 'used';
    }
    if (!OPEN_END.test(stripParentheses(clause).replace(/[、,;；\s]/g, ''))) {
      return 'unknown';
    }
  }
  return 'unknown';
}

function yamlUsage(index: DocumentIndex, mention: { start: number; end: number }, segment: Segment): Usage {
  const keys = (segment.keyPath ?? []).map((key) => normalizeKey(key).toLowerCase());
  if (keys.some((key) => REJECT_KEY.test(key))) {
    return 'rejected';
  }
  const sentence = sentenceUsage(index, mention);
  if (sentence !== 'unknown') {
    return sentence;
  }
  const own = segment.kind === 'yaml-key' ? undefined : keys[keys.length - 1];
  if (own !== undefined && NOTE_KEY.test(own)) {
    return 'unknown';
  }
  if (keys.some((key) => USAGE_KEY.test(key))) {
    return 'used';
  }
  // An SBOM-style component list (components: - name: Netlify / type: saas): the entry's own type says it is a
  // service the system uses, as a services: register does.
  return own !== undefined && ENTRY_NAME_KEY.test(own) && serviceTypedRecords(index).has(yamlRecordOf(index, segment)?.start ?? -1) ? 'used' : 'unknown';
}

/** The key of an entry's own name in a component list. */
const ENTRY_NAME_KEY = /^(?:name|service|product|component|名称|名前|サービス名|製品名)$/;
/** A component entry's type key, and the types that make it a service rather than a library. */
const ENTRY_TYPE_KEY = /^(?:type|kind|category|種別|区分|分類)$/;
const SERVICE_TYPE = /^["']?(?:saas|service|cloud[-_ ]?service|cloud|paas|iaas|hosting|クラウドサービス|外部サービス|サービス)["']?$/;

function yamlRecordOf(index: DocumentIndex, segment: Segment): YamlRecord | undefined {
  return index.memo('yamlRecords', () => yamlRecords(index.model)).get(segment.end);
}

/** The starts of the YAML mappings whose type key says service (type: saas). */
function serviceTypedRecords(index: DocumentIndex): Set<number> {
  return index.memo('serviceTypedRecords', () => {
    const records = index.memo('yamlRecords', () => yamlRecords(index.model));
    const starts = new Set<number>();
    for (const scalar of index.model.scalars) {
      const key = scalar.keyPath?.[scalar.keyPath.length - 1];
      const record = records.get(scalar.end);
      if (scalar.kind === 'yaml-key' || key === undefined || !record || !ENTRY_TYPE_KEY.test(normalizeKey(key).toLowerCase())) {
        continue;
      }
      if (SERVICE_TYPE.test(normalizeKey(index.model.text.slice(scalar.start, scalar.end)).trim().toLowerCase())) {
        starts.add(record.start);
      }
    }
    return starts;
  });
}

function tableUsage(index: DocumentIndex, mention: { start: number }): Usage {
  const table = index.tableRow(mention.start);
  if (table) {
    const { row, header } = table;
    if (ASIDE.test(row) || REJECT.test(row)) {
      return 'rejected';
    }
    if (USAGE.test(row) || PLATFORM_STATEMENT.test(row) || ROW_USAGE_CELL.test(row)) {
      return 'used';
    }
    if (header !== undefined) {
      if (HEADER_REJECT.test(header)) {
        return 'rejected';
      }
      if (HEADER_USAGE.test(header)) {
        return 'used';
      }
    }
  }
  return headingUsage(index.headingBefore(mention.start));
}

function listUsage(index: DocumentIndex, mention: { start: number; end: number }): Usage {
  const intro = index.listIntro(mention.start);
  if (intro?.kind === 'heading') {
    return headingUsage(intro.text);
  }
  if (intro) {
    const usage = usageOfText(intro.text);
    if (usage !== 'unknown') {
      return usage;
    }
  }
  return headingUsage(index.headingBefore(mention.start));
}

/**
 * Whether the document uses the service named at `mention` for its system: in a usage or platform statement,
 * under a YAML key such as cloud.service / saas / services, or in a list or table introduced as the services
 * used. A service named as a rejected candidate, in a comparison, a history or an overview is 'rejected'.
 */
export function usageOf(index: DocumentIndex, mention: { start: number; end: number; segmentKind: SegmentKind }): Usage {
  const segment = segmentAt(index.model.segments, mention.start);
  if (segment?.keyPath !== undefined) {
    return yamlUsage(index, mention, segment);
  }
  if (mention.segmentKind === 'table') {
    return tableUsage(index, mention);
  }
  const sentence = sentenceUsage(index, mention);
  if (sentence !== 'unknown' || mention.segmentKind !== 'prose') {
    return sentence;
  }
  // A terse note's role label (「申請データ置き場: Supabase」), in a list item or on a line of its own.
  if (labelledRole(index.model, mention.start) !== undefined) {
    return 'used';
  }
  return index.inListItem(mention.start) ? listUsage(index, mention) : 'unknown';
}

// ---------------------------------------------------------------------------------------------------------
// YAML records: the mapping that holds a scalar, so that a service's name, its program and its data's
// classification written on separate lines of one entry are read together.

export interface YamlRecord {
  readonly start: number;
  readonly end: number;
}

/** Original offset where the model's YAML documents start (front matter begins after its "---" line). */
function yamlShift(model: DocumentModel): number {
  return model.kind === 'markdown' ? model.text.indexOf('\n') + 1 : 0;
}

/** For each scalar's end offset: the innermost mapping that holds it. */
export function yamlRecords(model: DocumentModel): Map<number, YamlRecord> {
  const records = new Map<number, YamlRecord>();
  if (model.yaml.length === 0) {
    return records;
  }
  const shift = yamlShift(model);
  for (const document of model.yaml as readonly Document.Parsed[]) {
    visit(document, {
      Scalar(_key, node, path) {
        if (!isScalar(node) || !node.range) {
          return;
        }
        for (let index = path.length - 1; index >= 0; index--) {
          const ancestor = path[index];
          if (isMap(ancestor) && ancestor.range) {
            records.set(node.range[1] + shift, { start: ancestor.range[0] + shift, end: ancestor.range[1] + shift });
            return;
          }
        }
      },
    });
  }
  return records;
}

