/**
 * Retention periods of the Safety and Security chapter: serious-incident documentation kept at least
 * 5 years (Measure 9.4), additional documentation at least 10 years after market placement (Measure 10.1).
 */
import { thresholds } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, scalarValue } from '../document';
import { nameOf } from './common';
import type { CodeInfo, Finding, Rule } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'safety.retention',
    title: "A retention period is shorter than the Code's",
    severity: 'error',
    fixable: true,
  },
];

const PERIODS = [
  {
    path: ['safety_and_security', 'serious_incident_reporting', 'retention_period', 'retention_years'],
    id: 'safety-security/9.4',
    min: thresholds.incidentRetentionYears.value,
    what: 'serious-incident documentation, counted from the date of the documentation or of the incident, whichever is later',
  },
  {
    path: ['safety_and_security', 'additional_documentation', 'additional_documentation', 'retention_years'],
    id: 'safety-security/10.1',
    min: thresholds.additionalDocumentationRetentionYears.value,
    what: 'the additional documentation for the AI Office, counted from market placement',
  },
];

export const safetyRetention: Rule = {
  name: 'safetyRetention',
  codes,
  check({ doc, applicability }) {
    if (!applicability.systemicRisk) return [];
    return PERIODS.flatMap(({ path, id, min, what }): Finding[] => {
      const node = nodeAt(doc, path);
      const value = scalarValue(node);
      if (typeof value !== 'number' || value >= min) return [];
      return [
        {
          code: 'safety.retention',
          range: nodeRange(doc, node) ?? anchorRange(doc, path),
          id,
          fix: { kind: 'set-value', path, value: String(min), title: `Keep it ${min} years` },
          message: `\`retention_years\` is ${value}: ${nameOf(id)} asks to keep ${what}, for at least ${min} years. Set it to ${min} or more.`,
        },
      ];
    });
  },
};
