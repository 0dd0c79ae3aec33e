// The row mapping of the chat-memory tables, shared by the SQLite and PostgreSQL adapters (lists already decoded).
import type { ConversationContext, RememberedQuestion } from './chat-memory-store.js';

/** A `remembered_questions` row as both backends read it, its list decoded (SQLite keeps it as JSON text). */
export interface RememberedQuestionRow {
  question: string;
  shown_article_ids: string[];
  chat_id: number | string | null;
  user_id: number | string | null;
  article_id: string | null;
}

/** A `remembered_questions` row as the port's value: optional fields only when set. */
export function toRememberedQuestion(row: RememberedQuestionRow): RememberedQuestion {
  return {
    question: row.question,
    shownArticleIds: row.shown_article_ids,
    ...(row.chat_id !== null && row.user_id !== null ? { askedBy: { chatId: Number(row.chat_id), userId: Number(row.user_id) } } : {}),
    ...(row.article_id !== null ? { articleId: row.article_id } : {}),
  };
}

/** A `conversation_contexts` row, its list decoded, as the port's value. */
export function toConversationContext(row: { question: string; article_ids: string[]; at: number | string; subject: string | null }): ConversationContext {
  return { question: row.question, articleIds: row.article_ids, at: Number(row.at), ...(row.subject !== null ? { subject: row.subject } : {}) };
}
