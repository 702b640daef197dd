/**
 * ismap/unregistered-service — a cloud service from the catalogue that the document uses for its system and
 * whose registration is not shown (ismapAssessment): missing from the partial bundled list with no source
 * either way (information: check the official list), missing from an imported official list (warning), or
 * reported not registered by a source (warning naming it). Registered services — on the list, or reported
 * registered by a source while the list is partial — have no finding.
 *
 * Not reported: services on the list; a service named only as a rejected candidate, in a comparison, in a
 * history or a market overview (see usage.ts); documents whose sector is given as private; a service its
 * statement places on ISMAP-LIU while the list loaded holds no ISMAP-LIU entry (it cannot tell either way).
 *
 * Outside procurement documents ISMAP is not a requirement the document sets, so a service is reported only
 * where the statement itself says that a public body's data goes to it (a 市's residents' names in a register
 * entry, a ministry's draft answers in a table row, its application data in a deploy step), and at most as
 * information; where the writer is not known, only where the statement names residents' data (住民の申請書).
 * A role label in a terse note (「申請データ置き場: Supabase」「Storage: Supabase」) says data goes there.
 *
 * What the document says about the service is weighed too: its own claim of registration (`ismap: 登録済み` in
 * its register entry, an ISMAP column, 「（ISMAP登録済み）」) is a claim, not a gap, unless an imported list or a
 * source contradicts it; a service said to get only 機密性1 or published information is not reported, and one
 * said to get no personal data is quiet unless the statement names confidential information, and then information at most.
 */

import { ismapAssessment, unregisteredFinding, type IsmapAssessment } from '../../services/status';
import type { ServiceEntry } from '../../services/types';
import { normalizedIndex, normalizeKey } from '../../text/normalize';
import { blockAt, blockIndexAt, rowCells } from '../../document/blocks';
import { itemsStartingIn } from '../../document/ranges';
import type { Finding, Rule } from '../rule';
import { segmentAt } from '../../document/sentences';
import { documentIndex, labelledRole, labelledServiceMentions, serviceMentions, usageOf, yamlRecords, type DocumentIndex, type ServiceMention } from '../../context/serviceUsage';

/** A statement that data goes to the service: personal data, graded information, records, files, a site. */
const DATA_CUE =
  /データ|情報|個人|氏名|住所|連絡先|生年月日|記録|申請|申込|案文|資料|ファイル|バックアップ|サイト|ページ|コンテンツ|文書|ドキュメント|議事録|名簿|台帳|アンケート|回答|問い?合わせ|画像|写真|動画|アカウント|会員|職員|人事|給与|勤怠|健康診断|\b(?:data|database|records?|files?|documents?|site|pages?|assets|content|backups?|accounts?|uploads?|stores|handles|holds|names|staff|employees?|residents?)\b/i;
/**
 * The statement says the service gets no personal data, or only public (機密性1) information: ISMAP is about
 * the 機密性2 information a public body entrusts to a service, so a reviewer would not ask for it here.
 */
const ONLY_PUBLIC =
  /機密性\s*1(?:の)?(?:情報)?(?:の|を)?(?:み|だけ|に限)|(?:要機密情報|機密情報|機密性\s*2(?:以上)?(?:の)?情報)(?:は|を|も)?(?:一切)?(?:(?:取り?)?扱(?:わ|いません)|含ま|保存し(?:ない|ません)|置か(?:ない|ず))|(?:公開|公表)(?:済み?の?)?(?:情報|データ|資料)(?:の|を)?(?:み|だけ|に限)|\b(?:public|published|open|non-confidential) (?:data|information) only\b|\bonly (?:public|published|open|non-confidential) (?:data|information)\b/i;
