/**
 * Safety and Security Measure 2.1: the four specified systemic risks of Appendix 1.4 (CBRN, loss of
 * control, cyber offence, harmful manipulation) are always identified, each addressed in the answer.
 */
import { isMap } from 'yaml';
import { getValueSet } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, pairOf, scalarText } from '../document';
import { nameOf, NameOf } from './common';
import type { CodeInfo, Finding, Rule } from './types';

const codes: readonly CodeInfo[] = [
  {
    code: 'safety.specified-risks',
    title: 'A specified systemic risk of Appendix 1.4 is not addressed',
    severity: 'warning',
    fixable: true,
  },
];

const ANSWER = ['safety_and_security', 'risk_identification', 'identification_process'];
const RISKS = [...ANSWER, 'specified_risks'];
const ID = 'safety-security/2.1';
const SPECIFIED = getValueSet('specified-risks').options;

export const safetySpecifiedRisks: Rule = {
  name: 'safetySpecifiedRisks',
  codes,
  check({ doc, applicability }) {
    if (!applicability.systemicRisk) return [];
    const status = scalarText(doc, nodeAt(doc, [...ANSWER, 'status']))?.trim();
    if (status === 'not_applicable') {
      return [
        {
          code: 'safety.specified-risks',
          range: nodeRange(doc, nodeAt(doc, [...ANSWER, 'status'])) ?? anchorRange(doc, ANSWER),
          id: ID,
          message: `${NameOf(ID)} is marked not_applicable, but the four specified systemic risks of Appendix 1.4 (${SPECIFIED.map((o) => o.label).join('; ')}) are always identified for a model with systemic risk. Answer the measure.`,
        },
      ];
    }
    const map = nodeAt(doc, RISKS);
    if (!isMap(map)) return [];
    const absent = SPECIFIED.filter((o) => !pairOf(map, o.value));
    if (!absent.length) return [];
    const finding: Finding = {
      code: 'safety.specified-risks',
      range: anchorRange(doc, RISKS),
      id: ID,
      fix: { kind: 'insert-keys', parent: RISKS, keys: absent.map((o) => o.value) },
      message: `${NameOf(ID)}: the specified systemic risks of Appendix 1.4 are always identified, and ${absent.map((o) => `${o.label} (\`${o.value}\`)`).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not addressed under \`specified_risks\`. For each, say how it was identified and where it is analysed, as ${nameOf(ID)} asks.`,
    };
    return [finding];
  },
};
