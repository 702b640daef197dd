#!/usr/bin/env node
// Builds govsec: compiles the knowledge (glossary terms, cloud services and the bundled ISMAP list, control
// catalogues) into dist/*-index.json — validated against glossary/schema, problems printed as file:line:col —
// and bundles the client, server and CLI with esbuild.
// Usage: node scripts/build.js [--glossary-only]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const glossaryOnly = process.argv.includes('--glossary-only');

const packageVersion = require(path.join(root, 'package.json')).version;

const common = {
  bundle: true,
  // One source of truth for the version: package.json (server/src/version.ts).
  define: { __GOVSEC_VERSION__: JSON.stringify(packageVersion) },
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

async function compileGlossary() {
  // The compiler is the engine's own code, bundled to a build-only folder and run here.
  const compilerFile = path.join(root, 'out', 'build', 'knowledge-compiler.js');
  await esbuild.build({ ...common, sourcemap: false, entryPoints: ['server/src/build/compileKnowledge.ts'], outfile: compilerFile });
  const { compileKnowledge, writeCompiledKnowledge } = require(compilerFile);
  // GOVSEC_TERMS_DIR builds with another terms folder (tests use a small fixture glossary).
  const result = compileKnowledge({ root, termsDirectory: process.env.GOVSEC_TERMS_DIR });
  if (!result.knowledge) {
    for (const problem of result.problems) {
      console.error(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}`);
    }
    console.error(`glossary: ${result.problems.length} problem(s); dist/ not updated`);
    process.exit(1);
  }
  writeCompiledKnowledge(result.knowledge, dist);
  const { glossary, services, catalogues } = result.knowledge;
  console.log(
    `glossary: ${glossary.terms.length} terms, ${services.services.length} cloud services, ` +
      `${catalogues.catalogues.length} control catalogues, ISMAP list of ${services.ismapList.entries.length}`,
  );
}

async function bundle() {
  await Promise.all([
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js' }),
  ]);
}

(async () => {
  await compileGlossary();
  if (!glossaryOnly) {
    await bundle();
  }
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
