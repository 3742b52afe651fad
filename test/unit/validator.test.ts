import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { parseGpai } from '../helpers/engine';
import { compileValidator } from '../../server/src/engine/validator';
import { example, ROOT } from '../helpers/text';

/** The validator the bundles carry: the build's standalone code, loaded as a module. */
async function precompiled(): Promise<ValidateFunction> {
  const script = pathToFileURL(join(ROOT, 'scripts', 'validatorCode.mjs')).href;
  const { validatorCode } = (await import(script)) as { validatorCode(root: string): string };
  const dir = mkdtempSync(join(tmpdir(), 'gpai-validator-'));
  try {
    const file = join(dir, 'validator.mjs');
    writeFileSync(file, validatorCode(ROOT));
    return ((await import(pathToFileURL(file).href)) as { compileValidator(): ValidateFunction }).compileValidator();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Each example as data, and copies with wrong shapes in several places. */
function inputs(): unknown[] {
  const values = readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.gpai.yaml'))
    .map((f) => parseGpai(example(f)).yaml.toJS() as Record<string, unknown>);
  const broken = values.flatMap((v) => [
    { ...v, gpai: 'one' },
    { ...v, classification: { systemic_risk: 'maybe', open_source_exemption: 'sometimes' } },
    {
      ...v,
      model_properties: {
        ...(v.model_properties as object),
        input_modalities: ['text', 'smell'],
        total_model_size: [1],
      },
    },
    { ...v, document: 7 },
  ]);
  return [...values, ...broken, {}, [], 'text', null];
}

describe('shape validator', () => {
  it('gives the same answers and errors compiled at build time as at run time', async function () {
    this.timeout(30_000);
    const atRunTime = compileValidator();
    const atBuildTime = await precompiled();
    let invalid = 0;
    for (const value of inputs()) {
      assert.equal(atBuildTime(value), atRunTime(value));
      assert.deepEqual(atBuildTime.errors ?? null, atRunTime.errors ?? null);
      if (atRunTime.errors?.length) invalid++;
    }
    assert.ok(invalid >= 28, `errors compared for the broken inputs (${invalid})`);
  });
});
