import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';
const AjvDraft04 = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };

const SARIF_SCHEMA = path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

describe('govsec check --format sarif', () => {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', 'examples', '--format', 'sarif'], { cwd: repoRoot, encoding: 'utf8' });
  const log = JSON.parse(result.stdout) as {
    version: string;
    runs: {
      tool: { driver: { name: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[] } };
      columnKind: string;
      results: { ruleId: string; ruleIndex: number; level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[];
    }[];
  };

  it('is valid SARIF 2.1.0', () => {
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(JSON.parse(fs.readFileSync(SARIF_SCHEMA, 'utf8')));
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
    assert.equal(log.version, '2.1.0');
  });

  it('carries rule metadata with help URIs to the rule documentation', () => {
    const rules = log.runs[0].tool.driver.rules;
    const variant = rules.find((rule) => rule.id === 'term/variant')!;
    assert.equal(variant.defaultConfiguration.level, 'note');
    assert.match(variant.helpUri, /^file:\/\/.*\/docs\/rules\/term\/variant\.md$/);
    assert.ok(fs.existsSync(new URL(variant.helpUri)), variant.helpUri);
    for (const rule of rules) {
      assert.ok(fs.existsSync(new URL(rule.helpUri)), `documentation page for ${rule.id}`);
    }
  });

  it('reports the same findings as the JSON output, with UTF-16 columns', () => {
    const json = JSON.parse(
      spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', 'examples', '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' }).stdout,
    ) as { file: string; line: number; column: number; endLine: number; endColumn: number; rule: string; message: string }[];
    const run = log.runs[0];
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(
      run.results.map((r) => [r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region, r.ruleId, r.message.text]),
      json.map((f) => [f.file, { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn }, f.rule, f.message]),
    );
    for (const r of run.results) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    }
  });
});
