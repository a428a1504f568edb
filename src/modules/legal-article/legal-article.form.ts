import type { Field } from '../../edit/form.js';

export const legalArticleFormFields: readonly Field[] = [
  { kind: 'scalar', name: 'code', type: 'text', required: true, initial: 'BY-CC' },
  { kind: 'scalar', name: 'number', type: 'text', required: true },
  { kind: 'scalar', name: 'titleEn', type: 'text' },
  { kind: 'scalar', name: 'titleBe', type: 'text' },
  { kind: 'scalar', name: 'titleRu', type: 'text' },
];
