import * as assert from 'node:assert/strict';
import { NO_ANSWERS } from '../../../shared/completeness';
import type { CoverageReport } from '../../../shared/types';
import { statusText } from '../../../client/src/statusText';
import { plain } from '../../../client/src/translate';
import { getCoverage } from '../../helpers/engine';
import { example, parse } from '../../helpers/text';

function report(label: string, percent: number): CoverageReport {
  return {
    uri: 'file:///m.gpai.yaml',
    version: 1,
    percent,
    roots: [],
    counts: { covered: 87, partial: 3, missing: 10, notApplicable: 5, total: 105 },
    audiences: { 'ai-office': NO_ANSWERS, nca: NO_ANSWERS, downstream: NO_ANSWERS },
    classification: {
      systemicRisk: 'presumed',
      hasSystemicRisk: true,
      openSourceExemption: 'not-claimed',
      modified: false,
      legacy: false,
      label,
    },
  };
}

describe('status bar text', () => {
  it('shows the classification and the coverage', () => {
    assert.equal(statusText(report('systemic risk', 87), plain).text, 'GPAI · systemic risk · 87 %');
  });

  it('explains the numbers and the click in the tooltip', () => {
    const { tooltip } = statusText(report('systemic risk', 87), plain);
    assert.match(tooltip, /87 % of the applicable answers covered \(87\/100\); 3 partial, 10 missing\./);
    assert.match(tooltip, /Click to open the coverage view/);
  });

  it('reads a real report', () => {
    assert.equal(
      statusText(getCoverage(parse(example('kestrel-13b.gpai.yaml'))), plain).text,
      'GPAI · no systemic risk · 100 %',
    );
    assert.match(
      statusText(getCoverage(parse(example('meadow-7b.gpai.yaml'))), plain).text,
      /^GPAI · open-source exempt · \d+ %$/,
    );
  });
});
