/**
 * GPAI Docs: Compare with Version…: the active (or previewed) file against an earlier version, a tag or recent
 * commit of its git repository (through VS Code's git extension) or another file. The version picked becomes
 * the file's baseline (baselines.ts), and the preview opens beside the editor with its "Changes since
 * <version>" toggle on: the changed items marked on the form, for the audience the preview shows.
 */
import * as vscode from 'vscode';
import { Commands, LANGUAGE_ID } from '../../shared/names';
import type { Baselines } from './baselines';
import { gitApi, TAG, type GitRepository } from './git';

/** How many recent commits of the file are offered. */
const COMMITS = 20;

interface Earlier {
  readonly text: string;
  readonly label: string;
}

interface SourcePick extends vscode.QuickPickItem {
  readonly read: () => Promise<Earlier | undefined>;
}

/** Where the comparison is shown: the preview, with the changes since the file's baseline marked. */
export interface ComparisonView {
  readonly currentUri: vscode.Uri | undefined;
  showChanges(uri: vscode.Uri): void;
}

export function registerCompare(baselines: Pick<Baselines, 'pick'>, view: ComparisonView): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Commands.compareWithVersion, async (arg?: unknown) => {
      const uri = arg instanceof vscode.Uri ? arg : (activeDocument() ?? view.currentUri);
      if (!uri) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('Open a .gpai.yaml file to compare it with an earlier version.'),
        );
        return;
      }
      const picked = await vscode.window.showQuickPick(await sources(uri), {
        placeHolder: vscode.l10n.t('Compare with which version?'),
      });
      const earlier = await picked?.read();
      if (!earlier) return;
      baselines.pick(uri, earlier.text, earlier.label);
      view.showChanges(uri);
    }),
  );
}

function activeDocument(): vscode.Uri | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

/** The file's tags and recent commits when it is in a git repository, then "another file". */
async function sources(uri: vscode.Uri): Promise<SourcePick[]> {
  const api = uri.scheme === 'file' ? await gitApi() : undefined;
  const repository = api?.getRepository(uri) ?? undefined;
  const picks: SourcePick[] = repository ? await revisions(repository, uri) : [];
  picks.push({
    label: `$(file) ${vscode.l10n.t('Another file…')}`,
    read: async () => {
      const [file] =
        (await vscode.window.showOpenDialog({
          canSelectMany: false,
          filters: { [vscode.l10n.t('GPAI documentation')]: ['yaml'] },
        })) ?? [];
      if (!file) return undefined;
      const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
      return { text, label: vscode.workspace.asRelativePath(file) };
    },
  });
  return picks;
}

async function revisions(repository: GitRepository, uri: vscode.Uri): Promise<SourcePick[]> {
  const read = (ref: string, label: string) => async (): Promise<Earlier | undefined> => {
    try {
      return { text: await repository.show(ref, uri.fsPath), label };
    } catch {
      void vscode.window.showErrorMessage(vscode.l10n.t('The file is not in revision {0}.', label));
      return undefined;
    }
  };
  const refs = repository.getRefs
    ? await repository.getRefs({ pattern: 'refs/tags' }).catch(() => [])
    : repository.state.refs;
  const tags = refs
    .filter((r) => r.type === TAG && r.name)
    .map((r) => r.name!)
    .sort((a, b) => b.localeCompare(a, undefined, { numeric: true }))
    .map((name): SourcePick => ({
      label: `$(tag) ${name}`,
      description: vscode.l10n.t('tag'),
      read: read(name, name),
    }));
  const commits = await repository.log({ maxEntries: COMMITS, path: uri.fsPath }).catch(() => []);
  const recent = commits.map((c): SourcePick => ({
    label: `$(git-commit) ${c.hash.slice(0, 7)}`,
    description: c.message.split('\n')[0],
    detail: c.authorDate?.toLocaleDateString(),
    read: read(c.hash, c.hash.slice(0, 7)),
  }));
  return [...tags, ...recent];
}
