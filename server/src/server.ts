import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLintServer } from './lintServer';

// The transport (--node-ipc from the VS Code client, --stdio from other editors, or
// --socket=<port>) is read from the command line by createConnection.
startLintServer(createConnection(ProposedFeatures.all));
