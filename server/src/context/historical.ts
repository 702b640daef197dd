/**
 * Whether a superseded term is used in a historical statement — where the old name is right — rather than
 * as if it were current. term/deprecated asks this for each superseded mention.
 *
 * Historical (not reported):
 * - a section whose heading (or a YAML key above the value) says 沿革, 経緯, 歴史, 変遷 (history);
 * - the 旧 prefix (旧NISC, 旧称: …) or a 「現…」 note after it (NISC（現 国家サイバー統括室）);
 * - the clause holding the mention is about the past: 沿革, かつて, 以前は, 当時, 撤去済み, 廃止された, 刷新された,
 *   ていた, であった, だった, a predicate in the past tense (〜した。〜された、), a date up to the change
 *   followed by まで (2025年6月まで), or the old organisation as the agent of a past act (NISCが策定した);
 *   in English the same: was / were / formerly / renamed, "until June 2025", "before July 2025", "NISC
 *   coordinated …";
 * - a question whether the old name is still current (「個人情報保護条例はまだ有効ですか」, "Is NISC still …?"), or in
 *   minutes or a FAQ whether it still applies (霞が関WANとの接続は必要か。, Q: …は適用されますか) or answered no;
 * - the name spoken of as a word: 「NISC」の記載は…に改めること (claims.ts mentionedAsWord);
 * - a transition statement that names the successor (政府共通ネットワークからGSSへ移行する), or the old name as
 *   what is being retired (政府共通ネットワークは2026年度末に廃止予定, …からの移行);
 * - the title of a cited document (『霞が関WAN整備計画』) or the publisher after one (「…（令和5年度版）」（NISC）,
 *   統一基準群（NISC、令和5年度版）);
 * - a 新旧対照 table (a column headed 現行 / 旧 / 改正前 / Current beside one headed 改定案 / 新 / 改正後 / Proposed,
 *   or a header naming the old edition beside one naming its successor): the old edition named in its header,
 *   and anything in its old-side column, which shows the text being replaced.
 *
 * The writer's own decision worded in the past (〜手順とした, 〜することとした, 〜と定めた) is in force, not history.
 *
 * A clause is the part of the sentence between contrast boundaries (〜が、 〜ものの 一方 現在 …), so
 * 「霞が関WANは撤去済みだが、政府共通ネットワークは引き続き利用する」 still reports 政府共通ネットワーク.
 */

import { normalizedRange } from '../document/normalized';
import type { DocumentModel, SegmentKind, TextRange } from '../document/model';
import { segmentAt } from '../document/sentences';
import { blockAt, blockIndexAt, rowCells } from '../document/blocks';
import { itemsStartingIn } from '../document/ranges';
import { normalize, normalizeKey } from '../text/normalize';
import type { TermOccurrence } from './mentions';
import { sentenceSpan } from '../document/sentences';
import { enclosingQuotations, isCitedTitle } from './quotations';
import { mentionedAsWord, questionAt } from './claims';

