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

/** A label before the name that says it is the platform: 「基盤: 」「稼働環境：」 "Platform: ". */
const PLATFORM_LABEL_BEFORE = /(?:基盤|プラットフォーム|稼働環境|実行環境|動作環境|構築環境|クラウド環境|利用クラウド|インフラ|移行先|稼働先|構築先|platform|hosting|hosted on|runs on|infrastructure|environment|cloud)\s*[:：]\s*$/i;
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
