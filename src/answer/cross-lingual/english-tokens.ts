/** A word or number of an English question, with what the translator needs to know about it. */
export interface EnglishToken {
  /** As written. */
  text: string;
  /** Lowercased, possessive `'s` removed. */
  lower: string;
  /** Digits (2025, 27.4, 6,100): kept as they are, the archive writes figures in digits too. */
  number: boolean;
  /** Starts with a capital letter and is not the question's first word: a name (Zhuzhou, Su Ming) or an acronym (BMI). */
  capitalized: boolean;
}

/** The question's words and numbers in order; punctuation dropped. */
export function englishTokens(question: string): EnglishToken[] {
  const matches = question.match(/\d[\d,]*(?:\.\d+)?%?|[A-Za-z]+(?:['’-][A-Za-z]+)*/g) ?? [];
  return matches.map((text, position) => {
    const number = /^\d/.test(text);
    const cleaned = number ? text.replace(/,(?=\d{3}\b)/g, '') : text;
    return {
      text: cleaned,
      lower: cleaned.toLowerCase().replace(/['’]s$/, ''),
      number,
      capitalized: !number && position > 0 && /^[A-Z]/.test(text),
    };
  });
}
