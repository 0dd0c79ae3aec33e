// The row mapping of the chat-memory tables, shared by the SQLite and PostgreSQL adapters (lists already decoded).
import type { ConversationContext, RememberedQuestion } from './chat-memory-store.js';

/** A `remembered_questions` row as both backends read it, its list decoded (SQLite keeps it as JSON text). */
export interface RememberedQuestionRow {
  question: string;
  shown_article_ids: string[];
  article_id: string | null;
}

/** A `conversation_contexts` row as both backends read it, its list decoded. */
export interface ConversationContextRow {
  question: string;
  article_ids: string[];
  at: number | string;
  subject: string | null;
}

/** A `remembered_questions` row as the port's value: optional fields only when set. */
export function toRememberedQuestion(row: RememberedQuestionRow): RememberedQuestion {
  return { question: row.question, shownArticleIds: row.shown_article_ids, ...(row.article_id !== null ? { articleId: row.article_id } : {}) };
}

/** A `conversation_contexts` row as the port's value. */
export function toConversationContext(row: ConversationContextRow): ConversationContext {
  return { question: row.question, articleIds: row.article_ids, at: Number(row.at), ...(row.subject !== null ? { subject: row.subject } : {}) };
}
