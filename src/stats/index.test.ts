import { describe, expect, it } from 'vitest';
import * as stats from './index.js';

describe('src/stats public API', () => {
  it('re-exports every computation', () => {
    for (const name of [
      'periodKey',
      'periodsBetween',
      'periodsOfPartialDate',
      'stockOn',
      'stockSeries',
      'flowTable',
      'rearrestReport',
      'summariseDurations',
      'durationHistogram',
      'durationsByArticle',
      'durationsByArrestYear',
      'kaplanMeier',
      'episodeSurvival',
      'stillHeldAfterMonths',
      'releasedVsImprisoned',
      'aroundBatches',
      'cumulativeReleasesByRoute',
      'dealLedger',
      'concessionTimeline',
      'reconcile',
      'conditionalityScorecard',
      'countryDossier',
      'projectStock',
      'heldOnDay',
    ]) {
      expect(typeof (stats as Record<string, unknown>)[name], name).toBe('function');
    }
  });
});
