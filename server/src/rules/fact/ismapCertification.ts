/**
 * fact/ismap-certification — ISMAP called a certification (ISMAP認証, ISMAPの認証を受けた, ISMAP認定, ISMAP取得済み,
 * "ISMAP certified") or given a level (ISMAPレベル2, ISMAPのレベル3, "ISMAP Level 2"). ISMAP evaluates cloud
 * services and registers them on the ISMAP cloud service list; it certifies nothing and has no levels
 * (glossary entries `ismap`, `ismap-cloud-service-list`).
 *
 * Only 認証 that refers to ISMAP itself is read: ISMAP right before it (「ISMAP認証」「ISMAPの仮認証」), never 認証 in
 * another sense nearby (多要素認証, 認証基盤, ISO/IEC 27001認証). Quiet where the writer does not assert it: inside
 * a quotation (「ISMAP認証」という表現, Do not write 'ISMAP certification'), in a question (Q: lines, 質問 cells), in a sentence that corrects it (認証ではなく登録, 登録制度,
 * 誤り, "does not certify"), in a quoted excerpt of a draft (> … under ## 原文の抜粋), ISMAP-LIU.
 * A table cell is read with its column header and its row's label: 認証済み under a column 「ISMAP」 or in the row
 * 「| ISMAP | 認証済 |」 is the same claim.
 */

import type { Bilingual } from '../../language';
import { inQuotedExcerpt, isQuestion, isQuizChoice, isQuoted, mentionedAsWord, questionAt, statementText, tableRowText, wordingMatches } from '../../context/claims';
import { rowCells } from '../../document/blocks';
import { normalizedRange } from '../../document/normalized';
import { replacementFix, type Finding, type Rule } from '../rule';

/** 認証 that names an authentication function, not a certification of ISMAP (ISMAPの認証基盤 is not a claim about ISMAP). */
const NOT_CERTIFICATION = '(?!基盤|方式|機能|連携|情報|サーバ|手段|要素|局|コード|画面|処理|キー)';
/**
 * The wordings, on NFKC text. Group 1: a certification (Japanese); 2: a level (Japanese or English);
 * 3: a certification (English).
 */
const ISMAP = '(?:ISMAP(?!\\s*-?\\s*LIU)\\s*(?:\\([^()]{1,40}\\)\\s*)?)';
const WORDING = new RegExp(
  [
    `(${ISMAP}(?:(?:の|による|での)\\s*)?(?:仮|正式)?(?:認証${NOT_CERTIFICATION}|認定)(?:取得)?(?:済み?)?|${ISMAP}(?:に|で)\\s*(?:認証|認定)され|${ISMAP}(?:を)?取得済み?)`,
    `(${ISMAP}(?:の\\s*)?(?:レベル|[Ll]evel|LEVEL)\\s*[0-9]*)`,
    '(\\bISMAP(?!\\s*-?\\s*LIU)[- ]?(?:certifi\\w*|accredit\\w*)|\\bcertifi\\w*\\s+(?:under|by|with)\\s+ISMAP\\b)',
  ].join('|'),
  'g',
);

/** A sentence that corrects or explains the wording rather than asserting it. */
const CORRECTION =
  /認証(?:制度)?(?:では|じゃ)(?:なく|ない|ありません)|登録(?:の)?制度|誤り|誤記|誤解|誤用|混同|不正確|正確には|正しくは|俗に|通称|いわゆる|という(?:表現|言い方|用語|呼び方)|との(?:表現|記載)|(?:とも|と)呼ば|存在し(?:ない|ません|ていない)|wrongly|mistakenly|misnomer|(?:does|do) not certify|doesn't certify|not a certification|no levels?\b|rather than (?:a )?certif|is a registration/i;

/**
 * The exact replacements: 「ISMAP認証」 → 「ISMAP登録」, 「ISMAP認証済み」「ISMAP認証取得済み」 → 「ISMAP登録済み」. Not before
 * を取得 or を受け (「ISMAP登録を取得した」 is not how a registration is said).
 */
function replacementOf(written: string, after: string): string | undefined {
  if (/^ISMAP認証(?:取得)?済み?$/.test(written)) {
    return 'ISMAP登録済み';
  }
  return written === 'ISMAP認証' && !/^\s*を\s*(?:取得|受け)/.test(after) ? 'ISMAP登録' : undefined;
}

const CERTIFICATION_MESSAGE: Bilingual = {
  ja: 'ISMAPは認証ではなく登録の制度のため、「ISMAP登録」と書きます',
  en: 'ISMAP registers cloud services, it does not certify them: write "ISMAP-registered".',
};
const LEVEL_MESSAGE: Bilingual = {
  ja: 'ISMAPにレベルはなく、クラウドサービスリストに登録されているかどうかだけです',
  en: 'ISMAP has no levels: a service is on the ISMAP cloud service list or not.',
};

