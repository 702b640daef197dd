/**
 * Reading a statement of fact in its place: the fact rules (fact/*) look for a wording in the text a document
 * states — prose, headings, table cells, YAML values — and then ask whether the writer asserts it or only
 * asks, quotes, corrects or shows it. Everything here reads the document model and its one normalised text.
 */

import { blockAt, blockIndexAt, headerLabel, rowCells } from '../document/blocks';
import { headingPath, type DocumentModel, type SegmentKind, type TextRange } from '../document/model';
import { normalizedRange } from '../document/normalized';
import { englishSentenceIn, lineBounds, sentenceAt, splitSentences } from '../document/sentences';
import { enclosingQuotations } from './quotations';

/** The kinds of segment a document states facts in (YAML keys name things, they state nothing). */
const STATING: ReadonlySet<SegmentKind> = new Set(['prose', 'heading', 'table', 'yaml-value', 'front-matter']);

/** A match of a wording in the document's normalised text, at original offsets. */
export interface WordingMatch {
  readonly start: number;
  readonly end: number;
  /** The match in NFKC form (ＩＳＭＡＰ認証 → ISMAP認証). */
  readonly normalized: string;
  /** Capture groups of the match, in NFKC form. */
  readonly groups: readonly (string | undefined)[];
  readonly segmentKind: SegmentKind;
}

/**
 * Every match of `pattern` (a global regex written for NFKC text) in the stating segments, in document order.
 * A segment is one line of one block, so a wording broken across lines is not found.
 */
export function wordingMatches(model: DocumentModel, pattern: RegExp): WordingMatch[] {
  const matches: WordingMatch[] = [];
  const regex = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const segment of model.segments) {
    if (!STATING.has(segment.kind)) {
      continue;
    }
    const normalized = normalizedRange(model, segment.start, segment.end);
    regex.lastIndex = 0;
    for (let match = regex.exec(normalized.text); match; match = regex.exec(normalized.text)) {
      if (match[0].length === 0) {
        regex.lastIndex++;
        continue;
      }
      const last = match.index + match[0].length - 1;
      matches.push({
        start: normalized.startOf(match.index),
        end: normalized.endOf(last),
        normalized: match[0],
        groups: match.slice(1),
        segmentKind: segment.kind,
      });
    }
  }
  return matches;
}

/** How far a table cell is read on each side of an offset. */
const CELL_REACH = 500;

/**
 * The sentence that states [start, end): within a paragraph or heading its sentence, within a table cell the
 * cell's own sentence (a question in one cell does not make the answer in the next a question), elsewhere
 * (YAML) the line.
 */
export function statementAt(model: DocumentModel, start: number): TextRange {
  const block = model.kind === 'markdown' ? blockAt(model, start) : undefined;
  if (block?.kind === 'table-cell') {
    // A cell is read around the offset only (a bound for a megabyte in one cell).
    const from = Math.max(block.start, start - CELL_REACH);
    const to = Math.min(block.end, start + CELL_REACH);
    const sentences = splitSentences(model.text, from, to);
    return sentences.find((sentence) => start < sentence.end) ?? { start: from, end: to };
  }
  return sentenceAt(model, start);
}

/** The statement's NFKC text. */
export function statementText(model: DocumentModel, start: number): string {
  const sentence = statementAt(model, start);
  return normalizedRange(model, sentence.start, sentence.end).text;
}

/** A question asserts nothing: it ends with か。, ？ or ? (「…使えませんか。」, "Is it certified?"). */
const QUESTION = /(?:か|かな|でしょうか)\s*[。.]?\s*(?:\*\*)?\s*$|[?？]\s*(?:\*\*)?\s*[」』)]?\s*$/;

export function isQuestion(statement: string): boolean {
  return QUESTION.test(statement.trim());
}

