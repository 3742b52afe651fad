/**
 * The translation function the pure view models take, so that they run without VS Code: the extension
 * passes `vscode.l10n.t`, tests pass `plain`. Messages use `{0}`-style placeholders, as `vscode.l10n.t` does.
 */
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;

/** English as written, placeholders filled in. */
export const plain: Translate = (message, ...args) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));
