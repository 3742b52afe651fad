/**
 * Safety and Security Measure 2.1: the four specified systemic risks of Appendix 1.4 (CBRN, loss of
 * control, cyber offence, harmful manipulation) are always identified, each addressed in the answer.
 */
import { isMap } from 'yaml';
import { ANSWER_KEYS, getValueSet, KEYS, named, Named } from '../catalogue';

import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const codes = [
  {
    code: 'safety.specified-risks',
    title: 'A specified systemic risk of Appendix 1.4 is not addressed',
    severity: 'warning',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const ANSWER = KEYS.safety_and_security.risk_identification.identification_process;
const RISKS = ANSWER.specified_risks.path;
const STATUS = [...ANSWER.path, ANSWER_KEYS.status];
const ID = ANSWER.id;
const SPECIFIED = getValueSet('specified-risks').options;

export const safetySpecifiedRisks = defineRule({
  name: 'safetySpecifiedRisks',
  codes,
  check({ model, applicability }) {
    if (!applicability.systemicRisk) return [];
    const status = model.text(STATUS)?.trim();
    if (status === 'not_applicable') {
      return [
        {
          code: 'safety.specified-risks',
          range: model.range(STATUS),
          id: ID,
          message: `${Named(ID)} is marked not_applicable, but the four specified systemic risks of Appendix 1.4 (${SPECIFIED.map((o) => o.label).join('; ')}) are always identified for a model with systemic risk. Answer the measure.`,
        },
      ];
    }
    if (!isMap(model.at(RISKS)?.node)) return [];
    const absent = SPECIFIED.filter((o) => !model.has([...RISKS, o.value]));
    if (!absent.length) return [];
    const finding: Finding<Code> = {
      code: 'safety.specified-risks',
      range: model.anchor(RISKS),
      id: ID,
      fix: { kind: 'insert-keys', parent: RISKS, keys: absent.map((o) => o.value) },
      message: `${Named(ID)}: the specified systemic risks of Appendix 1.4 are always identified, and ${absent.map((o) => `${o.label} (\`${o.value}\`)`).join(', ')} ${absent.length === 1 ? 'is' : 'are'} not addressed under \`specified_risks\`. For each, say how it was identified and where it is analysed, as ${named(ID)} asks.`,
    };
    return [finding];
  },
});