/** A line that asks in Q&A form: Q:, Q1., 質問:, 問2:, 【質問】, Question: (after a list marker or emphasis). */
const QUESTION_PREFIX = /^(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)?[ \t]*(?:Q[ \t]*\d*[ \t]*[:：.．)）]|【(?:質問|問)[ \t]*\d*】|(?:質問|問|問い|ご質問)[ \t]*\d*[ \t]*[:：]|Question[ \t]*\d*[ \t]*[:：.])/i;
/** An answer's label, taken off before the answer is read: A:, A1., 回答:, 答:, 【回答】, →. */
const ANSWER_PREFIX = /^(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)?[ \t]*(?:A[ \t]*\d*[ \t]*[:：.．)）]|【(?:回答|答)[ \t]*\d*】|(?:回答|答え?|ご回答)[ \t]*\d*[ \t]*[:：]|Answer[ \t]*\d*[ \t]*[:：.]|[→⇒])?(?:\*\*|__)?[ \t]*/i;
/** A table column that holds questions (| 質問 | 回答 |, | Q | A |). */
const QUESTION_HEADER = /^(?:質問|質問事項|質問内容|ご質問|問|問い|問合せ|問い合わせ|Q|Questions?)$/i;
/** An answer that says yes: はい, 必要です, 可能です, Yes, Correct. */
const CONFIRMING = /^(?:yes\b|yep\b|sure\b|correct\b|that's right|はい|ええ|必要(?:です|である|となる|となります)?(?:[。.、,]|$)|可能(?:です)?(?:[。.、,]|$)|できます|そのとおり|その通り|お見込みのとおり|お見込みどおり|ok\b)/i;
/** An answer that says no: いいえ, 不要, 適用されない, 利用しません, No, We decided not to. */
const REFUSING =
  /^(?:no\b|nope\b|never\b|いいえ|不要|不可|否|なし)|\b(?:not|never|no longer|cannot|decided against|rejected)\b|n't\b|(?:ない|ません|不要|不可|禁止|せず|しない|しません)(?:です)?[。.]?$/i;
/** How far an answer is read after its question. */
const ANSWER_REACH = 200;

/** What the text answers to a question. */
export type AnswerReading = 'confirms' | 'refuses' | 'other' | 'none';

export interface AskedQuestion {
  /** The question's NFKC text (its line within its sentence, or its table cell). */
  readonly text: string;
  readonly answer: AnswerReading;
  /** The answer's NFKC text, its label (A:, 回答:) taken off; empty when there is none. */
  readonly answerText: string;
}

/**
 * A speaker's label in minutes (伊藤PM：, 事務局: , 田中主査：): a short name or role with Japanese in it, then a colon.
 * Read only where the label itself does not answer (「不要：…」 is an answer).
 */
const SPEAKER_LABEL = /^(?:[-*+][ \t]+)?(?:\*\*|__)?(?=[^：:\n]{0,16}[一-龥ァ-ヶ])[一-龥ぁ-んァ-ヶー々〇A-Za-z・()（） \t]{1,16}(?:\*\*|__)?[：:][ \t]*/;

/** An answer's text with a speaker's label taken off (「伊藤PM：いいえ。」 → 「いいえ。」). */
function withoutSpeaker(text: string): string {
  const label = SPEAKER_LABEL.exec(text);
  if (!label) {
    return text;
  }
  const name = label[0].replace(/^[-*+][ \t]+/, '').replace(/[*_]+|[：:][ \t]*$/g, '');
  return CONFIRMING.test(name) || REFUSING.test(name) ? text : text.slice(label[0].length);
}

/** Reads an answer's first sentence: yes, no, or something else. */
function readAnswer(text: string): AnswerReading {
  // A dash or colon before the answer (「…? — No.」) is not part of it, nor a speaker's label (伊藤PM：いいえ。).
  const answer = withoutSpeaker(text.replace(/^[\s—–:：>-]+/, '').replace(ANSWER_PREFIX, '').trim()).trim();
  if (answer === '') {
    return 'none';
  }
  const first = firstSentence(answer);
  return CONFIRMING.test(first) ? 'confirms' : REFUSING.test(first) ? 'refuses' : 'other';
}

/**
 * The question that holds `offset`, with what the text answers, or undefined where the offset is not in a
 * question. A question is a sentence that ends as one (か。, ですか, ?), a line in Q&A form (Q:, 質問:), or a cell
 * of a question column (| 質問 | 回答 |); in minutes and FAQs its line is read alone, whatever follows on the
 * next line. Its answer is the rest of its paragraph (「…in us-central1?** We decided not to.」, the A: line), else
 * the next block of the same section (the answer's list item or paragraph; after a heading, its section's first block),
 * or in a table the next cell of the row.
 */
export function questionAt(model: DocumentModel, offset: number): AskedQuestion | undefined {
  const index = model.kind === 'markdown' ? blockIndexAt(model, offset) : undefined;
  if (index === undefined) {
    return undefined;
  }
  const blocks = model.markdown!.blocks;
  const block = blocks[index];
  if (block.table) {
    // The cell's own sentence around the offset (bounded: a cell may be a megabyte long).
    const sentence = statementAt(model, offset);
    const text = normalizedRange(model, sentence.start, sentence.end).text;
    const header = headerLabel(block.table.headerText);
    if (block.table.header || (!QUESTION_HEADER.test(header) && !isQuestion(text))) {
      return undefined;
    }
    const next = rowCells(model, index).find((cell) => cell.table!.column === block.table!.column + 1);
    const answerText = next ? normalizedRange(model, next.start, Math.min(next.end, next.start + ANSWER_REACH)).text.trim() : '';
    return { text, answer: readAnswer(answerText), answerText };
  }
  const sentence = statementAt(model, offset);
  const line = lineBounds(model.text, offset, sentence);
  const [first, last] = englishSentenceIn(model.text, [Math.max(sentence.start, line.start, block.start), Math.min(sentence.end, line.end, block.end)], offset, offset);
  const lineStart = Math.max(line.start, block.start);
  const text = normalizedRange(model, first, last).text;
  // A Q: label counts for the sentence it opens, not for an answer later on its line (Q: Where? A: us-east-1.).
  const labelled = /^[\s>*_+\-\d.)]*$/.test(model.text.slice(lineStart, Math.max(lineStart, first))) && QUESTION_PREFIX.test(model.text.slice(lineStart, last));
  if (!isQuestion(text) && !labelled) {
    return undefined;
  }
  // The answer: the rest of the block after the question, else the next block of the same section.
  let answerText = normalizedRange(model, last, Math.min(block.end, last + ANSWER_REACH)).text.replace(/^[\s*_」』)）]+/, '').trim();
  const following = blocks[index + 1];
  // After a heading that asks, its section's first block answers (### Q: …? then A: …).
  const sameUnit = block.kind === 'heading' ? following?.section?.parent === block.section && following?.section?.level === block.level : following?.section === block.section;
  if (answerText === '' && following && following.kind !== 'heading' && sameUnit && !following.table) {
    answerText = normalizedRange(model, following.start, Math.min(following.end, following.start + ANSWER_REACH)).text.trim();
  }
  return { text, answer: readAnswer(answerText), answerText: withoutSpeaker(answerText.replace(ANSWER_PREFIX, '').trim()).trim() };
}

