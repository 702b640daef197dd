/**
 * Who is writing, and whose data the document is about: the sector that decides which APPI rules apply
 * (行政機関等 for 国の行政機関, 独立行政法人 and 地方公共団体; 個人情報取扱事業者 for a private business).
 *
 * A vendor answering a tender writes about its client's data, so for a vendor the sector is the client's
 * (貴市, 貴省, or the body named in the title), and unknown when the client is not named; a company writing for a
 * named public body (〇〇市向けに開発, 〇〇機構から受託) is such a vendor, even outside a tender. Cues, strongest first:
 * a front-matter or YAML field (sector, issuer, owner …); a vendor's own words (弊社/当社 with 提案, 応札 …);
 * a public body's first-person reference (本市, 当町, 当庁, 本機構 …); a business's (当社, 弊社); the body named
 * in the title or the lines before the first section (a YAML file's header comments included); last, a body
 * named anywhere in the prose. Kanji and kana have no width variants, so the raw text is searched.
 */

import type { DocumentModel } from '../document/model';
import type { Sector, SectorEvidence, Writer } from './types';

export interface SectorReading {
  readonly sector?: Sector;
  readonly evidence?: SectorEvidence;
  readonly writer?: Writer;
  readonly writerEvidence?: SectorEvidence;
}

/** A public body's or a business's first-person reference (本市が…, 当庁の…); 本区分, 本庁舎 … are not. */
const FIRST_PERSON = /(?:当|本)(?:市|区(?!分|間|域|画|切)|町(?!内会)|村|県|都(?!度|合|市)|道(?!路)|府)(?![一-龥])|当(?:省|庁)(?![一-龥])|本省(?![一-龥])|(?:当|本)機構|当法人(?![一-龥])|当社|弊社|当行(?![一-龥])|当組合/g;
/** A vendor answering a tender. */
const VENDOR_SELF = /弊社|当社/;
const TENDER = /提案書|ご提案|提案(?:する|します|いたします|内容)|応札|入札説明書|貴(?:市|区|町|村|県|都|府|省|庁|機構)/;
/** The client a vendor writes to (貴市, 貴省向け, 貴庁職員 — not a longer word such as 貴重). */
const CLIENT = /貴(?:市|区|町|村|県|都|府|省|庁|機構)(?:(?![一-龥])|(?=向け|様|殿|御中|職員|担当|内|民))/;
/** A company (its own first person or its name), which may be working for a public client. */
const COMPANY = /弊社|当社|株式会社|有限会社|合同会社/;
/**
 * A named public body the writer works for: 「〇〇市向けに開発」「〇〇省様」「独立行政法人〇〇機構から受託」. A
 * generic word (地方公共団体向け, 自治体向け, 官公庁向け) names no client,
 * nor one the sentence denies (「官公庁向けの案件ではない」).
 */
const CLIENT_WORK =
  /(?:独立行政法人[一-龥ァ-ヶー]{1,20}|[一-龥〇々ヶ△▲○●□◯]{1,10}?(?:省|庁|都|道|府|県|市|区|町|村|機構))(?=向け|様|殿|御中|から(?:の)?(?:受託|委託)|より(?:受託|委託)|の委託|に納品|へ納品|に納入|へ納入)/;
/** Words for public bodies in general (官公庁, 中央省庁, 各府省庁): they name no one body. */
const GENERIC_BODY = /^(?:官公庁|(?:中央|各|関係|他)?(?:府省庁|省庁|府省))$/;

/**
 * The words right after a cue deny it: 「官公庁向けの案件ではない」「〇〇市からの受託ではありません」「〇〇市以外」. The
 * denial follows within a short phrase with no comma or は/が (「〇〇市の手順書は確定版ではない」 denies something else).
 */
const DENIAL = /^[^。、\nはが]{0,12}?(?:(?:では|じゃ)(?:ない|なく|ありません|ございません)|でない)|^[^。、\nはが]{0,6}以外/;

function deniedAfter(text: string, end: number): boolean {
  return DENIAL.test(text.slice(end, end + 80));
}

