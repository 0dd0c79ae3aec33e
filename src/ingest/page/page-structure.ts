// Shapes shared by the page parser's steps.

/** A markdown ATX heading (`#`, `##`, `###`), text without the `#`s. */
export interface PageHeading {
  level: number;
  text: string;
}

/**
 * A run of lines read as one unit: a single line, or lines tied together by markdown hard breaks
 * (two trailing spaces), which newspapers use for two-line sub-headings.
 */
export interface PageBlock {
  lines: string[];
}

/** Everything from one heading to the next; the text before the first heading has `heading: null`. */
export interface PageSection {
  heading: PageHeading | null;
  blocks: PageBlock[];
}

/** A body paragraph while it is being cleaned: prose, or a short section header inside the article. */
export interface BodyParagraph {
  text: string;
  kind: 'text' | 'subheading';
}