/**
 * Whether the writer only asks about `offset`, not states it: the offset is in a question — a sentence that ends
 * as one (〜ありますか。, 〜のか。 after a speaker's label in minutes, ?), a Q-labelled line, a heading that asks
 * (### Q8. …はありますか。) or a 質問 cell — that its answer does not confirm. A question answered はい is the
 * writer's claim and stays one.
 */
export function onlyAsked(model: DocumentModel, offset: number): boolean {
  const asked = questionAt(model, offset);
  if (asked === undefined || asked.answer === 'confirms') {
    return false;
  }
  // A question nobody answers — a checklist's 「…続くか」 followed by the next item to check — states its premises;
  // so does an aside in brackets inside a question (「有効期間（登録日から3年間）が…続くか」).
  const answer = asked.answerText.replace(/^\[[ xX]\][ \t]*/, '');
  if (asked.answer === 'none' || isQuestion(firstSentence(answer))) {
    return false;
  }
  const sentence = statementAt(model, offset);
  return !inBrackets(model.text.slice(Math.max(sentence.start, offset - CELL_REACH), offset));
}

/** Whether the end of `text` is inside a bracket opened in it: （…, (…. */
function inBrackets(text: string): boolean {
  let depth = 0;
  for (const char of text) {
    if (char === '（' || char === '(') {
      depth++;
    } else if ((char === '）' || char === ')') && depth > 0) {
      depth--;
    }
  }
  return depth > 0;
}

/**
 * An answer option's label at the start of a line or list item: (ア) …, （イ）…, イ. …, ウ) …, エ　…, (a) …, （ｂ）…,
 * (1) …, A) …, b. …, ① … A bare Latin letter (A) …, b. …) needs a space after it (not 「A.1 適用範囲」), a bare
 * katakana a full-width space (エ　…).
 */
const CHOICE_LABEL =
  /^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(?:\*\*|__)?(?:[(（][アイウエオカキクケコa-hA-Hａ-ｈＡ-Ｈ1-9１-９][)）]|[アイウエオカキクケコ](?:[.．、)）:：]|(?=\u3000))|[a-hA-Hａ-ｈＡ-Ｈ][.．)）:：](?=[ \t\u3000])|[①-⑩])/;
