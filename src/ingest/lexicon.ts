import { withLetters } from './letters.js';
import type { CountQualifier } from './types.js';

/**
 * The words the extractors look for, in English, Russian and Belarusian. Patterns run on the
 * sentence as written (with the `i` and `u` flags), so case endings are matched by stems.
 */
export const RELEASE_VERB = withLetters(
  /\b(?:released|releases|releasing|release of|freed|frees|freeing|pardoned|pardons|set free|walked free|walked out of|let go|granted clemency|grants? clemency)\b|(?<!\p{L})(?:освобо(?:дил|дила|дили|ждены|жден|ждён|ждена|дило|жд[её]н\p{L}*)|помилова\p{L}*|вышл\p{L}* на свободу|на свободу вы(?:шл|ш|йд)\p{L}*|выпу(?:стил|щен)\p{L}*|отпу(?:стил|щен)\p{L}*|вызвал(?:іў|іла|ілі|ены|ены|ена|ены)|вызвален\p{L}*|памілава\p{L}*|выйшл\p{L}* на волю|на волю выйш\p{L}*|выпусціл\p{L}*|адпусціл\p{L}*)/iu,
);

/**
 * The sentence is about a release that did not (yet) happen, or about many releases over time:
 * demands, conditions ("if", "если"), possibility ("could", "may", "могут", "могуць"), plans and
 * promises ("will be freed", "is expected to", "будут освобождены", "пообещал", "абяцаюць").
 */
export const NOT_AN_EVENT = withLetters(
  /\b(?:call(?:ed|s|ing)? for|urg(?:ed|es|ing)|demand(?:ed|s|ing)?|appeal(?:ed|s)?|could|might|would|should|must|may|ha(?:ve|s) to|need(?:s)? to|hop(?:es?|ed|ing)|expect(?:s|ed|ing)?|if|unless|will (?:soon |now |also )?(?:be )?(?:free|freed|release|released|pardon|pardoned|let go|set free)|(?:is|are|was|were) (?:due|set|scheduled|going|about|likely|poised) to (?:be )?(?:free|freed|release|released|pardon|pardoned)|(?:is|are|was|were) to be (?:freed|released|pardoned)|plan(?:s|ned|ning)? to|ready to|prepared to|willing to|offer(?:ed|s|ing)? to|promis(?:e|ed|es|ing) to|threaten(?:ed|s|ing)? to|se(?:ek|eks|eking)|sought|press(?:ed|es|ing)? for|push(?:ed|es|ing)? for|campaign(?:ed|s|ing)? for|since (?:19|20)\d\d|in total|a total of|so far this year|over the past|refused to)\b|(?<!\p{L})(?:треб\p{L}*|призва\p{L}*|призыва\p{L}*|должн\p{L}*|павінн\p{L}*|может|могут|мог бы|могли бы|надеет\p{L}*|всего с|в общей сложности|с (?:19|20)\d\d года|за (?:все|всё) время|патрабу\p{L}*|заклік\p{L}*|если|будут|будет|освободят|освободит|отпустят|отпустит|помилуют|помилует|выпустят|(?:планиру\p{L}*|намерен\p{L}*|собира\p{L}*|обеща\p{L}*|пообеща\p{L}*|готов\p{L}*|плану\p{L}*|абяца\p{L}*|паабяца\p{L}*|гатов\p{L}*) (?:\p{L}+ )?(?:освобод|отпуст|помил|выпуст|вызвал|адпус|памілав)\p{L}*|ожида(?:ется|ются|ют)|чакаецца|чакаюць|будуць|будзе|вызваляць|вызваліць|можа|могуць|маглі б|калі б)(?!\p{L})/iu,
);

/**
 * A release verb said not to have happened: "No releases", "no one was freed", "none of them has
 * been released", "не был освобождён", "не вызвалілі". Not a qualifier of a count ("no fewer than",
 * "не менее"), which precedes a real release.
 */
