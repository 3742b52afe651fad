/**
 * The engine API: the server and the CLI import only this. Pure functions over a parsed document and the
 * catalogue; no connection, no file system.
 */
export * as catalogue from './catalogue';
export { applicability, notApplicable, type Applicability } from './applicability';
export { citationFor, type Citation } from './citation';
export {
  DOCS_BASE,
  diagnosticSteps,
  getDiagnostics,
  toLspSeverity,
  type DiagnosticOptions,
  type DiagnosticsResult,
  type RuleFailure,
} from './diagnostics';
export { parseGpai, type GpaiDocument } from './document';
export { reparseGpai, type TextChange } from './reparse';
export { LineIndex } from './ranges';
export { allCodes, getCodeInfo, rules } from './rules';
export type { CodeInfo, DiagnosticData, FixData, Rule, Severity, SeveritySetting } from './rules/types';
export { answerState, derivedValue, rangeContaining, type AnswerState } from './answers';
export { describeCounts, getCoverage, percent } from './coverage';
export { parseSettingsFile, readSettings, SEVERITY_SETTINGS, type Settings, type SettingsResult } from './config';
export { explain, explainItem, explainMeasure, suggestions, type Explanation } from './explain';
export { FORMAT_VERSION } from './catalogue';
export { newFileTemplate } from './template';
export { getHover } from './hover';
export { getCompletions, type CompletionOptions } from './completion';
export { ADD_MISSING_KIND, FIX_ALL_KIND, getCodeActions, titleOf } from './codeActions';
export { applyEdits, fixEdits, insertKeys, type KeyInsertion } from './edits';
export { getPreviewModel } from './preview';
export { getDocumentSymbols } from './symbols';
export { getCodeLenses, getDocumentLinks, getFoldingRanges } from './navigation';
