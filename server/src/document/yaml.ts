/**
 * YAML document model: keys and scalar values at their exact source ranges, comments left out.
 */

import { isPair, isScalar, parseAllDocuments, Scalar, visit, type Document } from 'yaml';
import type { DocumentModel, Segment, SegmentKind } from './model';

/** Parses YAML text; offsets in the result are shifted by `offset` (used for Markdown front matter). */
export function yamlSegments(
  text: string,
  offset: number,
  keyKind: SegmentKind,
  valueKind: SegmentKind,
): { documents: Document.Parsed[]; segments: Segment[] } {
  const documents = parseAllDocuments(text, { keepSourceTokens: false, uniqueKeys: false });
  const parsed: Document.Parsed[] = Array.isArray(documents) ? documents : [];
  const segments: Segment[] = [];
  for (const document of parsed) {
    visit(document, {
      Scalar(key, node, path) {
        if (!node.range || typeof node.source !== 'string') {
          return;
        }
        let start = node.range[0];
        const end = node.range[1];
        if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
          // Skip the "|-" / ">" header line (and any comment on it).
          const newline = text.indexOf('\n', start);
          start = newline === -1 || newline >= end ? end : newline + 1;
        }
        if (start < end) {
          const keyPath: string[] = [];
          for (const ancestor of path) {
            if (isPair(ancestor) && ancestor.key !== node && isScalar(ancestor.key)) {
              keyPath.push(String(ancestor.key.value));
            }
          }
          segments.push({ start: start + offset, end: end + offset, kind: key === 'key' ? keyKind : valueKind, keyPath });
        }
      },
    });
  }
  segments.sort((a, b) => a.start - b.start);
  return { documents: parsed, segments };
}

export function parseYamlDocument(text: string): DocumentModel {
  const { documents, segments } = yamlSegments(text, 0, 'yaml-key', 'yaml-value');
  return { kind: 'yaml', text, segments, yaml: documents };
}
