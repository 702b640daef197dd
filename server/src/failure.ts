/**
 * What to tell the user when the engine could not check a document (the CLI and the server say the same).
 * The engine throws on input it cannot handle — today, YAML or Markdown nested deeper than the parser's
 * recursion allows; the document is then reported as not checked rather than failing every request.
 */
export function notCheckedMessage(error: unknown): string {
  const reason = error instanceof RangeError && /call stack/i.test(error.message)
    ? 'nested too deeply to read'
    : error instanceof Error
      ? error.message
      : String(error);
  return `govsec could not check this document (${reason}); nothing in it was checked`;
}