export const NEGATION_BEFORE = withLetters(
  /(?:\b(?:no(?! (?:fewer|less|later|sooner) than)|not(?! (?:only|least|just)\b)|never|none|nobody|no one|neither|nor|yet to|without)\b|n't\b)(?:\s+[\p{L}'’-]+){0,5}?\s*$|(?<!\p{L})(?:не(?!\s+(?:менее|меньше|только|раньше|позднее|позже|менш|толькі))|ни|нет|никто|никого|ніхто|нікога|ні|няма)(?:\s+\p{L}+){0,5}?\s*$/iu,
);

/** "освобождены не были", "вызвалены не былі": the negation after the participle. */
export const NEGATION_AFTER = withLetters(
  /^\s*(?:так и |так і )?(?:не|ни) (?:был|была|было|были|быў|былі|стал\p{L}*)(?!\p{L})|^\s*(?:not|never)\b/iu,
);

export const PRISONER_NOUN = withLetters(
  /^\s*(?:(?:more|other|further|additional|political|foreign|jailed|imprisoned|convicted|more political|freed|released|pardoned|belarusian|ukrainian|lithuanian|polish|former)\s+){0,2}(?:political prisoners|prisoners|people|persons|detainees|inmates|individuals|men|women|citizens|foreigners|foreign nationals|belarusians|activists|journalists|convicts)\b|^\s*(?:\p{L}+\s+)?(?:политзаключ\p{L}*|политических заключ\p{L}*|заключ\p{L}*|человек\p{L}*|граждан\p{L}*|иностран\p{L}*|осужд[её]нн\p{L}*|узник\p{L}*|палітвязн\p{L}*|чалавек\p{L}*|зняволен\p{L}*|асуджан\p{L}*|грамадзян\p{L}*)/iu,
);

/** "52 were freed": a count followed by the passive release verb. */
export const COUNT_THEN_VERB = withLetters(
  /^\s*(?:of them\s+|more\s+)?(?:were|have been|had been|are|got)\s+(?:\p{L}+\s+)?(?:released|freed|pardoned|let go|set free)\b|^\s*(?:освобождены|помилованы|отпущены|выпущены|вышли на свободу|вызвалены|выйшлі на волю|памілаваныя)/iu,
);

export const POLITICAL_PRISONERS = withLetters(
  /political prisoners|political prisoner|политзаключ\p{L}*|политических заключ\p{L}*|палітвязн\p{L}*|політв'язн\p{L}*/iu,
);

/** What a published total is about: political prisoners by name, or people held on political grounds. */
export const POLITICAL_TOPIC = withLetters(
  /political prisoners?|on political grounds|for political reasons|politically motivated|политзаключ\p{L}*|политических заключ\p{L}*|по политическим (?:мотивам|причинам|статьям)|палітвязн\p{L}*|па палітычных (?:матывах|прычынах|артыкулах)|політв'язн\p{L}*/iu,
);

/** "…, bringing the total to 1,110", "доведя общее число до 1 110": the total after its noun. */
export const TOTAL_TO_BEFORE = withLetters(
  /(?:bringing|brings|taking|takes|raising|raises|pushing|pushes) the (?:total|number|count|tally)(?: of political prisoners)? to\s*(?:(?:more than|over|almost|nearly|about|around)\s+)?$|(?<!\p{L})(?:довед\p{L}*|доводя|увеличив\p{L}*) (?:общее )?(?:число|количество) (?:политзаключ\p{L}* )?до\s*$|(?:the total (?:now )?(?:is|stands at|rose to|reached))\s*$/iu,
);

/** "a day after Minsk freed 16": the release is dated by the other date of the sentence. */
export const DAYS_AFTER_BEFORE = withLetters(
  /\b(a|one|two|three|four|five|\d) days? (after|before)\s+(?:\p{L}+\s+){0,3}$|(?<!\p{L})(?:(на следующий день|через день) после|(за день|накануне) до)\s+(?:\p{L}+\s+){0,3}$/iu,
);

/** "said on Friday", "сообщила в среду": the day of the report, not of the event. */
export const REPORTED_BEFORE = withLetters(
  /\b(?:said|says|told|reported|announced|confirmed|added|wrote)\s+(?:\p{L}+\s+)?$|(?<!\p{L})(?:сообщил\p{L}*|заявил\p{L}*|рассказал\p{L}*|написал\p{L}*|паведаміл\p{L}*|заявіл\p{L}*)\s+$/iu,
);

