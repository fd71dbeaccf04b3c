/**
 * Counts the event streams each principal has open on this replica, so one caller cannot hold an
 * unbounded number of them (each polls the database and Temporal every second).
 */
export class StreamSlots {
  private readonly open = new Map<string, number>();

  constructor(private readonly perPrincipal: number) {}

  /** Takes a slot for `key`: its release function, or null when the principal has all its slots open. */
  tryTake(key: string): (() => void) | null {
    const used = this.open.get(key) ?? 0;
    if (used >= this.perPrincipal) return null;
    this.open.set(key, used + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left > 0) this.open.set(key, left);
      else this.open.delete(key);
    };
  }

  /** How many streams `key` has open (for tests). */
  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}
