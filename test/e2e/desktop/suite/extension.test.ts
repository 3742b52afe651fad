/**
 * gpai-docs seen from inside VS Code: activation, language, commands, and the language server's features
 * through the editor API (diagnostics, hover, quick-fix, the custom requests behind the views). Each test
 * awaits the events it needs, with a deadline; none sleeps.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../../../shared/names';

const EXTENSION_ID = 'gpai-docs.gpai-docs';

/** Resolves once `read()` passes `accept`, re-reading on each `event`; rejects after `timeoutMs`. */
function until<T>(
  event: vscode.Event<unknown>,
  read: () => T,
  accept: (value: T) => boolean,
  timeoutMs = 30000,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const value = read();
      if (!accept(value)) return false;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
      return true;
    };
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`not reached within ${timeoutMs} ms; last value: ${JSON.stringify(read()).slice(0, 300)}`));
    }, timeoutMs);
    const listener = event(() => check());
    check();
  });
}

async function openExample(name: string): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite runs with a copy of examples/ as its workspace');
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, name));
  return vscode.window.showTextDocument(document);
}

/** An unsaved gpai-yaml document with `text`. */
async function draft(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(document);
  return document;
}

describe('gpai-docs in the extension host', function () {
  it('gives *.gpai.yaml files the gpai-yaml language and activates on it', async function () {
    const editor = await openExample('kestrel-13b.gpai.yaml');
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is loaded`);
    await extension.activate();
    assert.ok(extension.isActive);
  });

  it('registers every command of shared/names.ts', async function () {
    const all = new Set(await vscode.commands.getCommands(true));
    const missing = Object.values(Commands).filter((c) => !all.has(c));
    assert.deepEqual(missing, []);
  });

  it('reports the missing items of an incomplete file', async function () {
    const document = await draft('gpai: 1\nclassification:\n  systemic_risk: none\n  open_source_exemption: false\n');
    const diagnostics = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(document.uri),
      (d) => d.length > 0,
    );
    assert.ok(
      diagnostics.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('missing.')),
      diagnostics.map((d) => d.code).join(', '),
    );
    assert.ok(diagnostics.every((d) => d.source === 'gpai-docs'));
  });

  it('offers a quick-fix that adds a missing key', async function () {
    const document = await draft(
      'gpai: 1\nclassification:\n  systemic_risk: none\n  open_source_exemption: false\ngeneral_information:\n  model_name: X\n',
    );
    const diagnostics = await until(
      vscode.languages.onDidChangeDiagnostics,
      () => vscode.languages.getDiagnostics(document.uri),
      (d) => d.some((x) => /provider_legal_name/.test(x.message)),
    );
    const target = diagnostics.find((x) => /provider_legal_name/.test(x.message))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions.find((a) => /Legal name/i.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(document.getText(), /^ {2}provider_legal_name:/m);
  });

  it('hovers a key with its form item and the Code measure', async function () {
    const editor = await openExample('kestrel-13b.gpai.yaml');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('  training_compute:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, 4),
    );
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value))
      .join('\n');
    assert.match(text, /Form 7\.4/);
    assert.match(text, /Transparency Measure 1\.1/);
  });

  it('shows the coverage view and explains the key under the cursor without errors', async function () {
    const editor = await openExample('kestrel-13b.gpai.yaml');
    editor.selection = new vscode.Selection(21, 4, 21, 4);
    await vscode.commands.executeCommand(Commands.showCoverage);
    await vscode.commands.executeCommand(Commands.explain);
  });

  it('restarts the language server on command, which then answers again', async function () {
    await vscode.commands.executeCommand(Commands.restartServer);
    const editor = await openExample('kestrel-13b.gpai.yaml');
    const line = editor.document
      .getText()
      .split('\n')
      .findIndex((l) => l.startsWith('  training_compute:'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      new vscode.Position(line, 4),
    );
    assert.ok(hovers.length > 0);
  });

  it('applies a .gpai-docs.json saved while a file is open, and forgets it once deleted', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const example = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'kestrel-13b.gpai.yaml'));
    const draftText = new TextDecoder().decode(example).replace(/^ {2}training_compute: .*\n/m, '');
    const draft = vscode.Uri.joinPath(folder, 'drafts', 'config-draft.gpai.yaml');
    const config = vscode.Uri.joinPath(folder, 'drafts', '.gpai-docs.json');
    await vscode.workspace.fs.writeFile(draft, new TextEncoder().encode(draftText));
    const document = await vscode.workspace.openTextDocument(draft);
    await vscode.window.showTextDocument(document);
    const missing = () =>
      vscode.languages
        .getDiagnostics(draft)
        .filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'missing.item');
    await until(vscode.languages.onDidChangeDiagnostics, missing, (d) => d.length === 1);
    try {
      await vscode.workspace.fs.writeFile(
        config,
        new TextEncoder().encode('// drafts\n{ "severity": { "missing.item": "off" } }\n'),
      );
      await until(vscode.languages.onDidChangeDiagnostics, missing, (d) => d.length === 0);
      await vscode.workspace.fs.delete(config);
      await until(vscode.languages.onDidChangeDiagnostics, missing, (d) => d.length === 1);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, 'drafts'), { recursive: true });
    }
  });
});
