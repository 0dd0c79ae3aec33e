/**
 * A map holding at most `maxEntries` entries: reading or writing an entry makes it the newest,
 * and adding one beyond the bound drops the oldest (least recently used). Relies on `Map`
 * keeping insertion order.
 */
export class BoundedLru<Key, Value> {
  private readonly entries = new Map<Key, Value>();

  constructor(readonly maxEntries: number) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${maxEntries}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The value, now the newest entry; undefined when absent. */
  get(key: Key): Value | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value as the newest entry, dropping the oldest beyond the bound. */
  set(key: Key, value: Value): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size <= this.maxEntries) return;
    const oldest = this.entries.keys().next();
    if (!oldest.done) this.entries.delete(oldest.value);
  }

  has(key: Key): boolean {
    return this.entries.has(key);
  }
}
