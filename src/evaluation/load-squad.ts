import fs from 'node:fs';
import { z } from 'zod';
import type { Article } from '../ingest/article.js';

const squadSchema = z.object({
  data: z.array(
    z.object({
      title: z.string().optional(),
      paragraphs: z.array(
        z.object({
          id: z.union([z.string(), z.number()]).optional(),
          context: z.string(),
          qas: z.array(z.object({ id: z.union([z.string(), z.number()]).optional(), question: z.string(), answers: z.array(z.object({ text: z.string() })) })),
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
}

export interface SquadSet {
  articles: Article[];
  questions: EvalQuestion[];
}

/** Reads a SQuAD-format file: every paragraph becomes one article, every question keeps its gold texts. */
export function loadSquad(file: string): SquadSet {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read SQuAD file ${file}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = squadSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`${file} is not in SQuAD format: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
  const articles: Article[] = [];
  const questions: EvalQuestion[] = [];
  parsed.data.data.forEach((entry, entryIndex) => {
    entry.paragraphs.forEach((paragraph, paragraphIndex) => {
      const id = String(paragraph.id ?? `p${entryIndex}-${paragraphIndex}`);
      articles.push({
        id,
        title: entry.title ?? id,
        subtitle: null,
        paragraphs: [paragraph.context],
        date: null,
        url: null,
        authors: [],
        section: null,
        source: `${file}#${id}`,
        photoCaption: null,
        position: paragraphIndex,
      });
      for (const qa of paragraph.qas) {
        const answers = [...new Set(qa.answers.map((answer) => answer.text.trim()).filter((text) => text.length > 0))];
        if (answers.length > 0) questions.push({ question: qa.question, answers, articleId: id });
      }
    });
  });
  return { articles, questions };
}
