import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isSeq, parseDocument, type Pair } from 'yaml';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { getCompletions } from '../../server/src/engine/completion';
import { catalogue } from '../../server/src/engine';
import { buildSnippets, type SnippetDefinition } from '../../server/src/engine/snippets';
import { diagnose, TODAY } from '../helpers/diagnostics';
import { lines, ROOT, withCaret } from '../helpers/text';

/** Completion items at the caret, in the order the editor shows them (by sortText). */
function complete(marked: string): CompletionItem[] {
  const { doc, position } = withCaret(marked);
  const items = getCompletions(doc, position, { today: TODAY }).items;
  return [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

/** The text after accepting an item, with each snippet tab stop replaced by its default or first choice. */
function accept(marked: string, item: CompletionItem): string {
  const { text, offset } = withCaret(marked);
  const edit = item.textEdit as TextEdit;
  const start = offset - (edit.range.end.character - edit.range.start.character);
  const inserted = edit.newText
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, 'Written.');
  return text.slice(0, start) + inserted + text.slice(offset);
}

describe('completion', () => {
  it("offers the missing keys of an empty section first, in the form's order, with their recipients", () => {
    const items = complete(lines('gpai: 1', 'data:', '  $|$'));
    assert.deepEqual(labels(items).slice(0, 3), ['data_modalities', 'data_provenance', 'acquisition_and_selection']);
    assert.equal(items[2].detail, 'Missing · Form 6.3 · AI Office, National competent authorities');
    assert.equal(items[0].preselect, true);
    const optional = items.findIndex((i) => i.label === 'other_data_modality');
    assert.ok(optional > labels(items).indexOf('curation_methodologies'), 'optional keys after the missing ones');
    assert.match(items[optional].detail!, /^Optional/);
  });

  it('leaves out keys already written in the block', () => {
    const items = labels(
      complete(lines('gpai: 1', 'data:', '  bias_measures: None.', '  da$|$', '  data_modalities: [text]')),
    );
    assert.ok(!items.includes('bias_measures') && !items.includes('data_modalities'));
    assert.ok(items.includes('data_provenance'));
  });

  it('does not offer the Safety and Security chapter to a model without systemic risk', () => {
    const items = labels(complete(lines('gpai: 1', 'classification:', '  systemic_risk: none', '$|$')));
    assert.ok(items.includes('copyright'));
    assert.ok(!items.includes('safety_and_security'));
    assert.ok(
      labels(complete(lines('gpai: 1', 'classification:', '  systemic_risk: presumed', '$|$'))).includes(
        'safety_and_security',
      ),
    );
  });

  it('inserts a whole section as a snippet that, filled in, is valid', () => {
    const marked = lines('gpai: 1', '$|$');
    const data = complete(marked).find((i) => i.label === 'data')!;
    assert.match(
      (data.textEdit as TextEdit).newText,
      /^data:\n {2}data_modalities:\n {4}- \$\{1\|text,images,audio,video,other\|\}\n/,
    );
    const after = accept(marked, data);
    const bad = diagnose(after).filter((d) => /^(shape|key|yaml)\./.test(String(d.code)));
    assert.deepEqual(
      bad.map((d) => d.message),
      [],
    );
    assert.ok(
      !diagnose(after).some((d) => d.code === 'missing.item' && (d.data as { id?: string }).id?.startsWith('form/6.')),
      'no item of Section 6 missing',
    );
  });

  it('offers the systemic-risk classes as values', () => {
    assert.deepEqual(labels(complete(lines('classification:', '  systemic_risk: $|$'))), [
      'none',
      'presumed',
      'designated',
    ]);
  });

  it('offers the parameter range derived from the total model size first', () => {
    const items = complete(lines('model_properties:', '  total_model_size: 7.3e10', '  parameter_range: 5$|$'));
    assert.equal(items[0].label, '50B-100B');
    assert.equal(items[0].preselect, true);
    assert.match(items[0].detail!, /derived/);
    assert.equal((items.find((i) => i.label === '>1T')!.textEdit as TextEdit).newText, '">1T"');
    assert.deepEqual((items[0].textEdit as TextEdit).range, {
      start: { line: 2, character: 19 },
      end: { line: 2, character: 20 },
    });
  });

  it('offers only the modalities not yet listed, in block and flow lists', () => {
    assert.deepEqual(labels(complete(lines('model_properties:', '  input_modalities:', '    - text', '    - $|$'))), [
      'images',
      'audio',
      'video',
      'other',
    ]);
    assert.deepEqual(labels(complete(lines('model_properties:', '  output_modalities: [text, audio, $|$]'))), [
      'images',
      'video',
      'other',
    ]);
  });

  it('offers N/A only where the form allows it; for training energy, the words alone (8.2 gives the reason)', () => {
    assert.deepEqual(labels(complete(lines('use:', '  required_hardware: $|$'))), ['N/A']);
    assert.deepEqual(labels(complete(lines('model_properties:', '  model_architecture: $|$'))), []);
    assert.deepEqual(labels(complete(lines('distribution_and_licenses:', '  license_link: $|$'))), [
      'none exists',
      'none',
    ]);
    assert.equal(
      (complete(lines('energy_consumption:', '  training_energy: $|$'))[0].textEdit as TextEdit).newText,
      'N/A',
    );
  });

  it('replaces only the name of a key that already has its colon', () => {
    const item = complete(lines('gpai: 1', 'data:', '  data_mo$|$dalitie: [text]')).find(
      (i) => i.label === 'data_modalities',
    )!;
    assert.deepEqual(item.textEdit, {
      range: { start: { line: 2, character: 2 }, end: { line: 2, character: 16 } },
      newText: 'data_modalities',
    });
  });

  it('adds the space a value needs when completion opens right after the colon', () => {
    const [none] = complete(lines('classification:', '  systemic_risk:$|$'));
    assert.equal((none.textEdit as TextEdit).newText, ' none');
    assert.equal(none.filterText, 'none');
  });

  it("offers today's date in ISO form for a date", () => {
    const [item] = complete(lines('general_information:', '  release_date: $|$'));
    assert.equal(item.label, TODAY);
    assert.match(item.detail!, /YYYY-MM-DD/);
  });

  it('offers the fields of a list entry and the keys of a per-modality block', () => {
    assert.deepEqual(
      labels(complete(lines('distribution_and_licenses:', '  downstream_access:', '    - channel: API', '      $|$'))),
      ['access'],
    );
    assert.deepEqual(
      labels(complete(lines('model_properties:', '  maximum_input_size:', '    text: 8,192 tokens', '    $|$'))),
      ['images', 'audio', 'video', 'other'],
    );
  });

  it('offers the status values and the fields of a Copyright answer', () => {
    assert.deepEqual(labels(complete(lines('copyright:', '  policy:', '    status: $|$'))), [
      'implemented',
      'in_progress',
      'planned',
      'not_applicable',
    ]);
    assert.deepEqual(
      labels(complete(lines('copyright:', '  rights_reservations:', '    status: planned', '    $|$'))).slice(0, 3),
      ['summary', 'evidence', 'crawlers'],
    );
  });

  it('still completes when the rest of the file does not parse', () => {
    const items = labels(complete(lines('gpai: 1', 'use:', '  intended_uses: "unclosed', 'data:', '  $|$')));
    assert.equal(items[0], 'data_modalities');
  });

  it("keeps the file's CRLF line breaks in multi-line snippets", () => {
    const item = complete('gpai: 1\r\n$|$').find((i) => i.label === 'training_process');
    assert.equal(
      (item!.textEdit as TextEdit).newText,
      'training_process:\r\n  design_specifications: $1\r\n  decision_rationale: $2',
    );
  });
});

describe('snippets/gpai.json', () => {
  const file = JSON.parse(readFileSync(join(ROOT, 'snippets', 'gpai.json'), 'utf8')) as Record<
    string,
    SnippetDefinition
  >;

  /** A snippet body as YAML: each tab stop filled with its first choice or default, dates with a date. */
  const filled = (body: readonly string[]) =>
    body
      .join('\n')
      .replace(/\$\{CURRENT_YEAR\}/g, '2025')
      .replace(/\$\{CURRENT_MONTH\}/g, '11')
      .replace(/\$\{CURRENT_DATE\}/g, '01')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, 'Written.');

  /** Every key path of a parsed YAML node. */
  const keyPaths = (node: unknown, prefix: (string | number)[] = []): (string | number)[][] => {
    if (isMap(node))
      return (node.items as Pair[]).flatMap((p) => {
        const path = [...prefix, String((p.key as { value: unknown }).value)];
        return [path, ...keyPaths(p.value, path)];
      });
    if (isSeq(node)) return node.items.flatMap((item, i) => keyPaths(item, [...prefix, i]));
    return [];
  };

  it('is what the key tree builds (npm run generate writes it)', () => {
    assert.deepEqual(file, JSON.parse(JSON.stringify(buildSnippets())));
  });

  it('offers a new file, each section, a Copyright answer and a Safety and Security answer', () => {
    const prefixes = Object.values(file).map((s) => s.prefix);
    for (const p of ['gpai-file', 'gpai-section-1', 'gpai-section-8', 'gpai-copyright-measure', 'gpai-safety-measure'])
      assert.ok(prefixes.includes(p), p);
  });

  it('names only keys of the key tree, at their places', () => {
    for (const [name, snippet] of Object.entries(file)) {
      const yaml = parseDocument(filled(snippet.body));
      assert.deepEqual(
        yaml.errors.map((e) => e.message),
        [],
        name,
      );
      const under = snippet.prefix === 'gpai-copyright-measure' ? ['copyright'] : [];
      for (const path of keyPaths(yaml.contents, under)) {
        if (snippet.prefix === 'gpai-safety-measure') continue;
        assert.ok(catalogue.keySpecAt(path), `${name}: ${path.join('.')} is not in the key tree`);
      }
    }
  });

  it("offers, as Safety and Security answers, exactly the measures' keys, each with status, summary and evidence", () => {
    const choices = /^\$\{1\|(.*)\|\}:$/.exec(file['Safety and Security measure answer'].body[0])![1].split(',');
    assert.equal(choices.length, catalogue.measures.filter((m) => m.chapter === 'safety-security').length);
    for (const key of choices) {
      const [path] = catalogue.keyPathsFor(
        catalogue.measures.find((m) => catalogue.keyPathsFor(m.id)[0]?.at(-1) === key)!.id,
      );
      for (const field of ['status', 'summary', 'evidence'])
        assert.ok(catalogue.keySpecAt([...path, field]), `${key}.${field}`);
    }
  });
});
