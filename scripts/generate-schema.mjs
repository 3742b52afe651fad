// Writes schemas/gpai.schema.json from the catalogue's key tree (server/src/engine/schemaSource.ts).
// Usage: npm run schema            (write)
//        npm run schema -- --check (exit 1 if the committed file is out of date)
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = mkdtempSync(join(tmpdir(), 'gpai-schema-'));
const outfile = join(dir, 'schemaSource.cjs');
await build({ entryPoints: ['server/src/engine/schemaSource.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
const { buildSchema } = createRequire(import.meta.url)(outfile);
rmSync(dir, { recursive: true, force: true });
const text = JSON.stringify(buildSchema(), null, 2) + '\n';
const target = 'schemas/gpai.schema.json';
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* absent */ }
  if (current !== text) { console.error(`${target} is out of date: run npm run schema`); process.exit(1); }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
