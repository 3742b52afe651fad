/**
 * Modified models: a model that lists base models under model dependencies (form 1.6) modifies or
 * fine-tunes them. Its provider documents the modification only (Transparency chapter, recital (b); AI Act
 * Recital 109); each base model needs its name, provider and version, and the file says what was changed.
 */
import { isMap } from 'yaml';
import { getFormatEntry, KEYS, named, Named } from '../catalogue';

import { parseNotApplicable } from '../values';
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
  const about = getFormatEntry(MODIFICATION.id)!.about;
  if (applicability.modified && !written) {
    return [
      {
        code: 'modification.description',
        range: model.anchor(model.nodeAt(MODIFICATION.path) ? MODIFICATION.path : DEPENDENCIES.path),
        id: MODIFICATION.id,
        provisions: ['Recital 109'],
        ...(model.has(MODIFICATION.path)
          ? {}
          : {
              fix: {
                kind: 'insert-keys',
                parent: KEYS.classification.path,
                keys: [MODIFICATION.path[MODIFICATION.path.length - 1]],
              } as const,
            }),
        message: `${Named(DEPENDENCIES.id)} lists base models, so this model is a modification of them: your duties under the Transparency chapter are limited to the modification (recital (b); AI Act Recital 109). Say what you changed in \`classification.modification\`: ${about.charAt(0).toLowerCase()}${about.slice(1)}`,
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
