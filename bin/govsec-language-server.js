#!/usr/bin/env node
'use strict';
// Serves LSP over the transport named on the command line: --stdio, --node-ipc or --socket=PORT.
require('../dist/server.js');
