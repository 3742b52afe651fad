import * as assert from 'node:assert/strict';
import { catalogue } from '../../server/src/engine';
import { getPreviewModel } from '../../server/src/engine/preview';
import { openAnswers } from '../../shared/completeness';
import type { PreviewItem, PreviewModel } from '../../shared/types';
import { testEngine } from '../helpers/engine';
import { edit, example, lines, parse } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');

const model = (text: string): PreviewModel => getPreviewModel(parse(text));
const itemOf = (m: PreviewModel, id: string): PreviewItem =>
  m.sections.flatMap((s) => s.items).find((i) => i.id === id)!;

describe('preview model', () => {
  it("holds every form item exactly once, in the form's order, after the document rows", () => {
    const m = model(KESTREL);
    assert.deepEqual(
      m.sections.map((s) => s.number),
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
    );
    const ids = m.sections.flatMap((s) => s.items.map((i) => i.id));
    assert.deepEqual(
      ids,
      [
        ...catalogue.itemsOfSection(0),
        ...catalogue.formSections.flatMap((s) => catalogue.itemsOfSection(s.number)),
      ].map((i) => i.id),
    );
    assert.equal(new Set(ids).size, catalogue.formItems.length);
    assert.equal(m.sections[6].title, catalogue.formSections.find((s) => s.number === 6)!.title);
  });

  it('fills the header from the file', () => {
    const { header } = model(KESTREL);
    assert.deepEqual(
      { ...header, classification: header.classification.label },
      {
        provider: 'Kestrel Language Systems SAS',
        model: 'Kestrel-13B',
        documentVersion: '2.1',
        lastUpdated: '2025-10-14',
        classification: 'no systemic risk',
      },
    );
  });

  it('gives each item its label, recipients, value as written and where it is', () => {
    const item = itemOf(model(KESTREL), 'form/7.4');
    assert.equal(item.label, 'Amount of computation used for training (AI Office)');
    assert.deepEqual(item.recipients, ['ai-office']);
    assert.equal(item.state, 'written');
    assert.deepEqual(item.path, ['computational_resources', 'training_compute']);
    assert.equal(KESTREL.split('\n')[item.range!.start.line].trim(), 'training_compute: 3.1e23');
  });

  it('shows a number as written with the coarse value derived from it', () => {
    assert.deepEqual(itemOf(model(KESTREL), 'form/2.9').value, {
      kind: 'number',
      text: '1.3e10',
      derived: {
        itemId: 'form/2.10',
        label: catalogue.itemLabel(catalogue.getFormItem('form/2.10')!),
        value: '5B-15B',
      },
    });
    assert.deepEqual(itemOf(model(KESTREL), 'form/8.1').value, { kind: 'number', text: '3.4e2', unit: 'MWh' });
  });

  it('marks a coarse row left out as derived, with the derived value', () => {
    const item = itemOf(model(KESTREL), 'form/2.10');
    assert.equal(item.state, 'derived');
    assert.deepEqual(item.value, { kind: 'choice', value: '5B-15B', label: '5B–15B' });
    assert.deepEqual(itemOf(model(KESTREL), 'form/7.3').value, { kind: 'number', text: '1e23', unit: 'FLOP' });
  });

  it('shows national authorities the period measured with the training-time range (7.1), as the final form asks', () => {
    const item = itemOf(model(KESTREL), 'form/7.1');
    assert.equal(item.state, 'derived');
    const period = KESTREL.match(/^ {4}period: (.*)$/m)![1];
    assert.deepEqual(
      item.companions?.map((f) => [f.label, f.value]),
      [['Period measured', { kind: 'text', paragraphs: [period] }]],
    );
    const withoutPeriod = edit(KESTREL, /^ {4}period: .*\n/m, '');
    assert.equal(itemOf(model(withoutPeriod), 'form/7.1').companions, undefined);
  });

  it('marks missing, placeholder, N/A with its reason, not applicable and incomplete answers', () => {
    let text = edit(KESTREL, /\n {2}decision_rationale: >-\n( {4}.*\n)*/, '\n');
    text = edit(text, /model_architecture: .*/, 'model_architecture: TODO describe');
    text = edit(text, /license_type: .*/, 'license_type: N/A');
    const m = model(text);
    assert.equal(itemOf(m, 'form/5.2').state, 'missing');
    assert.equal(itemOf(m, 'form/5.2').value, undefined);
    assert.equal(itemOf(m, 'form/2.1').state, 'placeholder');
    assert.match(itemOf(m, 'form/2.1').reason, /TODO/);
    assert.equal(itemOf(m, 'form/3.4').state, 'incomplete', 'N/A where the form does not allow it');
    const hardware = itemOf(m, 'form/4.5');
    assert.equal(hardware.state, 'n/a');
    assert.match(hardware.naReason!, /^API access needs no specific hardware/);
    assert.equal(itemOf(m, 'form/2.4').state, 'not-applicable');
  });

  it('counts what is still open for each audience that receives it', () => {
    const text = edit(
      edit(KESTREL, /\n {2}decision_rationale: >-\n( {4}.*\n)*/, '\n'),
      /required_software: .*/,
      'required_software: TBD',
    );
    // 5.2 (missing) goes to the authorities, 4.6 (a placeholder) to downstream providers; "all" has both.
    const open = (m: PreviewModel) =>
      Object.fromEntries(Object.entries(m.completeness).map(([a, c]) => [a, openAnswers(c)]));
    assert.deepEqual(open(model(text)), { all: 2, 'ai-office': 1, nca: 1, downstream: 1 });
    assert.deepEqual(open(model(KESTREL)), { all: 0, 'ai-office': 0, nca: 0, downstream: 0 });
  });

  it('keeps paragraphs, lists and per-modality entries', () => {
    const text = lines(
      'gpai: 1',
      'use:',
      '  intended_uses: |',
      '    First paragraph.',
      '',
      '    Second paragraph.',
      'model_properties:',
      '  input_modalities: [text, images]',
      '  maximum_input_size:',
      '    images: 4 images',
    );
    const m = model(text);
    assert.deepEqual(itemOf(m, 'form/4.2').value, {
      kind: 'text',
      paragraphs: ['First paragraph.', 'Second paragraph.'],
    });
    assert.deepEqual(itemOf(m, 'form/2.3').value, {
      kind: 'list',
      items: [
        { kind: 'choice', value: 'text', label: 'Text' },
        { kind: 'choice', value: 'images', label: 'Images' },
      ],
    });
    assert.deepEqual(itemOf(m, 'form/2.5').value, {
      kind: 'fields',
      fields: [{ key: 'images', label: 'Images', value: { kind: 'text', paragraphs: ['4 images'] }, state: 'written' }],
    });
  });

  it('makes links only of https and mailto addresses', () => {
    const text = lines(
      'gpai: 1',
      'use:',
      '  acceptable_use_policy: javascript:alert(1)',
      'distribution_and_licenses:',
      '  license_link: https://example.org/licence',
    );
    const m = model(text);
    assert.deepEqual(itemOf(m, 'form/4.1').value, { kind: 'text', paragraphs: ['javascript:alert(1)'] });
    assert.deepEqual(itemOf(m, 'form/3.3').value, { kind: 'link', href: 'https://example.org/licence' });
  });

  it('lists the Copyright measures with their status and fields, a planned one as incomplete', () => {
    const m = model(
      edit(KESTREL, '  output_mitigations:\n    status: implemented', '  output_mitigations:\n    status: planned'),
    );
    const measures = m.copyright.commitments.flatMap((c) => c.measures);
    assert.deepEqual(
      measures.map((x) => x.id),
      ['copyright/1.1', 'copyright/1.2', 'copyright/1.3', 'copyright/1.4', 'copyright/1.5'],
    );
    assert.equal(measures[0].title, 'Draw up, keep up-to-date and implement a copyright policy');
    assert.equal(measures[0].status, 'implemented');
    assert.deepEqual(
      measures[0].fields.map((f) => f.key),
      ['summary', 'evidence', 'document', 'responsible', 'public_summary'],
    );
    assert.equal(measures[3].state, 'incomplete');
    assert.equal(measures[3].reason, 'status: planned');
    assert.deepEqual(
      m.copyright.fields.map((f) => [f.key, f.value]),
      [['web_crawling', { kind: 'boolean', value: true }]],
    );
  });

  it('adds the Safety and Security chapter only for a model with systemic risk', () => {
    assert.equal(model(KESTREL).safetyAndSecurity, undefined);
    const halcyon = model(example('halcyon-xl.gpai.yaml'));
    assert.equal(halcyon.safetyAndSecurity!.commitments.length, 10);
    assert.equal(halcyon.safetyAndSecurity!.commitments[8].title, 'Serious incident reporting');
  });

  it('adds the training-content summary with its fields', () => {
    const summary = model(KESTREL).trainingContentSummary;
    assert.equal(summary.state, 'written');
    assert.deepEqual(
      summary.fields.map((f) => f.label),
      ['URL', 'Version', 'Last updated'],
    );
  });

  it('is built once per document version', () => {
    const doc = parse(KESTREL);
    assert.equal(getPreviewModel(doc), getPreviewModel(doc));
  });

  it('previews a version that was checked against an earlier one, with the errors of a fresh check', () => {
    // The editor checks an open file against its last commit; the preview then reuses no findings made against
    // that commit (their memo key carries it), and names the errors a check without it finds.
    const engine = testEngine();
    const broken = edit(KESTREL, 'release_date: 2025-07-30', 'release_date: 2025-13-45');
    const earlier = parse(edit(broken, 'version: "2.1"', 'version: "2.0"'));
    const current = parse(broken);
    engine.checkNow(current, { previous: { doc: earlier, label: 'v2.0' } });
    const preview = engine.preview(current)!;
    assert.deepEqual(preview.problems, getPreviewModel(parse(broken)).problems);
    assert.ok(preview.problems?.some((p) => p.code === 'date.invalid'));
  });
});
