/**
 * The one loader of `.gpai-docs.json` (server/src/engine/config.ts): JSON with comments, each problem with
 * where it is, and the JSON Schema built from the same codes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildConfigSchema } from '../../server/src/engine/config';
import { allCodes, parseSettingsFile, readSettings } from '../../server/src/engine';
import { ROOT } from '../helpers/text';

describe('.gpai-docs.json loader', () => {
  it('reads JSON with comments and trailing commas', () => {
    const text = '/* CI */\n{\n  // quieter\n  "severity": { "missing.item": "hint", },\n}\n';
    assert.deepEqual(parseSettingsFile(text), {
      settings: { severity: { 'missing.item': 'hint' } },
      problems: [],
      located: [],
    });
  });

  it('places an unknown code on its key and a bad level on its value, 0-based as LSP counts', () => {
    const text = '{\n  "severity": {\n    "missing.itme": "off",\n    "missing.item": "loud"\n  },\n  "colour": 1\n}';
    const { settings, located } = parseSettingsFile(text);
    assert.deepEqual(settings, { severity: {} });
    assert.deepEqual(
      located.map((p) => [p.range?.start.line, p.range?.start.character, p.range?.end.character]),
      [
        [2, 4, 18],
        [3, 20, 26],
        [5, 2, 10],
      ],
    );
    assert.match(located[1].message, /"severity\.missing\.item" is "loud"/);
  });

  it('reads a file that is not JSON as the defaults, with where each syntax error is', () => {
    const { settings, problems, located } = parseSettingsFile('{\n  "severity": {\n    "missing.item" "off"\n  }\n}');
    assert.deepEqual(settings, { severity: {} });
    assert.match(problems[0], /^it is not valid JSON \(ColonExpected at line 3, column 20\)$/);
    assert.deepEqual(located[0].range?.start, { line: 2, character: 19 });
  });

  it('counts a byte order mark as a character, as the editor does', () => {
    const { located } = parseSettingsFile('\uFEFF{"colour": 1}');
    assert.deepEqual(located[0].range?.start, { line: 0, character: 2 });
  });

  it('reads a settings object (the editor settings) without positions', () => {
    assert.deepEqual(readSettings({ severity: { 'missing.item': 'off', nope: 'off' } }), {
      settings: { severity: { 'missing.item': 'off' } },
      problems: ['"severity" names "nope", which is not a diagnostic code (see docs/diagnostics.md)'],
      located: [{ message: '"severity" names "nope", which is not a diagnostic code (see docs/diagnostics.md)' }],
    });
  });

  it('has a schema naming every code, written to schemas/gpai-docs-config.schema.json', () => {
    const schema = buildConfigSchema() as { properties: { severity: { properties: Record<string, unknown> } } };
    assert.deepEqual(Object.keys(schema.properties.severity.properties).sort(), allCodes.map((c) => c.code).sort());
    const written = readFileSync(join(ROOT, 'schemas', 'gpai-docs-config.schema.json'), 'utf8');
    assert.equal(written, JSON.stringify(schema, null, 2) + '\n');
  });
});

describe('.gpai-docs.json in VS Code', () => {
  it('is a JSON-with-comments file checked against the generated schema, which the .vsix ships', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.jsonValidation, [
      { fileMatch: '.gpai-docs.json', url: './schemas/gpai-docs-config.schema.json' },
    ]);
    assert.ok(
      pkg.contributes.languages.some(
        (l: { id: string; filenames?: string[] }) => l.id === 'jsonc' && l.filenames?.includes('.gpai-docs.json'),
      ),
    );
    const shipped = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(shipped.includes('!schemas/gpai-docs-config.schema.json'));
  });
});
