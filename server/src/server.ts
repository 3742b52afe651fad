/**
 * Entry point of the language server process: a connection over the transport the client chose
 * (`--node-ipc`, `--stdio` or `--socket=`), handed to startServer. Nothing else lives here.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

startServer(createConnection(ProposedFeatures.all));
