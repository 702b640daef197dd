/**
 * domain/non-government-domain — a public website of a national body (国の機関) specified on a domain other
 * than go.jp (「本省の公開サイトは example.com で提供する」, a URL written for the 機関等外向け website).
 *
 * Bare URLs and link targets are left out of the model's prose segments, so this rule reads the raw text of
 * the lines that hold prose (a fenced code block's lines hold none), skipping code spans and HTML comments
 * (a gap between segments that opens with ` or <!--). In YAML and front matter it reads values under a
 * website key (`website`, `site`, `domain`, `公開サイト` …). It never reports go.jp (any subdomain, full-width
 * ｇｏ．ｊｐ), lg.jp, e-mail addresses, a vendor's own site, or URLs given as references or sources.
 *
 * Basis: 統一基準 6.6.2(1) (Use of government domain name); glossary term `gov-domain`.
 *
 * A 自治体's own public site (「本市の入札情報サイト」「県の公式サイト」) outside lg.jp / go.jp is reported as
 * information: no source at hand makes lg.jp a requirement, so the finding asks the reader to check. Outside
 * procurement documents (a 基本構想, a memo) a national body's site is information too. A list item holding
 * only a URL is read with the item it is nested under, or the paragraph introducing the list.
 */

import type { Sector } from '../../context/types';
import type { DocumentModel, Segment } from '../../document/model';
import { segmentAt } from '../../document/sentences';
import { blockIndexAt, listLeadIn } from '../../document/blocks';
import { inRanges } from '../../context/documentContext';
import { normalize, normalizeKey } from '../../text/normalize';
import type { Finding, Rule } from '../rule';
import type { Bilingual } from '../../language';
import { sentenceSpan } from '../../document/sentences';

/**
 * A host name with a common top-level domain (file names such as index.html or spec.md do not match). Run on
 * NFKC text, so ｅｘａｍｐｌｅ．ｃｏｍ is found.
 */
