/**
 * govcloud/overseas-region — in a document whose system runs on ガバメントクラウド, a cloud region outside
 * Japan named for the system's data (us-east-1, eu-west-1, West US, Southeast Asia, asia-southeast1 …).
 *
 * Basis, worded as far as the reference data supports it: the 2018 基本方針 on cloud use in government
 * information systems makes data centres in Japan under Japanese court jurisdiction the principle (with
 * exceptions), and 統一基準 (令和7年度版) 4.2.1(2)(b) requires the country/region where data is stored to be part
 * of the security requirements. No ガバメントクラウド-specific data-in-Japan clause was found, and the message
 * says so. The quick fix proposes the same provider's Tokyo region, written in the same style (id or name).
 *
 * A region in a question (a FAQ, minutes) places nothing unless its answer says yes without naming it again.
 *
 * Any other document of a public body (国 or 自治体: a CI workflow, an IT-BCP, a specification without
 * ガバメントクラウド) that places its system's data in a region outside Japan gets information: for 国 the same
 * message (the basic policy's principle admits exceptions), for 自治体 a request to check (no source at hand
 * sets the principle for them).
 */

import type { RegionMention } from '../../context/types';
import type { ServiceEntry, ServiceRegion } from '../../services/types';
import { normalizeKey } from '../../text/normalize';
import { replacementFix, type Finding, type Rule } from '../rule';
import type { Bilingual } from '../../language';
import { englishSentenceIn, keyPathAt, sentenceSpan } from '../../document/sentences';
import { blockAt, blockIndexAt, headingsAt, listEnd, listLeadIn, rowCells } from '../../document/blocks';
import { namesPlatform } from '../../context/platformStatement';
import { questionAt } from '../../context/claims';
import type { DocumentModel } from '../../document/model';
import type { TermOccurrence } from '../../context/mentions';
import { normalizedRange } from '../../document/normalized';

/** A sentence about what a provider's ISMAP registration covers (「ISMAPの言明対象範囲には us-east-1 も含まれる」). */
const ISMAP_COVERAGE = /ISMAP[\s\S]*?(?:言明|対象範囲|適用範囲|登録範囲|範囲|カバー|対象リージョン|coverage|scope)|(?:言明|対象範囲|適用範囲|登録範囲|coverage|scope)[\s\S]*?ISMAP/i;
/**
 * The sentence does not place data in the region: it forbids it (使用しない, 禁止, 不可, must not, never),
 * compares or lists candidates, or describes the past (していた, 撤去, 移行元, formerly).
 */
const NOT_PLACEMENT =
  /\b(?:must|should|shall|may|will|do|does|can)\s?(?:not|n't)\b|\bnever\b|\bnot (?:be )?(?:used|allowed|permitted)\b|\bprohibited\b|\bforbidden\b|\bavoid|\binstead of\b|\brather than\b|\bcompared?\b|\bcandidates?\b|\bconsidered\b|\brejected\b|\bformerly\b|\blegacy\b|\balternatives?\b|\bcannot\b|\bpreviously\b|\bused to\b|\b(?:was|were) (?:in|on|hosted|deployed|kept)\b|\b(?:deleted|decommissioned|removed|migrated away)\b|(?:使用|利用|保存|保管|配置|設置|構築|選択|指定|採用|移転|複製|転送)(?:を|は|も)?(?:し|せ)(?:ない|ず|てはならない|てはいけない)|使わない|置かない|置いてはならない|禁止|不可|認めない|認められない|許可しない|比較|候補|不採用|検討した|移行元|ていた|ていました|であった|撤去|廃止|(?:19|20)\d{2}年度?(?:まで|当時)/i;
/** Right before the region: the current or former environment (「現行の us-east-1 環境」「旧 us-east-1」). */
const FORMER_BEFORE = /(?:現行|従来|旧|移行元)[^、,。]{0,10}$/;
/** Right after the region: it is excluded (「us-east-1 以外」「us-east-1 ではなく」) or migrated from (「us-east-1 から」). */
const EXCLUDED_AFTER = /^[^、,。]{0,12}?(?:以外|ではなく|でなく|を除|は除|除外|対象外)|^\s*(?:等|など)?\s*[)）]?\s*(?:から|より)[^。]*?(?:移行|移設|移す|移転|切り替え|切替)/;
/** A section listing options, comparisons or history: a region there is a candidate, not a placement. */
const CANDIDATE_HEADING = /比較|候補|選択肢|不採用|検討|代替案|参考|沿革|経緯|過去|options|alternatives|considered/i;
/**
 * Keys whose region places no data: candidates, the past, ISMAP's coverage, and a certificate's region (a CDN's
 * TLS certificate must be issued in one region, us-east-1 for CloudFront, wherever the data is).
 */
