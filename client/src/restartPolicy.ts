/**
 * When the language server crashes, restart it — but not forever: at most `maxRestarts` within `windowMs`.
 * Protocol- and editor-free so it can be tested on its own; extension.ts wires it into the client's
 * ErrorHandler.
 */

export const MAX_RESTARTS = 5;
export const RESTART_WINDOW_MS = 3 * 60 * 1000;

export class RestartPolicy {
  private readonly crashes: number[] = [];

  constructor(
    private readonly maxRestarts = MAX_RESTARTS,
    private readonly windowMs = RESTART_WINDOW_MS,
  ) {}

  /** Records a crash at `now`; true when the server should be restarted, false when it crashed too often. */
  shouldRestart(now: number): boolean {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) {
      this.crashes.shift();
    }
    return this.crashes.length <= this.maxRestarts;
  }

  /** Forgets past crashes (the user restarted the server by hand). */
  reset(): void {
    this.crashes.length = 0;
  }
}
