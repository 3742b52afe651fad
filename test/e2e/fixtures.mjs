// The e2e workspace's own file: a copy of examples/kestrel-13b.gpai.yaml with two answers removed, so that
// the suite has problems to find and fix. The examples themselves stay as they are (and clean).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { REPO_ROOT } from '../../scripts/vscode/codeServer.mjs';

/** "Section 7 Computational resources (during training)": a preview heading, from the compiled catalogue. */
export function sectionHeading(number) {
  const { catalogue } = createRequire(import.meta.url)(path.join(REPO_ROOT, 'out/server/src/engine/index.js'));
  return `Section ${number} ${catalogue.formSections.find((s) => s.number === number).title}`;
}

export const DRAFT = 'e2e-draft.gpai.yaml';
/** Removed from the draft: one fixed through the light bulb, one through the coverage tree. */
export const REMOVED = { bulb: 'release_date', tree: 'required_hardware' };

/** The web suite's `.gpai-docs.json`, at the workspace's root: the draft's missing answers become errors. */
export const CONFIG = { severity: { 'missing.item': 'error' } };

export function writeDraft(workspace) {
  const source = fs.readFileSync(path.join(REPO_ROOT, 'examples/kestrel-13b.gpai.yaml'), 'utf8');
  const lines = source.split('\n');
  const kept = lines.filter((l) => !Object.values(REMOVED).some((key) => l.startsWith(`  ${key}:`)));
  if (kept.length !== lines.length - 2)
    throw new Error(
      `kestrel-13b.gpai.yaml no longer has both ${Object.values(REMOVED).join(' and ')}: update test/e2e/fixtures.mjs`,
    );
  fs.writeFileSync(path.join(workspace, DRAFT), kept.join('\n'));
}
