/**
 * Every rule, listed once. A new rule is a file in this folder, added here, with its codes documented in
 * docs/diagnostics.md (a unit test checks both ways).
 */
import { consistency } from './consistency';
import { copyright } from './copyright';
import { dates } from './dates';
import { exemption } from './exemption';
import { length } from './length';
import { links } from './links';
import { missing } from './missing';
import { modification } from './modification';
import { notApplicable } from './notApplicable';
import { placeholders } from './placeholders';
import { precision } from './precision';
import { safetyFramework } from './safetyFramework';
import { safetyIncidents } from './safetyIncidents';
import { safetyModelReport } from './safetyModelReport';
import { safetyRetention } from './safetyRetention';
import { safetySpecifiedRisks } from './safetySpecifiedRisks';
import { shape } from './shape';
import { summary } from './summary';
import { systemicRisk } from './systemicRisk';
import type { CodeInfo, Rule } from './types';
import { unknownKey } from './unknownKey';
import { yamlSyntax } from './yamlSyntax';

export const rules: readonly Rule[] = [
  yamlSyntax,
  shape,
  unknownKey,
  missing,
  systemicRisk,
  exemption,
  precision,
  consistency,
  dates,
  notApplicable,
  placeholders,
  length,
  modification,
  copyright,
  safetySpecifiedRisks,
  safetyFramework,
  safetyModelReport,
  safetyIncidents,
  safetyRetention,
  summary,
  links,
];

/** Codes reported by the diagnostics layer itself (suppression comments). */
export const suppressionCodes: readonly CodeInfo[] = [
  { code: 'suppression.no-reason', title: 'A suppression comment gives no reason', severity: 'warning' },
  { code: 'suppression.unused', title: 'A suppression comment suppresses nothing', severity: 'warning', fixable: true },
  {
    code: 'suppression.unknown-code',
    title: 'A suppression comment names a code that does not exist',
    severity: 'warning',
  },
  { code: 'rule.failed', title: 'A check failed to run on this file', severity: 'information' },
];

export const allCodes: readonly CodeInfo[] = [...rules.flatMap((r) => r.codes), ...suppressionCodes];

const codeIndex = new Map(allCodes.map((c) => [c.code, c] as const));

export function getCodeInfo(code: string): CodeInfo | undefined {
  return codeIndex.get(code);
}
