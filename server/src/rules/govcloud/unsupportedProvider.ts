/**
 * govcloud/unsupported-provider — a system said to run on ガバメントクラウド whose platform is a cloud that the
 * catalogue does not record as a ガバメントクラウド service (Alibaba Cloud, IBM Cloud, Heroku …).
 *
 * A provider counts as a ガバメントクラウド provider when any catalogue service of the same provider company
 * has a `govCloud` status (so Firebase, a Google service, is not reported). さくらのクラウド is recorded as a
 * conditional selection with medium confidence and is never reported; the hover shows that status.
 *
 * Only IaaS/PaaS services are considered (a SaaS used next to the system is not its platform), and only where
 * the text names the service as the system's platform: in a YAML/front-matter value under a platform key
 * (`cloud: {provider: …}`, `platform:`), or in a sentence that builds or runs the system on it. Rejected
 * candidates, comparisons, the system migrated from and linked external systems are not reported, nor a
 * service used for one function of the system (「全文検索機能には Elastic Cloud を利用し」「メール配信は X で行う」):
 * it is where that function's data goes, which ismap/unregistered-service weighs, not where the system runs.
 */

import { PLATFORM_STATEMENT, servesOneFunction } from '../../context/platformStatement';
import type { DocumentModel } from '../../document/model';
import { segmentAt } from '../../document/sentences';
import type { ServiceEntry } from '../../services/types';
import { normalizedIndex, normalizeKey } from '../../text/normalize';
import { normalizedRange } from '../../document/normalized';
import { clauseAround } from '../../context/privacyScope';
import type { Finding, Rule } from '../rule';
import { labelledRole, labelledServiceMentions, serviceMentions } from '../../context/serviceUsage';
import { sentenceSpan } from '../../document/sentences';

/** A key under which a value names the system's platform. */
const PLATFORM_KEY = /platform|基盤|cloud|クラウド|provider|プロバイダ|事業者|iaas|paas|infrastructure|インフラ|hosting|ホスティング|稼働環境/i;
/** A key under which a named cloud is not the system's platform. */
const NOT_PLATFORM_KEY =
  /candidate|候補|alternative|comparison|比較|rejected|不採用|excluded|legacy|previous|current|現行|旧|移行元|^from$|^source$|saas|external|外部|連携|integration|ismap|example|例/i;
/** A sentence about hosting the system. */
const HOSTING =
  /ガバメントクラウド|構築|稼働|基盤|移行|ホスティング|配信|公開|IaaS|PaaS|インフラ|クラウドサービス|クラウド環境|クラウド事業者|サーバ|\b(?:Government Cloud|hosting|hosted|served|runs?|running|deployed|deploy|infrastructure|platform|servers?|built)\b/i;
/** 「基盤は X」「クラウド事業者として X」: the service is stated as the platform without a verb cue. */
const PLATFORM_SUBJECT = /(?:基盤|クラウド|クラウドサービス|クラウド事業者|事業者|プロバイダ|稼働環境|IaaS|PaaS)(?:は|として|:|：)/;
/** The sentence does not make the service the platform: it compares, rejects, excludes or only suggests. */
const NOT_PLATFORM =
  /比較|候補|検討|不採用|採用しない|採用せず|利用しない|利用せず|使用しない|使用せず|ではなく|でなく|以外|除く|対象外|禁止|不可|例えば|参考|\b(?:instead of|rather than|compared?|comparison|candidates?|alternatives?|not|no longer|except|e\.g\.|for example)\b/i;
/**
 * The clause holding the service makes it another system's or the past one's: 「現行システムはX上で稼働しており、」
 * 「Xと連携する」. Read in the service's own clause only: 「現行事業者の提案により、ガバメントクラウド上のXで稼働させる」
 * names the current vendor, not a current platform.
 */
const NOT_PLATFORM_CLAUSE =
  /連携|接続|併用|別途|外部の|移行元|現行|現在|従来|旧|していた|であった|\b(?:legacy|previously|formerly|currently|connects?|integrat(?:es?|ion)|(?<!\b(?:served|hosted|delivered|published|deployed)\s)from)\b/i;
/** Right after the service: the system is moved away from it (「IBM Cloud から移行」). */
const SOURCE_AFTER = /^\s*[)）]?\s*(?:から|より)/;
/** After the service, the system moves to ガバメントクラウド: the service is where it comes from. */
const MOVES_TO_GOV_CLOUD = /ガバメントクラウド(?:上)?(?:へ|に)(?:の)?(?:移行|移設|移転)/;

