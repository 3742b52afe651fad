/**
 * Safety and Security Commitment 7: the Model Report is available to the AI Office by market placement
 * (Measure 7.7), and updated at least every 6 months for the provider's most capable models (Measure 7.6),
 * unless the classification states the "similarly safe or safer" relief that lifts that cycle (Appendix 2).
 */
import { KEYS, keyPathsFor, named, obligationsApplyDate, reliefs, thresholds } from '../catalogue';
import { reliefNotes } from '../applicability';
import { addMonths, daysBetween, parseIsoDate } from '../values';
import { dotted } from './common';

import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
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
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const REPORTS = KEYS.safety_and_security.model_reports;
const NOTIFICATIONS = REPORTS.model_report_notifications;
const UPDATES = REPORTS.model_report_updates;

export const safetyModelReport = defineRule({
  name: 'safetyModelReport',
  codes,
  check(ctx) {
    if (!ctx.applicability.systemicRisk) return [];
    return [...provided(ctx), ...updated(ctx)];
  },
});

function provided({ model, applicability }: RuleContext): Finding<Code>[] {
  const date = parseIsoDate(model.text(NOTIFICATIONS.provided.path) ?? '');
  const union = applicability.unionRelease;
  const grace = thresholds.modelReportAfterPlacementDays.value;
  // Models placed before the obligations applied had no Model Report to give at placement (Art. 111(3)).
  if (!date || !union || union.iso < obligationsApplyDate() || daysBetween(union, date) <= grace) return [];
  return [
    {
      code: 'safety.model-report',
      range: model.range(NOTIFICATIONS.provided.path),
      id: NOTIFICATIONS.id,
      message: `The Model Report was made available to the AI Office on ${date.iso}, after the model was placed on the Union market on ${union.iso}. ${named(NOTIFICATIONS.id)} asks for it by the time of placement (a delay of up to ${thresholds.modelReportMaxDelayBusinessDays.value} business days is possible only with the AI Office's agreement and an interim report). Check the dates.`,
    },
  ];
}

/** The relief that lifts the 6-monthly update (Appendix 2), from the catalogue. */
const CYCLE_RELIEF = reliefs.find((r) => r.effects.some((e) => e.target === UPDATES.id && e.kind === 'lifted-in-part'));

function updated({ model, asOf, applicability }: RuleContext): Finding<Code>[] {
  const date = parseIsoDate(model.text(UPDATES.last_updated.path) ?? '');
  const months = thresholds.modelReportUpdateMonths.value;
  if (!date || addMonths(date, months).iso >= asOf.iso) return [];
  if (reliefNotes(applicability, UPDATES.id).some((n) => n.kind === 'lifted-in-part')) return [];
  const reliefKey = CYCLE_RELIEF ? keyPathsFor(CYCLE_RELIEF.id)[0] : undefined;
  const state = reliefKey ? ` (state it in \`${dotted(reliefKey)}\`, naming the safe reference model)` : '';
  return [
    {
      code: 'safety.model-report-update',
      range: model.range(UPDATES.last_updated.path),
      id: UPDATES.id,
      message: `The Model Report was last updated on ${date.iso}, more than ${months} months before ${asOf.iso}, the date this documentation is current as of. ${named(UPDATES.id)} asks for an updated report to the AI Office at least every ${months} months for your most capable models, unless nothing has changed, a more capable model follows within a month, or the model is similarly safe or safer${state}. Update it, or suppress this finding giving the exception that applies.`,
    },
  ];
}
