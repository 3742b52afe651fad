/**
 * Safety and Security Measure 9.3: the serious-incident reporting timelines stated in the file are no
 * longer than the Code's: initial reports within 2, 5, 10 or 15 days by kind of harm, intermediate reports
 * at least every 4 weeks, a final report within 60 days of resolution.
 */
import { KEYS, named, thresholds, type PathSegment } from '../catalogue';
import type { FileModel } from '../model';

import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  {
    code: 'safety.incident-timelines',
    title: "A serious-incident reporting timeline is longer than the Code's",
    severity: 'error',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const ANSWER = KEYS.safety_and_security.serious_incident_reporting.reporting_timelines;
const ID = ANSWER.id;

interface Limit {
  readonly path: readonly PathSegment[];
  readonly max: number;
  readonly unit: 'days' | 'weeks';
  readonly what: string;
}

const LIMITS: readonly Limit[] = [
  ...Object.entries(thresholds.incidentInitialReportDays).map(([key, { days, harm }]) => ({
    path: [...ANSWER.initial_report_days.path, key],
    max: days,
    unit: 'days' as const,
    what: `the initial report of an incident involving ${harm}, counted from when you become aware of the model's involvement`,
  })),
  {
    path: ANSWER.intermediate_report_weeks.path,
    max: thresholds.incidentIntermediateReportWeeks.value,
    unit: 'weeks',
    what: 'intermediate reports while an incident is unresolved',
  },
  {
    path: ANSWER.final_report_days.path,
    max: thresholds.incidentFinalReportDays.value,
    unit: 'days',
    what: 'the final report after an incident is resolved',
  },
];

export const safetyIncidents = defineRule({
  name: 'safetyIncidents',
  codes,
  check({ model, applicability }) {
    if (!applicability.systemicRisk) return [];
    return LIMITS.flatMap((limit) => tooLong(model, limit));
  },
});

function tooLong(model: FileModel, limit: Limit): Finding<Code>[] {
  const value = model.value(limit.path);
  if (typeof value !== 'number' || value <= limit.max) return [];
  const key = limit.path[limit.path.length - 1];
  return [
    {
      code: 'safety.incident-timelines',
      range: model.range(limit.path),
      id: ID,
      fix: {
        kind: 'set-value',
        path: limit.path,
        value: String(limit.max),
        title: `Set ${key} to the Code's ${limit.max} ${limit.unit}`,
      },
      message: `\`${key}\` is ${value} ${limit.unit}, longer than ${named(ID)} allows for ${limit.what}: at most ${limit.max} ${limit.unit}. Shorten the timeline to ${limit.max} ${limit.unit} or less.`,
    },
  ];
}
