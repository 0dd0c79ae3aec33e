/** What a subscriber is told. */
export interface ChangeHandlers {
  /** A write committed; `position` is its change-log position when the notifier knows it. */
  onChange(position: number | null): void;
  /** The subscription broke (the database went away); subscribe again to resume. Called at most once. */
  onLost(error: Error): void;
}

/** A live subscription; `close` is idempotent. */
export interface ChangeSubscription {
  close(): Promise<void>;
}

/**
 * Port for wake-ups when the change log grows (PostgreSQL LISTEN/NOTIFY). A hint only: a
 * follower still polls, since notifications sent while it was disconnected are lost.
 */
export interface ChangeNotifier {
  /** Rejects when it cannot connect. */
  subscribe(handlers: ChangeHandlers): Promise<ChangeSubscription>;
}
