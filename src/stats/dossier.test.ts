import { describe, expect, it } from 'vitest';
import { countryDossier } from './dossier.js';
import type { ConditionFact, PersonFact } from './facts.js';
import { episode } from './testing.js';

const person = (id: string, fields: Partial<PersonFact> = {}): PersonFact => ({
  id,
  birthDate: null,
  ties: [{ kind: 'citizenship', country: 'DE' }],
  anonymous: false,
  ...fields,
});
const condition = (
  personId: string,
  kind: string,
  startedOn: string | null,
  endedOn: string | null = null,
): ConditionFact => ({
  personId,
  kind,
  startedOn,
  endedOn,
});

const day = '2024-06-01';
const persons = [
  person('p-old', { birthDate: '1960-03-10' }),
  person('p-sick', { ties: [{ kind: 'residence', country: 'de' }] }),
  person('p-maybe', { birthDate: '1964' }),
  person('p-anon', { anonymous: true }),
  person('p-anon2', { anonymous: true }),
  person('p-other', { ties: [{ kind: 'citizenship', country: 'PL' }] }),
  person('p-released'),
  person('p-nothing'),
];
const episodes = [
  episode({ personId: 'p-old', detainedOn: '2021-01-01', sentenceMonths: 120 }),
  episode({ personId: 'p-sick', detainedOn: '2023-01-01' }),
  episode({ personId: 'p-maybe', detainedOn: '2024-06' }),
  episode({ personId: 'p-anon', detainedOn: '2022-01-01' }),
  episode({ personId: 'p-anon2', detainedOn: '2022-01-01' }),
  episode({ personId: 'p-other', detainedOn: '2022-01-01' }),
  episode({ personId: 'p-released', detainedOn: '2022-01-01', releasedOn: '2024-05-01' }),
  episode({ personId: 'p-nothing', detainedOn: '2022-01-01' }),
];
const conditions = [
  condition('p-sick', 'health_alert', '2024-05-20'),
  condition('p-sick', 'torture_report', '2022-01-01'), // an event two years before: outside the look-back
  condition('p-sick', 'incommunicado', '2024-04-01'),
  condition('p-sick', 'shizo', '2024-01-01', '2024-01-21'), // 20 days
  condition('p-sick', 'PKT', '2024-03', '2024-04'), // 1–60 days
  condition('p-anon', 'health_alert', '2024-01'),
  condition('p-anon', 'torture_report', '2024-05-01'),
  condition('p-other', 'health_alert', '2024-05-01'),
  condition('p-released', 'health_alert', '2024-04-01'),
];
const dossier = countryDossier({ persons, episodes, conditions }, 'de', day);

describe('countryDossier', () => {
  it('lists named persons with ties held on the day, certainly or possibly', () => {
    expect(dossier.country).toBe('DE');
    expect(dossier.held).toEqual({ certain: ['p-nothing', 'p-old', 'p-sick'], possible: ['p-maybe'] });
  });

  it('returns anonymous persons as counts only, never with ids', () => {
    expect(dossier.anonymousHeld).toEqual({ certain: 2, possible: 0 });
    expect(dossier.anonymousPriority).toEqual({
      persons: 1,
      byReason: {
        health_alert: 1,
        torture_report: 1,
        incommunicado: 0,
        punishment_cell: 0,
        age: 0,
        long_remaining_term: 0,
      },
    });
    expect(JSON.stringify(dossier)).not.toContain('p-anon');
  });

  it('orders the priority list by score, with every reason as text and score', () => {
    expect(dossier.priority.map((entry) => [entry.personId, entry.held, entry.score])).toEqual([
      ['p-sick', 'certain', 62.5],
      ['p-old', 'certain', 25],
      ['p-maybe', 'possible', 7.5],
    ]);
    expect(dossier.priority[0]?.reasons).toEqual([
      { kind: 'health_alert', certain: true, score: 30, text: 'health alert since 2024-05-20' },
      {
        kind: 'incommunicado',
        certain: true,
        score: 25,
        text: 'incommunicado since 2024-04-01 (at least 61 days)',
      },
      {
        kind: 'punishment_cell',
        certain: false,
        score: 7.5,
        text: '21–80 days in SHIZO/PKT during this detention',
      },
    ]);
    expect(dossier.priority[1]?.reasons).toEqual([
      { kind: 'age', certain: true, score: 15, text: 'aged 64' },
      {
        kind: 'long_remaining_term',
        certain: true,
        score: 10,
        text: '6.6 years left of a 120-month sentence (term ends 2031-01-01)',
      },
    ]);
    expect(dossier.priority[2]?.reasons).toEqual([
      { kind: 'age', certain: false, score: 7.5, text: 'aged 59–60 (born 1964)' },
    ]);
  });

  it('takes options for weights and thresholds', () => {
    const custom = countryDossier({ persons, episodes, conditions }, 'DE', day, {
      weights: { age: 100 },
      punishmentCellDays: 20,
      possibleFactor: 0,
    });
    expect(custom.priority.map((entry) => [entry.personId, entry.score])).toEqual([
      ['p-old', 110],
      ['p-sick', 70],
      // A merely possible reason is still shown, at the score the options give it.
      ['p-maybe', 0],
    ]);
  });
});

