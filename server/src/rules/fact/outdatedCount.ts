/**
 * fact/outdated-count — a count that has changed, stated as current:
 * - the standardisation of local-government systems (地方公共団体情報システムの標準化) covers 20 業務, not 17
 *   (17業務, 17の基幹業務, "17 core business systems"); glossary `local-gov-standardization`;
 * - ガバメントクラウド has 5 providers, not 4 (4社, 4つのクラウド, "four providers"): さくらのクラウド was selected
 *   on 2023-11-28 (on conditions, reported as met in 2026); glossary `gov-cloud`, `sakura-cloud`.
 *
 * A count is read only where the statement is about that programme (a standardisation cue in the paragraph; the
 * Government Cloud named in the sentence, or in the sentence before it in the paragraph when this one says what
 * is counted: 「…ガバメントクラウドを利用する。提供事業者は4社である。」, or states the count as of now: 「…現在は4社である。」).
 * Quiet where it is history — 当初, a year before the change (or its year, unless 現在), past tense,
 * a 沿革 section (context/historical.ts), a document dated before the change — where the sentence gives the new
 * count too (17業務から20業務に), for the four foreign providers (外資系4社), and in quotations and questions.
 */

import type { Bilingual } from '../../language';
import { dateBefore, isQuestion, isQuizChoice, isQuoted, statementText, tableRowText, wordingMatches, writtenDates } from '../../context/claims';
import { historicalReason } from '../../context/historical';
import { blockAt, headingsAt } from '../../document/blocks';
import { normalizedRange } from '../../document/normalized';
import { paragraphAt, splitSentences } from '../../document/sentences';
import type { DocumentModel } from '../../document/model';
import { replacementFix, type Finding, type Rule } from '../rule';

interface CountFact {
  /** The outdated wording, on NFKC text; group 1 is the number as written. */
  readonly wording: RegExp;
  /** The paragraph (or, with `cueInSentence`, the sentence) must be about the programme. */
  readonly cue: RegExp;
  readonly cueInSentence: boolean;
  /** The sentence gives the current count or otherwise explains the change. */
  readonly current: RegExp;
  /** Words that make the count right in its place (外資系4社: four of the five are foreign). */
  readonly quiet?: RegExp;
  /** The sentence, the programme's own name left out, must say what is counted (提供事業者, CSP, AWS …). */
  readonly counted?: RegExp;
  /**
   * With `cueInSentence`: the count sentence may take the programme from the sentence before it in its paragraph
   * (「…ガバメントクラウドを利用する。提供事業者は4社である。」) when it says this of what is counted.
   */
  readonly followCounted?: RegExp;
  /** The date the count changed: a written date before it, or a document dated before it, is history. */
  readonly changedOn: string;
  /** The number that replaces the written one, by how it was written. */
  readonly replace: (written: string) => string;
  readonly message: Bilingual;
}

