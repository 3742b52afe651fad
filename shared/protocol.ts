/**
 * The custom requests between the gpai-docs client and server, typed once with their direction. Both sides
 * import these constants; nothing else names a `gpaiDocs/...` method.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import { Requests } from './names';
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

/** Client -> server: classification, coverage and problem counts of every `.gpai.yaml` the client read. */
export const WorkspaceSummaryRequest = new RequestType<
  { readonly files: readonly FileText[] },
  WorkspaceFileSummary[],
  void
>(Requests.workspaceSummary);

/** Client -> server: the text of a new documentation file for a kind of model, from the catalogue's key tree. */
export const NewFileTemplateRequest = new RequestType<TemplateOptions, { readonly text: string }, void>(
  Requests.newFileTemplate,
);

//#endregion