export const govCloudUnsupportedProviderRule: Rule = {
  id: 'govcloud/unsupported-provider',
  defaultSeverity: 'error',
  // Runs everywhere: a design memo or notes that put the system on ガバメントクラウド and its hosting elsewhere
  // contradict themselves as a specification would; outside a specification the finding is a warning.
  procurementOnly: false,
  scope: 'document',
  description: 'ガバメントクラウド上のシステムに、ガバメントクラウドのクラウドサービスではない基盤を指定 (a provider that is not a Government Cloud provider).',
  check({ model, knowledge, services, terms, context }) {
    if (!context.platform.govCloud) {
      return [];
    }
    const govCloudServices = knowledge.services.filter((service) => service.govCloud);
    const govCloudCount = govCloudServices.length;
    const govCloudCompanies = new Set(govCloudServices.map((service) => service.provider));
    const eligible = (service: ServiceEntry) =>
      !service.govCloud &&
      !govCloudCompanies.has(service.provider) &&
      service.kind.some((kind) => kind === 'IaaS' || kind === 'PaaS');
    const found = serviceMentions({ services, terms, knowledge });
    // Names that are ordinary words (Render) count where a label says they host the system (「本番環境: Render」).
    const mentions = [...found, ...labelledServiceMentions(model, knowledge, found)]
      .filter((mention) => eligible(mention.service))
      .sort((a, b) => a.start - b.start);

    const findings: Finding[] = [];
    const reported = new Set<ServiceEntry>();
    for (const mention of mentions) {
      if (reported.has(mention.service) || !namedAsPlatform(model, mention.start, mention.end)) {
        continue;
      }
      reported.add(mention.service);
      const surface = model.text.slice(mention.start, mention.end);
      const { name } = mention.service;
      const who = surface === name ? `「${surface}」` : `「${surface}」（${name}）`;
      const whoEn = surface === name ? `"${surface}"` : `"${surface}" (${name})`;
      findings.push({
        ruleId: this.id,
        severity: context.profile === 'procurement' ? this.defaultSeverity : 'warning',
        message: {
          ja: `ガバメントクラウド外の基盤: ${who}はカタログのガバメントクラウド${govCloudCount}サービスにありません`,
          en: `${whoEn} is not one of the ${govCloudCount} Government Cloud services in the service catalogue.`,
        },
        start: mention.start,
        end: mention.end,
      });
    }
    return findings;
  },
};

/** Whether the mention names the system's platform (see the file comment). */
function namedAsPlatform(model: DocumentModel, start: number, end: number): boolean {
  const segment = segmentAt(model.segments, start);
  if (!segment || segment.kind === 'heading' || segment.kind === 'yaml-key') {
    return false;
  }
  if (segment.keyPath !== undefined) {
    return segment.keyPath.some((key) => PLATFORM_KEY.test(key)) && !segment.keyPath.some((key) => NOT_PLATFORM_KEY.test(key));
  }
  const [first, last] = sentenceSpan(model, start, end);
  const normalized = normalizedRange(model, first, last);
  const sentence = normalized.text;
  // A terse note's label that says the service hosts the system: 「本番環境: Render」「Hosting: Render」.
  if (segment.kind === 'prose' && labelledRole(model, start) === 'hosting' && !NOT_PLATFORM.test(sentence)) {
    return true;
  }
  const after = normalizeKey(model.text.slice(end, last));
  const at = normalizedIndex(normalized, start);
  const [clauseStart, clauseEnd] = clauseAround(sentence, at);
  if (
    servesOneFunction(sentence.slice(clauseStart, at), sentence.slice(normalizedIndex(normalized, end), clauseEnd)) ||
    !HOSTING.test(sentence) ||
    NOT_PLATFORM.test(sentence) ||
    NOT_PLATFORM_CLAUSE.test(sentence.slice(clauseStart, clauseEnd)) ||
    SOURCE_AFTER.test(after) ||
    MOVES_TO_GOV_CLOUD.test(after)
  ) {
    return false;
  }
  return segment.kind === 'table' || PLATFORM_STATEMENT.test(sentence) || PLATFORM_SUBJECT.test(sentence);
}
