/**
 * Fault isolation: a rule that throws is caught, logged once to the output channel (the server's console)
 * and the other rules still report; a request for a document the server does not have, a setting of the
 * wrong type and a malformed `.gpai-docs.json` get a clear answer and crash nothing.
 */
import * as assert from 'node:assert/strict';
import {
  CodeActionRequest,
  CodeLensRequest,
  CompletionRequest,
  DocumentLinkRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  LogMessageNotification,
  MessageType,
  type LogMessageParams,
} from 'vscode-languageserver-protocol/node';
import { Requests } from '../../shared/names';
import { parseSettingsFile, rules, type Code, type Rule } from '../../server/src/engine';
import { getDiagnostics, parseGpai } from '../helpers/engine';
import { TODAY } from '../helpers/diagnostics';
import { edit, example } from '../helpers/text';
import { TestClient } from '../server/client';

const URI = 'file:///work/model.gpai.yaml';
const OTHER = 'file:///work/other.gpai.yaml';

const throwing: Rule<Code> = {
  name: 'explodes',
  codes: [],
  check() {
    throw new Error('boom');
  },
};

/** A rule whose finding throws when read: the failure happens outside the rule's own guard. */
const poisoned: Rule<Code> = {
  name: 'poisoned',
  codes: [],
  check: () => [
    Object.defineProperty({}, 'code', {
      get: () => {
        throw new Error('poisoned finding');
      },
    }) as never,
  ],
};

const codesOf = (diagnostics: readonly { code?: string | number }[]) => diagnostics.map((d) => String(d.code)).sort();

/** The client's output channel: every window/logMessage the server sent. */
function logsOf(client: TestClient): LogMessageParams[] {
  const logs: LogMessageParams[] = [];
  client.connection.onNotification(LogMessageNotification.method, (p: LogMessageParams) => {
    logs.push(p);
  });
  return logs;
}

