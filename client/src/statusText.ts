/**
 * The status bar's text for the active file: `GPAI · systemic risk · 87 %`. Pure, tested on its own.
 */
import type { CoverageReport } from '../../shared/types';
import { countsText } from './coverage/treeModel';
import type { Translate } from './translate';

export interface StatusText {
  readonly text: string;
  /** Markdown. */
  readonly tooltip: string;
}

export function statusText(report: CoverageReport, t: Translate): StatusText {
  const { counts } = report;
  return {
    text: `GPAI · ${report.classification.label} · ${report.percent} %`,
    tooltip: [
      t('**GPAI Docs**: {0}', report.classification.label),
      t(
        '{0} % of the applicable answers covered ({1}); {2} partial, {3} missing.',
        report.percent,
        countsText(counts, t),
        counts.partial,
        counts.missing,
      ),
      t('Click to open the coverage view.'),
    ].join('\n\n'),
  };
}