/** Section headings and YAML keys that introduce history. */
export const HISTORY_HEADING = /沿革|経緯|歴史|変遷|history/i;
/** How much of a heading the history checks read. */
const HEADING_READ = 200;
/** A heading that starts a timeline entry with a year: 「1997年〜: …」「2013年: …」「2013 - …」 (NFKC). */
const TIMELINE_HEADING = /^((?:19|20)\d{2})\s*(?:年度?)?\s*(?:[〜~\-–]|から|以降|[:：])/;
/** Right after a standard's edition: one of its items (の A.9.2.3, 附属書A の 9.1.1, A.12.4.1). */
const EDITION_ITEM_AFTER = /^\s*(?:の|'s)?\s*(?:附属書\s*A\s*(?:の)?\s*|Annex\s*A\s*)?A?\.?\s*\d+(?:\.\d+)+/i;
/** A statement that maps one numbering onto another. */
const CORRESPONDENCE = /対応(?:する|し|表|付け|関係)|対照|相当する|マッピング|読み替え|corresponds?\s+to|maps?\s+(?:on)?to|mapping|equivalent/i;
const HISTORY_KEY = /沿革|経緯|歴史|変遷|history|former|legacy|previous|旧/i;

/** Words that put a clause in the past whatever its verb. */
const PAST_WORDS =
  /沿革|経緯|歴史|変遷|かつて|以前は|以前の|当時|時代|撤去済|廃止済|移行済|移管済|終了済|解散済|旧法|旧称|旧名称|旧組織|旧制度|後継|ていた(?!だ)|ていました|であった|でありました|だった|でした|ました(?!ら)/;
/** A change stated as done: 廃止された, 刷新され、, 移行した, 置き換えられた, 廃止となった. */
const PAST_TRANSITION =
  /(?:撤去|廃止|刷新|改組|統合|移行|移管|改称|解散|運用を?終了)(?:され|し)た|(?:撤去|廃止|刷新|改組|統合|改称|解散|移管)され[、,]|置き換え(?:られ)?た|置き換わった|引き継がれた|(?:廃止|撤去)(?:と|に)なっ/;
/**
 * A predicate in the past tense: た (or んだ) closing a clause — before 。、, a closing bracket, the end,
 * が、 ため ので ものの けれど ところ. Not また (also) or あらた/わたり-like words.
 */
const PAST_PREDICATE = /(?:(?<![まあわ])た|んだ)(?=\s*(?:[。．、,」』）)]|$|が[、,]|ため|ので|ものの|けれど|ところ))/;
/**
 * The writer's own decision, in force now though worded in the past: 〜手順とした, 〜することとした, 〜と定めた,
 * 〜ことになった, 報告先をNISCに改めた. Its past tense does not make the clause history.
 */
const OWN_DECISION =
  /(?:こと|もの)?(?:と|に)(?:した|しました|定めた|定めました|決めた|決めました|決定した|決定しました|規定した|規定しました|整理した|整理しました|改めた|改めました)|こと(?:と|に)なった|こと(?:と|に)なりました|ことを(?:決定|決め|定め|申し合わせ)(?:し)?(?:た|ました)|ことで合意(?:した|しました)/g;
