/**
 * "Explain": what the Code of Practice asks at the cursor, from the server's hover for that position,
 * shown as a Markdown preview beside the editor (a read-only virtual document, so nothing asks to be saved).
 */
import * as vscode from 'vscode';
import { EXPLAIN_SCHEME, LANGUAGE_ID } from '../../shared/names';

/** Read-only Markdown documents under EXPLAIN_SCHEME, one per explained key. */
class ExplanationDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface Explainer extends vscode.Disposable {
  explainAtCursor(): Promise<void>;
}

export function createExplainer(): Explainer {
  const documents = new ExplanationDocuments();
  const registration = vscode.workspace.registerTextDocumentContentProvider(EXPLAIN_SCHEME, documents);
  return {
    dispose: () => vscode.Disposable.from(registration, documents).dispose(),
    explainAtCursor: async () => {
      const editor = vscode.window.activeTextEditor;
      if (editor?.document.languageId !== LANGUAGE_ID) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Open a .gpai.yaml file and put the cursor on a key to explain it.'),
        );
        return;
      }
      const position = editor.selection.active;
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        editor.document.uri,
        position,
      );
      const markdown = (hovers ?? [])
        .flatMap((h) => h.contents)
        .map(text)
        .filter(Boolean)
        .join('\n\n---\n\n');
      if (!markdown) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Nothing to explain here: put the cursor on a key of the documentation.'),
        );
        return;
      }
      const range = editor.document.getWordRangeAtPosition(position, /[\w.-]+/);
      const key = range ? editor.document.getText(range) : 'explanation';
      const uri = vscode.Uri.from({ scheme: EXPLAIN_SCHEME, path: `/${key}.md` });
      documents.set(uri, `# ${vscode.l10n.t('GPAI Docs: {0}', key)}\n\n${markdown}\n`);
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      } catch {
        // The built-in Markdown extension is disabled: show the source instead.
        await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), {
          viewColumn: vscode.ViewColumn.Beside,
          preview: true,
        });
      }
    },
  };
}

function text(content: vscode.MarkdownString | vscode.MarkedString): string {
  if (typeof content === 'string') return content;
  return 'language' in content ? `\`\`\`${content.language}\n${content.value}\n\`\`\`` : content.value;
}
