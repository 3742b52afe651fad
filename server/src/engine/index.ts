/**
 * The engine API: the server, the CLI and the tests import only this. Everything a document is asked goes
 * through one service object (`createEngine`); the rest is the catalogue, the diagnostic codes, the settings
 * reader and plain-words explanations, none of which needs a document.
 */
export {
  createEngine,
  NEVER_CANCELLED,
  type CancellationToken,
  type CheckOptions,
  type Engine,
  type EngineOptions,
  type Severities,
} from './service';
export * as catalogue from './catalogue';
export type { GpaiDocument } from './document';
export type { TextChange } from './reparse';
export type { DiagnosticsResult, RuleFailure } from './diagnostics';
export { DOCS_BASE, toLspSeverity } from './diagnostics';
export { allCodes, getCodeInfo, isCode, rules, type Code } from './rules';
export { defineRule } from './rules/types';
export type {
  CodeInfo,
  DiagnosticData,
  Finding,
  FixData,
  PreviousVersion,
  Rule,
  Severity,
  SeveritySetting,
} from './rules/types';
export { parseSettingsFile, readSettings, SEVERITY_SETTINGS, type Settings, type SettingsResult } from './config';
export { explain, suggestions, type Explanation } from './explain';
export { applyEdits } from './edits';