const FACTS: readonly CountFact[] = [
  {
    wording:
      /(?<![0-9.])(17)\s*(?:の\s*)?(?:標準化対象|基幹|対象)?\s*(?:業務|事務)(?!所)|\b(17|seventeen)\s+(?:(?:core|key|basic|standard(?:ised|ized)?)\s+)+(?:business\s+)?(?:systems|areas|processes|operations|functions|applications|services)\b|\b(17|seventeen)\s+business\s+(?:systems|areas|processes|operations|functions|applications)\b/gi,
    cue: /標準化|標準準拠|基幹業務|基幹系|ガバメントクラウド|ガバクラ|standardi[sz]|core business|Government Cloud/i,
    cueInSentence: false,
    current: /20\s*(?:の\s*)?(?:標準化対象|基幹|対象)?\s*(?:業務|事務)|\b(?:20|twenty)\s+(?:\w+\s+){0,2}(?:systems|areas|processes|operations|functions)|ではなく|でなく|誤り|誤記|not 17|増え|追加|加わ|added|expanded|increased/i,
    // The law named 17 業務 at first; the 20 業務 specifications were complete by the end of August 2022.
    changedOn: '2022',
    replace: (written) => (/seventeen/i.test(written) ? written.replace(/seventeen/i, (word) => (word[0] === 'S' ? 'Twenty' : 'twenty')) : written.replace(/17|１７/, '20')),
    message: {
      ja: '地方公共団体情報システムの標準化の対象は17業務ではなく20業務です',
      en: 'The standardisation of local-government systems covers 20 business areas, not 17.',
    },
  },
  {
    wording:
      /(?<![0-9.])([4４四])\s*(?:社|事業者|(?:つの\s*)?(?:クラウド(?:サービス|事業者)?|CSP|プロバイダー?|ベンダー?)|つの\s*(?:事業者|サービス))|(?<=(?:クラウド(?:サービス)?|CSP|事業者|プロバイダー?|ベンダー?)(?:の数)?(?:は|が)(?:現在|現時点で|今)?[、,]?\s*)([4４四])\s*つ(?![のめ])|\b(4|four)\s+(?:(?:cloud|selected|approved|certified|public|major|commercial|hyperscale|designated|eligible|qualified|accredited|authori[sz]ed|participating|registered|government|gov(?:ernment)?[- ]?cloud|service)\s+){0,3}(?:providers|vendors|CSPs|clouds|hyperscalers|platforms|companies|firms|suppliers|operators)\b/gi,
    cue: /ガバメントクラウド|ガバクラ|Government Cloud|Gov(?:ernment)?[- ]?Cloud|政府クラウド/i,
    cueInSentence: true,
    current: /[5５五]\s*(?:社|事業者|つの)|\b(?:5|five)\s+(?:\w+\s+)?(?:providers|vendors|CSPs|clouds)|さくら|Sakura|ではなく|でなく|誤り|誤記|not four|not 4/i,
    quiet: /外資|海外|米国|外国|国外|候補|比較|foreign|US-based|American|overseas|shortlist|compared/i,
    followCounted: /提供|クラウド(?:サービス|事業者|プロバイダ|ベンダ)|CSP|採択|(?:service\s+)?providers?\b|vendors?\b|hyperscalers/i,
    counted: /提供|事業者|採択|CSP|クラウド|プロバイダ|ベンダ|providers?|vendors?|clouds?\b|companies|firms|suppliers|operators|AWS|Azure|Google|Oracle|OCI|のうち|いずれか|から選|選定|選ばれ|selected/i,
    changedOn: '2023-11-28',
    replace: (written) => written.replace(/[4４四]|four|Four/, (digit) => (digit === 'four' ? 'five' : digit === 'Four' ? 'Five' : '5')),
    message: {
      ja: 'ガバメントクラウドの提供事業者は4社ではなく5社です（2023年11月28日にさくらのクラウドを条件付きで採択）',
      en: 'The Government Cloud has five providers, not four, since 2023-11-28.',
    },
  },
];

/**
 * The sentence before the one at `offset` in its paragraph (NFKC), for a claim spread over two sentences; undefined
 * at a paragraph's first sentence, in a table, a heading or YAML.
 */
function previousSentence(model: DocumentModel, offset: number): string | undefined {
  const block = model.kind === 'markdown' ? blockAt(model, offset) : undefined;
  if (!block || block.kind !== 'paragraph') {
    return undefined;
  }
  const sentences = splitSentences(model.text, block.start, block.end);
  const at = sentences.findIndex((sentence) => offset < sentence.end);
  return at > 0 ? normalizedRange(model, sentences[at - 1].start, sentences[at - 1].end).text : undefined;
}

/** Words that put a count in the past whatever the verb: the programme's first count. */
const ORIGINAL = /当初|発足時|開始時|初期|originally|initially|at first|at the outset|at launch/i;

/** Characters either side of a count read for the words that make it right (外資系4社, "compared four providers"). */
const QUIET_REACH = 24;

/** The text around a count up to QUIET_REACH characters, not past a sentence or clause end. */
function clauseAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - QUIET_REACH), start).split(/[。．.;；!?！？\n]|,\s+(?:and|but)\s/).pop() ?? '';
  const after = text.slice(end, end + QUIET_REACH).split(/[。．.;；!?！？\n]|,\s+(?:and|but)\s/)[0];
  return `${before}${text.slice(start, end)}${after}`;
}

