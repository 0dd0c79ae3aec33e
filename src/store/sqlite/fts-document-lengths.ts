import type Database from 'better-sqlite3';

/** The `%_data` row holding FTS5's averages record: the row count, then the tokens of each column. */
const AVERAGES_ROW = 1;
/** The FTS5 storage version whose shadow tables this reads (`chunks_fts_config`); another one is not read. */
const KNOWN_FORMAT = 4;
/** Chunks read per statement when catching up: the hex text of one read stays near a megabyte. */
const BATCH = 65_536;

/**
 * The token count of every chunk in `chunks_fts` (all columns), held in memory, and the index's row and token totals:
 * what FTS5's bm25() reads from `chunks_fts_docsize` for each posting, read here once. Chunk ids are never reused
 * (AUTOINCREMENT, or PostgreSQL's sequence on a replica) and a chunk's text never changes under its id, so a length
 * once read stays right: new chunks are read when first met (`length`) or by `catchUp`, in id order.
 */
export class FtsDocumentLengths {
  /** Tokens by chunk id (0: not read yet); 2 bytes an id. A length beyond 65,535 is not kept, but read each time. */
  private lengths = new Uint16Array(0);
  private lastRead = 0;
  private readonly statements: ReturnType<typeof prepareStatements>;

  constructor(database: Database.Database) {
    this.statements = prepareStatements(database);
  }

  /** Whether the index's storage is the version these reads understand. */
  readable(): boolean {
    return Number(this.statements.formatVersion.get()) === KNOWN_FORMAT;
  }

  /** Reads the lengths of the chunks added since the last call (all of them the first time). */
  catchUp(): void {
    if (this.lastRead === 0) this.reserve(Number(this.statements.lastId.get() ?? 0));
    for (;;) {
      const batch = this.statements.lengthsAfter.get(this.lastRead, BATCH) as string | null;
      if (!batch) return;
      let read = 0;
      for (const entry of batch.split(',')) {
        const separator = entry.indexOf(':');
        const chunkId = Number(entry.slice(0, separator));
        this.store(chunkId, totalOfVarints(hexBytes(entry, separator + 1)));
        this.lastRead = Math.max(this.lastRead, chunkId);
        read += 1;
      }
      if (read < BATCH) return;
    }
  }

  /** The chunk's tokens; one read of `chunks_fts_docsize` for a chunk not met before (0 when it is not indexed). */
  length(chunkId: number): number {
    const known = chunkId < this.lengths.length ? this.lengths[chunkId]! : 0;
    if (known > 0) return known;
    const size = this.statements.lengthOf.get(chunkId) as Buffer | undefined;
    const length = size ? totalOfVarints(size) : 0;
    if (length > 0) this.store(chunkId, length);
    return length;
  }

  /** The index's rows and its tokens in every column, as bm25() takes them for the average length. */
  totals(): { rows: number; tokens: number } {
    const record = this.statements.averages.get(AVERAGES_ROW) as Buffer | undefined;
    if (!record) return { rows: 0, tokens: 0 };
    const [rows = 0, ...columns] = varints(record);
    return { rows, tokens: columns.reduce((sum, tokens) => sum + tokens, 0) };
  }

  private store(chunkId: number, length: number): void {
    if (length > 0xffff) return;
    if (chunkId >= this.lengths.length) this.reserve(Math.max(chunkId, Math.ceil(this.lengths.length * 1.5)));
    this.lengths[chunkId] = length;
  }

  /** Room for ids up to `lastId`. */
  private reserve(lastId: number): void {
    if (lastId < this.lengths.length) return;
    const grown = new Uint16Array(lastId + 1);
    grown.set(this.lengths);
    this.lengths = grown;
  }
}

function prepareStatements(database: Database.Database) {
  return {
    formatVersion: database.prepare(`SELECT v FROM chunks_fts_config WHERE k = 'version'`).pluck(),
    lengthsAfter: database.prepare(`SELECT group_concat(id || ':' || hex(sz), ',') FROM (SELECT id, sz FROM chunks_fts_docsize WHERE id > ? ORDER BY id LIMIT ?)`).pluck(),
    lengthOf: database.prepare('SELECT sz FROM chunks_fts_docsize WHERE id = ?').pluck(),
    lastId: database.prepare('SELECT max(id) FROM chunks_fts_docsize').pluck(),
    averages: database.prepare('SELECT block FROM chunks_fts_data WHERE id = ?').pluck(),
  };
}

/** SQLite's variable-length integers, as FTS5 writes them (7 bits a byte, high bit set on all but the last). */
function varints(bytes: ArrayLike<number>): number[] {
  const values: number[] = [];
  let value = 0;
  for (let index = 0; index < bytes.length; index += 1) {
    const byte = bytes[index]!;
    value = value * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      values.push(value);
      value = 0;
    }
  }
  return values;
}

function totalOfVarints(bytes: ArrayLike<number>): number {
  return varints(bytes).reduce((sum, value) => sum + value, 0);
}

/** The bytes written in hexadecimal from `start` to the end of `text`. */
function hexBytes(text: string, start: number): Uint8Array {
  const bytes = new Uint8Array((text.length - start) >> 1);
  for (let index = 0; index < bytes.length; index += 1) bytes[index] = (hexDigit(text.charCodeAt(start + 2 * index)) << 4) | hexDigit(text.charCodeAt(start + 2 * index + 1));
  return bytes;
}

/** The value of an upper-case hexadecimal digit's character code (what SQLite's hex() writes). */
function hexDigit(code: number): number {
  return code <= 57 ? code - 48 : code - 55;
}
