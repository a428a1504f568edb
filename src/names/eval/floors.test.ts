import { describe, expect, it } from 'vitest';
import { DUPLICATE_WARNING_THRESHOLD } from '../matcher.js';
import { evaluate, readGallery, readQueries } from './evaluate.js';
import galleryData from './gallery.json' with { type: 'json' };
import queriesData from './queries.json' with { type: 'json' };

/**
 * Floors under the measured quality of name search (npm run eval:names prints the figures), each
 * a little below what was measured so that a change cannot silently make search worse. Raise them
 * when search improves; lower one only with a reason in the commit message.
 */
const gallery = readGallery(galleryData);
const queries = readQueries(queriesData, gallery);
const report = evaluate(gallery, queries);

/** Measured per family: R@1 1.000 everywhere except typo 0.974 (one typo is closer to a decoy). */
const FAMILY_RECALL_AT_1_FLOOR: Readonly<Record<string, number>> = {
  'same-language-variant': 0.97,
  'be-ru': 0.97,
  lacinka: 0.97,
  'foreign-press': 0.97,
  typo: 0.92,
  'surname-only': 0.97,
  'reversed-order': 0.95,
  cyrillic: 0.97,
  'look-alike': 0.92,
};

describe('name search quality floors', () => {
  it('has an evaluation set of the promised size and spread', () => {
    expect(queries.length).toBeGreaterThanOrEqual(150);
    expect(report.negatives).toBeGreaterThanOrEqual(20);
    for (const family of Object.keys(FAMILY_RECALL_AT_1_FLOOR)) {
      expect(queries.filter((q) => q.family === family).length, family).toBeGreaterThanOrEqual(10);
    }
  });

  it('keeps overall recall and rank (measured R@1 0.997, R@5 1.000, MRR 0.998)', () => {
    expect(report.overall.recallAt1).toBeGreaterThanOrEqual(0.98);
    expect(report.overall.recallAt5).toBeGreaterThanOrEqual(0.99);
    expect(report.overall.mrr).toBeGreaterThanOrEqual(0.985);
  });

  it.each(Object.entries(FAMILY_RECALL_AT_1_FLOOR))('keeps R@1 of %s at or above %s', (family, floor) => {
    const figures = report.families.find((f) => f.family === family);
    expect(figures?.recallAt1 ?? 0).toBeGreaterThanOrEqual(floor);
    expect(figures?.recallAt5 ?? 0).toBeGreaterThanOrEqual(Math.min(1, floor + 0.03));
  });

  it('warns for true matches and not for different people (measured: 0 of 40 false, 99.3 % warned)', () => {
    expect(report.threshold).toBe(DUPLICATE_WARNING_THRESHOLD);
    expect(report.falseWarnings).toBeLessThanOrEqual(1);
    expect(report.recallAtThreshold).toBeGreaterThanOrEqual(0.97);
    // The threshold must keep at least 95 % of true matches, as calibrated.
    expect(report.thresholdFor95Recall).toBeGreaterThanOrEqual(DUPLICATE_WARNING_THRESHOLD);
  });
});
