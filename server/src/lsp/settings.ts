/** The server's settings, read from the client's "govsec" configuration section. */

export interface GovsecSettings {
  /** Delay before pushed diagnostics are recomputed after an edit (clients without pull diagnostics). */
  readonly diagnosticsDelayMs: number;
}

export const defaultSettings: GovsecSettings = {
  diagnosticsDelayMs: 250,
};

/** Reads settings leniently: a missing or mistyped value falls back to its default. */
export function readSettings(raw: unknown): GovsecSettings {
  const section = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const diagnostics = (typeof section.diagnostics === 'object' && section.diagnostics !== null ? section.diagnostics : {}) as Record<string, unknown>;
  const delay = diagnostics.delayMs;
  return {
    diagnosticsDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : defaultSettings.diagnosticsDelayMs,
  };
}
