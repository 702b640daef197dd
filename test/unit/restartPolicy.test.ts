import * as assert from 'node:assert/strict';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/restartPolicy';

describe('client: restarting a crashed language server', () => {
  it('restarts 5 times within 3 minutes, then stops', () => {
    assert.equal(MAX_RESTARTS, 5);
    assert.equal(RESTART_WINDOW_MS, 180_000);
    const policy = new RestartPolicy();
    const answers = [0, 10_000, 20_000, 30_000, 40_000, 50_000].map((at) => policy.shouldRestart(at));
    assert.deepEqual(answers, [true, true, true, true, true, false]);
  });

  it('forgets crashes older than the window', () => {
    const policy = new RestartPolicy();
    [0, 1000, 2000, 3000, 4000].forEach((at) => assert.equal(policy.shouldRestart(at), true));
    // The first crash (t=0) is more than 3 minutes old now: this is the 5th crash in the window.
    assert.equal(policy.shouldRestart(180_001), true);
    assert.equal(policy.shouldRestart(180_002), false);
  });

  it('starts counting afresh after a manual restart', () => {
    const policy = new RestartPolicy();
    for (let at = 0; at < 6; at++) {
      policy.shouldRestart(at);
    }
    assert.equal(policy.shouldRestart(6), false);
    policy.reset();
    assert.equal(policy.shouldRestart(7), true);
  });
});