/** Words that state a count as of now; not 「2023年度現在」, which dates it. */
const PRESENT = /(?<![年度月日]\s*)現在|現時点|目下|\b(?:currently|at present|now|today|as of today)\b/i;

/** A count of the vendors building or running the system, not of the programme's providers (構築事業者は4社から選定). */
const OTHER_PARTY = /(?:構築|運用|保守|開発|委託|受託|設計|移行|監査|調達|入札|応札)(?:事業者|業者|ベンダー?|会社|先)|共同企業体|\bJV\b|bidders?|contractors?|integrators?/i;

/** Whether the statement at `start` reads the count as history (see historical.ts; a written date before the change). */
function isHistory(model: DocumentModel, start: number, end: number, statement: string, fact: CountFact): boolean {
  // A date in the year of the change reads as history too unless the statement says now: 「2023年度時点では4社」
  // may be before 2023-11-28, 「2023年度に移行した。提供事業者は現在4社である。」 is not.
  const sameYearIsHistory = !PRESENT.test(statement);
  const historyDate = (date: string) => dateBefore(date, fact.changedOn) || (sameYearIsHistory && fact.changedOn.startsWith(date));
  if (ORIGINAL.test(statement) || writtenDates(statement).some(historyDate)) {
    return true;
  }
  const reason = historicalReason(
    { start, end, surface: model.text.slice(start, end), segmentKind: model.kind === 'yaml' ? 'yaml-value' : undefined },
    { model, sections: headingsAt(model, start), successorIds: new Set(), terms: [], supersededOn: fact.changedOn, pastOnly: true },
  );
  return reason !== undefined;
}

export const factOutdatedCountRule: Rule = {
  id: 'fact/outdated-count',
  defaultSeverity: 'warning',
  procurementOnly: false,
  scope: 'section',
  description: '変わった数の記載（標準化対象は20業務、ガバメントクラウドは5社） (an outdated count: 20 standardised business areas, five Government Cloud providers).',
  check({ model, context }) {
    const findings: Finding[] = [];
    for (const fact of FACTS) {
      if (context.date && dateBefore(context.date, fact.changedOn)) {
        continue;
      }
      for (const match of wordingMatches(model, fact.wording)) {
        // A table cell is read with its row and its column's header (| 2022 | 4社 | under ガバメントクラウド事業者数).
        let statement = tableRowText(model, match.start) ?? statementText(model, match.start);
        const paragraph = paragraphAt(model, match.start);
        let about = fact.cueInSentence ? statement : normalizedRange(model, paragraph.start, paragraph.end).text;
        if (!fact.cue.test(about) && fact.followCounted) {
          // The programme in the sentence before, the count in this one: one claim, read as one statement — when
          // this one says what is counted, or states the count as of now (「…ガバメントクラウドの提供事業者を整理
          // する。現在は4社である。」「…ガバメントクラウド上に構築する。現在は4社から選べる。」).
          const previous = previousSentence(model, match.start);
          const follows =
            previous !== undefined &&
            fact.cue.test(previous) &&
            (fact.followCounted.test(statement) ||
              (PRESENT.test(statement) && !OTHER_PARTY.test(statement) && (fact.followCounted.test(previous) || (fact.counted?.test(statement) ?? false))));
          if (follows) {
            statement = `${previous}${statement}`;
            about = statement;
          }
        }
        if (!fact.cue.test(about) || fact.current.test(statement) || fact.quiet?.test(clauseAround(model.text, match.start, match.end)) || isQuestion(statementText(model, match.start)) || isQuizChoice(model, match.start)) {
          continue;
        }
        if (fact.counted && !fact.counted.test(statement.replace(new RegExp(fact.cue.source, 'gi'), ''))) {
          continue;
        }
        if (isQuoted(model, match.start, match.end) || isHistory(model, match.start, match.end, statement, fact)) {
          continue;
        }
        const written = model.text.slice(match.start, match.end);
        const replacement = fact.replace(written);
        findings.push({
          ruleId: this.id,
          severity: this.defaultSeverity,
          message: fact.message,
          start: match.start,
          end: match.end,
          fix: replacementFix(replacement),
        });
      }
    }
    findings.sort((a, b) => a.start - b.start);
    return findings;
  },
};
