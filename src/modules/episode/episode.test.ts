import { expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { PUBLIC_VIEWER } from '../user/access.js';
import { describeEachDialect } from '../../../test/database.js';
import {
  aFacility,
  anArticle,
  anEpisode,
  aPerson,
  fixedClock,
  testServices,
} from '../../../test/factories.js';
import { tableCounts } from '../../../test/snapshot.js';
import { episodeFilterSchema } from './episode.schema.js';

const filter = (input: Record<string, unknown>) => episodeFilterSchema.parse(input);
const UNKNOWN_ID = '01890000-0000-7000-8000-000000000000';

describeEachDialect('episode service', (database) => {
  it('stores charges with article titles, facility stays and a release linked to a batch', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const article = await anArticle(services, '361-1');
    const facility = await aFacility(services);
    const batch = await services.batches.create({
      releasedOn: '2025-12-13',
      title: 'Synthetic batch',
      counterparts: [],
      concessions: [],
      visibility: 'public',
    });
    const episode = await services.episodes.create(
      anEpisode(person.id, {
        detainedOn: '2021-07-14',
        verdictOn: '2023-03-03',
        sentenceMonths: 120,
        sentenceRegime: 'strict',
        charges: [{ articleId: article.id, part: '1' }],
        facilityStays: [{ facilityId: facility.id, from: '2023', to: null }],
        release: {
          releasedOn: '2025-12-13',
          mode: 'negotiated',
          batchId: batch.id,
          destinationCountry: 'LT',
          forcedExile: true,
        },
      }),
    );
    expect(episode.status).toBe('released');
    expect(episode.charges).toEqual([
      expect.objectContaining({
        articleCode: 'BY-CC',
        articleNumber: '361-1',
        part: '1',
        articleTitleEn: 'Synthetic title of article 361-1',
      }),
    ]);
    expect(episode.facilityStays).toEqual([
      expect.objectContaining({ facilityName: facility.name, from: '2023', to: null }),
    ]);
    expect(episode.release).toMatchObject({
      batchId: batch.id,
      forcedExile: true,
      citizenshipStripped: null,
      destinationCountry: 'LT',
    });
    expect((await services.batches.get(batch.id)).identifiedCount).toBe(1);
    expect((await services.episodes.find(filter({ batchId: batch.id }))).items.map((e) => e.id)).toEqual([
      episode.id,
    ]);
    expect((await services.episodes.find(filter({ articleId: article.id }))).total).toBe(1);
    expect((await services.episodes.find(filter({ facilityId: facility.id }))).total).toBe(1);
  });

  it("lists each facility's episodes from one read exactly as find does: its order, once each, only what the viewer sees", async () => {
    const services = testServices(database().db);
    const first = await aFacility(services, 'Synthetic colony No. 41');
    const second = await aFacility(services, 'Synthetic colony No. 42');
    const hiddenPerson = await services.persons.create(aPerson({ visibility: 'internal' }));
    for (const [index, detainedOn] of ['2022-05', '2021', '2022-05-03', '2020-01-02'].entries()) {
      const person = index === 3 ? hiddenPerson : await services.persons.create(aPerson());
      await services.episodes.create(
        anEpisode(person.id, {
          detainedOn,
          visibility: index === 2 ? 'internal' : 'public',
          facilityStays:
            index === 0
              ? [
                  { facilityId: first.id, from: '2022-06', to: '2022-08' },
                  { facilityId: second.id, from: '2022-09', to: '2023-01' },
                  { facilityId: first.id, from: '2023-02' },
                ]
              : [{ facilityId: index === 1 ? second.id : first.id, from: '2023' }],
        }),
      );
    }
    const viewers = [services, buildServices(database().db, fixedClock, { viewer: PUBLIC_VIEWER })];
    for (const viewer of viewers) {
      const byFacility = await viewer.episodes.idsByFacility();
      for (const facility of [first, second]) {
        const found = await viewer.episodes.find(filter({ facilityId: facility.id, limit: 500 }));
        expect(byFacility.get(facility.id) ?? []).toEqual(found.items.map((episode) => episode.id));
        expect(await viewer.episodes.getMany(byFacility.get(facility.id) ?? [])).toEqual(found.items);
      }
    }
    expect((await viewers[1]?.episodes.idsByFacility())?.get(first.id)).toHaveLength(1);
    expect((await services.episodes.idsByFacility()).get(first.id)).toHaveLength(3);
  });

  it('records a re-arrest as a second episode and lists episodes oldest first', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    await services.episodes.create(
      anEpisode(person.id, {
        detainedOn: '2020-05-31',
        release: { releasedOn: '2021', mode: 'sentence_served' },
      }),
    );
    await services.episodes.create(
      anEpisode(person.id, {
        detainedOn: '2010-12-19',
        release: { releasedOn: '2015-08-22', mode: 'pardon' },
      }),
    );
    await services.episodes.create(anEpisode(person.id, { detainedOn: '2022-02' }));
    const episodes = await services.episodes.listForPerson(person.id);
    expect(episodes.map((episode) => episode.detainedOn)).toEqual(['2010-12-19', '2020-05-31', '2022-02']);
    expect(episodes.map((episode) => episode.status)).toEqual(['released', 'released', 'pre_trial']);
  });

  it('orders partial dates as ranges: a year before its months and days', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    for (const detainedOn of ['2021-03-05', '2021', '2020-12-31', '2021-03']) {
      await services.episodes.create(
        anEpisode(person.id, { detainedOn, release: { releasedOn: '2024', mode: 'sentence_served' } }),
      );
    }
    const found = await services.episodes.find(filter({ personId: person.id }));
    expect(found.items.map((episode) => episode.detainedOn)).toEqual([
      '2020-12-31',
      '2021',
      '2021-03',
      '2021-03-05',
    ]);
    // Any reading of "2021" can fall in March 2021, so a date-range filter keeps it.
    const march = await services.episodes.find(
      filter({ personId: person.id, detainedFrom: '2021-03-01', detainedTo: '2021-03-31' }),
    );
    expect(march.items.map((episode) => episode.detainedOn)).toEqual(['2021', '2021-03', '2021-03-05']);
  });

  it('refuses a release before the detention and writes nothing', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const before = await tableCounts(database().db);
    const attempt = services.episodes.create(
      anEpisode(person.id, {
        detainedOn: '2021-07-14',
        release: { releasedOn: '2021-07-01', mode: 'pardon' },
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'rule_violated',
      issues: [{ path: 'release.releasedOn' }],
    });
    await expect(attempt).rejects.toThrow(
      /release\.releasedOn: 2021-07-01 is before the detention on 2021-07-14/,
    );
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('accepts a release whose partial date may fall after the detention', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const episode = await services.episodes.create(
      anEpisode(person.id, { detainedOn: '2021-07-14', release: { releasedOn: '2021', mode: 'pardon' } }),
    );
    expect(episode.release?.releasedOn).toBe('2021');
  });

  it('refuses an unknown article, facility or batch, naming each field, and writes nothing', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const before = await tableCounts(database().db);
    const attempt = services.episodes.create(
      anEpisode(person.id, {
        charges: [{ articleId: UNKNOWN_ID }],
        facilityStays: [{ facilityId: UNKNOWN_ID }],
        release: { releasedOn: '2025-12-13', mode: 'negotiated', batchId: UNKNOWN_ID },
      }),
    );
    await expect(attempt).rejects.toMatchObject({ code: 'rule_violated' });
    await expect(attempt).rejects.toThrow(/charges\.0\.articleId: legal article .* does not exist/);
    await expect(attempt).rejects.toThrow(/facilityStays\.0\.facilityId/);
    await expect(attempt).rejects.toThrow(/release\.batchId/);
    expect(await tableCounts(database().db)).toEqual(before);
  });

  it('refuses an episode for a person who does not exist', async () => {
    const services = testServices(database().db);
    await expect(services.episodes.create(anEpisode(UNKNOWN_ID))).rejects.toMatchObject({
      code: 'rule_violated',
      issues: [{ path: 'personId' }],
    });
  });

  it('refuses a second open episode and a detention in the future', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    await services.episodes.create(anEpisode(person.id, { detainedOn: '2020-05-31' }));
    await expect(services.episodes.create(anEpisode(person.id, { detainedOn: '2022' }))).rejects.toThrow(
      /already held/,
    );
    const other = await services.persons.create(aPerson());
    // The fixed test clock says 2026-01-15.
    await expect(services.episodes.create(anEpisode(other.id, { detainedOn: '2026-02' }))).rejects.toThrow(
      /in the future/,
    );
  });

  it('updates an episode: adds a release, checks the rules on the merged record, refuses stale versions', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const episode = await services.episodes.create(anEpisode(person.id, { detainedOn: '2021-07-14' }));
    await expect(services.episodes.update(episode.id, { verdictOn: '2020' })).rejects.toMatchObject({
      code: 'rule_violated',
    });
    const released = await services.episodes.update(episode.id, {
      release: {
        releasedOn: '2025-12-13',
        mode: 'deportation',
        forcedExile: true,
        citizenshipStripped: false,
      },
      version: 1,
    });
    expect(released.status).toBe('released');
    expect(released.release).toMatchObject({ forcedExile: true, citizenshipStripped: false });
    expect(released.version).toBe(2);
    await expect(services.episodes.update(episode.id, { place: 'x', version: 1 })).rejects.toMatchObject({
      code: 'conflict',
    });
    const reopened = await services.episodes.update(episode.id, { release: null });
    expect(reopened.release).toBeNull();
    expect(reopened.status).toBe('pre_trial');
  });

  it('will not delete an article still used by a charge', async () => {
    const services = testServices(database().db);
    const person = await services.persons.create(aPerson());
    const article = await anArticle(services, '130');
    await services.episodes.create(anEpisode(person.id, { charges: [{ articleId: article.id }] }));
    await expect(services.legalArticles.delete(article.id)).rejects.toMatchObject({ code: 'conflict' });
    expect((await services.legalArticles.get(article.id)).number).toBe('130');
  });
});
