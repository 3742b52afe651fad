import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AUDIENCES,
  chapters,
  commitments,
  commitmentsOf,
  formatKeys,
  formItems,
  formSections,
  entry,
  getFormItem,
  getMeasure,
  getValueSet,
  isKnownId,
  itemsFor,
  keyPathsFor,
  keySpecAt,
  measures,
  measuresOf,
  provisions,
  thresholds,
  type KeySpec,
} from '../../server/src/engine/catalogue';
import { citationFor } from '../../server/src/engine/citation';
import { buildSchema } from '../../server/src/engine/schemaSource';
import { ROOT } from '../helpers/text';

/**
 * Facts the catalogue is checked against, transcribed from the official texts into the repository with their
 * source named (test/fixtures/reference/): the titles of the Code, and each form item's label and recipients.
 */
function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'reference', name), 'utf8')) as T;
}

const officialTitles = fixture<{ titles: Record<string, string> }>('code-of-practice-titles.json').titles;
const officialItems = fixture<{ items: Record<string, { label: string; recipients: string[] }> }>(
  'form-items.json',
).items;

describe('catalogue', () => {
  it('holds the 3 chapters, 12 commitments and 40 measures of the Code', () => {
    assert.equal(chapters.length, 3);
    assert.equal(commitments.length, 12);
    assert.equal(measures.length, 40);
    assert.deepEqual(
      chapters.map((c) => measures.filter((m) => m.chapter === c.id).length),
      [3, 5, 32],
    );
    assert.deepEqual(
      commitmentsOf('safety-security').map((c) => measuresOf(c.id).length),
      [4, 2, 5, 2, 1, 2, 7, 3, 4, 2],
    );
  });

  it('qualifies every id by its chapter, in the exact form transparency/1.1, copyright/1.3, safety-security/9.3', () => {
    for (const m of measures) assert.match(m.id, /^(transparency|copyright|safety-security)\/\d+\.\d+$/, m.id);
    for (const c of commitments) assert.match(c.id, /^(transparency|copyright|safety-security)\/\d+$/, c.id);
    assert.equal(getMeasure('safety-security/9.3')?.title, 'Reporting timelines');
    assert.equal(
      getMeasure('copyright/1.3')?.title,
      'Identify and comply with rights reservations when crawling the World Wide Web',
    );
    assert.equal(getMeasure('transparency/1.1')?.title, 'Drawing up and keeping up-to-date model documentation');
  });

  it('keeps the official title of every commitment and measure exactly', () => {
    assert.equal(Object.keys(officialTitles).length, 52);
    for (const x of [...commitments, ...measures]) assert.equal(x.title, officialTitles[x.id], `title of ${x.id}`);
  });

  it('has every form item of the reference with its recipients, and the two document fields', () => {
    const expected = Object.entries(officialItems).map(([id, row]) => ({ id, ...row }));
    assert.equal(expected.length, 47, 'the official form has 47 answer fields');
    for (const row of expected) {
      const item = getFormItem(row.id);
      assert.ok(item, `missing ${row.id}`);
      assert.deepEqual([...item.recipients], row.recipients, `recipients of ${row.id}`);
      assert.ok(
        row.label.startsWith(item.label) || item.label.startsWith(row.label.split(' (')[0]),
        `label of ${row.id}: ${item.label} vs ${row.label}`,
      );
    }
    assert.equal(formItems.length, expected.length + 2, 'the answer fields and the two document fields');
    assert.ok(getFormItem('form/D.1') && getFormItem('form/D.2'));
    assert.equal(formSections.length, 8);
  });

  it('names for each audience exactly the items ticked for it', () => {
    for (const audience of AUDIENCES) {
      assert.deepEqual(
        itemsFor(audience).map((i) => i.id),
        formItems.filter((i) => i.recipients.includes(audience)).map((i) => i.id),
      );
    }
    assert.ok(itemsFor('downstream').some((i) => i.id === 'form/2.5'));
    assert.ok(!itemsFor('downstream').some((i) => i.id === 'form/2.9'), 'total model size goes to the AI Office only');
  });

  it('gives each form item the measure it serves and a provision that exists', () => {
    const cites = new Set(provisions.map((p) => p.cite));
    for (const item of formItems) {
      assert.ok(getMeasure(item.measure), `${item.id} serves ${item.measure}`);
      for (const p of item.provisions) assert.ok(cites.has(p), `${item.id} cites unknown ${p}`);
    }
    for (const m of measures) for (const p of m.provisions) assert.ok(cites.has(p), `${m.id} cites unknown ${p}`);
  });

  it('keeps the thresholds the rules apply, with their sources', () => {
    assert.equal(thresholds.systemicRiskCompute.flop, 1e25);
    assert.equal(thresholds.systemicRiskCompute.provision, 'Art. 51(2)');
    assert.equal(thresholds.incidentInitialReportDays.critical_infrastructure.days, 2);
    assert.equal(thresholds.incidentFinalReportDays.value, 60);
    assert.deepEqual(
      getValueSet('parameter-ranges').options.map((o) => o.value),
      ['1-500M', '500M-5B', '5B-15B', '15B-50B', '50B-100B', '100B-500B', '500B-1T', '>1T'],
    );
  });

  it('cites a form item by its measure and Annex points', () => {
    assert.equal(citationFor('form/7.4').text, 'Transparency Measure 1.1; AI Act Annex XI 1.2(d), Art. 51(2)');
    assert.equal(
      citationFor('copyright/1.3').text,
      'Copyright Measure 1.3; AI Act Art. 53(1)(c); Art. 4(3) DSM Directive; RFC 9309',
    );
  });
});

