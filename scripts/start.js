#!/usr/bin/env node
// `npm start`: runs `govsec check examples/`. The examples are written to contain findings, so a
// finding of severity error (exit 1) still counts as a successful run; only a failure (exit 2) fails.
'use strict';
const path = require('node:path');
const root = path.resolve(__dirname, '..');
process.chdir(root);
const status = require(path.join(root, 'dist', 'cli.js')).run(['check', 'examples']);
process.exitCode = status === 2 ? 2 : 0;
