/**
 * Inline markup of one Markdown block at exact offsets: the ranges that are not prose — code spans, raw HTML
 * (tags, comments, processing instructions, declarations, CDATA), autolinks, the destination and title of
 * inline links and images, bare URLs.
 *
 * One left-to-right pass with CommonMark's precedence (spec 0.31, section 6): a backslash escape hides the
 * next punctuation character; code spans, raw HTML and autolinks bind tighter than brackets, and whichever
 * starts first wins; `]` closes the nearest open bracket, and an inline link or a reference link with a
 * definition deactivates the brackets before it (links do not nest). Emphasis is left alone: it masks
 * nothing. markdown-it gives no inline offsets, so this is hand-written and checked against micromark in
 * test/unit/commonmark.test.ts.
 */

import type { TextRange } from './model';
import { BARE_URL } from './urls';

/** A half-open range of the original text left out of prose. */
export type Mask = [number, number];

export interface InlineMarkup {
  /** Everything that is not prose, in document order. */
  readonly masks: readonly Mask[];
  readonly codeSpans: readonly Mask[];
  readonly comments: readonly Mask[];
}

/** Most blocks of a Japanese document hold no markup at all: they share this answer. */
const NO_MARKUP: InlineMarkup = Object.freeze({ masks: Object.freeze([]), codeSpans: Object.freeze([]), comments: Object.freeze([]) });

/** A content has markup to look at only if it holds one of these. */
const MAY_HAVE_MARKUP = /[\\`<[\]]|:\/\/|www\./;
/** Where the scan stops: the characters that open or close markup. */
const MARKUP_CHARACTER = /[\\`<[\]]/g;
const BARE_URL_IN_TEXT = new RegExp(BARE_URL.source, 'g');
const URL_TRAILING_PUNCTUATION = '?!.,:*_~';

// Raw HTML (spec 6.6). White space holds at most one line ending; written so that no two parts of a pattern
// can match the same spaces, which keeps a failing match linear.
const SPACE = '[ \\t]*(?:\\n[ \\t]*)?';
const SPACE_1 = '(?:[ \\t]+(?:\\n[ \\t]*)?|\\n[ \\t]*)';
const ATTRIBUTE = `${SPACE_1}[A-Za-z_:][A-Za-z0-9_.:-]*(?:${SPACE}=${SPACE}(?:[^ \\t\\n"'=<>\`]+|'[^']*'|"[^"]*"))?`;
const HTML_TAG = new RegExp(`<[A-Za-z][A-Za-z0-9-]*(?:${ATTRIBUTE})*${SPACE}/?>|</[A-Za-z][A-Za-z0-9-]*${SPACE}>`, 'y');
const URI_AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\x00-\x20<>]*>/y;
const EMAIL_AUTOLINK = /<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*>/y;
/** Comments, processing instructions, CDATA and declarations: an opener and the first terminator after it. */
const HTML_SPANS: readonly { opener: string; terminator: string; letterAfterOpener?: boolean }[] = [
  { opener: '<!-->', terminator: '' },
  { opener: '<!--->', terminator: '' },
  { opener: '<!--', terminator: '-->' },
  { opener: '<?', terminator: '?>' },
  { opener: '<![CDATA[', terminator: ']]>' },
  { opener: '<!', terminator: '>', letterAfterOpener: true },
];

/** Nested parentheses in a link destination; markdown-it and cmark stop at 32. */
const MAX_PAREN_DEPTH = 32;
/** A link label holds at most 999 characters (spec 4.7). */
const MAX_LABEL_LENGTH = 999;

function isAsciiPunctuation(code: number): boolean {
  return (code >= 0x21 && code <= 0x2f) || (code >= 0x3a && code <= 0x40) || (code >= 0x5b && code <= 0x60) || (code >= 0x7b && code <= 0x7e);
}

/** After spaces and tabs with at most one line ending, from `index`. */
function skipSpace(s: string, index: number): number {
  let newline = false;
  for (; index < s.length; index++) {
    const code = s.charCodeAt(index);
    if (code === 0x0a && !newline) {
      newline = true;
    } else if (code !== 0x20 && code !== 0x09) {
      break;
    }
  }
  return index;
}

