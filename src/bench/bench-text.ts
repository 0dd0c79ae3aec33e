import { loadSquad } from '../evaluation/load-squad.js';
import { parseSourceFile } from '../ingest/parse-source-file.js';
import { splitSentences } from '../text/split-sentences.js';

/** Where the bench takes its real Chinese text from. */
export interface BenchTextOptions {
  /** A SQuAD-format file (CMRC 2018): its passages are the sentence pool, its questions the queries. */
  squadFile: string;
  /** A newspaper page (.md) whose articles join the pool; null to leave it out. */
  samplePage: string | null;
}

/** A real passage cut into sentences, with the title it came with. */
export interface SourcePassage {
  title: string;
  sentences: string[];
}

/** The real text a synthetic corpus is recombined from. */
export interface BenchText {
  passages: SourcePassage[];
  /** Questions written about the passages (CMRC), in file order. */
  questions: string[];
  /** The gold answers of each question (trimmed text → answers), for retrieval quality. */
  answers: ReadonlyMap<string, readonly string[]>;
}

/** Reads the CMRC passages and questions and the sample page's articles into sentence pools. */
export async function loadBenchText(options: BenchTextOptions): Promise<BenchText> {
  const squad = loadSquad(options.squadFile);
  const passages: SourcePassage[] = squad.articles.map((article) => {
    const sentences = article.paragraphs.flatMap((paragraph) => splitSentences(paragraph));
    // A few CMRC entries have an empty title; a record needs one.
    return { title: article.title.trim() || (sentences[0] ?? '').slice(0, 16), sentences };
  });
  if (options.samplePage) {
    const page = await parseSourceFile(options.samplePage);
    if (page.errors.length > 0) throw new Error(`cannot read the sample page ${options.samplePage}: ${page.errors[0]!.message}`);
    for (const article of page.articles) {
      passages.push({ title: article.title, sentences: article.paragraphs.flatMap((paragraph) => splitSentences(paragraph)) });
    }
  }
  const usable = passages.filter((passage) => passage.sentences.length > 0);
  if (usable.length === 0) throw new Error(`no passages with text in ${options.squadFile}`);
  const answers = new Map(squad.questions.map((question) => [question.question.trim(), question.answers]));
  return { passages: usable, questions: squad.questions.map((question) => question.question), answers };
}
