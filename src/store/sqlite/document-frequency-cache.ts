export interface DocumentFrequencyCacheOptions {
  /** How long a non-zero frequency is reused across writes. Default 10 minutes. */
  maxAgeMs?: number;
  /** Entries kept before the cache starts over. Default 100,000 (a few MB). */
  maxEntries?: number;
  now?: () => number;
}

/**
 * Remembers how many chunks contain a term. Looking one up in fts5vocab reads the term's whole
 * posting list (about 50 µs for a common term), and a question asks for 20 or more.
 * A non-zero count may be reused for a while after writes: it only chooses which terms to
 * match and weighs answers, and BM25 computes exact figures itself. A zero is forgotten at the
 * next write, so a term new to the archive is never skipped because of the cache.
 */
export class DocumentFrequencyCache {
  private readonly entries = new Map<string, { frequency: number; at: number }>();
  private readonly maxAgeMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  private version: unknown = undefined;

  constructor(options: DocumentFrequencyCacheOptions = {}) {
    this.maxAgeMs = options.maxAgeMs ?? 10 * 60_000;
    this.maxEntries = options.maxEntries ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * The frequency of `term`, from the cache or `lookUp`. `dataVersion` is anything that changes
   * when the archive changes; zeros cached under another version are looked up again.
   */
  get(term: string, dataVersion: unknown, lookUp: (term: string) => number): number {
    if (dataVersion !== this.version) {
      for (const [key, entry] of this.entries) if (entry.frequency === 0) this.entries.delete(key);
      this.version = dataVersion;
    }
    const time = this.now();
    const cached = this.entries.get(term);
    if (cached && time - cached.at <= this.maxAgeMs) return cached.frequency;
    const frequency = lookUp(term);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(term, { frequency, at: time });
    return frequency;
  }
}
