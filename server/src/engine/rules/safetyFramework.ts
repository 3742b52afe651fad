/**
 * Safety and Security Measures 1.1 and 1.3: the Framework is confirmed no later than 2 weeks before market
 * placement and no later than 4 weeks after the Art. 52(1) notification, and assessed at least every
 * 12 months.
 */
import { KEYS, named, obligationsApplyDate, thresholds, type PathSegment } from '../catalogue';
import type { FileModel } from '../model';
import { addDays, addMonths, daysBetween, parseIsoDate, type IsoDate } from '../values';
import { readableDate } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'safety.framework-timing',
    title: 'The Framework was confirmed later than Measure 1.1 asks',
    severity: 'warning',
  },
  {
    code: 'safety.framework-assessment',
    title: 'The Framework has not been assessed for more than 12 months',
    severity: 'warning',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const FRAMEWORK = KEYS.safety_and_security.framework;
const CREATING = FRAMEWORK.creating_the_framework;
const UPDATING = FRAMEWORK.updating_the_framework;
const CONFIRMED = CREATING.confirmed.path;
const ASSESSED = UPDATING.last_assessed.path;
const NOTIFIED = KEYS.classification.notification_date.path;
const DAYS_PER_WEEK = 7;

export const safetyFramework = defineRule({
  name: 'safetyFramework',
  codes,
  check(ctx) {
    if (!ctx.applicability.systemicRisk) return [];
    return [...timing(ctx), ...assessment(ctx)];
  },
});

function dateAt(model: FileModel, path: readonly PathSegment[]): IsoDate | undefined {
  return parseIsoDate(model.text(path) ?? '');
}

function timing({ model, applicability }: RuleContext): Finding<Code>[] {
  const confirmed = dateAt(model, CONFIRMED);
  if (!confirmed) return [];
  const out: Finding<Code>[] = [];
  const union = applicability.unionRelease;
  const before = thresholds.frameworkBeforePlacementWeeks.value;
  // A model placed before the obligations applied could not have a Framework in advance (Art. 111(3)).
  if (union && union.iso >= obligationsApplyDate() && daysBetween(confirmed, union) < before * DAYS_PER_WEEK) {
    out.push({
      code: 'safety.framework-timing',
      range: model.range(CONFIRMED),
      id: CREATING.id,
      message: `The Framework was confirmed on ${confirmed.iso}, but the model was placed on the Union market on ${union.iso}: ${named(CREATING.id)} asks for it no later than ${before} weeks before placement (${readableDate(addDays(union, -before * DAYS_PER_WEEK).iso)}). Check the dates, and record why it was late.`,
    });
  }
  const notified = dateAt(model, NOTIFIED);
  const after = thresholds.frameworkAfterNotificationWeeks.value;
  if (notified && daysBetween(notified, confirmed) > after * DAYS_PER_WEEK) {
    out.push({
      code: 'safety.framework-timing',
      range: model.range(CONFIRMED),
      id: CREATING.id,
      provisions: ['Art. 52(1)'],
      message: `The Framework was confirmed on ${confirmed.iso}, more than ${after} weeks after the Commission was notified on ${notified.iso}: ${named(CREATING.id)} asks for it no later than ${readableDate(addDays(notified, after * DAYS_PER_WEEK).iso)}. Check the dates, and record why it was late.`,
    });
  }
  return out;
}

function assessment({ model, applicability, asOf }: RuleContext): Finding<Code>[] {
  const assessed = dateAt(model, ASSESSED);
  const months = thresholds.frameworkAssessmentMonths.value;
  // The cycle runs from market placement: nothing is due in the first 12 months.
  const start = [assessed, applicability.unionRelease]
    .filter((d): d is IsoDate => d !== undefined)
    .sort((a, b) => (a.iso < b.iso ? 1 : -1))[0];
  if (!assessed || !start || addMonths(start, months).iso >= asOf.iso) return [];
  return [
    {
      code: 'safety.framework-assessment',
      range: model.range(ASSESSED),
      id: UPDATING.id,
      message: `The Framework was last assessed on ${assessed.iso}, more than ${months} months before ${asOf.iso}, the date this documentation is current as of. ${named(UPDATING.id)} asks for an assessment at least every ${months} months from market placement: assess it, version the update and record the date.`,
    },
  ];
}
