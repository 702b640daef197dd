/**
 * What the CLI says to a person, in one language: --lang ja|en anywhere before `--`, else the environment
 * (resolveLanguage, as for the findings). Machine output (JSON, SARIF, the prh dictionary) is not text
 * for a person and keeps its format.
 */

import { resolveLanguage, type Bilingual, type Language } from '../language';

/** A mistake in the command line: the message, then the usage text of the command. */
export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/** How an option's value reads in an error: quoted, or "nothing" when it is missing. */
export function given(value: string | undefined): Bilingual {
  return value === undefined ? { ja: '指定なし', en: 'nothing' } : { ja: JSON.stringify(value), en: JSON.stringify(value) };
}

/**
 * Takes --lang ja|en (or --lang=ja) out of the arguments, before any `--`, so every command accepts it, and
 * resolves the language. A bad value comes back as `mistake`, with the environment's language.
 */
export function takeLanguageOption(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): { args: string[]; language: Language; mistake?: UsageError } {
  const rest: string[] = [];
  let chosen: Language | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      rest.push(...args.slice(i));
      break;
    }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? args[++i] : arg.slice('--lang='.length);
      if (value !== 'ja' && value !== 'en') {
        const shown = given(value);
        const mistake = new UsageError({ ja: `--lang には ja か en を指定します（${shown.ja}）`, en: `--lang must be ja or en (got ${shown.en})` });
        return { args: rest, language: resolveLanguage(undefined, undefined, env), mistake };
      }
      chosen = value;
    } else {
      rest.push(arg);
    }
  }
  return { args: rest, language: resolveLanguage(chosen, undefined, env) };
}

/** "govsec: " and one line of text in the chosen language. */
export function line(text: Bilingual, language: Language): string {
  return `govsec: ${text[language]}\n`;
}
