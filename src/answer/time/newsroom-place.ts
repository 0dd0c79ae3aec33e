/** The newsroom's own city (NEWSROOM_CITY) and its districts: local articles say 我市/全市, rarely the name. */
export interface NewsroomPlace {
  /** The city's name without 市, e.g. 株洲. */
  city: string;
  /** Its districts and counties as written, e.g. 芦淞区. */
  districts: readonly string[];
}

/** How an English question names the newsroom's city without its name. */
const OWN_CITY_EN = /\b(?:in |of )?(?:the|our|this) city\b/gi;

/**
 * The question without the newsroom's own place names (株洲市, 株洲, a district, "the city"), and whether it named one: a local
 * article says 我市, 全市 or 本市 for the name, so the name is satisfied by any local article rather than counted
 * against it. Null when the question names none.
 */
export function withoutOwnPlace(question: string, place: NewsroomPlace): string | null {
  const names = [`${place.city}市`, place.city, ...place.districts].filter((name) => name.length > 0).sort((left, right) => right.length - left.length);
  let text = question.replace(OWN_CITY_EN, '');
  for (const name of names) text = text.split(name).join('');
  return text === question ? null : text.replace(/\s+([?？])/g, '$1').trim();
}