const EXCLUDED_KEY =
  /ismap|candidate|候補|alternative|comparison|比較|rejected|不採用|excluded|forbidden|prohibited|deny|禁止|legacy|previous|旧|現行|移行元|^from$|^source$|(?:^|[_.-])(?:acm|cert|certificate)(?:[_.-]|$)|証明書/i;

/**
 * Where a region is asked for: a label, YAML key or table column for the region, its disaster-recovery site or its
 * backups (Region:, DR:, Backup region:, バックアップ先, 待機系 …).
 */
const REGION_SLOT =
  /region|リージョン|\bDR\b|disaster[- ]?recovery|災害対策|\bBCP\b|backups?|バックアップ|replicas?|レプリカ|複製先|保管先|保存先|退避先|待機系|副系|secondary|fail-?over|standby|data ?cent(?:er|re)s?|データセンタ/i;
/**
 * Before a place on its line: its slot as a label (「DR: 」, "Backup region — ") or as the subject of a placement
 * ("backups are replicated to ", 「バックアップは」「バックアップ先として」).
 */
const SLOT_BEFORE = new RegExp(
  String.raw`(?:${REGION_SLOT.source})[^。.\n|]{0,40}?(?:[:：=＝]|\s[-–—]\s|\b(?:to|in|into|at)\b|は|を|に|先|として|[(（])\s*(?:the\s+)?$`,
  'i',
);
/** Foreign places in Japanese, by the English name the catalogue's region locations use. */
const JAPANESE_PLACES: Readonly<Record<string, string>> = {
  シンガポール: 'Singapore',
  米国: 'US',
  アメリカ: 'US',
  韓国: 'South Korea',
  ソウル: 'Seoul',
  香港: 'Hong Kong',
  オーストラリア: 'Australia',
  豪州: 'Australia',
  シドニー: 'Sydney',
  インド: 'India',
  ムンバイ: 'Mumbai',
  ドイツ: 'Germany',
  フランクフルト: 'Frankfurt',
  アイルランド: 'Ireland',
  英国: 'UK',
  イギリス: 'UK',
  ロンドン: 'London',
  オランダ: 'Netherlands',
  ベルギー: 'Belgium',
  台湾: 'Taiwan',
  バージニア: 'Virginia',
  オレゴン: 'Oregon',
  オハイオ: 'Ohio',
  カリフォルニア: 'California',
};

/** The mentions made from places (not region ids or names): their message and fix name no provider's region. */
const PLACE_MENTIONS = new WeakSet<RegionMention>();

interface PlaceIndex {
  readonly pattern: RegExp;
  readonly regions: ReadonlyMap<string, readonly RegionMention['region'][]>;
  readonly services: ReadonlyMap<RegionMention['region'], ServiceEntry>;
}

const placeIndexes = new WeakMap<readonly ServiceEntry[], PlaceIndex>();

/** The places in the catalogue's region locations ("Oregon, US" → Oregon, US), each with its regions. */
function placeIndex(services: readonly ServiceEntry[]): PlaceIndex {
  let index = placeIndexes.get(services);
  if (!index) {
    const regions = new Map<string, RegionMention['region'][]>();
    const owners = new Map<RegionMention['region'], ServiceEntry>();
    for (const service of services) {
      for (const region of service.regions) {
        owners.set(region, service);
        for (const part of region.location.replace(/[()]/g, ',').split(',')) {
          const place = part.trim();
          if (/^[A-Z][A-Za-z. ]+$/.test(place)) {
            regions.set(place, [...(regions.get(place) ?? []), region]);
          }
        }
      }
    }
    const english = [...regions.keys()].sort((a, b) => b.length - a.length).map((place) => place.replace(/[.]/g, '\\.'));
    const japanese = Object.keys(JAPANESE_PLACES).filter((name) => regions.has(JAPANESE_PLACES[name]));
    // English places are case-sensitive words (US, not "us"); Japanese ones stand alone or before 西部/東部/リージョン.
    const alternatives = [...(english.length > 0 ? [`\\b(?:${english.join('|')})\\b`] : []), ...(japanese.length > 0 ? [`(?:${japanese.join('|')})`] : [])];
    // No catalogued place (a knowledge without regions): a pattern that never matches.
    const pattern = new RegExp(alternatives.length > 0 ? alternatives.join('|') : '(?!)', 'g');
    index = { pattern, regions, services: owners };
    placeIndexes.set(services, index);
  }
  return index;
}

