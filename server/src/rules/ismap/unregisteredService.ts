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
 * information.
 */

import { ismapAssessment, unregisteredFinding, type IsmapAssessment } from '../../services/status';
import type { ServiceEntry } from '../../services/types';
import { normalizeKey } from '../../text/normalize';
import type { Finding, Rule } from '../rule';
import { segmentAt } from '../../document/sentences';
import { documentIndex, serviceMentions, usageOf, yamlRecords, type DocumentIndex, type ServiceMention } from '../../context/serviceUsage';

/** A statement that data goes to the service: personal data, graded information, records, files, a site. */
const DATA_CUE =
  /データ|情報|個人|氏名|住所|連絡先|生年月日|記録|申請|申込|案文|資料|ファイル|バックアップ|サイト|ページ|コンテンツ|\b(?:data|records?|files?|site|pages?|assets|content|backups?)\b/i;
/** The statement places the service on ISMAP-LIU (「ISMAP-LIU登録のSaaS」, `program: ISMAP-LIU`), not negated. */
const LIU_PLACED = /ISMAP-LIU(?![^、。,]{0,12}?(?:ではな|でな|以外|対象外|未登録))/i;

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
    if (!procurement && context.sector !== 'national' && context.sector !== 'local') {
      return [];
    }
    const list = knowledge.ismapList;
    const liuListed = list.entries.some((entry) => entry.program === 'ISMAP-LIU');
    const assessments = new Map<string, IsmapAssessment>();
    const index = documentIndex(model);
    const records = index.memo('yaml-records', () => yamlRecords(model));
    const findings: Finding[] = [];
    for (const mention of serviceMentions(input)) {
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
      if (!procurement && !DATA_CUE.test(statement)) {
        continue;
      }
      // A list without ISMAP-LIU entries says nothing about an ISMAP-LIU registration; ismap/liu-scope reads the use.
      if (!liuListed && assessment.state !== 'reported-not-registered' && LIU_PLACED.test(statement)) {
        continue;
      }
      findings.push({
        ruleId: this.id,
        // Only what a source or a complete list says is worth a warning; a gap in the partial list is a prompt.
        severity: finding.severity === 'warning' && procurement ? this.defaultSeverity : 'information',
        message: finding.text,
        start: mention.start,
        end: mention.end,
      });
    }
    return findings;
  },
};
