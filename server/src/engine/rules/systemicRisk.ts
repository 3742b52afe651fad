/**
 * Systemic risk (AI Act Art. 51, 52): compute above the Art. 51(2) threshold with classification `none`;
 * `presumed` without compute to support it and no designation; compute exactly on the threshold; the
 * Art. 52(1) notification for a presumed model and the date of a designation. (The Safety and Security
 * chapter that systemic risk requires is checked by the missing-item rule.)
 */
import { KEYS, thresholds, type PathSegment } from '../catalogue';
import type { Applicability } from '../applicability';
import type { FileModel } from '../model';
import { formatScientific } from '../values';
import { defineRule, type CodeInfo, type CodesOf, type Finding } from './types';

const RISK = KEYS.classification.systemic_risk;
const COMPUTE = KEYS.computational_resources.training_compute;
const NOTIFICATION = KEYS.classification.notification_date;
const DESIGNATION = KEYS.classification.designation_date;

/** "10^25" from 1e25. */
export function powerOfTen(value: number): string {
  const exponent = Math.log10(value);
  return Number.isInteger(exponent) ? `10^${exponent}` : formatScientific(value);
}

const codes = [
  {
    code: 'systemic-risk.presumed',
    title: 'Training compute above the threshold, but no systemic risk declared',
    severity: 'error',
    fixable: true,
  },
  {
    code: 'systemic-risk.unsupported',
    title: 'Systemic risk presumed without compute above the threshold or a designation',
    severity: 'warning',
  },
  { code: 'systemic-risk.at-threshold', title: 'Training compute exactly on the threshold', severity: 'information' },
  {
    code: 'systemic-risk.notification',
    title: 'No date of the Art. 52(1) notification for a presumed model',
    severity: 'information',
    fixable: true,
  },
  {
    code: 'systemic-risk.designation',
    title: "No date of the Commission's designation for a designated model",
    severity: 'information',
    fixable: true,
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const systemicRisk = defineRule({
  name: 'systemicRisk',
  codes,
  check({ model, applicability: a }) {
    const findings: Finding<Code>[] = [];
    const limit = thresholds.systemicRiskCompute;
    const threshold = powerOfTen(limit.flop);
    const compute = a.trainingCompute;
    const computeText = compute === undefined ? '' : formatScientific(compute);
    if (a.aboveThreshold && (a.declared === 'none' || a.declared === undefined)) {
      findings.push({
        code: 'systemic-risk.presumed',
        range: model.range(RISK.path),
        id: RISK.id,
        provisions: [limit.provision, 'Art. 52(1)'],
        fix: { kind: 'set-value', path: RISK.path, value: 'presumed', title: 'Mark systemic risk as presumed' },
        message: `Training compute of ${computeText} FLOP is above ${threshold} FLOP, so the model is presumed to have systemic risk (AI Act Art. 51(2)), yet the file says ${a.declared ?? 'nothing'}. Mark it presumed, notify the Commission within ${thresholds.notificationWeeks.value} weeks (Art. 52(1)), and document the Safety and Security chapter. You may argue that it nevertheless has no systemic risk (Art. 52(2)), but the presumption stands until the Commission agrees.`,
      });
    }
    if (
      a.declared === 'presumed' &&
      compute !== undefined &&
      !a.aboveThreshold &&
      !a.atThreshold &&
      !model.written(DESIGNATION.path)
    ) {
      findings.push({
        code: 'systemic-risk.unsupported',
        range: model.range(RISK.path),
        id: RISK.id,
        provisions: [limit.provision],
        message: `Systemic risk is marked presumed, but training compute of ${computeText} FLOP is not above ${threshold} FLOP and no designation date is given. Check the compute figure, mark it designated with the designation date, or set it to none.`,
      });
    }
    if (a.atThreshold) {
      findings.push({
        code: 'systemic-risk.at-threshold',
        range: model.range(COMPUTE.path),
        id: COMPUTE.id,
        provisions: [limit.provision],
        message: `Training compute is exactly ${threshold} FLOP. AI Act Art. 51(2) presumes systemic risk when compute is greater than ${threshold}; estimates may be off by about 30 %, so keep the basis of this figure and consider notifying the Commission (Art. 52(1)).`,
      });
    }
    findings.push(...dateFindings(model, a));
    return findings;
  },
});

/** The notification date of a presumed model and the designation date of a designated one. */
function dateFindings(model: FileModel, a: Applicability): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  if (a.declared === 'presumed' && !model.written(NOTIFICATION.path)) {
    findings.push({
      code: 'systemic-risk.notification',
      range: model.range(RISK.path),
      id: NOTIFICATION.id,
      provisions: ['Art. 52(1)'],
      ...insertFix(model, NOTIFICATION.path),
      message: `A presumed systemic-risk model must be notified to the Commission within ${thresholds.notificationWeeks.value} weeks of meeting the threshold (AI Act Art. 52(1)). Record the date in classification.notification_date.`,
    });
  }
  if (a.declared === 'designated' && !model.written(DESIGNATION.path)) {
    findings.push({
      code: 'systemic-risk.designation',
      range: model.range(RISK.path),
      id: DESIGNATION.id,
      provisions: ['Art. 51(1)'],
      ...insertFix(model, DESIGNATION.path),
      message:
        'The model is marked designated: record in classification.designation_date when the Commission designated it as a model with systemic risk (AI Act Art. 51(1)(b)). The Safety and Security chapter applies from then.',
    });
  }
  return findings;
}

/** Insert the key when it is absent; a key written empty is filled in by hand. */
function insertFix(model: FileModel, path: readonly PathSegment[]): Pick<Finding, 'fix'> {
  return model.has(path)
    ? {}
    : { fix: { kind: 'insert-keys', parent: path.slice(0, -1), keys: [String(path[path.length - 1])] } };
}