/** A heading that asks a question: 問1, 設問, Q3, クイズ, 理解度テスト. */
const QUESTION_HEADING = /^(?:問|設問|Q\d|クイズ)|問題|理解度/;
/** A quiz question that asks to choose rather than ends with か: 問1 …, 次のうち…を選べ, "Which of the following …", "Choose …". */
const CHOOSING_PROMPT =
  /^[ \t>*_]*(?:問|設問|Q)[ \t]*\d+|選べ|選びなさい|選んでください|選んで下さい|選択せよ|選択しなさい|どれ(?:か|ですか)|\b(?:which of the following|choose (?:the|one|all)|select (?:the|one|all))\b/i;
/** How many option blocks are walked back to find the question they answer. */
const CHOICE_REACH = 12;
/** How far back on its line a mention in an option is from the option's label, at most. */
const OPTION_REACH = 500;

/** Whether a paragraph or line asks the reader to choose: a question, or a quiz prompt (問1 次のうち正しいものを選べ。). */
function asksToChoose(text: string): boolean {
  return isQuestion(text) || CHOOSING_PROMPT.test(text);
}

/**
 * Whether [start, …) is in an answer option of a quiz: a line or list item that opens with an option label
 * ((ア), （イ）, ウ., (a), A), ①), under a heading that asks a question (問3 …, 設問, 理解度テスト) or after a question
 * (「次のうち、存在しない格付はどれか。」「問1 次のうち正しいものを選べ。」) — in the paragraph before the options or on a
 * line before them in the same paragraph; or the first line of a numbered list's item right after a question.
 * An option asserts nothing: a wrong option is meant to be wrong.
 */
export function isQuizChoice(model: DocumentModel, start: number): boolean {
  const index = model.kind === 'markdown' ? blockIndexAt(model, start) : undefined;
  if (index === undefined) {
    return false;
  }
  const blocks = model.markdown!.blocks;
  const block = blocks[index];
  // The option's own line (a block may hold several, one option a line), or the block's first line.
  // An option's line is short: a line that starts further back (a megabyte line, say) is not searched to its start.
  const lineStart = lineBounds(model.text, start, { start: Math.max(block.start, start - OPTION_REACH), end: start }).start;
  if (lineStart > block.start && model.text.charCodeAt(lineStart - 1) !== 0x0a) {
    return false;
  }
  // One character past the offset: a bare letter label (A) …) needs the space after it.
  const labelled = CHOICE_LABEL.test(model.text.slice(lineStart, start + 1)) || CHOICE_LABEL.test(model.text.slice(block.start, start + 1));
  // An item of a numbered list (「1) 17業務」) is an option only right after a question (not under 「問題点」).
  const numbered = !labelled && block.listItem?.ordered === true && model.markdown!.lines[block.listItem.firstLine].end >= start;
  if ((!labelled && !numbered) || (labelled && answerLabelAlone(model, lineStart, start))) {
    return false;
  }
  if (labelled && headingPath(block.section).some((title) => QUESTION_HEADING.test(title))) {
    return true;
  }
  if (labelled && lineStart > block.start) {
    // Options on the lines of the question's own paragraph: the last line above them that is not an option.
    const above = model.text.slice(block.start, lineStart - 1).split('\n');
    const question = [...above].reverse().find((line) => !CHOICE_LABEL.test(line));
    if (question !== undefined) {
      return asksToChoose(question.normalize('NFKC'));
    }
  }
  // The question is the paragraph before the options.
  for (let previous = index - 1; previous >= Math.max(0, index - CHOICE_REACH); previous--) {
    const candidate = blocks[previous];
    const text = model.text.slice(candidate.start, candidate.end);
    if (CHOICE_LABEL.test(text) || (numbered && candidate.listItem?.ordered)) {
      continue;
    }
    const asked = normalizedRange(model, candidate.start, candidate.end).text;
    return candidate.kind !== 'table-cell' && (numbered ? isQuestion(asked) : asksToChoose(asked));
  }
  return false;
}

/** A bare first letter (A) …, a. …) at the start of a line. */
const FIRST_LETTER_LABEL = /^[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?[AaＡａ][.．)）:：][ \t\u3000]/;
/** A line opening with a later bare letter (B) …, b. …). */
const LATER_LETTER_LINE = /(?:^|\n)[ \t>]*(?:[-*+][ \t]+)?(?:\*\*|__)?[B-Hb-hＢ-Ｈｂ-ｈ][.．)）:：][ \t\u3000]/;

