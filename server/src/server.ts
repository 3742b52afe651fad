/**
 * Entry point of the language server process: a connection over the transport the client chose
 * (`--node-ipc`, `--stdio` or `--socket=`), handed to startServer with the way to ask Node for a full
 * garbage collection (collectGarbage.ts). Nothing else lives here.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { nodeCollectGarbage } from './collectGarbage';
import { startServer } from './startServer';

startServer(createConnection(ProposedFeatures.all), { collectGarbage: nodeCollectGarbage() });
