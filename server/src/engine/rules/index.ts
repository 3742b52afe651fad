/**
 * Every rule, listed once. A new rule is a file in this folder, added here, with its codes documented in
 * docs/diagnostics.md (a unit test checks both ways).
 */
import { consistency } from './consistency';
import { copyright } from './copyright';
import { dates } from './dates';
import { exemption } from './exemption';
import { history } from './history';
import { length } from './length';
import { links } from './links';
import { missing } from './missing';
import { modification } from './modification';
import { notApplicable } from './notApplicable';
import { placeholders } from './placeholders';
import { precision } from './precision';
import { reliefs } from './reliefs';
import { representative } from './representative';
import { role } from './role';
import { safetyFramework } from './safetyFramework';
import { safetyIncidents } from './safetyIncidents';
import { safetyModelReport } from './safetyModelReport';
import { safetyRetention } from './safetyRetention';
import { safetySpecifiedRisks } from './safetySpecifiedRisks';
import { scope } from './scope';
import { shape } from './shape';
import { signatory } from './signatory';
import { summary } from './summary';
import { superseded } from './superseded';
import { systemicRisk } from './systemicRisk';
import type { CodeInfo, Rule } from './types';
import { unknownKey } from './unknownKey';
import { yamlSyntax } from './yamlSyntax';

export const rules = [
  yamlSyntax,
  shape,
  superseded,
  unknownKey,
  missing,
  systemicRisk,
  exemption,
  precision,
  consistency,
  dates,
  history,
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
  scope,
  role,
  representative,
  signatory,
  reliefs,
] as const;

/**
 * The rules that check the file's form (YAML, shapes, key names, values an earlier form offered) rather than
 * what the law asks: their findings are not reworded for a chapter of the Code the provider did not sign
 * (signatory.ts).
 */
export const formalRules: ReadonlySet<Rule<Code>> = new Set<Rule<Code>>([yamlSyntax, shape, superseded, unknownKey]);

/** The codes of the rules: a finding or a setting naming any other code does not compile. */
type RuleCode = (typeof rules)[number] extends Rule<infer C> ? C : never;

/** Codes reported by the diagnostics layer itself (suppression comments, a rule that failed). */
export const suppressionCodes = [
  { code: 'suppression.no-reason', title: 'A suppression comment gives no reason', severity: 'warning' },
  { code: 'suppression.unused', title: 'A suppression comment suppresses nothing', severity: 'warning', fixable: true },
  {
    code: 'suppression.unknown-code',
    title: 'A suppression comment names a code that does not exist',
    severity: 'warning',
  },
  { code: 'rule.failed', title: 'A check failed to run on this file', severity: 'information' },
] as const satisfies readonly CodeInfo[];

/** Every diagnostic code gpai-docs reports. */
export type Code = RuleCode | (typeof suppressionCodes)[number]['code'];

export const allCodes: readonly CodeInfo<Code>[] = [
  ...rules.flatMap((r): readonly CodeInfo<Code>[] => r.codes),
  ...suppressionCodes,
];

const codeIndex = new Map(allCodes.map((c) => [c.code, c] as const));

/** What a code means, for a code read from a setting, a suppression or a client: `undefined` if unknown. */
export function getCodeInfo(code: string): CodeInfo<Code> | undefined {
  return codeIndex.get(code as Code);
}

/** Whether a string read from outside (a setting, a suppression comment) is a diagnostic code. */
export function isCode(code: string): code is Code {
  return codeIndex.has(code as Code);
}
