import type { Locale } from '../../site/locale.js';

/**
 * Labels of the time-in-custody figures, kept beside them rather than in src/site/messages/ (the
 * statistics pages' own words; the site's message files belong to the site).
 */
const en = {
  byArticle: 'Time in custody by article',
  byArrestYear: 'Time in custody by year of arrest',
  distribution: 'How long people are held',
  stillHeld: 'Still held after',
  rearrests: 'Re-arrests',
  article: 'Article',
  noArticle: 'no article recorded',
  bucket: 'Time inside',
  completed: 'Released after',
  ongoingSoFar: 'Still held, so far',
  kaplanMeierMedian: 'Median days (Kaplan–Meier)',
  medianCompleted: 'Median days (released only)',
  months: 'Months',
  shareStillHeld: 'Share still held',
  measure: 'Measure',
  value: 'Value',
  articleNote:
    'An episode charged under several articles counts under each of them. The Kaplan–Meier median counts those still held; “—” means more than half are still held.',
  distributionNote:
    'Completed episodes by their length; those still held by their time inside so far. A range means partial dates allow either bucket.',
  stillHeldNote:
    'Kaplan–Meier estimate with those still held counted until today (range over partial dates).',
  rearrestRows: {
    personsWithMultipleEpisodes: 'Persons detained more than once',
    personsRearrested: 'Persons re-arrested after a release',
    rearrests: 'Re-arrests after a release',
    overlaps: 'New cases while still held',
    medianGapDays: 'Median days from release to re-arrest',
    within: (days: string) => `Re-arrested within ${days} days`,
    inconsistentRecords: 'Records to be checked',
  },
  buckets: {
    'under 1 month': 'under 1 month',
    '1–3 months': '1–3 months',
    '3–6 months': '3–6 months',
    '6–12 months': '6–12 months',
    '1–2 years': '1–2 years',
    '2–3 years': '2–3 years',
    '3–5 years': '3–5 years',
    '5 years and more': '5 years and more',
  } as Record<string, string>,
};

export type StatsMessages = typeof en;

const be: StatsMessages = {
  byArticle: 'Час пад вартай па артыкулах',
  byArrestYear: 'Час пад вартай па годзе затрымання',
  distribution: 'Як доўга людзей трымаюць',
  stillHeld: 'Усё яшчэ пад вартай праз',
  rearrests: 'Паўторныя затрыманні',
  article: 'Артыкул',
  noArticle: 'артыкул не запісаны',
  bucket: 'Час пад вартай',
  completed: 'Вызвалены праз',
  ongoingSoFar: 'Усё яшчэ пад вартай, пакуль',
  kaplanMeierMedian: 'Медыяна дзён (Каплан–Мэер)',
  medianCompleted: 'Медыяна дзён (толькі вызваленыя)',
  months: 'Месяцаў',
  shareStillHeld: 'Доля тых, хто ўсё яшчэ пад вартай',
  measure: 'Паказчык',
  value: 'Значэнне',
  articleNote:
    'Эпізод з некалькімі артыкуламі лічыцца пад кожным з іх. Медыяна Каплана–Мэера ўлічвае тых, хто яшчэ пад вартай; «—» азначае, што больш за палову яшчэ пад вартай.',
  distributionNote:
    'Завершаныя эпізоды паводле даўжыні; тыя, хто яшчэ пад вартай, паводле часу на сёння. Дыяпазон азначае, што няпоўныя даты дапускаюць абодва інтэрвалы.',
  stillHeldNote:
    'Ацэнка Каплана–Мэера; тыя, хто яшчэ пад вартай, улічваюцца да сёння (дыяпазон па няпоўных датах).',
  rearrestRows: {
    personsWithMultipleEpisodes: 'Людзі, затрыманыя больш за адзін раз',
    personsRearrested: 'Людзі, зноў затрыманыя пасля вызвалення',
    rearrests: 'Паўторныя затрыманні пасля вызвалення',
    overlaps: 'Новыя справы ў зняволенні',
    medianGapDays: 'Медыяна дзён ад вызвалення да новага затрымання',
    within: (days: string) => `Зноў затрыманыя на працягу ${days} дзён`,
    inconsistentRecords: 'Запісы для праверкі',
  },
  buckets: {
    'under 1 month': 'менш за 1 месяц',
    '1–3 months': '1–3 месяцы',
    '3–6 months': '3–6 месяцаў',
    '6–12 months': '6–12 месяцаў',
    '1–2 years': '1–2 гады',
    '2–3 years': '2–3 гады',
    '3–5 years': '3–5 гадоў',
    '5 years and more': '5 гадоў і больш',
  },
};

const ru: StatsMessages = {
  byArticle: 'Время под стражей по статьям',
  byArrestYear: 'Время под стражей по году задержания',
  distribution: 'Как долго людей держат',
  stillHeld: 'Всё ещё под стражей через',
  rearrests: 'Повторные задержания',
  article: 'Статья',
  noArticle: 'статья не записана',
  bucket: 'Время под стражей',
  completed: 'Освобождены через',
  ongoingSoFar: 'Всё ещё под стражей, пока',
  kaplanMeierMedian: 'Медиана дней (Каплан–Мейер)',
  medianCompleted: 'Медиана дней (только освобождённые)',
  months: 'Месяцев',
  shareStillHeld: 'Доля всё ещё под стражей',
  measure: 'Показатель',
  value: 'Значение',
  articleNote:
    'Эпизод с несколькими статьями учитывается под каждой из них. Медиана Каплана–Мейера учитывает тех, кто ещё под стражей; «—» означает, что больше половины ещё под стражей.',
  distributionNote:
    'Завершённые эпизоды по длительности; те, кто ещё под стражей, по времени на сегодня. Диапазон означает, что неполные даты допускают оба интервала.',
  stillHeldNote:
    'Оценка Каплана–Мейера; те, кто ещё под стражей, учитываются до сегодняшнего дня (диапазон по неполным датам).',
  rearrestRows: {
    personsWithMultipleEpisodes: 'Люди, задержанные больше одного раза',
    personsRearrested: 'Люди, снова задержанные после освобождения',
    rearrests: 'Повторные задержания после освобождения',
    overlaps: 'Новые дела в заключении',
    medianGapDays: 'Медиана дней от освобождения до нового задержания',
    within: (days: string) => `Снова задержаны в течение ${days} дней`,
    inconsistentRecords: 'Записи для проверки',
  },
  buckets: {
    'under 1 month': 'меньше 1 месяца',
    '1–3 months': '1–3 месяца',
    '3–6 months': '3–6 месяцев',
    '6–12 months': '6–12 месяцев',
    '1–2 years': '1–2 года',
    '2–3 years': '2–3 года',
    '3–5 years': '3–5 лет',
    '5 years and more': '5 лет и больше',
  },
};

const MESSAGES: Readonly<Record<Locale, StatsMessages>> = { en, be, ru };

export function statsMessagesFor(locale: Locale): StatsMessages {
  return MESSAGES[locale];
}
