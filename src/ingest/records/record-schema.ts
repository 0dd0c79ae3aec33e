import { z } from 'zod';

/** Error text for one field: "missing" when absent, else what type it should have had. */
function fieldError(expected: string) {
  return (issue: { input?: unknown }) => (issue.input === undefined ? 'missing' : `must be ${expected}`);
}

const optionalText = z.string({ error: fieldError('a string') }).nullish();
const textOrLines = z.union([z.string(), z.array(z.string())], { error: fieldError('a string') }).nullish();

/**
 * One article record of a JSON/JSONL export. `body` and `content` are synonyms (exports differ);
 * unknown fields are ignored so richer exports still load.
 */
export const articleRecordSchema = z.object({
  id: z.union([z.string(), z.number()], { error: fieldError('a string or a number') }).nullish(),
  title: z.string({ error: fieldError('a string') }),
  subtitle: optionalText,
  body: textOrLines,
  content: textOrLines,
  date: z.union([z.string(), z.number()], { error: fieldError('a string') }).nullish(),
  url: optionalText,
  authors: z.union([z.string(), z.array(z.string())], { error: fieldError('an array of names or a string') }).nullish(),
  section: optionalText,
});

/** A record that passed `articleRecordSchema`. */
export type ArticleRecord = z.infer<typeof articleRecordSchema>;