const HOST =
  /(?<![A-Za-z0-9.@_-])(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+(?:com|net|org|info|biz|io|co|me|app|dev|cloud|site|online|tech|xyz|tokyo|osaka|jp|gov|edu|us|uk|eu|cn|kr|tw|asia|page|ai)(?![A-Za-z0-9_-])(?!\.[A-Za-z0-9])/g;
const GOVERNMENT = /(?:^|\.)(?:go|lg)\.jp$/i;
/** The sentence names a national body: 府省庁, 〇〇省, 〇〇庁, 内閣府, 本省, 国の機関. */
const NATIONAL = /府省庁|府省|各省|本省|本庁|内閣府|内閣官房|国の(?:行政)?機関|中央省庁|[一-龥ァ-ヶー]{1,10}(?:省|庁)(?![一-龥])/;
/** The sentence is about a local government's site (its domain is lg.jp or its own choice). */
const LOCAL = /地方公共団体|自治体|本市|本県|本町|本村|本区|[一-龥]{1,6}(?:都|道|県|市|区|町|村)(?:役所|役場|庁舎)?(?:の|が|は|で)/;
/** The sentence is about a public website or its domain. */
const WEBSITE = /ウェブサイト|ウエブサイト|Webサイト|WEBサイト|web ?サイト|ホームページ|サイト|ポータル|ドメイン|URL|FQDN|ホスト名|Webページ|ウェブページ|公開ページ/i;
/**
 * The sentence states the site's address: 「サイトは X」「X で公開する」「ドメイン名として X を取得」「特設サイトで周知
 * する」「特設サイトでも周知する」, or a list item's label for where it is published (「周知先: …」「掲載先：…」).
 */
const SPECIFIES =
  /(?:サイト|ホームページ|ページ|ポータル|ドメイン名?|URL|FQDN|ホスト名)(?:は|を|として|:|：|に)|(?:周知先|掲載先|公開先|案内先|告知先|広報先|発信先|掲載場所|公開場所)\s*[:：]|で(?:も|は)?(?:公開|提供|開設|運用|運営|構築|配信|周知|案内|告知|発信|お知らせ|掲載)|(?:で|に)[^。、]{0,10}?(?:を|に)(?:公開|掲載|提供)|に(?:開設|公開|構築|設置|掲載)|を(?:取得|使用|利用)/i;
/** A URL or host in parentheses after the site it names: 「特設サイト（https://…）で周知」 reads as 「特設サイトで周知」. */
const PARENTHESISED_ADDRESS = /[(（][ \t]*(?:https?:\/\/)?[^\s()（）、。]*\.[^\s()（）、。]*[ \t]*[)）]/g;
/** Another owner named for a site: a vendor's or a product's site is not the body's own. */
const OTHER_OWNER = /事業者の|事業者が|受注者|請負者|応札者|提案者|ベンダ|委託先の|自社|製品|メーカ/;
/** Not the body's own public site: a reference or source, an excluded or former domain, an e-mail address. */
const NOT_OWN_SITE =
  /出典|参考|参照|引用|詳細は|詳しくは|リンク集|外部サイト|外部リンク|以外|ではなく|でなく|としない|にしない|のような|例えば|たとえば|使用しない|使用せず|利用しない|利用せず|使わない|禁止|不可|認めない|してはならない|リダイレクト|転送|旧ドメイン|旧サイト|移行前|廃止|していた|であった|メール|e-?mail/i;
/** The sentence is about the writer's own public site: 「本市の入札情報サイト」「県の公式サイト」「本省の公式サイト」. */
const OWN_SITE = /(?:本|当)(?:市|県|町|村|区|都|府|道|省|庁)の[^。]{0,12}(?:サイト|ホームページ|ページ|ポータル)|(?:市|県|町|村|区|都|府|道)の(?:公式|入札|公開)[^。]{0,8}(?:サイト|ホームページ|ページ|ポータル)|公式(?:サイト|ホームページ|ウェブサイト|Webサイト)/i;
/** A YAML / front-matter key whose value is a website or its domain. */
const WEBSITE_KEY = /web|site|サイト|homepage|ホームページ|portal|ポータル|domain|ドメイン|fqdn|hostname|public_?url|公開/i;
/** A YAML / front-matter key whose value is not the body's own public site. */
const NOT_OWN_KEY = /vendor|contractor|supplier|事業者|受注者|source|出典|reference|参考|doc|repo|link|external|外部|mail|contact|問い合わせ|api|endpoint|legacy|previous|old|旧|redirect|example|例/i;

export const nonGovernmentDomainRule: Rule = {
  id: 'domain/non-government-domain',
  defaultSeverity: 'warning',
  // Runs everywhere: a warning in a national body's procurement document, information elsewhere.
  procurementOnly: false,
  scope: 'section',
  description: '国の機関の公開ウェブサイトに政府ドメイン名（go.jp）以外のドメインを指定 (a national body\'s public website not on go.jp).',
  check(input) {
    const { model, context } = input;
    const national = context.sector === 'national';
    const procurement = context.profile === 'procurement';
    if (!procurement && context.sector !== 'national' && context.sector !== 'local') {
      return [];
    }
    const findings: Finding[] = [];
    const reportLocal = (start: number, end: number) => {
      if (inRanges(context.badExamples, start)) {
        return;
      }
      const host = model.text.slice(start, end);
      findings.push({ ruleId: this.id, severity: 'information', message: localMessage(host), start, end });
    };
    const report = (start: number, end: number) => {
      if (inRanges(context.badExamples, start)) {
        return;
      }
      if (context.sector === 'local') {
        reportLocal(start, end);
        return;
      }
      const host = model.text.slice(start, end);
      findings.push({
        ruleId: this.id,
        // Outside a procurement document the requirement is not the document's to state: information.
        severity: procurement ? this.defaultSeverity : 'information',
        message: {
          ja: `政府ドメイン名以外: 国の機関の公開サイトは「${host}」ではなく政府ドメイン名（.go.jp）を使います`,
          en: `A national body's public website uses a government domain name (.go.jp), not "${host}".`,
        },
        start,
        end,
      });
    };
    if (model.kind === 'markdown') {
      checkProse(model, context.sector, procurement, context.sector === 'local' ? reportLocal : report);
    }
    if (national) {
      checkStructured(model, report);
    }
    return findings;
  },
};

type Report = (start: number, end: number) => void;

/** A 自治体's own site outside lg.jp / go.jp: no source makes lg.jp a requirement, so the message asks. */
function localMessage(host: string): Bilingual {
  return {
    ja: `自治体の公開サイトのドメイン: 「${host}」は lg.jp ではないため、住民が正規のサイトと見分けられるか確認してください`,
    en: `A local government's public site on "${host}" is not on lg.jp; check that residents can tell it is genuine.`,
  };
}

/** Hosts (original offsets) written in `original[start, end)`, government domains and e-mail addresses left out. */
function hostsIn(original: string, start: number, end: number): { start: number; end: number; host: string }[] {
  const normalized = normalize(original, start, end);
  const hosts: { start: number; end: number; host: string }[] = [];
  HOST.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = HOST.exec(normalized.text))) {
    const host = match[0].toLowerCase();
    if (GOVERNMENT.test(host)) {
      continue;
    }
    // A name in a URL path (https://example.go.jp/files/x.com) is not the host.
    const before = normalized.text.slice(Math.max(0, match.index - 2), match.index);
    if (before.endsWith('/') && before !== '//') {
      continue;
    }
    const last = match.index + match[0].length - 1;
    hosts.push({ start: normalized.startOf(match.index), end: normalized.endOf(last), host });
  }
  return hosts;
}

