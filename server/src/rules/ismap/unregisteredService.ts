/**
 * ismap/unregistered-service — a cloud service from the catalogue that the document uses for its system and
 * that the loaded ISMAP list does not hold. The list may be partial (the bundled one is), so the message never
 * says "not registered": it says "not found in the ISMAP list loaded (<name>, as of <date>, <N> services[,
 * partial])", as ismapStatus words it, and names what the catalogue's sources report about the service.
 *
 * Not reported: services on the list; a service named only as a rejected candidate, in a comparison, in a
 * history or a market overview (see usage.ts); documents whose sector is given as private.
 */

import { ismapStatus, type IsmapStatus } from '../../services/status';
import type { ServiceEntry } from '../../services/types';
import { normalizeKey } from '../../text/normalize';
import type { Finding, Rule } from '../rule';
import { documentIndex, serviceMentions, usageOf } from '../../context/serviceUsage';

function messageFor(surface: string, service: ServiceEntry, status: IsmapStatus): string {
  const sameName = normalizeKey(surface) === normalizeKey(service.name);
  const named = sameName ? `「${surface}」` : `「${surface}」（${service.name}）`;
  const namedEn = sameName ? `"${surface}"` : `"${surface}" (${service.name})`;
  // What the catalogue's sources report (never counted as "found": the list is the reference).
  const reported = service.ismap.find((fact) => fact.program === 'ISMAP') ?? service.ismap[0];
  const noteJa = reported
    ? `。サービスカタログの資料は「${reported.listedName}」の${reported.program}登録を伝えています。公式のISMAPクラウドサービスリストで確認してください`
    : '';
  const noteEn = reported
    ? `; the catalogue's sources report ${reported.program} registration of "${reported.listedName}" — check the official ISMAP Cloud Service List`
    : '';
  return `ISMAPリスト: ${named}は${status.text.ja}${noteJa} (${namedEn} is ${status.text.en}${noteEn})`;
}

export const ismapUnregisteredServiceRule: Rule = {
  id: 'ismap/unregistered-service',
  defaultSeverity: 'warning',
  procurementOnly: true,
  description: 'Cloud service used for the system but not found in the loaded ISMAP list (names the list and its as-of date).',
  check(input) {
    const { context, knowledge, model } = input;
    // ISMAP is for government procurement; a document that declares itself a private business's is out of scope.
    if (context.sector === 'private' && context.sectorEvidence === undefined) {
      return [];
    }
    const list = knowledge.ismapList;
    const statuses = new Map<string, IsmapStatus>();
    const index = documentIndex(model);
    const findings: Finding[] = [];
    const messages = new Map<string, string>();
    for (const mention of serviceMentions(input)) {
      let status = statuses.get(mention.service.id);
      if (!status) {
        status = ismapStatus(mention.service, list);
        statuses.set(mention.service.id, status);
      }
      if (status.found || usageOf(index, mention) !== 'used') {
        continue;
      }
      const { service } = mention;
      const cacheKey = `${service.id}\u0000${mention.surface}`;
      let message = messages.get(cacheKey);
      if (message === undefined) {
        message = messageFor(mention.surface, service, status);
        messages.set(cacheKey, message);
      }
      // A partial list cannot contradict a registration that a source reports: that case is only a hint to
      // check the official list (govsec ismap import); everything else is a warning.
      const reportedRegistered = service.ismap.some((fact) => fact.program === 'ISMAP' && fact.sources.length > 0);
      findings.push({
        ruleId: this.id,
        severity: list.partial && reportedRegistered ? 'information' : this.defaultSeverity,
        message,
        start: mention.start,
        end: mention.end,
      });
    }
    return findings;
  },
};
