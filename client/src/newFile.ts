/**
 * "New Documentation File": asks what kind of model it is (systemic risk, open-source exemption,
 * modification of another model), where the provider is established and whether it signed the Code, its
 * name and the file name, then writes the server's template for that kind next to the active file (or at the
 * workspace root) and opens it. Without a folder it opens an untitled document.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../../shared/names';
import type { TemplateOptions } from '../../shared/types';

export type TemplateSource = (options: TemplateOptions) => Promise<string>;

interface Choice<T> extends vscode.QuickPickItem {
  readonly value: T;
}

const STEPS = 7;

export async function newDocumentationFile(template: TemplateSource): Promise<vscode.Uri | undefined> {
  const t = vscode.l10n.t;
  const systemicRisk = await pick<TemplateOptions['systemicRisk']>(1, t('Does the model have systemic risk?'), [
    { label: t('No systemic risk'), detail: t('The Transparency and Copyright chapters apply.'), value: 'none' },
    {
      label: t('Systemic risk, presumed from its training compute'),
      detail: t('AI Act Art. 51(2): the Safety and Security chapter applies too.'),
      value: 'presumed',
    },
    {
      label: t('Systemic risk, designated by the Commission'),
      detail: t('AI Act Art. 51(1)(b): the Safety and Security chapter applies too.'),
      value: 'designated',
    },
  ]);
  if (!systemicRisk) return undefined;
  const openSourceExemption =
    systemicRisk === 'none'
      ? await yesNo(
          2,
          t('Is the model released under a free and open-source licence, claiming the exemption of AI Act Art. 53(2)?'),
        )
      : false;
  if (openSourceExemption === undefined) return undefined;
  const modification = await yesNo(3, t("Does the model modify or fine-tune another provider's model?"));
  if (modification === undefined) return undefined;
  const establishment = await pick<TemplateOptions['establishment']>(4, t('Where is the provider established?'), [
    { label: t('In the European Union'), value: 'union' },
    {
      label: t('Outside the European Union'),
      detail: t('AI Act Art. 54: an authorised representative in the Union, appointed before placement.'),
      value: 'outside-union',
    },
  ]);
  if (!establishment) return undefined;
  const signatory = await pick<TemplateOptions['signatory']>(5, t('Did the provider sign the Code of Practice?'), [
    { label: t('Yes, every chapter that applies to the model'), value: 'all' },
    {
      label: t('Some chapters, or none'),
      detail: t('AI Act Art. 53(4), 55(2): describe the adequate alternative means for the others.'),
      value: 'some-or-none',
    },
  ]);
  if (!signatory) return undefined;
  const modelName = await vscode.window.showInputBox({
    title: title(6),
    prompt: t("The model's name, as published (you can leave it empty)."),
    placeHolder: t('e.g. Kestrel-13B'),
    ignoreFocusOut: true,
  });
  if (modelName === undefined) return undefined;
  const text = await template({
    systemicRisk,
    openSourceExemption,
    modification,
    establishment,
    signatory,
    ...(modelName.trim() ? { modelName: modelName.trim() } : {}),
  });
  const folder = targetFolder();
  if (!folder) {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
    await vscode.window.showTextDocument(document);
    return document.uri;
  }
  const uri = await askFileName(folder, fileNameFor(modelName));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  await vscode.window.showTextDocument(uri);
  return uri;
}

function title(step: number): string {
  return vscode.l10n.t('New GPAI Documentation File ({0}/{1})', step, STEPS);
}

async function pick<T>(step: number, placeHolder: string, items: Choice<T>[]): Promise<T | undefined> {
  const chosen = await vscode.window.showQuickPick(items, { title: title(step), placeHolder, ignoreFocusOut: true });
  return chosen?.value;
}

function yesNo(step: number, question: string): Promise<boolean | undefined> {
  return pick(step, question, [
    { label: vscode.l10n.t('No'), value: false },
    { label: vscode.l10n.t('Yes'), value: true },
  ]);
}

/** The folder of the active file when it is in the workspace, else the first workspace folder. */
function targetFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active && vscode.workspace.getWorkspaceFolder(active)) return vscode.Uri.joinPath(active, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** `Kestrel 13B (beta)` -> `kestrel-13b-beta.gpai.yaml`. */
export function fileNameFor(modelName: string): string {
  const slug = modelName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return `${slug || 'model'}.gpai.yaml`;
}

async function askFileName(folder: vscode.Uri, suggested: string): Promise<vscode.Uri | undefined> {
  const exists = async (name: string) => {
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, name));
      return true;
    } catch {
      return false;
    }
  };
  let value = suggested;
  for (let n = 2; await exists(value); n++) value = suggested.replace(/\.gpai\.yaml$/, `-${n}.gpai.yaml`);
  const name = await vscode.window.showInputBox({
    title: title(7),
    prompt: vscode.l10n.t('File name, in {0}', vscode.workspace.asRelativePath(folder, true)),
    value,
    valueSelection: [0, value.length - '.gpai.yaml'.length],
    ignoreFocusOut: true,
    validateInput: async (input) => {
      if (!/^[^/\\]+\.gpai\.yaml$/.test(input.trim()))
        return vscode.l10n.t('The name must end in .gpai.yaml and contain no folder.');
      return (await exists(input.trim())) ? vscode.l10n.t('{0} exists already.', input.trim()) : undefined;
    },
  });
  return name === undefined ? undefined : vscode.Uri.joinPath(folder, name.trim());
}
