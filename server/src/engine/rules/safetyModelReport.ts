/**
 * Safety and Security Commitment 7: the Model Report is available to the AI Office by market placement
 * (Measure 7.7), and updated at least every 6 months for the provider's most capable models (Measure 7.6).
 */
import { obligationsApplyDate, thresholds } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, scalarText } from '../document';
import { addMonths, daysBetween, parseIsoDate } from '../values';
import { nameOf } from './common';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'safety.model-report',
    title: 'The Model Report reached the AI Office after market placement',
    severity: 'warning',
  },
  {
    code: 'safety.model-report-update',
    title: 'The Model Report was last updated more than 6 months ago',
    severity: 'warning',
  },
];

const REPORTS = ['safety_and_security', 'model_reports'];
const PROVIDED = [...REPORTS, 'model_report_notifications', 'provided'];
const UPDATED = [...REPORTS, 'model_report_updates', 'last_updated'];

export const safetyModelReport: Rule = {
  name: 'safetyModelReport',
  codes,
  check(ctx) {
    if (!ctx.applicability.systemicRisk) return [];
    return [...provided(ctx), ...updated(ctx)];
  },
};

function provided({ doc, applicability }: RuleContext): Finding[] {
  const node = nodeAt(doc, PROVIDED);
  const date = parseIsoDate(scalarText(doc, node) ?? '');
  const union = applicability.unionRelease;
  const grace = thresholds.modelReportAfterPlacementDays.value;
  // Models placed before the obligations applied had no Model Report to give at placement (Art. 111(3)).
  if (!date || !union || union.iso < obligationsApplyDate() || daysBetween(union, date) <= grace) return [];
  return [
    {
      code: 'safety.model-report',
      range: nodeRange(doc, node) ?? anchorRange(doc, PROVIDED),
      id: 'safety-security/7.7',
      message: `The Model Report was made available to the AI Office on ${date.iso}, after the model was placed on the Union market on ${union.iso}. ${nameOf('safety-security/7.7')} asks for it by the time of placement (a delay of up to ${thresholds.modelReportMaxDelayBusinessDays.value} business days is possible only with the AI Office's agreement and an interim report). Check the dates.`,
    },
  ];
}

function updated({ doc, asOf }: RuleContext): Finding[] {
  const node = nodeAt(doc, UPDATED);
  const date = parseIsoDate(scalarText(doc, node) ?? '');
  const months = thresholds.modelReportUpdateMonths.value;
  if (!date || addMonths(date, months).iso >= asOf.iso) return [];
  return [
    {
      code: 'safety.model-report-update',
      range: nodeRange(doc, node) ?? anchorRange(doc, UPDATED),
      id: 'safety-security/7.6',
      message: `The Model Report was last updated on ${date.iso}, more than ${months} months before ${asOf.iso}, the date this documentation is current as of. ${nameOf('safety-security/7.6')} asks for an updated report to the AI Office at least every ${months} months for your most capable models, unless nothing has changed, a more capable model follows within a month, or the model is similarly safe or safer. Update it, or suppress this finding giving the exception that applies.`,
    },
  ];
}
