import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors.js';
import { parseInput } from '../../lib/validation.js';
import {
  acceptSchema,
  ingestSchema,
  proposalFilterSchema,
  type ProposalRecord,
} from '../../modules/proposal/proposal.schema.js';
import { type GlobalOptions, withDatabase } from '../context.js';

function describeProposal(proposal: ProposalRecord): string {
  const facts = Object.entries(proposal.payload)
    .filter(
      ([key, value]) => key !== 'queries' && value !== null && !(Array.isArray(value) && value.length === 0),
    )
    .map(
      ([key, value]) =>
        `${key}=${JSON.stringify(value, (k, v: unknown) => (k === 'queries' || k === 'start' || k === 'end' ? undefined : v))}`,
    )
    .join('  ');
  return [
    `${proposal.id}  ${proposal.kind}  confidence ${proposal.confidence.toFixed(2)}  ${proposal.status}`,
    `  ${facts}`,
    `  evidence [${proposal.evidence.start}–${proposal.evidence.end}]: ${proposal.evidence.sentence}`,
  ].join('\n');
}

async function readArticleFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file === '-' ? '/dev/stdin' : file);
  } catch (error) {
    throw new AppError(
      'not_found',
      `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

export function registerIngestCommands(program: Command): void {
  const databaseUrl = () => program.opts<GlobalOptions>().databaseUrl;

  program
    .command('ingest <file>')
    .description('Read an article (text or saved HTML page), store it as a source, print the proposed facts')
    .option('--published <date>', 'publication day YYYY-MM-DD (default: from the page or its dateline)')
    .option('--publisher <name>', 'who published it (default: from the page)')
    .option('--url <url>', 'where it was published')
    .option('--title <title>', 'its title (default: from the page or its first line)')
    .option('--format <format>', 'text, html or auto', 'auto')
    .option('--country <code>', 'whose time zone dates resolve in', 'BY')
    .option('--visibility <visibility>', 'of the stored copy: public, internal or confidential', 'internal')
    .option('--output <format>', 'text or json', 'text')
    .action(
      (
        file: string,
        options: {
          published?: string;
          publisher?: string;
          url?: string;
          title?: string;
          format: string;
          country: string;
          visibility: string;
          output: string;
        },
      ) =>
        withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
          const bytes = await readArticleFile(file);
          const html = options.format === 'html' || (options.format === 'auto' && /\.x?html?$/i.test(file));
          const input = parseInput(
            ingestSchema,
            {
              [html ? 'html' : 'text']: '',
              published: options.published,
              publisher: options.publisher,
              url: options.url,
              title: options.title,
              country: options.country,
              visibility: options.visibility,
            },
            'options',
          );
          const result = await services.proposals.ingest(input, bytes);
          if (options.output === 'json') {
            out(JSON.stringify(result, null, 2));
            return;
          }
          out(`Source ${result.source.id}: ${result.source.title}`);
          out(
            `  published ${result.source.publishedOn ?? '?'} (from ${result.publishedFrom})${result.source.publisher ? `, ${result.source.publisher}` : ''}; sha256 ${result.source.sha256 ?? ''}`,
          );
          out(result.message);
          for (const proposal of result.proposals) out(describeProposal(proposal));
        }),
    );

  const proposals = program.command('proposals').description('Review what ingestion proposed');
  proposals
    .command('list')
    .description('List proposals')
    .option('--source <id>', 'of one source')
    .option('--status <status>', 'pending, accepted or rejected')
    .option(
      '--kind <kind>',
      'release_event, sentence, arrest, count_observation, concession, new_person, person_link',
    )
    .option('--limit <n>', 'how many', '50')
    .option('--offset <n>', 'how many to skip', '0')
    .option('--output <format>', 'text or json', 'text')
    .action(
      (options: {
        source?: string;
        status?: string;
        kind?: string;
        limit: string;
        offset: string;
        output: string;
      }) =>
        withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
          const filter = parseInput(
            proposalFilterSchema,
            {
              sourceId: options.source,
              status: options.status,
              kind: options.kind,
              limit: options.limit,
              offset: options.offset,
            },
            'filter',
          );
          const page = await services.proposals.find(filter);
          if (options.output === 'json') {
            out(JSON.stringify(page, null, 2));
            return;
          }
          for (const item of page.items) out(describeProposal(item));
          out(`${page.items.length} of ${page.total} shown`);
        }),
    );
  proposals
    .command('accept <id>')
    .description('Accept a proposal: the fact is created with a citation of its article')
    .option('--payload <file>', 'the payload as edited, a JSON file ("-" for standard input)')
    .option('--visibility <visibility>', 'of the created record', 'internal')
    .action((id: string, options: { payload?: string; visibility: string }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        const payload: unknown = options.payload
          ? JSON.parse(await readFile(options.payload === '-' ? '/dev/stdin' : options.payload, 'utf8'))
          : undefined;
        const accepted = await services.proposals.accept(
          id,
          parseInput(acceptSchema, { payload, visibility: options.visibility }, 'accept'),
        );
        out(`Accepted ${accepted.id}: created ${accepted.resultType ?? '?'} ${accepted.resultId ?? ''}`);
      }),
    );
  proposals
    .command('reject <id>')
    .description('Reject a proposal, saying why')
    .requiredOption('--reason <text>', 'why it is wrong')
    .action((id: string, options: { reason: string }) =>
      withDatabase({ databaseUrl: databaseUrl() }, async ({ services, out }) => {
        const rejected = await services.proposals.reject(id, options.reason);
        out(`Rejected ${rejected.id}: ${rejected.reason ?? ''}`);
      }),
    );
}
