import type { Command } from 'commander';
import { parseInput } from '../../lib/validation.js';
import { searchQuerySchema } from '../../modules/person/person.schema.js';
import { type GlobalOptions, withDatabase } from '../context.js';

export function registerSearchCommand(program: Command): void {
  program
    .command('search <name>')
    .description('Find persons by a name in any script and spelling, e.g. unfree search "Калеснікава"')
    .option('--limit <n>', 'how many hits', '10')
    .option('--output <format>', 'text or json', 'text')
    .action((name: string, options: { limit: string; output: string }) =>
      withDatabase({ databaseUrl: program.opts<GlobalOptions>().databaseUrl }, async ({ services, out }) => {
        const query = parseInput(searchQuerySchema, { q: name, limit: options.limit }, 'search');
        const hits = await services.persons.search(query.q, query.limit);
        if (options.output === 'json') {
          out(JSON.stringify({ query: query.q, items: hits }, null, 2));
          return;
        }
        if (hits.length === 0) out(`No person matches ${JSON.stringify(query.q)}.`);
        for (const hit of hits) {
          out(`${hit.score.toFixed(2)}  ${hit.displayName}  (${hit.personId}, ${hit.status})`);
          out(`      ${hit.reason}`);
        }
      }),
    );
}