/** The end (after `)`) of an inline link's `(destination "title")` opening at `open`, or -1 (spec 6.3). */
function inlineResourceEnd(s: string, open: number): number {
  let index = skipSpace(s, open + 1);
  if (s.charCodeAt(index) === 0x29) {
    return index + 1;
  }
  if (s.charCodeAt(index) === 0x3c) {
    // <destination>: no line ending, no unescaped < or >.
    for (index++; ; index++) {
      const code = s.charCodeAt(index);
      if (Number.isNaN(code) || code === 0x0a || code === 0x3c) {
        return -1;
      }
      if (code === 0x5c && isAsciiPunctuation(s.charCodeAt(index + 1))) {
        index++;
      } else if (code === 0x3e) {
        index++;
        break;
      }
    }
  } else {
    // A raw destination: no spaces or control characters, parentheses balanced unless escaped.
    const start = index;
    let depth = 0;
    for (; index < s.length; index++) {
      const code = s.charCodeAt(index);
      if (code === 0x5c && isAsciiPunctuation(s.charCodeAt(index + 1))) {
        index++;
      } else if (code === 0x28) {
        if (++depth > MAX_PAREN_DEPTH) {
          return -1;
        }
      } else if (code === 0x29) {
        if (depth === 0) {
          break;
        }
        depth--;
      } else if (code <= 0x20 || code === 0x7f) {
        break;
      }
    }
    if (index === start || depth !== 0) {
      return -1;
    }
  }
  const afterDestination = index;
  index = skipSpace(s, index);
  const quote = s.charCodeAt(index);
  if (index > afterDestination && (quote === 0x22 || quote === 0x27 || quote === 0x28)) {
    const close = quote === 0x28 ? 0x29 : quote;
    for (index++; ; index++) {
      const code = s.charCodeAt(index);
      if (Number.isNaN(code) || (quote === 0x28 && code === 0x28)) {
        return -1;
      }
      if (code === 0x5c && isAsciiPunctuation(s.charCodeAt(index + 1))) {
        index++;
      } else if (code === close) {
        break;
      }
    }
    index = skipSpace(s, index + 1);
  }
  return s.charCodeAt(index) === 0x29 ? index + 1 : -1;
}

/** A link label `[…]` opening at `open`: its end (after `]`) and its text, or undefined (spec 4.7). */
function linkLabel(s: string, open: number): { end: number; text: string } | undefined {
  for (let index = open + 1; index < s.length && index - open - 1 <= MAX_LABEL_LENGTH; index++) {
    const code = s.charCodeAt(index);
    if (code === 0x5c && isAsciiPunctuation(s.charCodeAt(index + 1))) {
      index++;
    } else if (code === 0x5b) {
      return undefined;
    } else if (code === 0x5d) {
      return { end: index + 1, text: s.slice(open + 1, index) };
    }
  }
  return undefined;
}

interface BracketOpener {
  readonly index: number;
  readonly image: boolean;
}

/**
 * Inline markup of `content` (a block's content lines joined by "\n", container markers left out), as
 * offsets into it. `isDefined` says whether a reference label names a link reference definition.
 */
