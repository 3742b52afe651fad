/**
 * Systemic risk (AI Act Art. 51, 52): compute above the Art. 51(2) threshold with classification `none`;
 * `presumed` without compute to support it and no designation; compute exactly on the threshold; the
 * Art. 52(1) notification for a presumed model, due within two weeks of the date the threshold was met or
 * became foreseeable (`threshold_date`), and the date of a designation. (The Safety and Security chapter that
 * systemic risk requires is checked by the missing-item rule.)
 */
import { KEYS, thresholds, type PathSegment } from '../catalogue';
import type { Applicability } from '../applicability';
import type { FileModel } from '../model';
import { notificationDue } from '../roles';
import { daysBetween, formatScientific, parseIsoDate, type IsoDate } from '../values';
import { readableDate } from './common';
import { defineRule, type CodeInfo, type CodesOf, type Finding, type RuleContext } from './types';

const RISK = KEYS.classification.systemic_risk;
const COMPUTE = KEYS.computational_resources.training_compute;
const NOTIFICATION = KEYS.classification.notification_date;
const DESIGNATION = KEYS.classification.designation_date;
const THRESHOLD_DATE = KEYS.classification.threshold_date;

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
  {
    code: 'systemic-risk.notification-late',
    title: 'The Art. 52(1) notification came more than two weeks after the threshold date',
    severity: 'warning',
  },
  {
    code: 'systemic-risk.threshold-date',
    title: 'A systemic-risk threshold date for a model classified without systemic risk',
    severity: 'warning',
  },
] as const satisfies readonly CodeInfo[];

type Code = CodesOf<typeof codes>;

export const systemicRisk = defineRule({
  name: 'systemicRisk',
  codes,
  check(ctx) {
    const { model, applicability: a } = ctx;
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
    findings.push(...dateFindings(ctx));
    return findings;
  },
});

/** The notification date of a presumed model and the designation date of a designated one. */
function dateFindings({ model, applicability: a, asOf }: RuleContext): Finding<Code>[] {
  const findings: Finding<Code>[] = [];
  const weeks = thresholds.notificationWeeks.value;
  const threshold = parseIsoDate(model.text(THRESHOLD_DATE.path) ?? '');
  const due = threshold ? notificationDue(threshold) : undefined;
  if (a.declared === 'presumed' && !model.written(NOTIFICATION.path)) {
    const overdue = due !== undefined && due.iso < asOf.iso;
    findings.push({
      code: 'systemic-risk.notification',
      range: model.range(RISK.path),
      id: NOTIFICATION.id,
      provisions: ['Art. 52(1)'],
      ...(overdue ? { severity: 'warning' as const } : {}),
      ...insertFix(model, NOTIFICATION.path),
      message: `A presumed systemic-risk model must be notified to the Commission without delay and within ${weeks} weeks of meeting the threshold or of knowing that it will be met (AI Act Art. 52(1)). ${dueSentence(threshold, due, asOf)}Record the date in classification.notification_date.`,
    });
  }
  findings.push(...notificationLate(model, a, threshold, due));
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

/** When the notification is due, from the threshold date, as of the date the documentation is current. */
function dueSentence(threshold: IsoDate | undefined, due: IsoDate | undefined, asOf: IsoDate): string {
  if (!threshold || !due)
    return 'Give the date the threshold was met or became foreseeable in classification.threshold_date, so that the deadline can be checked. ';
  if (due.iso < asOf.iso)
    return `The threshold date is ${threshold.iso} (classification.threshold_date), so it was due by ${readableDate(due.iso)} and is overdue as of ${asOf.iso}. `;
  return `The threshold date is ${threshold.iso} (classification.threshold_date), so it is due by ${readableDate(due.iso)}. `;
}

/** A notification later than two weeks after the threshold date; a threshold date for a model without systemic risk. */
function notificationLate(
  model: FileModel,
  a: Applicability,
  threshold: IsoDate | undefined,
  due: IsoDate | undefined,
): Finding<Code>[] {
  const notified = parseIsoDate(model.text(NOTIFICATION.path) ?? '');
  const weeks = thresholds.notificationWeeks.value;
  if (threshold && a.declared === 'none' && !a.aboveThreshold) {
    return [
      {
        code: 'systemic-risk.threshold-date',
        range: model.range(THRESHOLD_DATE.path),
        id: THRESHOLD_DATE.id,
        provisions: ['Art. 52(1)'],
        message: `classification.threshold_date says the systemic-risk threshold was met, or became foreseeable, on ${threshold.iso}, but classification.systemic_risk is none. If the threshold is met or will be, mark the model presumed and notify the Commission within ${weeks} weeks (AI Act Art. 52(1)); otherwise remove the date.`,
      },
    ];
  }
  if (!threshold || !due || !notified || notified.iso <= due.iso) return [];
  return [
    {
      code: 'systemic-risk.notification-late',
      range: model.range(NOTIFICATION.path),
      id: NOTIFICATION.id,
      provisions: ['Art. 52(1)'],
      message: `The Commission was notified on ${notified.iso} (classification.notification_date), ${daysBetween(threshold, notified)} days after the threshold was met or became foreseeable on ${threshold.iso} (classification.threshold_date). AI Act Art. 52(1) asks for the notification without delay and within ${weeks} weeks, by ${readableDate(due.iso)}. Check the dates, and record why it was late.`,
    },
  ];
}

/** Insert the key when it is absent; a key written empty is filled in by hand. */
function insertFix(model: FileModel, path: readonly PathSegment[]): Pick<Finding, 'fix'> {
  return model.has(path)
    ? {}
    : { fix: { kind: 'insert-keys', parent: path.slice(0, -1), keys: [String(path[path.length - 1])] } };
}
