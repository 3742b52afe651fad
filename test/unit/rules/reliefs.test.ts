import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { CoverageNode } from '../../../shared/types';
import { reliefs } from '../../../server/src/engine/catalogue';
import { applyFix, codes, dataOf, withCode } from '../../helpers/diagnostics';
import { getCoverage } from '../../helpers/engine';
import { edit, example, parse } from '../../helpers/text';

const HALCYON = example('halcyon-xl.gpai.yaml');
const KESTREL = example('kestrel-13b.gpai.yaml');
const stated = (text: string, line: string) =>
  edit(
    text,
    'open_source_exemption: false',
    `open_source_exemption: false\n  safety_and_security_reliefs:\n    ${line}`,
  );
const C6 = 'more_capable_open_weights_model: Meadow-70B (https://hub.meadowlark-research.example/meadow-70b)';
const SAFE = 'safe_reference_model: Halcyon-L (Model Report v2.0, received by the AI Office 2025-03-01)';
const SECURITY = / {2}security_mitigations:\n( {4}.*\n| {6}.*\n| {8}.*\n)+/;

function find(nodes: readonly CoverageNode[], id: string): CoverageNode | undefined {
  for (const n of nodes) {
    if (n.id === id) return n;
    const inner = find(n.children ?? [], id);
    if (inner) return inner;
  }
  return undefined;
}

describe('Safety and Security reliefs', () => {
  describe('in coverage', () => {
    it('make Commitment 6 and Measures 6.1 and 6.2 not applicable under the Commitment 6 exemption, with its reason', () => {
      const report = getCoverage(parse(stated(HALCYON, C6)));
      for (const id of ['safety-security/6', 'safety-security/6.1', 'safety-security/6.2']) {
        const node = find(report.roots, id)!;
        assert.equal(node.state, 'not-applicable', id);
        assert.match(
          node.reason,
          /Commitment 6 exemption: the model's capabilities are inferior .* \(Safety and Security Commitment 6\)/,
        );
      }
      assert.equal(find(report.roots, 'safety-security/5.1')!.state, 'covered');
    });

    it('stop asking for the security mitigations once the exemption is stated', () => {
      const without = edit(HALCYON, SECURITY, '');
      assert.ok(codes(without).includes('missing.commitment'));
      assert.ok(!codes(stated(without, C6)).includes('missing.commitment'));
    });

    it('show the duties "similarly safe or safer" lifts as not applicable, each under its measure', () => {
      const report = getCoverage(parse(stated(HALCYON, SAFE)));
      const relief = reliefs.find((r) => r.id === 'format/relief-similarly-safe')!;
      for (const effect of relief.effects) {
        const measure = find(report.roots, effect.target)!;
        assert.notEqual(measure.state, 'not-applicable', `${effect.target} still applies`);
        const leaf = measure.children!.find((c) => c.title === effect.what)!;
        assert.equal(leaf.state, 'not-applicable');
        assert.match(leaf.reason, /similarly safe or safer \(Safety and Security Appendix 2/);
        assert.match(measure.reason, /lifted: /);
      }
      assert.equal(report.percent, 100);
    });

    it('note the SME and SMC simplifications without setting any measure aside', () => {
      const report = getCoverage(parse(stated(HALCYON, 'sme_or_smc: true')));
      const measure = find(report.roots, 'safety-security/8.1')!;
      assert.equal(measure.state, 'covered');
      assert.match(measure.reason, /simplified: lighter criteria/);
      assert.match(
        find(report.roots, 'safety-security/7.2')!.reason,
        /simplified: the Model Report may give less detail/,
      );
    });
  });

  describe('the 6-monthly Model Report update (Measure 7.6)', () => {
    const old = (text: string) =>
      edit(text, 'last_updated: 2025-10-24\n      evidence:', 'last_updated: 2025-03-01\n      evidence:');

    it('names the relief key when the report is older than 6 months', () => {
      const [d] = withCode(old(HALCYON), 'safety.model-report-update');
      assert.match(
        d.message,
        /similarly safe or safer \(state it in `classification\.safety_and_security_reliefs\.safe_reference_model`/,
      );
    });

    it('is not reported once "similarly safe or safer" is stated', () => {
      assert.deepEqual(withCode(old(stated(HALCYON, SAFE)), 'safety.model-report-update'), []);
    });
  });

  describe('rule reliefs', () => {
    it('says a relief changes nothing for a model without systemic risk, naming both keys', () => {
      const [d] = withCode(stated(KESTREL, 'sme_or_smc: true'), 'relief.no-systemic-risk');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.match(d.message, /`classification\.safety_and_security_reliefs\.sme_or_smc`/);
      assert.match(d.message, /`classification\.systemic_risk`/);
      assert.equal(stated(KESTREL, 'sme_or_smc: true').split('\n')[d.range.start.line].trim(), 'sme_or_smc: true');
      assert.deepEqual(withCode(stated(KESTREL, 'sme_or_smc: false'), 'relief.no-systemic-risk'), []);
    });

    it('asks to state the Commitment 6 exemption a measure is set aside for, and inserts its key', () => {
      const text = edit(
        HALCYON,
        /( {4}security_goal:\n) {6}status: implemented\n/,
        '$1      status: not_applicable\n      reason: Commitment 6 exemption, Meadow-70B is more capable.\n',
      );
      const [d] = withCode(text, 'relief.unstated');
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.equal(dataOf(d).id, 'safety-security/6.1');
      assert.deepEqual(dataOf(d).fix, {
        kind: 'insert-keys',
        parent: ['classification', 'safety_and_security_reliefs'],
        keys: ['more_capable_open_weights_model'],
      });
      assert.equal(text.split('\n')[d.range.start.line].trim(), 'status: not_applicable');
      assert.equal(text.split('\n')[d.range.start.line - 1].trim(), 'security_goal:');
      const fixed = applyFix(text, d).text;
      assert.match(
        fixed,
        /\n {2}(?:# .*\n {2})*safety_and_security_reliefs:.*\n {4}(?:# .*\n {4})*more_capable_open_weights_model:/,
      );
      assert.deepEqual(withCode(stated(text, C6), 'relief.unstated'), []);
    });

    it('reports a measure set aside whole for a relief that lifts only part of it', () => {
      const text = edit(
        stated(HALCYON, SAFE),
        /( {4}model_report_updates:\n) {6}status: implemented\n/,
        '$1      status: not_applicable\n      reason: Similarly safe or safer than Halcyon-L.\n',
      );
      const [d] = withCode(text, 'relief.partial');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(
        d.message,
        /lifts only part of it \(the updated Model Report to the AI Office at least every 6 months\)/,
      );
      assert.equal(text.split('\n')[d.range.start.line - 1].trim(), 'model_report_updates:');
      assert.equal(dataOf(d).id, 'safety-security/7.6');
    });

    it('stays quiet on the examples', () => {
      for (const text of [HALCYON, KESTREL])
        assert.deepEqual(
          codes(text).filter((c) => c.startsWith('relief.')),
          [],
        );
    });
  });
});
