import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServices } from '../../app.js';
import { linkName } from '../../modules/proposal/proposal.service.js';
import { createTestDatabase, type TestDatabase } from '../../../test/database.js';
import { evaluateExtraction, linkAccuracy, readEvalSet, readGallery, type LinkReport } from './evaluate.js';
import { loadGallery } from './load-gallery.js';
import articlesData from './articles.json' with { type: 'json' };
import galleryData from './gallery.json' with { type: 'json' };
import unseenData from './unseen.json' with { type: 'json' };

/**
 * Floors under the measured quality of ingestion (npm run eval:ingest prints the figures): on the
 * tuning set a little below what was measured, on the held-out set exactly at what was measured,
 * so a change cannot silently make extraction worse. The targets are the minimum:
 * release events and totals precision ≥ 0.9, recall ≥ 0.85; names ≥ 0.95.
 */
const articles = readEvalSet(articlesData);
const report = evaluateExtraction(articles);
const figures = (kind: string) => report.kinds.find((k) => k.kind === kind);
const heldOut = readEvalSet(unseenData);
const heldOutReport = evaluateExtraction(heldOut);
const heldOutFigures = (kind: string) => heldOutReport.kinds.find((k) => k.kind === kind);

describe('ingestion quality floors', () => {
  it('has an evaluation set of the promised size, in English and Russian', () => {
    expect(articles.length).toBeGreaterThanOrEqual(30);
    expect(articles.filter((a) => /\p{Script=Cyrillic}/u.test(a.text)).length).toBeGreaterThanOrEqual(10);
    expect(figures('release_event')?.expected).toBeGreaterThanOrEqual(10);
    expect(figures('count_observation')?.expected).toBeGreaterThanOrEqual(10);
  });

  it.each([
    ['release_event', 0.95, 0.95],
    ['count_observation', 0.95, 0.95],
    ['sentence', 0.9, 0.9],
    ['arrest', 0.9, 0.9],
    ['concession', 0.8, 0.8],
  ] as const)(
    'keeps %s precision ≥ %s and recall ≥ %s (measured 1.000 / 1.000)',
    (kind, precision, recall) => {
      expect(figures(kind)?.precision ?? 0).toBeGreaterThanOrEqual(precision);
      expect(figures(kind)?.recall ?? 0).toBeGreaterThanOrEqual(recall);
    },
  );

  it('dates events exactly where the article allows (measured 139 of 139)', () => {
    expect(report.datesChecked).toBeGreaterThanOrEqual(30);
    expect(report.datesExact / report.datesChecked).toBeGreaterThanOrEqual(0.92);
  });

  describe('names linked through the real cross-script search (measured 64 of 64; held out 9 of 9)', () => {
    let database: TestDatabase;
    let links: LinkReport;
    let heldOutLinks: LinkReport;
    beforeAll(async () => {
      database = await createTestDatabase('sqlite');
      const services = buildServices(database.db);
      const keys = await loadGallery(services.persons, readGallery(galleryData));
      const link = async (mention: Parameters<typeof linkName>[1]) => {
        const linked = await linkName(services, mention);
        return linked ? (keys.get(linked.personId) ?? null) : null;
      };
      links = await linkAccuracy(report, (mention) => link(mention.person));
      heldOutLinks = await linkAccuracy(heldOutReport, (mention) => link(mention.person));
    });
    afterAll(() => database.drop());

    it('links ≥ 0.95 of labelled mentions to the right person or to nobody', () => {
      expect(links.labelled).toBeGreaterThanOrEqual(20);
      expect(links.accuracy, links.wrong.join('\n')).toBeGreaterThanOrEqual(0.95);
    });

    it('links every labelled mention of the held-out articles right, as measured', () => {
      expect(heldOutLinks.labelled).toBeGreaterThanOrEqual(9);
      expect(heldOutLinks.accuracy, heldOutLinks.wrong.join('\n')).toBeGreaterThanOrEqual(1);
    });
  });
});

/**
 * The held-out articles (unseen.json) were written and committed before the rules they measure
 * were changed; their floors are the figures measured then, so the rules may only get better on
 * them. Fixing a miss found here makes the article tuning material: move it to articles.json and
 * write new held-out articles first (docs/decisions/0010).
 */
describe('ingestion quality floors on the held-out articles', () => {
  it('has a held-out set of the promised size, in English, Russian and Belarusian', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(20);
    expect(heldOut.filter((a) => /\p{Script=Cyrillic}/u.test(a.text)).length).toBeGreaterThanOrEqual(15);
    expect(heldOut.filter((a) => /[іў]/u.test(a.text)).length).toBeGreaterThanOrEqual(5);
  });

  it.each([
    ['release_event', 7, 7, 7],
    ['count_observation', 7, 7, 8],
    ['sentence', 3, 3, 4],
    ['arrest', 3, 4, 4],
    ['concession', 2, 6, 2],
  ] as const)(
    'keeps %s at ≥ %s right of %s found and of %s expected (as measured)',
    (kind, matched, found, expected) => {
      const measured = heldOutFigures(kind);
      expect(measured?.expected).toBe(expected);
      expect(measured?.precision ?? 0).toBeGreaterThanOrEqual(matched / found);
      expect(measured?.recall ?? 0).toBeGreaterThanOrEqual(matched / expected);
    },
  );

  it('dates held-out events exactly as often as measured (20 of 20)', () => {
    expect(heldOutReport.datesChecked).toBeGreaterThanOrEqual(20);
    expect(heldOutReport.datesExact / heldOutReport.datesChecked).toBeGreaterThanOrEqual(1);
  });
});