/** The same in English: "It was decided that …", "We agreed to …" (its "was" does not put the clause in the past). */
const OWN_DECISION_EN = /\b(?:it\s+)?(?:was|has been|have been)\s+(?:decided|agreed|resolved|determined)\s+(?:that|to)\b|\bwe\s+(?:have\s+)?(?:decided|agreed|resolved)\s+(?:that|to)\b/gi;
/** The old body as the subject right after it (NISCが…, NISCは…): a decision there is its own past act, not the writer's. */
const SUBJECT_AFTER = /^\s*(?:が|は)/;
/** The old body as the agent of a past act right after it: NISCが策定した, NISCの定めた. */
const PAST_AGENT = /^(?:が|の|は)[^、。,]{0,20}?(?:[しめっいれけせえちみびりぎじ]た|んだ)(?![いくけかめらだ])/;
/** A dated transition noun: 2022年4月廃止, 2013年に刷新. */
const DATED_TRANSITION = /\d{4}年(?:度)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:に|の)?(?:廃止|撤去|統合|改組|刷新|移行|運用終了|解散|発足|改称)(?!予定|する|します|を予定|の予定|に向け)/;
/** A change named as a noun (a table row 「2013 | 霞が関WANを政府共通ネットワークへ刷新」), not as a plan. */
const TRANSITION_NOUN = /(?:廃止|撤去|統合|改組|刷新|移行|運用終了|解散|発足|改称)(?!予定|する|します|しない|を予定|の予定|に向け|計画)/;
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;
/** The old name as what is being retired or left: 政府共通ネットワークからの移行, …は2026年度末に廃止予定, …の撤去に伴い. */
const RETIRED_AFTER = /^[^、。,]{0,12}?(?:移行|廃止|撤去|切替|切り替|更改|置き換|置換|停止|解約|移管)/;
/** A document named before the bracket the mention opens: 「…」（NISC）, 統一基準群（NISC、令和5年度版）. */
const PUBLISHER_BEFORE = /(?:[」』]|基準群?|ガイドライン|方針|計画|指針|規程|マニュアル|資料|報告書|白書)\s?[(]\s*$/;
/** A closed period of years: （1997年〜2013年）, 1997-2013年. */
const CLOSED_PERIOD = /\d{4}年?(?:度)?\s?[〜~\-–—]\s?\d{4}年/;
/** Transition verbs that, with the successor named in the same clause, make a migration statement. */
const TRANSITION = /移行|切替|切り替|移管|更改|置き換|置換|後継|刷新|改組|統合|改称|名称変更/;
/**
 * Boundaries between the clauses of a sentence that may differ in tense — in English also a full stop before
 * the next sentence (the splitter keeps English paragraphs whole), a semicolon, but / whereas / while, and a
 * present marker (now, today, currently).
 */
const CLAUSE_BOUNDARY =
  /が[、,]|けれど(?:も)?[、,]?|ものの[、,]?|一方(?:で)?[、,]?|[、,]\s*(?=現在|今後|現行|今は)|(?=現在は|今後は|現行の)|[。．！？]|\.\s+(?=[A-Z"'(])|;\s*|,?\s+(?:but|whereas|while)\s+|(?=\b(?:[Nn]ow|[Tt]oday|[Cc]urrently|[Aa]t present|[Ss]ince then)\b)/g;

/** English words that put a clause in the past: was, were, had been, used to, formerly, at the time, renamed … */
const PAST_WORDS_EN =
  /\b(?:was|were|had been|used to|formerly|previously|historically|originally|at the time|back then|in those days|no longer|renamed|reorgani[sz]ed|abolished|dissolved|repealed|superseded|succeeded by|replaced by|predecessor)\b/i;
/** The old body as the subject of a past act right after it (NISC coordinated, NISC published, NISC set). */
const PAST_AGENT_EN = /^\s*(?:\)\s*)?(?:[a-z]+ly\s+)?(?:[a-z]{2,}ed|led|ran|made|set|wrote|took|held|began|oversaw|issued|kept|sent|gave)\b(?!\s+(?:by|to be)\b)/i;
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/**
 * An English bound before a date: until June 2025, until 30 June 2025, before July 1, 2025, prior to July 2025,
 * up to FY2024 (NFKC text). "before" excludes the date itself.
 */
const UNTIL_EN =
  /\b(until|till|through|up to|up until|as of|before|prior to)\s+(?:the end of\s+)?(?:(\d{1,2})\s+)?(?:(january|february|march|april|may|june|july|august|september|october|november|december)\s+)?(?:(\d{1,2}),?\s+)?(?:FY\s?)?((?:19|20)\d{2})\b/gi;
/**
 * A question about whether the old name is still current, or what it is or was, not a statement that it is:
 * 「個人情報保護条例はまだ有効ですか」「NISCとNCOの違いは何ですか」 "Is NISC still the right contact?" — a FAQ
 * heading or a Q&A line. A question that presumes it (「NISCへ報告していますか」) is not one of these.
 */
const STATUS_QUESTION_END = /(?:ですか|ますか|でしょうか|のか|か)\s*[。.]?\s*$|[?？]\s*$/;
const STATUS_QUESTION_WORDS =
  /まだ|今も|今でも|現在も|現在でも|今は|引き続き|依然|いつまで|どうなった|どうなって|どうなります|変わった|変わりました|なくなった|廃止された|違い|違う|関係|とは(?:何|なん|どこ)|\bstill\b|\banymore\b|\bany longer\b|what happened|difference|related|\bin force\b/i;

/** A question whether something still applies or is needed: 必要か, 適用されますか, 続けるのか, 使えますか, "Does it apply?". */
const APPLICABILITY_QUESTION =
  /必要|不要|要否|是非|可否|要る|適用|該当|対象|有効|続け|継続|存続|残る|残す|使え|使用でき|利用でき|接続でき|従う|準拠|可能|でき(?:ます|る)か|\b(?:apply|applies|applicable|required|needed|necessary|valid|allowed|keep)\b/i;

/** A date written before まで: 2025年6月30日まで, 令和5年度まで, 平成25年まで. */
const UNTIL = /(?:(\d{4})|令和(\d{1,2}|元)|平成(\d{1,2}|元))年(度)?(?:(\d{1,2})月)?(?:(\d{1,2})日)?(?:末)?(?:頃)?まで/g;

interface Clause {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The mention's offsets in `text`. */
  readonly at: number;
  readonly atEnd: number;
}

/** The clause of the (wrapped) sentence that holds [start, end), NFKC-normalised. */
function clauseAround(model: DocumentModel, start: number, end: number): Clause {
  const [sentenceStart, sentenceEnd] = sentenceSpan(model, start, start);
  // Drop line breaks and blockquote/list indentation between wrapped lines so the clause reads as one text.
  const normalized = normalizedRange(model, sentenceStart, Math.max(sentenceEnd, end));
  const raw = normalized.text;
  let at = 0;
  while (at < raw.length && normalized.startOf(at) < start) {
    at++;
  }
  let atEnd = at;
  while (atEnd < raw.length && normalized.startOf(atEnd) < end) {
    atEnd++;
  }
  let clauseStart = 0;
  let clauseEnd = raw.length;
  CLAUSE_BOUNDARY.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CLAUSE_BOUNDARY.exec(raw))) {
    const boundaryEnd = match.index + match[0].length;
    if (match[0].length === 0) {
      CLAUSE_BOUNDARY.lastIndex++;
    }
    if (boundaryEnd <= at) {
      clauseStart = boundaryEnd;
    } else if (match.index >= atEnd) {
      clauseEnd = boundaryEnd;
      break;
    }
  }
  return { start: clauseStart, end: clauseEnd, text: raw.slice(clauseStart, clauseEnd), at: at - clauseStart, atEnd: atEnd - clauseStart };
}

