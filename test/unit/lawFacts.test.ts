/**
 * Facts of the AI Act and of the Code the catalogue once stated wrongly (issue: "the law a provider needs
 * before the form"), each read from the catalogue.
 */
import * as assert from 'node:assert/strict';
import {
  entry,
  getMeasure,
  getProvision,
  getValueSet,
  keyDates,
  summaryTemplate,
  thresholds,
} from '../../server/src/engine/catalogue';
import { explainEntry } from '../../server/src/engine/explain';

describe('catalogue: facts of the Act and the Code', () => {
  it('dates the enforcement powers of 2 August 2026 to Art. 113, not to the fines of Art. 101', () => {
    const enforcement = keyDates.find((d) => d.date === '2026-08-02')!;
    assert.equal(enforcement.provision, 'Art. 113');
    assert.ok(getProvision('Art. 113'), 'Art. 113 is a provision the catalogue can cite');
    assert.match(getProvision('Art. 113(b)')!.summary, /except Art\. 101/);
  });

  it('sends Art. 55(1)(c) reports to the AI Office and, as appropriate, national competent authorities', () => {
    assert.match(
      getProvision('Art. 55(1)(c)')!.summary,
      /AI Office and, as appropriate, to national competent authorities/,
    );
  });

  it("words the 15-day incident tier as the Code does, and counts Measure 9.3's clock from awareness", () => {
    assert.match(
      thresholds.incidentInitialReportDays.serious_harm.harm,
      /infringement of obligations under Union law intended to protect fundamental rights/,
    );
    assert.match(getMeasure('safety-security/9.3')!.summary, /aware of the model's involvement/);
    assert.match(getMeasure('safety-security/9.4')!.summary, /whichever is later/);
  });

  it('names the Communication that adopted the training-content template', () => {
    assert.match(summaryTemplate.instrument, /C\(2025\) 8311 final/);
    assert.match(summaryTemplate.instrument, /C\(2025\) 5235 final/);
  });

  it("says the measure statuses are gpai-docs' own, not a fact of the Code", () => {
    assert.match(getValueSet('measure-status').title, /gpai-docs' own/);
  });

  it('says when 6.8 and 6.9 may stay empty, instead of "May stay empty:" and nothing', () => {
    for (const id of ['form/6.8', 'form/6.9']) {
      const md = explainEntry(entry(id)!)!.markdown;
      assert.match(md, /May stay empty: \S/, id);
    }
  });
});
