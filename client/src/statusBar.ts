/**
 * The status bar item: the active file's classification and coverage (`GPAI · systemic risk · 87 %`);
 * a click opens the coverage view. Hidden when no `.gpai.yaml` is active.
 */
import * as vscode from 'vscode';
import { Commands, STATUS_BAR_ID } from '../../shared/names';
import type { ActiveCoverage } from './coverage/activeCoverage';
import { statusText } from './statusText';

export function registerStatusBar(coverage: ActiveCoverage): vscode.Disposable {
  const item = vscode.window.createStatusBarItem(STATUS_BAR_ID, vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('GPAI Docs Coverage');
  item.command = Commands.showCoverage;
  const update = () => {
    const report = coverage.report;
    if (!report) {
      item.hide();
      return;
    }
    const { text, tooltip } = statusText(report, vscode.l10n.t);
    item.text = text;
    item.tooltip = new vscode.MarkdownString(tooltip);
    item.show();
  };
  update();
  return vscode.Disposable.from(item, coverage.onDidChange(update));
}
