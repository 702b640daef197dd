import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { allRules } from '../../server/src/rules/index';
import { repoRoot } from '../helpers';

function check(file: string) {
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'govsec.js'), 'check', file, '--format', 'json'], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, findings: JSON.parse(result.stdout) as { rule: string; line: number }[] };
}

describe('the bundled examples', () => {
  it('examples/procurement-spec.md shows exactly one finding of every rule (but the size limit, which needs a huge document)', () => {
    const { status, findings } = check('examples/procurement-spec.md');
    assert.equal(status, 1, 'the spec has error findings');
    assert.deepEqual(
      findings.map((finding) => finding.rule).sort(),
      allRules.map((rule) => rule.id).filter((id) => id !== 'limits/document-size').sort(),
    );
  });

  it('examples/clean-spec.md shows none', () => {
    const { status, findings } = check('examples/clean-spec.md');
    assert.deepEqual([status, findings], [0, []]);
  });
});
