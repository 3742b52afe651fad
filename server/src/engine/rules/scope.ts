/**
 * Whether the model is a general-purpose AI model at all, by the indicative criterion of the Commission's
 * guidelines (C(2025) 5045 final): training compute greater than 10^23 FLOP and the ability to generate
 * language (text or audio), images or video. Read from the file's own figures (form 7.4 and 2.6; for a
 * modification, the base model's compute plus its own); said once, as information, unless the file explains
 * why it treats the model as one all the same.
 */
import { GPAI_GUIDELINES, KEYS, named, thresholds } from '../catalogue';
import { formatScientific } from '../values';
import { sourceNote } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'scope.not-gpai',
    title: "By the file's own figures, indicatively not a general-purpose AI model",
    severity: 'information',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const C = KEYS.classification;
const COMPUTE = KEYS.computational_resources.training_compute;
const OUTPUTS = KEYS.model_properties.output_modalities;
const REASON = C.gpai_scope_reason.path;

export const scope = defineRule({
  name: 'scope',
  codes,
  check(ctx) {
    return notGpai(ctx);
  },
});

function notGpai({ model, applicability: a }: RuleContext): Finding<Code>[] {
  const s = a.scope;
  // A downstream modification at most one third of its base is the role rule's: it says no duties already.
  if (!s.indicativelyNot || a.systemicRisk || (a.role.downstream && a.role.newModel === false)) return [];
  const criterion = thresholds.gpaiIndicativeCompute;
  const low = s.compute !== undefined && s.compute <= criterion.flop;
  const figures = [
    low
      ? a.role.downstream
        ? `its training compute of ${formatScientific(s.compute!)} FLOP, the base model's (\`${C.base_model_training_compute.path.join('.')}\`) plus your modification's, is not greater than 10^23 FLOP`
        : `its training compute of ${formatScientific(s.compute!)} FLOP (${named(COMPUTE.id)}) is not greater than 10^23 FLOP`
      : undefined,
    s.generative === false
      ? `its outputs (${named(OUTPUTS.id)}) include none of language (text or audio), images or video`
      : undefined,
  ].filter(Boolean);
  return [
    {
      code: 'scope.not-gpai',
      range: model.range(low ? (a.role.downstream ? C.base_model_training_compute.path : COMPUTE.path) : OUTPUTS.path),
      id: C.gpai_scope_reason.id,
      provisions: [GPAI_GUIDELINES],
      ...(model.has(REASON)
        ? {}
        : { fix: { kind: 'insert-keys', parent: C.path, keys: [String(REASON[REASON.length - 1])] } as const }),
      message: `By this file's own figures the model is indicatively not a general-purpose AI model: ${figures.join(', and ')}. The Commission's guidelines${sourceNote(criterion.confidence)} treat a model as one when its training compute is greater than 10^23 FLOP and it can generate language (text or audio), images or video. The duties of providers of general-purpose AI models (AI Act Chapter V) may then not bind it, and gpai-docs treats this documentation as voluntary. The criterion is indicative: if you treat the model as a general-purpose AI model all the same, say why in \`${C.gpai_scope_reason.path.join('.')}\`.`,
    },
  ];
}
