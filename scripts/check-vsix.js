#!/usr/bin/env node
// Checks the packaged extension: govsec.vsix holds what the server loads at run time, and the server
// inside it starts and answers a hover. Run after `npm run package`.
'use strict';
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

const root = path.resolve(__dirname, '..');
const vsix = path.join(root, 'govsec.vsix');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-vsix-'));
execFileSync('unzip', ['-q', vsix, '-d', folder]);
const extension = path.join(folder, 'extension');
const required = [
  'dist/extension.js', 'dist/server.js', 'dist/glossary-index.json', 'dist/services-index.json', 'dist/catalogues-index.json',
  'glossary/schema/terms.schema.json', 'glossary/schema/system-profile.schema.json', 'glossary/schema/config.schema.json',
  'glossary/schema/ismap-list.schema.json', 'glossary/controls/catalogues.yaml', 'docs/rules/term/variant.md', 'package.json', 'LICENSE.txt',
  // Localisation: the manifest's %keys% and the client's vscode.l10n bundle.
  'package.nls.json', 'package.nls.ja.json', 'l10n/bundle.l10n.ja.json',
];
// The walkthrough's media and the sample it opens.
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
for (const walkthrough of manifest.contributes.walkthroughs ?? []) {
  for (const step of walkthrough.steps) {
    required.push(...Object.values(step.media ?? {}).filter((media) => typeof media === 'string'));
  }
}
required.push('walkthrough/sample-spec.md');
const missing = required.filter((file) => !fs.existsSync(path.join(extension, file)));
// Every %key% of the packaged manifest resolves in both packaged nls files.
const packagedText = fs.existsSync(path.join(extension, 'package.json')) ? fs.readFileSync(path.join(extension, 'package.json'), 'utf8') : '';
for (const nlsFile of ['package.nls.json', 'package.nls.ja.json']) {
  const nlsPath = path.join(extension, nlsFile);
  const nls = fs.existsSync(nlsPath) ? JSON.parse(fs.readFileSync(nlsPath, 'utf8')) : {};
  for (const [, key] of packagedText.matchAll(/"%([^"%]+)%"/g)) {
    if (!(key in nls)) {
      missing.push(`${nlsFile}: ${key}`);
    }
  }
}
if (missing.length > 0) {
  console.error(`check-vsix: missing from govsec.vsix: ${missing.join(', ')}`);
  process.exit(1);
}

const server = spawn(process.execPath, [path.join(extension, 'dist', 'server.js'), '--stdio'], { stdio: 'pipe' });
const connection = createMessageConnection(new StreamMessageReader(server.stdout), new StreamMessageWriter(server.stdin));
connection.onRequest(() => null);
const published = new Map();
connection.onNotification((method, params) => {
  if (method === 'textDocument/publishDiagnostics') {
    published.set(params.uri, params.diagnostics);
  }
});
connection.listen();
const timer = setTimeout(() => {
  console.error('check-vsix: the packaged server did not answer within 20 s');
  server.kill();
  process.exit(1);
}, 20000);
(async () => {
  // locale ja: the cards below are checked in Japanese, whatever this machine's locale.
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, locale: 'ja' });
  await connection.sendNotification('initialized', {});
  const uri = 'file:///tmp/check-vsix.md';
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: 'ガバクラと AWS。\n' } });
  const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
  const service = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 7 } });
  // A system profile exercises the schemas the server reads from the package's glossary/schema/.
  const profile = 'file:///tmp/check-vsix.system-profile.yaml';
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri: profile, languageId: 'yaml', version: 1, text: 'doctype: system-profile\nnist: [AC-2, アクセス制御]\n' },
  });
  for (let wait = 0; wait < 100 && !published.has(profile); wait++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const schemaChecked = (published.get(profile) ?? []).some((diagnostic) => diagnostic.code === 'profile/schema');
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  clearTimeout(timer);
  const hovers = hover?.contents?.value?.startsWith('**ガバメントクラウド**') && service?.contents?.value?.startsWith('**Amazon Web Services**');
  const ok = hovers && schemaChecked;
  console.log(
    `check-vsix: ${required.length} files present; packaged server: hover ${hovers ? 'ok' : 'FAILED'}, ` +
      `schema check ${schemaChecked ? 'ok' : 'FAILED'} (${fs.statSync(vsix).size} bytes)`,
  );
  fs.rmSync(folder, { recursive: true, force: true });
  process.exit(ok ? 0 : 1);
})().catch((error) => {
  console.error(`check-vsix: ${error}`);
  process.exit(1);
});
