/**
 * The custom requests between the gpai-docs client and server, typed once with their direction. Both sides
 * import these constants; nothing else names a `gpaiDocs/...` method.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { Notifications, Requests } from './names';
import type { ChangeAudience, DocumentChanges } from './changes';
import type { CoverageReport, PreviewModel, TemplateOptions, WorkspaceFileSummary } from './types';

/** Names one open document. */
export interface DocumentParams {
  readonly uri: string;
}

//#region Client -> server

/** Client -> server: the coverage tree of one open document; `null` if the server does not have it open. */
export const CoverageRequest = new RequestType<DocumentParams, CoverageReport | null, void>(Requests.coverage);

/** Client -> server: the preview model of one open document; `null` if the server does not have it open. */
export const PreviewRequest = new RequestType<DocumentParams, PreviewModel | null, void>(Requests.preview);

/** A file's text as the client read it (open or not): the server needs no file system. */
export interface FileText {
  readonly uri: string;
  readonly text: string;
}

/**
 * Client -> server: classification, coverage and problem counts of every workspace file the client sent with
 * WorkspaceFilesNotification, an open document's as the editor holds it. Each file is summarised once per
 * version of its text, in the background between other requests; the answer waits for the summaries due.
 */
export const WorkspaceSummaryRequest = new RequestType0<WorkspaceFileSummary[], void>(Requests.workspaceSummary);

/**
 * Client -> server: the `.gpai-docs.json` files of the workspace as last saved, all of them each time (a
 * file absent from the list no longer exists). The nearest one above a document sets its severities.
 */
export const ConfigFilesNotification = new NotificationType<ConfigFilesParams>(Notifications.configFiles);

export interface ConfigFilesParams {
  readonly files: readonly FileText[];
}

/**
 * Client -> server: the `.gpai-docs.json` files sent as `initializationOptions`, so that the first check of a
 * document already applies them.
 */
export interface InitializationOptions {
  readonly configFiles?: readonly FileText[];
}

/**
 * Client -> server: the Workspace view's `.gpai.yaml` files whose text changed since the client last sent
 * them (listed, created, changed on disk, saved), and those deleted. Never sent as the writer types: the
 * server has open documents' text from the editor.
 */
export const WorkspaceFilesNotification = new NotificationType<WorkspaceFilesParams>(Notifications.workspaceFiles);

export interface WorkspaceFilesParams {
  readonly changed: readonly FileText[];
  readonly deleted: readonly string[];
}

/**
 * Client -> server: an open document's text as last committed (git HEAD), which the client reads through VS
 * Code's git extension in a trusted workspace; `text: null` when there is none (no repository, a file not yet
 * committed). The server, which runs no git, then also checks the document against it (`version.unchanged`,
 * `history.removed`). Sent when a document opens and when the repository's HEAD moves.
 */
export const PreviousVersionNotification = new NotificationType<PreviousVersionParams>(Notifications.previousVersion);

export interface PreviousVersionParams {
  readonly uri: string;
  readonly text: string | null;
  /** How messages name it: "HEAD", "the last commit". */
  readonly label: string;
}

/**
 * Client -> server: what changed from an earlier text of an open document (a git revision, another file) to
 * the document as the editor holds it, for everyone or one audience; `null` if the server does not have it open.
 */
export const DiffRequest = new RequestType<DiffParams, DocumentChanges | null, void>(Requests.diff);

export interface DiffParams {
  readonly uri: string;
  /** The earlier version's text. */
  readonly text: string;
  readonly audience?: ChangeAudience;
}

/** Client -> server: the text of a new documentation file for a kind of model, from the catalogue's key tree. */
export const NewFileTemplateRequest = new RequestType<TemplateOptions, { readonly text: string }, void>(
  Requests.newFileTemplate,
);

//#endregion
