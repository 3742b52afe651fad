/**
 * Activation and deactivation of the gpai-docs extension: wiring only. Views, commands, the status bar and
 * the preview are registered at once, over a LazyServer; the language client's bundle loads, and the
 * server starts, once activation has returned. Requests made before then wait for the server.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { ActiveCoverage } from './coverage/activeCoverage';
import { registerCoverageView } from './coverage/coverageTree';
import { registerWorkspaceView } from './coverage/workspaceTree';
import { createExplainer } from './explain';
import { registerPreview } from './preview';
import { LazyServer } from './serverApi';
import { registerStatusBar } from './statusBar';

/** Stops the server on deactivation; set by activate. */
let stopServer: (() => Promise<void>) | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const server = new LazyServer(async () => {
    // A bundle of its own (esbuild.mjs): required here, not imported above, so that activation need not load it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startServer } = require('./languageClient') as typeof import('./languageClient');
    // After a restart (by hand or after a crash) the new server has nothing cached: ask again.
    return startServer(context, () => {
      coverage.refresh();
      workspace.provider.refresh();
    });
  });
  stopServer = () => server.stop();
  const coverage = new ActiveCoverage((uri) => server.coverage(uri));
  const workspace = registerWorkspaceView((files) => server.workspaceSummary(files));
  const explainer = createExplainer();
  context.subscriptions.push(
    coverage,
    registerCoverageView(coverage),
    workspace.disposable,
    registerStatusBar(coverage),
    explainer,
    registerCommands({ server, workspace: workspace.provider, explainer }),
  );
  registerPreview(context, server);
  // Loaded in the next turn: the server should check the open file even if no view asks for anything.
  setImmediate(() => {
    server.load().catch((e: unknown) => {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The GPAI Docs language client could not load: {0}', e instanceof Error ? e.message : String(e)),
      );
    });
  });
}

export async function deactivate(): Promise<void> {
  await stopServer?.();
}
