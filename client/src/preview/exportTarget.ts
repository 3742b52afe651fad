/**
 * Where an export goes by default: `exports/` at the root of the workspace folder holding the file (a folder
 * the writer can keep out of version control), named after the file, the audience and the format; beside the
 * file when it is in no workspace folder. Pure, on URI paths, so that it is the same on every platform.
 */

export type ExportFormat = 'html' | 'md' | 'pdf' | 'docx';

/** The folder an export goes to by default. */
export const EXPORTS_FOLDER = 'exports';

/** `…/kestrel-13b.gpai.yaml` -> `kestrel-13b.downstream.html`. */
export function exportFileName(sourcePath: string, audience: string, format: ExportFormat): string {
  const base = (sourcePath.split('/').pop() ?? '').replace(/\.gpai\.ya?ml$/i, '').replace(/\.ya?ml$/i, '');
  return `${base || 'model-documentation'}.${audience}.${format}`;
}

/**
 * The default folder's path: `<workspace folder>/exports` when the file is in one (`workspaceFolderPath`),
 * else the file's own folder; undefined for a file that has no folder (an untitled one outside any workspace).
 */
export function exportFolderPath(
  sourcePath: string | undefined,
  workspaceFolderPath: string | undefined,
): string | undefined {
  if (workspaceFolderPath !== undefined) return `${workspaceFolderPath.replace(/\/+$/, '')}/${EXPORTS_FOLDER}`;
  if (!sourcePath?.includes('/')) return undefined;
  return sourcePath.replace(/\/[^/]*$/, '') || '/';
}
