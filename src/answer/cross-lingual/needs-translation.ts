/** Whether a question is written without Chinese but with words of another alphabet, so the dictionary leg applies. */
export function needsTranslation(question: string): boolean {
  return !/\p{Script=Han}/u.test(question) && /\p{L}{2,}/u.test(question);
}
