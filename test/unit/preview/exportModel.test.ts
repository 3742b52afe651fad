import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../../../server/src/engine';
import { derivedValue } from '../../../server/src/engine/answers';
import { getPreviewModel, parseGpai } from '../../helpers/engine';
import type { PreviewItem, PreviewModel } from '../../../shared/types';
import { ROOT } from '../../helpers/text';
import { INVALID_FIXTURE } from './models';

function example(name: string): string {
  return readFileSync(join(ROOT, 'examples', `${name}.gpai.yaml`), 'utf8');
}

function modelOf(text: string): PreviewModel {
  return getPreviewModel(parseGpai(text, 'file:///test.gpai.yaml'));
}

function itemOf(model: PreviewModel, number: string): PreviewItem {
  const item = model.sections.flatMap((s) => s.items).find((i) => i.number === number);
  assert.ok(item, `no item ${number}`);
  return item;
}

describe('preview model for exports', () => {
  it('marks a number in "billion" and an impossible date as invalid, with the finding, and shows them only as written', () => {
    const model = modelOf(readFileSync(INVALID_FIXTURE, 'utf8'));
    const size = itemOf(model, '2.9');
    assert.equal(size.invalid?.code, 'precision.unit');
    assert.match(size.invalid!.message, /"billion" is not that unit/);
    assert.deepEqual(size.value, { kind: 'text', paragraphs: ['13 billion'] });
    const date = itemOf(model, '1.4');
    assert.equal(date.invalid?.code, 'date.invalid');
    assert.match(date.invalid!.message, /2025-13-45 is not a real date/);
    assert.notEqual(date.value?.kind, 'date');
    assert.deepEqual(
      model.problems?.map((p) => p.code),
      ['date.invalid', 'precision.unit'],
    );
  });

  it('derives no parameter range from an invalid size, and says the range is missing for its recipients', () => {
    const doc = parseGpai(readFileSync(INVALID_FIXTURE, 'utf8'));
    assert.equal(derivedValue(doc, 'form/2.10'), undefined, '"13 billion" is not 13 parameters');
    const range = itemOf(getPreviewModel(doc), '2.10');
    assert.equal(range.state, 'missing');
    assert.equal(range.derived, undefined);
    assert.match(range.reason, /not derived: form 2\.9 is not a valid number/);
    assert.doesNotMatch(range.reason, /billion|13/, 'no figure of 2.9 reaches those who do not receive it');
  });

  for (const [written, why] of [
    ['.nan', 'NaN'],
    ['thirteen', 'not a number'],
    ['1.3e10 bn', 'a unit word'],
  ]) {
    it(`derives nothing from a total model size of ${written} (${why})`, () => {
      const text = example('kestrel-13b').replace('total_model_size: 1.3e10', `total_model_size: ${written}`);
      assert.equal(derivedValue(parseGpai(text), 'form/2.10'), undefined);
    });
  }

  it('still derives from a bare number or one in the form unit, and says the range in plain words', () => {
    const text = example('kestrel-13b').replace('total_model_size: 1.3e10', 'total_model_size: 1.3e10 parameters');
    assert.equal(derivedValue(parseGpai(text), 'form/2.10'), '5B-15B');
    const model = modelOf(example('kestrel-13b'));
    assert.deepEqual(itemOf(model, '2.10').derived, { words: 'Between 5 and 15 billion parameters', from: '2.9' });
    assert.deepEqual(itemOf(model, '7.1').derived, { words: 'Between 1 and 3 months', from: '7.2' });
    assert.match(itemOf(model, '7.3').derived!.words, /^Of the order of 1e23 FLOP/);
    assert.equal(model.problems?.length, 0);
  });

  it('states the catalogue version and which labels and recipients are not confirmed', () => {
    const model = modelOf(example('kestrel-13b'));
    assert.match(model.catalogue!.version, /^\d{4}-\d{2}$/);
    for (const f of catalogue.formItems) {
      const item = itemOf(model, f.number);
      const recipients = f.confidence.audiences ?? f.confidence.label;
      assert.equal(
        item.unconfirmed?.some((u) => u.fact === 'recipients') ?? false,
        recipients !== 'final',
        `${f.number} recipients are ${recipients}`,
      );
    }
  });

  it('lays the training-content summary out as the template: every item once, in order, with its keys', () => {
    const template = modelOf(example('meadow-7b')).summaryTemplate!;
    const items = template.sections.flatMap((s) => s.items);
    assert.deepEqual(
      items.map((i) => i.id),
      catalogue.summaryTemplateItems.map((i) => i.id),
    );
    assert.deepEqual(
      template.sections.map((s) => s.title),
      ['Header', 'General information', 'List of data sources', 'Data processing aspects'],
    );
    const byNumber = new Map(items.map((i) => [i.number, i]));
    assert.deepEqual(
      byNumber.get('1.3.d')!.fields.map((f) => f.key),
      ['latest_acquisition_date', 'continued_training'],
    );
    assert.equal(byNumber.get('1.3.b')!.answeredWith, '1.3.a', 'sizes are given per modality under 1.3.a');
    assert.equal(byNumber.get('1.3.g')!.state, 'optional');
    assert.deepEqual(
      template.extra.map((f) => f.key),
      ['url'],
    );
    const kestrel = modelOf(example('kestrel-13b')).summaryTemplate!;
    assert.equal(
      kestrel.sections.flatMap((s) => s.items).find((i) => i.number === '2.1')!.state,
      'missing',
      'a file that keeps only where the summary is published has the template still to fill',
    );
  });
});
