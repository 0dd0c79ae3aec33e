import type { NewPin, Pin, PinStore } from '../pin-store.js';
import { isStoredId } from './is-stored-id.js';
import type { SqlClient } from './sql-client.js';

/** A `pinned_answers` row: SQLite's integers and ISO text, or PostgreSQL's bigint text and Dates. */
interface PinRow {
  id: number | string;
  query_text: string;
  answer_text: string;
  article_id: string | null;
  created_at: string | Date;
}

/** {@link PinStore} written once for both backends (table `pinned_answers`, migration 11). */
export class SqlPinStore implements PinStore {
  constructor(
    private readonly client: SqlClient,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async add(pin: NewPin): Promise<Pin> {
    const [row] = await this.client.rows<PinRow>('INSERT INTO pinned_answers (query_text, answer_text, article_id, created_at) VALUES (?, ?, ?, ?) RETURNING *', [
      pin.question,
      pin.answer,
      pin.articleId,
      this.now(),
    ]);
    return toPin(row!);
  }

  async list(): Promise<Pin[]> {
    const rows = await this.client.rows<PinRow>('SELECT * FROM pinned_answers ORDER BY id');
    return rows.map(toPin);
  }

  async remove(id: number): Promise<boolean> {
    if (!isStoredId(id)) return false;
    return (await this.client.run('DELETE FROM pinned_answers WHERE id = ?', [id])) > 0;
  }
}

function toPin(row: PinRow): Pin {
  return { id: Number(row.id), question: row.query_text, answer: row.answer_text, articleId: row.article_id, createdAt: new Date(row.created_at) };
}