/** Whether the place at `start` is written where a region is asked for (see REGION_SLOT and SLOT_BEFORE). */
function inRegionSlot(model: DocumentModel, start: number): boolean {
  const keyPath = keyPathAt(model, start);
  if (keyPath && keyPath.length > 0) {
    return REGION_SLOT.test(keyPath[keyPath.length - 1]);
  }
  const index = model.kind === 'markdown' ? blockIndexAt(model, start) : undefined;
  const block = index === undefined ? undefined : model.markdown!.blocks[index];
  if (block?.table && index !== undefined) {
    const [first] = rowCells(model, index);
    return REGION_SLOT.test(block.table.headerText) || (first !== undefined && first !== block && REGION_SLOT.test(model.text.slice(first.start, first.end)));
  }
  // The 80 characters before the place on its line (a bounded read: a long line stays linear).
  const before = model.text.slice(Math.max(0, start - 80), start).split(/\r?\n/).pop() ?? '';
  return SLOT_BEFORE.test(normalizeKey(before));
}

/**
 * Foreign places written where a region is asked for ("- Backup region: Singapore", 「DR: シンガポール」,
 * `dr_region: Singapore`, a Region column): one mention per region located there, like a written region name.
 */
function placesInRegionSlots(model: DocumentModel, services: readonly ServiceEntry[]): RegionMention[] {
  const index = placeIndex(services);
  const mentions: RegionMention[] = [];
  for (const segment of model.segments) {
    if (segment.kind !== 'prose' && segment.kind !== 'table' && segment.kind !== 'yaml-value' && segment.kind !== 'front-matter') {
      continue;
    }
    const normalized = normalizedRange(model, segment.start, segment.end);
    index.pattern.lastIndex = 0;
    for (let match = index.pattern.exec(normalized.text); match; match = index.pattern.exec(normalized.text)) {
      const start = normalized.startOf(match.index);
      const end = normalized.endOf(match.index + match[0].length - 1);
      if (!inRegionSlot(model, start)) {
        continue;
      }
      for (const region of index.regions.get(JAPANESE_PLACES[match[0]] ?? match[0]) ?? []) {
        const mention: RegionMention = { start, end, region, service: index.services.get(region)! };
        PLACE_MENTIONS.add(mention);
        mentions.push(mention);
      }
    }
  }
  return mentions;
}

/** The provider's Tokyo region (the Japanese region whose location says 東京 / Tokyo), if any. */
export function tokyoRegionOf(service: ServiceEntry): ServiceRegion | undefined {
  return service.regions.find((region) => region.japan && /東京|Tokyo/i.test(region.location) && region.unit !== 'zone');
}

/** The candidate a written region most likely denotes: one of the system's providers, else the first. */
function pick(candidates: readonly RegionMention[], platformServices: ReadonlySet<ServiceEntry>): RegionMention {
  return candidates.find((candidate) => platformServices.has(candidate.service)) ?? candidates[0];
}

