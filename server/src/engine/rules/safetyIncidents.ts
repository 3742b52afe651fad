/**
 * Safety and Security Measure 9.3: the serious-incident reporting timelines stated in the file are no
 * longer than the Code's: initial reports within 2, 5, 10 or 15 days by kind of harm, intermediate reports
 * at least every 4 weeks, a final report within 60 days of resolution.
 */
import { thresholds } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, scalarValue, type GpaiDocument } from '../document';
import { nameOf } from './common';
import type { CodeInfo, Finding, Rule } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'safety.incident-timelines',
    title: "A serious-incident reporting timeline is longer than the Code's",
    severity: 'error',
    fixable: true,
  },
];

const ANSWER = ['safety_and_security', 'serious_incident_reporting', 'reporting_timelines'];
const ID = 'safety-security/9.3';

interface Limit {
  readonly path: readonly string[];
  readonly max: number;
  readonly unit: 'days' | 'weeks';
  readonly what: string;
}

const LIMITS: readonly Limit[] = [
  ...Object.entries(thresholds.incidentInitialReportDays).map(([key, { days, harm }]) => ({
    path: [...ANSWER, 'initial_report_days', key],
    max: days,
    unit: 'days' as const,
    what: `the initial report of a ${harm}`,
  })),
  {
    path: [...ANSWER, 'intermediate_report_weeks'],
    max: thresholds.incidentIntermediateReportWeeks.value,
    unit: 'weeks',
    what: 'intermediate reports while an incident is unresolved',
  },
  {
    path: [...ANSWER, 'final_report_days'],
    max: thresholds.incidentFinalReportDays.value,
    unit: 'days',
    what: 'the final report after an incident is resolved',
  },
];

export const safetyIncidents: Rule = {
  name: 'safetyIncidents',
  codes,
  check({ doc, applicability }) {
    if (!applicability.systemicRisk) return [];
    return LIMITS.flatMap((limit) => tooLong(doc, limit));
  },
};

function tooLong(doc: GpaiDocument, limit: Limit): Finding[] {
  const node = nodeAt(doc, limit.path);
  const value = scalarValue(node);
  if (typeof value !== 'number' || value <= limit.max) return [];
  const key = limit.path[limit.path.length - 1];
  return [
    {
      code: 'safety.incident-timelines',
      range: nodeRange(doc, node) ?? anchorRange(doc, limit.path),
      id: ID,
      fix: {
        kind: 'set-value',
        path: limit.path,
        value: String(limit.max),
        title: `Set ${key} to the Code's ${limit.max} ${limit.unit}`,
      },
      message: `\`${key}\` is ${value} ${limit.unit}, longer than ${nameOf(ID)} allows for ${limit.what}: at most ${limit.max} ${limit.unit}. Shorten the timeline to ${limit.max} ${limit.unit} or less.`,
    },
  ];
}
