/**
 * Safety and Security Measures 1.1 and 1.3: the Framework is confirmed no later than 2 weeks before market
 * placement and no later than 4 weeks after the Art. 52(1) notification, and assessed at least every
 * 12 months.
 */
import { obligationsApplyDate, thresholds } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, scalarText, type GpaiDocument } from '../document';
import { addMonths, daysBetween, parseIsoDate, type IsoDate } from '../values';
import { nameOf, readableDate } from './common';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';

const codes: readonly CodeInfo[] = [
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
];

const FRAMEWORK = ['safety_and_security', 'framework'];
const CONFIRMED = [...FRAMEWORK, 'creating_the_framework', 'confirmed'];
const ASSESSED = [...FRAMEWORK, 'updating_the_framework', 'last_assessed'];
const NOTIFIED = ['classification', 'notification_date'];
const DAYS_PER_WEEK = 7;

export const safetyFramework: Rule = {
  name: 'safetyFramework',
  codes,
  check(ctx) {
    if (!ctx.applicability.systemicRisk) return [];
    return [...timing(ctx), ...assessment(ctx)];
  },
};

function dateAt(doc: GpaiDocument, path: readonly string[]): IsoDate | undefined {
  return parseIsoDate(scalarText(doc, nodeAt(doc, path)) ?? '');
}

function rangeAt(doc: GpaiDocument, path: readonly string[]) {
  return nodeRange(doc, nodeAt(doc, path)) ?? anchorRange(doc, path);
}

function timing({ doc, applicability }: RuleContext): Finding[] {
  const confirmed = dateAt(doc, CONFIRMED);
  if (!confirmed) return [];
  const out: Finding[] = [];
  const union = applicability.unionRelease;
  const before = thresholds.frameworkBeforePlacementWeeks.value;
  // A model placed before the obligations applied could not have a Framework in advance (Art. 111(3)).
  if (union && union.iso >= obligationsApplyDate() && daysBetween(confirmed, union) < before * DAYS_PER_WEEK) {
    out.push({
      code: 'safety.framework-timing',
      range: rangeAt(doc, CONFIRMED),
      id: 'safety-security/1.1',
      message: `The Framework was confirmed on ${confirmed.iso}, but the model was placed on the Union market on ${union.iso}: ${nameOf('safety-security/1.1')} asks for it no later than ${before} weeks before placement (${readableDate(addDays(union, -before * DAYS_PER_WEEK).iso)}). Check the dates, and record why it was late.`,
    });
  }
  const notified = dateAt(doc, NOTIFIED);
  const after = thresholds.frameworkAfterNotificationWeeks.value;
  if (notified && daysBetween(notified, confirmed) > after * DAYS_PER_WEEK) {
    out.push({
      code: 'safety.framework-timing',
      range: rangeAt(doc, CONFIRMED),
      id: 'safety-security/1.1',
      provisions: ['Art. 52(1)'],
      message: `The Framework was confirmed on ${confirmed.iso}, more than ${after} weeks after the Commission was notified on ${notified.iso}: ${nameOf('safety-security/1.1')} asks for it no later than ${readableDate(addDays(notified, after * DAYS_PER_WEEK).iso)}. Check the dates, and record why it was late.`,
    });
  }
  return out;
}

function assessment({ doc, applicability, asOf }: RuleContext): Finding[] {
  const assessed = dateAt(doc, ASSESSED);
  const months = thresholds.frameworkAssessmentMonths.value;
  // The cycle runs from market placement: nothing is due in the first 12 months.
  const start = [assessed, applicability.unionRelease]
    .filter((d): d is IsoDate => d !== undefined)
    .sort((a, b) => (a.iso < b.iso ? 1 : -1))[0];
  if (!assessed || !start || addMonths(start, months).iso >= asOf.iso) return [];
  return [
    {
      code: 'safety.framework-assessment',
      range: rangeAt(doc, ASSESSED),
      id: 'safety-security/1.3',
      message: `The Framework was last assessed on ${assessed.iso}, more than ${months} months before ${asOf.iso}, the date this documentation is current as of. ${nameOf('safety-security/1.3')} asks for an assessment at least every ${months} months from market placement: assess it, version the update and record the date.`,
    },
  ];
}

function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return parseIsoDate(d.toISOString().slice(0, 10))!;
}
