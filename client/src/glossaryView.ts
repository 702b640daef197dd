/**
 * Read-only glossary pages: "govsec: Show glossary entry…" (a quick pick of every term, then the term's
 * card) and "govsec: Show glossary stats", both as Markdown previews of virtual documents on the
 * govsec-glossary: scheme. The server writes the card (the hover card, in its language); the client words
 * the stats from the figures.
 */

import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  GLOSSARY_STATS_REQUEST,
  GLOSSARY_TERMS_REQUEST,
  TERM_CARD_REQUEST,
  type GlossaryStats,
  type GlossaryTermItem,
  type TermCard,
} from '../../server/src/lsp/protocol';
import { categoryLabel, glossaryStatsMarkdown } from './glossaryText';

export const GLOSSARY_SCHEME = 'govsec-glossary';
export const SHOW_GLOSSARY_ENTRY_COMMAND = 'govsec.showGlossaryEntry';
export const SHOW_GLOSSARY_STATS_COMMAND = 'govsec.showGlossaryStats';

/** The document the active editor shows, for the knowledge that applies to it (user glossaries, imported list). */
function activeDocumentUri(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document && document.uri.scheme !== GLOSSARY_SCHEME ? document.uri.toString() : undefined;
}

export function termUri(id: string, documentUri?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: GLOSSARY_SCHEME, path: `/terms/${id}.md`, query: documentUri ? new URLSearchParams({ document: documentUri }).toString() : '' });
}

export function statsUri(documentUri?: string): vscode.Uri {
  return vscode.Uri.from({ scheme: GLOSSARY_SCHEME, path: '/stats.md', query: documentUri ? new URLSearchParams({ document: documentUri }).toString() : '' });
}

export class GlossaryPages implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** A page shown again is asked for again (the list or the language may have changed since). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const client = this.client();
    const documentUri = new URLSearchParams(uri.query).get('document') ?? undefined;
    if (!client) {
      return vscode.l10n.t('The govsec language server is not running.');
    }
    if (uri.path === '/stats.md') {
      const stats = await client.sendRequest<GlossaryStats>(GLOSSARY_STATS_REQUEST, { uri: documentUri });
      return glossaryStatsMarkdown(stats, vscode.l10n.t);
    }
    const id = /^\/terms\/(.+)\.md$/.exec(uri.path)?.[1];
    const card = id === undefined ? null : await client.sendRequest<TermCard | null>(TERM_CARD_REQUEST, { id, uri: documentUri });
    return card?.markdown ?? vscode.l10n.t('No glossary entry {0}.', id ?? uri.path);
  }

  /** A term id skips the quick pick (tests, links). Returns the page shown. */
  async showEntry(id?: string): Promise<vscode.Uri | undefined> {
    const client = this.client();
    if (!client) {
      return undefined;
    }
    const documentUri = activeDocumentUri();
    let chosen = id;
    if (chosen === undefined) {
      const terms = await client.sendRequest<GlossaryTermItem[]>(GLOSSARY_TERMS_REQUEST, { uri: documentUri });
      const superseded = vscode.l10n.t('superseded');
      const picked = await vscode.window.showQuickPick(
        terms.map((term) => ({
          label: term.term,
          description: [term.reading !== term.term ? term.reading : undefined, term.english].filter(Boolean).join(' · '),
          detail: [categoryLabel(term.category, vscode.l10n.t), term.superseded ? superseded : undefined].filter(Boolean).join(' · '),
          id: term.id,
        })),
        { title: vscode.l10n.t('govsec glossary'), placeHolder: vscode.l10n.t('Type a term, its reading or its English name'), matchOnDescription: true, matchOnDetail: true },
      );
      chosen = picked?.id;
    }
    if (chosen === undefined) {
      return undefined;
    }
    return this.show(termUri(chosen, documentUri));
  }

  async showStats(): Promise<vscode.Uri> {
    return this.show(statsUri(activeDocumentUri()));
  }

  private async show(uri: vscode.Uri): Promise<vscode.Uri> {
    this.changed.fire(uri);
    await showPage(uri);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Shows a virtual page as a Markdown preview (the editor's own Markdown extension), else as a read-only text. */
async function showPage(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri, { preview: true });
  }
}
