/**
 * What the law asks of this model, read from the file once per version: systemic risk (declared and
 * presumed from compute), the open-source exemption and whether it holds, modification of another model,
 * and placement before 2 August 2025. Rules, coverage and preview all ask these questions here.
 */
import {
  chapterOf,
  entry,
  KEYS,
  keyPathsFor,
  keySpecAt,
  obligationsApplyDate,
  thresholds,
  type KeySpec,
  type Measure,
  type PathSegment,
} from './catalogue';
import { memo, type GpaiDocument } from './document';
import { fileModel, type FileModel } from './model';
import { parseIsoDate, parseNotApplicable, parseQuantity, type IsoDate } from './values';

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
  };
  /** The model lists base models it modifies or fine-tunes (form 1.6). */
  readonly modified: boolean;
  /** Placed on the Union market before 2 August 2025 (Art. 111(3)). */
  readonly legacy: boolean;
  readonly unionRelease: IsoDate | undefined;
  /** The file declares web crawling (copyright or data provenance). */
  readonly webCrawling: boolean;
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
  return {
    declared,
    trainingCompute,
    aboveThreshold,
    atThreshold,
    systemicRisk,
    exemption: readExemption(model, systemicRisk),
    modified: model.entries(K.general_information.model_dependencies.path).length > 0,
    legacy,
    unionRelease,
    webCrawling: readWebCrawling(model),
  };
}

/** The training compute in FLOP, if it is a number: `.inf`, `.nan` or 1e400 is none (the precision rule says so). */
function readCompute(model: FileModel): number | undefined {
  const answer = model.at(K.computational_resources.training_compute.path);
  const value = answer?.value;
  const text = answer?.text;
  const compute =
    typeof value === 'number' ? value : !text || parseNotApplicable(text) ? undefined : parseQuantity(text)?.value;
  return compute !== undefined && Number.isFinite(compute) ? compute : undefined;
}

function readExemption(model: FileModel, systemicRisk: boolean): Applicability['exemption'] {
  const written = model.at(EXEMPTION.path);
  if (!written || written.value !== undefined) {
    return written?.value === true
      ? {
          claimed: true,
          valid: false,
          failures: [
            'the conditions of Art. 53(2) are not stated: give the licence, its kind and where the weights, architecture and usage information are public',
          ],
        }
      : { claimed: false, valid: false, failures: [] };
  }
  if (model.value(EXEMPTION.claimed.path) !== true) return { claimed: false, valid: false, failures: [] };
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
  if (systemicRisk) failures.push('the model has systemic risk, and the exemption never covers such models');
  return { claimed: true, valid: failures.length === 0, failures };
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
      return measureNotApplicable(doc, found);
    default:
      return undefined;
  }
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
