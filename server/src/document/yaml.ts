/**
 * YAML document model: keys and scalar values at their exact source ranges, comments left out.
 */

import { Composer, isPair, isScalar, Parser, Scalar, visit, type CST, type Document } from 'yaml';
import { BARE_URL } from './urls';
import type { DocumentModel, Segment, SegmentKind, TextRange } from './model';

const URL_IN_SCALAR = new RegExp(BARE_URL.source, 'g');

/** Parses YAML text; offsets in the result are shifted by `offset` (used for Markdown front matter). */
export function yamlSegments(
  text: string,
  offset: number,
  keyKind: SegmentKind,
  valueKind: SegmentKind,
  tokens: readonly CST.Token[] = yamlTokens(text),
): { documents: Document.Parsed[]; segments: Segment[]; scalars: Segment[] } {
  // The documents composed from the one parse (the comments are read from the same tokens).
  const parsed = [...new Composer({ keepSourceTokens: false, uniqueKeys: false, logLevel: 'error' }).compose(tokens)];
  const segments: Segment[] = [];
  const scalars: Segment[] = [];
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
          scalars.push({ start: start + offset, end: end + offset, kind: key === 'key' ? keyKind : valueKind, keyPath });
          // URLs in a value are addresses, not prose: leave them out of the segments as Markdown does.
          let cursor = start;
          const scalar = text.slice(start, end);
          URL_IN_SCALAR.lastIndex = 0;
          for (let url = URL_IN_SCALAR.exec(scalar); url; url = URL_IN_SCALAR.exec(scalar)) {
            if (url.index + start > cursor) {
              segments.push({ start: cursor + offset, end: url.index + start + offset, kind: key === 'key' ? keyKind : valueKind, keyPath });
            }
            cursor = url.index + start + url[0].length;
          }
          if (cursor < end) {
            segments.push({ start: cursor + offset, end: end + offset, kind: key === 'key' ? keyKind : valueKind, keyPath });
          }
        }
      },
    });
  }
  segments.sort((a, b) => a.start - b.start);
  scalars.sort((a, b) => a.start - b.start);
  return { documents: parsed, segments, scalars };
}

/** The YAML parser's concrete syntax tree of `text`, read for the documents and for the comments. */
function yamlTokens(text: string): CST.Token[] {
  return [...new Parser().parse(text)];
}

/** `#` comments, from the CST (so a `#` inside a quoted or block scalar is not a comment). */
export function yamlComments(text: string, tokens: readonly CST.Token[] = yamlTokens(text)): TextRange[] {
  const comments: TextRange[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (typeof node === 'object' && node !== null) {
      const token = node as { type?: string; offset?: number; source?: string };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        comments.push({ start: token.offset, end: token.offset + token.source.length });
        return;
      }
      for (const key in node) {
        const value = (node as Record<string, unknown>)[key];
        if (key !== 'source' && typeof value === 'object' && value !== null) {
          walk(value);
        }
      }
    }
  };
  for (const token of tokens) {
    walk(token);
  }
  return comments.sort((a, b) => a.start - b.start);
}

export function parseYamlDocument(text: string): DocumentModel {
  const tokens = yamlTokens(text);
  const { documents, segments, scalars } = yamlSegments(text, 0, 'yaml-key', 'yaml-value', tokens);
  return { kind: 'yaml', text, segments, scalars, yaml: documents, comments: yamlComments(text, tokens), examples: [] };
}
