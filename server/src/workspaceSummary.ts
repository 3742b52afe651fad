/**
 * The `gpaiDocs/workspaceSummary` request: for every `.gpai.yaml` the client read from the workspace (open
 * or not), its classification, coverage and problem counts, for the Workspace view. The client sends the
 * texts, so the server reads no files.
 */
import { DiagnosticSeverity, type Connection } from 'vscode-languageserver';
import { Settings } from '../../shared/names';
import { WorkspaceSummaryRequest, type FileText } from '../../shared/protocol';
import type { WorkspaceFileSummary } from '../../shared/types';
import { readSettings, type Engine, type Severities } from './engine';

/** Summarises one file with the engine; pure. */
export function summarise(engine: Engine, file: FileText, severity?: Severities): WorkspaceFileSummary {
  const doc = engine.parse(file.text, file.uri);
  const { classification, percent, counts } = engine.coverage(doc)!;
  const { diagnostics } = engine.checkNow(doc, { severity });
  const count = (severity: DiagnosticSeverity) => diagnostics.filter((d) => d.severity === severity).length;
  return {
    uri: file.uri,
    classification,
    percent,
    counts,
    errors: count(DiagnosticSeverity.Error),
    warnings: count(DiagnosticSeverity.Warning),
  };
}

/** Registers the request; severities follow the client's `gpaiDocs.severity` setting when it can be read. */
export function registerWorkspaceSummary(connection: Connection, engine: Engine): void {
  // By method name: see newFileTemplate.ts.
  connection.onRequest(
    WorkspaceSummaryRequest.method,
    async ({ files }: { files: readonly FileText[] }): Promise<WorkspaceFileSummary[]> => {
      const { severity } = readSettings(await configuration(connection)).settings;
      return files.map((file) => summarise(engine, file, severity));
    },
  );
}

async function configuration(connection: Connection): Promise<unknown> {
  try {
    return await connection.workspace.getConfiguration(Settings.section);
  } catch {
    return undefined; // a client without workspace/configuration: default severities
  }
}