/** "They were freed on Wednesday": the date of the release the sentence before reported. */
export const PRONOUN_RELEASE = withLetters(
  /^(?:they|all of them|those freed|the freed|the prisoners)\b|^(?:они|их|все они|освобожд[её]нны\p{L}*|яны|іх)(?!\p{L})/iu,
);

/** "since July 2024 more than 300 have been pardoned": a published count of releases. */
export const RELEASED_SINCE = withLetters(
  /\bsince (?:\p{L}+ )?(?:19|20)\d\d\b|(?<!\p{L})(?:с (?:\p{L}+ )?(?:19|20)\d\d года|всего с|з (?:\p{L}+ )?(?:19|20)\d\d года)/iu,
);

/** ", sentenced in 2022 to seven years,": a sentence told as an aside about a named person. */
export const SENTENCE_APPOSITIVE = withLetters(
  /,\s*(?:who (?:was|had been) )?sentenced\b[^,]*,|,\s*(?:осужд[её]нн\p{L}*|приговор[её]нн\p{L}*|асуджан\p{L}*)\b[^,]*,/iu,
);

export const SENTENCE_VERB = withLetters(
  /\b(?:sentenced|sentences|jailed|imprisoned|handed (?:a|an)\b|handed\b(?=[^.]{0,80}\b(?:sentence|term)\b)|gave (?:him|her|them) (?:a|an)\b)|(?<!\p{L})(?:приговор\p{L}*|осужд[её]н\p{L}*|осудил\p{L}*|получил\p{L}* \S+ (?:лет|год)|асудзі\p{L}*|асуджан\p{L}*|прысудзі\p{L}*|прысуд\p{L}*)/iu,
);

/** A sentence that only dates the verdict just reported: "The verdict was handed down on Tuesday." */
export const VERDICT_FOLLOW_UP = withLetters(
  /\b(?:the )?(?:verdict|sentence|ruling) was (?:handed down|passed|delivered|announced|issued|read out)\b|(?<!\p{L})(?:приговор (?:был )?(?:вынесен|оглаш[её]н)|прысуд (?:быў )?(?:вынесены|агучаны|абвешчаны))(?!\p{L})/iu,
);

export const ARREST_VERB = withLetters(
  /\b(?:detained|arrested|taken into custody|apprehended|rounded up)\b|(?<!\p{L})(?:задержа\p{L}*|арестова\p{L}*|взят\p{L}* под стражу|затрыма\p{L}*|арыштава\p{L}*)/iu,
);

export const SANCTIONS = withLetters(/\bsanctions?\b|(?<!\p{L})(?:санкци\p{L}*|санкцы\p{L}*)/iu);
export const RELIEF = withLetters(
  /\b(?:lift(?:ed|s|ing)?|eas(?:ed|es|ing|e)|relief|remov(?:ed|es|ing|e)|suspend(?:ed|s|ing)?|waiv(?:ed|es|ing|e)|unfroze|delist(?:ed)?|exempt\p{L}*)\b|(?<!\p{L})(?:снят\p{L}*|снял\p{L}*|сняли|смягч\p{L}*|ослаб\p{L}*|отмен\p{L}*|приостанов\p{L}*|выве\p{L}* из-под|зня\p{L}*|змякч\p{L}*|адмян\p{L}*)/iu,
);

export const CONCESSION_TARGETS: readonly (readonly [RegExp, string])[] = [
  [
    withLetters(/\bpotash\b|(?<!\p{L})(?:кали[йяюеё]\p{L}*|калийн\p{L}*|калі[йяюе]\p{L}*|калійн\p{L}*)/iu),
    'potash',
  ],
  [withLetters(/\bbelaruskali\b|(?<!\p{L})(?:беларуськали\p{L}*|беларуськалі\p{L}*)/iu), 'Belaruskali'],
  [withLetters(/\bbelavia\b|(?<!\p{L})(?:белавиа|белавія|авиакомпани\p{L}* «?белавиа»?)/iu), 'Belavia'],
  [withLetters(/\bfertili[sz]ers?\b|(?<!\p{L})(?:удобрени\p{L}*|угнаенн\p{L}*)/iu), 'fertilizer'],
  [
    withLetters(
      /\baircraft (?:parts|spare parts)\b|(?<!\p{L})(?:запчаст\p{L}* для (?:самол|воздушн)\p{L}*|авиазапчаст\p{L}*)/iu,
    ),
    'aircraft parts',
  ],
];