/** Whether a line opens with A) or a. and no B) or b. line follows near it: an answer's label (Q: … A) …), not an option. */
function answerLabelAlone(model: DocumentModel, lineStart: number, start: number): boolean {
  return FIRST_LETTER_LABEL.test(model.text.slice(lineStart, start + 1)) && !LATER_LETTER_LINE.test(model.text.slice(lineStart, lineStart + 400));
}

/** The lines of a document that are quiz options (see isQuizChoice), each from its line start to its line end. */
export function quizChoiceLines(model: DocumentModel): TextRange[] {
  const ranges: TextRange[] = [];
  if (model.kind !== 'markdown') {
    return ranges;
  }
  for (const line of model.markdown!.lines) {
    const text = model.text.slice(line.start, Math.min(line.end, line.start + 24));
    const label = CHOICE_LABEL.exec(text);
    if (label && line.start + label[0].length < line.end && isQuizChoice(model, line.start + label[0].length)) {
      ranges.push({ start: line.start, end: line.end });
    }
  }
  return ranges;
}

/** Whether a quotation (「…」, 『…』, “…”, "…") encloses [start, end): someone else's words, a title or a term under discussion. */
export function isQuoted(model: DocumentModel, start: number, end: number): boolean {
  return enclosingQuotations(model, start, end).length > 0;
}

/**
 * A sentence about how to write a word: 表記, 記載, 略称, 使わず, 統一, 改める, 置き換える, "Do not write", "Replace … with".
 */