describe('countryDossier reasons at the edges', () => {
  const one = (p: PersonFact, fields: Parameters<typeof episode>[0], cs: ConditionFact[], on = day) =>
    countryDossier(
      { persons: [p], episodes: [episode({ personId: p.id, ...fields })], conditions: cs },
      'DE',
      on,
    ).priority[0];

  it('turns 60 on 1 March when born on 29 February, in a common year', () => {
    const p = person('x', { birthDate: '1963-03-01' });
    expect(one(p, { detainedOn: '2020-01-01' }, [], '2023-02-28')).toBeUndefined();
    const leap = person('y', { birthDate: '1964-02-29' });
    expect(one(leap, { detainedOn: '2020-01-01' }, [], '2024-02-28')).toBeUndefined();
    expect(one(leap, { detainedOn: '2020-01-01' }, [], '2024-02-29')?.reasons[0]?.text).toBe('aged 60');
  });

  it('a remaining term from a partial detention date may be only possible', () => {
    const entry = one(person('x'), { detainedOn: '2022', sentenceMonths: 60 }, []);
    expect(entry?.reasons).toEqual([
      {
        kind: 'long_remaining_term',
        certain: false,
        score: 5,
        text: '2.6–3.6 years left of a 60-month sentence (term ends 2027-01-01 … 2027-12-31)',
      },
    ]);
    expect(one(person('x'), { detainedOn: '2022-01-01', sentenceMonths: 24 }, [])).toBeUndefined();
  });

  it('a torture report is an event on its date, counted within the look-back', () => {
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [condition('x', 'torture_report', '2023-06-02')])
        ?.reasons,
    ).toEqual([{ kind: 'torture_report', certain: true, score: 25, text: 'torture report 2023-06-02' }]);
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [condition('x', 'torture_report', '2023-06-01')]),
    ).toBeUndefined();
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [condition('x', 'torture_report', '2023-06')])
        ?.reasons[0],
    ).toMatchObject({
      certain: false,
      score: 12.5,
    });
  });

  it('health alerts older than the look-back do not count; undated ones are possible', () => {
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [
        condition('x', 'health_alert', '2022-01-01', '2023-01-01'),
      ]),
    ).toBeUndefined();
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [condition('x', 'health_alert', null)])?.reasons,
    ).toEqual([{ kind: 'health_alert', certain: false, score: 15, text: 'health alert (date unknown)' }]);
    // An ongoing alert counts whatever its start.
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [condition('x', 'health_alert', '2020-05')])?.score,
    ).toBe(30);
  });

  it('an incommunicado period that ended is no reason; one that ends later is', () => {
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [
        condition('x', 'incommunicado', '2023-01-01', '2024-01-01'),
      ]),
    ).toBeUndefined();
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [
        condition('x', 'incommunicado', '2024-05', '2024-07-01'),
      ])?.reasons,
    ).toEqual([
      {
        kind: 'incommunicado',
        certain: true,
        score: 25,
        text: 'incommunicado since 2024-05 (at least 1 day)',
      },
    ]);
    expect(
      one(person('x'), { detainedOn: '2020-01-01' }, [condition('x', 'incommunicado', '2024-06')])
        ?.reasons[0],
    ).toMatchObject({
      certain: false,
      score: 12.5,
    });
  });

  it('counts SHIZO from earlier detentions out', () => {
    const p = person('x');
    const result = countryDossier(
      {
        persons: [p],
        episodes: [
          episode({ personId: 'x', detainedOn: '2019-01-01', releasedOn: '2020-01-01' }),
          episode({ personId: 'x', detainedOn: '2023-01-01' }),
        ],
        conditions: [
          condition('x', 'shizo', '2019-02-01', '2019-05-01'),
          condition('x', 'shizo', '2024-01-01', '2024-01-31'),
        ],
      },
      'DE',
      day,
    );
    expect(result.priority[0]?.reasons).toEqual([
      {
        kind: 'punishment_cell',
        certain: true,
        score: 15,
        text: '30 days in SHIZO/PKT during this detention',
      },
    ]);
  });

  it('has nobody for a country without ties', () => {
    const empty = countryDossier({ persons, episodes, conditions }, 'FR', day);
    expect(empty).toMatchObject({
      held: { certain: [], possible: [] },
      anonymousHeld: { certain: 0, possible: 0 },
      priority: [],
    });
  });
});
