/**
 * Retention periods of the Safety and Security chapter: serious-incident documentation kept at least
 * 5 years (Measure 9.4), additional documentation at least 10 years after market placement (Measure 10.1).
 */
import { KEYS, named, thresholds } from '../catalogue';

import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  {
    code: 'safety.retention',
    title: "A retention period is shorter than the Code's",
    severity: 'error',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const PERIODS = [
  {
    ...KEYS.safety_and_security.serious_incident_reporting.retention_period.retention_years,
    min: thresholds.incidentRetentionYears.value,
    what: 'serious-incident documentation, counted from the date of the documentation or of the incident, whichever is later',
  },
  {
    ...KEYS.safety_and_security.additional_documentation.additional_documentation.retention_years,
    min: thresholds.additionalDocumentationRetentionYears.value,
    what: 'the additional documentation for the AI Office, counted from market placement',
  },
];

export const safetyRetention = defineRule({
  name: 'safetyRetention',
  codes,
  check({ model, applicability }) {
    if (!applicability.systemicRisk) return [];
    return PERIODS.flatMap(({ path, id, min, what }): Finding<Code>[] => {
      const value = model.value(path);
      if (typeof value !== 'number' || value >= min) return [];
      return [
        {
          code: 'safety.retention',
          range: model.range(path),
          id,
          fix: { kind: 'set-value', path, value: String(min), title: `Keep it ${min} years` },
          message: `\`retention_years\` is ${value}: ${named(id)} asks to keep ${what}, for at least ${min} years. Set it to ${min} or more.`,
        },
      ];
    });
  },
});
