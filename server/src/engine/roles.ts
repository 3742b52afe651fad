/**
 * Scope and roles, read from the file: whether its own figures make the model indicatively a general-purpose
 * AI model, the provider's role and the one-third test of a modification, the establishment and authorised
 * representative, the chapters of the Code signed, and the Safety and Security reliefs stated. Part of the
 * applicability (applicability.ts) that rules, coverage and the preview ask.
 */
import { isMap } from 'yaml';
import {
  GPAI_GUIDELINES,
  KEYS,
  reliefs,
  signatoryChapters,
  thresholds,
  type ChapterId,
  type PathSegment,
  type Relief,
} from './catalogue';
import type { FileModel } from './model';
import { addDays, formatScientific, parseNotApplicable, parseQuantity, type IsoDate } from './values';

const C = KEYS.classification;
const DAYS_PER_WEEK = 7;
const DEPENDENCIES = KEYS.general_information.model_dependencies;

export type ProviderRole = 'original-provider' | 'downstream-modifier';

export interface Role {
  /** As the file states it; `undefined` when not stated or not a known role. */
  readonly declared: ProviderRole | undefined;
  /** A downstream modifier: stated, or, with no role stated, base models of other providers listed (form 1.6). */
  readonly downstream: boolean;
  /** Form 1.6 entries whose provider is the file's own (form 1.1): the provider's own model listed as a base. */
  readonly ownBaseModels: readonly number[];
  /** The modification's compute in FLOP: its own key, else form 7.4 (which a modifier fills in for it). */
  readonly modificationCompute: number | undefined;
  readonly modificationFrom: 'key' | 'form' | undefined;
  readonly baseCompute: number | undefined;
  /**
   * For a downstream modifier: whether the modification used more than one third of the base model's training
   * compute, making it the provider of a new general-purpose AI model; `undefined` when either is unknown.
   */
  readonly newModel: boolean | undefined;
}

export interface Scope {
  /** The compute the criterion is judged on: form 7.4, or for a modification the base model's plus its own. */
  readonly compute: number | undefined;
  /** An output modality (form 2.6) the criterion names is ticked; `undefined` when none is ticked at all. */
  readonly generative: boolean | undefined;
  /** The file explains why it treats the model as a general-purpose AI model all the same. */
  readonly reasonGiven: boolean;
  /** By its own figures, indicatively not a general-purpose AI model, with no reason given to treat it as one. */
  readonly indicativelyNot: boolean;
  /** Why, in plain words, when `indicativelyNot`. */
  readonly why: string | undefined;
}

export interface Representation {
  readonly establishment: 'union' | 'outside-union' | undefined;
  /** The `authorised_representative` block is written. */
  readonly written: boolean;
}

export interface Signatory {
  /** Per chapter, as stated; absent when the file does not say. */
  readonly status: Readonly<Partial<Record<ChapterId, 'signed' | 'not-signed'>>>;
  /** `alternative_means` is written. */
  readonly alternativeMeans: boolean;
}

/** A number of FLOP written at the path, if it is one: `.inf`, N/A or a text is none. */
export function readFlop(model: FileModel, path: readonly PathSegment[]): number | undefined {
  const answer = model.at(path);
  const value = answer?.value;
  const text = answer?.text;
  const n =
    typeof value === 'number' ? value : !text || parseNotApplicable(text) ? undefined : parseQuantity(text)?.value;
  return n !== undefined && Number.isFinite(n) ? n : undefined;
}

/** A compute figure the one-third test can use: a number of FLOP, not negative. */
function flopFigure(n: number | undefined): number | undefined {
  return n !== undefined && n >= 0 ? n : undefined;
}