export function scanInline(content: string, isDefined: (label: string) => boolean): InlineMarkup {
  if (!MAY_HAVE_MARKUP.test(content)) {
    return NO_MARKUP;
  }
  const masks: Mask[] = [];
  const codeSpans: Mask[] = [];
  const comments: Mask[] = [];
  const openers: BracketOpener[] = [];
  /** Openers below this stack depth are spent by a link after them (links do not nest). */
  let inactiveBelow = 0;
  /** Backtick run lengths with no closing run after the position recorded: later searches fail too. */
  const noCloserFrom = new Map<number, number>();
  /** Where each HTML terminator next occurs (searched once per position, -1 when none is left). */
  const terminators = new Map<string, number>();
  let escaped = -1;
  /** Where each link or image found opens: a bare URL before it ends there (it is text, the link is not). */
  const linkStarts: number[] = [];

  const closingRun = (from: number, length: number): number => {
    if ((noCloserFrom.get(length) ?? Infinity) <= from) {
      return -1;
    }
    for (let at = content.indexOf('`', from); at !== -1; ) {
      let end = at;
      while (content.charCodeAt(end) === 0x60) {
        end++;
      }
      if (end - at === length) {
        return at;
      }
      at = content.indexOf('`', end);
    }
    noCloserFrom.set(length, from);
    return -1;
  };

  const htmlEnd = (at: number): number => {
    HTML_TAG.lastIndex = at;
    if (HTML_TAG.test(content)) {
      return HTML_TAG.lastIndex;
    }
    for (const { opener, terminator, letterAfterOpener } of HTML_SPANS) {
      if (!content.startsWith(opener, at) || (letterAfterOpener && !/[A-Za-z]/.test(content[at + opener.length] ?? ''))) {
        continue;
      }
      if (terminator === '') {
        return at + opener.length;
      }
      const from = at + opener.length;
      let next = terminators.get(terminator);
      if (next === undefined || (next !== -1 && next < from)) {
        next = content.indexOf(terminator, from);
        terminators.set(terminator, next);
      }
      return next === -1 ? -1 : next + terminator.length;
    }
    return -1;
  };

  const autolinkEnd = (at: number): number => {
    for (const pattern of [URI_AUTOLINK, EMAIL_AUTOLINK]) {
      pattern.lastIndex = at;
      if (pattern.test(content)) {
        return pattern.lastIndex;
      }
    }
    return -1;
  };

  /** Closes the bracket at `at` (`]`): the end of a link it completes, or -1. */
  const closeBracket = (at: number): number => {
    const opener = openers.pop();
    if (!opener || (openers.length < inactiveBelow && !opener.image)) {
      inactiveBelow = Math.min(inactiveBelow, openers.length);
      return -1;
    }
    inactiveBelow = Math.min(inactiveBelow, openers.length);
    let end = -1;
    if (content.charCodeAt(at + 1) === 0x28) {
      end = inlineResourceEnd(content, at + 1);
      if (end !== -1) {
        masks.push([at, end]);
      }
    }
    if (end === -1) {
      // A reference link: full [text][label], collapsed [text][] or shortcut [text].
      // The link text serves as the label of a collapsed or shortcut reference: a label holds at most 999 characters.
      const linkText = at - opener.index - 1 <= MAX_LABEL_LENGTH ? content.slice(opener.index + 1, at) : undefined;
      const label = content.charCodeAt(at + 1) === 0x5b ? linkLabel(content, at + 1) : undefined;
      if (label && label.text.trim() !== '') {
        end = isDefined(label.text) ? label.end : -1;
      } else if (label && label.text === '') {
        end = linkText !== undefined && isDefined(linkText) ? label.end : -1;
      } else if (linkText !== undefined && isDefined(linkText)) {
        end = at + 1;
      }
    }
    if (end !== -1) {
      linkStarts.push(opener.index);
    }
    if (end !== -1 && !opener.image) {
      // Links do not nest: every bracket still open before this link is spent (image openers stay).
      inactiveBelow = openers.length;
    }
    return end;
  };

  MARKUP_CHARACTER.lastIndex = 0;
  for (let match = MARKUP_CHARACTER.exec(content); match; match = MARKUP_CHARACTER.exec(content)) {
    const at = match.index;
    let next = at + 1;
    switch (content.charCodeAt(at)) {
      case 0x5c: // \
        if (isAsciiPunctuation(content.charCodeAt(at + 1))) {
          escaped = at + 1;
          next = at + 2;
        }
        break;
      case 0x60: {
        // `: a code span if a run of the same length closes it; otherwise the run is literal.
        let runEnd = at;
        while (content.charCodeAt(runEnd) === 0x60) {
          runEnd++;
        }
        const close = closingRun(runEnd, runEnd - at);
        next = close === -1 ? runEnd : close + (runEnd - at);
        if (close !== -1) {
          masks.push([at, next]);
          codeSpans.push([at, next]);
        }
        break;
      }
      case 0x3c: {
        // <: an autolink or raw HTML.
        let end = autolinkEnd(at);
        if (end === -1) {
          end = htmlEnd(at);
          if (end !== -1 && content.startsWith('<!--', at)) {
            comments.push([at, end]);
          }
        }
        if (end !== -1) {
          masks.push([at, end]);
          next = end;
        }
        break;
      }
      case 0x5b: // [
        openers.push({ index: at, image: at > 0 && content.charCodeAt(at - 1) === 0x21 && escaped !== at - 1 });
        break;
      case 0x5d: {
        // ]
        const end = closeBracket(at);
        if (end !== -1) {
          next = end;
        }
        break;
      }
    }
    MARKUP_CHARACTER.lastIndex = next;
  }

  // Bare URLs in the text: not inside a code span, a tag or a link destination, and up to a link after them.
  if (content.includes('://') || content.includes('www.')) {
    const urls: Mask[] = [];
    let maskIndex = 0;
    linkStarts.sort((a, b) => a - b);
    let linkIndex = 0;
    BARE_URL_IN_TEXT.lastIndex = 0;
    for (let match = BARE_URL_IN_TEXT.exec(content); match; match = BARE_URL_IN_TEXT.exec(content)) {
      while (maskIndex < masks.length && masks[maskIndex][1] <= match.index) {
        maskIndex++;
      }
      if (maskIndex < masks.length && masks[maskIndex][0] <= match.index) {
        continue;
      }
      while (linkIndex < linkStarts.length && linkStarts[linkIndex] <= match.index) {
        linkIndex++;
      }
      let end = match.index + match[0].length;
      if (linkIndex < linkStarts.length && linkStarts[linkIndex] < end) {
        end = linkStarts[linkIndex];
      }
      // As in GFM's autolink literals, trailing punctuation (a sentence's period, an emphasis closer) is text.
      while (end > match.index && URL_TRAILING_PUNCTUATION.includes(content[end - 1])) {
        end--;
      }
      urls.push([match.index, end]);
    }
    if (urls.length > 0) {
      masks.push(...urls);
      masks.sort((a, b) => a[0] - b[0]);
    }
  }
  return { masks, codeSpans, comments };
}

