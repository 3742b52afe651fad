/**
 * The Coverage view: the active file's coverage report as a tree (Chapter → Commitment → Measure → form
 * item or evidence), one row per node of the server's model, drawn from the descriptors of treeModel.ts.
 * A click reveals the key, or, for a missing answer, shows where it goes and adds it with the quick-fix. When
 * the file's earlier version is known, the items changed since are marked (treeModel.ts).
 */
import * as vscode from 'vscode';
import { Commands, Views } from '../../../shared/names';
import { changedItems, sinceVersion } from '../../../shared/render/changeWords';
import type { Range } from '../../../shared/types';
import type { ActiveCoverage } from './activeCoverage';
import { addMissing } from '../addMissing';
import type { GpaiServer } from '../serverApi';
import { coverageBadge, coverageRows, type NodeRow, type RowAction } from './treeModel';

export class CoverageTreeProvider implements vscode.TreeDataProvider<NodeRow> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private rows: readonly NodeRow[] = [];

  constructor(private readonly coverage: ActiveCoverage) {}

  /** Re-reads the report; called when it changes. */
  update(): void {
    const report = this.coverage.report;
    this.rows = report ? coverageRows(report, vscode.l10n.t, this.coverage.changes) : [];
    this.changed.fire();
  }

  getTreeItem(row: NodeRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.label, collapsibleState(row.collapsible));
    item.id = row.key;
    item.description = row.description;
    item.tooltip = new vscode.MarkdownString(row.tooltip);
    item.iconPath = new vscode.ThemeIcon(row.icon.id, new vscode.ThemeColor(row.icon.color));
    item.contextValue = row.contextValue;
    const uri = this.coverage.uri;
    if (row.action && uri) {
      item.command = {
        command: Commands.revealCoverageNode,
        title:
          row.action.kind === 'reveal' ? vscode.l10n.t('Reveal in Editor') : vscode.l10n.t('Add the Missing Answer'),
        arguments: [uri, row.action],
      };
    }
    return item;
  }

  getChildren(row?: NodeRow): NodeRow[] {
    return [...(row ? row.children : this.rows)];
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** Creates the view and keeps its title line (file, missing count) in step with the report. */
export function registerCoverageView(coverage: ActiveCoverage): vscode.Disposable {
  const provider = new CoverageTreeProvider(coverage);
  const view = vscode.window.createTreeView(Views.coverage, { treeDataProvider: provider, showCollapseAll: true });
  const sync = () => {
    provider.update();
    const report = coverage.report;
    const changed = coverage.changes && changedItems(coverage.changes.changes);
    const since = changed
      ? ` · ${vscode.l10n.t('{0} changed since {1}', changed, sinceVersion(coverage.changes!.changes.old, coverage.changes!.source))}`
      : '';
    view.description = coverage.uri
      ? `${vscode.workspace.asRelativePath(coverage.uri)}${report ? ` · ${report.percent} %` : ''}${since}`
      : undefined;
    view.badge = report ? coverageBadge(report, vscode.l10n.t) : undefined;
  };
  sync();
  return vscode.Disposable.from(provider, view, coverage.onDidChange(sync));
}

/** The handler of Commands.revealCoverageNode: select the key, or add the missing answer. */
export function nodeRevealer(server: Pick<GpaiServer, 'quickFixes'>) {
  return async (uri: vscode.Uri, action: RowAction): Promise<void> => {
    if (action.kind === 'insert') {
      await addMissing(
        (file, diagnostic) => server.quickFixes(file, diagnostic),
        uri,
        action.ids,
        action.near && toRange(action.near),
        'active',
      );
      return;
    }
    const range = toRange(action.range);
    const editor = await vscode.window.showTextDocument(uri, {
      selection: range,
      preserveFocus: false,
      viewColumn: columnShowing(uri),
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
}

/** The column already showing `uri`, so a click never opens a second editor for it. */
function columnShowing(uri: vscode.Uri): vscode.ViewColumn | undefined {
  return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn;
}

function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function collapsibleState(c: NodeRow['collapsible']): vscode.TreeItemCollapsibleState {
  return c === 'none'
    ? vscode.TreeItemCollapsibleState.None
    : c === 'expanded'
      ? vscode.TreeItemCollapsibleState.Expanded
      : vscode.TreeItemCollapsibleState.Collapsed;
}
