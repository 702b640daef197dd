/**
 * What the govsec client and server agree on beyond LSP itself. No imports: the VS Code client bundles this
 * file too.
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
