/** An editors' answer pinned to a question the archive cannot answer, or answers badly. */
export interface Pin {
  id: number;
  /** The question as staff wrote it; readers' questions are matched against it by meaning, not by exact text. */
  question: string;
  /** The answer staff wrote. */
  answer: string;
  /** The article the answer rests on (cited with it), or null. A pin whose article was removed is not served. */
  articleId: string | null;
  createdAt: Date;
}

/** What {@link PinStore.add} takes. */
export type NewPin = Pick<Pin, 'question' | 'answer' | 'articleId'>;

/**
 * Port: the editors' answers. Newsroom data, not reader data: no chat or staff member is kept with a pin. Shared by
 * every worker (PostgreSQL mode keeps the pins in PostgreSQL). Adapters: `SqlitePinStore`, `PostgresPinStore`.
 */
export interface PinStore {
  /** Stores a pin; resolves it with its id. */
  add(pin: NewPin): Promise<Pin>;
  /** Every pin, oldest first. */
  list(): Promise<Pin[]>;
  /** Deletes a pin; resolves whether there was one. */
  remove(id: number): Promise<boolean>;
}