describe('format key tree', () => {
  const all: { spec: KeySpec; path: string[] }[] = [];
  const walk = (specs: readonly KeySpec[], prefix: string[]) => {
    for (const s of specs) {
      all.push({ spec: s, path: [...prefix, s.key] });
      if (s.children) walk(s.children, [...prefix, s.key]);
      if (s.entry) all.push({ spec: s.entry, path: [...prefix, s.key, '*'] });
    }
  };
  walk(formatKeys, []);

  it('names only catalogue ids', () => {
    for (const { spec, path } of all) assert.ok(isKnownId(spec.id), `${path.join('.')} names unknown id ${spec.id}`);
  });

  it('gives every form item and every Copyright and Safety and Security measure a place', () => {
    for (const item of formItems) assert.ok(keyPathsFor(item.id).length, `no key for ${item.id}`);
    for (const m of measures.filter((x) => x.chapter !== 'transparency' || x.number !== '1.1'))
      assert.ok(keyPathsFor(m.id).length, `no key for ${m.id}`);
  });

  it('resolves paths through lists and keyed maps', () => {
    assert.equal(keySpecAt(['computational_resources', 'training_compute'])?.id, 'form/7.4');
    assert.equal(keySpecAt(['computational_resources', 'training_time', 'hardware_days', 0, 'days'])?.id, 'form/7.2');
    assert.equal(keySpecAt(['model_properties', 'maximum_input_size', 'text'])?.id, 'form/2.5');
    assert.equal(keySpecAt(['model_properties', 'nonsense']), undefined);
  });

  it('is what schemas/gpai.schema.json says (the committed schema is generated from it)', () => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schemas', 'gpai.schema.json'), 'utf8'));
    assert.deepEqual(committed, JSON.parse(JSON.stringify(buildSchema())), 'run npm run generate');
  });

  it('gives every form item its place in the schema', () => {
    type SchemaNode = { properties?: Record<string, SchemaNode> };
    const schema = buildSchema() as SchemaNode;
    for (const item of formItems) {
      const [path] = keyPathsFor(item.id);
      let node: SchemaNode | undefined = schema;
      for (const seg of path) node = node?.properties?.[seg];
      assert.ok(node, `${item.id} (${path.join('.')}) is not in the schema`);
    }
  });

  it('looks up any entry kind by id', () => {
    assert.equal(entry('safety-security')?.kind, 'chapter');
    assert.equal(entry('safety-security/9')?.kind, 'commitment');
    assert.equal(entry('form/section-6')?.kind, 'form-section');
    assert.equal(entry('tcs/2.3')?.kind, 'summary-item');
    assert.equal(entry('format/systemic-risk')?.kind, 'format');
    assert.equal(entry('safety-security/11.1'), undefined);
  });
});