/** A target named together with the one it belongs to stands for both: Belaruskali is the potash producer. */
export const SUPERSEDED_TARGETS: Readonly<Record<string, string>> = { Belaruskali: 'potash' };

/** States and bodies that negotiate, receive or concede; the name is how the registry records them. */
export const COUNTERPARTS: readonly (readonly [RegExp, string, string | null])[] = [
  [
    withLetters(
      /\b(?:[Tt]he United States|[Tt]he U\.S\.|[Tt]he US|Washington|U\.S\.|US)(?![\p{L}])|(?<!\p{L})(?:США|Соединённы\p{L}* Штат\p{L}*|Соединенны\p{L}* Штат\p{L}*|Вашингтон\p{L}*|ЗША|американск\p{L}* сторон\p{L}*)/u,
    ),
    'United States',
    'US',
  ],
  [
    withLetters(
      /\b(?:[Tt]he European Union|[Tt]he EU|EU|Brussels)\b|(?<!\p{L})(?:Евросоюз\p{L}*|Европейск\p{L}* союз\p{L}*|ЕС|Еўрасаюз\p{L}*)(?!\p{L})/u,
    ),
    'European Union',
    null,
  ],
  [withLetters(/\bLithuania\b|(?<!\p{L})(?:Литв\p{L}*|Літв\p{L}*)/u), 'Lithuania', 'LT'],
  [withLetters(/\bPoland\b|(?<!\p{L})(?:Польш\p{L}*|Польшч\p{L}*)/u), 'Poland', 'PL'],
  [withLetters(/\bUkraine\b|(?<!\p{L})(?:Украин\p{L}*|Украін\p{L}*)/u), 'Ukraine', 'UA'],
  [withLetters(/\bLatvia\b|(?<!\p{L})(?:Латви\p{L}*|Латві\p{L}*)/u), 'Latvia', 'LV'],
  [withLetters(/\bGermany\b|(?<!\p{L})(?:Германи\p{L}*|Германі\p{L}*)/u), 'Germany', 'DE'],
  [withLetters(/\bthe Vatican\b|(?<!\p{L})(?:Ватикан\p{L}*)/u), 'Holy See', 'VA'],
];

/** "taken to Lithuania", "вывезены в Литву": where the freed went. */
export const DESTINATION = withLetters(
  /\b(?:to|into|in|for|across the border (?:to|into))\s+(?:neighbouring\s+|neighboring\s+)?(Lithuania|Poland|Ukraine|Latvia|Germany|the United States)\b|(?<!\p{L})(?:в|на территорию|у)\s+(Литву|Польшу|Украину|Латвию|Германию|США|Літву|Польшчу|Украіну|Латвію)(?!\p{L})/u,
);

export const DESTINATION_COUNTRIES: Readonly<Record<string, { name: string; code: string }>> = {
  lithuania: { name: 'Lithuania', code: 'LT' },
  литву: { name: 'Lithuania', code: 'LT' },
  літву: { name: 'Lithuania', code: 'LT' },
  poland: { name: 'Poland', code: 'PL' },
  польшу: { name: 'Poland', code: 'PL' },
  польшчу: { name: 'Poland', code: 'PL' },
  ukraine: { name: 'Ukraine', code: 'UA' },
  украину: { name: 'Ukraine', code: 'UA' },
  украіну: { name: 'Ukraine', code: 'UA' },
  latvia: { name: 'Latvia', code: 'LV' },
  латвию: { name: 'Latvia', code: 'LV' },
  латвію: { name: 'Latvia', code: 'LV' },
  germany: { name: 'Germany', code: 'DE' },
  германию: { name: 'Germany', code: 'DE' },
  'the united states': { name: 'United States', code: 'US' },
  сша: { name: 'United States', code: 'US' },
};

