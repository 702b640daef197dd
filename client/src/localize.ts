/**
 * How client modules get their strings: `vscode.l10n.t` in the editor, a plain formatter in unit tests. Every
 * call is localize or vscode.l10n.t with a literal English message as its first argument, so the bundle test can find
 * each one and check l10n/bundle.l10n.ja.json has it.
 */

export type Localize = (message: string, ...args: (string | number | boolean)[]) => string;

/** English, with {0} {1} … filled in (what vscode.l10n.t does without a bundle). */
export const english: Localize = (message, ...args) => message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
