/**
 * One completeness model, one set of numbers: for every example and a fresh template of each kind, the status
 * bar, the coverage view's badge and tree, the workspace view, the preview's banner (every audience) and the
 * CLI's `check` and `coverage` lines all say how many answers are covered, partial and missing, and agree.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { coverageBadge, coverageRows, fileRow } from '../../client/src/coverage/treeModel';
import { statusText } from '../../client/src/statusText';
import { plain } from '../../client/src/translate';
import { summarise } from '../../server/src/workspaceSummary';
import { applicableAnswers, openAnswers, percentCovered } from '../../shared/completeness';
import { renderPreviewBody } from '../../shared/render/render';
import { PREVIEW_AUDIENCES } from '../../shared/render/view';
import type { CoverageReport, TemplateOptions } from '../../shared/types';
import { testEngine } from '../helpers/engine';
import { ROOT } from '../helpers/text';
import { put, runCli, tempDir } from './runCli';

const engine = testEngine();

const KINDS: Record<string, TemplateOptions> = {
  'a model without systemic risk': { systemicRisk: 'none', openSourceExemption: false, modification: false },
  'an open-source model': { systemicRisk: 'none', openSourceExemption: true, modification: false },
  'a model with systemic risk': { systemicRisk: 'presumed', openSourceExemption: false, modification: false },
  'a modified model': { systemicRisk: 'none', openSourceExemption: false, modification: true },
};

const files: { name: string; text: string }[] = [
  ...readdirSync(join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.gpai.yaml'))
    .map((f) => ({ name: f, text: readFileSync(join(ROOT, 'examples', f), 'utf8') })),
  ...Object.entries(KINDS).map(([kind, options]) => ({
    name: `a fresh template for ${kind}`,
    text: engine.newFile({ ...options, modelName: 'Example-1B', today: '2025-11-01' }),
  })),
];

/** Codes that stand for an answer not given or not finished. */
const INCOMPLETE = /^(missing\.|answer\.empty$|answer\.placeholder$)/;

describe('completeness: every view gives the same numbers', () => {
  const dir = tempDir('completeness');
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const file of files) {
    it(file.name, () => {
      const path = put(dir, 'model.gpai.yaml', file.text);
      const doc = engine.parse(file.text, pathToFileURL(path).href);
      const report: CoverageReport = engine.coverage(doc)!;
      const c = report.counts;
      const open = openAnswers(c);
      const percent = percentCovered(c);
      assert.equal(report.percent, percent);

      // The status bar.
      const status = statusText(report, plain);
      assert.ok(status.text.endsWith(` · ${percent} %`), status.text);
      assert.ok(status.tooltip.includes(`${c.partial} partial, ${c.missing} missing`), status.tooltip);

      // The coverage view: its badge, and its top rows adding up to the file.
      assert.equal(coverageBadge(report, plain)?.value ?? 0, open);
      const roots = coverageRows(report, plain);
      assert.equal(roots.length, report.roots.length);
      const covered = report.roots.reduce((n, r) => n + r.counts.covered, 0);
      const applicable = report.roots.reduce((n, r) => n + applicableAnswers(r.counts), 0);
      assert.deepEqual([covered, applicable], [c.covered, applicableAnswers(c)]);
      report.roots.forEach((r, i) => {
        if (applicableAnswers(r.counts) > 0)
          assert.ok(roots[i]!.description.startsWith(`${r.counts.covered}/${applicableAnswers(r.counts)}`));
      });

      // The workspace view.
      const summary = summarise(engine, { uri: doc.uri, text: file.text });
      assert.deepEqual(summary.counts, c);
      assert.ok(fileRow(summary, 'model.gpai.yaml', plain).description.includes(`${percent} %`));

      // The preview's banner, for everyone and for each recipient.
      const model = engine.preview(doc)!;
      assert.deepEqual(model.completeness.all, c);
      for (const audience of PREVIEW_AUDIENCES) {
        const counts = audience === 'all' ? c : report.audiences[audience];
        assert.deepEqual(model.completeness[audience], counts);
        assert.match(renderPreviewBody(model, { audience }), new RegExp(`data-missing="${openAnswers(counts)}"`));
      }

      // The CLI.
      const check = runCli(['check', path]);
      const last = check.stdout.trim().split('\n').pop()!;
      if (open)
        assert.ok(
          last.endsWith(
            `; ${percent} % complete (${c.covered} of ${applicableAnswers(c)} answers covered, ${c.partial} partial, ${c.missing} missing)`,
          ),
          last,
        );
      else assert.ok(last.endsWith('; complete'), last);
      const coverage = runCli(['coverage', path]);
      assert.ok(coverage.stdout.split('\n')[0]!.includes(`; ${percent} % complete (`), coverage.stdout);

      // Problems standing for an unfinished answer: at most one per answer, none on a complete file.
      const incomplete = engine.checkNow(doc).diagnostics.filter((d) => INCOMPLETE.test(String(d.code)));
      assert.ok(incomplete.length <= open, `${incomplete.length} problems for ${open} open answers`);
      const where = incomplete.map(
        (d) => `${d.range.start.line}:${d.range.start.character}:${(d.data as { id?: string } | undefined)?.id}`,
      );
      assert.equal(new Set(where).size, where.length, 'two problems on one answer');
    });
  }

  it('counts a measure in progress or planned as partial everywhere, below 100 %', () => {
    const halcyon = files.find((f) => f.name === 'halcyon-xl.gpai.yaml')!.text;
    const unfinished = halcyon.replace(/status: implemented/g, (m, at: number) =>
      at < halcyon.indexOf('safety_and_security:') ? m : 'status: in_progress',
    );
    assert.notEqual(unfinished, halcyon);
    const doc = engine.parse(unfinished, 'file:///halcyon.gpai.yaml');
    const report = engine.coverage(doc)!;
    const measures = (unfinished.match(/status: in_progress/g) ?? []).length;
    assert.equal(report.counts.partial, measures, 'one partial answer per unfinished measure');
    assert.ok(report.percent < 100);
    assert.ok(statusText(report, plain).text.endsWith(` · ${report.percent} %`));
    assert.equal(coverageBadge(report, plain)?.value, measures);
    assert.equal(openAnswers(engine.preview(doc)!.completeness['ai-office']), measures);
  });
});
