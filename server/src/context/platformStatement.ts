/**
 * Whether a mention of a platform (ガバメントクラウド, a cloud) names it as where the system runs, read at the
 * mention: a statement verb (上に構築, を利用して), a label (「基盤: ガバメントクラウド」), 「…上の」, English wording
 * ("deployed on the Government Cloud", "migrate to"), or a table cell labelled as the platform. The document
 * context reads platform statements for the whole document in Japanese; this reading also serves a rule that
 * looks at a region's own list or table.
 */

import { rowCells, blockIndexAt } from '../document/blocks';
import type { DocumentModel } from '../document/model';
import { englishSentenceIn, sentenceSpan } from '../document/sentences';
import { normalizeKey } from '../text/normalize';
import type { TermOccurrence } from './mentions';

/**
 * A statement that the system runs on a platform: 「…上に構築する」「…を利用して構築」「…で稼働」, a site served from
 * it (「…で配信する」「…でホスティングし」「…から公開する」), and in English "built on", "runs on", "hosted on",
 * "deployed to", "migrating to", "served from", "hosted by".
 */
export const PLATFORM_STATEMENT =
  /上に構築|上で構築|上で稼働|上で運用|上に移行|へ移行|に移行|を利用して構築|を利用する|を利用し|で構築|で稼働|で運用|を採用|上に整備|を基盤と|(?:で|から|上で|より)\s*(?:配信|ホスティング|公開)(?:する|し|され|を行)|\b(?:built|buil(?:d|ds)|runs?|running|hosted|host|hosts|hosting|deployed|deploys?|operated|migrat(?:e|es|ed|ing)|moved?)\s+(?:on|onto|to|in|into)\b|\b(?:hosted|served|delivered|published)\s+(?:from|by|via|with|through)\b|\bon top of\b/i;

/**
 * A label or a topic before the name that says it is the platform: 「基盤: 」「稼働環境：」「本番環境: 」 "Platform: ",
 * 「基盤は」「基盤として」 (「基盤はガバメントクラウド（AWS）とする」).
 */
const PLATFORM_LABEL_BEFORE =
  /(?:(?:基盤|プラットフォーム|稼働環境|実行環境|動作環境|構築環境|本番環境|クラウド環境|利用クラウド|インフラ|移行先|稼働先|構築先)\s*(?:[:：]|は|として|には)|(?:platform|hosting|hosted on|runs on|infrastructure|environment|cloud|production)\s*[:：])\s*$/i;
