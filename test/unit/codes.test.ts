/**
 * Diagnostic codes are types: a finding, a setting or a test naming a code no rule declares does not compile
 * (the `@ts-expect-error` lines below fail the type-check if it would), and every code is declared once.
 */
import * as assert from 'node:assert/strict';
import { allCodes, rules, type Code, type Finding } from '../../server/src/engine';
import { defineRule } from '../../server/src/engine/rules/types';

describe('diagnostic codes', () => {
  it('are declared once each, by one rule or by the diagnostics layer', () => {
    const codes = allCodes.map((c) => c.code);
    assert.equal(new Set(codes).size, codes.length);
    for (const rule of rules) assert.ok(rule.codes.length > 0, `${rule.name} declares its codes`);
  });

  it('do not compile when misspelt', () => {
    const known: Code = 'missing.item';
    // @ts-expect-error: no rule declares "missing.itme"
    const misspelt: Code = 'missing.itme';
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const rule = defineRule({
      name: 'example',
      codes: [{ code: 'example.one', title: 'An example', severity: 'hint' }],
      check: () => [
        { code: 'example.one', range, message: 'declared by this rule' },
        // @ts-expect-error: a rule can report only the codes it declares
        { code: 'missing.item', range, message: 'declared by another rule' },
      ],
    });
    const finding: Finding<Code> = { code: known, range, message: 'a finding of a known code' };
    assert.equal(rule.codes[0].code, 'example.one');
    assert.equal(finding.code, 'missing.item');
    assert.equal(misspelt, 'missing.itme');
  });
});
