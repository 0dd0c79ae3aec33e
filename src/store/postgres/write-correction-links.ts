import type pg from 'pg';
import type { Article } from '../../ingest/article.js';
import { calendarDay } from '../../text/time/calendar-day.js';
import { SqlCorrectionLinks } from '../sql/sql-correction-links.js';
import { ADVISORY_LOCKS } from './advisory-locks.js';
import { postgresClient } from './postgres-client.js';

/** Articles of a write that changed in place: found now (marked today), or carried from another archive with their day. */
export interface InPlaceUpdates {
  updatedInPlace: readonly string[];
  carried: readonly { articleId: string; day: string }[];
}

/**
 * In the transaction that writes `articles`, before its change-log entries: marks the ones updated in place (those
 * found now with today's day in `timeZone`, those carried with theirs), and links the correction notices among them, and the earlier ones naming them, to the
 * articles they correct. Returns the further articles whose corrections changed, so the change log carries them too
 * (a replica copies an article's corrections with the article).
 */
export async function writeCorrectionLinks(client: pg.PoolClient, articles: readonly Article[], updates: InPlaceUpdates, timeZone: string): Promise<string[]> {
  // Until commit: a notice and the article it names, written by two transactions at once, would otherwise each miss the other.
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCKS.namespace, ADVISORY_LOCKS.corrections]);
  const links = new SqlCorrectionLinks(postgresClient(client));
  await links.markUpdated(updates.updatedInPlace, calendarDay(new Date(), timeZone).iso);
  for (const { articleId, day } of updates.carried) await links.markUpdated([articleId], day);
  const written = new Set(articles.map((article) => article.id));
  return (await links.link(articles)).filter((id) => !written.has(id));
}
