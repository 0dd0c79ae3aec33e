import type { Follow, FollowAlertClaim, FollowResult, FollowStore } from '../follow-store.js';
import type { ReaderIdentity } from '../reader-data.js';
import { decodeTime } from './decode-column.js';
import type { SqlClient } from './sql-client.js';

/** A `follows` row: SQLite's ISO text or PostgreSQL's Date. */
interface FollowRow {
  chat_id: string;
  topic: string;
  language: string;
  created_at: string | Date;
}

/**
 * {@link FollowStore} on tables `follows` and `follow_alerts`, one implementation for both backends: every write is
 * one statement whose conflict clause makes it atomic (an alert's primary key is its claim).
 */
export class SqlFollowStore implements FollowStore {
  readonly readerDataTables = ['follows', 'follow_alerts'] as const;
  readonly #client: SqlClient;
  readonly #now: () => Date;

  constructor(client: SqlClient, now: () => Date = () => new Date()) {
    this.#client = client;
    this.#now = now;
  }

  async follow(follow: Omit<Follow, 'createdAt'>, maxTopics: number): Promise<FollowResult> {
    // The cap is checked in the INSERT itself, so two quick /follow commands cannot pass it together.
    const added = await this.#client.run(
      `INSERT INTO follows (chat_id, topic, language, created_at)
       SELECT ?, ?, ?, ? WHERE (SELECT count(*) FROM follows WHERE chat_id = ?) < ?
       ON CONFLICT (chat_id, topic) DO NOTHING`,
      [follow.chatId, follow.topic, follow.language, this.#now(), follow.chatId, maxTopics],
    );
    if (added > 0) return 'added';
    const [existing] = await this.#client.rows<FollowRow>('SELECT * FROM follows WHERE chat_id = ? AND topic = ?', [follow.chatId, follow.topic]);
    return existing ? 'already' : 'limit';
  }

  async unfollow(chatId: string, topic: string): Promise<boolean> {
    return (await this.#client.run('DELETE FROM follows WHERE chat_id = ? AND topic = ?', [chatId, topic])) > 0;
  }

  async following(chatId: string): Promise<Follow[]> {
    const rows = await this.#client.rows<FollowRow>(`SELECT * FROM follows WHERE chat_id = ? ORDER BY created_at, ${this.#client.byteOrder('topic')}`, [chatId]);
    return rows.map(toFollow);
  }

  async all(): Promise<Follow[]> {
    const rows = await this.#client.rows<FollowRow>(`SELECT * FROM follows ORDER BY created_at, ${this.#client.byteOrder('chat_id')}, ${this.#client.byteOrder('topic')}`);
    return rows.map(toFollow);
  }

  async alertsOnDay(chatId: string, day: string): Promise<number> {
    const [row] = await this.#client.rows<{ alerts: number | string }>('SELECT count(*) AS alerts FROM follow_alerts WHERE chat_id = ? AND day = ?', [chatId, day]);
    return Number(row?.alerts ?? 0);
  }

  async claimAlert(claim: FollowAlertClaim): Promise<boolean> {
    const claimed = await this.#client.run(
      'INSERT INTO follow_alerts (chat_id, article_id, day, topic, claimed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, article_id) DO NOTHING',
      [claim.chatId, claim.articleId, claim.day, claim.topic, this.#now()],
    );
    return claimed > 0;
  }

  /** The private chat's topics and the alerts it got (a group's follows are the group's, not one reader's). */
  async forgetReader(reader: ReaderIdentity): Promise<number> {
    return this.#client.deleteReaderRows([
      ['DELETE FROM follow_alerts WHERE chat_id = ?', reader.privateChatId],
      ['DELETE FROM follows WHERE chat_id = ?', reader.privateChatId],
    ]);
  }
}

function toFollow(row: FollowRow): Follow {
  return { chatId: row.chat_id, topic: row.topic, language: row.language === 'en' ? 'en' : 'zh', createdAt: decodeTime(row.created_at) };
}
