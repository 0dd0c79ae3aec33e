import type pg from 'pg';
import type { Article } from '../../ingest/article.js';
import { calendarDay } from '../../text/time/calendar-day.js';
import { SqlCorrectionLinks } from '../sql/sql-correction-links.js';
import { ADVISORY_LOCKS } from './advisory-locks.js';
import { postgresClient } from './postgres-client.js';

/**
 * In the transaction that writes `articles`, before its change-log entries: marks the ones `updatedInPlace` with
 * today's day in `timeZone`, and links the correction notices among them, and the earlier ones naming them, to the
 * articles they correct. Returns the further articles whose corrections changed, so the change log carries them too
 * (a replica copies an article's corrections with the article).
 */
export async function writeCorrectionLinks(client: pg.PoolClient, articles: readonly Article[], updatedInPlace: readonly string[], timeZone: string): Promise<string[]> {
  // Until commit: a notice and the article it names, written by two transactions at once, would otherwise each miss the other.
  await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCKS.namespace, ADVISORY_LOCKS.corrections]);
  const links = new SqlCorrectionLinks(postgresClient(client));
  await links.markUpdated(updatedInPlace, calendarDay(new Date(), timeZone).iso);
  const written = new Set(articles.map((article) => article.id));
  return (await links.link(articles)).filter((id) => !written.has(id));
}
