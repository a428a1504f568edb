import type { BatchService } from '../batch/batch.service.js';
import type { CitationService } from '../citation/citation.service.js';
import type { CountObservationService } from '../count-observation/count-observation.service.js';
import type { CounterpartService } from '../counterpart/counterpart.service.js';
import type { EpisodeService } from '../episode/episode.service.js';
import type { LegalArticleService } from '../legal-article/legal-article.service.js';
import type { PersonService } from '../person/person.service.js';
import type { SourceService } from '../source/source.service.js';

/** The services ingestion writes through (named here, not as app.ts's Services, to keep types acyclic). */
export interface RegistryServices {
  persons: PersonService;
  sources: SourceService;
  citations: CitationService;
  countObservations: CountObservationService;
  batches: BatchService;
  episodes: EpisodeService;
  counterparts: CounterpartService;
  legalArticles: LegalArticleService;
}
