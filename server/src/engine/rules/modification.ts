/**
 * Modified models: a model that lists base models of another provider under model dependencies (form 1.6)
 * modifies or fine-tunes them. When the modification makes its author the provider of a new general-purpose
 * AI model (more than one third of the base model's training compute, under the Commission's guidelines), or
 * when that is not known, the provider documents the modification only (Transparency chapter, recital (b);
 * AI Act Recital 109); each base model needs its name, provider and version, and the file says what was
 * changed. At most one third, the role rule says there are no such duties.
 */
import { isMap } from 'yaml';
import { GPAI_GUIDELINES, KEYS, named, Named, thresholds } from '../catalogue';
import type { Applicability } from '../applicability';
import { formatScientific, parseNotApplicable } from '../values';
import { sourceNote } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'modification.base-model',
    title: 'A base model lacks its name, provider or version',
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'modification.description',
    title: 'A modified model does not say what was modified',
    severity: 'warning',
    fixable: true,
  },
  {
    code: 'modification.no-base-model',
    title: 'A modification is described but no base model is listed',
    severity: 'error',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const DEPENDENCIES = KEYS.general_information.model_dependencies;
const MODIFICATION = KEYS.classification.modification;
const FIELDS = [DEPENDENCIES.each.name, DEPENDENCIES.each.provider, DEPENDENCIES.each.version];

export const modification = defineRule({
  name: 'modification',
  codes,
  check(ctx) {
    return [...baseModels(ctx), ...description(ctx)];
  },
});

function baseModels({ model }: RuleContext): Finding<Code>[] {
  const out: Finding<Code>[] = [];
  model.entries(DEPENDENCIES.path).forEach((entry, i) => {
    if (!isMap(entry.node)) return;
    // Keys written empty are reported as empty answers; this rule names the keys that are not there.
    const absent = FIELDS.filter((f) => !model.nodeAt([...entry.path, ...f.rel])).map((f) => f.rel[0]);
    if (!absent.length) return;
    const name = model.text([...entry.path, ...DEPENDENCIES.each.name.rel])?.trim();
    out.push({
      code: 'modification.base-model',
      range: entry.range,
      id: DEPENDENCIES.id,
      fix: { kind: 'insert-keys', parent: entry.path, keys: absent },
      message: `Base model ${i + 1}${name ? ` (${name})` : ''} of ${named(DEPENDENCIES.id)} has no ${absent.join(', no ')}. Name each model you modified or fine-tuned with its provider and version, so that readers can find its own documentation.`,
    });
  });
  return out;
}

function description({ model, applicability }: RuleContext): Finding<Code>[] {
  const written = (model.text(MODIFICATION.path) ?? '').trim();
  const dependencies = model.text(DEPENDENCIES.path);
  const r = applicability.role;
  // Only a downstream modifier documents a modification; at most one third, it has no duties (role rule).
  if (applicability.modified && r.downstream && r.newModel !== false && !written) {
    return [
      {
        code: 'modification.description',
        range: model.anchor(model.nodeAt(MODIFICATION.path) ? MODIFICATION.path : DEPENDENCIES.path),
        id: MODIFICATION.id,
        provisions: ['Recital 109', GPAI_GUIDELINES],
        ...(model.has(MODIFICATION.path)
          ? {}
          : {
              fix: {
                kind: 'insert-keys',
                parent: KEYS.classification.path,
                keys: [MODIFICATION.path[MODIFICATION.path.length - 1]],
              } as const,
            }),
        message: `${Named(DEPENDENCIES.id)} lists base models of another provider, so this model modifies them. ${oneThird(applicability)} Say what you changed in \`classification.modification\`, and give the training, data, compute and energy of your modification in Sections 5 to 8.`,
      },
    ];
  }
  if (written && dependencies !== undefined && parseNotApplicable(dependencies)) {
    return [
      {
        code: 'modification.no-base-model',
        range: model.range(DEPENDENCIES.path),
        id: DEPENDENCIES.id,
        message: `\`classification.modification\` describes a modification, but ${named(DEPENDENCIES.id)} says ${dependencies.trim()}. List the base models you modified or fine-tuned, each with its name, provider and version, or remove the description if the model is not a modification.`,
      },
    ];
  }
  return [];
}

/** What the one-third test says of this modification, for the description's message. */
function oneThird(a: Applicability): string {
  const r = a.role;
  const share = thresholds.modificationComputeShare;
  const limited =
    'your duties as its provider are limited to the modification (Transparency chapter, recital (b); AI Act Recital 109)';
  if (r.newModel === true)
    return `Your modification used ${formatScientific(r.modificationCompute!)} FLOP, more than ${share.words} of the base model's training compute of ${formatScientific(r.baseCompute!)} FLOP, so under the Commission's guidelines${sourceNote(share.confidence)} you are the provider of a new general-purpose AI model, and ${limited}.`;
  const missing = [
    r.modificationCompute === undefined ? "your modification's compute" : undefined,
    r.baseCompute === undefined
      ? `the base model's training compute (\`${KEYS.classification.base_model_training_compute.path.join('.')}\`)`
      : undefined,
  ].filter(Boolean);
  return `Whether that makes you the provider of a new general-purpose AI model is not known: the Commission's guidelines${sourceNote(share.confidence)} make you one only when the modification used more than ${share.words} of the base model's training compute, and this file does not give ${missing.join(' or ')}. If it did, ${limited}.`;
}
