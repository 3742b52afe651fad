/**
 * What the law asks of this model, read from the file once per version: systemic risk (declared and
 * presumed from compute), the open-source exemption and whether it holds, modification of another model,
 * placement before 2 August 2025, and scope and roles (roles.ts): whether the file's author has duties as
 * the provider of a general-purpose AI model at all, its establishment, the chapters of the Code it signed
 * and the Safety and Security reliefs it states. Rules, coverage and preview all ask these questions here.
 */
import {
  chapterOf,
  entry,
  getMeasure,
  KEYS,
  keyPathsFor,
  keySpecAt,
  obligationsApplyDate,
  thresholds,
  type KeySpec,
  type Measure,
  type PathSegment,
  type Relief,
} from './catalogue';
import { memo, type GpaiDocument } from './document';
import { fileModel, type FileModel } from './model';
import {
  noProviderDuties,
  readFlop,
  readReliefs,
  readRepresentation,
  readRole,
  readScope,
  readSignatory,
  type Representation,
  type Role,
  type Scope,
  type Signatory,
} from './roles';
import { parseIsoDate, type IsoDate } from './values';

/** The classes the systemic-risk value set offers. */
const SYSTEMIC_RISK_CLASSES = ['none', 'presumed', 'designated'] as const;

export type SystemicRiskClass = (typeof SYSTEMIC_RISK_CLASSES)[number];

export interface Applicability {
  /** As the file declares it; `undefined` when not stated or not a known class. */
  readonly declared: SystemicRiskClass | undefined;
  /** Training compute in FLOP, when written as a number. */
  readonly trainingCompute: number | undefined;
  /** Training compute is beyond the Art. 51(2) threshold. */
  readonly aboveThreshold: boolean;
  /** Training compute is exactly on the threshold. */
  readonly atThreshold: boolean;
  /** The model has systemic risk: declared presumed or designated, or presumed from its compute. */
  readonly systemicRisk: boolean;
  readonly exemption: {
    readonly claimed: boolean;
    /** Every condition of Art. 53(2) holds. */
    readonly valid: boolean;
    /** The conditions that fail, in plain words. */
    readonly failures: readonly string[];
    /** `monetised` as written: `true` (a condition fails), `false`, or `undefined` when not stated. */
    readonly monetised: boolean | undefined;
  };
  /** The model lists base models it modifies or fine-tunes (form 1.6). */
  readonly modified: boolean;
  /** Placed on the Union market before 2 August 2025 (Art. 111(3)). */
  readonly legacy: boolean;
  readonly unionRelease: IsoDate | undefined;
  /** The file declares web crawling (copyright or data provenance). */
  readonly webCrawling: boolean;
  /** The provider's role, and the one-third test of a modification. */
  readonly role: Role;
  /** Whether the file's own figures make the model indicatively a general-purpose AI model. */
  readonly scope: Scope;
  /**
   * Why the file's author has no duties as the provider of a general-purpose AI model (a modification at most
   * one third of its base model's compute, or a model indicatively not general-purpose); `undefined` if it has.
   */
  readonly noProviderDuties: string | undefined;
  readonly representation: Representation;
  /** A provider outside the Union must have an authorised representative (Art. 54(1)); not under Art. 54(6). */
  readonly representativeRequired: boolean;
  readonly signatory: Signatory;
  /** The Safety and Security reliefs whose fact the file states. */
  readonly reliefs: readonly Relief[];
}

const K = KEYS;
const EXEMPTION = K.classification.open_source_exemption;

export function applicability(doc: GpaiDocument): Applicability {
  return memo(doc, 'applicability', () => compute(fileModel(doc)));
}

