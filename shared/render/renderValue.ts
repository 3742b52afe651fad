/**
 * HTML for one answer's value and for the state badges. Every string from the document is escaped here;
 * links are emitted only for `https:` and `mailto:` addresses, anything else is shown as text.
 */
import type { PreviewField, PreviewInvalid, PreviewItem, PreviewState, PreviewValue } from '../types';
import { escapeHtml, safeHref } from './escape';
import { STATE_LABELS, stateReason } from './view';

export function valueHtml(value: PreviewValue | undefined, state?: PreviewState): string {
  if (!value) return '';
  switch (value.kind) {
    case 'text':
      return value.paragraphs.map((p) => `<p>${linesHtml(p)}</p>`).join('');
    case 'number':
      return numberHtml(value);
    case 'date':
      return `<span class="date">${escapeHtml(value.text)}</span>`;
    case 'link':
      return linkHtml(value.href);
    case 'boolean':
      return `<span class="boolean">${value.value ? 'Yes' : 'No'}</span>`;
    case 'choice':
      return `<span class="choice">${escapeHtml(value.label || value.value)}</span>`;
    case 'list':
      return listHtml(value.items);
    case 'fields':
      return fieldsHtml(value.fields, state);
  }
}

/** Line breaks kept inside a paragraph (literal blocks, addresses). */
function linesHtml(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map(escapeHtml)
    .join('<br>');
}

/** A number as written and its unit. The coarse value derived from it is said once, in its own row. */
function numberHtml(value: Extract<PreviewValue, { kind: 'number' }>): string {
  const unit = value.unit ? ` <span class="unit">${escapeHtml(value.unit)}</span>` : '';
  return `<span class="number">${escapeHtml(value.text)}</span>${unit}`;
}

/** An answer the checker reports as wrong: marked with its message; the value that follows is the text as written. */
export function invalidHtml(invalid: PreviewInvalid): string {
  return `<span class="state-note"><span class="badge badge-invalid">Not valid</span> <span class="reason">${escapeHtml(invalid.message)}</span></span><span class="as-written-label">As written:</span> `;
}

/** A derived row: its value in words, and (for readers of the whole form) the row it is computed from. */
export function derivedHtml(derived: NonNullable<PreviewItem['derived']>, sayFrom: boolean): string {
  const from = sayFrom ? ` <span class="reason">computed from ${escapeHtml(derived.from)}</span>` : '';
  return `<p class="derived">${escapeHtml(derived.words)}${from}</p>`;
}

/** A link only for https: and mailto:; shown without the mailto: prefix. Anything else is plain text. */
export function linkHtml(address: string): string {
  const href = safeHref(address);
  if (!href) return `<span class="unsafe-link">${escapeHtml(address)}</span>`;
  const shown = href.replace(/^mailto:/i, '');
  return `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${escapeHtml(shown)}</a>`;
}

function listHtml(items: readonly PreviewValue[]): string {
  if (items.length === 0) return '<span class="empty">(none)</span>';
  return `<ul>${items.map((i) => `<li>${valueHtml(i)}</li>`).join('')}</ul>`;
}

/** Named values; a field's state is shown only where it differs from its answer's (`parent`). */
export function fieldsHtml(fields: readonly PreviewField[], parent?: PreviewState): string {
  if (fields.length === 0) return '';
  const rows = fields.map((f) => {
    const badge = f.invalid ? invalidHtml(f.invalid) : f.state === parent ? '' : badgeHtml(f.state);
    return `<div class="field state-${stateClass(f.state)}${f.invalid ? ' invalid' : ''}"><dt>${escapeHtml(f.label)}</dt><dd>${badge}${valueHtml(f.value, f.state)}</dd></div>`;
  });
  return `<dl class="fields">${rows.join('')}</dl>`;
}

/** A CSS-safe token for a state (`n/a` -> `na`). */
export function stateClass(state: PreviewState): string {
  return state.replace(/[^a-z-]/g, '');
}

/** The state as a visible word, not a colour alone, so it survives print and high contrast. */
export function badgeHtml(state: PreviewState, reason = '', naReason?: string): string {
  const label = STATE_LABELS[state];
  if (!label) return '';
  const shown = stateReason(state, reason, naReason);
  const why = shown ? ` <span class="reason">${escapeHtml(shown)}</span>` : '';
  return `<span class="state-note"><span class="badge badge-${stateClass(state)}">${escapeHtml(label)}</span>${why}</span>`;
}
