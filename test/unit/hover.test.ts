import * as assert from 'node:assert/strict';
import { catalogue } from '../../server/src/engine';
import { getHover } from '../../server/src/engine/hover';
import type { CoverageNode } from '../../shared/types';
import { getCoverage } from '../helpers/engine';
import { edit, example, lines, parse, withCaret } from '../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');

/** The hover's markdown at the caret, or undefined. */
function hoverAt(marked: string): string | undefined {
  const { doc, position } = withCaret(marked);
  const hover = getHover(doc, position);
  return hover ? (hover.contents as { value: string }).value : undefined;
}

const at = (from: string, to: string) => hoverAt(edit(KESTREL, from, to));

describe('hover', () => {
  it("shows a form item's label, what to write, recipients, precision, Annex point and the measure with its id and official title", () => {
    const md = at('  training_compute:', '  training_com$|$pute:')!;
    assert.match(md, /Form 7\.4 “Amount of computation used for training \(AI Office\)”/);
    assert.match(md, /in FLOP to at least two significant figures/);
    assert.match(md, /✓ AI Office · – National competent authorities · – Downstream providers/);
    assert.match(md, /Annex XI 1\.2\(d\)/);
    assert.match(md, /`transparency\/1\.1`/);
    assert.match(md, /Transparency Measure 1\.1 “Drawing up and keeping up-to-date model documentation”/);
    assert.match(md, /docs\/format\.md/);
  });

  it('gives the recommended words and the N/A rule the official form confirms, without a caveat', () => {
    const md = at('  required_hardware:', '  required_hard$|$ware:')!;
    assert.match(md, /Recommended length: 100 words\n/);
    assert.match(md, /"N\/A" allowed: No hardware is needed on the downstream side/);
    assert.match(md, /Confirmed against the official form \(document 118118\)/);
  });

  it('says which facts are not confirmed: a precision known only from the third draft, secondary recipients', () => {
    const points = at('  data_points:', '  data_$|$points:')!;
    assert.match(points, /Precision: at least 2 significant figures, .*\(known only from the third draft/);
    assert.match(points, /Recipients: .*\(from secondary sources; not yet confirmed against the official form\)/);
    const size = at('  maximum_input_size:', '  maximum_input$|$_size:')!;
    assert.match(size, /Recipients: .*\(read by machine from the official form; check by hand\)/);
  });

  it('shows the measure itself on a Copyright key, with its official title', () => {
    const md = at('  rights_reservations:', '  rights_$|$reservations:')!;
    assert.match(
      md,
      /Copyright Measure 1\.3 “Identify and comply with rights reservations when crawling the World Wide Web”/,
    );
    assert.match(md, /In this file:\*\* \d+\/\d+ covered/);
  });

  it('names the measure a field of a Copyright answer belongs to', () => {
    const md = at('    robots_txt:', '    robots$|$_txt:')!;
    assert.match(md, /^`robots_txt` of Copyright Measure 1\.3: How the crawlers follow robots\.txt/);
  });

  it("shows a section's items and its coverage on a section key", () => {
    const text = edit(KESTREL, /\n {2}curation_methodologies: >-\n( {4}.*\n)*/, '\n');
    const md = hoverAt(edit(text, '\ndata:', '\nd$|$ata:'))!;
    assert.ok(md.includes(`Section 6 “${catalogue.formSections.find((s) => s.number === 6)!.title}”`));
    assert.match(md, /- 6\.9 Measures to detect identifiable biases: AIO, NCAs/);
    assert.match(md, /In this file:\*\* \d+\/\d+ covered · 1 missing/);
  });

  it('explains a parameter range value with its bounds and the range derived from the total model size', () => {
    const md = at('total_model_size: 1.3e10', 'total_model_size: 1.3e10\n  parameter_range: 50B-$|$100B')!;
    assert.match(md, /\*\*`50B-100B`\*\*: 50B–100B/);
    assert.match(md, /Bounds: more than 5\.0e10 and at most 1\.0e11 parameters/);
    assert.match(md, /gpai-docs derives `5B-15B` from 2\.9 “Total model size”/);
  });

  it('explains a number: its significant figures, what is derived from it and the systemic-risk threshold', () => {
    const md = at('training_compute: 3.1e23', 'training_compute: 3.$|$1e23')!;
    assert.match(md, /\*\*3\\\.1e23\*\*, written with 2 significant figures \(the form asks at least 2\)/);
    assert.match(md, /Derived for 7\.3 .*: `1e23 FLOP`/);
    assert.match(md, /Not above the 1e25 FLOP threshold of AI Act Art\. 51\(2\)/);
    const few = at('total_model_size: 1.3e10', 'total_model_size: 1$|$e10')!;
    assert.match(few, /written with 1 significant figure \(the form asks at least 2: add figures\)/);
  });

  it('explains a modality, a classification and a status', () => {
    assert.match(at('input_modalities: [text]', 'input_modalities: [te$|$xt]')!, /\*\*`text`\*\*: Text/);
    assert.match(
      at('systemic_risk: none', 'systemic_risk: n$|$one')!,
      /\*\*`none`\*\*: No systemic risk\. Training compute not above 10\^25 FLOP/,
    );
    assert.match(
      at('  policy:\n    status: implemented', '  policy:\n    status: imple$|$mented')!,
      /\*\*`implemented`\*\*: Implemented/,
    );
  });

  it('says whether N/A is allowed where it is written', () => {
    assert.match(
      at('required_hardware: N/A', 'required_hardware: N$|$/A')!,
      /\*\*N\/A\*\* is allowed for 4\.5 “Required hardware”/,
    );
    assert.match(
      hoverAt(lines('model_properties:', '  model_architecture: N$|$/A'))!,
      /\*\*N\/A\*\* is not an answer the form allows for 2\.1 “Model architecture”/,
    );
  });

  it('flags placeholder text', () => {
    assert.match(hoverAt(lines('use:', '  intended_uses: TO$|$DO'))!, /\*\*Placeholder\*\* \(TODO\)/);
  });

  it('names the modality of a per-modality entry', () => {
    assert.match(at('    text: 32,768 tokens', '    te$|$xt: 32,768 tokens')!, /^`text`: Text \(Modalities\)/);
  });

  it('has nothing to say on an unknown key or outside any key', () => {
    assert.equal(hoverAt(lines('gpai: 1', 'nonsense$|$: 1')), undefined);
    assert.equal(hoverAt(lines('gpai: 1', '$|$', 'data:')), undefined);
  });

  it("covers the key's range, so the editor highlights the word", () => {
    const { doc, position } = withCaret(lines('gpai: 1', 'data:', '  bias_mea$|$sures: None.'));
    assert.deepEqual(getHover(doc, position)!.range, {
      start: { line: 2, character: 2 },
      end: { line: 2, character: 15 },
    });
  });
});

describe('hover on scope and roles', () => {
  const HELPDESK = example('kestrel-13b-helpdesk.gpai.yaml');
  const HALCYON = example('halcyon-xl.gpai.yaml');
  const TAMARACK = example('tamarack-20b.gpai.yaml');
  const MEADOW = example('meadow-7b.gpai.yaml');
  const hoverIn = (text: string, from: string, to: string) => hoverAt(edit(text, from, to))!;
  const GUIDELINES = /\(Commission Guidelines C\(2025\) 5045 final\)/;

  it("reads a training compute against the guidelines' indicative 10^23 FLOP", () => {
    const above = at('training_compute: 3.1e23', 'training_compute: 3.$|$1e23')!;
    assert.match(
      above,
      /Above 1e23 FLOP: with language \(text or audio\), image or video outputs, indicatively a general-purpose AI model/,
    );
    assert.match(above, GUIDELINES);
    const below = at('training_compute: 3.1e23', 'training_compute: 5.$|$0e22')!;
    assert.match(
      below,
      /Not above 1e23 FLOP: indicatively not a general-purpose AI model .*, unless `gpai_scope_reason` says why/,
    );
  });

  it("reads a downstream modifier's form 7.4 as its modification, added to the base model's compute", () => {
    const md = hoverIn(HELPDESK, 'training_compute: 2.1e21', 'training_compute: 2.$|$1e21');
    assert.match(md, /The base model's training compute plus your modification's, 3\.1e23 FLOP, is above 1e23 FLOP/);
    assert.doesNotMatch(md, /Not above 1e23 FLOP/);
  });

  it('gives the one-third test on the compute of a modification, both ways', () => {
    const below = hoverIn(HELPDESK, 'modification_compute: 2.1e21', 'modification_compute: 2.$|$1e21');
    assert.match(
      below,
      /The modification used 0\.68 % of the base model's training compute, at most one third: indicatively no GPAI-provider duties/,
    );
    assert.match(below, GUIDELINES);
    const above = hoverIn(HELPDESK, 'modification_compute: 2.1e21', 'modification_compute: 1.$|$2e23');
    assert.match(
      above,
      /used 39 % .*, more than one third: you are the provider of a new general-purpose AI model, for the modification/,
    );
    const unknown = hoverIn(
      edit(HELPDESK, '  base_model_training_compute: 3.1e23\n', ''),
      'modification_compute: 2.1e21',
      'modification_compute: 2.$|$1e21',
    );
    assert.match(
      unknown,
      /The one-third test \(Commission Guidelines C\(2025\) 5045 final\) needs the compute of the modification and of the base model's training/,
    );
  });

  it('counts the Art. 52(1) two weeks from the threshold date, and says whether the notification kept to them', () => {
    const md = hoverIn(HALCYON, 'threshold_date: 2025-07-25', 'threshold_date: 2025-07-2$|$5');
    assert.match(
      md,
      /\*\*25 July 2025\*\*: notify the Commission without delay and within 2 weeks, by \*\*8 August 2025\*\* \(AI Act Art\. 52\(1\)\)/,
    );
    assert.match(md, /Notified on 6 August 2025: in time\./);
    const late = hoverIn(
      edit(HALCYON, 'notification_date: 2025-08-06', 'notification_date: 2025-08-20'),
      'threshold_date: 2025-07-25',
      'threshold_date: 2025-07-2$|$5',
    );
    assert.match(late, /Notified on 20 August 2025: after the 2 weeks\./);
  });

  it('explains the role, the monetisation condition and the authorised representative with their provisions', () => {
    const roleMd = hoverIn(HELPDESK, 'provider_role: downstream-modifier', 'provider_role: down$|$stream-modifier');
    assert.match(roleMd, /\*\*`downstream-modifier`\*\*: Downstream modifier\./);
    assert.match(roleMd, /secondary sources/);
    assert.match(roleMd, /- Recital 109: /);
    const monetised = hoverIn(MEADOW, 'monetised: false', 'moneti$|$sed: false');
    assert.match(monetised, /- Recital 103: Only a model released without monetisation/);
    assert.match(monetised, /- Art\. 54\(6\): /);
    const establishment = hoverIn(TAMARACK, 'establishment: outside-union', 'establishment: out$|$side-union');
    assert.match(
      establishment,
      /\*\*`outside-union`\*\*: Established outside the Union\. Appoint an authorised representative/,
    );
    assert.match(
      establishment,
      /- Art\. 54\(1\): A provider established outside the Union appoints, by written mandate/,
    );
    const rep = hoverIn(TAMARACK, '  authorised_representative:', '  authorised_rep$|$resentative:');
    assert.match(rep, /\*\*Authorised representative\*\*/);
    assert.match(rep, /- Art\. 54\(6\): /);
  });

  it('explains signatory status and the Safety and Security reliefs with what they rest on', () => {
    const signed = hoverIn(TAMARACK, 'copyright: signed', 'copy$|$right: signed');
    assert.match(signed, /adequate alternative means/);
    assert.match(signed, /- Art\. 53\(4\): /);
    assert.match(signed, /- Art\. 55\(2\): /);
    const relief = hoverIn(
      HALCYON,
      'open_source_exemption: false',
      'open_source_exemption: false\n  safety_and_security_reliefs:\n    more_capable$|$_open_weights_model: Meadow-70B',
    );
    assert.match(relief, /\*\*Commitment 6 exemption\*\*/);
    assert.match(relief, /exempt from Safety and Security Commitment 6 “Security mitigations”/);
    assert.match(relief, /- Art\. 55\(1\)\(d\): /);
  });
  it("states the coverage tree's own reason on every chapter, commitment, measure and form section key of the examples", () => {
    const branches = new Set(['chapter', 'commitment', 'measure', 'section']);
    const flat = (nodes: readonly CoverageNode[]): CoverageNode[] =>
      nodes.flatMap((n) => [n, ...flat(n.children ?? [])]);
    let checked = 0;
    // Meadow claims the open-source exemption: its Transparency chapter marks every section under it.
    for (const name of [
      'halcyon-xl.gpai.yaml',
      'kestrel-13b.gpai.yaml',
      'kestrel-13b-helpdesk.gpai.yaml',
      'meadow-7b.gpai.yaml',
    ]) {
      const text = example(name);
      // The tree from one parse, the hovers from another: each hover computes only its own branch.
      // Those whose key documents the branch itself (Transparency Measure 1.1's is the whole `document`).
      const nodes = flat(getCoverage(parse(text)).roots).filter(
        (n) => branches.has(n.kind) && n.range && n.path && catalogue.keySpecAt(n.path)?.id === n.id,
      );
      const doc = parse(text);
      for (const node of nodes) {
        const hover = getHover(doc, node.range!.start);
        const md = (hover?.contents as { value: string } | undefined)?.value ?? '';
        const said = /\*\*In this file:\*\* (.*)$/m.exec(md)?.[1]?.replace(/\\(.)/g, '$1');
        assert.equal(said, node.reason, `${name}: ${node.id}`);
        checked++;
      }
    }
    assert.ok(checked > 60, `only ${checked} keys checked`);
  });
});