/** An English bound ("until June 2025", "before July 2025") as the last day it covers. */
function untilDatesEnglish(text: string): [number, number, number][] {
  const dates: [number, number, number][] = [];
  UNTIL_EN.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = UNTIL_EN.exec(text))) {
    const exclusive = /before|prior/i.test(match[1]);
    let year = Number(match[5]);
    const monthIndex = match[3] ? MONTHS.indexOf(match[3].toLowerCase()) + 1 : 0;
    const dayWritten = Number(match[2] ?? match[4] ?? 0);
    if (!monthIndex) {
      // A year alone: through its end, or before its start.
      dates.push(exclusive ? [year - 1, 12, 31] : [year, 12, 31]);
      continue;
    }
    let month = monthIndex;
    let day = dayWritten || 31;
    if (exclusive) {
      if (dayWritten > 1) {
        day = dayWritten - 1;
      } else {
        // Before the first of a month (or the month itself): the end of the month before.
        month -= 1;
        day = 31;
        if (month === 0) {
          month = 12;
          year -= 1;
        }
      }
    }
    dates.push([year, month, day]);
  }
  return dates;
}

/** A written date as comparable [year, month, day] (unknown parts as the latest possible). */
function untilDates(text: string): [number, number, number][] {
  const dates: [number, number, number][] = [];
  UNTIL.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = UNTIL.exec(text))) {
    const era = (digits: string) => (digits === '元' ? 1 : Number(digits));
    let year = match[1] ? Number(match[1]) : match[2] ? 2018 + era(match[2]) : 1988 + era(match[3]);
    let month = match[5] ? Number(match[5]) : 12;
    if (match[4] && !match[5]) {
      // A fiscal year ends in March of the next year.
      year += 1;
      month = 3;
    }
    dates.push([year, month, match[6] ? Number(match[6]) : 31]);
  }
  return dates;
}

/** Whether a date given as "YYYY", "YYYY-MM" or "YYYY-MM-DD" is on or after [year, month, day]. */
function notBefore(status: string, [year, month, day]: [number, number, number]): boolean {
  const [y, m, d] = status.split('-').map(Number);
  if (m === undefined) {
    // The glossary gives a year only (政府共通ネットワーク: the 2023 migration target); compare years.
    return y >= year || (y + 1 === year && month <= 3);
  }
  return y !== year ? y > year : m !== month ? m > month : (d ?? 31) >= day;
}

