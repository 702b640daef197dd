/** The rule registry: every rule the engine runs, in reporting order. */

import { classificationUnknownLevelRule } from './classification/unknownLevel';
import { controlOutdatedIsoNumberingRule } from './control/outdatedIsoNumbering';
import { controlUnknownIdRule } from './control/unknownId';
import { nonGovernmentDomainRule } from './domain/nonGovernmentDomain';
import { factIsmapCertificationRule } from './fact/ismapCertification';
import { factMovedUrlRule } from './fact/movedUrl';
import { factOutdatedCountRule } from './fact/outdatedCount';
import { govCloudOverseasRegionRule } from './govcloud/overseasRegion';
import { govCloudUnsupportedProviderRule } from './govcloud/unsupportedProvider';
import { ismapLiuScopeRule } from './ismap/liuScope';
import { ismapRenewalPeriodRule } from './ismap/renewalPeriod';
import { ismapUnregisteredServiceRule } from './ismap/unregisteredService';
import { limitsDocumentSizeRule } from './limits/documentSize';
import { privacyReportDeadlineRule } from './privacy/reportDeadline';
import { privacyReportThresholdRule } from './privacy/reportThreshold';
import { profileSchemaRule } from './profile/schema';
import type { Rule } from './rule';
import { termDeprecatedRule } from './term/deprecated';
import { termVariantRule } from './term/variant';

export const allRules: readonly Rule[] = [
  ismapUnregisteredServiceRule,
  ismapLiuScopeRule,
  ismapRenewalPeriodRule,
  govCloudUnsupportedProviderRule,
  govCloudOverseasRegionRule,
  classificationUnknownLevelRule,
  privacyReportThresholdRule,
  privacyReportDeadlineRule,
  controlUnknownIdRule,
  controlOutdatedIsoNumberingRule,
  termDeprecatedRule,
  termVariantRule,
  factIsmapCertificationRule,
  factMovedUrlRule,
  factOutdatedCountRule,
  nonGovernmentDomainRule,
  profileSchemaRule,
  limitsDocumentSizeRule,
];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.id === id);
}
