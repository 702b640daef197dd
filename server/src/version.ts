/**
 * The govsec version, from package.json only. The esbuild bundles get it through `define`
 * (scripts/build.js); the tsc-compiled tests read the package.json above them.
 */

import * as fs from 'node:fs';
import * as path from 'node:path';

declare const __GOVSEC_VERSION__: string | undefined;

function versionFromPackageJson(): string {
  for (let directory = __dirname; ; directory = path.dirname(directory)) {
    const file = path.join(directory, 'package.json');
    if (fs.existsSync(file)) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (data.name === 'govsec' && typeof data.version === 'string') {
        return data.version;
      }
    }
    if (path.dirname(directory) === directory) {
      throw new Error(`govsec: no govsec package.json above ${__dirname}`);
    }
  }
}

export const GOVSEC_VERSION: string = typeof __GOVSEC_VERSION__ === 'string' ? __GOVSEC_VERSION__ : versionFromPackageJson();