/** English wording that puts the system on it: "deployed on the Government Cloud", "migrate to Government Cloud". */
const PLATFORM_PREPOSITION_BEFORE = /\b(?:runs?|running|hosted|deployed|deploy|built|operated|migrat\w*|mov\w+|live[sd]?)\s+(?:\w+\s+){0,3}?(?:on|onto|to|in|into)\s+(?:the\s+)?(?:Japan's\s+|Japanese\s+)?$/i;
/** Right after the name: 「ガバメントクラウド上の」「…（AWS）上に」「…環境」「…の利用環境」「…で稼働」. */
const PLATFORM_AFTER = /^\s*(?:[(（][^()（）]{0,30}[)）])?\s*(?:上|環境|基盤|の(?:利用)?(?:環境|構成|リージョン|アカウント|テナント|設定)|で(?:の)?(?:稼働|運用|構築))/;
/** A table label (another cell of the row, or the column header) that names the platform. */
const PLATFORM_CELL_LABEL = /基盤|プラットフォーム|稼働環境|実行環境|クラウド|インフラ|platform|hosting|infrastructure|cloud/i;

/**
 * Whether a ガバメントクラウド mention says it is the system's platform: a platform statement (上に構築, を利用して,
 * "deployed on"), a label (「基盤: ガバメントクラウド」), 「…上の」, or a table cell labelled as the platform. A
 * mention that only names it (「ガバメントクラウドの話とは別に」) says nothing about where the system runs.
 */
export function namesPlatform(model: DocumentModel, term: TermOccurrence): boolean {
  const [first, last] = englishSentenceIn(model.text, sentenceSpan(model, term.start, term.end), term.start, term.end);
  const before = normalizeKey(model.text.slice(Math.max(first, term.start - 60), term.start));
  const after = normalizeKey(model.text.slice(term.end, Math.min(last, term.end + 40)));
  if (PLATFORM_STATEMENT.test(model.text.slice(first, last)) || PLATFORM_LABEL_BEFORE.test(before) || PLATFORM_PREPOSITION_BEFORE.test(before) || PLATFORM_AFTER.test(after)) {
    return true;
  }
  const index = blockIndexAt(model, term.start);
  const cell = index === undefined ? undefined : model.markdown!.blocks[index];
  if (!cell?.table || cell.table.header) {
    return false;
  }
  const labels = [cell.table.headerText, ...rowCells(model, index!).filter((other) => other !== cell).map((other) => model.text.slice(other.start, other.end))];
  return labels.some((label) => PLATFORM_CELL_LABEL.test(normalizeKey(label)));
}

/** Nouns that name the system's platform or the system itself, not one of its functions. */
const PLATFORM_NOUN =
  /基盤|環境|インフラ|ホスティング|本番|稼働|実行|サーバ|システム|サイト|ホームページ|ウェブ|Web|アプリ|構築|クラウド|全体|\b(?:hosting|platform|infrastructure|production|system|site|app|application|servers?|backend|deployment)\b/i;
/** 「全文検索機能には」「地図表示用に」「検索エンジンとして」: the clause before the service names what it is used for. */
const PURPOSE_BEFORE = /([^\s、,。]{1,24}?)\s*(?:のため(?:に)?(?:は)?|用(?:に|と)?(?:は)?|向け(?:に)?(?:は)?|には|では|として(?:は)?)\s*$/;
/** 「メール配信は X で行う」: a topic that is a function of the system, with the service as its means. */
const FUNCTION_TOPIC_BEFORE =
  /(?:検索|メール|通知|認証|決済|地図|翻訳|分析|監視|ログ|チャット|問い?合わせ|アンケート|フォーム|帳票|SMS|電子署名|動画|配信)[^\s、,。]{0,8}(?:は|を)\s*$/;
/** English: "Full-text search uses X", "X is used for search". */
const FUNCTION_BEFORE_EN =
  /\b(?:search|e-?mails?|mail|notifications?|maps?|mapping|authentication|sign-?in|payments?|analytics|monitoring|logging|logs|translation|chat|forms?|surveys?|SMS)\b[\w\s-]{0,20}?\b(?:uses|using|is handled by|runs through|goes through|via|through)\s+$/i;
/** After the service, a function it provides: 「Elastic Cloud による全文検索」「X 経由でメールを送信」. */
const FUNCTION_AFTER =
  /^\s*(?:による|を使った|を用いた|を利用した|経由で|で)\s*[^\s、,。]{0,10}?(?:検索|メール|通知|認証|決済|地図|翻訳|分析|監視|ログ収集|チャット|SMS|アンケート)/;
const FUNCTION_AFTER_EN = /^\s*(?:is\s+|are\s+)?(?:used\s+|serves\s+|handles\s+)?for\s+(?!hosting|production|deploy|running|the\s+(?:system|platform|application|app|site|infrastructure|whole))[a-z]/i;

/**
 * Whether the clause around a service (NFKC: `before` from the clause start to the name, `after` from the name to
 * the clause end) makes it the means of one function of the system — 「全文検索機能には Elastic Cloud を利用し」
 * 「メール配信は SendGrid で行う」 "search uses Elastic Cloud" — rather than where the system runs. A purpose
 * that names the platform or the system itself (「基盤には」「公開サイトの配信には」) is not one function.
 */
export function servesOneFunction(before: string, after: string): boolean {
  const purpose = PURPOSE_BEFORE.exec(before);
  if (purpose && !PLATFORM_NOUN.test(purpose[1])) {
    return true;
  }
  const topic = FUNCTION_TOPIC_BEFORE.exec(before);
  if (topic && !PLATFORM_NOUN.test(before.slice(Math.max(0, topic.index - 12), topic.index + topic[0].length))) {
    return true;
  }
  return FUNCTION_AFTER.test(after) || FUNCTION_BEFORE_EN.test(before) || FUNCTION_AFTER_EN.test(after);
}