/** Confidential information named in the statement: with it, 「個人情報は扱わない」 still leaves 機密性2 data to weigh. */
const CONFIDENTIAL_CUE = /機密性\s*[23]|要機密|(?<!非|要)機密(?!性\s*1)|非公開|内部資料|秘密|\bconfidential\b|\binternal (?:data|documents?)\b/i;
/** The statement says no data goes to the service at all (「スクリプトのみ、データは置かない」). */
const NO_DATA = /(?<!個人)(?:データ|情報|ファイル)(?:は|を|も)?(?:一切)?(?:置か|保存し|格納し|アップロードし|扱わ|取り?扱わ)(?:ない|ず|ません)|\bno (?:data|files) (?:is |are )?(?:stored|kept|uploaded)\b/i;
const NO_PERSONAL_DATA =
  /個人(?:情報|データ)(?:等)?(?:は|を|も)?(?:一切)?(?:(?:取り?)?扱(?:わ|いません)|含ま|含め|含みません|(?:の)?(?:保存|格納|登録|入力|保持|取得|取扱い?)(?:は|を)?(?:し|行わ)(?:ない|ません|ず)|の(?:保存|格納|登録|入力)(?:は|を)?禁止)|個人(?:情報|データ)(?:なし|無し|を含まない)|\bno (?:personal (?:data|information)|PII)\b|\bdoes(?: not|n't) (?:handle|store|hold|collect) personal/i;
/**
 * The statement's own claim that the service is ISMAP-registered (「Supabase（ISMAP登録済み）」, in a register
 * entry `ismap: 登録済み`, or misworded 認証取得済み, which fact/ismap-certification reports) — not ISMAP-LIU,
 * not negated or planned.
 */
const REGISTERED_CLAIM =
  /ISMAP(?!\s*[-_ ]?\s*LIU)[^、。|\n]{0,16}?(?:登録済|登録あり|登録有|登録(?:を)?受け|に登録(?:され|済)|掲載(?:済|され)|認証(?:取得)?済|取得済|認定済|\bregistered\b|\blisted\b|\bcertified\b)(?![^、。|\n]{0,6}?(?:ない|予定|申請中|でな|ではな))/i;
/** A register's value under an ISMAP key or column (`ismap: 登録済み`, | ISMAP | ○ |). */
const REGISTERED_VALUE =
  /^(?:ISMAP)?(?:登録済み?|登録あり|登録有り?|登録|掲載済み?|済み?|○|◯|有り?|あり|yes|true|registered|listed|certified|認証(?:取得)?済み?|認証取得|認定済み?|取得済み?)(?:\s*[（(][^）)]*[）)])?$/i;
