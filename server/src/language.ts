/**
 * The two languages govsec speaks, one at a time. Every user-facing text is built in both (a Bilingual) and
 * one is picked where it leaves the engine: the LSP layer by the client's locale or the govsec.language
 * setting, the CLI by --lang or the environment.
 */

export type Language = 'ja' | 'en';

/** What the user chose: a language, or `auto` (the editor's locale, the environment for the CLI). */
export type LanguageSetting = 'auto' | Language;

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

/** A locale tag ('ja', 'ja-JP', 'ja_JP.UTF-8', 'en-US') → its language; undefined for an empty tag. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale || !locale.trim()) {
    return undefined;
  }
  return /^ja(?:[-_.@]|$)/i.test(locale.trim()) ? 'ja' : 'en';
}

/** The language of a process environment, as gettext reads it: LC_ALL, then LC_MESSAGES, then LANG. */
export function languageOfEnvironment(env: NodeJS.ProcessEnv = process.env): Language | undefined {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '');
  return languageOfLocale(locale);
}

export function isLanguageSetting(value: unknown): value is LanguageSetting {
  return value === 'auto' || value === 'ja' || value === 'en';
}

/**
 * The language to speak: an explicit setting wins, then the editor's locale, then the environment; English
 * when nothing says (a C/POSIX locale is English).
 */
export function resolveLanguage(setting: LanguageSetting | undefined, locale?: string, env: NodeJS.ProcessEnv = process.env): Language {
  if (setting === 'ja' || setting === 'en') {
    return setting;
  }
  return languageOfLocale(locale) ?? languageOfEnvironment(env) ?? 'en';
}