export interface HistoryCheck {
  readonly model: DocumentModel;
  /** The titles of the headings whose sections hold the mention (outermost first). */
  readonly sections: readonly string[];
  /** Ids of the successor term and its own successors (GSS for 霞が関WAN). */
  readonly successorIds: ReadonlySet<string>;
  /** Term mentions of the document, in order, to find the successor in the same clause. */
  readonly terms: readonly TermOccurrence[];
  /** The supersession date the glossary gives. */
  readonly supersededOn: string;
  /**
   * Read only whether the clause is about the past (a history section or key, past words, past tense, a dated
   * change, a date before まで), not how a name is used (旧…, a cited title or its publisher, …からの移行): for a
   * rule that reports an outdated statement other than a superseded name — a moved URL, a changed count.
   */
  readonly pastOnly?: boolean;
}

/** What historicalReason reads of a mention: a term, or any other span a rule reports (a URL, a count). */
export interface HistoricalMention {
  readonly start: number;
  readonly end: number;
  /** The text as written. */
  readonly surface: string;
  /** Where the mention stands (YAML values are read with their key path); absent for a span outside the segments. */
  readonly segmentKind?: SegmentKind;
}

/** Spaces as long as the text they replace (offsets into the clause stay valid). */
const blank = (text: string): string => ' '.repeat(text.length);

/** Why a superseded term's (or an outdated statement's) mention is historical, or undefined when it reads as a present use. */
export function historicalReason(occurrence: HistoricalMention, check: HistoryCheck): string | undefined {
  const { model } = check;
  // Headings are read up to a bounded length: a document that is one huge line starting with # is one heading.
  if (check.sections.some((title) => HISTORY_HEADING.test(title.slice(0, HEADING_READ)))) {
    return 'history-section';
  }
  // A timeline heading (「1997年〜: 霞が関WAN」「2013年: 移行」) dated before the change: its section tells history.
  const changeYear = Number(check.supersededOn.slice(0, 4));
  if (check.sections.some((title) => Number(TIMELINE_HEADING.exec(normalizeKey(title.slice(0, 24)))?.[1] ?? Infinity) < changeYear)) {
    return 'timeline-section';
  }
  if (occurrence.segmentKind === 'yaml-value' || occurrence.segmentKind === 'yaml-key' || occurrence.segmentKind === 'front-matter') {
    // A URL value is left out of the segments; the whole scalar still has its key path.
    const segment = segmentAt(model.segments, occurrence.start) ?? segmentAt(model.scalars, occurrence.start);
    if (segment?.keyPath?.some((key) => HISTORY_KEY.test(key))) {
      return 'history-key';
    }
  }
  const side = comparisonTableReason(check, occurrence);
  if (side) {
    return side;
  }
  const nameReason = check.pastOnly ? undefined : usedAsOldName(model, occurrence);
  if (nameReason) {
    return nameReason;
  }

  const clause = clauseAround(model, occurrence.start, occurrence.end);
  // The writer's own decision (〜とした, 〜と定めた) is blanked out for the tense checks below, keeping offsets.
  const clauseText = SUBJECT_AFTER.test(clause.text.slice(clause.atEnd)) ? clause.text : clause.text.replace(OWN_DECISION, blank).replace(OWN_DECISION_EN, blank);
  // An old edition cited for one of its items in a correspondence (「ISMAP管理基準の 9.2.3 は ISO/IEC 27001:2013
  // の A.9.2.3 に対応する」): the old numbering is the point, not a claim that the edition is current.
  const itemAfter = normalizedRange(model, occurrence.end, Math.min(model.text.length, occurrence.end + 16)).text;
  if (EDITION_ITEM_AFTER.test(itemAfter) && CORRESPONDENCE.test(clauseText)) {
    return 'mapped-item';
  }
  // A question is read in its own unit: a table cell of a FAQ table, else the clause.
  const cell = model.kind === 'markdown' ? blockAt(model, occurrence.start) : undefined;
  const question = cell?.table ? normalizeKey(model.text.slice(cell.start, cell.end)) : clauseText;
  if (STATUS_QUESTION_END.test(question) && STATUS_QUESTION_WORDS.test(question)) {
    return 'status-question';
  }
  // A question in minutes or a FAQ whether the old name still applies (霞が関WANとの接続は必要か。, Q: …は適用されますか),
  // or one its answer turns down: the answer, read on its own, says what holds.
  const asked = questionAt(model, occurrence.start);
  if (asked && asked.answer !== 'confirms' && (asked.answer === 'refuses' || STATUS_QUESTION_WORDS.test(asked.text) || APPLICABILITY_QUESTION.test(asked.text))) {
    return 'status-question';
  }
  if (PAST_WORDS.test(clauseText) || PAST_WORDS_EN.test(clauseText)) {
    return 'past-words';
  }
  if (PAST_TRANSITION.test(clauseText)) {
    return 'past-transition';
  }
  if (PAST_PREDICATE.test(clauseText)) {
    return 'past-tense';
  }
  if (!check.pastOnly && (PAST_AGENT.test(clauseText.slice(clause.atEnd)) || PAST_AGENT_EN.test(clauseText.slice(clause.atEnd)))) {
    return 'past-agent';
  }
  if (!check.pastOnly && RETIRED_AFTER.test(clauseText.slice(clause.atEnd))) {
    return 'being-retired';
  }
  if (DATED_TRANSITION.test(clauseText) || CLOSED_PERIOD.test(clauseText)) {
    return 'dated-transition';
  }
  if (TRANSITION_NOUN.test(clauseText) && (clauseText.match(YEAR) ?? []).some((year) => Number(year) <= Number(check.supersededOn.slice(0, 4)))) {
    return 'dated-transition';
  }
  if ([...untilDates(clauseText), ...untilDatesEnglish(clauseText)].some((date) => notBefore(check.supersededOn, date))) {
    return 'until-date';
  }
  if (!check.pastOnly && TRANSITION.test(clauseText) && successorInRange(check, occurrence, clause)) {
    return 'transition';
  }
  return undefined;
}

