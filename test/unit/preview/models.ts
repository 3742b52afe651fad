/**
 * PreviewModels for the renderer's tests, built from the catalogue so that they hold every form item in the
 * form's order: one plain model with each state represented, and a hostile one whose every value is an attack.
 */
import { catalogue } from '../../../server/src/engine';
import { invalidValuesFile } from '../../helpers/variants';
import type {
  Audience,
  CoverageCounts,
  PreviewAudience,
  PreviewChapter,
  PreviewItem,
  PreviewModel,
  PreviewSection,
  PreviewState,
  PreviewValue,
} from '../../../shared/types';

/** Kestrel-13B with a total model size in "billion" and the release date 2025-13-45 (test/helpers/variants.ts). */
export const INVALID_FIXTURE = invalidValuesFile();

const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 20 } });

/** States given to particular items; every other item is written. */
export const STATES: Readonly<Record<string, PreviewState>> = {
  'form/1.3': 'missing',
  'form/2.2': 'placeholder',
  'form/1.6': 'n/a',
  'form/2.10': 'derived',
  'form/2.4': 'not-applicable',
  'form/5.2': 'incomplete',
  'form/3.2': 'missing',
};

function itemOf(f: catalogue.FormItem, line: number, value: (id: string) => PreviewValue | undefined): PreviewItem {
  const state = STATES[f.id] ?? 'written';
  return {
    id: f.id,
    number: f.number,
    label: catalogue.itemLabel(f),
    recipients: [...f.recipients],
    state,
    reason: state === 'written' ? '' : state === 'placeholder' ? 'placeholder text (TODO)' : `reason for ${f.number}`,
    naReason: state === 'n/a' ? 'not a modification of another model' : undefined,
    value: state === 'missing' ? undefined : value(f.id),
    path: ['section', f.number, 'key'],
    range: state === 'missing' ? undefined : range(line),
    ...(state === 'derived' ? { derived: { words: wordsOf(value(f.id)), from: '2.9' } } : {}),
  };
}

/** A derived row's words: the first paragraph of the value the model gives it. */
function wordsOf(value: PreviewValue | undefined): string {
  return value?.kind === 'text' ? value.paragraphs[0] : 'Between 10 and 50 billion parameters';
}

function sections(value: (id: string) => PreviewValue | undefined): PreviewSection[] {
  let line = 5;
  const document: PreviewSection = {
    id: 'form/header',
    number: 0,
    title: 'Document',
    items: catalogue.itemsOfSection(0).map((f) => itemOf(f, line++, value)),
  };
  return [
    document,
    ...catalogue.formSections.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      range: range(line),
      items: catalogue.itemsOfSection(s.number).map((f) => itemOf(f, ++line, value)),
    })),
  ];
}

/** Counts of the form's items as the engine's completeness model would give them, for each audience. */
function completeness(all: readonly PreviewSection[]): Record<PreviewAudience, CoverageCounts> {
  const countsOf = (items: readonly PreviewItem[]): CoverageCounts => ({
    covered: items.filter((i) => ['written', 'derived', 'n/a'].includes(i.state)).length,
    partial: items.filter((i) => ['placeholder', 'incomplete'].includes(i.state)).length,
    missing: items.filter((i) => i.state === 'missing').length,
    notApplicable: items.filter((i) => ['not-applicable', 'optional'].includes(i.state)).length,
    total: items.length,
  });
  const items = all.flatMap((s) => s.items);
  const forAudience = (a: Audience) => countsOf(items.filter((i) => i.recipients.includes(a)));
  return {
    all: countsOf(items),
    'ai-office': forAudience('ai-office'),
    nca: forAudience('nca'),
    downstream: forAudience('downstream'),
  };
}

const plainValue = (id: string): PreviewValue => {
  if (id === 'form/2.9')
    return {
      kind: 'number',
      text: '1.3e10',
      unit: 'parameters',
      derived: { itemId: 'form/2.10', label: 'Parameter range', value: '10B-50B' },
    };
  if (id === 'form/1.4' || id === 'form/D.1') return { kind: 'date', text: '2025-07-30' };
  if (id === 'form/3.3') return { kind: 'link', href: 'https://example.org/licence' };
  if (id === 'form/2.3') return { kind: 'list', items: [{ kind: 'choice', value: 'text', label: 'Text' }] };
  return { kind: 'text', paragraphs: [`Answer to ${id}.`, 'A second paragraph.'] };
};

