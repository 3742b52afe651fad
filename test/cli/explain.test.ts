import * as assert from 'node:assert/strict';
import { catalogue } from '../../server/src/engine';
import { runCli } from './runCli';

describe('gpai-docs explain: keys of the format', () => {
  it('explains the catalogue entry a key documents, by bare name or by path', () => {
    const item = catalogue.getFormItem('form/7.4')!;
    for (const query of ['training_compute', 'computational_resources.training_compute']) {
      const r = runCli(['explain', query]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(
        r.stdout,
        /^computational_resources\.training_compute: a quantity; FLOP, e\.g\. 2\.4e25\. It documents form 7\.4 /,
      );
      assert.ok(r.stdout.includes(`Form 7.4 “${item.label}`), 'then the form item, as `explain form/7.4` gives it');
      assert.ok(r.stdout.endsWith(runCli(['explain', 'form/7.4']).stdout));
    }
  });

  it('follows a keyed map to its entries and a list to its fields', () => {
    const input = runCli(['explain', 'model_properties.maximum_input_size.text']);
    assert.equal(input.code, 0, input.stderr);
    assert.match(input.stdout, /^model_properties\.maximum_input_size\.text: a text; .* It documents form 2\.5 /);
    assert.match(input.stdout, /Form 2\.5 “Maximum input size/);
    const field = runCli(['explain', 'general_information.model_dependencies[].provider']);
    assert.equal(field.code, 0, field.stderr);
    assert.match(field.stdout, /It documents form 1\.6 Model dependencies/);
    const indexed = runCli(['explain', 'general_information.model_dependencies.0.provider']).stdout;
    assert.equal(indexed.replace(/^.*\n/, ''), field.stdout.replace(/^.*\n/, ''), 'an index reads as []');
  });

  it('lists every path of a bare key name used in several places', () => {
    const r = runCli(['explain', 'design_specifications']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.stdout.split('\n').filter(Boolean), [
      '"design_specifications" is a key in 2 places; explain one by its path:',
      '  model_properties.design_specifications  form 2.2 Design specifications of the model',
      '  training_process.design_specifications  form 5.1 Design specifications of the training process',
    ]);
  });

  it('lists the keys of a block that documents a form section', () => {
    const r = runCli(['explain', 'model_properties']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^model_properties: a block of keys\. It documents Model properties \(form\/section-2\)\./);
    assert.match(r.stdout, /model_properties\.total_model_size +form 2\.9 Total model size/);
  });

  it('still explains ids and codes first, and refuses an unknown key with exit 2', () => {
    assert.match(runCli(['explain', 'missing.item']).stdout, /form item is missing/i);
    const r = runCli(['explain', 'computational_resources.nonsense']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^gpai-docs: nothing is called "computational_resources\.nonsense"/);
  });
});
