/** Another article that fits a question as well as the answer's but answers it differently ("另有报道"). */
export interface OtherStory {
  articleId: string;
  title: string;
  date: string | null;
  /** Its answering sentence, trimmed around the fact it gives (the asked-for value). */
  snippet: string;
}
