/**
 * Signatory status per chapter of the Code: a chapter the provider did not sign, and that binds this model,
 * needs the adequate alternative means that show compliance with the AI Act instead (Art. 53(4), 55(2)).
 * (How every other finding on such a chapter is worded is signatory.ts's concern, in the diagnostics layer.)
 */
import { getChapter, KEYS, signatoryChapters } from '../catalogue';
import { notApplicable } from '../applicability';
import { dotted } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const codes = [
  {
    code: 'signatory.alternative-means',
    title: 'A chapter of the Code is not signed and no alternative means are described',
    severity: 'warning',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

const BLOCK = KEYS.classification.code_of_practice;
const MEANS = BLOCK.alternative_means.path;

export const signatory = defineRule({
  name: 'signatory',
  codes,
  check(ctx) {
    return alternativeMeans(ctx);
  },
});

function alternativeMeans({ doc, model, applicability: a }: RuleContext): Finding<Code>[] {
  if (a.signatory.alternativeMeans) return [];
  const unsigned = signatoryChapters.filter(
    (c) => a.signatory.status[c.chapter] === 'not-signed' && !notApplicable(doc, c.chapter),
  );
  if (!unsigned.length) return [];
  const titles = unsigned.map((c) => getChapter(c.chapter)!.title);
  const reliance = [...new Set(unsigned.map((c) => c.reliance))];
  const first = [...BLOCK.path, unsigned[0].key];
  return [
    {
      code: 'signatory.alternative-means',
      range: model.range(first),
      id: BLOCK.alternative_means.id,
      provisions: reliance,
      ...(model.has(MEANS)
        ? {}
        : { fix: { kind: 'insert-keys', parent: BLOCK.path, keys: [String(MEANS[MEANS.length - 1])] } as const }),
      message: `You did not sign the ${titles.join(' and the ')} ${titles.length > 1 ? 'chapters' : 'chapter'} of the Code (\`${dotted(first)}\`), which ${titles.length > 1 ? 'bind' : 'binds'} this model, and \`${dotted(MEANS)}\` does not say how you show compliance instead. The Code is voluntary, but without it a provider shows adequate alternative means of meeting the same obligations of the AI Act (AI Act ${reliance.join(', ')}): describe them.`,
    },
  ];
}
