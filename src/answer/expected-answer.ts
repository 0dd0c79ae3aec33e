/** What kind of fact the question asks for, from its question words (and attribute words). */
export type ExpectedAnswer = 'number' | 'date' | 'person' | 'place' | 'reason' | 'definition' | 'alias' | null;
