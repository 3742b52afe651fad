import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { allCodes, catalogue } from '../../server/src/engine';
import { ROOT } from '../helpers/text';

const DOC = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
const ANCHOR = /<a id="([^"]+)"><\/a>\r?\n### `([^`]+)`/g;

/** Each documented code with the text of its section (up to the next anchor or level-2 heading). */
function sections(): Map<string, string> {
  const found = new Map<string, string>();
  const matches = [...DOC.matchAll(ANCHOR)];
  matches.forEach((m, i) => {
    assert.equal(m[1], m[2], `the anchor ${m[1]} is followed by the heading of ${m[2]}`);
    const end = Math.min(matches[i + 1]?.index ?? DOC.length, nextLevel2(m.index!));
    found.set(m[1], DOC.slice(m.index!, end));
  });
  return found;
}

function nextLevel2(from: number): number {
  const i = DOC.indexOf('\n## ', from);
  return i < 0 ? DOC.length : i;
}

function yamlBlocks(section: string, label: string): string[] {
  const re = new RegExp(`${label}[^\\n]*:\\n\\n\`\`\`yaml\\n([\\s\\S]*?)\`\`\``, 'g');
  return [...section.matchAll(re)].map((m) => m[1]);
}

describe('docs/diagnostics.md', () => {
  const documented = sections();

  it('documents every code, under an anchor followed by a heading with the code', () => {
    const missing = allCodes.map((c) => c.code).filter((c) => !documented.has(c));
    assert.deepEqual(missing, []);
  });

  it('documents only codes that exist', () => {
    const known = new Set<string>(allCodes.map((c) => c.code));
    assert.deepEqual(
      [...documented.keys()].filter((c) => !known.has(c)),
      [],
    );
  });

  it('lists every code once in the table of codes', () => {
    for (const { code } of allCodes) {
      assert.equal(DOC.split(`| [\`${code}\`](#${code}) |`).length - 1, 1, code);
    }
  });

  it("states each code's default severity, and a quick-fix only where one is offered", () => {
    for (const info of allCodes) {
      const section = documented.get(info.code)!;
      assert.match(section, new RegExp(`\\*\\*Severity:\\*\\* ${info.severity}\\b`), info.code);
      assert.equal(
        /\*\*Quick-fix:\*\*/.test(section),
        Boolean(info.fixable),
        `${info.code}: quick-fix stated iff fixable`,
      );
      assert.equal(
        DOC.includes(`| [\`${info.code}\`](#${info.code}) | ${info.severity} |`),
        true,
        `${info.code}: severity in the table`,
      );
    }
  });

  it('gives what triggers it, why, how to fix it, and a before/after example whose "after" parses', () => {
    for (const [code, section] of documented) {
      for (const part of ['**Triggers:**', '**Why:**', '**Fix:**'])
        assert.ok(section.includes(part), `${code}: ${part}`);
      if (code === 'rule.failed') continue;
      assert.ok(yamlBlocks(section, 'Before').length >= 1, `${code}: a before example`);
      const after = yamlBlocks(section, 'After');
      assert.ok(after.length >= 1, `${code}: an after example`);
      for (const text of after)
        assert.deepEqual(
          parseDocument(text).errors.map((e) => e.message),
          [],
          `${code}: the after example parses`,
        );
    }
  });

  it('cites measures, commitments and items by their catalogue id and official title', () => {
    const citations = [...DOC.matchAll(/“([^”]+)”\s*\(`([a-z-]+\/[\w.]+)`/g)];
    assert.ok(citations.length > 30);
    for (const [, title, id] of citations) {
      const entry = catalogue.entry(id);
      assert.ok(entry, `${id} exists in the catalogue`);
      assert.equal(title.replace(/\s+/g, ' '), catalogue.titleOf(entry), `${id}: official title`);
    }
  });
});
