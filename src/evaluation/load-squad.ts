import fs from 'node:fs';
import zlib from 'node:zlib';
import { z } from 'zod';
import type { Article } from '../ingest/article.js';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day as YYYY-MM-DD');

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string().optional(),
      paragraphs: z.array(
        z.object({
          id: z.union([z.string(), z.number()]).optional(),
          context: z.string(),
          /** The passage's report date (YYYY-MM-DD), an extension of SQuAD for answers in time; absent: undated. */
          date: isoDay.optional(),
          qas: z.array(
            z.object({
              id: z.union([z.string(), z.number()]).optional(),
              question: z.string(),
              answers: z.array(z.object({ text: z.string() })),
              /** The moment the question is asked (its "now", 去年), an extension of SQuAD; absent: the clock. */
              now: z
                .string()
                .refine((value) => !Number.isNaN(Date.parse(value)), 'must be a date or time')
                .optional(),
            }),
          ),
        }),
      ),
    }),
  ),
});

export interface EvalQuestion {
  question: string;
  /** Distinct gold answer texts. */
  answers: string[];
  /** The article (paragraph) the question was written about. */
  articleId: string;
  /** When it is asked (the file's `now`), or absent: the clock. */
  now?: Date;
}

/** One entry of the file's `data`: a title and its paragraphs' article ids, in order. */
export interface SquadTitle {
  /** `title-<entry index>`: the id of the article the title's paragraphs make when joined (see `joinTitles`). */
  id: string;
  title: string;
  source: string;
  articleIds: string[];
}

export interface SquadSet {
  articles: Article[];
  questions: EvalQuestion[];
  titles: SquadTitle[];
}

/** gzip's first two bytes: a compressed file is read whatever its name. */
const GZIP_MAGIC = [0x1f, 0x8b] as const;

/**
 * Reads a SQuAD-format file, plain or gzip-compressed: every paragraph becomes one article (dated by its optional
 * `date`), every question keeps its gold texts (and its optional `now`), every entry its title and paragraphs.
 */
export function loadSquad(file: string): SquadSet {
  let raw: unknown;
  try {
    const bytes = fs.readFileSync(file);
    const compressed = bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
    raw = JSON.parse((compressed ? zlib.gunzipSync(bytes) : bytes).toString('utf8'));
  } catch (error) {
    throw new Error(`cannot read SQuAD file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = squadSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not in SQuAD format: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const articles: Article[] = [];
  const questions: EvalQuestion[] = [];
  const titles: SquadTitle[] = [];
  parsed.data.data.forEach((entry, entryIndex) => {
    const title: SquadTitle = { id: `title-${entryIndex}`, title: entry.title ?? `title-${entryIndex}`, source: `${file}#title-${entryIndex}`, articleIds: [] };
    titles.push(title);
    entry.paragraphs.forEach((paragraph, paragraphIndex) => {
      const id = String(paragraph.id ?? `p${entryIndex}-${paragraphIndex}`);
      articles.push({
        id,
        title: entry.title ?? id,
        subtitle: null,
        paragraphs: [paragraph.context],
        date: paragraph.date ?? null,
        url: null,
        authors: [],
        section: null,
        source: `${file}#${id}`,
        photoCaption: null,
        position: paragraphIndex,
      });
      title.articleIds.push(id);
      for (const qa of paragraph.qas) {
        const answers = [...new Set(qa.answers.map((answer) => answer.text.trim()).filter((text) => text.length > 0))];
        if (answers.length > 0) questions.push({ question: qa.question, answers, articleId: id, ...(qa.now ? { now: new Date(qa.now) } : {}) });
      }
    });
  });
  return { articles, questions, titles };
}
