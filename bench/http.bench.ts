/**
 * Load test over loopback: the running server against a static file server of the same responses.
 *
 *   npx tsx bench/http.bench.ts --database-url <url of a registry> --persons <N, for the file name>
 *   npx tsx bench/http.bench.ts --persons 10000 [--dialect sqlite|postgres|both]   (generates one)
 *        [--duration 10] [--connections 50] [--out bench/results]
 *
 * The server runs as its own process (src/main.ts, logging off, 127.0.0.1, an ephemeral port). With
 * --static mirror (the default) the static side is `unfree export-site` of the same registry: each
 * page target is served from its file of the mirror (the search page from the mirror's client-side
 * search page, whose index script a browser also loads), and the API targets, which the mirror does
 * not have, from their saved responses; with --static saved every target is its saved response.
 * bench/http/static-server.ts serves them; autocannon then loads each URL for --duration seconds with
 * --connections connections, dynamic then static, in the same run. Figures: requests/s, p99, errors,
 * the dynamic/static ratio, server CPU per request, and the server's peak RSS (VmHWM), read after the
 * statistics endpoints have run once over the whole registry.
 *
 * Results: bench/results/http-<dialect>-<N>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildServices } from '../src/app.js';
import { type DialectName, openDatabase } from '../src/db/dialect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { createMirrorService } from '../src/modules/mirror/mirror.service.js';
import { personFilterSchema } from '../src/modules/person/person.schema.js';
import { PUBLIC_VIEWER } from '../src/modules/user/access.js';
import { staticFileOf } from '../src/site/static-links.js';
import { syntheticRegistry } from '../src/synthetic/registry.js';
import { type Target, loadTargets } from './http/targets.js';
import {
  Args,
  createBenchDatabase,
  loadAverage,
  log,
  machine,
  round,
  timed,
  writeResult,
} from './support.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const STATS_URLS = [
  '/api/v1/stats/series?from=2016-12-01&to=2026-11-30',
  '/api/v1/stats/stock?date=2024-06-30',
];

export interface HttpBenchOptions {
  persons: number;
  databaseUrl?: string | undefined;
  dialects: DialectName[];
  duration: number;
  connections: number;
  pgUrl: string;
  out?: string | undefined;
  /** What the static side serves: the static mirror of the registry (default), or saved responses. */
  static?: 'mirror' | 'saved';
}

interface Child {
  process: ChildProcess;
  port: number;
  stop(): Promise<void>;
}

