#!/usr/bin/env node
// Validates and compiles the glossary only (the same step `npm run build` runs first).
'use strict';
process.argv.push('--glossary-only');
require('./build.js');
