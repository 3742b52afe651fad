/**
 * Assertions over diagnostics: run the engine on text and look findings up by code.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { allCodes, applyEdits, rules, type DiagnosticData } from '../../server/src/engine';
import { getCodeActions, getDiagnostics, TODAY, type TestOptions } from './engine';
import { parse } from './text';

export { TODAY };

/** Options of a test check; `today` defaults to TODAY. */
type DiagnosticOptions = TestOptions;

/** The engine's diagnostics always carry their message as plain text. */
export type TestDiagnostic = Diagnostic & { message: string };

export function diagnose(text: string, options: DiagnosticOptions = {}): TestDiagnostic[] {
  return getDiagnostics(parse(text), { today: TODAY, ...options }).diagnostics as TestDiagnostic[];
}

/**
 * The findings of one code, from the rule that declares it alone (and the suppressions), as a rule's own
 * tests should run: a new rule or form item elsewhere cannot change them.
 */
export function withCode(text: string, code: string, options: DiagnosticOptions = {}): TestDiagnostic[] {
  const rule = rules.find((r) => r.codes.some((c) => c.code === code));
  if (!rule && !allCodes.some((c) => c.code === code)) throw new Error(`no rule declares ${code}`);
  return diagnose(text, { ...(rule ? { rules: [rule] } : {}), ...options }).filter((d) => d.code === code);
}

export function codes(text: string, options: DiagnosticOptions = {}): string[] {
  return diagnose(text, options).map((d) => String(d.code));
}

export function dataOf(d: Diagnostic): DiagnosticData {
  return d.data as DiagnosticData;
}

/** The quick-fix offered for one finding, applied: its title and the text after it. */
export function applyFix(text: string, d: Diagnostic): { title: string; text: string } {
  const doc = parse(text);
  const actions = getCodeActions(doc, d.range, { diagnostics: [d], only: ['quickfix'] }, { today: TODAY });
  const action = actions.find((a) => a.diagnostics?.some((f) => f.code === d.code));
  if (!action?.edit?.changes) throw new Error(`no quick-fix for ${String(d.code)}`);
  return { title: action.title, text: applyEdits(doc, Object.values(action.edit.changes)[0]) };
}
