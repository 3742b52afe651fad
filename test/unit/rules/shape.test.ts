import * as assert from 'node:assert/strict';
import { dataOf, withCode } from '../../helpers/diagnostics';
import { lines } from '../../helpers/text';

describe('rule shape', () => {
  it("reports a value of the wrong kind in the writer's terms, on the value", () => {
    const [d] = withCode(lines('gpai: 1', 'model_properties:', '  total_model_size: [1, 2]'), 'shape.type');
    assert.match(d.message, /Total model size \(Form 2\.9/);
    assert.match(d.message, /must be a number/);
    assert.doesNotMatch(d.message, /must be number,string|instancePath|should/);
    assert.equal(d.range.start.line, 2);
    assert.equal(dataOf(d).id, 'form/2.9');
  });

  it('names the allowed values of a closed set', () => {
    const [d] = withCode(lines('gpai: 1', 'model_properties:', '  input_modalities: [text, smell]'), 'shape.value');
    assert.match(d.message, /Input modalities \(Form 2\.3.*text, images, audio, video, other/);
    assert.equal(d.range.start.character, 27, 'on the wrong entry');
  });

  it('reports a key a keyed map does not allow', () => {
    const [d] = withCode(
      lines('gpai: 1', 'model_properties:', '  maximum_input_size:', '    smell: 3 sniffs'),
      'shape.value',
    );
    assert.match(d.message, /"smell" is not allowed/);
    assert.equal(d.range.start.line, 3);
  });

  it('accepts a date written YYYY-MM-DD and refuses another notation', () => {
    assert.equal(
      withCode(lines('gpai: 1', 'general_information:', '  release_date: 2025-07-30'), 'shape.type').length,
      0,
    );
    const [d] = withCode(lines('gpai: 1', 'general_information:', '  release_date: 30/07/2025'), 'shape.type');
    assert.match(d.message, /YYYY-MM-DD/);
  });

  it('asks for the format version and offers to set it', () => {
    const [missing] = withCode(lines('document:', '  version: "1"'), 'format.version');
    assert.match(missing.message, /gpai: 1/);
    assert.deepEqual(dataOf(missing).fix, {
      kind: 'set-value',
      path: ['gpai'],
      value: '1',
      title: 'Set the format version to 1',
    });
    const [wrong] = withCode(lines('gpai: 7'), 'format.version');
    assert.match(wrong.message, /says 7/);
  });
});
