/**
 * Building Markdown for hover cards from glossary data. Everything that comes from data is escaped, so a
 * glossary entry (bundled or a user's) can never inject links, HTML or commands into the card.
 */

const MARKDOWN_SPECIAL = /[\\`*_{}[\]()#+\-.!|<>~&"']/g;

/** Escapes text so Markdown renders it literally; also drops lone surrogates, which break JSON clients. */
export function escapeMarkdown(text: string): string {
  return wellFormed(text).replace(MARKDOWN_SPECIAL, (char) => `\\${char}`).replace(/\r?\n/g, ' ');
}

/** A link to an https URL from data; anything else is shown as plain escaped text. */
export function markdownLink(title: string, url: string): string {
  let href: string;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:') {
      return escapeMarkdown(`${title} (${url})`);
    }
    href = parsed.href.replace(/[()<> ]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  } catch {
    return escapeMarkdown(`${title} (${url})`);
  }
  return `[${escapeMarkdown(title)}](${href})`;
}

export function wellFormed(text: string): string {
  return text.toWellFormed();
}
