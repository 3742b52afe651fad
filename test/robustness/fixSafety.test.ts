/**
 * Fix safety, as a property over many documents: the examples, rewritten in other layouts (comments
 * everywhere, 4-space indentation, flow style, CRLF and combinations) and broken in ways that make fixable
 * diagnostics, are opened in one server; every quick-fix offered for every diagnostic, and the source
 * actions "Add all missing items" and fix-all, are applied to the broken text. Each applied action must
 * be small edits (none spanning more than one line break) that keep every line outside them byte for byte
 * (at its shifted place, line break included), keep every comment marker once,
 * leave a text that parses, remove the diagnostics it says it fixes and bring no new error. A seeded share
 * of the actions is applied through the server as well, whose diagnostics must then be the engine's.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { type DiagnosticData } from '../../server/src/engine';
import { getDiagnostics, parseGpai } from '../helpers/engine';
import { CodeActionKinds } from '../../shared/names';
import { documentSeed, Random } from '../fuzz/random';
import { TODAY } from '../helpers/diagnostics';
import { example, ROOT } from '../helpers/text';
import { TestClient } from '../server/client';
import { BREAKAGES, LAYOUTS, MARKER, relayout, type Layout } from './variants';

const SEED = 20250917;
const EXAMPLES = readdirSync(join(ROOT, 'examples'))
  .filter((f) => f.endsWith('.gpai.yaml'))
  .sort();
/** The share of applied actions also applied through the server (the rest is checked with the engine). */
const THROUGH_SERVER = 0.12;
const ERROR = 1;

/**
 * Findings a fix may leave in place, by code: their fix inserts the key the finding asks for, empty with a
 * placeholder comment, and the finding keeps reminding until the writer records the fact (the date of the
 * Art. 52(1) notification, of the designation). That is right for a compliance writer: no other rule
 * reports these optional keys left empty, and an empty key must not silence the obligation. Once the key
 * is there, the finding must no longer offer the fix.
 *
 * No fix is allowed a new error. Marking systemic risk as presumed could have been one (the Safety and
 * Security chapter becomes required), but the compute above the threshold already requires the chapter,
 * so `missing.chapter` is reported before the fix as after it.
 */
const REMINDERS: ReadonlySet<string> = new Set(['systemic-risk.notification', 'systemic-risk.designation']);