/** A YAML key that names ISMAP (ismap, ismap_status, ISMAP対応), not ISMAP-LIU. */
const ISMAP_KEY = /ismap(?![-_ ]?liu)/i;
/** A YAML key under ISMAP that asks for a level (ismap_level, ismap: {level: 2}, ISMAPレベル). */
const LEVEL_KEY = /level|レベル|lv/i;
/** A YAML value under an ISMAP key that says certified. */
const CERTIFIED_VALUE = /^(?:certified|certification|認証(?:取得)?済み?|認証取得|認定(?:済み?)?)$/i;

/** A table cell's value with its decoration taken off: emphasis, check marks, a trailing note in brackets. */
function cellValue(text: string): string {
  return text
    .replace(/\*\*|__/g, '')
    .replace(/^[\s✓✔〇○◯●]+/, '')
    .replace(/\s*[(（][^()（）]*[)）]\s*$/, '')
    .trim();
}

export const factIsmapCertificationRule: Rule = {
  id: 'fact/ismap-certification',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'section',
  description: 'ISMAPを認証制度と呼ぶ、又はレベルがあるとする記載 (ISMAP called a certification or given a level; it is a registration).',
  check({ model }) {
    const findings: Finding[] = [];
    for (const match of wordingMatches(model, WORDING)) {
      if (isQuoted(model, match.start, match.end) || mentionedAsWord(model, match.start, match.end) || inQuotedExcerpt(model, match.start)) {
        continue;
      }
      const statement = statementText(model, match.start);
      if (isQuestion(statement) || questionAt(model, match.start) || isQuizChoice(model, match.start) || CORRECTION.test(statement)) {
        continue;
      }
      const level = match.groups[1] !== undefined;
      // The fix is offered only where the written text has an exact registered form (written without a space).
      const replacement = level ? undefined : replacementOf(match.normalized, model.text.slice(match.end, match.end + 8));
      findings.push({
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: level ? LEVEL_MESSAGE : CERTIFICATION_MESSAGE,
        start: match.start,
        end: match.end,
        ...(replacement ? { fix: replacementFix(replacement) } : {}),
      });
    }
    // YAML: the key names ISMAP and the value alone says certified or gives the level (`ismap: certified`, `ismap_level: 2`).
    for (const scalar of model.scalars) {
      const keys = scalar.keyPath ?? [];
      const key = keys[keys.length - 1] ?? '';
      if (scalar.kind !== 'yaml-value' || !keys.some((name) => ISMAP_KEY.test(name))) {
        continue;
      }
      const value = normalizedRange(model, scalar.start, scalar.end).text.trim();
      const level = LEVEL_KEY.test(key) && !/^(?:|null|none|~|-|n\/a|なし|該当なし)$/i.test(value);
      if (!level && !CERTIFIED_VALUE.test(value)) {
        continue;
      }
      findings.push({ ruleId: this.id, severity: this.defaultSeverity, message: level ? LEVEL_MESSAGE : CERTIFICATION_MESSAGE, start: scalar.start, end: scalar.end });
    }
    // Tables: a cell that says certified, read with its column header or its row's label naming ISMAP
    // (「| ISMAP | 認証済 |」, a column 「ISMAP」 with a cell 「認証済み」).
    const blocks = model.markdown?.blocks ?? [];
    blocks.forEach((block, index) => {
      if (block.kind !== 'table-cell' || !block.table || block.table.header || block.example || block.quoteDepth > 0) {
        return;
      }
      const value = cellValue(normalizedRange(model, block.start, block.end).text);
      if (!CERTIFIED_VALUE.test(value)) {
        return;
      }
      const label = rowCells(model, index).find((cell) => cell.table!.column === 0);
      const labelText = label && label !== block ? normalizedRange(model, label.start, label.end).text : '';
      if (!ISMAP_KEY.test(block.table.headerText.normalize('NFKC')) && !ISMAP_KEY.test(labelText)) {
        return;
      }
      if (CORRECTION.test(tableRowText(model, block.start) ?? '')) {
        return;
      }
      // The finding covers the words, not the emphasis around them.
      const raw = model.text.slice(block.start, block.end);
      const lead = /^(?:\*\*|__)?/.exec(raw)![0].length;
      const trail = /(?:\*\*|__)?$/.exec(raw.slice(lead))![0].length;
      findings.push({ ruleId: this.id, severity: this.defaultSeverity, message: CERTIFICATION_MESSAGE, start: block.start + lead, end: block.end - trail });
    });
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
