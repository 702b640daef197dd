/**
 * Bad-example blocks: text that shows a mistake on purpose (研修資料, style guides). Nothing in them is a claim,
 * so no finding is reported there. A block is an example when it is marked as one:
 * - under a heading that names a bad example (### 誤りの例), up to the next heading of the same or a higher level;
 * - a blockquote, list item or `:::` admonition that opens with a marker (> ❌ …, - 悪い例: …, ::: danger NG例);
 * - the list, quote, table or paragraph right after a label paragraph (**NG例**, 誤った記載例：);
 * - a table column headed by a marker (| 誤 | 正 |, | Wrong | Right |) or holding the quoted original of a review
 *   (| 原文 | 指摘 |), a row whose first cell is a marker (| × | … |), or a row that a verdict column turns down
 *   (| 表記 | 可否 | with ×, | 用語 | 判定 | with NG);
 * - a paragraph or list item that names a term and marks it wrong: on its first line (ガバクラ: 使用不可,
 *   ISMAP認証 … 誤り) or on a definition line under it (ISMAP認証 / : 誤った呼び方です);
 * - an exercise's statement (研修資料, 理解度テスト): a paragraph or cell that asks to find the mistake or the wrong
 *   choice (次の文の誤りを指摘せよ, 次の記述のうち誤っているものはどれか, "Which of the following is incorrect?"),
 *   with the statement in 「」 in it, or else the quote, list or paragraph right after it (in a list item: the item).
 */

import type { Block, TextRange } from './model';
import { headerLabel } from './blocks';

/** A review table's column of quoted original text: 原文, 修正前の記載, 現行の記載 is not one (it may be right). */
const QUOTED_ORIGINAL_HEADER = /^(?:原文|該当原文|修正前|変更前|訂正前)(?:の?(?:記載|記述|文言|表現))?$/;

/**
 * Words that name a bad example anywhere in a heading or a short label — or the draft a review quotes before
 * correcting it (修正前, not 修正前後).
 */
const EXAMPLE_WORDS =
  /修正前(?!後)|変更前(?!後)|訂正前(?!後)|悪い例|悪例|NG例|NG 例|誤り例|誤りの例|誤用例|誤った例|誤った記載例|誤った表記|誤記例|不適切な例|不適切な記載例|避けるべき例|やってはいけない例|bad example|counter-?example|wrong example|incorrect example|anti-?pattern/i;

