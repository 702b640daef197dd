/**
 * Longest-match dictionary matcher for Japanese text.
 *
 * Japanese has no spaces between words, so a term is found wherever its normalised spelling occurs — with
 * one exception: where a key starts or ends with a Latin letter or digit, the neighbouring character on
 * that side must not be one too (GSS must not match inside GSSAPI; ISMAP must match in ISMAP登録).
 * At each position the longest key wins, and matching resumes after it (leftmost-longest).
 */

import { normalize, type NormalizedText } from './normalize';

export interface MatcherKey<T> {
  /** The key in NFKC form. */
  readonly key: string;
  readonly value: T;
}

export interface TextMatch<T> {
  /** Offsets in the original text (UTF-16 units). */
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

interface TrieNode<T> {
  children: Map<number, TrieNode<T>> | undefined;
  terminal: { value: T; needsStartBoundary: boolean; needsEndBoundary: boolean } | undefined;
}

export function isLatinOrDigit(charCode: number): boolean {
  return (
    (charCode >= 0x30 && charCode <= 0x39) ||
    (charCode >= 0x41 && charCode <= 0x5a) ||
    (charCode >= 0x61 && charCode <= 0x7a)
  );
}

export class DictionaryMatcher<T> {
  private readonly root: TrieNode<T> = { children: undefined, terminal: undefined };

  /** Throws on a duplicate key: the glossary compiler reports those with their files. */
  constructor(keys: Iterable<MatcherKey<T>>) {
    for (const { key, value } of keys) {
      if (key.length === 0) {
        throw new Error('empty matcher key');
      }
      let node = this.root;
      for (let i = 0; i < key.length; i++) {
        const code = key.charCodeAt(i);
        node.children ??= new Map();
        let child = node.children.get(code);
        if (!child) {
          child = { children: undefined, terminal: undefined };
          node.children.set(code, child);
        }
        node = child;
      }
      if (node.terminal) {
        throw new Error(`duplicate matcher key: ${key}`);
      }
      node.terminal = {
        value,
        needsStartBoundary: isLatinOrDigit(key.charCodeAt(0)),
        needsEndBoundary: isLatinOrDigit(key.charCodeAt(key.length - 1)),
      };
    }
  }

  /** Finds the keys in `original[start, end)`; the range is normalised first. */
  matchRange(original: string, start: number, end: number): TextMatch<T>[] {
    return this.matchNormalized(normalize(original, start, end));
  }

  /** Finds the keys in already-normalised text (one normalisation can serve several matchers). */
  matchNormalized(normalized: NormalizedText): TextMatch<T>[] {
    const text = normalized.text;
    const matches: TextMatch<T>[] = [];
    const rootChildren = this.root.children;
    if (!rootChildren) {
      return matches;
    }
    let position = 0;
    while (position < text.length) {
      let node = rootChildren.get(text.charCodeAt(position));
      if (!node) {
        position += 1;
        continue;
      }
      const startsAfterLatin = position > 0 && isLatinOrDigit(text.charCodeAt(position - 1));
      let best: { end: number; value: T } | undefined;
      let cursor = position + 1;
      for (;;) {
        const terminal = node.terminal;
        if (
          terminal &&
          !(terminal.needsStartBoundary && startsAfterLatin) &&
          !(terminal.needsEndBoundary && cursor < text.length && isLatinOrDigit(text.charCodeAt(cursor)))
        ) {
          best = { end: cursor, value: terminal.value };
        }
        if (cursor >= text.length || !node.children) {
          break;
        }
        const next: TrieNode<T> | undefined = node.children.get(text.charCodeAt(cursor));
        if (!next) {
          break;
        }
        node = next;
        cursor += 1;
      }
      if (best) {
        matches.push({
          start: normalized.startOf(position),
          end: normalized.endOf(best.end - 1),
          value: best.value,
        });
        position = best.end;
      } else {
        position += 1;
      }
    }
    return matches;
  }
}
