#!/usr/bin/env node
// Builds govsec: bundles the client, server and CLI with esbuild, and compiles the glossary YAML into
// dist/glossary-index.json (validated against glossary/schema; problems are printed as file:line:col).
// Usage: node scripts/build.js [--glossary-only]
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'dist');
const glossaryOnly = process.argv.includes('--glossary-only');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  absWorkingDir: root,
};

async function compileGlossary() {
  // The compiler is the engine's own module, bundled to a build-only folder and run here.
  const compilerFile = path.join(root, 'out', 'build', 'glossary-compiler.js');
  await esbuild.build({ ...common, sourcemap: false, entryPoints: ['server/src/glossary/compile.ts'], outfile: compilerFile });
  const { compileGlossary, createTermsValidator, formatProblem } = require(compilerFile);
  const schema = JSON.parse(fs.readFileSync(path.join(root, 'glossary', 'schema', 'terms.schema.json'), 'utf8'));
  // GOVSEC_TERMS_DIR builds with another terms folder (tests use a small fixture glossary).
  const termsDirectory = path.resolve(root, process.env.GOVSEC_TERMS_DIR || path.join('glossary', 'terms'));
  const files = fs
    .readdirSync(termsDirectory)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => ({
      path: path.relative(root, path.join(termsDirectory, name)).split(path.sep).join('/'),
      text: fs.readFileSync(path.join(termsDirectory, name), 'utf8'),
    }));
  const result = compileGlossary(files, createTermsValidator(schema));
  if (!result.glossary) {
    for (const problem of result.problems) {
      console.error(formatProblem(problem));
    }
    console.error(`glossary: ${result.problems.length} problem(s); dist/glossary-index.json not written`);
    process.exit(1);
  }
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, 'glossary-index.json'), JSON.stringify(result.glossary));
  console.log(`glossary: ${result.glossary.terms.length} terms, ${result.glossary.spellings.length} spellings from ${files.length} files`);
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
