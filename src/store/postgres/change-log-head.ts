/**
 * The change log's head as an SQL expression: its newest position, or the position it was compacted to when compaction
 * left it empty (a head never goes backwards, or every replica would think itself ahead of PostgreSQL).
 */
export const CHANGE_LOG_HEAD_SQL = `greatest((SELECT coalesce(max(position), 0) FROM change_log), (SELECT coalesce(max(compacted_through), 0) FROM change_log_compaction))`;