export const govCloudOverseasRegionRule: Rule = {
  id: 'govcloud/overseas-region',
  defaultSeverity: 'warning',
  // Runs everywhere: a Government Cloud procurement document gets warnings, any other public body's document information.
  procurementOnly: false,
  scope: 'document',
  description: 'ガバメントクラウド上のシステムのデータを国外リージョンに置く記述 (a region outside Japan for Government Cloud data).',
  check({ model, regions: written, context, terms, knowledge }) {
    // A document that says its system runs on ガバメントクラウド (prose, front matter or profile), whatever its type.
    const govCloudDocument = context.platform.govCloud;
    const publicBody = context.sector === 'national' || context.sector === 'local';
    // Region ids and names, and places written where a region is asked for ("Backup region: Singapore").
    // A place inside or right after a written region ("Asia Pacific (Singapore)", "us-west-2 (Oregon)") is that region.
    const places = placesInRegionSlots(model, knowledge.services).filter(
      (place) => !written.some((region) => place.start < region.end + 3 && place.end > region.start),
    );
    const regions = places.length === 0 ? written : [...written, ...places].sort((a, b) => a.start - b.start);
    if (regions.length === 0) {
      return [];
    }
    const govCloudStatements = terms.filter((term) => term.term.id === 'gov-cloud' && namesPlatform(model, term) && !isNotPlacement(model, term.start, term.end));
    if (!govCloudDocument && !publicBody && govCloudStatements.length === 0) {
      return [];
    }
    const platformServices = new Set(context.platform.providers.map((provider) => provider.service));
    const findings: Finding[] = [];
    // A name can denote regions of several providers: group the mentions by position.
    for (let index = 0; index < regions.length; ) {
      const start = regions[index].start;
      const group: RegionMention[] = [];
      while (index < regions.length && regions[index].start === start) {
        group.push(regions[index]);
        index++;
      }
      // A name that is a Japanese region of any provider is not reported.
      if (group.some((candidate) => candidate.region.japan)) {
        continue;
      }
      const mention = pick(group, platformServices);
      const keyPath = keyPathAt(model, mention.start);
      if (keyPath?.some((key) => EXCLUDED_KEY.test(key))) {
        continue;
      }
      // The region's own list or table may say the platform is ガバメントクラウド (a sibling item, the lead-in).
      const govCloud = govCloudDocument || namedAround(model, govCloudStatements, mention.start);
      if (!govCloud && !publicBody) {
        continue;
      }
      const [first, last] = englishSentenceIn(model.text, sentenceSpan(model, mention.start, mention.end), mention.start, mention.end);
      const sentence = normalizeKey(model.text.slice(first, last));
      const before = normalizeKey(model.text.slice(first, mention.start));
      const after = normalizeKey(model.text.slice(mention.end, last));
      if (ISMAP_COVERAGE.test(sentence) || NOT_PLACEMENT.test(sentence) || FORMER_BEFORE.test(before) || EXCLUDED_AFTER.test(after)) {
        continue;
      }
      if (headingsAt(model, mention.start).some((heading) => CANDIDATE_HEADING.test(normalizeKey(heading)))) {
        continue;
      }
      const surface = model.text.slice(mention.start, mention.end);
      if (askedNotPlaced(model, mention.start, surface)) {
        continue;
      }
      const place = PLACE_MENTIONS.has(mention);
      const found = finding(this, mention, surface, place);
      // A national body's system: the basic policy's principle, as information (it admits exceptions).
      const local = !govCloud && context.sector === 'local';
      findings.push(govCloud ? found : { ...found, severity: 'information', ...(local ? { message: localMessage(mention, surface, place) } : {}) });
    }
    return findings;
  },
};

/**
 * A region named in a question (a FAQ's "Can we keep DR copies in us-central1?", Q: Use Singapore for backups?)
 * places nothing unless its answer says yes without naming the region again (an answer that names it is read on
 * its own): turned down, left unanswered or answered otherwise, the question is not reported.
 */
function askedNotPlaced(model: DocumentModel, offset: number, surface: string): boolean {
  const asked = questionAt(model, offset);
  return asked !== undefined && !(asked.answer === 'confirms' && !normalizeKey(asked.answerText).includes(normalizeKey(surface)));
}

/** The sentence holding a ガバメントクラウド mention does not place the system there (比較, 利用しない, 移行元 …). */
function isNotPlacement(model: DocumentModel, start: number, end: number): boolean {
  const [first, last] = englishSentenceIn(model.text, sentenceSpan(model, start, end), start, end);
  return NOT_PLACEMENT.test(normalizeKey(model.text.slice(first, last))) || headingsAt(model, start).some((heading) => CANDIDATE_HEADING.test(normalizeKey(heading)));
}