const ISMAP_FIELD = /ismap(?!\s*[-_ ]?liu)/i;
/** An ISMAP registration number as the list gives it (C21-0008-2). */
const REGISTRATION_NUMBER = /^C\d{2}-\d{4}-\d+$/i;
/** A field for the information's confidentiality class (not its integrity or availability), and the value 1 (機密性1). */
const CLASSIFICATION_FIELD = /^(?!.*(?:integrity|availability|完全性|可用性)).*(?:機密性|格付|confidentiality|classification)/i;
const CLASS_1_VALUE = /^(?:機密性)?\s*1(?:情報)?(?:のみ)?$/;
/** A field that says whether personal data is handled, and a value that says none. */
const PERSONAL_FIELD = /個人情報|個人データ|personal|pii/i;
const NONE_VALUE = /^(?:no|none|false|なし|無し|無|×|✕|-|―|扱わない|含まない|該当なし|取り扱わない)$/i;
/** Residents' data named in a statement: a public body's (a 市's 住民, a 県's 県民), whoever writes. */
const RESIDENTS_DATA = /(?:住民|市民|区民|町民|村民|県民|都民|道民|府民)(?:の|から|が|情報|データ|票)|\bresidents?['’]?s?\b/i;
/** The statement places the service on ISMAP-LIU (「ISMAP-LIU登録のSaaS」, `program: ISMAP-LIU`), not negated. */
const LIU_PLACED = /ISMAP[-_ ]?LIU(?![^、。,]{0,12}?(?:ではな|でな|以外|対象外|未登録))/i;

/** The statement a service is named in: its YAML entry, table row or sentence (NFKC). */
function statementOf(index: DocumentIndex, records: ReturnType<typeof yamlRecords>, mention: ServiceMention): string {
  const segment = segmentAt(index.model.segments, mention.start);
  const record = segment?.keyPath !== undefined ? records.get(segment.end) : undefined;
  if (record) {
    return index.normalized(record.start, record.end).text;
  }
  const row = index.tableRow(mention.start);
  if (row) {
    return row.row;
  }
  const [start, end] = index.sentence(mention.start);
  return index.normalized(start, end).text;
}

/** A field of the service's own entry: a YAML key (its path inside the entry) and value, or a table header and cell (NFKC). */
interface EntryField {
  readonly key: string;
  readonly value: string;
}

/** The fields of the entry that names the service: its YAML mapping (nested maps included) or its table row. */
function entryFields(index: DocumentIndex, records: ReturnType<typeof yamlRecords>, mention: ServiceMention): EntryField[] {
  const model = index.model;
  const segment = segmentAt(model.segments, mention.start);
  const record = segment?.keyPath !== undefined ? records.get(segment.end) : undefined;
  if (record && segment?.keyPath) {
    // Keys from the entry's own level down: `ismap.status` inside the entry, never the file's top keys above it.
    const depth = Math.max(0, segment.keyPath.length - 1);
    return itemsStartingIn(model.scalars, record.start, record.end)
      .filter((scalar) => scalar.kind !== 'yaml-key' && scalar.keyPath && scalar.end <= record.end)
      .map((scalar) => ({
        key: normalizeKey(scalar.keyPath!.slice(depth).join('.')),
        value: normalizeKey(model.text.slice(scalar.start, scalar.end)).trim(),
      }));
  }
  const cell = mention.segmentKind === 'table' ? blockAt(model, mention.start)?.table : undefined;
  if (!cell) {
    return [];
  }
  return rowCells(model, blockIndexAt(model, mention.start)!).map((block) => ({
    key: normalizeKey(block.table!.headerText),
    value: normalizeKey(model.text.slice(block.start, block.end)).trim(),
  }));
}

/**
 * Whether the document claims the service's ISMAP registration: an ISMAP field of its entry that says
 * registered or gives a registration number, a claim in its entry or row, or, in prose, what follows the
 * name in its clause (「Supabase（ISMAP登録済み）を利用する」) or its list item when that names no other service.
 */
function claimsRegistration(fields: readonly EntryField[], mention: ServiceMention, statement: string, data: string, index: DocumentIndex): boolean {
  if (fields.some((field) => ISMAP_FIELD.test(field.key) && (REGISTERED_VALUE.test(field.value) || REGISTRATION_NUMBER.test(field.value)))) {
    return true;
  }
  if (mention.segmentKind !== 'prose') {
    return REGISTERED_CLAIM.test(statement);
  }
  if (data !== statement) {
    return REGISTERED_CLAIM.test(data); // the list item or paragraph is about this service alone
  }
  const [start, end] = index.sentence(mention.start);
  const normalized = index.normalized(start, end);
  const after = normalized.text.slice(normalizedIndex(normalized, mention.end));
  return REGISTERED_CLAIM.test(after.split(/[、。,]/)[0]);
}

/**
 * Where the document says what data a service gets: its statement, or in prose the whole list item (its
 * sub-items included) or paragraph when no other service is named there (「Vercelで広報サイトを配信する。
 * 個人情報は扱わない。」).
 */
function dataStatement(index: DocumentIndex, mentions: readonly ServiceMention[], mention: ServiceMention, statement: string): string {
  const block = mention.segmentKind === 'prose' ? blockAt(index.model, mention.start) : undefined;
  if (!block) {
    return statement;
  }
  const lines = index.model.markdown!.lines;
  const item = block.listItem;
  const range = item ? { start: lines[item.firstLine].start, end: lines[item.lastLine].end } : block;
  if (mentions.some((other) => other.service.id !== mention.service.id && other.start >= range.start && other.end <= range.end)) {
    return statement;
  }
  return index.normalized(range.start, range.end).text;
}

function named(surface: string, service: ServiceEntry) {
  const sameName = normalizeKey(surface) === normalizeKey(service.name);
  return sameName ? { ja: `「${surface}」`, en: `"${surface}"` } : { ja: `「${surface}」（${service.name}）`, en: `"${surface}" (${service.name})` };
}

export const ismapUnregisteredServiceRule: Rule = {
  id: 'ismap/unregistered-service',
  defaultSeverity: 'warning',
  // Runs everywhere; outside procurement documents only where public data is said to go to the service.
  procurementOnly: false,
  scope: 'document',
  description:
    'Cloud service used for the system whose ISMAP registration is not shown: a prompt when the partial list lacks it, a warning when an imported list lacks it or a source reports it unregistered.',
  check(input) {
    const { context, knowledge, model } = input;
    // ISMAP is for government procurement; a document that declares itself a private business's is out of scope.
    if (context.sector === 'private' && (context.sectorEvidence === undefined || context.sectorEvidence.source === 'front-matter' || context.sectorEvidence.source === 'yaml')) {
      return [];
    }
    const procurement = context.profile === 'procurement';
    // Outside a specification: a public body's document, or one whose writer is unknown where the statement
    // itself says residents' data goes to the service (a register handing 住民の申請書 to Dropbox).
    const publicWriter = context.sector === 'national' || context.sector === 'local';
    if (!procurement && !publicWriter && context.sector !== undefined) {
      return [];
    }
    const list = knowledge.ismapList;
    const liuListed = list.entries.some((entry) => entry.program === 'ISMAP-LIU');
    const assessments = new Map<string, IsmapAssessment>();
    const index = documentIndex(model);
    const records = index.memo('yaml-records', () => yamlRecords(model));
    const findings: Finding[] = [];
    const found = serviceMentions(input);
    // Names that are ordinary words (Render, Box) count where a role label or a service key names them.
    const mentions = [...found, ...labelledServiceMentions(model, knowledge, found)].sort((a, b) => a.start - b.start);
    for (const mention of mentions) {
      let assessment = assessments.get(mention.service.id);
      if (!assessment) {
        assessment = ismapAssessment(mention.service, list);
        assessments.set(mention.service.id, assessment);
      }
      const finding = unregisteredFinding(assessment, list, named(mention.surface, mention.service));
      if (!finding || usageOf(index, mention) !== 'used') {
        continue;
      }
      const statement = statementOf(index, records, mention);
      if (!procurement && !publicWriter && !RESIDENTS_DATA.test(statement)) {
        continue;
      }
      const data = dataStatement(index, mentions, mention, statement);
      const fields = entryFields(index, records, mention);
      // The document says it is registered: a claim, not a gap — unless a source or the imported list contradicts it.
      if (assessment.state === 'not-in-partial-list' && claimsRegistration(fields, mention, statement, data, index)) {
        continue;
      }
      // What data the service gets: only public information, or (outside a specification) no personal data.
      const onlyPublic = ONLY_PUBLIC.test(data) || fields.some((field) => CLASSIFICATION_FIELD.test(field.key) && CLASS_1_VALUE.test(field.value));
      const noPersonalData = NO_PERSONAL_DATA.test(data) || fields.some((field) => PERSONAL_FIELD.test(field.key) && NONE_VALUE.test(field.value));
      // No personal data and no confidential information named: the writer has weighed the data, as a reviewer would.
      // A role label (「申請データ置き場:」「Storage:」「本番環境:」) says the system's data is there, as a data word would.
      const holdsData = DATA_CUE.test(statement) || (mention.segmentKind === 'prose' && labelledRole(model, mention.start) !== undefined);
      if (onlyPublic || NO_DATA.test(data) || (noPersonalData && !CONFIDENTIAL_CUE.test(data)) || (!procurement && (noPersonalData || !holdsData))) {
        continue;
      }
      // A list without ISMAP-LIU entries says nothing about an ISMAP-LIU registration; ismap/liu-scope reads the use.
      if (!liuListed && assessment.state !== 'reported-not-registered' && LIU_PLACED.test(statement)) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        // Only what a source or a complete list says is worth a warning; a gap in the partial list is a prompt.
        severity: finding.severity === 'warning' && procurement && !noPersonalData ? this.defaultSeverity : 'information',
        message: finding.text,
        start: mention.start,
        end: mention.end,
      });
    }
    return findings;
  },
};
