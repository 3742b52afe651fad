/**
 * How a measure of the Code is written down in the catalogue: its chapter, number and commitment follow from
 * its id, its applicability from its chapter unless it says otherwise.
 */
import type { Chapter, Measure } from './types';

type MeasureInput = Omit<Measure, 'kind' | 'chapter' | 'commitment' | 'number' | 'confidence' | 'appliesTo'> & {
  confidence?: Measure['confidence'];
  appliesTo?: Measure['appliesTo'];
};

const chapterApplicability: Record<Chapter['id'], Measure['appliesTo']> = {
  transparency: 'not-open-source-exempt',
  copyright: 'all',
  'safety-security': 'systemic-risk',
};

export const measure = (input: MeasureInput): Measure => {
  const [chapter, number] = input.id.split('/') as [Chapter['id'], string];
  return {
    kind: 'measure',
    ...input,
    chapter,
    number,
    commitment: `${chapter}/${number.split('.')[0]}`,
    appliesTo: input.appliesTo ?? chapterApplicability[chapter],
    confidence: input.confidence ?? { title: 'final', content: 'final' },
  };
};

export const secondary = { title: 'secondary', content: 'secondary' } as const;
