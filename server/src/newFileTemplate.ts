/**
 * The `gpaiDocs/newFileTemplate` request: the text of a new documentation file for a kind of model, built
 * by the engine from the catalogue's key tree (the client holds no catalogue knowledge).
 */
import type { Connection } from 'vscode-languageserver';
import type { TemplateOptions } from '../../shared/types';
import { NewFileTemplateRequest } from '../../shared/protocol';
import type { Engine } from './engine';

export function registerNewFileTemplate(connection: Connection, engine: Engine): void {
  // By method name: vscode-languageserver bundles its own copy of the protocol package, whose RequestType
  // is not assignable from shared/'s (same shape, different private fields).
  connection.onRequest(NewFileTemplateRequest.method, (options: TemplateOptions) => ({
    text: engine.newFile(options),
  }));
}
