/**
 * The commands of shared/names.ts other than the preview's (registered by preview/): new file, show
 * coverage, explain, restart server, and the views' own commands. Handlers stay thin: each calls the
 * module that owns the feature.
 */
import * as vscode from 'vscode';
import { Commands, Views } from '../../shared/names';
import { nodeRevealer } from './coverage/coverageTree';
import type { WorkspaceTreeProvider } from './coverage/workspaceTree';
import type { Explainer } from './explain';
import { newDocumentationFile } from './newFile';
import type { GpaiServer } from './serverApi';

export interface CommandDeps {
  readonly server: GpaiServer;
  readonly workspace: WorkspaceTreeProvider;
  readonly explainer: Explainer;
}

export function registerCommands({ server, workspace, explainer }: CommandDeps): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.newFile, () =>
      newDocumentationFile((options) => server.newFileTemplate(options)),
    ),
    vscode.commands.registerCommand(Commands.showCoverage, () =>
      vscode.commands.executeCommand(`${Views.coverage}.focus`),
    ),
    vscode.commands.registerCommand(Commands.explain, () => explainer.explainAtCursor()),
    vscode.commands.registerCommand(Commands.restartServer, async () => {
      // extension.ts refreshes the views once the new server runs.
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the GPAI Docs language server') },
        () => server.restart(),
      );
    }),
    vscode.commands.registerCommand(Commands.revealCoverageNode, nodeRevealer(server)),
    vscode.commands.registerCommand(Commands.refreshWorkspace, () => workspace.rescan()),
  );
}
