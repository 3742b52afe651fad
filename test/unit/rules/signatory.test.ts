import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getProvision } from '../../../server/src/engine/catalogue';
import { applyFix, codes, dataOf, diagnose, withCode } from '../../helpers/diagnostics';
import { edit, example } from '../../helpers/text';

const KESTREL = example('kestrel-13b.gpai.yaml');
const HALCYON = example('halcyon-xl.gpai.yaml');
const TAMARACK = example('tamarack-20b.gpai.yaml');
const signatory = (text: string, ...lines: string[]) =>
  edit(
    text,
    'open_source_exemption: false',
    `open_source_exemption: false\n  code_of_practice:\n${lines.map((l) => `    ${l}`).join('\n')}`,
  );
/** A Copyright finding: a point of contact that is not electronic (Copyright Measure 1.5). */
const CONTACT = (text: string) =>
  edit(text, 'contact: mailto:copyright@kestrel-ls.example', 'contact: Write to our legal department.');
/** A Safety and Security finding: the Model Report given to the AI Office after placement (Measure 7.7). */
const LATE_REPORT = (text: string) => edit(text, 'provided: 2025-10-10', 'provided: 2025-10-20');
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('signatory status', () => {
  describe('rule signatory', () => {
    it('asks for the adequate alternative means of a chapter not signed, citing Art. 53(4), with a fix', () => {
      const text = signatory(KESTREL, 'transparency: signed', 'copyright: not-signed');
      const [d] = withCode(text, 'signatory.alternative-means');
      assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.match(d.message, /did not sign the Copyright chapter .*`classification\.code_of_practice\.copyright`/);
      assert.ok(dataOf(d).provisions.includes('Art. 53(4)'));
      assert.deepEqual(dataOf(d).fix, {
        kind: 'insert-keys',
        parent: ['classification', 'code_of_practice'],
        keys: ['alternative_means'],
      });
      assert.equal(text.split('\n')[d.range.start.line].trim(), 'copyright: not-signed');
      assert.match(applyFix(text, d).text, /\n {4}copyright: not-signed\n {4}alternative_means: {2}# /);
    });

    it('names every chapter not signed in one finding', () => {
      const [d] = withCode(
        signatory(HALCYON, 'transparency: not-signed', 'safety_and_security: not-signed'),
        'signatory.alternative-means',
      );
      assert.match(d.message, /did not sign the Transparency and the Safety and Security chapters/);
      assert.ok(dataOf(d).provisions.includes('Art. 53(4)') && dataOf(d).provisions.includes('Art. 55(2)'));
    });

    it('cites Art. 55(2) for the Safety and Security chapter of a model with systemic risk', () => {
      const [d] = withCode(signatory(HALCYON, 'safety_and_security: not-signed'), 'signatory.alternative-means');
      assert.ok(dataOf(d).provisions.includes('Art. 55(2)'));
    });

    it('stays quiet once the means are described, for a chapter that does not bind the model, and on the examples', () => {
      const described = signatory(KESTREL, 'copyright: not-signed', 'alternative_means: Our own audited standard.');
      assert.deepEqual(withCode(described, 'signatory.alternative-means'), []);
      assert.deepEqual(
        withCode(signatory(KESTREL, 'safety_and_security: not-signed'), 'signatory.alternative-means'),
        [],
      );
      assert.deepEqual(
        codes(TAMARACK).filter((c) => c.startsWith('signatory.')),
        [],
      );
    });
  });

  describe('findings on a chapter not signed', () => {
    it('say what the AI Act requires and present the Copyright measure as the recognised way, not a commitment', () => {
      const signed = withCode(CONTACT(signatory(KESTREL, 'copyright: signed')), 'copyright.contact')[0];
      const [d] = withCode(
        CONTACT(signatory(KESTREL, 'copyright: not-signed', 'alternative_means: Our own standard.')),
        'copyright.contact',
      );
      const requirement = getProvision('Art. 53(1)(c)')!;
      assert.match(
        d.message,
        /^You did not sign the Copyright chapter of the Code, so its measures are not commitments of yours\./,
      );
      assert.match(
        d.message,
        new RegExp(
          `What the AI Act requires here \\(Art\\. 53\\(1\\)\\(c\\)\\): ${escape(lowerFirst(requirement.summary))}\\.`,
        ),
      );
      assert.match(
        d.message,
        /Copyright Measure 1\.5 is the recognised way to show it; your adequate alternative means/,
      );
      assert.ok(
        d.message.endsWith(
          `What the Code's measure asks: ${signed.message.replace(/ \[.*\]$/, '')} [${dataOf(d).citation}]`,
        ),
      );
      assert.ok(dataOf(d).provisions.includes('Art. 53(4)'));
      assert.equal(d.severity, signed.severity, 'the severity does not change');
    });

    it('say so for a Safety and Security finding too, citing Art. 55(2)', () => {
      const [d] = withCode(LATE_REPORT(signatory(HALCYON, 'safety_and_security: not-signed')), 'safety.model-report');
      const requirement = getProvision('Art. 55(1)')!;
      assert.match(d.message, /^You did not sign the Safety and Security chapter/);
      assert.match(d.message, new RegExp(escape(lowerFirst(requirement.summary))));
      assert.doesNotMatch(d.message, /Art\. 56\(5\)\)/, 'Art. 56(5) is not a duty of the provider');
      assert.match(d.message, /Safety and Security Measure 7\.7 is the recognised way/);
      assert.ok(dataOf(d).provisions.includes('Art. 55(2)'));
    });

    it('word a Transparency form item by the chapter’s provisions and the Model Documentation Form', () => {
      const text = edit(signatory(KESTREL, 'transparency: not-signed'), '  training_compute: 3.1e23\n', '');
      const [d] = withCode(text, 'missing.item');
      assert.match(d.message, /\(Art\. 53\(1\)\(a\), Art\. 53\(1\)\(b\)\)/);
      assert.match(
        d.message,
        /Transparency Measure 1\.1 \(the Model Documentation Form, form 7\.4\) is the recognised way/,
      );
    });

    it('leave findings on signed chapters, on other chapters and on the file’s form as they are', () => {
      const text = signatory(HALCYON, 'transparency: signed', 'copyright: signed', 'safety_and_security: not-signed');
      const late = withCode(LATE_REPORT(text), 'safety.model-report')[0];
      assert.match(late.message, /^You did not sign/);
      const [contact] = withCode(
        edit(text, 'contact: mailto:copyright@halcyon-labs.example', 'contact: Write to our legal department.'),
        'copyright.contact',
      );
      assert.doesNotMatch(contact.message, /You did not sign/, 'the Copyright chapter is signed');
      const shape = diagnose(
        edit(signatory(KESTREL, 'copyright: not-signed'), /(policy:\n {4}status:) implemented/, '$1 [implemented]'),
      ).filter((d) => d.code === 'shape.type' || d.code === 'shape.value');
      assert.ok(shape.length > 0);
      for (const d of shape) assert.doesNotMatch(d.message, /You did not sign/);
      const [old] = diagnose(
        edit(
          signatory(KESTREL, 'transparency: not-signed'),
          '    - synthetic_data\n',
          '    - synthetic_data\n    - other\n',
        ),
      ).filter((d) => d.code === 'format.superseded-value');
      assert.doesNotMatch(old.message, /You did not sign/, 'a value of an earlier form is a matter of format');
    });

    it('are not reworded without the signatory block, as for the examples', () => {
      for (const d of diagnose(CONTACT(KESTREL))) assert.doesNotMatch(d.message, /You did not sign/);
    });
  });
});
