/**
 * Activation, the same on every platform: views, commands, the status bar and the preview are registered at
 * once, over a LazyServer; the language client loads, and the server starts, once activation has returned.
 * Requests made before then wait for the server. extension.ts (desktop) and web/extension.ts (browser) only
 * say how the client is loaded.
 */
import * as vscode from 'vscode';
import { Baselines, changeSource } from './baselines';
import { registerCommands } from './commands';
import { registerCompare } from './compare';
import { ConfigFileSync } from './configFiles';
import { ActiveCoverage } from './coverage/activeCoverage';
import { registerCoverageView } from './coverage/coverageTree';
import { registerWorkspaceView } from './coverage/workspaceTree';
import { createExplainer } from './explain';
import { registerPreview } from './preview';
import { PreviousVersionSync } from './previousVersion';
import { LazyServer, type GpaiServer } from './serverApi';
import type { ClientHooks } from './startClient';
import { registerStatusBar } from './statusBar';

/** Starts the platform's language client. */
export type ClientStarter = (context: vscode.ExtensionContext, hooks: ClientHooks) => GpaiServer;

/** Activates the extension; returns what stops the server on deactivation. */
export function activateGpai(
  context: vscode.ExtensionContext,
  loadClient: () => Promise<ClientStarter>,
): () => Promise<void> {
  const configFiles = new ConfigFileSync(async (files) => {
    await server.configFiles(files);
    workspace.provider.schedule(); // the counts follow the severities
  });
  const server = new LazyServer(async () => {
    const start = await loadClient();
    await configFiles.ready; // so that the server's first check applies them
    return start(context, {
      // After a restart (by hand or after a crash) the new server has nothing: send and ask again.
      onRunning: () => {
        workspace.provider.files.reset();
        coverage.refresh();
        workspace.provider.refresh();
        previous.resend();
      },
      initializationOptions: () => ({ configFiles: configFiles.current }),
    });
  });
  const baselines = new Baselines();
  const changes = changeSource(baselines, server);
  const coverage = new ActiveCoverage((uri) => server.coverage(uri), {
    source: (uri) => changes(uri, 'all'),
    onDidChange: baselines.onDidChange,
  });
  const workspace = registerWorkspaceView(server);
  const explainer = createExplainer();
  // The last commit is what the server checks versions against, and what the views show changes since.
  const previous = new PreviousVersionSync((uri, text, label) => {
    baselines.setHead(uri, text, label);
    return server.previousVersion(uri, text, label);
  });
  const preview = registerPreview(context, server, baselines);
  context.subscriptions.push(
    baselines,
    configFiles,
    coverage,
    registerCoverageView(coverage),
    workspace.disposable,
    registerStatusBar(coverage),
    explainer,
    registerCommands({ server, workspace: workspace.provider, explainer }),
    previous,
    registerCompare(baselines, preview),
  );
  // Loaded in the next turn: the server should check the open file even if no view asks for anything.
  setTimeout(() => {
    server.load().catch((e: unknown) => {
      void vscode.window.showErrorMessage(
        vscode.l10n.t('The GPAI Docs language client could not load: {0}', e instanceof Error ? e.message : String(e)),
      );
    });
  }, 0);
  return () => server.stop();
}
