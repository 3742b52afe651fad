/**
 * The provider's role (Commission Guidelines C(2025) 5045 final, as secondary sources describe them): an
 * original provider's own fine-tunes are the same model, documented as versions, not as dependencies; a
 * downstream modifier becomes the provider of a new general-purpose AI model only when its modification used
 * more than one third of the base model's training compute, and below that has no GPAI-provider duties for it.
 * The role stated must agree with the base models listed (form 1.6).
 */
import { isMap } from 'yaml';
import { GPAI_GUIDELINES, KEYS, named, thresholds } from '../catalogue';
import { formatScientific } from '../values';
import { sourceNote } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'role.own-model',
    title: "The provider's own model is listed as a base model",
    severity: 'warning',
  },
  {
    code: 'role.mismatch',
    title: 'The provider role contradicts the base models listed',
    severity: 'warning',
  },
  {
    code: 'role.not-a-provider',
    title: "A modification at most one third of the base model's compute: no GPAI-provider duties",
    severity: 'information',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const C = KEYS.classification;
const DEPENDENCIES = KEYS.general_information.model_dependencies;
const LEGAL_NAME = KEYS.general_information.provider_legal_name;
const VERSIONS = KEYS.general_information.model_versions;
const COMPUTE = KEYS.computational_resources.training_compute;

export const role = defineRule({
  name: 'role',
  codes,
  check(ctx) {
    return [...ownModels(ctx), ...mismatch(ctx), ...belowOneThird(ctx)];
  },
});

function ownModels({ model, applicability }: RuleContext): Finding<Code>[] {
  const entries = model.entries(DEPENDENCIES.path).filter((e) => isMap(e.node));
  const provider = model.text(LEGAL_NAME.path)?.trim();
  return applicability.role.ownBaseModels.map((i) => {
    const entry = entries[i];
    const name = model.text([...entry.path, ...DEPENDENCIES.each.name.rel])?.trim();
    return {
      code: 'role.own-model',
      range: entry.range,
      id: DEPENDENCIES.id,
      provisions: [GPAI_GUIDELINES],
      message: `Base model ${i + 1}${name ? ` (${name})` : ''} of ${named(DEPENDENCIES.id)} is your own: its provider is ${provider}, as in ${named(LEGAL_NAME.id)}. An original provider's fine-tunes and modifications stay the same model, in its lifecycle, under the Commission's guidelines${sourceNote(thresholds.modificationComputeShare.confidence)}: list it among the versions this documentation covers (\`${VERSIONS.path.join('.')}\`, ${named(VERSIONS.id)}) and update its documentation, not as a dependency.`,
    };
  });
}

function mismatch({ model, applicability }: RuleContext): Finding<Code>[] {
  const r = applicability.role;
  const entries = model.entries(DEPENDENCIES.path).filter((e) => isMap(e.node));
  const where = `\`${C.provider_role.path.join('.')}\``;
  if (r.declared === 'original-provider' && entries.length > r.ownBaseModels.length) {
    return [
      {
        code: 'role.mismatch',
        range: model.range(C.provider_role.path),
        id: C.provider_role.id,
        provisions: [GPAI_GUIDELINES],
        message: `${where} is original-provider, but ${named(DEPENDENCIES.id)} lists base models of another provider. If you modified or fine-tuned another provider's model, you are a downstream modifier: set the role to downstream-modifier and give the compute of your modification and of the base model's training. If you trained the model yourself, remove them from ${named(DEPENDENCIES.id)}.`,
      },
    ];
  }
  if (r.declared === 'downstream-modifier' && entries.length === 0) {
    return [
      {
        code: 'role.mismatch',
        range: model.range(C.provider_role.path),
        id: C.provider_role.id,
        provisions: [GPAI_GUIDELINES],
        message: `${where} is downstream-modifier, but ${named(DEPENDENCIES.id)} lists no base model. Name the model you modified or fine-tuned, with its provider and version, or set the role to original-provider.`,
      },
    ];
  }
  return [];
}

function belowOneThird({ model, applicability }: RuleContext): Finding<Code>[] {
  const r = applicability.role;
  if (!r.downstream || r.newModel !== false) return [];
  const share = thresholds.modificationComputeShare;
  const own = r.modificationFrom === 'key';
  const modPath = own ? C.modification_compute.path : COMPUTE.path;
  const modWhere = own
    ? `\`${C.modification_compute.path.join('.')}\``
    : `${named(COMPUTE.id)}, read as the compute of your modification`;
  return [
    {
      code: 'role.not-a-provider',
      range: model.range(modPath),
      id: C.modification_compute.id,
      provisions: [GPAI_GUIDELINES],
      message: `Your modification used ${formatScientific(r.modificationCompute!)} FLOP (${modWhere}), not more than ${share.words} of the base model's training compute of ${formatScientific(r.baseCompute!)} FLOP (\`${C.base_model_training_compute.path.join('.')}\`; ${share.words} is ${formatScientific(r.baseCompute! * share.value)} FLOP). Under the Commission's guidelines${sourceNote(share.confidence)}, you are then indicatively not the provider of a new general-purpose AI model and have no duties as its provider: the base model's provider keeps them. gpai-docs treats this documentation as voluntary.`,
    },
  ];
}
