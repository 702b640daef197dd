/**
 * What to tell the user when the engine could not check a document (the CLI and the server say the same).
 * The engine throws on input it cannot handle — today, YAML or Markdown nested deeper than the parser's
 * recursion allows; the document is then reported as not checked rather than failing every request.
 */

import type { Bilingual } from './language';

export function notCheckedMessage(error: unknown): Bilingual {
  const tooDeep = error instanceof RangeError && /call stack/i.test(error.message);
  const reason = error instanceof Error ? error.message : String(error);
  return tooDeep
    ? { ja: 'govsec はこの文書を検査できませんでした（入れ子が深すぎます）', en: 'govsec could not check this document (nested too deeply to read); nothing in it was checked' }
    : { ja: `govsec はこの文書を検査できませんでした（${reason}）`, en: `govsec could not check this document (${reason}); nothing in it was checked` };
}
