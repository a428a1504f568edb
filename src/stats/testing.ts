import type { BatchFact, EpisodeFact } from './facts.js';

/** Builders for the tests of src/stats: only the fields a test is about need to be given. */
let sequence = 0;

export function episode(fields: Partial<EpisodeFact> & { detainedOn: string }): EpisodeFact {
  sequence += 1;
  return {
    id: `e${sequence}`,
    personId: `p${sequence}`,
    releasedOn: null,
    releaseMode: fields.releasedOn ? 'sentence_served' : null,
    batchId: null,
    forcedExile: null,
    citizenshipStripped: null,
    destinationCountry: null,
    articles: [],
    sentenceMonths: null,
    ...fields,
  };
}

export function batch(fields: Partial<BatchFact> & { id: string; releasedOn: string }): BatchFact {
  return { announcedCount: null, counterparts: [], concessionKinds: [], forcedExile: null, ...fields };
}
