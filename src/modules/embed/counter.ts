import { escapeXml } from '../feed/atom.js';

/** The embeddable counter: a small SVG with today's count, in English, Belarusian or Russian. */
export const COUNTER_LANGUAGES = ['en', 'be', 'ru'] as const;
export type CounterLanguage = (typeof COUNTER_LANGUAGES)[number];

const LABELS: Record<CounterLanguage, { line: string; title: (count: string) => string }> = {
  en: { line: 'political prisoners today', title: (count) => `${count} political prisoners today (unfree)` },
  be: { line: 'палітвязняў сёння', title: (count) => `${count} палітвязняў сёння (unfree)` },
  ru: { line: 'политзаключённых сегодня', title: (count) => `${count} политзаключённых сегодня (unfree)` },
};

/** "1 150", or "1 150–1 162" when partial dates leave some persons possibly held. */
export function countText(held: { min: number; max: number }, language: CounterLanguage): string {
  const format = new Intl.NumberFormat(language === 'en' ? 'en-GB' : language, { useGrouping: true });
  return held.max > held.min
    ? `${format.format(held.min)}–${format.format(held.max)}`
    : format.format(held.min);
}

export function counterSvg(
  held: { min: number; max: number },
  language: CounterLanguage,
  date: string,
): string {
  const count = countText(held, language);
  const label = LABELS[language];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="64" viewBox="0 0 240 64" role="img" aria-label="${escapeXml(label.title(count))}">
<title>${escapeXml(`${label.title(count)}, ${date}`)}</title>
<rect width="240" height="64" rx="6" fill="#1d1d1b"/>
<text x="120" y="32" text-anchor="middle" font-family="system-ui, sans-serif" font-size="26" font-weight="700" fill="#ffffff">${escapeXml(count)}</text>
<text x="120" y="52" text-anchor="middle" font-family="system-ui, sans-serif" font-size="13" fill="#e0e0e0">${escapeXml(label.line)}</text>
</svg>
`;
}

/** The HTML to paste into another site: a link to the registry around the counter image. */
export function counterSnippet(base: string, language: CounterLanguage): string {
  const src = `${base}/embed/counter.svg?lang=${language}`;
  return `<a href="${escapeXml(`${base}/`)}"><img src="${escapeXml(src)}" width="240" height="64" alt="${escapeXml(LABELS[language].line)}" loading="lazy"></a>\n`;
}
