import { readArticle } from './src/ingest/article.ts';
import { extractFacts } from './src/ingest/extract.ts';
const texts = [
`Belarus frees 123 prisoners including Nobel laureate Bialiatski

MINSK, Dec 13 (Reuters) - Belarus released 123 prisoners on Saturday, including Nobel Peace Prize laureate Ales Bialiatski and opposition figure Maria Kalesnikava, as the United States lifted sanctions on potash. Most of those freed were taken to Lithuania. Viasna said 1,110 political prisoners remained behind bars.`,
`Суд в Гомеле приговорил Ивана Синтетикова к четырём годам колонии усиленного режима по ч. 1 ст. 342 УК. Позавчера в Минске задержали журналистку Анну Тестову. По данным правозащитного центра «Вясна», в Беларуси 1 110 политзаключённых. 11 сентября 52 человека были освобождены и вывезены в Литву.`,
];
for (const t of texts) {
  const a = readArticle(t, { timeZone: 'Europe/Minsk', today: '2025-12-15' });
  console.log(a.publishedOn, a.publishedFrom, a.publisher, a.title, a.dateline);
  console.log(JSON.stringify(extractFacts(a).map(e => ({k: e.kind, f: e.facts, c: e.confidence})), (k, v) => k === 'queries' || k==='start'||k==='end' ? undefined : v, 1));
}
