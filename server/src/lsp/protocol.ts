/**
 * What the govsec client and server agree on beyond LSP itself. No runtime imports (type-only re-exports
 * vanish from the bundle): the VS Code client bundles this file too.
 */

/** Sent by the VS Code client when the user grants (or the editor withdraws) workspace trust: { trusted }. */
export const WORKSPACE_TRUST_NOTIFICATION = 'govsec/didChangeWorkspaceTrust';

/** What a client may pass in initializationOptions. */
export interface GovsecInitializationOptions {
  /** false in an untrusted workspace (VS Code); absent means trusted (clients without a trust model). */
  readonly workspaceTrusted?: boolean;
  /** The govsec settings section, for clients that do not answer workspace/configuration. */
  readonly settings?: unknown;
}

// ------------------------------------------------------------------------------------------------ requests
// The custom requests behind the VS Code client's status bar and commands. Responses carry data (dates,
// counts, kinds, ids), never sentences: the client words them in the user's language.

/** The glossary and ISMAP list that apply to a document (or to the workspace without a uri). */
export const STATUS_REQUEST = 'govsec/status';
export interface StatusParams {
  readonly uri?: string;
}
export interface GovsecStatus {
  /** false: only the bundled knowledge is used (no .govsec.yaml, user glossary or imported list). */
  readonly trusted: boolean;
  /** The language the server speaks now. */
  readonly language: 'ja' | 'en';
  readonly glossary: {
    readonly terms: number;
    /** The newest as-of date of a term (YYYY-MM-DD). */
    readonly asOf: string;
    /** The user glossary files that apply (absolute paths). */
    readonly userFiles: readonly string[];
  };
  readonly ismapList: {
    readonly name: string;
    readonly asOf: string;
    readonly count: number;
    readonly partial: boolean;
    /** bundled: govsec's partial list; imported: a workspace's .govsec/ismap-list.yaml. */
    readonly origin: 'bundled' | 'imported';
    /** The imported list file (absolute path). */
    readonly file?: string;
    /** The as-of date plus the portal's update cycle (YYYY-MM-DD). */
    readonly currentUntil: string;
    /** Today (the server's local date) is after currentUntil: the list may miss recent registrations. */
    readonly stale: boolean;
  };
}

/** Figures of the knowledge that applies to a document (see server/src/features/knowledgeFigures.ts). */
export const GLOSSARY_STATS_REQUEST = 'govsec/glossaryStats';
export type { KnowledgeFigures as GlossaryStats } from '../features/knowledgeFigures';

/** Every glossary term that applies to a document (bundled and user glossaries), sorted by reading. */
export const GLOSSARY_TERMS_REQUEST = 'govsec/glossaryTerms';
export interface GlossaryTermItem {
  readonly id: string;
  readonly term: string;
  readonly reading: string;
  readonly english: string;
  /** A category id (organization, system, law …). */
  readonly category: string;
  readonly superseded: boolean;
}

/** One term's hover card (Markdown, in the server's language); null for an unknown id. */
export const TERM_CARD_REQUEST = 'govsec/termCard';
export interface TermCardParams {
  readonly id: string;
  readonly uri?: string;
}
export interface TermCard {
  readonly id: string;
  readonly term: string;
  readonly markdown: string;
}

/**
 * Imports a list file saved from the ISMAP portal (HTML page, pasted table, CSV) into `folderUri`'s
 * .govsec/ismap-list.yaml, as `govsec ismap import` does (atomic write); the server then uses it.
 */
export const IMPORT_ISMAP_LIST_REQUEST = 'govsec/importIsmapList';
export interface ImportIsmapListParams {
  /** The file to import (file: URI). */
  readonly fileUri: string;
  /** The workspace folder to import into (file: URI); must be one of the server's folders. */
  readonly folderUri: string;
  readonly date?: string;
  readonly program?: 'ISMAP' | 'ISMAP-LIU';
}
export type ImportIsmapListResult =
  | {
      readonly ok: true;
      readonly imported: number;
      readonly rows: number;
      readonly asOf: string;
      readonly layout: 'html' | 'tsv' | 'csv';
      /** The list file written (absolute path). */
      readonly output: string;
      readonly problems: readonly { readonly line: number; readonly message: string }[];
    }
  | {
      readonly ok: false;
      readonly reason: 'untrusted' | 'not-a-folder' | 'not-found' | 'directory' | 'unreadable' | 'no-valid-row' | 'write-failed';
      readonly detail?: string;
      readonly problems: readonly { readonly line: number; readonly message: string }[];
    };

/**
 * Checks files on disk (file: URIs of Markdown and YAML files) with the setup of each one's folder. A file
 * open in the editor is checked from disk too; the client keeps such results out of its collection.
 */
export const CHECK_FILES_REQUEST = 'govsec/checkFiles';
export interface CheckFilesParams {
  readonly uris: readonly string[];
}
export interface CheckedFile<Diagnostic = unknown> {
  readonly uri: string;
  /** LSP diagnostics, as textDocument/diagnostic would give for the file opened. */
  readonly diagnostics: readonly Diagnostic[];
  /** Why the file was not checked (unreadable, too large, not Markdown/YAML, binary …). */
  readonly skipped?: string;
}
export interface CheckFilesResult<Diagnostic = unknown> {
  readonly files: readonly CheckedFile<Diagnostic>[];
}
