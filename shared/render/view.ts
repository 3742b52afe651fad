/**
 * What a preview shows for an audience, shared by the HTML and Markdown renderers: which items, which
 * chapters, the labels of audiences and states, and the count still missing. Reads only the PreviewModel.
 */
import { AUDIENCE_LABELS as RECIPIENT_LABELS, AUDIENCES, type AudienceLabel } from '../audiences';
import { openAnswers, percentCovered } from '../completeness';
import type { Audience, PreviewAudience, PreviewItem, PreviewModel, PreviewSection, PreviewState } from '../types';

/** The preview's audience selector: everything, or what one recipient of the form receives. */
export type { PreviewAudience };

export const PREVIEW_AUDIENCES: readonly PreviewAudience[] = ['all', 'ai-office', 'nca', 'downstream'];

/** The recipients in the order of the form's tick columns. */
export const RECIPIENTS: readonly Audience[] = AUDIENCES;

/** Display names of the selector's choices: every recipient, and all of them at once. */
export const AUDIENCE_LABELS: Readonly<Record<PreviewAudience, AudienceLabel>> = {
  all: { long: 'All recipients', short: 'All', phrase: 'all recipients' },
  ...RECIPIENT_LABELS,
};

export type { AudienceLabel };

/** The badge of each state; `written` has none. */
export const STATE_LABELS: Readonly<Record<PreviewState, string>> = {
  written: '',
  derived: 'Derived',
  missing: 'Missing',
  placeholder: 'Placeholder',
  incomplete: 'Incomplete',
  'n/a': 'N/A',
  'not-applicable': 'Not applicable',
  optional: 'Optional',
};

/** States that still need work before the document can be sent. */
export const OPEN_STATES: ReadonlySet<PreviewState> = new Set<PreviewState>(['missing', 'placeholder', 'incomplete']);

export function isPreviewAudience(value: unknown): value is PreviewAudience {
  return typeof value === 'string' && (PREVIEW_AUDIENCES as readonly string[]).includes(value);
}

export function receives(item: PreviewItem, audience: PreviewAudience): boolean {
  return audience === 'all' || item.recipients.includes(audience);
}

/** The sections with only the items the audience receives; sections left empty are dropped. */
export function visibleSections(model: PreviewModel, audience: PreviewAudience): PreviewSection[] {
  return model.sections
    .map((s) => ({ ...s, items: s.items.filter((i) => receives(i, audience)) }))
    .filter((s) => s.items.length > 0);
}

/**
 * Whether the Copyright and Safety and Security chapters are shown. They are not rows of the form: the
 * copyright policy and the Safety and Security Model Report are for the AI Office, not for national
 * authorities or downstream providers, who receive form items only.
 */
export function showsChapters(audience: PreviewAudience): boolean {
  return audience === 'all' || audience === 'ai-office';
}

/**
 * Answers still missing or partial for the audience (every answer of the file when `all`): the completeness
 * model's count (shared/completeness.ts), the same the status bar, the badge and the CLI show.
 */
export function missingCount(model: PreviewModel, audience: PreviewAudience): number {
  return openAnswers(model.completeness[audience]);
}

/**
 * A line for the header: "3 answers still to complete for downstream providers (91 % covered)",
 * "Complete for the AI Office: every answer given".
 */
export function missingSummary(model: PreviewModel, audience: PreviewAudience): string {
  const n = missingCount(model, audience);
  const forWhom = audience === 'all' ? '' : ` for ${AUDIENCE_LABELS[audience].phrase}`;
  if (n === 0) return `Complete${forWhom}: every answer given`;
  const percent = percentCovered(model.completeness[audience]);
  return `${n} ${n === 1 ? 'answer' : 'answers'} still to complete${forWhom} (${percent} % covered)`;
}

/**
 * The reason shown beside a state's badge, without repeating the badge: "not applicable: open-source
 * exemption" becomes "open-source exemption"; an N/A shows the reason written after it, if any.
 */
export function stateReason(state: PreviewState, reason: string, naReason?: string): string {
  if (state === 'n/a') return naReason ?? '';
  const label = STATE_LABELS[state];
  return label && reason.toLowerCase().startsWith(`${label.toLowerCase()}:`)
    ? reason.slice(label.length + 1).trim()
    : reason;
}

/**
 * The reason every form item is not applicable, when they all share one (an open-source exemption): said
 * once in the header instead of on every row.
 */
export function sharedNotApplicable(model: PreviewModel): string | undefined {
  const items = model.sections.flatMap((s) => s.items);
  const reason = items[0]?.reason;
  return items.length && items.every((i) => i.state === 'not-applicable' && i.reason === reason) ? reason : undefined;
}

/** Whether the value is shown: a missing answer has none, an N/A's value is the N/A itself. */
export function showsValue(state: PreviewState): boolean {
  return state !== 'missing' && state !== 'n/a';
}

/** "AI Office, NCAs, DPs": who receives an item, for text renderings. */
export function recipientsText(recipients: readonly Audience[]): string {
  return RECIPIENTS.filter((a) => recipients.includes(a))
    .map((a) => AUDIENCE_LABELS[a].short)
    .join(', ');
}
