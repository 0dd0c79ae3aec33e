import type { Article, ParsedSource } from '../article.js';
import { createIdAllocator } from '../create-id-allocator.js';
import { blockToParagraph } from './block-to-paragraph.js';
import { cleanArticleBody } from './clean-article-body.js';
import { extractSectionMetadata } from './extract-section-metadata.js';
import { isKicker } from './is-kicker.js';
import type { PageBlock, PageHeading } from './page-structure.js';
import { splitPageSections } from './split-page-sections.js';

/** Options for `parsePage`. */
export interface ParsePageOptions {
  /** Recorded as each article's `source`; also the input of derived ids. */
  source: string;
  /** Publication date for every article of the page, or null when unknown. */
  date: string | null;
}

interface SectionDraft {
  heading: PageHeading | null;
  blocks: PageBlock[];
  authors: string[];
  photoCaptions: string[];
  subtitle: string | null;
  kicker: string | null;
}

/** A headline of a page without markdown headings: one line, not a sentence. */
const MAX_PLAIN_TITLE_LENGTH = 80;

/**
 * Parses a newspaper page (markdown or plain text) holding many articles, one per heading, and
 * repairs its layout: bylines and photo credits become metadata, furniture is dropped, kickers move
 * to the article they announce, duplicated text is removed and broken sentences are rejoined.
 * A heading without body text (a teaser for another page) is not an article.
 */
export function parsePage(text: string, options: ParsePageOptions): ParsedSource {
  const sections: SectionDraft[] = splitPageSections(text).map((section) => ({
    heading: section.heading,
    ...extractSectionMetadata(section.blocks),
    subtitle: null,
    kicker: null,
  }));
  if (sections.every((section) => section.heading === null)) return parseHeadlessPage(sections[0], options);

  mergeSubtitles(sections);
  attachKickers(sections);

  const allocateId = createIdAllocator(options.source);
  const articles: Article[] = [];
  for (const section of sections) {
    if (section.heading === null) continue; // masthead and teasers above the first headline
    const paragraphs = cleanArticleBody(section.blocks);
    if (paragraphs.length === 0) continue;
    const subtitle = [section.kicker, section.subtitle].filter((part) => part !== null).join(' ');
    articles.push(toArticle(section, section.heading.text, subtitle.length > 0 ? subtitle : null, paragraphs, articles.length, options, allocateId));
  }
  return { articles, errors: [] };
}

/** An H3 right under an H2 (nothing between them) is that article's subtitle, not an article. */
function mergeSubtitles(sections: SectionDraft[]): void {
  for (let index = 0; index < sections.length - 1; index++) {
    const section = sections[index] as SectionDraft;
    const next = sections[index + 1] as SectionDraft;
    const isBare = section.blocks.length === 0 && section.authors.length === 0 && section.photoCaptions.length === 0;
    if (section.heading && section.heading.level < 3 && next.heading?.level === 3 && isBare && section.subtitle === null) {
      section.subtitle = next.heading.text;
      section.blocks = next.blocks;
      section.authors = next.authors;
      section.photoCaptions = next.photoCaptions;
      sections.splice(index + 1, 1);
    }
  }
}

/** Moves each section's closing line to the next article when it is that article's kicker. */
function attachKickers(sections: SectionDraft[]): void {
  for (let index = 0; index < sections.length - 1; index++) {
    const section = sections[index] as SectionDraft;
    const next = sections[index + 1] as SectionDraft;
    const last = section.blocks.at(-1);
    const line = last?.lines.length === 1 ? last.lines[0] : undefined;
    if (line === undefined || next.heading === null) continue;
    const before = section.blocks.at(-2);
    const previousText = before ? blockToParagraph(before).text : null;
    const nextText = [next.heading.text, next.subtitle ?? '', ...next.blocks.flatMap((block) => block.lines)].join('\n');
    if (isKicker(line, previousText, nextText)) {
      section.blocks.pop();
      next.kicker = line.trim();
    }
  }
}

/** A page without markdown headings (plain text): its first line is the title when it looks like one. */
function parseHeadlessPage(section: SectionDraft | undefined, options: ParsePageOptions): ParsedSource {
  const first = section?.blocks[0];
  const title = first?.lines.length === 1 ? (first.lines[0] ?? '').trim() : '';
  const looksLikeTitle = title.length > 0 && title.length <= MAX_PLAIN_TITLE_LENGTH && !/[。！？!?；;]$/.test(title);
  const paragraphs = section && looksLikeTitle ? cleanArticleBody(section.blocks.slice(1)) : [];
  if (!section || paragraphs.length === 0) {
    return {
      articles: [],
      errors: [
        {
          source: options.source,
          message: 'no headline found: expected markdown headings (#, ##, ###) or a first line holding the title',
        },
      ],
    };
  }
  return { articles: [toArticle(section, title, null, paragraphs, 0, options, createIdAllocator(options.source))], errors: [] };
}

function toArticle(
  section: SectionDraft,
  title: string,
  subtitle: string | null,
  paragraphs: string[],
  position: number,
  options: ParsePageOptions,
  allocateId: (title: string) => string,
): Article {
  return {
    id: allocateId(title),
    title,
    subtitle,
    paragraphs,
    date: options.date,
    url: null,
    authors: section.authors,
    section: null,
    source: options.source,
    photoCaption: section.photoCaptions.length > 0 ? section.photoCaptions.join('\n') : null,
    position,
  };
}
