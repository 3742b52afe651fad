/**
 * Assertions over diagnostics: run the engine on text and look findings up by code.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { getDiagnostics, type DiagnosticData, type DiagnosticOptions } from '../../server/src/engine';
import { parse } from './text';

/** The date the tests check against, so date rules do not drift with the calendar. */
export const TODAY = '2025-11-01';

/** The engine's diagnostics always carry their message as plain text. */
export type TestDiagnostic = Diagnostic & { message: string };

export function diagnose(text: string, options: DiagnosticOptions = {}): TestDiagnostic[] {
  return getDiagnostics(parse(text), { today: TODAY, ...options }).diagnostics as TestDiagnostic[];
}

export function withCode(text: string, code: string, options: DiagnosticOptions = {}): TestDiagnostic[] {
  return diagnose(text, options).filter((d) => d.code === code);
}

export function codes(text: string, options: DiagnosticOptions = {}): string[] {
  return diagnose(text, options).map((d) => String(d.code));
}

export function dataOf(d: Diagnostic): DiagnosticData {
  return d.data as DiagnosticData;
}