const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : (d.message as { value: string }).value);
const key = (d: Diagnostic) => `${String(d.code)} ${message(d)}`;
const full = (d: Diagnostic) =>
  `${d.severity} ${key(d)} @${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

function engineDiagnostics(text: string): Diagnostic[] {
  return getDiagnostics(parseGpai(text, 'file:///fix-safety.gpai.yaml', 1), { today: TODAY }).diagnostics;
}

function counts(keys: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

const sorted = (ds: readonly Diagnostic[], show: (d: Diagnostic) => string = full) => ds.map(show).sort();
/** A finding whatever the layout: ranges move with it. */
const finding = (d: Diagnostic) => `${d.severity} ${key(d)}`;

/** Every line of `before` outside all edit ranges, byte for byte (its line break too) at its shifted offset. */
function keptLineProblems(before: TextDocument, edits: readonly TextEdit[], after: string): string[] {
  const text = before.getText();
  const spans = edits.map((e) => {
    const start = before.offsetAt(e.range.start);
    const end = before.offsetAt(e.range.end);
    return { start, end, delta: e.newText.length - (end - start) };
  });
  const problems: string[] = [];
  let start = 0;
  text.split(/(?<=\n)/).forEach((line, i) => {
    const end = start + line.length;
    if (!spans.some((s) => s.end > start && s.start < end)) {
      const at = start + spans.filter((s) => s.end <= start).reduce((sum, s) => sum + s.delta, 0);
      if (after.slice(at, at + line.length) !== line)
        problems.push(
          `line ${i} ${JSON.stringify(line)} is not kept: ${JSON.stringify(after.slice(at, at + line.length))}`,
        );
    }
    start = end;
  });
  if (text.includes('\r\n') && /(?<!\r)\n/.test(after)) problems.push('a bare \\n in a CRLF file');
  if (!text.includes('\r') && after.includes('\r')) problems.push('a \\r in an LF file');
  return problems;
}

function markerProblems(before: string, after: string): string[] {
  const found = counts([...after.matchAll(MARKER)].map((m) => m[0]));
  return [...before.matchAll(MARKER)]
    .map((m) => m[0])
    .filter((m) => found.get(m) !== 1)
    .map((m) => `marker "${m}" occurs ${found.get(m) ?? 0} times`);
}

type Leaves = Map<string, unknown>;

/** Every leaf of a YAML text's data (scalars, empty lists and maps) by its path, as JSON. */
function leaves(text: string): Leaves {
  const out: Leaves = new Map();
  const walk = (value: unknown, path: readonly (string | number)[]): void => {
    if (Array.isArray(value) && value.length) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object' && !(value instanceof Date) && Object.keys(value).length) {
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    } else out.set(JSON.stringify(path), value);
  };
  walk(parseDocument(text).toJS(), []);
  return out;
}

/** Whether the path (as JSON) is `prefix` or under it. */
const under = (path: string, prefix: readonly (string | number)[]) => {
  const p = JSON.stringify(prefix);
  return path === p || path.startsWith(`${p.slice(0, -1)},`);
};

/**
 * No answer is lost or changed beyond what the action's fixes mean: every leaf of the text before is in
 * the text after, at its path, with its value, except the value a fix sets (which must then read as the
 * fix's value), the leaves under a renamed key (which move with it) and the empty values that an inserted
 * block fills. An action that inserts nothing adds no leaf either.
 */
function structureProblems(beforeText: string, fixedText: string, action: CodeAction): string[] {
  const fixes = (action.diagnostics ?? [])
    .map((d) => (d.data as DiagnosticData | undefined)?.fix)
    .filter((f) => f !== undefined);
  const before = leaves(beforeText);
  const after = leaves(fixedText);
  const problems: string[] = [];
  const inserting = action.kind === CodeActionKinds.addMissing || fixes.some((f) => f.kind === 'insert-keys');
  const setTo = (path: string) => fixes.find((f) => f.kind === 'set-value' && JSON.stringify(f.path) === path);
  const moved = (path: string): string => {
    for (const f of fixes) {
      if (f.kind !== 'rename-key' || !under(path, f.path)) continue;
      const from = JSON.stringify(f.path).slice(0, -1);
      return JSON.stringify([...f.path.slice(0, -1), f.to]).slice(0, -1) + path.slice(from.length);
    }
    return path;
  };
  for (const [path, value] of before) {
    const set = setTo(path);
    const now = after.get(moved(path));
    if (set?.kind === 'set-value') {
      if (String(now).replace(/\n$/, '') !== set.value)
        problems.push(`${path} reads ${JSON.stringify(now)}, not the value set, ${JSON.stringify(set.value)}`);
    } else if (!after.has(moved(path))) {
      const filled =
        (value === null || value === undefined) && [...after.keys()].some((p) => p.startsWith(`${path.slice(0, -1)},`));
      if (!filled) problems.push(`${path} (${JSON.stringify(value)}) is lost`);
    } else if (JSON.stringify(now) !== JSON.stringify(value)) {
      problems.push(`${path} was ${JSON.stringify(value)}, is ${JSON.stringify(now)}`);
    }
  }
  if (!inserting) {
    const expected = new Set([...before.keys()].map(moved));
    for (const path of after.keys()) {
      if (!expected.has(path) && !setTo(path)) problems.push(`${path} (${JSON.stringify(after.get(path))}) is new`);
    }
  }
  return problems;
}

/** The properties of one applied action; `after` are the diagnostics of the fixed text. */
function actionProblems(
  before: TextDocument,
  beforeDiagnostics: readonly Diagnostic[],
  action: CodeAction,
  edits: readonly TextEdit[],
  fixed: string,
  after: readonly Diagnostic[],
): string[] {
  const problems = [...keptLineProblems(before, edits, fixed), ...markerProblems(before.getText(), fixed)];
  if (![...beforeDiagnostics, ...after].some((d) => String(d.code).startsWith('yaml.')))
    problems.push(...structureProblems(before.getText(), fixed, action));
  // Minimal edits: each replaces at most a line break (a suppression line), never the document re-written.
  for (const e of edits.filter((e) => e.range.end.line - e.range.start.line > 1))
    problems.push(`an edit replaces lines ${e.range.start.line} to ${e.range.end.line}`);
  const syntax = after.filter((d) => String(d.code).startsWith('yaml.'));
  if (syntax.length) problems.push(`does not parse: ${syntax.map(key).join('; ')}`);
  const was = counts(beforeDiagnostics.map(key));
  const now = counts(after.map(key));
  const fixedCounts = counts((action.diagnostics ?? []).map(key));
  for (const [k, n] of fixedCounts) {
    if ((now.get(k) ?? 0) <= (was.get(k) ?? 0) - n) continue;
    const reminder = after.find((d) => key(d) === k && REMINDERS.has(String(d.code)));
    if (!reminder) problems.push(`still reported: ${k}`);
    else if ((reminder.data as DiagnosticData | undefined)?.fix) problems.push(`still reported with its fix: ${k}`);
  }
  const errorsWere = counts(beforeDiagnostics.filter((d) => d.severity === ERROR).map(key));
  const newErrors = counts(after.filter((d) => d.severity === ERROR).map(key));
  for (const [k, n] of newErrors) {
    if (n > (errorsWere.get(k) ?? 0)) problems.push(`new error: ${k}`);
  }
  return problems;
}

interface Tally {
  actions: number;
  throughServer: number;
  documents: number;
  byKind: Map<string, number>;
}

/** What an action fixes, for the tally: the code of its (first) diagnostic, or its source kind. */
function kindOf(action: CodeAction): string {
  if (action.kind !== 'quickfix') return String(action.kind);
  return String(action.diagnostics?.[0]?.code ?? 'quickfix');
}

/**
 * Open `text`, gather every action offered (a quick-fix per diagnostic, those for the diagnostics sharing a
 * range as an editor sends them, and the source actions), and apply each to the text.
 */
async function checkDocument(
  client: TestClient,
  uri: string,
  text: string,
  findings: readonly string[],
  rnd: Random,
  tally: Tally,
): Promise<string[]> {
  const problems: string[] = [];
  const diagnostics = await client.open(uri, text);
  assert.deepEqual(sorted(diagnostics), sorted(engineDiagnostics(text)), 'the server reports what the engine finds');
  assert.deepEqual(sorted(diagnostics, finding), findings, 'the layout changes no finding of the broken text');
  const byRange = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const id = JSON.stringify(d.range);
    byRange.set(id, [...(byRange.get(id) ?? []), d]);
  }
  const origin = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const requests = [
    ...diagnostics.map((d) => client.codeActions(uri, d.range, { diagnostics: [d], only: ['quickfix'] })),
    ...[...byRange.values()]
      .filter((g) => g.length > 1)
      .map((g) => client.codeActions(uri, g[0].range, { diagnostics: g, only: ['quickfix'] })),
    client.codeActions(uri, origin, { diagnostics: [], only: [CodeActionKinds.addMissing, CodeActionKinds.fixAll] }),
  ];
  const seen = new Set<string>();
  const actions = (await Promise.all(requests)).flat().filter((a) => {
    const id = JSON.stringify([a.title, a.edit]);
    return !seen.has(id) && Boolean(seen.add(id));
  });
  const before = TextDocument.create(uri, 'gpai-yaml', 1, text);
  for (const action of actions) {
    const edits = action.edit?.changes?.[uri] ?? [];
    const where = `"${action.title}" (${action.diagnostics?.map((d) => d.code).join(', ')})`;
    if (!edits.length) {
      problems.push(`${where}: no edit`);
      continue;
    }
    let fixed: string;
    try {
      fixed = TextDocument.applyEdits(before, edits);
    } catch (e) {
      problems.push(`${where}: the edits do not apply: ${String(e)}`);
      continue;
    }
    const after = engineDiagnostics(fixed);
    problems.push(...actionProblems(before, diagnostics, action, edits, fixed, after).map((p) => `${where}: ${p}`));
    tally.actions++;
    tally.byKind.set(kindOf(action), (tally.byKind.get(kindOf(action)) ?? 0) + 1);
    if (rnd.chance(THROUGH_SERVER)) {
      tally.throughServer++;
      const published = await client.apply(uri, action);
      assert.equal(client.text(uri), fixed);
      assert.deepEqual(
        sorted(published),
        sorted(after),
        `${where}: the server, after the edit, reports what the engine finds`,
      );
      const end = client.text(uri).length;
      const now = TextDocument.create(uri, 'gpai-yaml', 1, client.text(uri));
      const version = await client.change(uri, [
        { range: { start: now.positionAt(0), end: now.positionAt(end) }, newText: text },
      ]);
      assert.deepEqual(
        sorted((await client.diagnostics(uri, version)).diagnostics),
        sorted(diagnostics),
        `${where}: undone`,
      );
    }
  }
  await client.close(uri);
  tally.documents++;
  return problems;
}

describe('robustness: every fix is safe on the examples in every layout', function () {
  this.timeout(120_000);
  let client: TestClient;
  const tally: Tally = { actions: 0, throughServer: 0, documents: 0, byKind: new Map() };
  let started = 0;

  before(async () => {
    started = Date.now();
    client = await TestClient.start({ delayMs: 0 });
  });
  after(() => {
    client?.dispose();
    const kinds = [...tally.byKind]
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    console.log(
      `\n      fix safety: ${tally.actions} fixes applied and checked (${tally.throughServer} through the server) on ${tally.documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s: ${kinds}`,
    );
  });

  it('rewrites each example in every layout without changing what it says or what is found', () => {
    for (const [e, name] of EXAMPLES.entries()) {
      const text = example(name);
      const findings = sorted(engineDiagnostics(text), finding);
      const data = withoutFinalBreaks(parseDocument(text).toJS());
      for (const [l, [layoutName, layout]] of LAYOUTS.entries()) {
        const variant = relayout(text, layout, new Random(documentSeed(SEED, e * 100 + l)));
        const where = `${name} ${layoutName}`;
        assert.deepEqual(withoutFinalBreaks(parseDocument(variant).toJS()), data, `${where}: says the same`);
        assert.deepEqual(sorted(engineDiagnostics(variant), finding), findings, `${where}: the same findings`);
        assertLayout(text, variant, layout, where);
      }
    }
  });

  EXAMPLES.forEach((name, e) => {
    it(`applies every fix offered on ${name}, broken ${BREAKAGES.length} ways, in ${LAYOUTS.length} layouts`, async () => {
      const problems: string[] = [];
      const original = example(name);
      for (const [b, breakage] of BREAKAGES.entries()) {
        const broken = breakage.apply(original, new Random(documentSeed(SEED, 1000 + e * 100 + b)));
        assert.notEqual(broken, original, `${name}: ${breakage.name} changes nothing`);
        const findings = sorted(engineDiagnostics(broken), finding);
        for (const [l, [layoutName, layout]] of LAYOUTS.entries()) {
          const seed = documentSeed(SEED, 100_000 + e * 10_000 + b * 100 + l);
          const rnd = new Random(seed);
          const text = relayout(broken, layout, rnd);
          const uri = `file:///fix-safety/${name.replace('.gpai.yaml', '')}-${b}-${l}.gpai.yaml`;
          const found = await checkDocument(client, uri, text, findings, rnd, tally);
          problems.push(...found.map((p) => `${name}, ${breakage.name}, ${layoutName} (seed ${seed}): ${p}`));
        }
      }
      assert.deepEqual(problems, []);
    });
  });

  it('applied enough fixes to mean something', () => {
    assert.ok(tally.actions > 1000, `${tally.actions} fixes applied`);
    assert.ok(tally.throughServer > 50, `${tally.throughServer} applied through the server`);
    for (const kind of [
      'missing.item',
      'missing.section',
      'key.unknown',
      'consistency.derived-value',
      'systemic-risk.presumed',
      'link.insecure',
      'format.version',
      'precision.unit',
      'precision.order-of-magnitude',
      'suppression.unused',
      CodeActionKinds.addMissing,
      CodeActionKinds.fixAll,
    ]) {
      assert.ok((tally.byKind.get(kind) ?? 0) > 0, `no ${kind} fix applied`);
    }
  });
});

/** Data with the final line break of every string dropped: the `|` style adds one to prose, which says nothing. */
function withoutFinalBreaks(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\n$/, '');
  if (Array.isArray(value)) return value.map(withoutFinalBreaks);
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutFinalBreaks(v)]));
  return value;
}

/** The variant has the layout asked for: markers once each, 4-space steps, flow mappings, CRLF. */
function assertLayout(text: string, variant: string, layout: Layout, where: string): void {
  const markers = [...variant.matchAll(MARKER)].map((m) => m[0]);
  assert.equal(new Set(markers).size, markers.length, `${where}: every marker once`);
  if (layout.comments) {
    assert.ok(markers.some((m) => m.includes('keep')) && markers.some((m) => m.includes('note')), `${where}: markers`);
  } else {
    assert.equal(markers.length, 0, where);
  }
  if (layout.indent4) assert.match(variant, /\n {4}[a-z_]+:/, `${where}: 4 spaces`);
  if (layout.flow) assert.ok(variant.split('{').length > text.split('{').length, `${where}: flow mappings`);
  if (layout.crlf) assert.doesNotMatch(variant, /(?<!\r)\n/, `${where}: CRLF`);
  else assert.ok(!variant.includes('\r'), where);
}
