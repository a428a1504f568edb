/**
 * The order in which a bulk load prepares its chunks (docs/decisions/0020): worker threads take the
 * chunks ahead, the loading thread takes the next one itself whenever it would otherwise wait, and
 * the chunks come out in input order, so an error is always the first bad record's, as in a
 * sequential load. No I/O of its own: the work is given as functions.
 */

/** Threads elsewhere that prepare chunks (bulk.workers.ts). */
export interface ChunkPool<C, P> {
  readonly size: number;
  /** Chunks sent and not yet answered. */
  readonly busy: number;
  start(chunk: C): Promise<P>;
}

export interface PipelineOptions<C, P> {
  /** Prepares a chunk in this thread. */
  here: (chunk: C) => P | Promise<P>;
  /** Called once, when the input turns out to have more than `alone` chunks; undefined: all here. */
  pool: () => ChunkPool<C, P> | undefined;
  /**
   * Threads are asked for only when the input has more chunks than this (default 1): a thread
   * starts cold, and a short load is over before its first answers would have paid for it.
   */
  alone?: number;
  /**
   * Chunks queued per thread elsewhere: more than one keeps a thread busy while this one is busy
   * writing (its answers are read only between this thread's steps).
   */
  queuedPerThread?: number;
  /** Wraps waiting for a chunk that is being prepared elsewhere (to time it). */
  waiting?: <T>(answer: Promise<T>) => Promise<T>;
}

type Slot<C, P> =
  | { state: 'unstarted'; chunk: C }
  | { state: 'away'; chunk: C; answer: Promise<void> }
  | { state: 'prepared'; value: P }
  | { state: 'failed'; error: unknown };

/** Yields every chunk prepared, in input order; throws the first failure in input order. */
export async function* preparedInOrder<C, P>(
  chunks: Iterable<C>,
  options: PipelineOptions<C, P>,
): AsyncGenerator<P, void, undefined> {
  const iterator = chunks[Symbol.iterator]();
  const queued = options.queuedPerThread ?? 2;
  const waiting = options.waiting ?? (<T>(answer: Promise<T>) => answer);
  const window: Slot<C, P>[] = [];
  const alone = options.alone ?? 1;
  let exhausted = false;
  let read = 0;
  let pool: ChunkPool<C, P> | undefined;
  let asked = false;

  const capacity = () => (pool ? pool.size * queued + 2 : 2);
  const fill = () => {
    while (!exhausted && window.length < capacity()) {
      const next = iterator.next();
      if (next.done) exhausted = true;
      else {
        read += 1;
        window.push({ state: 'unstarted', chunk: next.value });
      }
    }
  };
  // A slot is found again by identity: earlier slots may have left the window meanwhile.
  const replace = (slot: Slot<C, P>, outcome: Slot<C, P>) => {
    const index = window.indexOf(slot);
    if (index >= 0) window[index] = outcome;
  };
  const prepareHere = async (slot: Slot<C, P>) => {
    if (slot.state !== 'unstarted') return;
    try {
      replace(slot, { state: 'prepared', value: await options.here(slot.chunk) });
    } catch (error) {
      replace(slot, { state: 'failed', error });
    }
  };
  const sendAway = (slot: Slot<C, P> & { state: 'unstarted' }, to: ChunkPool<C, P>) => {
    const away: Slot<C, P> = {
      state: 'away',
      chunk: slot.chunk,
      answer: to.start(slot.chunk).then(
        (value) => replace(away, { state: 'prepared', value }),
        (error: unknown) => replace(away, { state: 'failed', error }),
      ),
    };
    replace(slot, away);
  };

  for (;;) {
    fill();
    if (read > alone && !asked) {
      asked = true;
      pool = options.pool();
      fill();
    }
    if (pool)
      for (const slot of window.slice(1)) {
        if (pool.busy >= pool.size * queued) break;
        if (slot.state === 'unstarted') sendAway(slot, pool);
      }
    const head = window[0];
    if (!head) return;
    if (head.state === 'unstarted') await prepareHere(head);
    else if (head.state === 'away') {
      const spare = window.findLast((slot) => slot.state === 'unstarted');
      if (spare) {
        await prepareHere(spare);
        continue;
      }
      await waiting(head.answer);
    }
    const done = window.shift();
    if (done?.state === 'failed') throw done.error;
    if (done?.state === 'prepared') yield done.value;
  }
}
