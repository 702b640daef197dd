import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

interface EvalResult {
  documents: number;
  labels: number;
  overall: Score;
  perRule: Record<string, Score>;
}

type Floor = Pick<Score, 'precision' | 'recall'>;

/**
 * What the engine achieves on test/corpus today (scripts/eval.js), rounded down: a floor, never a target.
 * Raise a value when a change improves it; a drop below it fails.
 */
const OVERALL_FLOOR: Floor = { precision: 0.99, recall: 0.99 };
const RULE_FLOORS: Record<string, Floor> = {
  'classification/unknown-level': { precision: 0.75, recall: 1.0 },
  'control/outdated-iso-numbering': { precision: 1.0, recall: 1.0 },
  'control/unknown-id': { precision: 1.0, recall: 1.0 },
  'domain/non-government-domain': { precision: 1.0, recall: 1.0 },
  'fact/ismap-certification': { precision: 1.0, recall: 1.0 },
  'fact/moved-url': { precision: 1.0, recall: 1.0 },
  'fact/outdated-count': { precision: 1.0, recall: 1.0 },
  'govcloud/overseas-region': { precision: 1.0, recall: 1.0 },
  'govcloud/unsupported-provider': { precision: 1.0, recall: 1.0 },
  'ismap/liu-scope': { precision: 1.0, recall: 1.0 },
  'ismap/renewal-period': { precision: 1.0, recall: 1.0 },
  'ismap/unregistered-service': { precision: 1.0, recall: 1.0 },
  'privacy/report-deadline': { precision: 1.0, recall: 1.0 },
  'privacy/report-threshold': { precision: 1.0, recall: 1.0 },
  'profile/schema': { precision: 1.0, recall: 1.0 },
  'term/deprecated': { precision: 1.0, recall: 1.0 },
  'term/variant': { precision: 1.0, recall: 1.0 },
};

describe('evaluation corpus (npm run eval)', () => {
  let result: EvalResult;

  before(function () {
    this.timeout(60_000);
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'eval.js'), '--json'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(run.status, 0, `scripts/eval.js failed:\n${run.stderr}`);
    result = JSON.parse(run.stdout) as EvalResult;
  });

  it('has at least 45 documents and a label for every rule it pins', () => {
    assert.ok(result.documents >= 45, `only ${result.documents} documents`);
    for (const rule of Object.keys(RULE_FLOORS)) {
      const score = result.perRule[rule];
      assert.ok(score && score.tp + score.fn > 0, `no labelled mistake for ${rule}`);
    }
  });

  it('keeps overall precision and recall at or above the floor', () => {
    const { precision, recall } = result.overall;
    assert.ok(precision >= OVERALL_FLOOR.precision, `overall precision ${precision.toFixed(3)} < ${OVERALL_FLOOR.precision}`);
    assert.ok(recall >= OVERALL_FLOOR.recall, `overall recall ${recall.toFixed(3)} < ${OVERALL_FLOOR.recall}`);
  });

  for (const [rule, floor] of Object.entries(RULE_FLOORS)) {
    it(`keeps ${rule} at or above precision ${floor.precision} and recall ${floor.recall}`, () => {
      const score = result.perRule[rule];
      assert.ok(score, `${rule} is missing from the evaluation`);
      assert.ok(score.precision >= floor.precision, `${rule}: precision ${score.precision.toFixed(3)} < ${floor.precision} (FP ${score.fp})`);
      assert.ok(score.recall >= floor.recall, `${rule}: recall ${score.recall.toFixed(3)} < ${floor.recall} (FN ${score.fn})`);
    });
  }

  it('scores a rule that no label names and that reports nothing as neither precision nor recall lost', () => {
    const { score } = require(path.join(repoRoot, 'scripts', 'eval.js')) as { score: (tp: number, fp: number, fn: number) => Score };
    assert.deepEqual(score(0, 0, 0), { tp: 0, fp: 0, fn: 0, precision: 1, recall: 1 });
    assert.deepEqual(score(3, 1, 2), { tp: 3, fp: 1, fn: 2, precision: 0.75, recall: 0.6 });
  });
});
