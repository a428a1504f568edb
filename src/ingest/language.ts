export type ArticleLanguage = 'en' | 'ru' | 'be';

/** The language of a text from its letters: Belarusian has і and ў, Russian и and щ. */
export function detectLanguage(text: string): ArticleLanguage {
  const sample = text.slice(0, 20_000);
  const cyrillic = (sample.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (sample.match(/[A-Za-z]/g) ?? []).length;
  if (cyrillic <= latin) return 'en';
  const belarusian = (sample.match(/[іўІЎ]/g) ?? []).length;
  const russian = (sample.match(/[ищъИЩЪ]/g) ?? []).length;
  return belarusian > russian ? 'be' : 'ru';
}

/** A sentence's own language: quotes and names cross scripts inside one article. */
export function sentenceLanguage(text: string, articleLanguage: ArticleLanguage): ArticleLanguage {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  if (cyrillic === 0 && latin === 0) return articleLanguage;
  if (latin > cyrillic) return 'en';
  if (articleLanguage !== 'en') return articleLanguage;
  return detectLanguage(text);
}
