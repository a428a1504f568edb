import { findDates } from './src/ingest/dates.ts';
import { readArticle } from './src/ingest/article.ts';
import { extractFacts } from './src/ingest/extract.ts';
const t = 'Суд приговорил Ивана Синтетикова к четырём годам колонии усиленного режима по ч. 1 ст. 342 УК. Позавчера в Минске задержали Анну Тестову.';
console.log(findDates(t, 'ru', {publishedOn:'2025-12-15', timeZone:'UTC'}));
console.log(findDates('В понедельник в Бобруйске арестован активист Виктор Шаблонов, сообщает «Вясна».', 'ru', {publishedOn:'2025-06-18', timeZone:'UTC'}));
const a = readArticle(`MINSK, Dec 13 (Reuters) - Belarus released 123 prisoners on Saturday. The United States lifted sanctions on potash.`, {published:'2025-12-13', timeZone:'Europe/Minsk', today:'2025-12-13'});
console.log(JSON.stringify(extractFacts(a).filter(e=>e.kind==='concession').map(e=>e.facts)));
