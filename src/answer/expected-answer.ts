/** Kinds of fact a question asks for; each is a feature of its own (a slot of one kind is stronger evidence than of another). */
export const EXPECTED_KINDS = ['number', 'date', 'person', 'place', 'reason', 'definition', 'alias', 'list'] as const;

/** What kind of fact the question asks for, from its question words (and attribute words); `list` asks which ones (哪些). */
export type ExpectedAnswer = (typeof EXPECTED_KINDS)[number] | null;
