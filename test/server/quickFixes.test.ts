import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { CodeActionKinds } from '../../shared/names';
import { lines, ROOT } from '../helpers/text';
import { systemicRiskWithoutChapter } from '../helpers/variants';
import { TestClient } from './client';

const URI = 'file:///work/model.gpai.yaml';
const fixture = (name: string) => readFileSync(join(ROOT, 'test', 'server', 'fixtures', name), 'utf8');
const key = (d: Diagnostic) => `${String(d.code)} ${String(d.message)}`;

/**
 * Open `text`, find the diagnostic with `code` on the line `line` (its text, trimmed), ask for the code
 * actions on its range (with the diagnostics the client shows there), apply the one titled `title` through
 * didChange, and wait for the new diagnostics.
 */
async function applyFix(client: TestClient, text: string, code: string, line: string, title: string) {
  const before = await client.open(URI, text);
  const target = before.find((d) => d.code === code && text.split(/\r?\n/)[d.range.start.line].trim() === line);
  assert.ok(
    target,
    `no ${code} on "${line}" among ${before.map((d) => `${String(d.code)}@${d.range.start.line}`).join(', ')}`,
  );
  const here = before.filter(
    (d) => d.range.start.line === target.range.start.line && d.range.start.character === target.range.start.character,
  );
  const actions = await client.codeActions(URI, target.range, { diagnostics: here });
  const action = actions.find((a) => a.title === title);
  assert.ok(action, `no action "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  const after = await client.apply(URI, action);
  return { before, after, action, text: client.text(URI) };
}

/** The diagnostics the action fixed are gone; what is new is only `allowed` (codes), on the lines the fix wrote. */
function assertClean(
  result: { before: Diagnostic[]; after: Diagnostic[]; action: CodeAction },
  allowed: string[] = [],
): void {
  const now = new Set(result.after.map(key));
  for (const d of result.action.diagnostics ?? []) assert.ok(!now.has(key(d)), `still reported: ${key(d)}`);
  const old = new Set(result.before.map(key));
  const added = result.after.filter((d) => !old.has(key(d)) && !allowed.includes(String(d.code)));
  assert.deepEqual(added.map(key), [], 'no new diagnostic');
}

describe('language server: quick-fixes, byte for byte', () => {
  let client: TestClient;
  beforeEach(async () => {
    client = await TestClient.start();
  });
  afterEach(() => client.dispose());

  it('adds a missing item where the form puts it, keeping comments and blank lines (2 spaces)', async () => {
    const text = lines(
      '# Kestrel-13B documentation',
      'gpai: 1',
      '',
      'computational_resources:',
      '  # Precise figures for the AI Office.',
      '  training_compute: 3.1e23  # measured',
      '',
      '  measurement_methodology: Architecture-based estimate.',
      '',
      'energy_consumption:',
      '  training_energy: 3.4e2 MWh',
    );
    const result = await applyFix(
      client,
      text,
      'missing.item',
      'computational_resources:',
      'Add missing item: Training time (AI Office)',
    );
    assert.equal(
      result.text,
      lines(
        '# Kestrel-13B documentation',
        'gpai: 1',
        '',
        'computational_resources:',
        '  # Precise figures for the AI Office.',
        '  training_time:  # form 7.2 Training time (AI Office)',
        '    period:  # The period measured, e.g. 2025-01-06 to 2025-04-05',
        '    wall_clock_days:  # days, ≥ 1 significant figure, e.g. 9.0e1',
        '    hardware_days:  # a list of entries, each with hardware, days',
        '  training_compute: 3.1e23  # measured',
        '',
        '  measurement_methodology: Architecture-based estimate.',
        '',
        'energy_consumption:',
        '  training_energy: 3.4e2 MWh',
      ),
    );
    assertClean(result, ['answer.empty']);
  });

  it('adds the missing items of an empty section with CRLF line breaks and 4-space indentation', async () => {
    const text =
      'gpai: 1\r\n\r\nmodel_properties:\r\n    model_architecture: Decoder-only transformer.\r\n\r\ndata:    # to do\r\n\r\ncomputational_resources:\r\n    training_compute: 3.1e23\r\n';
    const result = await applyFix(
      client,
      text,
      'missing.item',
      'data:    # to do',
      'Add the missing items of Section 6',
    );
    // Byte for byte but for the comments after the inserted keys, which the catalogue words (their wording is
    // tested with the edits): CRLF throughout, 4 spaces, the form's order, every other byte unchanged.
    assert.ok(!/(?<!\r)\n/.test(result.text), 'CRLF line breaks only');
    // A comment too long for the key's line is wrapped above it: left out here with the others.
    const bare = result.text
      .split('\r\n')
      .filter((line) => !/^ *# /.test(line))
      .map((line) => line.replace(/ {2}# (?!to do).*$/, ''));
    assert.deepEqual(bare, [
      'gpai: 1',
      '',
      'model_properties:',
      '    model_architecture: Decoder-only transformer.',
      '',
      'data:    # to do',
      '    data_modalities:',
      '    data_provenance:',
      '    acquisition_and_selection:',
      '    data_points:',
      '        training:',
      '        testing:',
      '        validation:',
      '    scope_and_characteristics:',
      '    curation_methodologies:',
      '',
      'computational_resources:',
      '    training_compute: 3.1e23',
      '',
    ]);
    // Each inserted key has a comment saying what to write: after it, or wrapped over the lines above it when
    // the key's line would pass 100 characters; no line is longer.
    const inserted = result.text.split('\r\n').slice(6, result.text.split('\r\n').indexOf('', 6));
    inserted.forEach((line, i) => {
      assert.ok(line.length <= 100, `longer than 100 characters: ${line}`);
      if (/^ *# /.test(line)) return;
      assert.ok(
        /: {2}# \S/.test(line) || /^ *# /.test(inserted[i - 1] ?? ''),
        `no comment says what to write: ${line}`,
      );
    });
    assert.match(inserted.join('\n'), /# form 6\.2 Data provenance: a list of any of web_crawling, /);
    assertClean(result, ['answer.empty']);
  });

  it('marks systemic risk as presumed, keeping the comment after the value', async () => {
    const text = lines(
      'gpai: 1',
      'classification:',
      '  systemic_risk: none  # reviewed 2025-10',
      '  open_source_exemption: false',
      'computational_resources:',
      '  training_compute: 3.1e25',
    );
    const result = await applyFix(
      client,
      text,
      'systemic-risk.presumed',
      'systemic_risk: none  # reviewed 2025-10',
      'Mark systemic risk as presumed',
    );
    assert.equal(result.text, text.replace('systemic_risk: none ', 'systemic_risk: presumed '));
    // A presumed model must be notified to the Commission: the server now asks for that date, as it should.
    assertClean(result, ['systemic-risk.notification']);
  });

  it('sets the parameter range to the one containing the total model size', async () => {
    const text = lines(
      'gpai: 1',
      'model_properties:',
      '  total_model_size: 1.3e10',
      '  parameter_range: 50B-100B  # from the datasheet',
    );
    const result = await applyFix(
      client,
      text,
      'consistency.derived-value',
      'parameter_range: 50B-100B  # from the datasheet',
      'Set the parameter range to 5B-15B',
    );
    assert.equal(
      result.text,
      lines(
        'gpai: 1',
        'model_properties:',
        '  total_model_size: 1.3e10',
        '  parameter_range: 5B-15B  # from the datasheet',
      ),
    );
    assertClean(result);
  });

  it('renames a misspelt key in place', async () => {
    const text = lines('gpai: 1', 'data:', '  bias_measure: None.  # checked');
    const result = await applyFix(
      client,
      text,
      'key.unknown',
      'bias_measure: None.  # checked',
      'Rename to `bias_measures`',
    );
    assert.equal(result.text, lines('gpai: 1', 'data:', '  bias_measures: None.  # checked'));
    assertClean(result);
  });

  it('adds the Safety and Security chapter at the end, every byte before it unchanged', async () => {
    const before = systemicRiskWithoutChapter();
    // The finding sits where the chapter belongs: on the last line of the block before it.
    const last = before.trimEnd().split('\n').pop()!.trim();
    const result = await applyFix(client, before, 'missing.chapter', last, 'Add the Safety and Security chapter');
    assert.equal(result.text, before + fixture('safety-security-chapter.yaml'));
    assert.ok(!result.after.some((d) => String(d.code).startsWith('missing.')));
    assertClean(result, ['answer.empty']);
  });

  it('adds every missing item with the source action, leaving nothing missing', async () => {
    const text = lines(
      '# A new model',
      'gpai: 1',
      '',
      'classification:',
      '  systemic_risk: none',
      '  open_source_exemption: false',
      '',
      'data:',
      '  bias_measures: None.  # keep',
    );
    const before = await client.open(URI, text);
    const actions = await client.codeActions(
      URI,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: ['source'] },
    );
    const action = actions.find((a) => a.kind === CodeActionKinds.addMissing)!;
    assert.equal(action.title, 'Add all missing items');
    const after = await client.apply(URI, action);
    assert.ok(
      client.text(URI).startsWith('# A new model\ngpai: 1\n\ndocument:  # Document\n'),
      'the document header goes after the format version',
    );
    assert.ok(
      client
        .text(URI)
        .includes('\n\nclassification:\n  systemic_risk: none\n  open_source_exemption: false\n\ngeneral_information:'),
    );
    assert.match(client.text(URI), /\n {2}bias_measures: None\. {2}# keep\n/);
    assert.deepEqual(after.filter((d) => String(d.code).startsWith('missing.')).map(key), []);
    // The new summary block comes with the link the summary rule asks for; empty, it still reminds the writer.
    assert.match(
      client.text(URI),
      /\ntraining_content_summary: {2}# Public summary of training content\n {2}url: {2}# Published summary: https link\n/,
    );
    assertClean({ before, after, action }, ['answer.empty', 'summary.content']);
  });

  it('fixes every obvious problem at once with fix-all', async () => {
    const text = lines(
      'gpai: 1',
      'model_properties:',
      '  total_model_size: 1.3e10',
      '  parameter_range: 50B-100B',
      'data:',
      '  bias_measure: None.',
    );
    const before = await client.open(URI, text);
    const [action] = await client.codeActions(
      URI,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      { diagnostics: [], only: [CodeActionKinds.fixAll] },
    );
    assert.equal(action.kind, CodeActionKinds.fixAll);
    const after = await client.apply(URI, action);
    assert.equal(
      client.text(URI),
      lines(
        'gpai: 1',
        'model_properties:',
        '  total_model_size: 1.3e10',
        '  parameter_range: 5B-15B',
        'data:',
        '  bias_measures: None.',
      ),
    );
    assertClean({ before, after, action });
  });
});
