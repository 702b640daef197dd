/**
 * limits/document-size — a document longer than the engine's limit is checked up to the limit only; this
 * says so where the unchecked text begins, so that silence past it is never read as "no problems".
 */

import type { Rule } from '../rule';

export const limitsDocumentSizeRule: Rule = {
  id: 'limits/document-size',
  defaultSeverity: 'information',
  procurementOnly: false,
  scope: 'document',
  description: 'The document is longer than the checking limit: the text past the limit was not checked.',
  check({ model }) {
    const truncated = model.truncated;
    if (!truncated) {
      return [];
    }
    const checked = truncated.checkedLength.toLocaleString('en-US');
    return [
      {
        ruleId: this.id,
        severity: this.defaultSeverity,
        message: {
          ja: `未検査: 文書が長いため先頭の${checked}文字だけを検査しました（設定 maxDocumentLength）`,
          en: `Not checked: only the first ${checked} characters of this long document were checked (setting maxDocumentLength).`,
        },
        start: truncated.checkedLength,
        end: Math.min(truncated.totalLength, truncated.checkedLength + 1),
      },
    ];
  },
};
