/**
 * Who receives what the form says, and how each is named, once for the catalogue, the preview, the exports
 * and the CLI: the AI Office, national competent authorities and downstream providers, in the order of the
 * form's tick columns.
 */
import type { Audience } from './types';

export const AUDIENCES: readonly Audience[] = ['ai-office', 'nca', 'downstream'];

export interface AudienceLabel {
  readonly long: string;
  /** The form's column heading. */
  readonly short: string;
  /** In a sentence: "for the AI Office". */
  readonly phrase: string;
}

export const AUDIENCE_LABELS: Readonly<Record<Audience, AudienceLabel>> = {
  'ai-office': { long: 'AI Office', short: 'AIO', phrase: 'the AI Office' },
  nca: { long: 'National competent authorities', short: 'NCAs', phrase: 'national competent authorities' },
  downstream: { long: 'Downstream providers', short: 'DPs', phrase: 'downstream providers' },
};
