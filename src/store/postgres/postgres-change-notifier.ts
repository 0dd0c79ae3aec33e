import pg from 'pg';
import type { ChangeHandlers, ChangeNotifier, ChangeSubscription } from '../change-notifier.js';
import { CHANGE_CHANNEL } from './advisory-locks.js';

export interface PostgresChangeNotifierOptions {
  connectionString: string;
  /** Milliseconds to wait for the connection. Default 5000. */
  connectionTimeoutMillis?: number;
}

/**
 * `ChangeNotifier` on LISTEN/NOTIFY. Each subscription holds a dedicated connection outside the
 * pool: a pooled connection would be handed to other queries and its LISTEN lost.
 */
export class PostgresChangeNotifier implements ChangeNotifier {
  constructor(private readonly options: PostgresChangeNotifierOptions) {}

  async subscribe(handlers: ChangeHandlers): Promise<ChangeSubscription> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      connectionTimeoutMillis: this.options.connectionTimeoutMillis ?? 5000,
      // Notices a silently dropped connection (a dead host) instead of waiting forever for NOTIFYs.
      keepAlive: true,
    });
    let state: 'connecting' | 'listening' | 'closed' = 'connecting';
    const lose = (error: Error): void => {
      if (state !== 'listening') return;
      state = 'closed';
      client.end().catch(() => undefined);
      handlers.onLost(error);
    };
    // An 'error' without a listener would end the process; a broken connection is reported instead.
    client.on('error', lose);
    client.on('end', () => lose(new Error('the LISTEN connection to PostgreSQL ended')));
    client.on('notification', (message) => {
      if (message.channel !== CHANGE_CHANNEL) return;
      const position = Number(message.payload);
      handlers.onChange(Number.isSafeInteger(position) ? position : null);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      state = 'closed';
      await client.end().catch(() => undefined);
      throw error;
    }
    state = 'listening';
    return {
      close: async () => {
        if (state === 'closed') return;
        state = 'closed';
        await client.end().catch(() => undefined);
      },
    };
  }
}
