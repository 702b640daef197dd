/**
 * ismap/unregistered-service — a cloud service from the catalogue that the document uses for its system and
 * whose registration is not shown (ismapAssessment): missing from the partial bundled list with no source
 * either way (information: check the official list), missing from an imported official list (warning), or
 * reported not registered by a source (warning naming it). Registered services — on the list, or reported
 * registered by a source while the list is partial — have no finding.
 *
 * Not reported: services on the list; a service named only as a rejected candidate, in a comparison, in a
 * history or a market overview (see usage.ts); documents whose sector is given as private.
 */

import { ismapAssessment, unregisteredFinding, type IsmapAssessment } from '../../services/status';
import type { ServiceEntry } from '../../services/types';
import { normalizeKey } from '../../text/normalize';
import type { Finding, Rule } from '../rule';
import { documentIndex, serviceMentions, usageOf } from '../../context/serviceUsage';

function named(surface: string, service: ServiceEntry) {
  const sameName = normalizeKey(surface) === normalizeKey(service.name);
  return sameName ? { ja: `「${surface}」`, en: `"${surface}"` } : { ja: `「${surface}」（${service.name}）`, en: `"${surface}" (${service.name})` };
}

export const ismapUnregisteredServiceRule: Rule = {
  id: 'ismap/unregistered-service',
  defaultSeverity: 'warning',
  procurementOnly: true,
  description:
    'Cloud service used for the system whose ISMAP registration is not shown: a prompt when the partial list lacks it, a warning when an imported list lacks it or a source reports it unregistered.',
  check(input) {
    const { context, knowledge, model } = input;
    // ISMAP is for government procurement; a document that declares itself a private business's is out of scope.
    if (context.sector === 'private' && (context.sectorEvidence === undefined || context.sectorEvidence.source === 'front-matter' || context.sectorEvidence.source === 'yaml')) {
      return [];
    }
    const list = knowledge.ismapList;
    const assessments = new Map<string, IsmapAssessment>();
    const index = documentIndex(model);
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
      findings.push({
        ruleId: this.id,
        // Only what a source or a complete list says is worth a warning; a gap in the partial list is a prompt.
        severity: finding.severity === 'warning' ? this.defaultSeverity : finding.severity,
        message: finding.text,
        start: mention.start,
        end: mention.end,
      });
    }
    return findings;
  },
};
