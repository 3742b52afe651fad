// The shape validator compiled at build time: an ES module with the same export as
// server/src/engine/validator.ts (compileValidator), made of ajv's standalone code for
// schemas/gpai.schema.json with server/src/engine/ajvOptions.json. esbuild.mjs puts it in the bundles
// in place of that module; a unit test checks that both validators give the same errors.
import Ajv from 'ajv';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const VALIDATOR_MODULE = /[\\/]server[\\/]src[\\/]engine[\\/]validator\.ts$/;

/** The module's source; `root` is the repository. */
export function validatorCode(root) {
  const read = (path) => JSON.parse(readFileSync(join(root, path), 'utf8'));
  const ajv = new Ajv({ ...read('server/src/engine/ajvOptions.json'), code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(read('schemas/gpai.schema.json')));
  return `${code}\nexport function compileValidator() { return validate; }\n`;
}

/** The esbuild plugin that swaps the module. */
export function precompiledValidator(root) {
  return {
    name: 'precompiled-validator',
    setup(build) {
      build.onLoad({ filter: VALIDATOR_MODULE }, () => ({
        contents: validatorCode(root),
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}
