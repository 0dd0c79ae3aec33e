import fs from 'node:fs/promises';
import path from 'node:path';

/** What the poller remembers about one feed between polls (and restarts). */
export interface FeedState {
  /** Validators from the last complete read; null forces a full fetch. */
  etag: string | null;
  lastModified: string | null;
  /** articleId → fingerprint of every item read successfully and still in the feed. */
  items: Record<string, string>;
}

/** Feed states kept in one JSON file, read once and rewritten atomically after each change. */
export interface FeedStateStore {
  get(feedUrl: string): Promise<FeedState>;
  set(feedUrl: string, state: FeedState): Promise<void>;
}

const EMPTY_STATE: FeedState = { etag: null, lastModified: null, items: {} };

/** Opens (lazily) the feed state file at `filePath`; a missing or unreadable file starts empty. */
export function createFeedStateStore(filePath: string): FeedStateStore {
  let states: Promise<Record<string, FeedState>> | null = null;
  const load = (): Promise<Record<string, FeedState>> => {
    states ??= fs
      .readFile(filePath, 'utf8')
      .then((text) => JSON.parse(text) as Record<string, FeedState>)
      .catch(() => ({}));
    return states;
  };
  return {
    async get(feedUrl) {
      return (await load())[feedUrl] ?? EMPTY_STATE;
    },
    async set(feedUrl, state) {
      const all = await load();
      all[feedUrl] = state;
      await fs.mkdir(path.dirname(filePath), { recursive: true });
      const temporary = `${filePath}.${process.pid}.tmp`;
      await fs.writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`);
      await fs.rename(temporary, filePath);
    },
  };
}