export const TRANSPORT = withLetters(
  /\b(?:taken|brought|flown|driven|transferred|deported|expelled|arrived|crossed|bussed|handed over|sent)\b|(?<!\p{L})(?:вывез\p{L}*|доставл\p{L}*|переда\p{L}*|депортир\p{L}*|выдвор\p{L}*|выслан\p{L}*|прибыл\p{L}*|пересекл\p{L}*|вывезл\p{L}*|вывезены|дастаўлен\p{L}*|вывезен\p{L}*)/iu,
);

export const FORCED_EXILE = withLetters(
  /\b(?:deported|expelled|forced (?:to leave|into exile|out)|into exile|forcibly|without (?:their|his|her) passports?|stripped of (?:their|his|her) citizenship|not allowed to (?:stay|remain))\b|(?<!\p{L})(?:депортир\p{L}*|выдвор\p{L}*|выслан\p{L}*|принудительно|вывезены|вывезли|вывезен\p{L}*|без паспорт\p{L}*|выдварыл\p{L}*|дэпартава\p{L}*)/iu,
);
export const ALLOWED_TO_STAY = withLetters(
  /\b(?:allowed to (?:stay|remain)|remain(?:ed)? in Belarus|stay(?:ed)? in Belarus|returned home)\b|(?<!\p{L})(?:остал\p{L}* в Беларуси|остаться в Беларуси|вернул\p{L}* домой)/iu,
);

export const ORGANISATIONS: readonly (readonly [RegExp, string])[] = [
  [withLetters(/\bVi?ya?sna\b|\bViasna\b|(?<!\p{L})(?:Вясн\p{L}*|Весн\p{L}*)(?!\p{L})/u), 'Viasna'],
  [withLetters(/\bOVD-Info\b|(?<!\p{L})ОВД-Инфо(?!\p{L})/u), 'OVD-Info'],
  [withLetters(/\bMemorial\b|(?<!\p{L})Мемориал\p{L}*/u), 'Memorial'],
  [/\bAAPP\b|Assistance Association for Political Prisoners/u, 'AAPP'],
];

export const NEW_RECOGNITIONS = withLetters(
  /\bnew political prisoners?\b|\b(?:recogni[sz]ed|identified|declared|named|added)\b|(?<!\p{L})(?:новых политзаключ\p{L}*|признал\p{L}*|признан\p{L}*|новых палітвязн\p{L}*|прызнал\p{L}*|прызнан\p{L}*)/iu,
);
/** "the number of political prisoners stands at 1,134", "число политзаключённых составляет 1 118": the count after. */
export const HELD_COPULA_BEFORE = withLetters(
  /(?:political prisoners?|политзаключ\p{L}*|политических заключ\p{L}*|палітвязн\p{L}*)(?:\s+(?!\d)[\p{L}-]+){0,3}?\s+(?:now\s+|сейчас\s+|зараз\s+)?(?:stands? at|stood at|is(?: now)?|was|has (?:risen|fallen|grown|dropped|reached|climbed)(?: to)?|(?:rose|fell|dropped|grew|climbed) to|reached|totals?|totalled|numbers?|numbered|составляет|составило|составлял\p{L}*|достигл[оа]|достиг|(?:выросло|возросло|сократилось|снизилось|уменьшилось|увеличилось) до|превысило|превышает|складае|склала|дасягнула|(?:павялічылася|скарацілася|зменшылася) да)\s+(?:now\s+|сейчас\s+|зараз\s+)?(?:(?:more than|over|almost|nearly|about|around|at least|roughly|approximately|более|свыше|больше|около|почти|порядка|примерно|больш за|звыш|каля|амаль|прыкладна)\s+)?$/iu,
);

/** "1,180 of them are still behind bars", "из них 1 131 остаются за решёткой": a count of the held. */
export const COUNT_THEN_HELD = withLetters(
  /^\s*(?:of them\s+)?(?:are|remain|were)\s+(?:still\s+)?(?:behind bars|in prison|in custody|held|imprisoned|jailed)\b|^\s*(?:из них\s+)?(?:остают\p{L}*|находят\p{L}*)\s+(?:за решёткой|за решеткой|в заключении|в местах лишения свободы)|^\s*(?:з іх\s+)?(?:застаюцца|знаходзяцца)\s+(?:за кратамі|у зняволенні)/iu,
);

