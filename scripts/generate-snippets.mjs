// Writes snippets/gpai.json from the catalogue's key tree (server/src/engine/snippets.ts, buildSnippets).
// Usage: node scripts/generate-snippets.mjs            (write)
//        node scripts/generate-snippets.mjs --check    (exit 1 if the committed file is out of date)
import { build } from 'esbuild';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const dir = mkdtempSync(join(tmpdir(), 'gpai-snippets-'));
const outfile = join(dir, 'snippets.cjs');
await build({ entryPoints: ['server/src/engine/snippets.ts'], bundle: true, platform: 'node', format: 'cjs', outfile, logLevel: 'error' });
const { buildSnippets } = createRequire(import.meta.url)(outfile);
rmSync(dir, { recursive: true, force: true });
const text = JSON.stringify(buildSnippets(), null, 2) + '\n';
const target = 'snippets/gpai.json';
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(target, 'utf8'); } catch { /* absent */ }
  if (current !== text) { console.error(`${target} is out of date: run node scripts/generate-snippets.mjs`); process.exit(1); }
  console.log(`${target} is up to date`);
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target} (${text.length} bytes)`);
}
