import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

// The benchmark's quick mode without textlint (which needs the npm registry on first use), so that the bench
// keeps running against the current engine, server and CLI.
describe('npm run bench (quick smoke run)', function () {
  this.timeout(240_000);

  it('measures every goal but the textlint ratio and prints the Markdown report', () => {
    const result = spawnSync(process.execPath, [path.join(repoRoot, 'bench', 'run.js'), '--quick', '--no-textlint'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 230_000,
    });
    assert.equal(result.status, 0, result.stderr);
    const rows = result.stdout.split('\n').filter((line) => line.startsWith('| ') && !line.startsWith('| goal') && !line.startsWith('| ---'));
    const goals = rows.slice(0, rows.findIndex((line) => line.startsWith('| spec')));
    assert.deepEqual(
      goals.map((line) => line.split(' | ')[0].slice(2).replace(/[\d.]+ (KB|MB)/g, 'N')),
      [
        '`govsec check` N vs textlint + prh (same dictionary)',
        'full analysis N in-process vs bare dictionary scan',
        'one-character edit in a paragraph → fresh diagnostics, N (median)',
        'hover: median / p99',
        'completion: median / p99',
        'hover while a N single-line document is opened: median / p99 (max)',
        'completion while it is open: median / p99 (max)',
        'cold start → first diagnostics (median of 2)',
        'server RSS, full glossary, N spec open',
      ],
    );
    const statuses = goals.map((line) => line.split(' | ')[4].replace(/ \|$/, ''));
    assert.equal(statuses[0], 'not measured');
    for (const [index, status] of statuses.slice(1).entries()) {
      assert.match(status, /^(met|missed: [\d.]+× (over|short))$/, goals[index + 1]);
    }
    // Every goal but the first has a number; the generated inputs are the documented ones.
    for (const line of goals.slice(1)) {
      assert.match(line.split(' | ')[2], /\d/, line);
    }
    assert.match(result.stdout, /spec-1m\.md {2}1048407 bytes {2}380083 UTF-16 units {2}7666 lines {2}sha256:ab6a4343dfb0e1f3/);
    const answered = /hovers answered with a card (\d+)\/20; completion items returned (\d+)\/5/.exec(result.stdout);
    assert.ok(answered, result.stdout);
    assert.ok(Number(answered[1]) >= 18 && Number(answered[2]) === 5, answered[0]);
  });
});
