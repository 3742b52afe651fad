import * as assert from 'node:assert/strict';
import { dataOf, withCode } from '../../helpers/diagnostics';
import { lines } from '../../helpers/text';

describe('rule unknownKey', () => {
  it('suggests the closest sibling key and offers to rename', () => {
    const [d] = withCode(lines('gpai: 1', 'computational_resources:', '  trainig_compute: 2.4e25'), 'key.unknown');
    assert.match(d.message, /Did you mean "training_compute"/);
    assert.equal(d.range.start.line, 2);
    assert.deepEqual(dataOf(d).fix, {
      kind: 'rename-key',
      path: ['computational_resources', 'trainig_compute'],
      to: 'training_compute',
    });
  });

  it('says where a known key belongs when it is under the wrong parent', () => {
    const [d] = withCode(lines('gpai: 1', 'model_properties:', '  training_compute: 2.4e25'), 'key.unknown');
    assert.match(d.message, /goes under `computational_resources`/);
  });

  it('checks keys inside list entries and measure answers', () => {
    const text = lines(
      'gpai: 1',
      'copyright:',
      '  rights_reservations:',
      '    crawlers:',
      '      - name: Bot',
      '        agent: Bot/1',
    );
    const [d] = withCode(text, 'key.unknown');
    assert.match(d.message, /"agent"/);
    assert.equal(d.range.start.line, 5);
  });

  it('stays quiet on a complete example', () => {
    assert.equal(withCode(lines('gpai: 1', 'classification:', '  systemic_risk: none'), 'key.unknown').length, 0);
  });
});
