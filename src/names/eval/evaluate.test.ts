import { describe, expect, it } from 'vitest';
import { evaluate, readGallery, readQueries, type GalleryPerson } from './evaluate.js';

const gallery: GalleryPerson[] = [
  { id: 'a', names: [{ text: 'Марыя Калеснікава', script: 'Cyrl', language: 'be' }] },
  { id: 'b', names: [{ text: 'Марыя Калеснік', script: 'Cyrl', language: 'be' }] },
];

describe('evaluate', () => {
  it('computes recall, MRR and false warnings per family', () => {
    const report = evaluate(gallery, [
      { query: 'Kaliesnikava', expected: 'a', family: 'variant' },
      { query: 'Kalesnik', expected: 'b', family: 'variant' },
      { query: 'Maria Kalesnik', expected: 'a', family: 'wrong-on-purpose' },
      { query: 'Ihar Losik', expected: null, family: 'negative' },
    ]);
    const variant = report.families.find((f) => f.family === 'variant');
    expect(variant).toMatchObject({ queries: 2, positives: 2, recallAt1: 1, recallAt5: 1, mrr: 1 });
    const wrong = report.families.find((f) => f.family === 'wrong-on-purpose');
    expect(wrong).toMatchObject({ recallAt1: 0, recallAt5: 1, mrr: 0.5 });
    expect(report.overall.positives).toBe(3);
    expect(report.negatives).toBe(1);
    expect(report.falseWarnings).toBe(0);
  });

  it('rejects malformed data with a message that says where', () => {
    expect(() => readGallery({ persons: [{ id: 'x', names: [] }] })).toThrow(/person x: no names/);
    expect(() =>
      readQueries({ queries: [{ query: 'q', expected: 'nobody', family: 'f' }] }, gallery),
    ).toThrow(/not in the gallery/);
  });
});
