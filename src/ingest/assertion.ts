import { CLAUSE_BREAK, NEGATION_AFTER, NEGATION_BEFORE, RELEASE_VERB } from './lexicon.js';

const RELEASE_VERBS = new RegExp(RELEASE_VERB.source, 'giu');

/** The part of a sentence's clause before `at`: a negation in another clause does not reach the verb. */
function clauseBefore(text: string, at: number): string {
  const before = text.slice(0, at);
  let start = 0;
  for (const match of before.matchAll(CLAUSE_BREAK)) start = match.index + match[0].length;
  return before.slice(start);
}

/**
 * Whether a sentence tells of a release that happened: some release verb in it is not negated in its
 * own clause. "No releases have been announced …, and 1,150 remain" tells none; "Minsk freed 12 on
 * Monday; none of the others was freed" still tells one.
 */
export function assertsRelease(text: string): boolean {
  for (const match of text.matchAll(RELEASE_VERBS)) {
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 20);
    if (!NEGATION_BEFORE.test(clauseBefore(text, match.index)) && !NEGATION_AFTER.test(after)) return true;
  }
  return false;
}