function normalName(name: string | undefined): string {
  return (name ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
}

export function readRole(model: FileModel, trainingCompute: number | undefined): Role {
  const text = model.text(C.provider_role.path)?.trim();
  const declared = text === 'original-provider' || text === 'downstream-modifier' ? text : undefined;
  const own = normalName(model.text(KEYS.general_information.provider_legal_name.path));
  const entries = model.entries(DEPENDENCIES.path).filter((e) => isMap(e.node));
  const providers = entries.map((e) => normalName(model.text([...e.path, ...DEPENDENCIES.each.provider.rel])));
  const ownBaseModels = own ? providers.flatMap((p, i) => (p === own ? [i] : [])) : [];
  const others = providers.filter((p) => !own || p !== own).length;
  const downstream = declared === 'downstream-modifier' || (declared === undefined && others > 0);
  const ownKey = flopFigure(readFlop(model, C.modification_compute.path));
  const modificationCompute = downstream ? (ownKey ?? flopFigure(trainingCompute)) : undefined;
  const modificationFrom = modificationCompute === undefined ? undefined : ownKey !== undefined ? 'key' : 'form';
  const baseCompute = flopFigure(readFlop(model, C.base_model_training_compute.path));
  const share = thresholds.modificationComputeShare.value;
  const newModel =
    downstream && modificationCompute !== undefined && baseCompute !== undefined && baseCompute > 0
      ? modificationCompute > share * baseCompute
      : undefined;
  return { declared, downstream, ownBaseModels, modificationCompute, modificationFrom, baseCompute, newModel };
}

export function readScope(model: FileModel, role: Role, trainingCompute: number | undefined): Scope {
  const criterion = thresholds.gpaiIndicativeCompute;
  const compute = role.downstream
    ? role.baseCompute === undefined
      ? undefined
      : role.baseCompute + (role.modificationCompute ?? 0)
    : trainingCompute;
  const outputs = model.entries(KEYS.model_properties.output_modalities.path).map((a) => String(a.value ?? ''));
  const generative = outputs.length ? outputs.some((o) => criterion.generates.includes(o)) : undefined;
  const reasonGiven = model.written(C.gpai_scope_reason.path);
  const low =
    compute !== undefined &&
    (criterion.comparison === 'at-least' ? compute < criterion.flop : compute <= criterion.flop);
  const reasons = [
    low ? `its training compute of ${formatScientific(compute!)} FLOP is not greater than 10^23 FLOP` : undefined,
    generative === false ? 'it generates none of language (text or audio), images or video' : undefined,
  ].filter((r): r is string => r !== undefined);
  const indicativelyNot = !reasonGiven && reasons.length > 0;
  return {
    compute,
    generative,
    reasonGiven,
    indicativelyNot,
    why: indicativelyNot ? reasons.join(' and ') : undefined,
  };
}

/** Why the file's author has no duties as the provider of a general-purpose AI model, if its figures say so. */
export function noProviderDuties(role: Role, scope: Scope, systemicRisk: boolean): string | undefined {
  if (role.downstream && role.newModel === false)
    return `indicatively no GPAI-provider duties: the modification used at most ${thresholds.modificationComputeShare.words} of the base model's training compute (${GPAI_GUIDELINES})`;
  if (scope.indicativelyNot && !systemicRisk)
    return `indicatively not a general-purpose AI model: ${scope.why} (${GPAI_GUIDELINES})`;
  return undefined;
}

export function readRepresentation(model: FileModel): Representation {
  const text = model.text(C.establishment.path)?.trim();
  return {
    establishment: text === 'union' || text === 'outside-union' ? text : undefined,
    written: model.has(C.authorised_representative.path),
  };
}

export function readSignatory(model: FileModel): Signatory {
  const status: Partial<Record<ChapterId, 'signed' | 'not-signed'>> = {};
  for (const c of signatoryChapters) {
    const text = model.text([...C.code_of_practice.path, c.key])?.trim();
    if (text === 'signed' || text === 'not-signed') status[c.chapter] = text;
  }
  return { status, alternativeMeans: model.written(C.code_of_practice.alternative_means.path) };
}

/** The reliefs whose fact the file states: a model named, or `true`. */
export function readReliefs(model: FileModel): readonly Relief[] {
  const block = C.safety_and_security_reliefs;
  const keys = [block.more_capable_open_weights_model, block.safe_reference_model, block.sme_or_smc];
  const stated = keys.filter((k) => {
    const answer = model.at(k.path);
    if (!answer || answer.empty) return false;
    return answer.spec.type === 'boolean' ? answer.value === true : !parseNotApplicable(answer.text ?? '');
  });
  return reliefs.filter((r) => stated.some((k) => k.id === r.id));
}

/**
 * The last day of the Art. 52(1) notification: two weeks after the date the threshold was met or it became
 * known that it would be (`classification.threshold_date`).
 */
export function notificationDue(threshold: IsoDate): IsoDate {
  return addDays(threshold, thresholds.notificationWeeks.value * DAYS_PER_WEEK);
}