/** Where one clause of a sentence ends and the next begins. */
export const CLAUSE_BREAK = /[,;:—–]\s|\s(?:and|but|while|whereas|и|а|но|і)\s/giu;

/** "№15", "No. 4", "#3": the number of a colony or a case, not a count. */
export const NUMBER_SIGN_BEFORE = /(?:№|\bNo\.?|\bNr\.?|#)\s*$/u;

/** Words that make a count a count of recognitions in a period: "33 new", "ещё 14", "19 more". */
export const NEW_BEFORE = withLetters(
  /(?:\bnew|\banother|\ba further|\bfurther|нов\p{L}*|ещё|еще|яшчэ)\s*(?:\p{L}+\s+)?$/iu,
);
export const NEW_AFTER = withLetters(/^\s*(?:new\b|more\b(?! than)|нов\p{L}*|нових|новых)/iu);

/** A period the recognitions were made in, which a status ("are held now") never has. */
export const RECOGNITION_PERIOD = withLetters(
  /\b(?:last|this|past|previous) (?:week|month)\b|\bin the past (?:week|month)\b|(?<!\p{L})(?:за (?:прошл\p{L}* )?(?:неделю|месяц)|на прошлой неделе|на этой неделе|в прошлом месяце|в этом месяце|за тыдзень|за месяц|на мінулым тыдні|на гэтым тыдні|у мінулым месяцы)(?!\p{L})/iu,
);
export const LAST_WEEK = withLetters(
  /\b(?:last|past|previous) week\b|(?<!\p{L})(?:на прошлой неделе|за (?:прошлую )?неделю|за тыдзень|на мінулым тыдні)(?!\p{L})/iu,
);

/** A status at a moment: "now", "as of", "сейчас", "на 1 декабря" — the held, not the newly recognised. */
export const STATUS_NOW = withLetters(
  /\b(?:now|currently|as of|remain\p{L}*|held|behind bars|in prison|in custody)\b|(?<!\p{L})(?:сейчас|в настоящее время|на данный момент|по состоянию на|остают\p{L}*|остаются|находят\p{L}*|за решёткой|за решеткой|зараз|на сённяшні дзень|за кратамі|утрымлі\p{L}*|застаюцца)(?!\p{L})/iu,
);

export const CUMULATIVE = withLetters(
  /\bsince (?:19|20)\d\d\b|\bin total\b|\ba total of\b|\baltogether\b|(?<!\p{L})(?:с (?:19|20)\d\d года|за (?:все|всё) время|всего с|з (?:19|20)\d\d года|за ўвесь час)/iu,
);

const QUALIFIERS: readonly (readonly [RegExp, CountQualifier])[] = [
  [/(?:more than|over|upwards of|in excess of|более|больше|свыше|больш за|звыш)\s*$/iu, 'more_than'],
  [/(?:at least|no fewer than|не менее|не меньше|по меньшей мере|не менш за|прынамсі)\s*$/iu, 'at_least'],
  [/(?:nearly|almost|почти|амаль|практически)\s*$/iu, 'almost'],
  [/(?:about|around|approximately|some|roughly|около|порядка|примерно|каля|прыкладна)\s*$/iu, 'approximate'],
  [/(?:fewer than|less than|under|менее|меньше|менш за)\s*$/iu, 'fewer_than'],
];

export function qualifierBefore(textBefore: string): CountQualifier {
  const tail = textBefore.slice(-30);
  for (const [pattern, qualifier] of QUALIFIERS) if (pattern.test(tail)) return qualifier;
  return 'exact';
}

export const REGIMES: readonly (readonly [RegExp, string])[] = [
  [
    withLetters(
      /\bstrict(?:-| )(?:regime|security)\b|\bhigh-security\b|(?<!\p{L})(?:строгого режима|строгага рэжыму)/iu,
    ),
    'strict',
  ],
  [withLetters(/\bspecial(?:-| )regime\b|(?<!\p{L})(?:особого режима|асаблівага рэжыму)/iu), 'special'],
  [
    withLetters(
      /\b(?:reinforced|strengthened|medium-security)\b|(?<!\p{L})(?:усиленного режима|узмоцненага рэжыму)/iu,
    ),
    'strengthened',
  ],
  [
    withLetters(/\bgeneral(?:-| )regime\b|\blow-security\b|(?<!\p{L})(?:общего режима|агульнага рэжыму)/iu),
    'general',
  ],
  [
    withLetters(
      /\brestricted freedom\b|\brestriction of (?:liberty|freedom)\b|(?<!\p{L})(?:ограничени\p{L}* свободы|«?хими\p{L}*»?|абмежаван\p{L}* волі)/iu,
    ),
    'restricted_freedom',
  ],
  [
    withLetters(
      /\bhome confinement\b|\bhouse arrest\b|(?<!\p{L})(?:домашн\p{L}* арест\p{L}*|хатні\p{L}* арышт\p{L}*)/iu,
    ),
    'home_arrest',
  ],
  [
    withLetters(
      /\b(?:in prison|prison term|prison sentence)\b|(?<!\p{L})(?:в тюрьме|тюремн\p{L}* режим\p{L}*|ў турме)/iu,
    ),
    'prison',
  ],
  [withLetters(/\bsuspended\b|(?<!\p{L})(?:условн\p{L}*|умоўн\p{L}*)/iu), 'suspended'],
];

/** "no plans to lift", "не намерен снимать": relief that is denied is no concession. */
export const DENIED = withLetters(
  /\b(?:no plans?|not|won't|will not|refused|rejected|no intention|ruled out)\b|(?<!\p{L})(?:не (?:намерен\p{L}*|планиру\p{L}*|будет|собира\p{L}*)|отказал\p{L}*|не мае)/iu,
);

/** "Three journalists were among 18 detainees pardoned": the count before "among" is the part. */
export const PART_OF_AFTER = withLetters(
  /^\s*(?:[\p{L}-]+\s+){0,2}(?:were|was|are|is) among\b|^\s*(?:[\p{L}-]+\s+){0,2}(?:оказал\p{L}* |был\p{L}* )?среди\b|^\s*(?:[\p{L}-]+\s+){0,2}(?:апынул\p{L}* |был\p{L}* )?сярод\b/iu,
);

/** "Ее задержали в январе", "He was detained in May": an arrest of the person just named. */
export const PRONOUN_ARREST = withLetters(
  /^(?:he|she) (?:was|had been) (?:detained|arrested)\b|^(?:её|ее|его|яе|яго) (?:задержал\p{L}*|арестовал\p{L}*|затрымал\p{L}*|арыштавал\p{L}*)|^(?:он|она|ён|яна) (?:был\p{L}* |быў |была )?(?:задержан\p{L}*|арестован\p{L}*|затрыман\p{L}*|арыштаван\p{L}*)/iu,
);

/** "among them 14 foreign nationals": a part of the freed, not another release. */
export const SUBSET_BEFORE = withLetters(
  /(?:among (?:them|those|the freed|those freed|whom)|including|of whom|of them|среди (?:них|освобожд\p{L}*)|в том числе|из них|сярод (?:іх|вызвал\p{L}*))\s*(?:\p{L}+\s+){0,2}$/iu,
);

export const PARDON = withLetters(
  /\bpardon(?:ed|s|ing)?\b|\bclemency\b|(?<!\p{L})(?:помилова\p{L}*|памілава\p{L}*|памілаваў)/iu,
);

/** A name after one of these is the court's or the state's, not the prisoner's. */
export const OFFICIAL_BEFORE = withLetters(
  /(?:judge|prosecutor|investigator|lawyer|attorney|spokes(?:man|woman|person)|envoy|minister|ambassador|president|судья|судьи|прокурор\p{L}*|следовател\p{L}*|адвокат\p{L}*|посланник\p{L}*|министр\p{L}*|посол|суддзя|пракурор\p{L}*|адвакат\p{L}*)\s+$/iu,
);
