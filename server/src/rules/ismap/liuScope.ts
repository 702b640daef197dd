/**
 * ismap/liu-scope — an ISMAP-LIU service given information outside ISMAP-LIU's scope: 機密性3情報, or
 * 機密性2 information that is not low-impact (要配慮個人情報, 条例要配慮個人情報).
 *
 * A service is ISMAP-LIU when the loaded ISMAP list or the service catalogue says so, or when the document says
 * so for it in one sentence, table row or YAML entry (「ISMAP-LIU登録のSaaSであるX」, "X is registered under
 * ISMAP-LIU", a row whose column headed ISMAP says 「LIU」); that statement may be anywhere in the document. Without a named service, 「ISMAP-LIU登録のSaaS」 itself is the subject.
 *
 * The information must be given in the same sentence / table row / YAML entry, and nearer to the ISMAP-LIU
 * service than to any other service named there; a negated or excluding sentence (扱わない, 対象外, 以外 …)
 * is quiet. For the system's own platform (cloud.service, 「X上に構築」) the document's structured
 * classification (front matter / YAML `classification.confidentiality: 3`) counts as given to it.
 */

import type { IsmapStatus } from '../../services/status';
import { ismapStatus } from '../../services/status';
import type { ServiceEntry } from '../../services/types';
import { inRanges } from '../../context/documentContext';
import type { SegmentKind } from '../../document/model';
import { blockIndexAt, rowCells } from '../../document/blocks';
import { normalizedRange } from '../../document/normalized';
import { firstStartingAt, itemsStartingIn } from '../../document/ranges';
import { englishSentenceIn, segmentAt, splitSentences } from '../../document/sentences';
import { normalizeKey } from '../../text/normalize';
import type { Bilingual } from '../../language';
import type { Finding, Rule, RuleInput } from '../rule';
import { topLevelData } from '../../context/documentContext';
import { isQuestion, isQuizChoice, wordingMatches } from '../../context/claims';
import { normalizedIndex } from '../../text/normalize';
import { documentIndex, serviceMentions, usageOf, yamlRecords, type DocumentIndex, type ServiceMention } from '../../context/serviceUsage';

/** Glossary terms for information outside ISMAP-LIU's scope. */
type InfoKind = 'confidentiality-3' | 'sensitive-personal-info' | 'ordinance-sensitive-info';

interface Info {
  readonly kind: InfoKind;
  readonly start: number;
  readonly end: number;
}

const INFO_TERMS: ReadonlySet<string> = new Set<InfoKind>(['confidentiality-3', 'sensitive-personal-info', 'ordinance-sensitive-info']);

/** The sentence does not give the information to the service: 扱わない, 保存しない, 対象外, 以外, 禁止 … */
const NEGATION = /(?<!問題|差し支え|構わ|少|限ら)ない|ず(?:に|、|。|$)|不可|禁止|対象外|除く|除き|除外|以外|避け|認めない|ません/;
/** Right after 「ISMAP-LIU」: the text says the service is not (or unlike) ISMAP-LIU. */
const LIU_NEGATED_AFTER = /^[^、。]{0,12}?(?:ではな|でな|以外|対象外|と異な|とは異な|と違|とは違|と比べ|との比較|に該当しな|未登録|ではありません)/;
/** 「ISMAP-LIU登録のSaaS」「ISMAP-LIUに登録されたクラウドサービス」: the term names a service. */
const LIU_SUBJECT_AFTER =
  /^\s*(?:(?:に|へ)\s*)?(?:登録済み|登録された|登録されている|登録|対象|認定)?の?(?![はがもとをでや])[^、。,\s]{0,12}?\s*(?:SaaS|サービス|クラウドサービス|クラウド)(?![^、。,\s]*(?:リスト|一覧))/i;
/** A strong platform statement: the system runs on the service. */
const PLATFORM_STRONG = /上に構築|上で構築|上で稼働|上で運用|を基盤と|基盤として/;
/**
 * Right after 「ISMAP-LIU」: the sentence's topic is the registered service (「Xは、ISMAP-LIUクラウドサービスリストに
 * 登録されている」「Xは ISMAP-LIU 登録のSaaSである」).
 */
const LIU_DECLARED_AFTER =
  /^\s*(?:クラウドサービスリスト|リスト)?\s*(?:に|へ)?\s*(?:登録|掲載)(?:されています|されている|されており|されております|されたものでよい|されたものとする|済みである|済みです|済み|を受けている|を受けて|しています|している)|^\s*(?:登録|対象)?の?(?:SaaS|サービス|クラウドサービス)(?:である|です|であり)|^\s*(?:に|へ)?\s*(?:登録|掲載)(?:された|されている|済みの|済の)\s*(?:SaaS|サービス|クラウドサービス|クラウド)(?:である|です|であり|で[、,])/i;
/** The topic at the start of a sentence: 「サンプルノートは、」「問合せ管理 SaaS は」. */
const TOPIC = /^(?:なお|また|さらに|ただし)?[、,]?\s*([^、,。「」『』()（）\s][^、,。「」『』()（）]{0,29}?)\s*は[、,\s]?/;
/**
 * An English declaration before 「ISMAP-LIU」: "CaseBook is registered under ISMAP-LIU", "CaseBook is an
 * ISMAP-LIU service" (the article form needs a service word after the term).
 */