/** Starts a child and waits for the line that tells its port. */
function startChild(args: string[], env: NodeJS.ProcessEnv, portPattern: RegExp): Promise<Child> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = portPattern.exec(output);
      if (match) {
        child.stdout?.off('data', onData);
        resolve({
          process: child,
          port: Number(match[1]),
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

/** Peak and current resident memory of a process, MiB (Linux /proc). */
function memoryOf(pid: number): { peakRssMiB: number; rssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
  return { peakRssMiB: round(kib('VmHWM') / 1024, 1), rssMiB: round(kib('VmRSS') / 1024, 1) };
}

/** CPU seconds a process has used (user + system, /proc/<pid>/stat). */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function load(url: string, options: HttpBenchOptions) {
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.duration,
    pipelining: 1,
    timeout: 10,
  });
  return {
    requestsPerSecond: round(result.requests.average, 1),
    requests: result.requests.total,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function sampleOf(databaseUrl: string) {
  const opened = openDatabase(databaseUrl);
  try {
    // The server migrates when it starts; the sample is read before, from the same schema.
    await migrateToLatest(opened.db);
    const services = buildServices(opened.db, undefined, { viewer: PUBLIC_VIEWER });
    const total = (await services.persons.find(personFilterSchema.parse({ limit: 1 }))).total;
    const page = await services.persons.find(
      personFilterSchema.parse({ limit: 1, offset: Math.floor(total / 2), sort: 'createdAt' }),
    );
    const person = page.items[0];
    if (!person) throw new Error('the registry has no public person to request');
    const latin = person.names.find((name) => name.script === 'Latn') ?? person.names[0];
    return { personId: person.id, nameQuery: latin?.text ?? person.displayName };
  } finally {
    await opened.close();
  }
}

/** The file of the static mirror that stands for a page target, or undefined for the API. */
function mirrorFileOf(path: string): string | undefined {
  const locale = /^\/(en|be|ru)\//.exec(path)?.[1];
  if (!locale) return undefined;
  // Search runs in the reader's browser on the mirror: its page stands for the server's search results.
  if (path.startsWith(`/${locale}/prisoners?q=`)) return `${locale}/search/index.html`;
  return staticFileOf(path);
}

async function writeMirror(databaseUrl: string, dir: string) {
  const opened = openDatabase(databaseUrl);
  try {
    const mirror = createMirrorService({
      db: opened.db,
      servicesOn: (db, viewer) => buildServices(db, undefined, { viewer }),
    });
    return await timed(() => mirror.exportSite(dir));
  } finally {
    await opened.close();
  }
}

async function runOne(databaseUrl: string, dialect: string, options: HttpBenchOptions): Promise<string> {
  const targets: Target[] = loadTargets(await sampleOf(databaseUrl));
  const server = await startChild(
    ['src/main.ts'],
    {
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      UNFREE_SEED_DEMO: 'never',
    },
    /running at http:\/\/localhost:(\d+)/,
  );
  const folder = mkdtempSync(join(os.tmpdir(), 'unfree-static-'));
  let statics: Child | undefined;
  try {
    const base = `http://127.0.0.1:${server.port}`;
    const memoryAtStart = memoryOf(server.process.pid ?? 0);
    const useMirror = (options.static ?? 'mirror') === 'mirror';
    let mirrorExport: { wallMs: number; cpuMs: number; files: number } | null = null;
    if (useMirror) {
      log(`http ${dialect} ${options.persons}: export-site for the static side`);
      const written = await writeMirror(databaseUrl, join(folder, 'mirror'));
      mirrorExport = { wallMs: written.wallMs, cpuMs: written.cpuMs, files: written.value.files };
    }
    const manifest: Record<string, { file: string; contentType: string }> = {};
    const staticSource: Record<string, string> = {};
    for (const [index, target] of targets.entries()) {
      const response = await fetch(base + target.path);
      if (response.status !== 200) throw new Error(`${target.path}: HTTP ${response.status}`);
      const body = Buffer.from(await response.arrayBuffer());
      const mirrored = useMirror ? mirrorFileOf(target.path) : undefined;
      if (mirrored) {
        manifest[target.path] = { file: join('mirror', mirrored), contentType: 'text/html; charset=utf-8' };
        staticSource[target.name] = `mirror: ${mirrored}`;
        continue;
      }
      const file = `${index}-${target.name}`;
      writeFileSync(join(folder, file), body);
      manifest[target.path] = {
        file,
        contentType: response.headers.get('content-type') ?? 'application/octet-stream',
      };
      staticSource[target.name] = 'saved response';
    }
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify(manifest));
    statics = await startChild(['bench/http/static-server.ts', folder], {}, /listening (\d+)/);

    const stats: Record<string, number> = {};
    for (const url of STATS_URLS) {
      const start = performance.now();
      const response = await fetch(base + url);
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
      await response.arrayBuffer();
      stats[url] = round(performance.now() - start);
    }

    const results: Record<string, unknown> = {};
    for (const target of targets) {
      log(`http ${dialect} ${options.persons}: ${target.name}`);
      const cpuBefore = cpuSecondsOf(server.process.pid ?? 0);
      const dynamic = await load(base + target.path, options);
      const serverCpuSeconds = cpuSecondsOf(server.process.pid ?? 0) - cpuBefore;
      const staticCpuBefore = cpuSecondsOf(statics.process.pid ?? 0);
      const fixed = await load(`http://127.0.0.1:${statics.port}${target.path}`, options);
      const staticCpuSeconds = cpuSecondsOf(statics.process.pid ?? 0) - staticCpuBefore;
      const dynamicCpuPerRequest = (serverCpuSeconds * 1000) / Math.max(1, dynamic.requests);
      const staticCpuPerRequest = (staticCpuSeconds * 1000) / Math.max(1, fixed.requests);
      results[target.name] = {
        path: target.path,
        dynamic: { ...dynamic, serverCpuMsPerRequest: round(dynamicCpuPerRequest, 3) },
        static: { ...fixed, serverCpuMsPerRequest: round(staticCpuPerRequest, 3) },
        ratio: round(dynamic.requestsPerSecond / fixed.requestsPerSecond, 3),
        // The same ratio from server CPU per request (static ÷ dynamic): what each server could serve
        // on a core of its own, less sensitive to other work on the machine than requests/s.
        cpuRatio: round(staticCpuPerRequest / Math.max(1e-6, dynamicCpuPerRequest), 3),
        meets: {
          ratioAtLeast25Percent: dynamic.requestsPerSecond >= 0.25 * fixed.requestsPerSecond,
          p99AtMost100ms: dynamic.latencyMs.p99 <= 100,
          noErrors: dynamic.errors + dynamic.timeouts + dynamic.non2xx === 0,
        },
      };
    }
    const result = {
      benchmark: 'http',
      dialect,
      machine: machine(),
      parameters: { persons: options.persons, duration: options.duration, connections: options.connections },
      targets: results,
      staticSource,
      mirrorExport,
      statsRequestsMs: stats,
      serverMemory: {
        atStart: memoryAtStart,
        atEnd: memoryOf(server.process.pid ?? 0),
        targetPeakRssMiB: 500,
      },
      loadAverageAtEnd: loadAverage(),
    };
    return writeResult('http', dialect, options.persons, result, options.out);
  } finally {
    await statics?.stop();
    await server.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export async function runHttpBench(options: HttpBenchOptions): Promise<string[]> {
  if (options.databaseUrl) {
    const dialect = options.databaseUrl.startsWith('postgres') ? 'postgres' : 'sqlite';
    return [await runOne(options.databaseUrl, dialect, options)];
  }
  const paths: string[] = [];
  for (const dialect of options.dialects) {
    const database = await createBenchDatabase(dialect, options.pgUrl, 'http');
    try {
      const registry = syntheticRegistry({ persons: options.persons, seed: 1 });
      await buildServices(database.db).bulk.load(registry);
      await database.close();
      paths.push(await runOne(database.url, dialect, options));
    } finally {
      await database.drop();
    }
  }
  return paths;
}

export function httpOptions(args: Args): HttpBenchOptions {
  return {
    persons: args.int('persons', 10_000),
    databaseUrl: args.value('database-url'),
    dialects: args.dialects(),
    duration: args.int('duration', 10),
    connections: args.int('connections', 50),
    pgUrl: args.pgUrl(),
    out: args.value('out'),
    static: args.value('static') === 'saved' ? 'saved' : 'mirror',
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const paths = await runHttpBench(httpOptions(new Args(process.argv.slice(2))));
  process.stdout.write(`${paths.join('\n')}\n`);
}