function chapter(id: string, title: string, text: (n: string) => PreviewValue): PreviewChapter {
  return {
    id,
    title,
    fields: [{ key: 'web_crawling', label: 'Web crawling', value: { kind: 'boolean', value: true }, state: 'written' }],
    commitments: [
      {
        id: `${id}/c1`,
        number: '1',
        title: `${title} commitment`,
        measures: [
          {
            id: `${id}/1.1`,
            number: '1.1',
            title: 'First measure',
            status: 'implemented',
            state: 'written',
            reason: '',
            path: [id, 'policy'],
            range: range(150),
            fields: [
              { key: 'summary', label: 'Summary', value: text('1.1'), state: 'written' },
              {
                key: 'contact',
                label: 'Contact',
                value: { kind: 'link', href: 'mailto:copyright@example.org' },
                state: 'written',
              },
            ],
          },
          {
            id: `${id}/1.2`,
            number: '1.2',
            title: 'Second measure',
            state: 'missing',
            reason: 'not answered',
            path: [id, 'lawful_access'],
            fields: [],
          },
        ],
      },
    ],
  };
}

export function plainModel(options: { systemicRisk?: boolean } = {}): PreviewModel {
  const all = sections(plainValue);
  const text = (n: string): PreviewValue => ({ kind: 'text', paragraphs: [`Measure ${n} answer.`] });
  return {
    uri: 'file:///work/kestrel.gpai.yaml',
    version: 3,
    header: {
      provider: 'Kestrel Language Systems SAS',
      model: 'Kestrel-13B',
      documentVersion: '2.1',
      lastUpdated: '2025-10-14',
      classification: {
        systemicRisk: 'none',
        hasSystemicRisk: !!options.systemicRisk,
        openSourceExemption: 'not-claimed',
        modified: false,
        legacy: false,
        label: 'no systemic risk',
      },
    },
    sections: all,
    copyright: chapter('copyright', 'Copyright', text),
    safetyAndSecurity: options.systemicRisk ? chapter('safety-security', 'Safety and Security', text) : undefined,
    trainingContentSummary: {
      title: 'Public summary of training content',
      state: 'written',
      reason: '',
      fields: [
        { key: 'url', label: 'Link', value: { kind: 'link', href: 'https://example.org/summary' }, state: 'written' },
      ],
    },
    completeness: completeness(all),
  };
}

/** Attacks written as values: each must come out as text. */
export const ATTACKS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '</style><style>body { display: none }</style>',
  '<svg><script>window.__pwned = 3</script></svg>',
  '<a href="javascript:window.__pwned = 4">click</a>',
  '"><iframe src="https://evil.example/"></iframe>',
  '[click](javascript:alert(1)) **bold** <b>x</b> | cell |',
] as const;

export const HOSTILE_LINKS = [
  'javascript:window.__pwned = 5',
  'data:text/html,<script>window.__pwned=6</script>',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'vbscript:msgbox',
  'http://insecure.example/',
] as const;

export function hostileModel(): PreviewModel {
  const base = plainModel({ systemicRisk: true });
  let n = 0;
  const attack = (): string => ATTACKS[n++ % ATTACKS.length];
  const value = (id: string): PreviewValue => {
    if (id === 'form/3.3') return { kind: 'list', items: HOSTILE_LINKS.map((href) => ({ kind: 'link', href })) };
    if (id === 'form/2.9')
      return {
        kind: 'number',
        text: attack(),
        unit: attack(),
        derived: { itemId: 'form/2.10', label: attack(), value: attack() },
      };
    return { kind: 'text', paragraphs: [attack(), attack()] };
  };
  const all = sections(value).map((s) => ({
    ...s,
    title: attack(),
    items: s.items.map((i) => ({ ...i, reason: i.reason && attack() })),
  }));
  const text = (): PreviewValue => ({ kind: 'text', paragraphs: [attack()] });
  return {
    ...base,
    uri: 'file:///work/"><script>window.__pwned=7</script>.gpai.yaml',
    header: {
      ...base.header,
      provider: attack(),
      model: attack(),
      classification: { ...base.header.classification, label: attack() },
    },
    sections: all,
    copyright: {
      ...chapter('copyright', 'Copyright', text),
      fields: [
        { key: 'k', label: attack(), value: { kind: 'choice', value: attack(), label: attack() }, state: 'written' },
      ],
    },
    safetyAndSecurity: chapter('safety-security', 'Safety and Security', text),
    trainingContentSummary: {
      ...base.trainingContentSummary,
      fields: HOSTILE_LINKS.map((href, i) => ({
        key: `l${i}`,
        label: attack(),
        value: { kind: 'link', href },
        state: 'written' as const,
      })),
    },
  };
}
