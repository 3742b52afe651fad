import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { codes, dataOf, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const HALCYON = example('halcyon-xl.gpai.yaml');
const confirmed = (date: string) => edit(HALCYON, 'confirmed: 2025-08-27', `confirmed: ${date}`);

describe('rule safetyFramework', () => {
  it('warns when the Framework was confirmed less than 2 weeks before market placement', () => {
    const found = withCode(confirmed('2025-10-01'), 'safety.framework-timing');
    const [d] = found.filter((f) => /placed on the Union market/.test(f.message));
    assert.equal(d.severity, DiagnosticSeverity.Warning);
    assert.equal(dataOf(d).id, 'safety-security/1.1');
    assert.match(d.message, /no later than 2 weeks before placement \(30 September 2025\)/);
  });

  it('accepts a confirmation exactly 2 weeks before placement', () => {
    const found = withCode(
      edit(confirmed('2025-09-30'), 'notification_date: 2025-08-06', 'notification_date: 2025-09-20'),
      'safety.framework-timing',
    );
    assert.deepEqual(found, []);
  });

  it('warns when the Framework was confirmed more than 4 weeks after the Art. 52(1) notification', () => {
    const [d] = withCode(confirmed('2025-09-04'), 'safety.framework-timing');
    assert.match(d.message, /more than 4 weeks after the Commission was notified on 2025-08-06/);
    assert.ok(dataOf(d).provisions.includes('Art. 52(1)'));
    assert.deepEqual(withCode(confirmed('2025-09-03'), 'safety.framework-timing'), [], 'exactly 4 weeks');
  });

  it('does not hold a model placed before 2 August 2025 to a Framework before placement', () => {
    const text = edit(
      edit(HALCYON, 'union_market_release_date: 2025-10-14', 'union_market_release_date: 2025-06-01'),
      'release_date: 2025-10-14',
      'release_date: 2025-06-01',
    );
    assert.deepEqual(
      withCode(text, 'safety.framework-timing').filter((d) => /placement/.test(d.message)),
      [],
    );
  });

  it('warns when the Framework was assessed more than 12 months before the date the documentation is current as of', () => {
    const datedAs = (date: string) => edit(HALCYON, /^ {2}last_updated: 2025-10-24$/m, `  last_updated: ${date}`);
    const [d] = withCode(datedAs('2026-10-15'), 'safety.framework-assessment', { today: '2026-11-01' });
    assert.equal(dataOf(d).id, 'safety-security/1.3');
    assert.match(d.message, /current as of/);
    assert.deepEqual(
      withCode(datedAs('2026-10-14'), 'safety.framework-assessment', { today: '2026-11-01' }),
      [],
      'not before the 12 months are over',
    );
  });

  it('judges an older version as of its own date, whatever today is', () => {
    assert.deepEqual(withCode(HALCYON, 'safety.framework-assessment', { today: '2030-01-01' }), []);
  });

  it('stays quiet on the example with systemic risk', () => {
    assert.deepEqual(
      codes(HALCYON).filter((c) => c.startsWith('safety.')),
      [],
    );
  });
});
