import { IRREGULAR_FORMS } from './english-function-words.js';

/** A word and its likely dictionary forms, most likely first: `canteens` → canteens, canteen; `upgraded` → upgraded, upgrade, upgrad. */
export function englishLemmas(word: string): string[] {
  const forms = [word];
  const add = (form: string): void => {
    if (form.length >= 2 && !forms.includes(form)) forms.push(form);
  };
  const irregular = IRREGULAR_FORMS[word];
  if (irregular) add(irregular);
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s') && !word.endsWith('ss')) add(word.slice(0, -1));
  if (word.endsWith('ied')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('ed')) {
    add(word.slice(0, -1));
    add(word.slice(0, -2));
    if (/(.)\1ed$/.test(word)) add(word.slice(0, -3));
  }
  if (word.endsWith('ing')) {
    add(word.slice(0, -3));
    add(`${word.slice(0, -3)}e`);
    if (/(.)\1ing$/.test(word)) add(word.slice(0, -4));
  }
  if (word.endsWith('ly')) add(word.slice(0, -2));
  // Derived nouns often have no gloss of their own (compensation, management): their verb does.
  if (word.endsWith('ation')) add(`${word.slice(0, -5)}ate`);
  if (word.endsWith('ment')) add(word.slice(0, -4));
  if (word.endsWith('ers')) add(word.slice(0, -1));
  return forms;
}
