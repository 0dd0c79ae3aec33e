import type { Article } from '../ingest/article.js';
import { chunkArticle } from '../chunking/chunk-article.js';
import type { BenchText } from './bench-text.js';
import { seededRandom, type SeededRandom } from './seeded-random.js';

/** One synthetic article as a JSONL record, and how many chunks the chunker makes of it. */
export interface BenchRecord {
  id: string;
  title: string;
  date: string;
  url: string;
  authors: string[];
  section: string;
  /** Paragraphs, written as the record's body lines. */
  body: string[];
  chunks: number;
}

export interface BenchCorpusOptions {
  /** Generate articles until their chunks add up to at least this many. */
  chunks: number;
  /** Default 7. */
  seed?: number;
}

/** The corpus spans ten years of a daily paper, 2016-01-01 to 2025-12-31. */
const FIRST_DAY = Date.UTC(2016, 0, 1);
const DAYS = 3653;
const DAY_MS = 86_400_000;
const SECTIONS = ['要闻', '本地', '经济', '社会', '文化', '体育', '教育', '民生'];
const AUTHORS = ['王晓明', '李娟', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周涛', '吴倩'];
const TITLE_PREFIXES = ['', '', '', '株洲：', '聚焦', '关注', '记者探访', '回眸'];
/** Body length in characters: city-daily articles run from a brief to a long feature. */
const MIN_BODY_CHARS = 300;
const MAX_BODY_CHARS = 1600;

/**
 * Builds a corpus of varied articles from real Chinese text: each article starts from one real
 * passage and adds sentences of others, its figures are changed, its date falls in ten years of
 * publication, so chunks are not copies of each other while the wording stays genuine.
 */
export function generateBenchCorpus(text: BenchText, options: BenchCorpusOptions): BenchRecord[] {
  const random = seededRandom(options.seed ?? 7);
  const records: BenchRecord[] = [];
  let chunks = 0;
  while (chunks < options.chunks) {
    const record = generateRecord(text, random, records.length);
    records.push(record);
    chunks += record.chunks;
  }
  // Spread evenly over the ten years, in publication order.
  records.forEach((record, index) => {
    const day = Math.floor((index * DAYS) / records.length);
    record.date = new Date(FIRST_DAY + day * DAY_MS).toISOString().slice(0, 10);
    record.url = `https://news.example.cn/${record.date.replaceAll('-', '/')}/${record.id}.html`;
  });
  return records;
}

/** The article the JSONL reader makes of a record (for counting chunks). */
export function recordArticle(record: BenchRecord): Article {
  return {
    id: record.id,
    title: record.title,
    subtitle: null,
    paragraphs: record.body,
    date: record.date,
    url: record.url,
    authors: record.authors,
    section: record.section,
    source: `${record.date}.jsonl`,
    photoCaption: null,
    position: 0,
  };
}

function generateRecord(text: BenchText, random: SeededRandom, index: number): BenchRecord {
  const base = random.pick(text.passages);
  const targetChars = random.integer(MIN_BODY_CHARS, MAX_BODY_CHARS);
  const sentences = base.sentences.map((sentence) => varyFigures(sentence, random));
  let length = sentences.reduce((sum, sentence) => sum + sentence.length, 0);
  while (length < targetChars) {
    const other = random.pick(text.passages);
    const start = random.integer(0, other.sentences.length - 1);
    for (const sentence of other.sentences.slice(start, start + random.integer(1, 4))) {
      const varied = varyFigures(sentence, random);
      sentences.push(varied);
      length += varied.length;
    }
  }
  const body: string[] = [];
  for (let start = 0; start < sentences.length; ) {
    const size = random.integer(2, 4);
    body.push(sentences.slice(start, start + size).join(''));
    start += size;
  }
  const record: BenchRecord = {
    id: `bench-${index}`,
    title: `${random.pick(TITLE_PREFIXES)}${base.title}`,
    date: '',
    url: '',
    authors: [random.pick(AUTHORS)],
    section: random.pick(SECTIONS),
    body,
    chunks: 0,
  };
  record.chunks = chunkArticle(recordArticle(record)).length;
  return record;
}

/** Changes about half of the figures of a sentence, keeping years, months and days plausible. */
function varyFigures(sentence: string, random: SeededRandom): string {
  return sentence.replace(/\d+(?=(年|月|日|号)?)/g, (digits, unit: string | undefined) => {
    if (random.next() < 0.5) return digits;
    const value = Number(digits);
    if (unit === '年' && digits.length === 4) return String(value + random.integer(-5, 5));
    if (unit === '月') return String(random.integer(1, 12));
    if (unit === '日' || unit === '号') return String(random.integer(1, 28));
    return String(Math.max(1, Math.round(value * (0.5 + random.next()))));
  });
}
