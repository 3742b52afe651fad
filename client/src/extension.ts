/**
 * Activation and deactivation of the gpai-docs extension: wiring only. Views and commands are registered
 * before the server has started, so that activation by a view or a command never finds them missing;
 * requests wait for the server.
 */
import * as vscode from 'vscode';
import { State } from 'vscode-languageclient/node';
import { CoverageRequest, WorkspaceSummaryRequest } from '../../shared/protocol';
import { registerCommands } from './commands';
import { ActiveCoverage } from './coverage/activeCoverage';
import { registerCoverageView } from './coverage/coverageTree';
import { registerWorkspaceView } from './coverage/workspaceTree';
import { createExplainer } from './explain';
import { createLanguageClient } from './languageClient';
import { registerPreview } from './preview';
import { registerStatusBar } from './statusBar';

/** Stops the server on deactivation; set by activate. */
let stopServer: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const server = createLanguageClient(context);
  const { client } = server;
  stopServer = () => server.stop();
  const coverage = new ActiveCoverage((uri) => client.sendRequest(CoverageRequest, { uri: uri.toString() }));
  const workspace = registerWorkspaceView((files) => client.sendRequest(WorkspaceSummaryRequest, { files }));
  const explainer = createExplainer();
  context.subscriptions.push(
    coverage,
    registerCoverageView(coverage),
    workspace.disposable,
    registerStatusBar(coverage),
    explainer,
    registerCommands({ server, workspace: workspace.provider, explainer }),
    // After a restart (by hand or after a crash) the new server has nothing cached: ask again.
    client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) {
        coverage.refresh();
        workspace.provider.refresh();
      }
    }),
  );
  await client.start();
  registerPreview(context, client);
}

export async function deactivate(): Promise<void> {
  await stopServer?.();
}