const EN_DECLARED_BEFORE = /^\s*(?:(?:also|then|further),?\s+)?([A-Za-z0-9][\w .&'-]{0,39}?)\s+(?:is|was|has been)\s+(?:(?:registered|listed)\s+(?:under|in|on|with)\s+(?:the\s+)?|(an?)\s+)$/i;
const EN_SERVICE_AFTER = /^\s*[-\s]?(?:registered\s+|listed\s+)?(?:SaaS|service|cloud service|product)\b/i;
/** English subjects that are no product name. */
const EN_NOT_A_NAME = /^(?:it|this|that|the service|the system|the city|the ministry|we|our|ISMAP)$/i;
/** A table column headed ISMAP (「ISMAP」「ISMAP登録」「ISMAP区分」): its cell gives the row's registration. */
const ISMAP_HEADER = /ISMAP/i;
/** An ISMAP column's cell saying the row's service is ISMAP-LIU: 「LIU」「ISMAP-LIU登録」「LIU（登録済み）」. */
const LIU_CELL = /(?<![A-Za-z])LIU(?![A-Za-z])/i;
/** An ISMAP cell that mentions LIU to deny it: 「LIU未登録」「LIU対象外」「LIU申請中」. */
const LIU_CELL_DENIED = /未|なし|無し|対象外|ではな|でない|申請中|予定|×|✕|not\b|pending/i;
/** A column that grades the row's information (機密性, 格付), whose cell may be the bare class 「3」. */
const GRADE_HEADER = /機密性|格付|confidentiality|classification/i;
/** A column headed 要配慮個人情報, whose cell says the row's information includes it. */
const SENSITIVE_HEADER = /^(?!.*条例)要配慮個人情報/;
const AFFIRMATIVE_CELL = /^(?:あり|有り?|含む|含まれる|取り扱う|扱う|○|◯|●|✓|✔|yes|y)$/i;
/** A column headed ISMAP-LIU, whose cell says the row's service is registered: 「○」「登録済」. */
const LIU_HEADER = /ISMAP\s*-?\s*LIU|(?<![A-Za-z])LIU(?![A-Za-z])/i;
const REGISTERED_CELL = /^(?:○|◯|●|✓|✔|登録済み?|登録|あり|有|yes|registered)$/i;
/** 機密性 3 written without the glossary's wording: 「機密性は3」「機密性レベル3」「機密性：3」. */
const LOOSE_GRADE_3 = /機密性\s*(?:の)?(?:格付|区分|レベル|クラス)?\s*(?:[:=：]|は|が)?\s*3(?![0-9.])(?!\s*(?:つ|点|件|年|か月|ヶ月|日|割|%))/g;
/** A column that names the row's service. */
const NAME_HEADER = /サービス|名称|製品|システム|ツール|service|name|product|tool/i;
/** A bracketed name that is the sentence's topic: 「ケース記録クラウド」は、 (the first such name in the sentence). */
const BRACKETED_TOPIC = /^[^。「」]{0,30}?[「『]([^「」『』]{1,30})[」』]\s*(?:は|が|も)[、,\s]?/;
/**
 * English appositives before 「ISMAP-LIU」: "CaseNote, an ISMAP-LIU registered SaaS", "DeskBox (registered under
 * ISMAP-LIU)", "FormFlow, which is registered under ISMAP-LIU". Group 1: the name (capitalised words).
 */
const EN_APPOSITIVE_BEFORE = /\b([A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,3})\s*(?:,\s*(?:which|that)\s+(?:is|has been)\s+(?:registered|listed)\s+(?:under|in|on|with)\s+(?:the\s+)?|,\s*an?\s+|\(\s*(?:registered|listed)\s+(?:under|in|on|with)\s+(?:the\s+)?|\(\s*)$/;
/** Topics that are no product name: the writer itself, a pronoun, the programme. */
const NOT_A_NAME = /ISMAP|^(?:本|当|同|弊|貴)(?:市|町|村|区|県|府|都|省|庁|社|機構|法人|団体|制度|システム)?$|^(?:これ|それ|いずれ|本制度|同制度)/;
/** YAML keys whose value is a service's programme or registration (`ismap: ISMAP-LIU 登録`, `program: ISMAP-LIU`). */
const PROGRAM_KEY = /ismap|program|制度|登録|認証|certif|registr/;
/** YAML keys that name the entry's service. */
const NAME_KEY = /^(?:name|service|service_name|servicename|product|product_name|saas|tool|サービス名|名称|サービス|製品名|ツール名)$/;
/**
 * The keys among them that name the service itself: an entry with both `name:` and `service:` is an asset or a
 * data set (`name: 名刺・商談記録`) kept in that service, and the service is what is ISMAP-LIU.
 */
const SERVICE_NAME_KEY = /^(?:service|service_name|servicename|product|product_name|saas|tool|サービス名|サービス|製品名|ツール名)$/;
/** A YAML key that says its entry handles 要配慮個人情報 (`handles_sensitive_personal_info`, `要配慮個人情報`). */
const SENSITIVE_KEY = /sensitive|要配慮/;
/** …and 条例要配慮個人情報 (`ordinance_sensitive`, `条例要配慮個人情報`). */
const ORDINANCE_KEY = /ordinance|条例/;
/** How many YAML maps before a nested one are looked at for the entry holding it. */
const PARENT_REACH = 64;
/** Right after a service: the information comes from it (「kintone から移した」「AWSより取得した」). */
const SOURCE_AFTER = /^\s*(?:から|より)(?!も|は)/;
/** Right after the information in a YAML value: it says none (「要配慮個人情報なし」「要配慮個人情報: 無し」). */
const NONE_AFTER = /^\s*(?:[:：]|は|の)?\s*(?:なし|無し|該当なし|該当無し)/;
/** A YAML value that says yes. */
const AFFIRMATIVE_VALUE = /^(?:true|yes|y|on|あり|有り?|含む|含まれる|取り扱う|扱う|○|◯|●|✓|✔)$/i;
/** A YAML key naming ISMAP-LIU itself (`ismap_liu: true`, `ISMAP-LIU: 登録済`): a yes value registers the entry. */
const LIU_KEY = /ismap\s*[-_]?\s*liu|^liu$/;
/** A grade sentence that shows an example or speaks generally rather than giving the information to a service. */
const EXAMPLE = /例を示|例です|例として|例えば|一般に|一般的に/;
/**
 * A grade sentence that names a place of its own (a server, another system, paper …): the information is not
 * given to the service of the sentence before. 「同システム」 refers back and is not a place of its own.
 */
const OWN_PLACE = /サーバ|オンプレ|閉域|庁内|基盤|環境|端末|紙|ガバメントクラウド|LGWAN|(?<!同)システム/;
/** Where a grade's clause ends before an unrelated predicate: 「…を確認したが、指摘事項とはしない」. */
const CLAUSE_TURN = /(?:が|けれども|ものの|ため|ので)[、,]/;

/**
 * Words that refer back to the service named before: 同サービス, 当該サービス, 本サービス, このサービス, 同SaaS,
 * "this service", "the service".
 */
const ANAPHOR =
  /(?:同|当該|本|この|その|上記の?|前記の?)\s*(?:サービス|SaaS|クラウドサービス|クラウド|ツール|アプリ)|\b(?:this|the|that|said)\s+(?:service|SaaS|cloud service|tool|app)\b/gi;
/** The topic of a sentence, up to its particle: 「Box では」「「よやくナビ」には」「相談記録クラウドに」 (NFKC). */
const OTHER_TOPIC = /^(?:なお|また|さらに|ただし)?[、,]?\s*(「[^」]{1,30}」|[^、,。「」\s][^、,。「」]{0,29}?)\s*(?:では|には|へは|は|で|に|へ|が)[、,\s]?/;
/** A topic that names a service: a Latin product name, a bracketed name, or a noun ending in a service word. */
const SERVICE_NAME = /^[A-Z][A-Za-z0-9.&-]*(?:\s+[A-Za-z0-9.&-]+){0,3}$|^「[^」]+」$|(?:サービス|SaaS|クラウド|アプリ|ツール)$/;
/** Latin words that are no product name (a file format, an interface). */
const NOT_A_PRODUCT = /^(?:CSV|PDF|API|URL|DB|ID|AI|IT|PC|Excel|Word|Web|SaaS)$/i;

function isServiceName(topic: string): boolean {
  const name = topic.trim();
  return SERVICE_NAME.test(name) && !NOT_A_PRODUCT.test(name) && !/^(?:同|当該|本|この|その|上記|前記)/.test(name) && !/ISMAP/i.test(name);
}

/**
 * An English sentence whose subject is a product by name — CamelCase, with a digit, or several capitalised
 * words ("SecureVault stores …", "Case Desk 2 keeps …") — not a capitalised common word ("Staff records …").
 */
const EN_PRODUCT_TOPIC = /^\s*((?:[A-Z][a-z0-9]*[A-Z0-9][\w.&-]*|[A-Z][\w.&-]*(?:\s+[A-Z0-9][\w.&-]*){1,3}))\s+(?:stores|keeps|holds|handles|processes|manages|receives|will|is|has|contains|gets)\b/;

/**
 * A name right before a bracket that says it is ISMAP-LIU: 「予約ノート（ISMAP-LIU登録サービス）」,
 * 「「ソウダンBox」（ISMAP-LIU登録）」. Group 1: a bracketed name; group 2: the run of text before the bracket.
 */
const PAREN_NAME_BEFORE = /(?:「([^「」]{1,30})」|([^\s、。,「」『』（）()]{1,30}))\s*[（(]\s*$/;
/** The rest of such a bracket: only the registration (登録, 登録済み, 登録サービス), then its close. */
const PAREN_REST_AFTER = /^[^（）()、。]{0,16}[)）]/;
/** A bare kind of service before such a bracket (「SaaS（ISMAP-LIU登録）」): no name of its own to look for elsewhere. */
const GENERIC_SERVICE = /^(?:SaaS|サービス|クラウド|クラウドサービス|ツール|アプリ|製品|システム|ソフトウェア)(?:等|など)?$|等$|など$/i;
/** Particles inside a run of Japanese text before a name (「チャットにはトークルーム」): the name follows the last. */
const PARTICLE_BEFORE_NAME = /^.*(?:には|では|として|から|まで|より|とは|は|を|に|で|が|と|の|も)(?=.{2,}$)/;

const PLATFORM_KEY = /cloud|platform|provider|hosting|infrastructure|クラウド|基盤|稼働環境/;
const GRADE_KEY = /confidentiality|機密性|classification|格付/;
const GRADE_3_VALUE = /^(?:機密性)?\s*3(?:情報)?$/;

interface Basis {
  readonly ja: string;
  readonly en: string;
}

interface Subject {
  readonly start: number;
  readonly end: number;
  /** The service as written, or undefined for 「ISMAP-LIU登録のSaaS」 itself. */
  readonly mention?: Pick<ServiceMention, 'surface'>;
  readonly basis?: Basis;
  /** Words that refer back to the service (同サービス, "this service"): the finding sits on the information. */
  readonly refersBack?: boolean;
}

function liuBasis(service: ServiceEntry, status: IsmapStatus): Basis | undefined {
  const listed = status.matches.find((match) => match.entry.program === 'ISMAP-LIU');
  if (listed) {
    return {
      ja: `読み込んだISMAPリスト: ${listed.entry.registrationNumber}`,
      en: `ISMAP list loaded: ${listed.entry.registrationNumber}`,
    };
  }
  const fact = service.ismap.find((candidate) => candidate.program === 'ISMAP-LIU');
  if (fact) {
    return { ja: `サービスカタログ: ${fact.listedName}`, en: `service catalogue: "${fact.listedName}"` };
  }
  return undefined;
}

/** Characters between two ranges (0 when they touch or overlap). */
function gap(a: { start: number; end?: number }, b: { start: number; end?: number }): number {
  const aEnd = a.end ?? a.start;
  const bEnd = b.end ?? b.start;
  return a.start >= bEnd ? a.start - bEnd : b.start >= aEnd ? b.start - aEnd : 0;
}

const DOCUMENT_BASIS: Basis = { ja: '文書の記載', en: 'as the document states' };

/** The information as the glossary names it: 機密性3情報 / Confidentiality class-3 information … */
function infoText(input: RuleInput, kind: InfoKind, fromClassification: boolean): Basis {
  const term = input.glossary.term(kind);
  const ja = term?.term ?? kind;
  const en = term?.english ?? kind;
  return fromClassification ? { ja: `${ja}（文書の格付）`, en: `${en} (the document's classification)` } : { ja, en };
}

/** Whether the document's own structured classification (front matter or top-level YAML) says 機密性3. */
function documentGradeIsThree(input: RuleInput): boolean {
  const data = topLevelData(input.model);
  if (!data) {
    return false;
  }
  const get = (path: string[]): unknown =>
    path.reduce<unknown>((current, key) => (typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined), data);
  const values = [
    get(['confidentiality']),
    get(['機密性']),
    get(['classification']),
    get(['classification', 'confidentiality']),
    get(['system', 'classification']),
    get(['system', 'classification', 'confidentiality']),
  ];
  return values.some((value) => (typeof value === 'string' || typeof value === 'number') && GRADE_3_VALUE.test(normalizeKey(String(value)).trim()));
}

/** A product the document declares ISMAP-LIU, at one place it is named. */
interface Named {
  readonly start: number;
  readonly end: number;
  readonly surface: string;
  readonly segmentKind: SegmentKind;
}

/** A statement of a service before a grade: the ISMAP-LIU subject, or undefined for any other service. */
interface Anchor {
  readonly start: number;
  readonly liu: Subject | undefined;
}

/**
 * Products the document itself declares ISMAP-LIU in a sentence whose topic they are (「サンプルノートは、…
 * ISMAP-LIUクラウドサービスリストに登録されている」), in a bracket after the name, in English or in a table row. A
 * catalogue service is left to the catalogue mentions.
 */
function declaredNameSet(input: RuleInput, index: DocumentIndex, mentions: readonly ServiceMention[], rows: readonly RowDeclaration[]): Set<string> {
  const { model, terms } = input;
  const names = new Set<string>();
  for (const term of terms) {
    if (term.term.id !== 'ismap-liu' || term.segmentKind !== 'prose' || inRanges(input.context.badExamples, term.start)) {
      continue;
    }
    const [start, end] = index.sentence(term.start);
    const normalized = index.normalized(start, end);
    if (!LIU_DECLARED_AFTER.test(normalized.text.slice(normalizedIndex(normalized, term.end))) || NEGATION.test(normalized.text)) {
      continue;
    }
    const before = model.text.slice(start, term.start);
    // The topic, or a name in brackets that is the topic (「ケース記録クラウド」は、 / 予約サービス「よやくナビ」は).
    const bracketed = BRACKETED_TOPIC.exec(before);
    const topic = bracketed ?? TOPIC.exec(before);
    const name = topic?.[1].trim();
    const nameStart = topic ? start + topic.index + topic[0].indexOf(topic[1]) : -1;
    if (name && !NOT_A_NAME.test(normalizeKey(name)) && !mentions.some((mention) => mention.start < nameStart + name.length && mention.end > nameStart)) {
      names.add(name);
    }
  }
  for (const term of terms) {
    // English: "CaseBook is registered under ISMAP-LIU", "CaseBook is an ISMAP-LIU service".
    if (term.term.id !== 'ismap-liu' || term.segmentKind !== 'prose' || inRanges(input.context.badExamples, term.start)) {
      continue;
    }
    const [start, end] = index.sentence(term.start);
    const normalized = index.normalized(start, end);
    const preceding = normalized.text.slice(0, normalizedIndex(normalized, term.start));
    const after = normalized.text.slice(normalizedIndex(normalized, term.end));
    const declared = EN_DECLARED_BEFORE.exec(preceding);
    const found = declared ? undefined : EN_APPOSITIVE_BEFORE.exec(preceding);
    // A Latin tail of a Japanese name (「ソウダンBox」) is not an English name of its own.
    const appositive = found && !/[^\x00-\x7F]$/.test(preceding.slice(0, found.index)) ? found : undefined;
    // The article forms ("is an ISMAP-LIU …", ", an ISMAP-LIU …") need a service word after the term.
    const needsService = declared ? declared[2] !== undefined : /,\s*an?\s+$/.test(preceding);
    const name = (declared ?? appositive)?.[1].trim();
    if (!name || (needsService && !EN_SERVICE_AFTER.test(after)) || /\b(?:not|never|no longer)\b/i.test(normalized.text) || EN_NOT_A_NAME.test(name) || GENERIC_SERVICE.test(name)) {
      continue;
    }
    if (!mentions.some((mention) => mention.start >= start && mention.end <= term.start && normalizeKey(mention.surface) === normalizeKey(name))) {
      names.add(name);
    }
  }
  for (const term of terms) {
    // 「予約ノート（ISMAP-LIU登録サービス）」「「ソウダンBox」（ISMAP-LIU登録）」: the name before the bracket.
    if (term.term.id !== 'ismap-liu' || term.segmentKind !== 'prose' || inRanges(input.context.badExamples, term.start)) {
      continue;
    }
    const [start] = index.sentence(term.start);
    const declared = PAREN_NAME_BEFORE.exec(model.text.slice(Math.max(start, term.start - 40), term.start));
    const rest = model.text.slice(term.end, term.end + 20);
    if (!declared || !PAREN_REST_AFTER.test(rest) || LIU_NEGATED_AFTER.test(rest) || LIU_CELL_DENIED.test(PAREN_REST_AFTER.exec(rest)![0])) {
      continue;
    }
    const name = (declared[1] ?? declared[2].replace(PARTICLE_BEFORE_NAME, '')).trim();
    const nameEnd = term.start - declared[0].length + declared[0].indexOf(declared[1] ?? declared[2]) + (declared[1] ?? declared[2]).length;
    const catalogued = mentions.some((mention) => mention.start < nameEnd && mention.end > nameEnd - name.length);
    if (name.length >= 2 && !catalogued && !NOT_A_NAME.test(normalizeKey(name)) && !GENERIC_SERVICE.test(normalizeKey(name)) && !/ISMAP/i.test(name)) {
      names.add(name);
    }
  }
  for (const row of rows) {
    if (row.name !== undefined) {
      names.add(row.name);
    }
  }
  return names;
}

/** Every place the part of the document in `input` names one of `names`, outside bad examples. */
function namedPlaces(input: RuleInput, names: Iterable<string>): Named[] {
  const { model } = input;
  const found: Named[] = [];
  for (const name of names) {
    // The name as written, with any run of spaces matching any other (「問合せ管理 SaaS」「問合せ管理SaaS」).
    const pattern = new RegExp(name.split(/\s+/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'), 'g');
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key') {
        continue;
      }
      pattern.lastIndex = 0;
      const text = model.text.slice(segment.start, segment.end);
      for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
        const start = segment.start + match.index;
        if (!inRanges(input.context.badExamples, start)) {
          found.push({ start, end: start + match[0].length, surface: match[0], segmentKind: segment.kind });
        }
      }
    }
  }
  return found;
}

/** A table row whose ISMAP column says ISMAP-LIU: its name cell, as a product name or a catalogue mention. */
interface RowDeclaration {
  /** The name cell's text when it names no catalogue service. */
  readonly name?: string;
  /** The catalogue services named in the name cell. */
  readonly services: readonly ServiceMention[];
}

/** Table header texts in NFKC form: normalised once per distinct header, not once per cell. */
const headerKeys = new Map<string, string>();

function headerKey(headerText: string): string {
  let key = headerKeys.get(headerText);
  if (key === undefined) {
    key = normalizeKey(headerText);
    if (headerKeys.size < 10_000) {
      headerKeys.set(headerText, key);
    }
  }
  return key;
}

/**
 * Table rows that declare their service ISMAP-LIU in a column headed ISMAP (「| ケース記録クラウド | LIU |」,
 * 「| 予約ノート | ISMAP-LIU登録 |」): the row's service is the cell of a column naming services, else the first.
 */
function tableDeclarations(input: RuleInput, mentions: readonly ServiceMention[]): RowDeclaration[] {
  const { model } = input;
  const blocks = model.markdown?.blocks ?? [];
  const found: RowDeclaration[] = [];
  blocks.forEach((block, blockIndex) => {
    if (block.kind !== 'table-cell' || !block.table || block.table.header || block.example || !ISMAP_HEADER.test(headerKey(block.table.headerText))) {
      return;
    }
    const cellText = normalizedRange(model, block.start, block.end).text.replace(/\*\*/g, '').trim();
    const liuColumn = LIU_HEADER.test(headerKey(block.table.headerText)) && REGISTERED_CELL.test(cellText);
    if (!liuColumn && (!LIU_CELL.test(cellText) || LIU_CELL_DENIED.test(cellText))) {
      return;
    }
    const cells = rowCells(model, blockIndex).filter((cell) => cell !== block);
    const nameCell = cells.find((cell) => NAME_HEADER.test(headerKey(cell.table!.headerText)) && !ISMAP_HEADER.test(headerKey(cell.table!.headerText))) ?? cells[0];
    if (!nameCell) {
      return;
    }
    const services = mentions.filter((mention) => mention.start >= nameCell.start && mention.end <= nameCell.end);
    const name = model.text.slice(nameCell.start, nameCell.end).replace(/\*\*/g, '').trim();
    found.push(services.length > 0 || name.length === 0 || name.length > 40 ? { services } : { name, services });
  });
  return found;
}

/** The last key above a YAML scalar, NFKC and lower case ('' for none). */
function lastKey(keyPath: readonly string[] | undefined): string {
  return keyPath && keyPath.length > 0 ? normalizeKey(keyPath[keyPath.length - 1]).toLowerCase() : '';
}

/** A YAML scalar's value, NFKC, quotes and spaces trimmed. */
function scalarValue(model: RuleInput['model'], scalar: { start: number; end: number }): string {
  return normalizeKey(model.text.slice(scalar.start, scalar.end)).replace(/^["']|["']$/g, '').trim();
}

/**
 * A YAML scalar that says its entry is ISMAP-LIU without the term 「ISMAP-LIU」: a programme key holding 「LIU」
 * (`ismap: LIU`, not 「LIU未登録」), or a key naming ISMAP-LIU holding yes (`ismap_liu: true`).
 */
function isStructuredLiu(model: RuleInput['model'], scalar: { start: number; end: number; kind: SegmentKind; keyPath?: readonly string[] }): boolean {
  if (scalar.kind === 'yaml-key' || scalar.keyPath === undefined) {
    return false;
  }
  const key = lastKey(scalar.keyPath);
  const value = scalarValue(model, scalar);
  if (LIU_KEY.test(key)) {
    return REGISTERED_CELL.test(value) || AFFIRMATIVE_VALUE.test(value);
  }
  return PROGRAM_KEY.test(key) && LIU_CELL.test(value) && !LIU_CELL_DENIED.test(value);
}

/** A bracketed note on ISMAP after a name (「チャットSaaS（ISMAP-LIU登録）」): not part of the name. */
const ISMAP_NOTE_AFTER = /\s*[（(][^（()）]*ISMAP[^（()）]*[)）]\s*$/i;

/**
 * A YAML entry's ISMAP-LIU subject: its programme key says ISMAP-LIU (`program: ISMAP-LIU`, `ismap: LIU`,
 * `ismap_liu: true`), or its name key's value does (`name: チャットSaaS（ISMAP-LIU登録）`); its service key
 * (`service:`, `product:`), else its name key, names it.
 */
function liuRecordSubject(input: RuleInput, liuTerms: readonly { start: number }[], start: number, end: number, depth?: number): Subject | undefined {
  const { model } = input;
  // With `depth`, only the entry's own keys count (not those of entries nested in it).
  const atDepth = (keyPath: readonly string[] | undefined) => depth === undefined || keyPath?.length === depth;
  const inRecord = itemsStartingIn(model.scalars, start, end).filter((scalar) => scalar.end <= end && scalar.kind !== 'yaml-key' && atDepth(scalar.keyPath));
  const declared =
    liuTerms.some((liu) => {
      const keyPath = segmentAt(model.segments, liu.start)?.keyPath;
      const key = lastKey(keyPath);
      return atDepth(keyPath) && (PROGRAM_KEY.test(key) || NAME_KEY.test(key));
    }) || inRecord.some((scalar) => isStructuredLiu(model, scalar));
  if (!declared) {
    return undefined;
  }
  const name =
    inRecord.find((scalar) => scalar.keyPath !== undefined && SERVICE_NAME_KEY.test(lastKey(scalar.keyPath))) ??
    inRecord.find((scalar) => scalar.keyPath !== undefined && NAME_KEY.test(lastKey(scalar.keyPath)));
  const surface = name ? model.text.slice(name.start, name.end).replace(ISMAP_NOTE_AFTER, '') : '';
  return surface.length > 0 ? { start, end, mention: { surface }, basis: DOCUMENT_BASIS } : { start, end };
}

/**
 * Whether the information's own clause is negated: from the information to the end of its sentence, up to a turn
 * to another clause (「要配慮個人情報は保存しない」「要配慮個人情報を除き」, not 「職員以外はアクセスできない設定とし、…」).
 */
function negatedFromInfo(index: DocumentIndex, info: Info, start: number, end: number): boolean {
  const sentence = index.normalized(start, end);
  const rest = sentence.text.slice(normalizedIndex(sentence, info.start));
  const turn = CLAUSE_TURN.exec(rest);
  return NEGATION.test(turn ? rest.slice(0, turn.index) : rest);
}

/**
 * The ISMAP-LIU service a grade refers back to when its own sentence names none (earlierSubject). The grade's
 * sentence must give the information (no negation, no example, no place of its own), the nearest service named
 * before must be the ISMAP-LIU one, and the sentence's topic must not be another service by name.
 */
function referredSubject(input: RuleInput, index: DocumentIndex, anchors: readonly Anchor[], info: Info, start: number, end: number): Subject | undefined {
  const sentence = index.normalized(start, end);
  const at = normalizedIndex(sentence, info.start);
  const turn = CLAUSE_TURN.exec(sentence.text.slice(at));
  const clause = sentence.text.slice(0, turn ? at + turn.index : undefined);
  if (NEGATION.test(clause) || EXAMPLE.test(sentence.text) || OWN_PLACE.test(sentence.text)) {
    return undefined;
  }
  const subject = earlierSubject(input, index, anchors, info.start, start);
  // A sentence whose topic is another service by name (「Box では…」「「よやくナビ」には…」) gives it the information.
  const topic = OTHER_TOPIC.exec(sentence.text.slice(0, at))?.[1];
  if (subject && topic && isServiceName(topic) && normalizeKey(topic) !== normalizeKey(subject.mention?.surface ?? '')) {
    return undefined;
  }
  return subject;
}

/**
 * The subject a statement at `offset` (its sentence starting at `start`) refers back to: the nearest service
 * named in an earlier sentence of its paragraph, else in an earlier item of its list or an item it is nested
 * under — the ISMAP-LIU subject when that service is ISMAP-LIU and its sentence is not negated. A statement
 * naming a place of its own (a server, another system) before it ends the search.
 */
function earlierSubject(input: RuleInput, index: DocumentIndex, anchors: readonly Anchor[], offset: number, start: number): Subject | undefined {
  const { model } = input;
  const blockIndex = blockIndexAt(model, offset);
  if (blockIndex === undefined) {
    return undefined;
  }
  const blocks = model.markdown!.blocks;
  /** The nearest anchor in [from, to): the decision when there is one. */
  const decide = (from: number, to: number): { found: boolean; subject?: Subject } => {
    let nearest: Anchor | undefined;
    for (const anchor of anchors) {
      if (anchor.start >= from && anchor.start < to) {
        nearest = anchor;
      }
    }
    if (!nearest) {
      // A statement that keeps information in a place of its own (庁内のシステム, サーバ) ends the look-back.
      return { found: OWN_PLACE.test(index.normalized(from, Math.min(to, model.text.length)).text) };
    }
    if (!nearest.liu) {
      return { found: true };
    }
    const [subjectStart, subjectEnd] = index.sentence(nearest.start);
    return { found: true, subject: NEGATION.test(index.normalized(subjectStart, subjectEnd).text) ? undefined : nearest.liu };
  };
  const block = blocks[blockIndex];
  const earlier = splitSentences(model.text, block.start, block.end).filter((candidate) => candidate.end <= start).reverse();
  for (const candidate of earlier) {
    const decision = decide(candidate.start, candidate.end);
    if (decision.found) {
      return decision.subject;
    }
  }
  if (!block.listItem) {
    return undefined;
  }
  // Back through the list: earlier items at the same depth, then the items this one is nested under.
  let depth = block.listItem.depth;
  let ancestorsOnly = false;
  for (let previous = blockIndex - 1; previous >= 0; previous--) {
    const candidate = blocks[previous];
    if (!candidate.listItem || candidate.lastLine < blocks[previous + 1].firstLine - 2) {
      break;
    }
    const candidateDepth = candidate.listItem.depth;
    if (candidateDepth > depth || (ancestorsOnly && candidateDepth >= depth)) {
      continue;
    }
    const decision = decide(candidate.start, candidate.end + 1);
    if (decision.found) {
      return decision.subject;
    }
    if (candidateDepth < depth) {
      depth = candidateDepth;
      ancestorsOnly = true;
    }
  }
  return undefined;
}

/** The statement holding `offset`: its YAML entry, else its sentence (a table row, a heading). */
function statementAt(input: RuleInput, index: DocumentIndex, records: ReturnType<typeof yamlRecords>, offset: number): { record: boolean; start: number; end: number } {
  const segment = segmentAt(input.model.segments, offset);
  const record = segment?.keyPath !== undefined ? records.get(segment.end) : undefined;
  const [start, end] = record ? [record.start, record.end] : index.sentence(offset);
  return { record: record !== undefined, start, end };
}

/** 「ISMAP-LIU」 stated of something (not 「ISMAP-LIUではない」), outside bad examples. */
function isLiuStatement(input: RuleInput, index: DocumentIndex, term: { start: number; end: number; term: { id: string } }): boolean {
  if (term.term.id !== 'ismap-liu' || inRanges(input.context.badExamples, term.start)) {
    return false;
  }
  const [start, end] = index.sentence(term.start);
  const normalized = index.normalized(start, end);
  return !LIU_NEGATED_AFTER.test(normalized.text.slice(normalizedIndex(normalized, term.end)));
}

/** The services a statement with 「ISMAP-LIU」 declares so: every service of a YAML entry, else the one nearest the term. */
function declaredServices(record: boolean, services: readonly ServiceMention[], liu: { start: number; end: number }): readonly ServiceMention[] {
  if (services.length === 0) {
    return [];
  }
  return record ? services : [services.reduce((best, service) => (gap(service, liu) < gap(best, liu) ? service : best))];
}

/**
 * What a part of the document declares ISMAP-LIU in its own words, for every other part to read (Rule.sectionFacts):
 * `service:<id>` for a catalogue service (a table row, a sentence or a YAML entry with 「ISMAP-LIU」), `name:<name>`
 * for a product the catalogue does not know.
 */
function liuFacts(input: RuleInput): string[] {
  // Only 「ISMAP-LIU」 or a table column headed ISMAP declares anything (most sections have neither).
  const ismapColumn = (input.model.markdown?.blocks ?? []).some((block) => block.kind === 'table-cell' && block.table && ISMAP_HEADER.test(headerKey(block.table.headerText)));
  if (!ismapColumn && !input.terms.some((term) => term.term.id === 'ismap-liu')) {
    return [];
  }
  const index = documentIndex(input.model);
  const records = index.memo('yaml-records', () => yamlRecords(input.model));
  const mentions = serviceMentions(input);
  const rows = tableDeclarations(input, mentions);
  const facts = new Set<string>();
  for (const row of rows) {
    for (const service of row.services) {
      facts.add(`service:${service.service.id}`);
    }
  }
  const liuTerms = input.terms.filter((term) => isLiuStatement(input, index, term));
  if (liuTerms.length > 0) {
    const statements = new Map<string, { record: boolean; services: ServiceMention[] }>();
    const statementOf = (offset: number) => {
      const { record, start, end } = statementAt(input, index, records, offset);
      const key = `${record ? 'r' : 's'}${start}:${end}`;
      let found = statements.get(key);
      if (!found) {
        found = { record, services: [] };
        statements.set(key, found);
      }
      return found;
    };
    for (const mention of mentions) {
      statementOf(mention.start).services.push(mention);
    }
    for (const liu of liuTerms) {
      const { record, services } = statementOf(liu.start);
      for (const service of declaredServices(record, services, liu)) {
        facts.add(`service:${service.service.id}`);
      }
    }
  }
  for (const name of declaredNameSet(input, index, mentions, rows)) {
    facts.add(`name:${name}`);
  }
  return [...facts];
}

export const ismapLiuScopeRule: Rule = {
  id: 'ismap/liu-scope',
  defaultSeverity: 'warning',
  // The scope of ISMAP-LIU is a fact about the programme: a document that puts 機密性3 information on an
  // ISMAP-LIU service is wrong whatever kind of document it is (a memo, an audit report, a vendor's paper).
  procurementOnly: false,
  // A service or product may be declared ISMAP-LIU in one section and given 機密性3 in another: what each section
  // declares is its facts, and every section reads the document's.
  scope: 'section',
  sectionFacts: liuFacts,
  description: 'ISMAP-LIU service given 機密性3 information or 要配慮個人情報 (outside the low-impact scope of ISMAP-LIU).',
  check(input, facts = new Set(liuFacts(input))) {
    const { model, knowledge, terms } = input;
    const index = documentIndex(model);
    const records = index.memo('yaml-records', () => yamlRecords(model));
    const declaredNames = [...facts].filter((fact) => fact.startsWith('name:')).map((fact) => fact.slice('name:'.length));

    // Group the mentions by statement: a YAML entry, or a sentence / table row / heading.
    interface Group {
      /** A YAML entry (the mapping holding the scalars) rather than a sentence. */
      readonly record: boolean;
      readonly start: number;
      readonly end: number;
      readonly services: ServiceMention[];
      /** Products the document itself declares ISMAP-LIU (not in the catalogue). */
      readonly named: Named[];
      readonly liuTerms: { start: number; end: number; kind: SegmentKind }[];
      readonly infos: Info[];
    }
    const groups = new Map<string, Group>();
    const group = (offset: number, kind: SegmentKind): Group => {
      const { record, start, end } = statementAt(input, index, records, offset);
      const key = `${record ? 'r' : 's'}${start}:${end}`;
      let found = groups.get(key);
      if (!found) {
        found = { record, start, end, services: [], named: [], liuTerms: [], infos: [] };
        groups.set(key, found);
      }
      return found;
    };

    const mentions = serviceMentions(input);
    // Which services are ISMAP-LIU by the list or the catalogue; nothing to do when nothing is ISMAP-LIU.
    const statuses = new Map<string, IsmapStatus>();
    const bases = new Map<string, Basis>();
    for (const mention of mentions) {
      if (!statuses.has(mention.service.id)) {
        const status = ismapStatus(mention.service, knowledge.ismapList);
        statuses.set(mention.service.id, status);
        const basis = liuBasis(mention.service, status);
        if (basis) {
          bases.set(mention.service.id, basis);
        }
      }
    }
    // Table rows whose ISMAP column says LIU declare their service ISMAP-LIU, as the text would.
    const rows = tableDeclarations(input, mentions);
    for (const row of rows) {
      for (const service of row.services) {
        const listed = statuses.get(service.service.id)?.matches.some((match) => match.entry.program === 'ISMAP');
        if (!bases.has(service.service.id) && !listed) {
          bases.set(service.service.id, DOCUMENT_BASIS);
        }
      }
    }
    // Services the document declares ISMAP-LIU elsewhere (another section: its facts).
    for (const mention of mentions) {
      if (!bases.has(mention.service.id) && facts.has(`service:${mention.service.id}`)) {
        const listed = statuses.get(mention.service.id)?.matches.some((match) => match.entry.program === 'ISMAP');
        if (!listed) {
          bases.set(mention.service.id, DOCUMENT_BASIS);
        }
      }
    }
    // YAML entries that say ISMAP-LIU in structure (`ismap: LIU`, `ismap_liu: true`).
    const structuredLiu = model.yaml.length > 0 && model.scalars.some((scalar) => isStructuredLiu(model, scalar));
    if (bases.size === 0 && rows.length === 0 && !structuredLiu && declaredNames.length === 0 && !terms.some((term) => term.term.id === 'ismap-liu')) {
      return [];
    }
    for (const mention of mentions) {
      group(mention.start, mention.segmentKind).services.push(mention);
    }
    let anyLiu = false;
    for (const term of terms) {
      if (INFO_TERMS.has(term.term.id)) {
        // A key (`要配慮個人情報: なし`) names what its value says; the value is read below. A value that says
        // none of it (`要配慮個人情報なし`) gives nothing.
        const segment = term.segmentKind === 'yaml-value' ? segmentAt(model.segments, term.start) : undefined;
        const none = segment !== undefined && NONE_AFTER.test(normalizeKey(model.text.slice(term.end, segment.end)));
        if (term.segmentKind !== 'yaml-key' && !none) {
          group(term.start, term.segmentKind).infos.push({ kind: term.term.id as InfoKind, start: term.start, end: term.end });
        }
      } else if (isLiuStatement(input, index, term)) {
        group(term.start, term.segmentKind).liuTerms.push({ start: term.start, end: term.end, kind: term.segmentKind });
        anyLiu = true;
      }
    }
    let anyNamed = false;
    for (const named of namedPlaces(input, declaredNames)) {
      group(named.start, named.segmentKind).named.push(named);
      anyNamed = true;
    }
    // Structured grades in YAML entries: `confidentiality: 3`, `classification: 機密性3`.
    for (const segment of model.segments) {
      if (segment.kind === 'yaml-key' || segment.keyPath === undefined || segment.keyPath.length === 0) {
        continue;
      }
      const key = lastKey(segment.keyPath);
      const value = scalarValue(model, segment);
      if (GRADE_KEY.test(key) && /^(?:C\s*)?3$/i.test(value)) {
        group(segment.start, segment.kind).infos.push({ kind: 'confidentiality-3', start: segment.start, end: segment.end });
      } else if (SENSITIVE_KEY.test(key) && AFFIRMATIVE_VALUE.test(value)) {
        // `handles_sensitive_personal_info: true`, `要配慮個人情報: あり`: the finding is on the value.
        const kind: InfoKind = ORDINANCE_KEY.test(key) ? 'ordinance-sensitive-info' : 'sensitive-personal-info';
        group(segment.start, segment.kind).infos.push({ kind, start: segment.start, end: segment.end });
      }
    }

    // 機密性 3 in words the glossary does not hold (「機密性は3」「機密性レベル3」), where no grade term already is.
    // Matches and terms are both in document order: one walk finds the terms overlapping each match.
    const gradeTerms = terms.filter((term) => INFO_TERMS.has(term.term.id));
    let nextTerm = 0;
    for (const match of wordingMatches(model, LOOSE_GRADE_3)) {
      while (nextTerm < gradeTerms.length && gradeTerms[nextTerm].end <= match.start) {
        nextTerm++;
      }
      const covered = nextTerm < gradeTerms.length && gradeTerms[nextTerm].start < match.end;
      if (!covered) {
        group(match.start, match.segmentKind).infos.push({ kind: 'confidentiality-3', start: match.start, end: match.end });
      }
    }
    // Table grades: a bare 「3」 under a 機密性 column, 「あり」 under a 要配慮個人情報 column.
    for (const block of model.markdown?.blocks ?? []) {
      if (block.kind !== 'table-cell' || !block.table || block.table.header || block.example) {
        continue;
      }
      const header = headerKey(block.table.headerText).trim();
      if (!GRADE_HEADER.test(header) && !SENSITIVE_HEADER.test(header)) {
        continue;
      }
      const value = normalizedRange(model, block.start, block.end).text.replace(/\*\*/g, '').trim();
      if (GRADE_HEADER.test(header) && GRADE_3_VALUE.test(value) && !/^機密性/.test(value)) {
        group(block.start, 'table').infos.push({ kind: 'confidentiality-3', start: block.start, end: block.end });
      } else if (SENSITIVE_HEADER.test(header) && AFFIRMATIVE_CELL.test(value)) {
        group(block.start, 'table').infos.push({ kind: 'sensitive-personal-info', start: block.start, end: block.end });
      }
    }
    if (bases.size === 0 && !anyLiu && !anyNamed && rows.length === 0 && !structuredLiu) {
      return [];
    }
    /** ISMAP-LIU terms that declared a service (and so are not subjects themselves). */
    const declaring = new Set<number>();
    for (const { record, services, named, liuTerms } of groups.values()) {
      for (const liu of liuTerms) {
        if (named.length > 0) {
          declaring.add(liu.start);
        }
        if (services.length === 0) {
          continue;
        }
        // A YAML entry's program applies to its service(s); in prose, to the nearest service.
        for (const service of declaredServices(record, services, liu)) {
          // The list holding the service under full ISMAP outweighs the document's word.
          const listed = statuses.get(service.service.id)?.matches.some((match) => match.entry.program === 'ISMAP');
          if (!bases.has(service.service.id) && !listed) {
            bases.set(service.service.id, DOCUMENT_BASIS);
          }
        }
        declaring.add(liu.start);
      }
    }

    const findings: Finding[] = [];
    const reported = new Set<number>();
    const report = (subject: Subject, kind: InfoKind, fromClassification: boolean) => {
      if (reported.has(subject.start)) {
        return;
      }
      reported.add(subject.start);
      const info = infoText(input, kind, fromClassification);
      // Why the service counts as ISMAP-LIU (the list, the catalogue or the text) shows in its hover.
      const name = subject.mention && subject.basis ? subject.mention.surface : undefined;
      const message: Bilingual = name
        ? {
            ja: `ISMAP-LIUの対象外の情報: 「${name}」はISMAP-LIUのサービスで、機密性2までの低リスク業務向けのため${info.ja}は対象外です`,
            en: `"${name}" is an ISMAP-LIU service, for low-risk work within Confidentiality-2, not for ${info.en}.`,
          }
        : {
            ja: `ISMAP-LIUの対象外の情報: ISMAP-LIUは機密性2までの低リスク業務向けで、${info.ja}は対象外です`,
            en: `ISMAP-LIU is for low-risk work within Confidentiality-2, not for ${info.en}.`,
          };
      findings.push({ ruleId: this.id, severity: this.defaultSeverity, message, start: subject.start, end: subject.end });
    };

    // Every statement of a service, ISMAP-LIU or not, in document order: what a grade in a later sentence or
    // list item refers back to.
    const anchors: Anchor[] = [];
    const subjectsOf = (services: readonly ServiceMention[], named: readonly Named[], liuTerms: Group['liuTerms']): Subject[] => {
      const subjects: Subject[] = services.map((mention) => ({ start: mention.start, end: mention.end, mention, basis: bases.get(mention.service.id) }));
      for (const name of named) {
        subjects.push({ start: name.start, end: name.end, mention: name, basis: DOCUMENT_BASIS });
      }
      for (const liu of liuTerms) {
        if (declaring.has(liu.start)) {
          continue;
        }
        const [start, end] = index.sentence(liu.start);
        const normalized = index.normalized(start, end);
        // 「ISMAP-LIU登録のSaaS」, or a bare kind of service before a bracket saying so (「SaaS（ISMAP-LIU登録）」).
        const bracketed = PAREN_NAME_BEFORE.exec(model.text.slice(Math.max(start, liu.start - 40), liu.start));
        const genericBefore = bracketed?.[2] !== undefined && GENERIC_SERVICE.test(normalizeKey(bracketed[2].replace(PARTICLE_BEFORE_NAME, '')));
        if (LIU_SUBJECT_AFTER.test(normalized.text.slice(normalizedIndex(normalized, liu.end))) || genericBefore) {
          subjects.push({ start: liu.start, end: liu.end });
        }
      }
      return subjects;
    };
    for (const { record, services, named, liuTerms } of groups.values()) {
      if (!record) {
        for (const subject of subjectsOf(services, named, liuTerms)) {
          anchors.push({ start: subject.start, liu: !subject.mention || subject.basis ? subject : undefined });
        }
      }
    }
    anchors.sort((a, b) => a.start - b.start);

    /**
     * Words of a statement that refer back to an ISMAP-LIU service (同サービス, 当該サービス, "this service"): the
     * nearest service named before them in the statement (an English paragraph is one), else in an earlier
     * sentence or list item, when it is ISMAP-LIU.
     */
    const referringBack = (groupStart: number, groupEnd: number): Subject[] => {
      const found: Subject[] = [];
      const text = model.text.slice(groupStart, groupEnd);
      ANAPHOR.lastIndex = 0;
      for (let match = ANAPHOR.exec(text); match; match = ANAPHOR.exec(text)) {
        const start = groupStart + match.index;
        let nearest: Anchor | undefined;
        for (const anchor of anchors) {
          if (anchor.start >= groupStart && anchor.start < start) {
            nearest = anchor;
          }
        }
        const referent = nearest ? nearest.liu : earlierSubject(input, index, anchors, start, groupStart);
        if (referent) {
          found.push({ start, end: start + match[0].length, mention: referent.mention, basis: referent.basis, refersBack: true });
        }
      }
      return found;
    };

    /**
     * The ISMAP-LIU subject of the entry a YAML map is nested in, one level up (`- name: X / ismap: LIU / data:
     * {confidentiality: 3}`): the entry's own keys say ISMAP-LIU.
     */
    const parentRecordSubject = (start: number, end: number, info: Info): Subject | undefined => {
      // The innermost map starting before this one that holds it: walked back from this map's place, a bounded way.
      const ordered = index.memo('yaml-records-by-start', () => [...new Map([...records.values()].map((record) => [record.start, record])).values()].sort((a, b) => a.start - b.start));
      const low = firstStartingAt(ordered, start);
      let parent: { start: number; end: number } | undefined;
      for (let at = low - 1; at >= Math.max(0, low - PARENT_REACH) && !parent; at--) {
        if (ordered[at].end >= end) {
          parent = ordered[at];
        }
      }
      const depth = segmentAt(model.segments, info.start)?.keyPath?.length;
      if (!parent || depth === undefined || depth < 2) {
        return undefined;
      }
      const liuTerms = itemsStartingIn(terms, parent.start, parent.end).filter((term) => term.end <= parent!.end && term.term.id === 'ismap-liu' && !inRanges(input.context.badExamples, term.start));
      return liuRecordSubject(input, liuTerms, parent.start, parent.end, depth - 1);
    };

    /**
     * The subjects an information may be given to, when the statement is an English paragraph (the splitter keeps
     * one whole): those of the information's own sentence; else the service named in an earlier sentence
     * (`later`), unless the sentence's topic is another product by name ("SecureVault stores …").
     */
    const englishCandidates = (subjects: readonly Subject[], info: Info, groupStart: number, groupEnd: number): { candidates: readonly Subject[]; later: boolean } => {
      const [first, last] = englishSentenceIn(model.text, [groupStart, groupEnd], info.start, info.end);
      if (first <= groupStart && last >= groupEnd) {
        return { candidates: subjects, later: false };
      }
      const own = subjects.filter((subject) => subject.start >= first && subject.start < last);
      if (own.length > 0) {
        return { candidates: own, later: false };
      }
      const before = subjects.filter((subject) => subject.start < first);
      const topic = EN_PRODUCT_TOPIC.exec(model.text.slice(first, info.start))?.[1];
      const other = topic !== undefined && !before.some((subject) => normalizeKey(subject.mention?.surface ?? '') === normalizeKey(topic));
      return { candidates: other ? [] : before, later: true };
    };

    for (const { record, start: groupStart, end: groupEnd, services, named, liuTerms, infos } of groups.values()) {
      if (infos.length === 0) {
        continue;
      }
      // A question, or an option of a quiz, asserts nothing (「…を扱ってよいか。」, 「(ア) LINE WORKSに機密性3情報」).
      if (!record && (isQuestion(index.normalized(groupStart, groupEnd).text) || isQuizChoice(model, groupStart))) {
        continue;
      }
      const subjects = [...subjectsOf(services, named, liuTerms), ...(record ? [] : referringBack(groupStart, groupEnd))];
      if (subjects.length === 0 && !record) {
        // The grade's sentence names no service: the claim may have begun in the sentence or list item before.
        for (const info of infos) {
          const subject = referredSubject(input, index, anchors, info, groupStart, groupEnd);
          if (subject) {
            report({ ...subject, start: info.start, end: info.end }, info.kind, false);
          }
        }
        continue;
      }
      const groupText = index.normalized(groupStart, groupEnd).text;
      // Words referring back make the sentence's claim the information's own clause: a negation elsewhere in the
      // sentence (「職員以外はアクセスできない設定とし、」) does not undo it.
      const referring = subjects.some((subject) => subject.refersBack);
      if (EXAMPLE.test(groupText) || (NEGATION.test(groupText) && !referring)) {
        continue;
      }
      if (subjects.length === 0 && record) {
        // A YAML entry whose programme key says ISMAP-LIU, for a service the catalogue does not know.
        const subject = liuRecordSubject(input, liuTerms, groupStart, groupEnd) ?? parentRecordSubject(groupStart, groupEnd, infos[0]);
        for (const info of subject ? infos : []) {
          report({ ...subject!, start: info.start, end: info.end }, info.kind, false);
        }
        continue;
      }
      if (subjects.length === 0) {
        continue;
      }
      // 3 before 要配慮 when both are given to the same subject.
      const ordered = [...infos].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'confidentiality-3' ? -1 : 1));
      for (const info of ordered) {
        const { candidates, later } = record ? { candidates: subjects, later: false } : englishCandidates(subjects, info, groupStart, groupEnd);
        if (candidates.length === 0) {
          continue;
        }
        // A service the information comes from (「Microsoft 365 から移した…」) is not where it is given.
        if (referring && NEGATION.test(groupText) && negatedFromInfo(index, info, groupStart, groupEnd)) {
          continue;
        }
        const destinations = candidates.filter((subject) => !SOURCE_AFTER.test(model.text.slice(subject.end, subject.end + 8)));
        const nearest = (destinations.length > 0 ? destinations : candidates).reduce((best, subject) => (gap(subject, info) < gap(best, info) ? subject : best));
        const targets = record ? candidates : [nearest];
        for (const subject of targets) {
          if (!subject.mention || subject.basis) {
            // Words referring back, or a service named in an earlier sentence: the finding is on the information.
            // So it is in a YAML entry whose subject is 「ISMAP-LIU」 itself (the value that grades is the mistake).
            const onInfo = subject.refersBack || later || (record && !subject.mention);
            report(onInfo ? { ...subject, start: info.start, end: info.end } : subject, info.kind, false);
          }
        }
      }
    }

    // The system's own platform on an ISMAP-LIU service, with the document classified 機密性3.
    if (documentGradeIsThree(input)) {
      for (const mention of mentions) {
        const basis = bases.get(mention.service.id);
        if (!basis || reported.has(mention.start)) {
          continue;
        }
        const segment = segmentAt(model.segments, mention.start);
        let platform: boolean;
        if (segment?.keyPath !== undefined) {
          platform = segment.keyPath.some((key) => PLATFORM_KEY.test(normalizeKey(key).toLowerCase())) && usageOf(index, mention) === 'used';
        } else {
          const [start, end] = index.sentence(mention.start);
          const text = index.normalized(start, end).text;
          platform = PLATFORM_STRONG.test(text) && !NEGATION.test(text) && usageOf(index, mention) === 'used';
        }
        if (platform) {
          report({ start: mention.start, end: mention.end, mention, basis }, 'confidentiality-3', true);
        }
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
