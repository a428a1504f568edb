import type { Command } from 'commander';
import { buildServices } from '../../app.js';
import { createMirrorService } from '../../modules/mirror/mirror.service.js';
import { type GlobalOptions, withDatabase } from '../context.js';

interface ExportSiteFlags {
  liveUrl?: string;
}

export function registerExportSiteCommand(program: Command): void {
  program
    .command('export-site')
    .description(
      'Write the whole public site (every page in every language, downloads, /data, feeds, counter, search) as static files',
    )
    .argument('<dir>', 'folder to write; an earlier mirror there is replaced once the new one is complete')
    .option(
      '--live-url <url>',
      'the live server that API links, feed entries and the counter snippet point to',
    )
    .action((dir: string, flags: ExportSiteFlags) =>
      withDatabase(
        { databaseUrl: program.opts<GlobalOptions>().databaseUrl },
        async ({ database, config, out }) => {
          const mirror = createMirrorService({
            db: database.db,
            servicesOn: (db, viewer) =>
              buildServices(db, undefined, { viewer, requireTotpFor: config.requireTotpFor }),
          });
          const progress = process.stderr.isTTY
            ? (written: number) => {
                if (written % 1000 === 0) process.stderr.write(`\r${written} files…`);
              }
            : undefined;
          const result = await mirror.exportSite(dir, { liveUrl: flags.liveUrl, onProgress: progress });
          if (progress) process.stderr.write('\r');
          out(
            `Wrote ${result.files} files (${result.pages} pages, ${result.downloads} downloads, ${(result.bytes / 1e6).toFixed(1)} MB) to ${result.dir}`,
          );
        },
      ),
    );
}
