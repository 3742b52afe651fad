/**
 * The custom requests between the gpai-docs client and server, typed once with their direction. Both sides
 * import these constants; nothing else names a `gpaiDocs/...` method.
 */
import { RequestType } from 'vscode-languageserver-protocol';
import { Requests } from './names';
import type { CoverageReport, PreviewModel } from './types';

/** Names one open document. */
export interface DocumentParams {
  readonly uri: string;
}

//#region Client -> server

/** Client -> server: the coverage tree of one open document; `null` if the server does not have it open. */
export const CoverageRequest = new RequestType<DocumentParams, CoverageReport | null, void>(Requests.coverage);

/** Client -> server: the preview model of one open document; `null` if the server does not have it open. */
export const PreviewRequest = new RequestType<DocumentParams, PreviewModel | null, void>(Requests.preview);

//#endregion