/**
 * The first match of `pattern` in `text` that the sentence does not deny; with `oneBody`, also not a word for
 * public bodies in general (a client is one body; a sector may be named in general, 府省庁は…).
 */
function firstAffirmed(pattern: RegExp, text: string, oneBody: boolean): RegExpExecArray | null {
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    if (!(oneBody && GENERIC_BODY.test(match[0])) && !deniedAfter(text, match.index + match[0].length)) {
      return match;
    }
  }
  return null;
}

/** The same in English: a company (Inc., Co., Ltd. …) building for "Sample City", "the Ministry of …". */
const COMPANY_EN = /\b(?:Inc\.|Co\.,? Ltd\.|K\.K\.|Corporation|our company)/;
const CLIENT_WORK_EN =
  /\b(?:for|on behalf of|commissioned by|contracted by|delivered to)\s+(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){1,3}(City|Town|Village|Prefecture|Ward)|(Ministry|Agency)(?:\s+of\s+[A-Z][\w-]*)?|(?:[A-Z][\w-]*\s+){1,3}(Agency))\b/;
/** Private-law corporations that are businesses under the APPI like a company (a clinic, a school, a co-op, an association). */
const PRIVATE_CORPORATION = '医療法人(?:社団|財団)?|社会福祉法人|学校法人|生活協同組合|(?:一般|公益)(?:社団|財団)法人';
/** A body named in the title or byline: 〇〇市 総務部, 〇〇庁 総務課, 独立行政法人〇〇機構, 株式会社〇〇; a name may be in kana (さいたま市, かわせ町). */
const BODY_NAME = new RegExp(
  '独立行政法人|デジタル庁|こども家庭庁|スポーツ庁|[一-龥〇々ヶぁ-んァ-ヺー△▲○●□◯]{1,10}?(?:省|庁|都|道|府|県|市|区|町|村)(?=[\\s　/／・|)）」』】]|$|役所|役場|長|議会|総務|情報|企画|市民|区民|町民|村民|健康|福祉|教育委員会|デジタル|DX|の|が|は|に|で|における)|株式会社|有限会社|合同会社|' +
    PRIVATE_CORPORATION,
);
/**
 * An English title or byline naming the body whose system it is: "the City of Sample", "Sample City", "a city's
 * portal", "the prefectural government", "Ministry of Agriculture", "the ministry's IT division". Read only in
 * the header, where it says whose document it is, not in the prose, where a vendor may list its customers.
 */