const ABOUT_WORDING =
  /表記|記載|記述|略称|呼称|名称|用語|文言|言葉|表現|呼び方|言い方|書き方|使わ|使用せず|使用しない|用いない|用いず|統一|改め|置き換|置換|言い換|書き換|書[かきくけ]|修正|訂正|削除|避け|\b(?:write|written|writing|wording|words?|terms?|phrases?|spell\w*|say|call|refer to|replace\w*|rename\w*|avoid|instead of|rather than|do not use|don't use|never use|use)\b/i;
/** Right after a word quoted alone: what is said of the word (「NISC」の記載は, 「ガバクラ」という, 「X」と書かず, 「X」は「Y」に). */
const WORD_PREDICATE_AFTER = /^\s*(?:という|といった|との|と(?:書|記|表|呼|言|略)|の(?:記載|表記|記述|文言|名称|用語|語)|は\s*[「『"“]|を\s*[「『"“]|ではなく\s*[「『"“]|(?:→|⇒|->)\s*[「『"“]?)/;
/**
 * Right after a word, quoted or not: a question about what it means (ガバクラって何ですか, 「NISC」とは何か,
 * ガバクラとはどういう意味, ガバクラの意味は) — the word is asked about, and the answer explains it.
 */
const ASKS_MEANING =
  /^\s*(?:(?:って|っていうのは|とは|というのは|と言うのは)\s*(?:(?:何|なに|なん)(?:です|でしょう|だろう|なの|の[?？]|か(?![とら])|\s*[?？。]|\s*$)|どういう(?:意味|こと|もの)|どんな(?:意味|もの))|の意味(?:は|を|が|って))/;
/** Right after an unquoted word: it is named as a word (という略称, との記載, の表記は), or its meaning is asked. */
const NAMED_AS_WORD_AFTER = new RegExp(
  `^\\s*(?:という(?:略称|呼称|表記|名称|呼び方|言い方|言葉|用語|語)|との(?:記載|表記|記述)|の(?:記載|表記|記述|文言)(?:は|を|が残))|${ASKS_MEANING.source}`,
);

/**
 * Whether [start, end) is a word spoken of, not used (metalinguistic): quoted alone — in 「」, “”, "" or English
 * single quotes — in a sentence about wording (「ガバクラ」という略称は使わず…, 「NISC」の記載は…に改めること,
 * Do not write 'ISMAP certification'), or quoted alone with a predicate about the word right after it.
 */
export function mentionedAsWord(model: DocumentModel, start: number, end: number): boolean {
  const word = normalizedRange(model, start, end).text.trim();
  let after: number | undefined;
  for (const quotation of enclosingQuotations(model, start, end)) {
    if (quotation.inner.normalize('NFKC').trim() === word) {
      after = quotation.close + 1;
    }
  }
  after ??= singleQuotedEnd(model.text, start, end);
  if (after === undefined) {
    // Unquoted, the word is spoken of only when named as a word right after it (ガバクラという略称, NISCの記載は).
    return NAMED_AS_WORD_AFTER.test(normalizedRange(model, end, Math.min(model.text.length, end + 12)).text);
  }
  const following = normalizedRange(model, after, Math.min(model.text.length, after + 12)).text;
  return WORD_PREDICATE_AFTER.test(following) || ASKS_MEANING.test(following) || ABOUT_WORDING.test(statementText(model, start));
}

/** For a word in English single quotes ('ISMAP certification'), the offset after the closing quote. */
function singleQuotedEnd(text: string, start: number, end: number): number | undefined {
  const open = start - 1;
  if (!/^['‘]$/.test(text[open] ?? '') || (open > 0 && /[A-Za-z0-9]/.test(text[open - 1]))) {
    return undefined;
  }
  const close = text[end];
  return close !== undefined && /^['’]$/.test(close) && !/[A-Za-z0-9]/.test(text[end + 1] ?? '') ? end + 1 : undefined;
}

/** Words that correct a quoted statement in the same sentence or table row: 指摘, 修正, 正しくは, 削除した, 合わない … */
export const CORRECTION = /指摘|修正|誤り|誤記|正しくは|訂正|ではなく|改める|改めた|削除|合わない|適合しない/;
/** A sentence that reports a misconception or negates the value: 「…という誤解が多い」「…ではなく100人」. */
export const MISCONCEPTION = /という誤解|と誤解|という誤り|は誤り|勘違い|と覚えている|ではなく|ではない|ではありません/;
/** A sentence that refutes what was just quoted: 「これは誤りです」「誤解です」 "This is wrong." */
const REFUTATION = /誤り|誤解|間違い|不正確|正しくない|正しくありません|事実ではな|根拠はな|\b(?:wrong|incorrect|misconception|myth|not true|false)\b/i;
/** How far after a quotation its refutation is looked for. */
const REFUTATION_REACH = 160;

/** The first sentence of an NFKC text (to its first 。．.!?！？ or line end), closing brackets and spaces before it left out. */
function firstSentence(text: string): string {
  const trimmed = text.replace(/^[\s」』”)）]+/, '');
  const end = trimmed.search(/[。．！？!?\n]|\.(?:\s|$)/);
  return end === -1 ? trimmed : trimmed.slice(0, end + 1);
}

/**
 * Whether [start, end) is inside a quotation (「…」『…』“…”) or a blockquote that the text right after refutes: the rest
 * of the quoting sentence, or the sentence after the quotation or after the blockquote, says it is wrong
 * (「ISMAPの登録は3年ごと。」これは誤りです; > … followed by 「これは誤解です。」). A misconception shown to be corrected
 * is not the writer's claim.
 */
export function isRefutedQuotation(model: DocumentModel, start: number, end: number): boolean {
  const quotations = enclosingQuotations(model, start, end);
  let after: number | undefined;
  if (quotations.length > 0) {
    after = Math.max(...quotations.map((quotation) => quotation.close + 1));
  } else if (model.kind === 'markdown') {
    const index = blockIndexAt(model, start);
    const blocks = model.markdown!.blocks;
    if (index !== undefined && blocks[index].quoteDepth > 0) {
      // The first block after the blockquote, right after it (a heading or another section in between is not an answer).
      let next = index + 1;
      while (next < blocks.length && blocks[next].quoteDepth >= blocks[index].quoteDepth) {
        next++;
      }
      const following = blocks[next];
      if (following && following.kind !== 'heading' && following.section === blocks[index].section) {
        after = following.start;
      }
    }
  }
  if (after === undefined) {
    return false;
  }
  const text = normalizedRange(model, after, Math.min(model.text.length, after + REFUTATION_REACH)).text;
  return REFUTATION.test(firstSentence(text));
}

/** A value mentioned as one that does not exist: 存在しない「機密性4」, "non-existent class 4". */
const NONEXISTENT = /存在しない|存在せず|存在しません|ありえない|あり得ない|non-?existent|does not exist|doesn't exist|no such\b/i;
/** A defect in the text or in software: 不具合, 誤記, bug, typo … */
const DEFECT = /不具合|バグ|誤り|誤記|誤って|誤った|\bbug|\btypo|\bmistake|\berror\b/i;
/** The defect was remedied: 修正, 削除, 解消, fixed, removed … */
const REMEDIED = /修正|訂正|改め|削除|解消|廃止|取り除|除外|\bfix(?:ed|es)?\b|\bremov(?:ed|es)\b|\bcorrect(?:ed|s)\b|\bdelet(?:ed|es)\b/i;

/** The value taken out of a list of choices: 選択肢から削除, "removed … from the list". */
const REMOVED_OPTION = /(?:選択肢|一覧|リスト|候補|プルダウン|メニュー|マスタ)から[^。]{0,20}?(?:削除|除外|取り除)|\bremoved\b.{0,60}\bfrom\b/i;

/**
 * Whether a statement speaks about a wrong value rather than using it: it says the value does not exist, or
 * that a defect involving it was fixed or removed (a changelog's 「存在しない「機密性4」を選べる不具合を修正」,
 * 「機密性4を選択肢から削除した誤りを訂正」, "Fixed a bug where class 4 could be selected").
 */
export function speaksOfWrongValue(statement: string): boolean {
  return NONEXISTENT.test(statement) || REMOVED_OPTION.test(statement) || (DEFECT.test(statement) && REMEDIED.test(statement));
}

/** Headings that introduce a quoted excerpt of another text: the original wording of a draft under review. */
const EXCERPT_HEADING = /原文|引用|抜粋|修正前|改訂前|改正前|旧版|原案|excerpt|quoted|original (?:text|wording)/i;

/** Whether `offset` is in a blockquote under a heading that names it an excerpt (## 原文の抜粋（修正前）). */
export function inQuotedExcerpt(model: DocumentModel, offset: number): boolean {
  const block = model.kind === 'markdown' ? blockAt(model, offset) : undefined;
  return !!block && block.quoteDepth > 0 && headingPath(block.section).some((title) => EXCERPT_HEADING.test(title));
}

/** A date written in a statement: 2023年11月28日, 2022年度, 令和4年, 平成31年3月, 2021 (a year alone). */
const WRITTEN_DATE = /(?<![0-9])(?:((?:19|20)[0-9]{2})|令和\s*([0-9]{1,2}|元)|平成\s*([0-9]{1,2}|元))(?:\s*年(度)?(?:\s*([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?)?)?(?![0-9])/g;

/**
 * The dates written in an NFKC text as ISO strings of what is given — "2023", "2023-11", "2023-11-28". A fiscal
 * year (年度) is given as its calendar year. 令和 and 平成 years are converted; a 令和/平成 year needs 年.
 */
export function writtenDates(text: string): string[] {
  const dates: string[] = [];
  WRITTEN_DATE.lastIndex = 0;
  for (let match = WRITTEN_DATE.exec(text); match; match = WRITTEN_DATE.exec(text)) {
    const era = (digits: string) => (digits === '元' ? 1 : Number(digits));
    if (!match[1] && !/年/.test(match[0])) {
      continue;
    }
    const year = match[1] ? Number(match[1]) : match[2] ? 2018 + era(match[2]) : 1988 + era(match[3]);
    const month = match[5] ? `-${match[5].padStart(2, '0')}` : '';
    const day = match[5] && match[6] ? `-${match[6].padStart(2, '0')}` : '';
    dates.push(`${year}${month}${day}`);
  }
  return dates;
}

/** Whether a written date ("2023", "2023-11", "2023-11-28") is wholly before an ISO date. */
export function dateBefore(written: string, iso: string): boolean {
  // Compare only the parts written: "2023-11" is before "2023-11-28" only if the whole month is.
  const parts = written.split('-');
  const bound = iso.split('-').slice(0, parts.length).join('-');
  return written < bound;
}

/**
 * For a table cell: its row's NFKC text with the cell's column header (「| 2022 | 4社 |」 under 「ガバメントクラウド
 * 事業者数」 reads as a whole); undefined outside tables. A row is read at most 500 characters around the offset.
 */
export function tableRowText(model: DocumentModel, offset: number): string | undefined {
  const block = model.kind === 'markdown' ? blockAt(model, offset) : undefined;
  if (!block?.table) {
    return undefined;
  }
  const line = model.markdown!.lines[block.table.line];
  const row = normalizedRange(model, Math.max(line.start, offset - CELL_REACH), Math.min(line.end, offset + CELL_REACH)).text;
  return `${block.table.headerText} ${row}`;
}
