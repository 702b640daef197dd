/**
 * govsec language server. Serves any LSP client over stdio (`govsec-language-server --stdio`) or Node IPC
 * (the VS Code client). The transport is chosen from the command line by vscode-languageserver, which also
 * ends the process when the client process given in initialize (processId) goes away.
 */

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadKnowledge } from './knowledge';
import { GovsecServer } from './lsp/govsecServer';

// The bundle lives in dist/ next to the compiled glossary, service catalogue and control catalogues.
const server = new GovsecServer(createConnection(ProposedFeatures.all), {
  serverDirectory: __dirname,
  knowledge: loadKnowledge(__dirname),
});
server.listen();