describe('robustness: fault isolation', () => {
  const broken = edit(example('kestrel-13b.gpai.yaml'), 'training_compute: 3.1e23', 'training_compute: 3.8e25');

  it('catches a rule that throws in the engine: one rule.failed, the other rules report as without it', () => {
    const doc = parseGpai(broken);
    const normal = getDiagnostics(doc, { today: TODAY });
    const withFailure = getDiagnostics(doc, {
      today: TODAY,
      rules: [...rules.slice(0, 3), throwing, ...rules.slice(3)],
    });
    assert.deepEqual(withFailure.failures, [{ rule: 'explodes', message: 'boom' }]);
    assert.deepEqual(codesOf(withFailure.diagnostics), codesOf([...normal.diagnostics, { code: 'rule.failed' }]));
    assert.ok(codesOf(normal.diagnostics).includes('systemic-risk.presumed'));
  });

  describe('over the protocol', () => {
    let client: TestClient;
    afterEach(() => client.dispose());

    it('logs a rule that throws once to the output channel, however many versions repeat it; the other rules still report', async () => {
      client = await TestClient.start({ rules: [throwing, ...rules] });
      const logs = logsOf(client);
      const first = await client.open(URI, broken);
      assert.ok(
        codesOf(first).includes('rule.failed') && codesOf(first).includes('systemic-risk.presumed'),
        codesOf(first).join(', '),
      );
      for (const text of [`${broken}# one\n`, `${broken}# two\n`]) {
        const version = await client.change(URI, [
          { range: { start: { line: 0, character: 0 }, end: { line: 9999, character: 0 } }, newText: text },
        ]);
        assert.ok(codesOf((await client.diagnostics(URI, version)).diagnostics).includes('rule.failed'));
      }
      const errors = logs.filter((l) => l.type === MessageType.Error);
      assert.deepEqual(
        errors.map((l) => l.message),
        [`gpai-docs: the check explodes failed on ${URI}: boom`],
      );
    });

    it("logs a failure outside the rules' guard once and goes on serving that document and others", async () => {
      client = await TestClient.start({ rules: [poisoned, ...rules] });
      const logs = logsOf(client);
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: URI, languageId: 'gpai-yaml', version: 1, text: broken },
      });
      await waitFor(() => logs.some((l) => l.type === MessageType.Error), 'the error logged');
      assert.match(
        logs.find((l) => l.type === MessageType.Error)!.message,
        /checking file:\/\/\/work\/model\.gpai\.yaml failed: Error: poisoned finding/,
      );
      const published = await client.diagnostics(URI, 1);
      assert.deepEqual(
        published.diagnostics.map((d) => [d.code, d.range.start.line]),
        [['rule.failed', 0]],
      );
      assert.match(String(published.diagnostics[0].message), /could not check this file \(poisoned finding\)/);
      assert.ok(await client.hover(URI, { line: 20, character: 4 }));
      const other = await client.open(OTHER, 'gpai: 1\n');
      assert.deepEqual(codesOf(other), ['rule.failed']);
      assert.equal(logs.filter((l) => l.type === MessageType.Error).length, 2, 'once for each document');
    });

    it('answers every request about a document it does not have with nothing, and no error', async () => {
      client = await TestClient.start();
      const textDocument = { uri: 'file:///nowhere/unknown.gpai.yaml' };
      const position = { line: 3, character: 2 };
      const range = { start: position, end: position };
      const { connection } = client;
      const answers = await Promise.all([
        connection.sendRequest(HoverRequest.type, { textDocument, position }),
        connection.sendRequest(CompletionRequest.type, { textDocument, position }),
        connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }),
        connection.sendRequest(DocumentSymbolRequest.type, { textDocument }),
        connection.sendRequest(FoldingRangeRequest.type, { textDocument }),
        connection.sendRequest(DocumentLinkRequest.type, { textDocument }),
        connection.sendRequest(CodeLensRequest.type, { textDocument }),
        connection.sendRequest(Requests.preview, { uri: textDocument.uri }),
        connection.sendRequest(Requests.coverage, { uri: textDocument.uri }),
      ]);
      assert.deepEqual(
        answers,
        answers.map(() => null),
      );
      assert.deepEqual(await client.open(URI, example('kestrel-13b.gpai.yaml')), []);
    });

    for (const [name, settings, expected] of [
      ['a string instead of an object', 'error', /the settings must be a JSON object/],
      ['a list as the severities', { severity: ['missing.item'] }, /"severity" must be an object/],
      [
        'a number as a severity, and a code that does not exist',
        { severity: { 'missing.item': 3, 'no.such-code': 'error' } },
        /"severity\.missing\.item" is 3; use one of error, warning, information, hint, off/,
      ],
    ] as const) {
      it(`warns in plain words of a setting of the wrong type (${name}) and checks with the defaults`, async () => {
        client = await TestClient.start({ settings });
        const logs = logsOf(client);
        const found = await client.open(URI, broken);
        assert.deepEqual(codesOf(found), codesOf(getDiagnostics(parseGpai(broken), { today: TODAY }).diagnostics));
        const warnings = logs.filter((l) => l.type === MessageType.Warning).map((l) => l.message);
        assert.ok(
          warnings.some((w) => expected.test(w)),
          warnings.join('\n'),
        );
      });
    }
  });

  it('reads a malformed .gpai-docs.json as the defaults, saying what is wrong', () => {
    for (const [text, expected] of [
      ['{"severity": ', /it is not valid JSON/],
      ['\uFEFF["missing.item"]', /the settings must be a JSON object/],
      ['{"severity": {"missing.item": "loud"}, "colour": 1}', /"severity\.missing\.item" is "loud"/],
      ['\0\0\0', /it is not valid JSON/],
    ] as const) {
      const { settings, problems } = parseSettingsFile(text);
      assert.deepEqual(settings, { severity: {} });
      assert.ok(
        problems.some((p) => expected.test(p)),
        problems.join('; '),
      );
    }
  });
});

/** Polls `test` until it holds, with a deadline: never a fixed pause. */
async function waitFor(test: () => boolean, what: string, deadlineMs = 10_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!test()) {
    if (Date.now() > until) throw new Error(`no ${what} within ${deadlineMs} ms`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
