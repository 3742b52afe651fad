/**
 * Every id the extension declares, prefixed `gpaiDocs` (style.md §10): the client's id, commands, views,
 * settings and custom request methods. package.json contributes the same strings.
 */

/** The language client's id: also the prefix of its `gpaiDocs.trace.server` setting. */
export const CLIENT_ID = 'gpaiDocs';

/** The language of `*.gpai.yaml` files. */
export const LANGUAGE_ID = 'gpai-yaml';

export const Commands = {
  showPreview: 'gpaiDocs.showPreview',
  showPreviewToSide: 'gpaiDocs.showPreviewToSide',
  export: 'gpaiDocs.export',
  showCoverage: 'gpaiDocs.showCoverage',
  newFile: 'gpaiDocs.newFile',
  explain: 'gpaiDocs.explain',
  restartServer: 'gpaiDocs.restartServer',
  compareWithVersion: 'gpaiDocs.compareWithVersion',
  exportChanges: 'gpaiDocs.exportChanges',
  /** The coverage tree's click: reveal a key, or add a missing one with the server's quick-fix. Not in the palette. */
  revealCoverageNode: 'gpaiDocs.revealCoverageNode',
  /** The Workspace view's refresh button. */
  refreshWorkspace: 'gpaiDocs.refreshWorkspace',
} as const;

export const Views = {
  container: 'gpaiDocs',
  coverage: 'gpaiDocs.coverage',
  workspace: 'gpaiDocs.workspace',
} as const;

/** The status bar item showing the active file's classification and coverage. */
export const STATUS_BAR_ID = 'gpaiDocs.status';

/** The settings file read by the CLI and the server: the nearest one above a documentation file applies to it. */
export const CONFIG_FILE = '.gpai-docs.json';

/** The scheme of the read-only Markdown documents the explain command shows. */
export const EXPLAIN_SCHEME = 'gpai-docs-explain';

export const Settings = {
  /** The section the server reads through `workspace/configuration`. */
  section: 'gpaiDocs',
  /** `{ "<code>": "error" | "warning" | "information" | "hint" | "off" }`. */
  severity: 'gpaiDocs.severity',
  /** The preview's default audience: all, ai-office, nca, downstream. */
  audience: 'gpaiDocs.preview.audience',
  trace: 'gpaiDocs.trace.server',
} as const;

/** Context keys the client sets for `when` clauses in package.json. */
export const Contexts = {
  /** The Workspace view has listed the workspace once: before that, its "no file yet" welcome would be wrong. */
  workspaceScanned: 'gpaiDocs.workspaceScanned',
} as const;

export const Requests = {
  coverage: 'gpaiDocs/coverage',
  preview: 'gpaiDocs/preview',
  workspaceSummary: 'gpaiDocs/workspaceSummary',
  newFileTemplate: 'gpaiDocs/newFileTemplate',
  diff: 'gpaiDocs/diff',
} as const;

export const Notifications = {
  configFiles: 'gpaiDocs/configFiles',
  workspaceFiles: 'gpaiDocs/workspaceFiles',
  previousVersion: 'gpaiDocs/previousVersion',
} as const;

/** Code action kinds of the server's source actions. */
export const CodeActionKinds = {
  addMissing: 'source.addMissing.gpaiDocs',
  fixAll: 'source.fixAll.gpaiDocs',
} as const;