/**
 * Whether ガバメントクラウド is named around a region where the document as a whole does not say so: in the
 * region's list (its lead-in or any item: 「- 基盤: ガバメントクラウド」 beside 「- DR: us-east-1」), its table
 * (a cell, or the paragraph introducing the table), its own paragraph ("The portal runs on the Government
 * Cloud. Backups go to us-west-2."), or a heading over its section (## ガバメントクラウド環境の構成).
 */
function namedAround(model: DocumentModel, statements: readonly TermOccurrence[], offset: number): boolean {
  if (statements.length === 0) {
    return false;
  }
  const index = blockIndexAt(model, offset);
  if (index === undefined) {
    return false;
  }
  const blocks = model.markdown!.blocks;
  const block = blocks[index];
  let range: { start: number; end: number } = block;
  if (block.listItem) {
    range = { start: blocks[listLeadIn(model, index)].start, end: blocks[listEnd(model, index)].end };
  } else if (block.table) {
    const lines = model.markdown!.lines;
    let firstCell = index;
    while (firstCell > 0 && blocks[firstCell - 1].table?.tableFirstLine === block.table.tableFirstLine) {
      firstCell--;
    }
    const lead = blocks[firstCell - 1];
    const introduced = lead && !lead.table && lead.lastLine >= block.table.tableFirstLine - 2;
    range = { start: introduced ? lead.start : lines[block.table.tableFirstLine].start, end: lines[block.table.tableLastLine].end };
  }
  if (statements.some((term) => term.start >= range.start && term.end <= range.end)) {
    return true;
  }
  // A heading over the region's section that names it as the platform (## ガバメントクラウド環境の構成).
  const sections = headingsAt(model, offset);
  return statements.some((term) => {
    const heading = blockAt(model, term.start);
    return heading?.kind === 'heading' && sections.includes(model.text.slice(heading.start, heading.end));
  });
}

/**
 * The message for a 自治体's document that does not say its system runs on ガバメントクラウド: the 2018 basic
 * policy covers 政府情報システム and no source at hand sets the same principle for 自治体, so it asks.
 */
function localMessage(mention: RegionMention, surface: string, place: boolean): Bilingual {
  const { region } = mention;
  if (place) {
    return {
      ja: `国外リージョン: 「${surface}」は国外のため、自治体の情報を置いてよいか確認してください`,
      en: `"${surface}" is outside Japan; check that a local government's data may be kept there.`,
    };
  }
  return {
    ja: `国外リージョン: 「${surface}」は国外（${region.location}）のリージョンのため、自治体の情報を置いてよいか確認してください`,
    en: `"${surface}" is in ${region.location}, outside Japan; check that a local government's data may be kept there.`,
  };
}

function finding(rule: Rule, mention: RegionMention, surface: string, place: boolean): Finding {
  const { region, service } = mention;
  if (place) {
    // A place, not a provider's region: the fix names the place in Japan, in the script written.
    const tokyo = /[\u3040-\u30ff\u4e00-\u9fff]/.test(surface) ? '東京' : 'Tokyo';
    return {
      ruleId: rule.id,
      severity: rule.defaultSeverity,
      message: {
        ja: `国外リージョン: 「${surface}」は国外で、国内のリージョンに置くのが原則です`,
        en: `"${surface}" is outside Japan; government data is kept in a region in Japan as a rule.`,
      },
      start: mention.start,
      end: mention.end,
      fix: replacementFix(tokyo),
    };
  }
  const tokyo = tokyoRegionOf(service);
  const writtenAsId = normalizeKey(surface) === normalizeKey(region.id);
  const replacement = tokyo ? (writtenAsId ? tokyo.id : tokyo.name) : undefined;
  const other = writtenAsId ? region.name : region.id;
  return {
    ruleId: rule.id,
    severity: rule.defaultSeverity,
    message: {
      ja: `国外リージョン: 「${surface}」（${other}）は国外のリージョンで、国内のリージョンに置くのが原則です`,
      en: `"${surface}" (${other}) is in ${region.location}, outside Japan; government data is kept in a region in Japan as a rule.`,
    },
    start: mention.start,
    end: mention.end,
    ...(tokyo && replacement
      ? { fix: { title: { ja: `東京リージョン「${replacement}」に置き換える`, en: `Replace with ${service.name}'s Tokyo region "${replacement}"` }, replacement } }
      : {}),
  };
}