/** Whether `offset` is in a code span or an HTML comment of a line that also holds prose. */
function inCodeOrComment(model: DocumentModel, offset: number, lineStart: number): boolean {
  if (segmentAt(model.segments, offset)) {
    return false;
  }
  // The gap between segments that holds `offset` opens where the previous segment (or the line) ends.
  let gapStart = lineStart;
  let low = 0;
  let high = model.segments.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (model.segments[middle].end <= offset) {
      gapStart = Math.max(gapStart, model.segments[middle].end);
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const gap = model.text.slice(gapStart, offset);
  return gap.includes('`') || gap.includes('<!--');
}

/** The text a list item holding only a URL is read with: the item it is nested under, else the list's lead-in. */
function listIntroOf(model: DocumentModel, offset: number): string | undefined {
  const index = blockIndexAt(model, offset);
  const blocks = model.markdown?.blocks;
  if (index === undefined || !blocks || !blocks[index].listItem) {
    return undefined;
  }
  const depth = blocks[index].listItem!.depth;
  for (let previous = index - 1; previous >= 0; previous--) {
    const candidate = blocks[previous];
    if (!candidate.listItem) {
      break;
    }
    if (candidate.listItem.depth < depth) {
      return model.text.slice(candidate.start, candidate.end);
    }
  }
  const lead = blocks[listLeadIn(model, index)];
  return lead.listItem ? undefined : model.text.slice(lead.start, lead.end);
}

function checkProse(model: DocumentModel, sector: Sector | undefined, procurement: boolean, report: Report): void {
  const lines = model.markdown?.lines ?? [];
  // Walk the lines of the paragraphs, list items, headings and table cells (a line holding only a URL has no
  // prose segment but is still the block's); lines of code blocks and comments belong to no block.
  const seen = new Set<number>();
  for (const block of model.markdown?.blocks ?? []) {
    for (let lineIndex = block.firstLine; lineIndex <= block.lastLine; lineIndex++) {
      if (seen.has(lineIndex) || !lines[lineIndex]) {
        continue;
      }
      seen.add(lineIndex);
      const { start: lineStart, end: lineEnd } = lines[lineIndex];
      checkLine(model, sector, procurement, report, lineStart, lineEnd, block.kind);
    }
  }
}

function checkLine(model: DocumentModel, sector: Sector | undefined, procurement: boolean, report: Report, lineStart: number, lineEnd: number, kind: 'paragraph' | 'heading' | 'table-cell'): void {
  const { text } = model;
  const line = text.slice(lineStart, lineEnd);
  if (!/[.．｡]/.test(line)) {
    return;
  }
  for (const host of hostsIn(text, lineStart, lineEnd)) {
    if (inCodeOrComment(model, host.start, lineStart)) {
      continue;
    }
    const [first, last] = sentenceSpan(model, host.start, host.end);
    let sentence = normalizeKey(text.slice(first, last));
    // The words naming this address's site: from the address before it in the sentence (any, go.jp and lg.jp
    // included) to this one. 「本市の公式サイト（…lg.jp）のほか、本市の特設サイト（…）」 names each site's owner.
    let phrase = normalizeKey(text.slice(previousAddressEnd(text, first, host.start), host.end));
    // A list item holding only the URL: the statement is the item above it or the list's lead-in.
    if (!WEBSITE.test(sentence)) {
      const intro = listIntroOf(model, host.start);
      if (intro === undefined) {
        continue;
      }
      sentence = normalizeKey(intro);
      phrase = sentence;
    }
    const plain = sentence.replace(PARENTHESISED_ADDRESS, '');
    if (!WEBSITE.test(plain) || NOT_OWN_SITE.test(sentence)) {
      continue;
    }
    // The site's own words decide its owner; without them, the sentence's.
    const ownPhrase = OWN_SITE.test(phrase.replace(PARENTHESISED_ADDRESS, ''));
    if (OTHER_OWNER.test(phrase) || (!ownPhrase && OTHER_OWNER.test(sentence))) {
      continue;
    }
    if (kind === 'paragraph' && !SPECIFIES.test(plain)) {
      continue;
    }
    // A 自治体's site, or any site outside a procurement document, only where the writer calls it its own.
    if (sector === 'local' || !procurement) {
      if (ownPhrase || OWN_SITE.test(plain)) {
        report(host.start, host.end);
      }
      continue;
    }
    if (LOCAL.test(sentence)) {
      continue;
    }
    // A national document, or one whose sector is unknown where the sentence names a national body.
    if (!(sector === 'national' || (sector === undefined && NATIONAL.test(sentence)))) {
      continue;
    }
    report(host.start, host.end);
  }
}

/** Where the last address (a host, government domains included) before `before` ends, from `from`; else `from`. */
function previousAddressEnd(original: string, from: number, before: number): number {
  const normalized = normalize(original, from, before);
  let end = from;
  HOST.lastIndex = 0;
  for (let match = HOST.exec(normalized.text); match; match = HOST.exec(normalized.text)) {
    end = normalized.endOf(match.index + match[0].length - 1);
  }
  return end;
}

function isOwnWebsitePath(keyPath: readonly string[]): boolean {
  return keyPath.some((key) => WEBSITE_KEY.test(key)) && !keyPath.some((key) => NOT_OWN_KEY.test(key));
}

function checkStructured(model: DocumentModel, report: Report): void {
  // Whole scalars: a URL value is left out of the prose segments, but its host is what this rule reads.
  for (const segment of model.scalars as readonly Segment[]) {
    const keyPath = segment.keyPath;
    if (!keyPath || segment.kind === 'yaml-key' || keyPath.length === 0 || !isOwnWebsitePath(keyPath)) {
      continue;
    }
    // A front-matter key's path excludes itself; its text is the key, which is not a host.
    for (const host of hostsIn(model.text, segment.start, segment.end)) {
      report(host.start, host.end);
    }
  }
}
