/**
 * What the law asks of this model, read from the file once per version: systemic risk (declared and
 * presumed from compute), the open-source exemption and whether it holds, modification of another model,
 * and placement before 2 August 2025. Rules, coverage and preview all ask these questions here.
 */
import { isMap, isSeq } from 'yaml';
import {
  chapterOf,
  getChapter,
  getFormItem,
  getMeasure,
  obligationsApplyDate,
  thresholds,
  type FormItem,
  type Measure,
} from './catalogue';
import { memo, nodeAt, scalarText, scalarValue, type GpaiDocument } from './document';
import { parseIsoDate, parseNotApplicable, parseQuantity, type IsoDate } from './values';

export type SystemicRiskClass = 'none' | 'presumed' | 'designated';

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

export function applicability(doc: GpaiDocument): Applicability {
  return memo(doc, 'applicability', () => compute(doc));
}

function compute(doc: GpaiDocument): Applicability {
  const declaredText = scalarText(doc, nodeAt(doc, ['classification', 'systemic_risk']))
    ?.trim()
    .toLowerCase();
  const declared = (['none', 'presumed', 'designated'] as const).find((c) => c === declaredText);
  const trainingCompute = readCompute(doc);
  const limit = thresholds.systemicRiskCompute;
  const aboveThreshold =
    trainingCompute !== undefined &&
    (limit.comparison === 'at-least' ? trainingCompute >= limit.flop : trainingCompute > limit.flop);
  const atThreshold = trainingCompute !== undefined && trainingCompute === limit.flop && !aboveThreshold;
  const systemicRisk = declared === 'presumed' || declared === 'designated' || aboveThreshold;
  const dependencies = nodeAt(doc, ['general_information', 'model_dependencies']);
  const modified = isSeq(dependencies) && dependencies.items.length > 0;
  const unionRelease = parseIsoDate(
    scalarText(doc, nodeAt(doc, ['general_information', 'union_market_release_date'])) ?? '',
  );
  const legacy = unionRelease !== undefined && unionRelease.iso < obligationsApplyDate();
  return {
    declared,
    trainingCompute,
    aboveThreshold,
    atThreshold,
    systemicRisk,
    exemption: readExemption(doc, systemicRisk),
    modified,
    legacy,
    unionRelease,
    webCrawling: readWebCrawling(doc),
  };
}

/** The training compute in FLOP, if it is a number: `.inf`, `.nan` or 1e400 is none (the precision rule says so). */
function readCompute(doc: GpaiDocument): number | undefined {
  const node = nodeAt(doc, ['computational_resources', 'training_compute']);
  const value = scalarValue(node);
  const text = scalarText(doc, node);
  const compute =
    typeof value === 'number' ? value : !text || parseNotApplicable(text) ? undefined : parseQuantity(text)?.value;
  return compute !== undefined && Number.isFinite(compute) ? compute : undefined;
}

function readExemption(doc: GpaiDocument, systemicRisk: boolean): Applicability['exemption'] {
  const node = nodeAt(doc, ['classification', 'open_source_exemption']);
  const flag = scalarValue(node);
  if (!isMap(node)) {
    return flag === true
      ? {
          claimed: true,
          valid: false,
          failures: [
            'the conditions of Art. 53(2) are not stated: give the licence, its kind and where the weights, architecture and usage information are public',
          ],
        }
      : { claimed: false, valid: false, failures: [] };
  }
  const claimed = scalarValue(nodeAt(doc, ['classification', 'open_source_exemption', 'claimed'])) === true;
  if (!claimed) return { claimed: false, valid: false, failures: [] };
  const field = (key: string) =>
    scalarText(doc, nodeAt(doc, ['classification', 'open_source_exemption', key]))?.trim() ?? '';
  const failures: string[] = [];
  if (!field('licence')) failures.push('no licence is named');
  if (field('licence_kind') !== 'free-and-open-source')
    failures.push(
      'the licence is not stated to be free and open-source (allowing access, use, modification and distribution)',
    );
  if (!field('weights')) failures.push('it does not say where the parameters, including the weights, are public');
  if (!field('architecture')) failures.push('it does not say where the architecture information is public');
  if (!field('usage')) failures.push('it does not say where the model usage information is public');
  if (systemicRisk) failures.push('the model has systemic risk, and the exemption never covers such models');
  return { claimed: true, valid: failures.length === 0, failures };
}

function readWebCrawling(doc: GpaiDocument): boolean {
  if (scalarValue(nodeAt(doc, ['copyright', 'web_crawling'])) === true) return true;
  const provenance = nodeAt(doc, ['data', 'data_provenance']);
  return isSeq(provenance) && provenance.items.some((n) => scalarValue(n) === 'web_crawling');
}

export interface NotApplicableReason {
  readonly reason: string;
}

/** Why a chapter, measure or form item does not apply to this model, or `undefined` if it does. */
export function notApplicable(doc: GpaiDocument, id: string): NotApplicableReason | undefined {
  const a = applicability(doc);
  const item = getFormItem(id);
  const measure = getMeasure(id);
  const chapterId = chapterOf(id);
  const chapter = chapterId ? getChapter(chapterId) : undefined;
  if (chapter?.appliesTo === 'systemic-risk' && !a.systemicRisk) {
    return {
      reason:
        'the model has no systemic risk, and the Safety and Security chapter binds only models with systemic risk (AI Act Art. 55(1))',
    };
  }
  if (chapter?.appliesTo === 'not-open-source-exempt' && a.exemption.valid) {
    return { reason: 'open-source exemption, AI Act Art. 53(2)' };
  }
  if (item) return itemNotApplicable(doc, item);
  if (measure) return measureNotApplicable(doc, measure);
  return undefined;
}

function itemNotApplicable(doc: GpaiDocument, item: FormItem): NotApplicableReason | undefined {
  const ticked = (key: string, listPath: string[]) => {
    const list = nodeAt(doc, listPath);
    return isSeq(list) && list.items.some((n) => scalarValue(n) === key);
  };
  if (item.id === 'form/2.4' && !ticked('other', ['model_properties', 'input_modalities']))
    return { reason: 'no "other" input modality is ticked' };
  if (item.id === 'form/2.7' && !ticked('other', ['model_properties', 'output_modalities']))
    return { reason: 'no "other" output modality is ticked' };
  return undefined;
}

function measureNotApplicable(doc: GpaiDocument, measure: Measure): NotApplicableReason | undefined {
  const crawlingMeasures = ['copyright/1.2', 'copyright/1.3'];
  if (
    crawlingMeasures.includes(measure.id) &&
    !applicability(doc).webCrawling &&
    scalarValue(nodeAt(doc, ['copyright', 'web_crawling'])) === false
  ) {
    return { reason: 'no web crawling declared (copyright.web_crawling: false)' };
  }
  return undefined;
}