/**
 * Inline markup of a block whose content lines stand at `parts` of `text`, as offsets into `text`. A range
 * that runs over a line break also covers the container markers between (they are not prose either).
 */
export function inlineMarkup(text: string, parts: readonly TextRange[], isDefined: (label: string) => boolean): InlineMarkup {
  if (parts.length === 1) {
    const [{ start, end }] = parts;
    const found = scanInline(text.slice(start, end), isDefined);
    if (found === NO_MARKUP) {
      return found;
    }
    const shift = (ranges: readonly Mask[]) => ranges.map(([s, e]): Mask => [start + s, start + e]);
    return { masks: shift(found.masks), codeSpans: shift(found.codeSpans), comments: shift(found.comments) };
  }
  const contentStarts: number[] = [];
  let length = 0;
  for (const part of parts) {
    contentStarts.push(length);
    length += part.end - part.start + 1;
  }
  const found = scanInline(parts.map((part) => text.slice(part.start, part.end)).join('\n'), isDefined);
  if (found === NO_MARKUP) {
    return found;
  }
  /** Offsets in `text` of content offsets, which come in document order; the "\n" after a line stands at its end. */
  const map = (ranges: readonly Mask[]) => {
    let line = 0;
    const toText = (offset: number): number => {
      while (line > 0 && contentStarts[line] > offset) {
        line--;
      }
      while (line + 1 < contentStarts.length && contentStarts[line + 1] <= offset) {
        line++;
      }
      return parts[line].start + (offset - contentStarts[line]);
    };
    return ranges.map(([s, e]): Mask => [toText(s), toText(e)]);
  };
  return { masks: map(found.masks), codeSpans: map(found.codeSpans), comments: map(found.comments) };
}
