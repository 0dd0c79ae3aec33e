/** The last question answered in a conversation (one reader in one chat), as the follow-up rules read it. */
export interface PreviousTurn {
  /** The question as it was answered (already resolved, when it was itself a follow-up). */
  question: string;
  /** The articles its answer cited, first cited first. */
  articleIds: string[];
  /** When it was answered, in ms since the epoch. */
  at: number;
  /** The person or thing its answer named when it asked for one (see `answerSubject`); absent otherwise. */
  subject?: string;
}
