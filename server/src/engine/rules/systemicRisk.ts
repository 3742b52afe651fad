/**
 * Systemic risk (AI Act Art. 51, 52): compute above the Art. 51(2) threshold with classification `none`;
 * `presumed` without compute to support it and no designation; compute exactly on the threshold; the
 * Art. 52(1) notification for a presumed model and the date of a designation. (The Safety and Security
 * chapter that systemic risk requires is checked by the missing-item rule.)
 */
import { thresholds } from '../catalogue';
import { nodeAt, nodeRange, anchorRange, type GpaiDocument } from '../document';
import { formatScientific } from '../values';
import type { Finding, Rule } from './types';

const RISK = ['classification', 'systemic_risk'];
const COMPUTE = ['computational_resources', 'training_compute'];

/** "10^25" from 1e25. */
export function powerOfTen(value: number): string {
  const exponent = Math.log10(value);
  return Number.isInteger(exponent) ? `10^${exponent}` : formatScientific(value);
}

export const systemicRisk: Rule = {
  name: 'systemicRisk',
  codes: [
    { code: 'systemic-risk.presumed', title: 'Training compute above the threshold, but no systemic risk declared', severity: 'error', fixable: true },
    { code: 'systemic-risk.unsupported', title: 'Systemic risk presumed without compute above the threshold or a designation', severity: 'warning' },
    { code: 'systemic-risk.at-threshold', title: 'Training compute exactly on the threshold', severity: 'information' },
    { code: 'systemic-risk.notification', title: 'No date of the Art. 52(1) notification for a presumed model', severity: 'information', fixable: true },
    { code: 'systemic-risk.designation', title: 'No date of the Commission\'s designation for a designated model', severity: 'information', fixable: true },
  ],
  check({ doc, applicability: a }) {
    const findings: Finding[] = [];
    const limit = thresholds.systemicRiskCompute;
    const threshold = powerOfTen(limit.flop);
    const compute = a.trainingCompute;
    const computeText = compute === undefined ? '' : formatScientific(compute);
    if (a.aboveThreshold && (a.declared === 'none' || a.declared === undefined)) {
      findings.push({
        code: 'systemic-risk.presumed', range: where(doc, RISK), id: 'format/systemic-risk', provisions: [limit.provision, 'Art. 52(1)'],
        fix: { kind: 'set-value', path: RISK, value: 'presumed', title: 'Mark systemic risk as presumed' },
        message: `Training compute of ${computeText} FLOP is above ${threshold} FLOP, so the model is presumed to have systemic risk (AI Act Art. 51(2)), yet the file says ${a.declared ?? 'nothing'}. Mark it presumed, notify the Commission within ${thresholds.notificationWeeks.value} weeks (Art. 52(1)), and document the Safety and Security chapter. You may argue that it nevertheless has no systemic risk (Art. 52(2)), but the presumption stands until the Commission agrees.`,
      });
    }
    if (a.declared === 'presumed' && compute !== undefined && !a.aboveThreshold && !a.atThreshold && !nodeAt(doc, ['classification', 'designation_date'])) {
      findings.push({
        code: 'systemic-risk.unsupported', range: where(doc, RISK), id: 'format/systemic-risk', provisions: [limit.provision],
        message: `Systemic risk is marked presumed, but training compute of ${computeText} FLOP is not above ${threshold} FLOP and no designation date is given. Check the compute figure, mark it designated with the designation date, or set it to none.`,
      });
    }
    if (a.atThreshold) {
      findings.push({
        code: 'systemic-risk.at-threshold', range: where(doc, COMPUTE), id: 'form/7.4', provisions: [limit.provision],
        message: `Training compute is exactly ${threshold} FLOP. AI Act Art. 51(2) presumes systemic risk when compute is greater than ${threshold}; estimates may be off by about 30 %, so keep the basis of this figure and consider notifying the Commission (Art. 52(1)).`,
      });
    }
    if (a.declared === 'presumed' && !nodeAt(doc, ['classification', 'notification_date'])) {
      findings.push({
        code: 'systemic-risk.notification', range: where(doc, RISK), id: 'format/notification', provisions: ['Art. 52(1)'],
        fix: { kind: 'insert-keys', parent: ['classification'], keys: ['notification_date'] },
        message: `A presumed systemic-risk model must be notified to the Commission within ${thresholds.notificationWeeks.value} weeks of meeting the threshold (AI Act Art. 52(1)). Record the date in classification.notification_date.`,
      });
    }
    if (a.declared === 'designated' && !nodeAt(doc, ['classification', 'designation_date'])) {
      findings.push({
        code: 'systemic-risk.designation', range: where(doc, RISK), id: 'format/designation', provisions: ['Art. 51(1)'],
        fix: { kind: 'insert-keys', parent: ['classification'], keys: ['designation_date'] },
        message: 'The model is marked designated: record in classification.designation_date when the Commission designated it as a model with systemic risk (AI Act Art. 51(1)(b)). The Safety and Security chapter applies from then.',
      });
    }
    return findings;
  },
};

function where(doc: GpaiDocument, path: string[]) {
  return nodeRange(doc, nodeAt(doc, path)) ?? anchorRange(doc, path);
}
