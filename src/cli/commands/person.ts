import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { parseInput } from '../../lib/validation.js';
import type { PersonRecord } from '../../modules/person/person.schema.js';
import { createPersonSchema, personFilterSchema } from '../../modules/person/person.schema.js';
import { type GlobalOptions, withDatabase } from '../context.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** "be:Алесь Бяляцкі" names its language; without a prefix it is guessed from the letters. */
export function parseNameArgument(argument: string, index: number) {
  const match = /^([a-z]{2,3}):(.+)$/.exec(argument);
  const text = (match?.[2] ?? argument).trim();
  const cyrillic = /\p{Script=Cyrillic}/u.test(text);
  const guessed = cyrillic ? (/[іўІЎ]/.test(text) ? 'be' : 'ru') : 'en';
  return {
    text,
    script: cyrillic ? 'Cyrl' : 'Latn',
    language: match?.[1] ?? guessed,
    isPrimary: index === 0,
  };
}

function describePerson(person: PersonRecord): string {
  const lines = [
    `${person.displayName}  (${person.id})`,
    `  names:      ${person.names.map((name) => `${name.text} [${name.language}${name.system ? `, ${name.system}` : ''}]`).join('; ')}`,
    `  status:     ${person.status}; days in custody ${person.daysInCustody.min === person.daysInCustody.max ? person.daysInCustody.min : `${person.daysInCustody.min}–${person.daysInCustody.max}`}; episodes ${person.episodeCount}`,
  ];
  if (person.birthDate) lines.push(`  born:       ${person.birthDate}`);
  if (person.occupations.length > 0) lines.push(`  occupation: ${person.occupations.join(', ')}`);
  if (person.ties.length > 0)
    lines.push(`  ties:       ${person.ties.map((tie) => `${tie.kind} ${tie.country}`).join(', ')}`);
  lines.push(
    `  visibility: ${person.visibility}${person.anonymous ? ' (anonymous: counted, never named)' : ''}`,
  );
  return lines.join('\n');
}

export function registerPersonCommands(program: Command): void {
  const person = program.command('person').description('Add, show and list persons');
  const databaseUrl = () => program.opts<GlobalOptions>().databaseUrl;

  person
    .command('add')
    .description('Add a person, from --name flags or a JSON file in the API format')
    .option(
      '-n, --name <name>',
      'a name, optionally with its language: "be:Алесь Бяляцкі" (repeatable; the first is primary)',
      collect,
      [],
    )
    .option('--birth-date <date>', 'YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--gender <gender>', 'female, male or other')
    .option('--region <region>', 'region of Belarus (or of the country concerned)')
    .option('--occupation <occupation>', 'journalist, lawyer… (repeatable)', collect, [])
    .option('--visibility <visibility>', 'public, internal or confidential', 'public')
    .option('--anonymous', 'counted in every statistic, never shown by name')
    .option('--json <file>', 'read the whole person from a JSON file ("-" for standard input)')
    .option('--output <format>', 'text or json', 'text')
    .action(
      (options: {
        name: string[];
        birthDate?: string;
        gender?: string;
        region?: string;
        occupation: string[];
        visibility: string;
        anonymous?: boolean;
        json?: string;
        output: string;
      }) =>
        withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
          const raw: unknown = options.json
            ? JSON.parse(await readFile(options.json === '-' ? '/dev/stdin' : options.json, 'utf8'))
            : {
                names: options.name.map(parseNameArgument),
                birthDate: options.birthDate,
                gender: options.gender,
                region: options.region,
                occupations: options.occupation,
                visibility: options.visibility,
                anonymous: options.anonymous ?? false,
              };
          const created = await services.persons.create(parseInput(createPersonSchema, raw, 'person'));
          out(
            options.output === 'json' ? JSON.stringify(created, null, 2) : `Added ${describePerson(created)}`,
          );
        }),
    );

  person
    .command('show <id>')
    .description('Show one person with derived status and days in custody')
    .option('--output <format>', 'text or json', 'text')
    .action((id: string, options: { output: string }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        const found = await services.persons.get(id);
        if (options.output === 'json') {
          out(JSON.stringify({ ...found, episodes: await services.episodes.listForPerson(id) }, null, 2));
          return;
        }
        out(describePerson(found));
        for (const episode of await services.episodes.listForPerson(id)) {
          const release = episode.release
            ? `released ${episode.release.releasedOn} (${episode.release.mode})`
            : 'still held';
          const charges = episode.charges
            .map((charge) => `${charge.articleCode} ${charge.articleNumber}`)
            .join(', ');
          out(`  episode:    detained ${episode.detainedOn}${charges ? `, ${charges}` : ''}; ${release}`);
        }
      }),
    );

  person
    .command('list')
    .description('List persons (filters as in GET /api/v1/persons)')
    .option('-q, --query <text>', 'part of any name, in any script')
    .option('--status <status>', 'held or released')
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'how many to skip', '0')
    .option('--output <format>', 'text or json', 'text')
    .action((options: { query?: string; status?: string; limit: string; offset: string; output: string }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        const filter = parseInput(
          personFilterSchema,
          { q: options.query, status: options.status, limit: options.limit, offset: options.offset },
          'filter',
        );
        const page = await services.persons.find(filter);
        if (options.output === 'json') {
          out(JSON.stringify(page, null, 2));
          return;
        }
        for (const item of page.items) out(`${item.id}  ${item.status.padEnd(14)} ${item.displayName}`);
        out(`${page.items.length} of ${page.total} shown`);
      }),
    );
}
