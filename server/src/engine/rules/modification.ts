/**
 * Modified models: a model that lists base models under model dependencies (form 1.6) modifies or
 * fine-tunes them. Its provider documents the modification only (Transparency chapter, recital (b); AI Act
 * Recital 109); each base model needs its name, provider and version, and the file says what was changed.
 */
import { isMap, isSeq } from 'yaml';
import { getFormatEntry } from '../catalogue';
import { hasKey, nodeAt, nodeRange, anchorRange, scalarText } from '../document';
import { nameOf, NameOf } from './common';
import { parseNotApplicable } from '../values';
import type { CodeInfo, Finding, Rule, RuleContext } from './types';

const codes: readonly CodeInfo[] = [
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
];

const DEPENDENCIES = ['general_information', 'model_dependencies'];
const MODIFICATION = ['classification', 'modification'];
const FIELDS = ['name', 'provider', 'version'] as const;

export const modification: Rule = {
  name: 'modification',
  codes,
  check(ctx) {
    return [...baseModels(ctx), ...description(ctx)];
  },
};

function baseModels({ doc }: RuleContext): Finding[] {
  const list = nodeAt(doc, DEPENDENCIES);
  if (!isSeq(list)) return [];
  const out: Finding[] = [];
  list.items.forEach((entry, i) => {
    if (!isMap(entry)) return;
    const path = [...DEPENDENCIES, i];
    // Keys written empty are reported as empty answers; this rule names the keys that are not there.
    const absent = FIELDS.filter((f) => !nodeAt(doc, [...path, f]));
    if (!absent.length) return;
    const name = scalarText(doc, nodeAt(doc, [...path, 'name']))?.trim();
    out.push({
      code: 'modification.base-model',
      range: nodeRange(doc, entry) ?? anchorRange(doc, path),
      id: 'form/1.6',
      fix: { kind: 'insert-keys', parent: path, keys: absent },
      message: `Base model ${i + 1}${name ? ` (${name})` : ''} of ${nameOf('form/1.6')} has no ${absent.join(', no ')}. Name each model you modified or fine-tuned with its provider and version, so that readers can find its own documentation.`,
    });
  });
  return out;
}

function description({ doc, applicability }: RuleContext): Finding[] {
  const written = (scalarText(doc, nodeAt(doc, MODIFICATION)) ?? '').trim();
  const dependencies = scalarText(doc, nodeAt(doc, DEPENDENCIES));
  const about = getFormatEntry('format/modification')!.about;
  if (applicability.modified && !written) {
    return [
      {
        code: 'modification.description',
        range: anchorRange(doc, nodeAt(doc, MODIFICATION) ? MODIFICATION : DEPENDENCIES),
        id: 'format/modification',
        provisions: ['Recital 109'],
        ...(hasKey(doc, MODIFICATION)
          ? {}
          : { fix: { kind: 'insert-keys', parent: ['classification'], keys: ['modification'] } as const }),
        message: `${NameOf('form/1.6')} lists base models, so this model is a modification of them: your duties under the Transparency chapter are limited to the modification (recital (b); AI Act Recital 109). Say what you changed in \`classification.modification\`: ${about.charAt(0).toLowerCase()}${about.slice(1)}`,
      },
    ];
  }
  if (written && dependencies !== undefined && parseNotApplicable(dependencies)) {
    return [
      {
        code: 'modification.no-base-model',
        range: nodeRange(doc, nodeAt(doc, DEPENDENCIES)) ?? anchorRange(doc, DEPENDENCIES),
        id: 'form/1.6',
        message: `\`classification.modification\` describes a modification, but ${nameOf('form/1.6')} says ${dependencies.trim()}. List the base models you modified or fine-tuned, each with its name, provider and version, or remove the description if the model is not a modification.`,
      },
    ];
  }
  return [];
}
