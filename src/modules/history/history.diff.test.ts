import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../lib/canonical-json.js';
import { syntheticRegistry } from '../../synthetic/registry.js';
import { checkPerson } from '../bulk/bulk.prepare.js';
import { creationDiffText, fieldDiff, revisionContentText } from './history.diff.js';

// Keys that matter to the writers: untracked bookkeeping, integer-like keys (listed first by the
// sorted copy), the empty key and ones that need escaping.
const key = fc.oneof(
  fc.constantFrom('updatedAt', 'createdAt', 'version', '0', '7', '10', '01', '', 'a', 'b', 'z "q"\n'),
  fc.string({ maxLength: 6 }),
);
const field = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(() => 1),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0),
  fc.double(),
  fc.jsonValue({ maxDepth: 3 }),
);
const record = fc.dictionary(key, field, { maxKeys: 12 });

describe('creationDiffText', () => {
  it('is the canonical text of the creation diff, for any record', () => {
    fc.assert(
      fc.property(record, (after) => {
        expect(creationDiffText(after)).toBe(canonicalJson(fieldDiff(null, after)));
      }),
      { numRuns: 2000 },
    );
  });

  it('is the canonical text of the creation diff of every synthetic record', () => {
    const { persons } = syntheticRegistry({ persons: 300, seed: 4, today: '2026-11-30' });
    let records = 0;
    for (const [index, raw] of [...persons].entries()) {
      const { episodes, conditionEvents, recognitions, ...fields } = checkPerson(raw, index, '2026-11-30');
      for (const after of [fields, ...episodes, ...conditionEvents, ...recognitions]) {
        expect(creationDiffText(after)).toBe(canonicalJson(fieldDiff(null, after)));
        records += 1;
      }
    }
    expect(records).toBeGreaterThan(600);
  });
});

describe('revisionContentText', () => {
  const text = fc.string({ unit: 'binary', maxLength: 40 });
  it('is the canonical text of the revision content, which the chain hashes', () => {
    fc.assert(
      fc.property(
        fc.record({
          seq: fc.oneof(fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
          at: text,
          actor: text,
          entity: text,
          recordId: text,
          action: text,
          diff: fc.oneof(
            text,
            fc.jsonValue().map((value) => canonicalJson(value)),
          ),
          reason: fc.option(text),
        }),
        (content) => {
          expect(revisionContentText(content)).toBe(canonicalJson(content));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
