/**
 * The catalogue against what the official Model Documentation Form confirms or corrects
 * (test/fixtures/reference/official-form.json, transcribed with its source): each correction is read from the
 * catalogue, so that a later change to the catalogue that contradicts the form fails here.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  formItems,
  formSections,
  getFormItem,
  getValueSet,
  itemsFor,
  type FormItem,
  type ValueSetId,
} from '../../server/src/engine/catalogue';
import { ROOT } from '../helpers/text';

interface OfficialForm {
  readonly recipientsFinal: string[];
  readonly recipientsMachineRead: string[];
  readonly words: Record<string, { count: number; upTo?: boolean }>;
  readonly naConfirmed: string[];
  readonly labelsFinal: string[];
  readonly sectionTitles: Record<string, string>;
  readonly dataProvenance: string[];
  readonly significantFigures: Record<string, number>;
  readonly finalValueSets: ValueSetId[];
  readonly secondaryStill: string[];
}

const OFFICIAL = JSON.parse(
  readFileSync(join(ROOT, 'test', 'fixtures', 'reference', 'official-form.json'), 'utf8'),
) as OfficialForm;

const item = (id: string): FormItem => {
  const found = getFormItem(id);
  assert.ok(found, id);
  return found;
};
/** The confidence of an item's recipients: its own label unless the recipients have one of their own. */
const recipientsConfidence = (i: FormItem) => i.confidence.audiences ?? i.confidence.label;

describe('catalogue: the official Model Documentation Form', () => {
  it('marks the recipients the official form confirms as final, naming the source', () => {
    for (const id of OFFICIAL.recipientsFinal) {
      assert.equal(recipientsConfidence(item(id)), 'final', id);
      assert.match(item(id).confidence.source ?? '', /official form \(document 118118\)/, id);
    }
  });

  it("keeps 2.5's machine-read ticks visibly to be checked by hand, and no recipient tick is draft-only", () => {
    for (const id of OFFICIAL.recipientsMachineRead) assert.equal(item(id).confidence.audiences, 'machine-read');
    assert.deepEqual(
      formItems.filter((i) => recipientsConfidence(i) === 'draft-only').map((i) => i.id),
      [],
    );
  });

  it('sends 3.5 (additional assets) to the AI Office and downstream providers, not national authorities', () => {
    assert.deepEqual([...item('form/3.5').recipients], ['ai-office', 'downstream']);
    assert.ok(item('form/3.5').annex.includes('XII 1(h)'), 'with downstream providers ticked it serves Annex XII 1(h)');
    assert.ok(!itemsFor('nca').some((i) => i.id === 'form/3.5'));
    assert.deepEqual([...item('form/2.5').recipients], ['ai-office', 'downstream']);
    assert.deepEqual([...item('form/2.8').recipients], ['downstream'], '2.8, checked by hand, stays DP only');
  });

  it('recommends the lengths the official form gives', () => {
    for (const [id, words] of Object.entries(OFFICIAL.words)) {
      assert.equal(item(id).words?.count, words.count, id);
      assert.equal(!!item(id).words?.upTo, !!words.upTo, `${id}: "up to"`);
      assert.equal(item(id).confidence.words ?? item(id).confidence.label, 'final', id);
    }
  });

  it('has one unsuitability item (6.8) of 400 words, which may stay empty with a reason to say so', () => {
    assert.equal(formItems.filter((i) => i.section === 6 && /unsuitab/i.test(i.label)).length, 1);
    assert.equal(item('form/6.8').words?.count, 400);
    for (const id of ['form/6.8', 'form/6.9']) {
      assert.ok(item(id).na.mayBeEmpty, id);
      assert.ok(item(id).na.when, `${id} says when it may stay empty`);
    }
  });

  it('confirms the N/A rules, labels and section titles of the final form', () => {
    for (const id of OFFICIAL.naConfirmed) assert.equal(item(id).confidence.na ?? item(id).confidence.label, 'final');
    for (const id of OFFICIAL.labelsFinal) assert.equal(item(id).confidence.label, 'final', id);
    for (const [number, title] of Object.entries(OFFICIAL.sectionTitles)) {
      const section = formSections.find((s) => s.number === Number(number))!;
      assert.equal(section.title, title);
      assert.equal(section.confidence, 'final');
    }
    for (const id of OFFICIAL.secondaryStill) assert.equal(item(id).confidence.label, 'secondary', id);
  });

  it('offers the six provenance boxes of the final form, and keeps "other" only as a superseded value', () => {
    const provenance = getValueSet('data-provenance');
    assert.deepEqual(
      provenance.options.map((o) => o.label),
      OFFICIAL.dataProvenance,
    );
    assert.deepEqual(
      provenance.superseded?.map((o) => o.value),
      ['other'],
    );
    for (const id of OFFICIAL.finalValueSets) assert.equal(getValueSet(id).confidence, 'final', id);
  });

  it('asks for 6.4 to at least one significant figure, and still derives it from 6.5', () => {
    for (const [id, min] of Object.entries(OFFICIAL.significantFigures)) {
      const precision = item(id).precision;
      assert.equal(precision?.kind, 'significant-figures');
      assert.equal(precision?.kind === 'significant-figures' && precision.min, min);
    }
    assert.equal(item('form/6.4').derivedFrom, 'form/6.5');
  });

  it('asks 3.1 for the level of access and 3.2 for the channels only; 6.3 holds the rights question, not 6.6', () => {
    assert.match(item('form/3.1').whatToWrite, /level of access/);
    assert.doesNotMatch(item('form/3.2').whatToWrite, /at what level|weights, fine-tuning/);
    assert.match(item('form/6.3').whatToWrite, /rights/);
    assert.doesNotMatch(item('form/6.6').whatToWrite, /rights/);
    assert.match(item('form/4.1').whatToWrite, /attach/);
    assert.equal(item('form/8.1').na.reasonIn, 'form/8.2', '8.2 says which information is withheld');
  });
});