function compute(model: FileModel): Applicability {
  const declaredText = model.text(K.classification.systemic_risk.path)?.trim().toLowerCase();
  const declared = SYSTEMIC_RISK_CLASSES.find((c) => c === declaredText);
  const trainingCompute = readCompute(model);
  const limit = thresholds.systemicRiskCompute;
  const aboveThreshold =
    trainingCompute !== undefined &&
    (limit.comparison === 'at-least' ? trainingCompute >= limit.flop : trainingCompute > limit.flop);
  const atThreshold = trainingCompute !== undefined && trainingCompute === limit.flop && !aboveThreshold;
  const systemicRisk = declared === 'presumed' || declared === 'designated' || aboveThreshold;
  const unionRelease = parseIsoDate(model.text(K.general_information.union_market_release_date.path) ?? '');
  const legacy = unionRelease !== undefined && unionRelease.iso < obligationsApplyDate();
  const exemption = readExemption(model, systemicRisk);
  const role = readRole(model, trainingCompute);
  const scope = readScope(model, role, trainingCompute);
  const noDuties = noProviderDuties(role, scope, systemicRisk);
  const representation = readRepresentation(model);
  return {
    declared,
    trainingCompute,
    aboveThreshold,
    atThreshold,
    systemicRisk,
    exemption,
    modified: model.entries(K.general_information.model_dependencies.path).length > 0,
    legacy,
    unionRelease,
    webCrawling: readWebCrawling(model),
    role,
    scope,
    noProviderDuties: noDuties,
    representation,
    representativeRequired: representation.establishment === 'outside-union' && !exemption.valid && !noDuties,
    signatory: readSignatory(model),
    reliefs: readReliefs(model),
  };
}

/** The training compute in FLOP, if it is a number: `.inf`, `.nan` or 1e400 is none (the precision rule says so). */
function readCompute(model: FileModel): number | undefined {
  return readFlop(model, K.computational_resources.training_compute.path);
}

function readExemption(model: FileModel, systemicRisk: boolean): Applicability['exemption'] {
  const written = model.at(EXEMPTION.path);
  if (!written || written.value !== undefined) {
    return written?.value === true
      ? {
          claimed: true,
          valid: false,
          failures: [
            'the conditions of Art. 53(2) are not stated: give the licence, its kind, where the weights, architecture and usage information are public, and that the model is not monetised',
          ],
          monetised: undefined,
        }
      : { claimed: false, valid: false, failures: [], monetised: undefined };
  }
  const monetisedValue = model.value(EXEMPTION.monetised.path);
  const monetised = typeof monetisedValue === 'boolean' ? monetisedValue : undefined;
  if (model.value(EXEMPTION.claimed.path) !== true) return { claimed: false, valid: false, failures: [], monetised };
  const field = (path: readonly PathSegment[]) => model.text(path)?.trim() ?? '';
  const failures: string[] = [];
  if (!field(EXEMPTION.licence.path)) failures.push('no licence is named');
  if (field(EXEMPTION.licence_kind.path) !== 'free-and-open-source')
    failures.push(
      'the licence is not stated to be free and open-source (allowing access, use, modification and distribution)',
    );
  if (!field(EXEMPTION.weights.path))
    failures.push('it does not say where the parameters, including the weights, are public');
  if (!field(EXEMPTION.architecture.path))
    failures.push('it does not say where the architecture information is public');
  if (!field(EXEMPTION.usage.path)) failures.push('it does not say where the model usage information is public');
  if (monetised === true)
    failures.push(
      'the model is monetised, and only a model released without monetisation counts as free and open-source (Recital 103)',
    );
  else if (monetised === undefined)
    failures.push(
      'it does not say that the model is released without monetisation (no price, no paid support tied to it, no personal data used beyond security needs; Recital 103)',
    );
  if (systemicRisk) failures.push('the model has systemic risk, and the exemption never covers such models');
  return { claimed: true, valid: failures.length === 0, failures, monetised };
}

function readWebCrawling(model: FileModel): boolean {
  if (model.value(K.copyright.web_crawling.path) === true) return true;
  return model.entries(K.data.data_provenance.path).some((a) => a.value === 'web_crawling');
}

export interface NotApplicableReason {
  readonly reason: string;
}

/**
 * Why a chapter, measure or form item does not apply to this model, or `undefined` if it does. With a key
 * spec and its path, also a key that applies only under a condition of its block (form 2.4, 2.7).
 */
