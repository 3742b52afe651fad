import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { githubData, githubProperty } from '../../bin/ciFormats';
import { edit, example } from '../helpers/text';
import { put, runCli, tempDir } from './runCli';

/** Kestrel with compute above 10^25 (two errors) and two unknown keys, one with `%` and a line break in it. */
function flawed(): string {
  const text = edit(example('kestrel-13b.gpai.yaml'), 'training_compute: 3.1e23', 'training_compute: 3.8e25');
  return `${text}"50%\\nnext": 1\nother_unknown: 2\n`;
}

interface Annotation {
  command: string;
  props: Record<string, string>;
  message: string;
}

function annotations(stdout: string): Annotation[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('::'))
    .map((line) => {
      const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
      assert.ok(m, `a workflow command: ${line}`);
      const props = Object.fromEntries(m[2].split(',').map((p) => p.split('=', 2) as [string, string]));
      return { command: m[1], props, message: m[3] };
    });
}

/**
 * A small well-formedness check of XML: a declaration, balanced tags, quoted attributes, no stray `<` or `&`,
 * no character XML 1.0 forbids. Returns the elements' names and attributes in document order.
 */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  // eslint-disable-next-line no-control-regex
  assert.doesNotMatch(xml, /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/, 'no character XML 1.0 forbids');
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n/);
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  const stack: string[] = [];
  const elements: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let m: RegExpExecArray | null;
  while (token.lastIndex < body.length && (m = token.exec(body))) {
    if (m[5] !== undefined) {
      assert.doesNotMatch(m[5], /&(?!(amp|lt|gt|quot|apos);)/, 'entities only');
      if (elements.length) elements[elements.length - 1].text += m[5];
      continue;
    }
    const [, close, name, attrText, selfClose] = m;
    if (close) assert.equal(stack.pop(), name, `</${name}> closes the open element`);
    else {
      const attrs = Object.fromEntries([...attrText.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
      assert.doesNotMatch(attrText, /&(?!(amp|lt|gt|quot|apos);)/, 'entities only');
      elements.push({ name, attrs, text: '' });
      if (!selfClose) stack.push(name);
    }
  }
  assert.equal(token.lastIndex, body.length, 'the whole document is tags and text');
  assert.deepEqual(stack, [], 'every element is closed');
  return elements;
}

describe('gpai-docs check: formats for CI', () => {
  let dir: string;
  before(() => {
    dir = tempDir('formats');
    put(dir, 'a,b:c%d.gpai.yaml', flawed());
    put(dir, 'clean.gpai.yaml', example('kestrel-13b.gpai.yaml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('escapes workflow command data and properties as GitHub documents', () => {
    assert.equal(githubData('50% done\r\nnext'), '50%25 done%0D%0Anext');
    assert.equal(githubProperty('a,b:c%d\n'), 'a%2Cb%3Ac%25d%0A');
  });

  it('--format github: one annotation per finding with file, line, col, endLine, endColumn and the code as title', () => {
    const r = runCli(['check', 'a,b:c%d.gpai.yaml', '--format', 'github'], dir);
    assert.equal(r.code, 1);
    const found = annotations(r.stdout);
    const json = JSON.parse(runCli(['check', 'a,b:c%d.gpai.yaml', '--format', 'json'], dir).stdout)[0].diagnostics;
    assert.equal(found.length, json.length);
    for (const [i, a] of found.entries()) {
      assert.equal(a.props.file, 'a%2Cb%3Ac%25d.gpai.yaml');
      assert.deepEqual([a.props.line, a.props.col, a.props.endLine, a.props.endColumn].map(Number), [
        json[i].line,
        json[i].column,
        json[i].endLine,
        json[i].endColumn,
      ]);
      assert.equal(a.props.title, json[i].code);
      assert.equal(
        a.command,
        { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' }[json[i].severity as string],
      );
    }
    assert.ok(found.some((a) => a.command === 'error' && a.props.title === 'systemic-risk.presumed'));
    assert.ok(found.some((a) => a.message.includes('Unknown key "50%25%0Anext"')));
    assert.match(
      r.stdout,
      /\n1 file checked: 2 errors, 2 warnings; \d+ % complete \(\d+ of \d+ answers covered, \d+ partial, \d+ missing\)\n$/,
    );
  });

  it('--format junit: valid XML, one testsuite per file, a failure per error or warning, a passing case for a clean file', () => {
    const r = runCli(['check', 'a,b:c%d.gpai.yaml', 'clean.gpai.yaml', '--format', 'junit'], dir);
    assert.equal(r.code, 1);
    const elements = parseXml(r.stdout);
    const suites = elements.filter((e) => e.name === 'testsuite');
    assert.deepEqual(
      suites.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures]),
      [
        ['a,b:c%d.gpai.yaml', '4', '4'],
        ['clean.gpai.yaml', '1', '0'],
      ],
    );
    const root = elements[0];
    assert.deepEqual([root.name, root.attrs.tests, root.attrs.failures], ['testsuites', '5', '4']);
    const failures = elements.filter((e) => e.name === 'failure');
    assert.deepEqual(failures.map((f) => f.attrs.type).sort(), ['error', 'error', 'warning', 'warning']);
    assert.ok(failures.some((f) => f.attrs.message.includes('Unknown key &quot;50%\\x0anext&quot;')));
    const cases = elements.filter((e) => e.name === 'testcase');
    assert.equal(cases.length, 5);
    assert.equal(cases[4].attrs.name, 'no problems');
  });

  it('--format gitlab: Code Quality issues with description, check_name, severity, location and unique fingerprints', () => {
    const r = runCli(['check', 'a,b:c%d.gpai.yaml', 'clean.gpai.yaml', '--format', 'gitlab'], dir);
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.stdout) as {
      description: string;
      check_name: string;
      fingerprint: string;
      severity: string;
      location: { path: string; lines: { begin: number } };
    }[];
    assert.equal(issues.length, 4);
    for (const issue of issues) {
      assert.ok(issue.description.length > 10);
      assert.match(issue.fingerprint, /^[0-9a-f]{64}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity));
      assert.equal(issue.location.path, 'a,b:c%d.gpai.yaml');
      assert.ok(issue.location.lines.begin >= 1);
    }
    assert.deepEqual(issues.map((i) => i.severity).sort(), ['major', 'major', 'minor', 'minor']);
    const unknown = issues.filter((i) => i.check_name === 'key.unknown');
    assert.equal(unknown.length, 2);
    assert.notEqual(unknown[0].fingerprint, unknown[1].fingerprint, 'two findings of one code differ');
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('--format sarif: fingerprints unique per finding and stable when lines are added above', () => {
    const prints = (file: string) => {
      const sarif = JSON.parse(runCli(['check', file, '--format', 'sarif'], dir).stdout);
      return (sarif.runs[0].results as { ruleId: string; partialFingerprints: Record<string, string> }[]).map(
        (r) => [r.ruleId, r.partialFingerprints['gpaiDocs/v1']] as const,
      );
    };
    const before = prints('a,b:c%d.gpai.yaml');
    const unknown = before.filter(([code]) => code === 'key.unknown');
    assert.equal(unknown.length, 2);
    assert.notEqual(unknown[0][1], unknown[1][1]);
    assert.equal(new Set(before.map(([, p]) => p)).size, before.length);
    assert.deepEqual(prints('a,b:c%d.gpai.yaml'), before, 'the same on every run');
    put(dir, 'a,b:c%d.gpai.yaml', `# a comment\n# and another\n${flawed()}`);
    assert.deepEqual(prints('a,b:c%d.gpai.yaml'), before, 'lines added above move no fingerprint');
    put(dir, 'a,b:c%d.gpai.yaml', flawed());
  });

  it('--format sarif: a path outside the current folder is an absolute file URI', () => {
    const sarif = JSON.parse(runCli(['check', join(dir, 'a,b:c%d.gpai.yaml'), '--format', 'sarif']).stdout);
    const location = sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    assert.equal(location.uri, `file://${dir}/a,b:c%25d.gpai.yaml`);
    assert.equal(location.uriBaseId, undefined);
  });
});
