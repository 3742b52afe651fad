/**
 * `gpai-docs-language-server`: the gpai-docs language server for any LSP editor (Neovim, Helix, Emacs,
 * Zed…). Adapts the command line to a connection; startServer does the rest.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { version } from '../package.json';
import { nodeCollectGarbage } from '../server/src/collectGarbage';
import { startServer } from '../server/src/startServer';

const USAGE = `gpai-docs-language-server ${version}: checks .gpai.yaml documentation of general-purpose AI models
against the EU AI Act and the Code of Practice, over the Language Server Protocol.

Usage: gpai-docs-language-server --stdio | --node-ipc | --socket=<port> | --pipe=<name>

  --stdio           talk JSON-RPC over standard input and output (what most editors use)
  --node-ipc        talk over Node's IPC channel (when started by a Node client with an IPC channel)
  --socket=<port>   connect to a client listening on this TCP port
  --pipe=<name>     connect to a client listening on this named pipe or socket file
  --version         print the version
  --help            print this help

Settings come from the client's "gpaiDocs" section: { "severity": { "<code>": "error|warning|information|hint|off" } }.
`;

const args = process.argv.slice(2);
const transport = args.find((a) => a === '--stdio' || a === '--node-ipc' || /^--(socket|pipe)=./.test(a));

if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${version}\n`);
} else if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (!transport) {
  process.stderr.write(`gpai-docs-language-server: say how to talk to the editor.\n\n${USAGE}`);
  process.exitCode = 2;
} else {
  startServer(createConnection(ProposedFeatures.all), { collectGarbage: nodeCollectGarbage() });
}