export function notApplicable(
  doc: GpaiDocument,
  id: string,
  at?: { readonly spec: KeySpec; readonly path: readonly PathSegment[] },
): NotApplicableReason | undefined {
  const a = applicability(doc);
  if (a.noProviderDuties && isProviderDuty(id)) return { reason: a.noProviderDuties };
  const chapter = entry(chapterOf(id));
  if (chapter?.kind === 'chapter' && chapter.appliesTo === 'systemic-risk' && !a.systemicRisk) {
    return {
      reason:
        'the model has no systemic risk, and the Safety and Security chapter binds only models with systemic risk (AI Act Art. 55(1))',
    };
  }
  if (chapter?.kind === 'chapter' && chapter.appliesTo === 'not-open-source-exempt' && a.exemption.valid) {
    return { reason: 'open-source exemption, AI Act Art. 53(2)' };
  }
  const found = entry(id);
  switch (found?.kind) {
    case 'form-item': {
      const path = at?.path ?? keyPathsFor(id)[0];
      const spec = at?.spec ?? (path ? keySpecAt(path) : undefined);
      return spec && path ? keyNotApplicable(doc, spec, path) : undefined;
    }
    case 'measure':
      return measureNotApplicable(doc, found) ?? reliefNotApplicable(a, [found.id, found.commitment]);
    case 'commitment':
      return reliefNotApplicable(a, [found.id]);
    default:
      return undefined;
  }
}

/**
 * Whether an id documents a duty of the provider of a general-purpose AI model: a chapter of the Code and
 * what belongs to it, and the public summary of training content (not the classification itself).
 */
export function isProviderDuty(id: string | undefined): boolean {
  if (chapterOf(id)) return true;
  const found = entry(id);
  switch (found?.kind) {
    case 'summary-item':
    case 'summary-section':
      return true;
    case 'format':
      return found.concern === 'copyright' || found.concern === 'training-content-summary';
    default:
      return false;
  }
}

/** A stated relief that makes the whole measure or commitment not applicable (Commitment 6 exemption). */
function reliefNotApplicable(a: Applicability, targets: readonly string[]): NotApplicableReason | undefined {
  for (const relief of a.reliefs) {
    if (!relief.effects.some((e) => e.kind === 'not-applicable' && targets.includes(e.target))) continue;
    return { reason: `${relief.title}: ${lowerFirst(relief.condition.replace(/\.$/, ''))} (${relief.source})` };
  }
  return undefined;
}

/** The relief effects that lift part of a measure or simplify it, with the relief that grants each. */
export function reliefNotes(
  a: Applicability,
  measureId: string,
): { readonly relief: Relief; readonly kind: 'lifted-in-part' | 'simplified'; readonly what: string }[] {
  const measure = getMeasure(measureId);
  const targets = measure ? [measure.id, measure.commitment] : [measureId];
  return a.reliefs.flatMap((relief) =>
    relief.effects.flatMap((e) =>
      e.kind !== 'not-applicable' && targets.includes(e.target) ? [{ relief, kind: e.kind, what: e.what ?? '' }] : [],
    ),
  );
}

function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** A key the key tree asks for only when its sibling list holds a value ("other" modality ticked). */
function keyNotApplicable(
  doc: GpaiDocument,
  spec: KeySpec,
  path: readonly PathSegment[],
): NotApplicableReason | undefined {
  const when = spec.requiredWhen;
  if (!when) return undefined;
  const list = [...path.slice(0, -1), when.sibling];
  return fileModel(doc)
    .entries(list)
    .some((a) => a.value === when.includes)
    ? undefined
    : { reason: when.otherwise };
}

function measureNotApplicable(doc: GpaiDocument, measure: Measure): NotApplicableReason | undefined {
  if (
    measure.appliesWhen === 'web-crawling' &&
    !applicability(doc).webCrawling &&
    fileModel(doc).value(K.copyright.web_crawling.path) === false
  ) {
    return { reason: 'no web crawling declared (copyright.web_crawling: false)' };
  }
  return undefined;
}