/** Symbols and short words that mark a bad example at the start of a block or cell. */
const START_MARKER = /^(?:❌|✖|✕|✗|×|NG(?![A-Za-z])|誤(?:り)?(?=$|[:：)）】\s])|【誤(?:り)?】|[(（]誤(?:り)?[)）]|Bad(?=[:：\s])|(?:Wrong|Incorrect)(?=$|\s*[:：])|(?:Avoid|Don't|Do not)(?=\s*[:：]))/i;

/**
 * A verdict that marks a wording wrong: ×, NG, 誤り, 誤った呼び方, 使用不可, 使わない, 非推奨, wrong, avoid. After a term on
 * its own line (ISMAP認証 … 誤り, ガバクラ: 使用不可), on a definition line under it (: 誤った呼び方です), or in a
 * verdict column of a table (| 表記 | 可否 | with ×).
 */
const VERDICT =
  "(?:❌|✖|✕|✗|×|NG|誤り|誤用|誤記|誤|誤った(?:呼び方|言い方|表記|記載|用語|名称|表現|使い方)|不可|使用不可|使わない|使用しない|用いない|不適切|非推奨|wrong|incorrect|avoid|do not use|don't use|not allowed)" +
  // The verdict is the whole judgement: the line ends or a note follows (「誤り（正しくは…）」), not 「誤った宛先へ送信」.
  '(?:です|である|だ)?[ \\t]*(?=$|\\n|[。.、,;；(（)）:：—–-])';
/** A term on a short first line followed by a separator and a verdict: 「ISMAP認証 … 誤り」「ガバクラ: 使用不可」"ISMAP certified — wrong". */
const TRAILING_VERDICT = new RegExp(`^[^\\n:：]{1,40}?\\s*(?:[:：]|…+|‥+|—|–|->|→|⇒|\\s-\\s|[(（])\\s*(?:\\*\\*|__)?${VERDICT}`, 'i');
/** A definition line (Markdown definition-list style) that gives a verdict: 「: 誤った呼び方です」. */
const DEFINITION_VERDICT = new RegExp(`\\n[ \\t>]*[:：][ \\t]*(?:\\*\\*|__)?${VERDICT}`, 'i');
/** A table column that judges the row: 可否, 正誤, 判定, 適否, 使用可否, OK/NG, ○×, Verdict, Allowed. */
const VERDICT_HEADER = /^(?:可否|正誤|判定|適否|良否|採否|使用可否|利用可否|使用|OK\/?NG|[○〇◯]\/?[×✕]|verdict|allowed\??|ok\??|correct\??|use\??)$/i;
/** A verdict cell that turns the row down. */
const VERDICT_CELL = new RegExp(`^${VERDICT}`, 'i');

/** Leading markup that may stand before a marker: emphasis, an admonition tag (:::, [!X], MkDocs !!! "title"), brackets, white space. */
const LEADING_MARKUP = /^(?:[\s*_~]|\[![A-Za-z]+\][\s]*|:::+\s*[A-Za-z]*\s*|!!!\s*[A-Za-z]*\s*"?)*/;

/** How far into a block a marker word may stand and still mark it (「例1（誤り例）：…」 counts, a mention deep in a sentence does not). */
const LABEL_REACH = 16;

/** A short paragraph that only introduces what follows (**NG例**, 誤った記載例：). */
const MAX_LABEL_LENGTH = 40;

/** A marker word close to the start and closing a label: 「悪い例：…」「例1（誤り例）」「NG例」「悪い例（旧版の記載）:」. */
const LABEL_WORD = new RegExp(`^.{0,${LABEL_REACH}}?(?:${EXAMPLE_WORDS.source})[)）】\\]]?(?:[(（][^)）\\n]{0,40}[)）])?[ \\t]*(?:[:：]|$)`, 'im');

/**
 * An exercise's prompt: it asks the reader to find what is wrong (or right) in the statements that follow or are
 * quoted, which are shown, not asserted.
 */
const EXERCISE_PROMPT =
  /(?:次|以下|下記|つぎ)の[^。\n]{0,24}?(?:誤り|誤っ|間違|正しくない|正しいもの|適切でない|適切なもの|不適切|正誤)[^。\n]{0,30}?(?:(?:指摘|修正|訂正|説明|判定)(?:せよ|しなさい|してください|して下さい|しましょう)|選べ|選びなさい|選んでください|どれ(?:か|ですか)|答えよ|答えなさい|答えてください|述べよ|述べなさい|(?:書き)?直せ|(?:書き)?直しなさい|(?:書き)?直してください|正せ|改めよ|改めなさい|示せ|挙げよ)|(?:次|以下|下記)の(?:文|文章|記述|説明|各文|各記述)(?:には|に)[^。\n]{0,8}?誤りが(?:あります|ある|含まれ)(?![^。\n]{0,4}(?:場合|とき|時))|(?:次|以下|下記)の(?:文|文章|記述|説明|各文|各記述)[^。\n]{0,10}?(?:は正しいか|は誤りか|の正誤)|\b(?:which of the following|find the (?:errors?|mistakes?)|spot the (?:errors?|mistakes?)|identify the (?:errors?|mistakes?)|what(?: is|'s) wrong (?:with|in)|correct the following)\b/i;
/** A quotation after the prompt in the same block: the exercise's statement (「…」『…』“…”). */
const QUOTED_STATEMENT = /[「『“"][^」』”"]{4,}/;

/** Where an exercise's statement is, for a block holding a prompt: in the block itself, or after it. */
function exerciseStatement(text: string): 'in-block' | 'after' | undefined {
  const prompt = EXERCISE_PROMPT.exec(text);
  if (!prompt) {
    return undefined;
  }
  return QUOTED_STATEMENT.test(text.slice(prompt.index + prompt[0].length)) ? 'in-block' : 'after';
}

function opensWithMarker(text: string): boolean {
  // Emphasis around a label (**NG例**) is markup, not part of it.
  const body = text.replace(LEADING_MARKUP, '').replace(/[*~]+|(?<![A-Za-z0-9])_+|_+(?![A-Za-z0-9])/g, '');
  return START_MARKER.test(body) || LABEL_WORD.test(body);
}

function isLabel(text: string): boolean {
  const body = text.replace(LEADING_MARKUP, '').replace(/[\s*_]+$/, '');
  return body.length <= MAX_LABEL_LENGTH && opensWithMarker(body) && (/[:：]$/.test(body) || !/[。．.]$/.test(body));
}

/** What a block needs for this: its text and the container it sits in. */
export interface ExampleCandidate {
  readonly block: Block;
  readonly text: string;
  /** The outermost quote, list or table holding the block, or the block itself: what a label before it marks. */
  readonly container: number;
  /** The quotes and list items holding the block, innermost last: a marker in the first block of one marks it all. */
  readonly owners: readonly number[];
  /** Whether this block is the first block of its innermost owner. */
  readonly firstOfOwner: boolean;
}

/**
 * What carries over from one section into the next (at a heading outside quotes and lists every other
 * marker's reach has ended): the level of an example heading above, and an admonition left open.
 */
export interface ExampleState {
  readonly headingLevel: number | undefined;
  readonly inAdmonition: boolean;
}

export const NO_EXAMPLE: ExampleState = { headingLevel: undefined, inAdmonition: false };

/**
 * Decides, for blocks in document order, which are examples: one flag per block, and the state before each
 * heading outside quotes and lists (a re-parse after an edit starts from one and checks the next).
 */
export function exampleFlags(
  candidates: readonly ExampleCandidate[],
  start: ExampleState = NO_EXAMPLE,
): { flags: boolean[]; atHeadings: ExampleState[]; end: ExampleState } {
  const flags = candidates.map(() => false);
  const atHeadings: ExampleState[] = [];
  const markedOwners = new Set<number>();
  let headingLevel = start.headingLevel;
  let labelledContainer: number | undefined;
  let inAdmonition = start.inAdmonition;
  let markedRow = false;
  let markedRowLine = -1;
  const turnedDown = rowsTurnedDown(candidates);
  for (let index = 0; index < candidates.length; index++) {
    const { block, text, container, owners, firstOfOwner } = candidates[index];
    const owner = owners[owners.length - 1];
    if (block.kind === 'heading' && block.quoteDepth === 0 && !block.listItem) {
      atHeadings.push({ headingLevel, inAdmonition });
      if (headingLevel !== undefined && block.level! <= headingLevel) {
        headingLevel = undefined;
      }
      if (headingLevel === undefined && EXAMPLE_WORDS.test(text)) {
        headingLevel = block.level;
      }
      labelledContainer = undefined;
      flags[index] = headingLevel !== undefined;
      continue;
    }
    let example = headingLevel !== undefined || inAdmonition;
    if (/^:::/.test(text)) {
      // ::: opens an admonition (and may close it on its last line); a marked one is an example throughout.
      inAdmonition = opensWithMarker(text) && !/\n:::\s*$/.test(text);
      example ||= opensWithMarker(text);
    } else if (inAdmonition && /(?:^|\n):::\s*$/.test(text)) {
      inAdmonition = false;
    }
    if (owner !== undefined && firstOfOwner && opensWithMarker(text)) {
      markedOwners.add(owner);
    }
    const exercise = block.kind === 'heading' ? undefined : exerciseStatement(text);
    if (exercise === 'in-block' || (exercise === 'after' && block.table && !block.table.header)) {
      // In a table, the prompt's row (its statement may stand in the next cell).
      example = true;
    } else if (exercise === 'after' && owner !== undefined && firstOfOwner && block.listItem) {
      // A list item asking about what is nested under it: the item.
      markedOwners.add(owner);
    }
    if (block.table) {
      const header = block.table.headerText.trim();
      if (START_MARKER.test(header) || EXAMPLE_WORDS.test(header) || QUOTED_ORIGINAL_HEADER.test(header.replace(/[*_]/g, ''))) {
        example ||= !block.table.header;
      }
      if (block.table.line !== markedRowLine) {
        markedRowLine = block.table.line;
        markedRow = false;
      }
      if (block.table.column === 0) {
        markedRow = !block.table.header && START_MARKER.test(text.replace(LEADING_MARKUP, ''));
      }
      example ||= markedRow || turnedDown.has(rowKey(block));
    }
    if (labelledContainer !== undefined) {
      if (container === labelledContainer) {
        example = true;
      } else {
        labelledContainer = undefined;
      }
    }
    if (owners.some((id) => markedOwners.has(id))) {
      example = true;
    }
    if (exercise === 'after' && !block.listItem && !block.table && block.kind === 'paragraph') {
      // The prompt and the quote, list or paragraph right after it.
      example = true;
      labelledContainer = index + 1 < candidates.length ? candidates[index + 1].container : undefined;
    } else if (!block.listItem && block.quoteDepth === 0 && !block.table && block.kind === 'paragraph' && !text.startsWith(':::') && !text.startsWith('!!!') && isLabel(text)) {
      // The label itself and the container right after it.
      example = true;
      labelledContainer = index + 1 < candidates.length ? candidates[index + 1].container : undefined;
    } else if (!example && (block.kind === 'paragraph' || block.kind === 'table-cell') && !block.table && opensWithMarker(text) && owner === undefined) {
      // A paragraph of its own that opens with a marker (❌ ISMAP認証を取得): the paragraph.
      example = true;
    }
    if (block.kind === 'paragraph' && !block.table && givesVerdict(text)) {
      // A term marked wrong on its own line or definition (ISMAP認証 … 誤り, ガバクラ: 使用不可, 「: 誤った呼び方です」).
      example = true;
    }
    flags[index] = example;
  }
  return { flags, atHeadings, end: { headingLevel, inAdmonition } };
}

/** Whether a paragraph or list item names a term and marks it wrong: on its first line, or on a definition line under it. */
function givesVerdict(text: string): boolean {
  const body = text.replace(LEADING_MARKUP, '');
  const firstLine = body.split('\n', 1)[0].replace(/[*_]+/g, '');
  return TRAILING_VERDICT.test(firstLine) || DEFINITION_VERDICT.test(body);
}

/** A table row's key: its table's first line and its own line. */
function rowKey(block: Block): string {
  return `${block.table!.tableFirstLine}:${block.table!.line}`;
}

/** The table rows that a verdict column turns down (| 表記 | 可否 | with × or NG in the 可否 cell): every cell of them is an example. */
function rowsTurnedDown(candidates: readonly ExampleCandidate[]): Set<string> {
  const rows = new Set<string>();
  for (const { block, text } of candidates) {
    const cell = block.table;
    if (!cell || cell.header || !VERDICT_HEADER.test(headerLabel(cell.headerText))) {
      continue;
    }
    if (VERDICT_CELL.test(text.replace(LEADING_MARKUP, '').replace(/[*_]+/g, '').trim())) {
      rows.add(rowKey(block));
    }
  }
  return rows;
}

/** Line ranges of the example blocks, merged where they touch. */
export function exampleRanges(blocks: readonly Block[], flags: readonly boolean[], lines: readonly TextRange[]): TextRange[] {
  const ranges: { start: number; end: number }[] = [];
  blocks.forEach((block, index) => {
    if (!flags[index]) {
      return;
    }
    const start = lines[block.firstLine].start;
    const end = lines[block.lastLine].end;
    const last = ranges[ranges.length - 1];
    if (last && start <= last.end + 1) {
      last.end = Math.max(last.end, end);
    } else {
      ranges.push({ start, end });
    }
  });
  return ranges;
}
