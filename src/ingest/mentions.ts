import type { Evidence, Extraction, NamedPerson } from './types.js';

export interface MentionToLink {
  person: NamedPerson;
  /** Every way the article wrote the name ("Марии Колесниковой", "Мария Колесникова"). */
  forms: string[];
  /** The first sentence naming the person in a fact. */
  evidence: Evidence;
}

/** The persons named in facts, once each by recorded name, in the order the article names them. */
export function mentionsToLink(extractions: readonly Extraction[], text: string): MentionToLink[] {
  const byName = new Map<string, MentionToLink>();
  const add = (person: NamedPerson, evidence: Evidence) => {
    const known = byName.get(person.name);
    if (known) {
      if (!known.forms.includes(person.text)) known.forms.push(person.text);
      return;
    }
    // A merged release names people from several sentences: cite the one that names this person.
    const range =
      [evidence, ...evidence.alsoAt].find((r) => r.start <= person.start && person.end <= r.end) ?? evidence;
    byName.set(person.name, {
      person,
      forms: [person.text],
      evidence: {
        sentence: text.slice(range.start, range.end),
        start: range.start,
        end: range.end,
        alsoAt: [],
      },
    });
  };
  for (const extraction of extractions) {
    if (extraction.kind === 'release_event')
      for (const person of extraction.facts.people) add(person, extraction.evidence);
    if (extraction.kind === 'sentence' || extraction.kind === 'arrest')
      add(extraction.facts.person, extraction.evidence);
  }
  return [...byName.values()].sort((a, b) => a.person.start - b.person.start);
}
