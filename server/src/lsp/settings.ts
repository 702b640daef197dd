/** The server's settings, read from the client's "govsec" configuration section. */

import { configFromObject, type GovsecConfig } from '../config/config';
import { isLanguageSetting, type LanguageSetting } from '../language';

export interface GovsecSettings {
  /** Delay before pushed diagnostics are recomputed after an edit (clients without pull diagnostics). */
  readonly diagnosticsDelayMs: number;
  /** govsec.language: the language of messages, hovers and completion details (auto: the editor's locale). */
  readonly language: LanguageSetting;
  /** govsec.rules, govsec.profiles.procurement and govsec.glossary as a configuration layer (below .govsec.yaml). */
  readonly layer?: GovsecConfig;
  /** What was wrong with the settings, for the output channel. */
  readonly problems: readonly string[];
}

export const defaultSettings: GovsecSettings = {
  diagnosticsDelayMs: 250,
  language: 'auto',
  problems: [],
};

function objectOf(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Reads settings leniently: a missing or mistyped value falls back to its default and is reported. */
export function readSettings(raw: unknown, workspaceRoot: string | undefined): GovsecSettings {
  const section = objectOf(raw);
  const delay = objectOf(section.diagnostics).delayMs;
  const problems: string[] = [];
  let layer: GovsecConfig | undefined;
  const data = {
    ...(section.rules !== undefined ? { rules: section.rules } : {}),
    ...(objectOf(section.profiles).procurement !== undefined ? { profiles: { procurement: objectOf(section.profiles).procurement } } : {}),
    ...(section.glossary !== undefined ? { glossary: section.glossary } : {}),
    ...(objectOf(section.limits).maxDocumentLength !== undefined ? { limits: { maxDocumentLength: objectOf(section.limits).maxDocumentLength } } : {}),
  };
  if (Object.keys(data).length > 0) {
    const result = configFromObject(data, workspaceRoot ?? process.cwd());
    layer = result.config;
    problems.push(...result.problems.map((problem) => `settings: ${problem}`));
  }
  if (section.language !== undefined && !isLanguageSetting(section.language)) {
    problems.push(`settings: language must be auto, ja or en (got ${JSON.stringify(section.language)}); using auto`);
  }
  return {
    language: isLanguageSetting(section.language) ? section.language : defaultSettings.language,
    diagnosticsDelayMs: typeof delay === 'number' && Number.isFinite(delay) && delay >= 0 ? delay : defaultSettings.diagnosticsDelayMs,
    layer,
    problems,
  };
}