const BODY_NAME_EN =
  /\b(?:City|Town|Village|Ward|Prefecture)\s+of\s+[A-Z][\w-]*|\b[A-Z][\w-]*\s+(?:City|Town|Village|Ward|Prefecture)\b(?!\s+(?:Inc|Co|Ltd|Corp|Bank))|\b(?:a|the|our)\s+(?:city|town|village|ward|prefecture|municipality)['’]s\b|\b(?:prefectural|municipal|city|town|village|ward)\s+(?:government|office|hall|council|staff)\b|\blocal government['’]s\b|\b(Ministry\s+of\s+[A-Z][\w-]*|(?:a|the|our)\s+ministry['’]s\b|[A-Z][\w-]*\s+Ministry\b)/;

/** A company in an English title or byline: Inc., K.K., Co., Ltd., LLC, "a private startup". */
const COMPANY_HEADER_EN = /\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*,?\s+(?:Inc\.|K\.K\.|Co\.,?\s+Ltd\.|LLC|Corporation|GmbH)|\ba private (?:startup|company|business)\b/;

/** The old fallback: a body or a sector named anywhere in the prose. */
const PROSE_BODY = /行政機関等|国の行政機関|府省庁|[一-龥〇]{1,8}省(?![一-龥])|地方公共団体|[一-龥〇]{1,6}(?:市|町|村)(?:役所|役場|の|が|は|に|で)|民間事業者|民間企業|個人情報取扱事業者/;

/** The sector a body's name or a sector word stands for. */
export function sectorOfName(text: string): { sector: Sector; writer: Writer } | undefined {
  if (/独立行政法人|機構|当法人/.test(text)) {
    return { sector: 'national', writer: 'independent-agency' };
  }
  if (/株式会社|有限会社|合同会社|当社|弊社|当行|当組合|民間|事業者|企業/.test(text) || new RegExp(PRIVATE_CORPORATION).test(text)) {
    return { sector: 'private', writer: 'private' };
  }
  if (/地方公共団体|自治体|[都道府県市区町村](?:役所|役場)?$|[都道府県市区町村](?![一-龥])|広域連合/.test(text) && !/府省|内閣府/.test(text)) {
    return { sector: 'local', writer: 'local' };
  }
  if (/行政機関|府省|省|庁|委員会|内閣府/.test(text)) {
    return { sector: 'national', writer: 'national' };
  }
  return undefined;
}

/** What a front-matter / YAML value says: the sector, the writer, and whether it was a sector word (private) rather than a name. */
export interface FieldReading {
  readonly sector: Sector;
  readonly writer: Writer;
  readonly sectorWord?: boolean;
}

/** A front-matter / YAML value: a sector word (national, 地方公共団体 …) or a body's name (〇〇市, 株式会社〇〇). */
export function sectorOfField(value: string | undefined): FieldReading | undefined {
  const word = sectorOfWord(value);
  if (word) {
    return { ...word, sectorWord: true };
  }
  if (!value || /^(vendor|受託者|提案者|応札者)$/i.test(value)) {
    return undefined;
  }
  const name = BODY_NAME.exec(value);
  return name ? sectorOfName(value.slice(name.index, name.index + name[0].length)) : undefined;
}

/** Whether a value names a company in English (Minato Soft Inc., Pebble Labs K.K.). */
export function namesCompanyEn(value: string): boolean {
  return COMPANY_HEADER_EN.test(value);
}

function sectorOfWord(value: string | undefined): { sector: Sector; writer: Writer } | undefined {
  if (!value) {
    return undefined;
  }
  if (/^(national|government|国|国の行政機関|行政機関等?|府省庁?|中央省庁)$/i.test(value)) {
    return { sector: 'national', writer: 'national' };
  }
  if (/^(independent[-_ ]?agency|独立行政法人等?)$/i.test(value)) {
    return { sector: 'national', writer: 'independent-agency' };
  }
  if (/^(local|local[-_ ]?government|地方公共団体|自治体|地方独立行政法人)$/i.test(value)) {
    return { sector: 'local', writer: 'local' };
  }
  if (/^(private|民間|民間事業者|事業者|企業)$/i.test(value)) {
    return { sector: 'private', writer: 'private' };
  }
  return undefined;
}

function evidenceOf(match: RegExpExecArray, source: SectorEvidence['source']): SectorEvidence {
  return { start: match.index, end: match.index + match[0].length, text: match[0], source };
}

/** The end of the document's header: before the second heading (the first section after the title), or the first YAML key. */
function headerEnd(model: DocumentModel): number {
  if (model.kind === 'yaml') {
    const firstKey = model.segments.find((segment) => segment.kind === 'yaml-key');
    return firstKey ? firstKey.start : Math.min(model.text.length, 400);
  }
  const headings = model.markdown?.headings ?? [];
  const second = headings[1];
  const end = second ? model.markdown!.lines[second.firstLine].start : model.text.length;
  return Math.min(end, 600);
}

/** Reads the sector from the text (the structured fields are read by the caller first). */
export function sectorFromText(model: DocumentModel): SectorReading {
  const { text } = model;
  const header = text.slice(0, headerEnd(model));
  const headerBody = (): { sector: Sector; evidence: SectorEvidence } | undefined => {
    const pattern = new RegExp(BODY_NAME.source, 'g');
    for (let match = pattern.exec(header); match; match = pattern.exec(header)) {
      const named = GENERIC_BODY.test(match[0]) || deniedAfter(header, match.index + match[0].length) ? undefined : sectorOfName(match[0]);
      if (named) {
        return { sector: named.sector, evidence: evidenceOf(match, 'header') };
      }
    }
    return undefined;
  };

  const vendor = VENDOR_SELF.exec(text);
  if (vendor && TENDER.test(text)) {
    const writerEvidence = evidenceOf(vendor, 'prose');
    const client = CLIENT.exec(text);
    if (client) {
      return { sector: sectorOfName(client[0].slice(1))!.sector, evidence: evidenceOf(client, 'prose'), writer: 'vendor', writerEvidence };
    }
    // The client named in the title (「〇〇市 … 提案書」) or a public body's first-person word quoted from the tender.
    const named = headerBody();
    if (named && named.sector !== 'private') {
      return { ...named, writer: 'vendor', writerEvidence };
    }
    return { writer: 'vendor', writerEvidence };
  }

  // A company writing for a named public body (a vendor's README or design document for 〇〇市): whose data
  // it is decides the sector, as for a vendor answering a tender.
  const client = COMPANY.test(text) ? firstAffirmed(CLIENT_WORK, text, true) : null;
  const clientSector = client ? sectorOfName(client[0]) : undefined;
  if (client && clientSector && clientSector.sector !== 'private') {
    const self = VENDOR_SELF.exec(text) ?? COMPANY.exec(text)!;
    return { sector: clientSector.sector, evidence: evidenceOf(client, 'prose'), writer: 'vendor', writerEvidence: evidenceOf(self, 'prose') };
  }

  const clientEn = COMPANY_EN.exec(text) ? CLIENT_WORK_EN.exec(text) : null;
  if (clientEn) {
    const sector: Sector = clientEn[1] ? 'local' : 'national';
    return { sector, evidence: evidenceOf(clientEn, 'prose'), writer: 'vendor', writerEvidence: evidenceOf(COMPANY_EN.exec(text)!, 'prose') };
  }

  // First-person words: a public body's wins over a business's (a 市 document may quote 「当社」 from a contract).
  FIRST_PERSON.lastIndex = 0;
  let privateCue: RegExpExecArray | undefined;
  for (let match = FIRST_PERSON.exec(text); match; match = FIRST_PERSON.exec(text)) {
    const named = sectorOfName(match[0].slice(1));
    const self = sectorOfName(match[0]);
    const reading = self?.sector === 'private' ? self : named ?? self;
    if (!reading) {
      continue;
    }
    if (reading.sector === 'private') {
      privateCue ??= match;
      continue;
    }
    return { sector: reading.sector, evidence: evidenceOf(match, 'prose'), writer: reading.writer };
  }
  if (privateCue) {
    return { sector: 'private', evidence: evidenceOf(privateCue, 'prose'), writer: 'private' };
  }

  const named = headerBody();
  if (named) {
    return { sector: named.sector, evidence: named.evidence, writer: sectorOfName(named.evidence.text)?.writer };
  }

  const namedEn = BODY_NAME_EN.exec(header);
  if (namedEn) {
    const sector: Sector = namedEn[1] ? 'national' : 'local';
    // "maintained by the vendor's platform team": a vendor writing about its client's system.
    return { sector, evidence: evidenceOf(namedEn, 'header'), writer: /\b(?:vendor|contractor)s?\b/i.test(header) ? 'vendor' : sector };
  }

  // A company named as the writer in an English header ("Pebble Labs Inc., a private startup"), no public body named.
  const companyEn = COMPANY_HEADER_EN.exec(header);
  if (companyEn) {
    return { sector: 'private', evidence: evidenceOf(companyEn, 'header'), writer: 'private' };
  }

  const prose = firstAffirmed(PROSE_BODY, text, false);
  if (prose) {
    const sector: Sector = /地方公共団体|市|町|村/.test(prose[0]) ? 'local' : /民間|事業者/.test(prose[0]) ? 'private' : 'national';
    return { sector, evidence: evidenceOf(prose, 'prose') };
  }
  return {};
}