/** Right after the name: it is named, not used (という名称, との記載, と表記, の表記). */
const NAME_AS_NAME_AFTER = /^\s*[」』"]?\s*(?:という(?:名称|名前|呼称|表記|記載)|との(?:記載|表記)|と(?:記載|表記)(?:さ|し|が)|の(?:表記|記載)が残)/;
/** Right before the name: documents mention it ("still mention NISC", "refer to NISC as", "the name NISC"). */
const NAME_AS_NAME_BEFORE = /\b(?:mentions?|mentioned|mentioning|the (?:old |former )?name|the term|the word|written as|spelled)\s+["']?$/i;

/**
 * Right after the name: a revision says it was replaced (X第9条からYに改めた, XをYに改正した, X→Yに変更). The
 * replacing part is short and names no act of use (not 「Xを利用する構成に変更」).
 */
const REPLACED_AFTER =
  /^\s*[」』"]?\s*(?:の?第[0-9]+条(?:第[0-9]+項)?(?:第[0-9]+号)?)?\s*(?:から|を)\s*、?\s*[「『"]?(?:(?!利用|使用|使う|使い|接続|導入|採用|構築|運用)[^。、\n]){1,40}?[」』"]?\s*(?:に|へ)(?:と)?\s*(?:改め|改正|改定|改訂|変更|修正|訂正|置き換|置換|差し替|書き換|更新)|^\s*[」』"]?\s*(?:→|⇒|->)\s*[^。\n]{1,40}?(?:に|へ)?\s*(?:改め|改正|改定|改訂|変更|修正|訂正|置き換|置換|差し替|書き換|更新)/;
/** Right before the name: an English revision names it as the replaced text ("changed NISC to …", "replaced NISC with …"). */
const REPLACED_BEFORE_EN = /\b(?:changed|replaced|renamed|updated|corrected|amended|change|replace|rename|update|correct|amend)\b[^.;!?\n]{0,40}$/i;
const REPLACED_AFTER_EN = /^["'’”]?\s+(?:to|with)\s/i;

/** Why the mention is the old name used as such: 旧NISC, NISC（現 …）, the name as a name, a cited title, the publisher after one. */
function usedAsOldName(model: DocumentModel, occurrence: HistoricalMention): string | undefined {
  const { text } = model;
  const before = normalizedRange(model, Math.max(0, occurrence.start - 24), occurrence.start).text;
  if (/旧(?:称|名称)?\s*[:・「『(]?\s*$|\b(?:formerly|previously|formerly known as|then called|the former|the then|the old)\s*$/i.test(before)) {
    return 'old-prefix';
  }
  const after = normalizedRange(model, occurrence.end, Math.min(text.length, occurrence.end + 8)).text;
  if (/^\s*[(「]\s*(?:現|旧|now\b|formerly\b|renamed\b)/i.test(after)) {
    return 'now-note';
  }
  // The name spoken of as a name: 「NISCという名称」「NISCとの記載」 "documents still mention NISC".
  if (NAME_AS_NAME_AFTER.test(after) || NAME_AS_NAME_BEFORE.test(before) || mentionedAsWord(model, occurrence.start, occurrence.end)) {
    return 'name-as-name';
  }
  // A revision statement names it as the text replaced (XをYに改めた, changed X to Y); the replacing name stays checked.
  const revisionAfter = normalizedRange(model, occurrence.end, Math.min(text.length, occurrence.end + 64)).text;
  const revisionBefore = normalizedRange(model, Math.max(0, occurrence.start - 48), occurrence.start).text;
  if (REPLACED_AFTER.test(revisionAfter) || (REPLACED_BEFORE_EN.test(revisionBefore) && REPLACED_AFTER_EN.test(revisionAfter))) {
    return 'replaced';
  }
  for (const quotation of enclosingQuotations(model, occurrence.start, occurrence.end)) {
    const longer = quotation.inner.trim() !== occurrence.surface;
    if (longer && isCitedTitle(model, quotation)) {
      return 'cited-title';
    }
  }
  if (PUBLISHER_BEFORE.test(before)) {
    return 'publisher';
  }
  return undefined;
}

/** A 新旧対照 table's column for the text being replaced: 現行, 旧, 改正前, 変更前, 移行前, Current, Before, Old. */
const OLD_SIDE_HEADER = /現行|改正前|改定前|改訂前|変更前|修正前|見直し前|移行前|^旧(?![a-z])|\b(?:current|before|old|existing|as-is|previous)\b/i;
/** Its column for the replacing text: 改定案, 新, 改正後, 変更後, 移行後, Proposed, After, New. */
const NEW_SIDE_HEADER = /改正案|改定案|改訂案|改正後|改定後|改訂後|変更後|修正後|見直し後|移行後|^新(?![a-z])|\b(?:proposed|after|new|revised|amended|to-be)\b/i;

const isOldSideHeader = (header: string) => OLD_SIDE_HEADER.test(header) && !NEW_SIDE_HEADER.test(header);
const isNewSideHeader = (header: string) => NEW_SIDE_HEADER.test(header) && !OLD_SIDE_HEADER.test(header);

/** A table cell as a 新旧対照 table reads it. */
interface ComparisonCell {
  readonly index: number;
  /** Whether the cell is in the header row. */
  readonly header: boolean;
  /** Its column's header, NFKC. */
  readonly ownHeader: string;
  /** Whether its table has a column headed on the old side (現行, 旧 …) and one on the new side (改定案, 新 …). */
  readonly byWords: boolean;
  /** Whether its column's header is on the old side only. */
  readonly oldSide: boolean;
  /** Whether its column's header is on the new side only. */
  readonly newSide: boolean;
}

function comparisonCell(model: DocumentModel, offset: number): ComparisonCell | undefined {
  const index = model.kind === 'markdown' ? blockIndexAt(model, offset) : undefined;
  const table = index === undefined ? undefined : model.markdown!.blocks[index].table;
  if (index === undefined || !table) {
    return undefined;
  }
  const headers = rowCells(model, index).map((cell) => normalizeKey(cell.table!.headerText));
  const own = normalizeKey(table.headerText);
  return {
    index,
    header: table.header,
    ownHeader: own,
    byWords: headers.some(isOldSideHeader) && headers.some(isNewSideHeader),
    oldSide: isOldSideHeader(own),
    newSide: isNewSideHeader(own),
  };
}

/**
 * Whether `offset` is in the old-side column of a 新旧対照 table (a column headed 現行, 旧, 改正前, Current … beside
 * one headed 改定案, 新, 改正後, Proposed …): the text being replaced, read as the old edition's.
 */
export function inOldSideColumn(model: DocumentModel, offset: number): boolean {
  const cell = comparisonCell(model, offset);
  return cell !== undefined && cell.byWords && !cell.header && cell.oldSide;
}

/**
 * The cells of the old-side columns of the document's 新旧対照 tables (see inOldSideColumn), each cell's own range:
 * the text being replaced is shown, not claimed, for every rule; the new side stays checked.
 */
export function oldSideCells(model: DocumentModel): TextRange[] {
  const cells: TextRange[] = [];
  if (model.kind !== 'markdown') {
    return cells;
  }
  const blocks = model.markdown!.blocks;
  // Whether a table (by its first line) has a new-side column, read once per table.
  const hasNewSide = new Map<number, boolean>();
  blocks.forEach((block, index) => {
    const table = block.table;
    if (!table || table.header || !isOldSideHeader(normalizeKey(table.headerText))) {
      return;
    }
    let renewed = hasNewSide.get(table.tableFirstLine);
    if (renewed === undefined) {
      renewed = rowCells(model, index).some((cell) => isNewSideHeader(normalizeKey(cell.table!.headerText)));
      hasNewSide.set(table.tableFirstLine, renewed);
    }
    if (renewed) {
      cells.push({ start: block.start, end: block.end });
    }
  });
  return cells;
}

/**
 * Why a mention in a 新旧対照 table is not a claim that the old name is current: its table has an old-side and
 * a new-side column (by their headers' words, or a header naming the old edition beside one naming its successor),
 * and the mention is in a header cell that is not the new side ('comparison-header') or in a cell of the old side
 * ('old-column').
 */
function comparisonTableReason(check: HistoryCheck, occurrence: HistoricalMention): string | undefined {
  const { model } = check;
  const cell = comparisonCell(model, occurrence.start);
  if (!cell) {
    return undefined;
  }
  const headerLine = model.markdown!.lines[model.markdown!.blocks[cell.index].table!.tableFirstLine];
  const byEditions = !cell.byWords && successorBetween(check, headerLine.start, headerLine.end, () => true);
  if ((!cell.byWords && !byEditions) || cell.newSide) {
    return undefined;
  }
  if (cell.header) {
    return 'comparison-header';
  }
  const oldSide = (cell.byWords && cell.oldSide) || cell.ownHeader.includes(normalizeKey(occurrence.surface));
  return oldSide ? 'old-column' : undefined;
}

function successorInRange(check: HistoryCheck, occurrence: HistoricalMention, clause: Clause): boolean {
  const [sentenceStart, sentenceEnd] = sentenceSpan(check.model, occurrence.start, occurrence.start);
  return successorBetween(check, sentenceStart, sentenceEnd, (surface) => clause.text.includes(normalize(surface).text));
}

/** Whether a successor term (one of check.successorIds) stands in [start, end) and passes `accept`. */
function successorBetween(check: HistoryCheck, sentenceStart: number, sentenceEnd: number, accept: (surface: string) => boolean): boolean {
  // Terms are in document order.
  return itemsStartingIn(check.terms, sentenceStart, sentenceEnd).some((term) => check.successorIds.has(term.term.id) && accept(term.surface));
}
