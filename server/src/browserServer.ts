/**
 * Entry point of the language server in a web worker (the web extension: VS Code for the Web): a connection
 * over the worker's messages, handed to startServer. The server reads no files, so it needs nothing else:
 * the client sends the workspace's files and settings files as text.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { installSetImmediate } from './immediate';
import { startServer } from './startServer';

installSetImmediate();
// The worker's global scope: the project compiles without the DOM library, so it is named by its role.
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
startServer(createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker)));
