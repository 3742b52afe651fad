// Writes the files generated from the catalogue's key tree, so that they cannot drift from it:
//   schemas/gpai.schema.json  (server/src/engine/schemaSource.ts, buildSchema)
//   snippets/gpai.json        (server/src/engine/snippets.ts, buildSnippets)
//   server/src/engine/catalogue/keyPaths.ts  (keyPathsSource.ts, buildKeyPaths: the typed key paths)
//   schemas/gpai-docs-config.schema.json  (server/src/engine/config.ts, buildConfigSchema: .gpai-docs.json)
// Usage: npm run generate             (write both)
//        npm run generate -- --check  (exit 1 if a committed file is out of date)
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// The typed key paths first: the others are built from code that reads them.
const targets = [
  {
    entry: 'server/src/engine/catalogue/keyPathsSource.ts',
    build: 'buildKeyPaths',
    file: 'server/src/engine/catalogue/keyPaths.ts',
  },
  { entry: 'server/src/engine/schemaSource.ts', build: 'buildSchema', file: 'schemas/gpai.schema.json' },
  { entry: 'server/src/engine/snippets.ts', build: 'buildSnippets', file: 'snippets/gpai.json' },
  { entry: 'server/src/engine/config.ts', build: 'buildConfigSchema', file: 'schemas/gpai-docs-config.schema.json' },
];
const check = process.argv.includes('--check');
const dir = mkdtempSync(join(tmpdir(), 'gpai-generate-'));
let stale = 0;
try {
  for (const target of targets) {
    const outfile = join(dir, `${target.build}.cjs`);
    await build({
      entryPoints: [target.entry],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // jsonc-parser's UMD build hides its modules from esbuild behind a dynamic require: take its ES build.
      mainFields: ['module', 'main'],
      outfile,
      logLevel: 'error',
    });
    const built = createRequire(import.meta.url)(outfile)[target.build]();
    const text = typeof built === 'string' ? built : JSON.stringify(built, null, 2) + '\n';
    if (!check) {
      writeFileSync(target.file, text);
      console.log(`wrote ${target.file} (${text.length} bytes)`);
      continue;
    }
    let current = '';
    try {
      current = readFileSync(target.file, 'utf8');
    } catch {
      /* absent */
    }
    if (current === text) console.log(`${target.file} is up to date`);
    else {
      console.error(`${target.file} is out of date: run npm run generate`);
      stale++;
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(stale ? 1 : 0);
