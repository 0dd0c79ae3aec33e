import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { FeedState } from '../../ingest/feed/feed-state-store.js';

/** The suffix a feed state file gets once imported, so it is imported only once (and kept for the operator). */
export const IMPORTED_SUFFIX = '.imported';

/**
 * Moves the feed poll state of older versions (a JSON file `{ [feedUrl]: FeedState }`) into the
 * `feed_states` table, then renames the file with {@link IMPORTED_SUFFIX}. Rows already in the
 * database win. A missing or unreadable file imports nothing. Returns the number of feeds imported.
 */
export function importFeedStateFile(database: Database.Database, filePath: string, now: () => Date = () => new Date()): number {
  let states: Record<string, FeedState>;
  try {
    states = JSON.parse(fs.readFileSync(filePath, 'utf8')) as Record<string, FeedState>;
  } catch {
    return 0;
  }
  if (typeof states !== 'object' || states === null) return 0;
  const insert = database.prepare('INSERT OR IGNORE INTO feed_states (feed_url, etag, last_modified, items, updated_at) VALUES (?, ?, ?, ?, ?)');
  const imported = database
    .transaction(() => {
      let count = 0;
      for (const [feedUrl, state] of Object.entries(states)) {
        const items = typeof state?.items === 'object' && state.items !== null ? state.items : {};
        count += insert.run(feedUrl, state?.etag ?? null, state?.lastModified ?? null, JSON.stringify(items), now().toISOString()).changes;
      }
      return count;
    })
    .immediate();
  try {
    fs.renameSync(filePath, `${filePath}${IMPORTED_SUFFIX}`);
  } catch (error) {
    // Another process sharing the database may have imported and renamed it meanwhile.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return imported;
}
