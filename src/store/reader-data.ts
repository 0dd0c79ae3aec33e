/** A reader to erase, in every form a store may keep them. */
export interface ReaderIdentity {
  /** Keyed hash of the Telegram user id: how the question log, votes and chat memory name the reader. */
  readerHash: string;
  /** Keyed hash of the reader's private chat with the bot (whose id is the user id). */
  privateChatHash: string;
  /** That private chat's id as text, for stores that must keep a chat id to deliver to it (digest subscriptions). */
  privateChatId: string;
}

/**
 * Port: a store that keeps anything about readers (a user or chat id, their keyed hashes, their questions). Every
 * such store implements it and is listed in `READER_DATA_STORES`, so /forget erases through all of them, and a test
 * fails when a table holding a chat or user id is in no store's `readerDataTables`.
 */
export interface ReaderDataHolder {
  /** The tables this store keeps reader data in and erases from (both backends use the same names, but for digest deliveries). */
  readonly readerDataTables: readonly string[];
  /**
   * Deletes everything the store keeps about `reader`, so that it is no longer readable from the store's files where
   * the backend allows (SQLite: secure_delete and a checkpoint); resolves how many rows went.
   */
  forgetReader(reader: ReaderIdentity): Promise<number>;
}
