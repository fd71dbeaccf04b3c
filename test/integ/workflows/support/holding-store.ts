import type { LifecycleStore } from '../../../../activities/ports.js';
import type { EnvironmentStatus } from '../../../../workflows/contracts.js';

/** One held record: `reached` once the workflow's record activity holds it, which waits until `release()`. */
export interface HeldRecord {
  reached: Promise<EnvironmentStatus>;
  release: () => void;
}

/**
 * A lifecycle store that keeps nothing (the workflow tests have no metadata database) and can hold one
 * record, so a test acts while the workflow waits between two steps, e.g. in a wake's closing record.
 */
export class HoldingStore implements LifecycleStore {
  private hold?: {
    match: (status: EnvironmentStatus) => boolean;
    reach: (status: EnvironmentStatus) => void;
  };
  private released: Promise<void> = Promise.resolve();

  /** Holds the next record `match` accepts. */
  holdNext(match: (status: EnvironmentStatus) => boolean): HeldRecord {
    let release = () => {};
    this.released = new Promise((resolve) => {
      release = resolve;
    });
    const reached = new Promise<EnvironmentStatus>((reach) => {
      this.hold = { match, reach };
    });
    return { reached, release };
  }

  async recordEnvironment(status: EnvironmentStatus): Promise<void> {
    const hold = this.hold;
    if (!hold?.match(status)) return;
    this.hold = undefined;
    hold.reach(status);
    await this.released;
  }

  async recordSnapshot(): Promise<void> {}

  async getSnapshot(): Promise<null> {
    return null;
  }

  async recordShare(): Promise<void> {}
}
