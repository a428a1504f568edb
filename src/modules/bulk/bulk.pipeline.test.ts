import { describe, expect, it } from 'vitest';
import { type ChunkPool, preparedInOrder } from './bulk.pipeline.js';

/** A pool whose answers come after the given number of timer turns, counting what it holds. */
function slowPool(size: number, turns: (chunk: number) => number, fail = new Set<number>()) {
  const started: number[] = [];
  let busy = 0;
  let mostBusy = 0;
  const pool: ChunkPool<number, string> & { started: number[]; mostBusy: () => number } = {
    size,
    get busy() {
      return busy;
    },
    started,
    mostBusy: () => mostBusy,
    start(chunk) {
      started.push(chunk);
      busy += 1;
      mostBusy = Math.max(mostBusy, busy);
      return new Promise((resolve, reject) => {
        let left = turns(chunk);
        const tick = () => {
          if (left-- > 0) return void setTimeout(tick, 0);
          busy -= 1;
          if (fail.has(chunk)) reject(new Error(`away ${chunk}`));
          else resolve(`away ${chunk}`);
        };
        tick();
      });
    },
  };
  return pool;
}

async function collect(generator: AsyncGenerator<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const value of generator) out.push(value);
  return out;
}

const chunks = (count: number) => Array.from({ length: count }, (_, index) => index);

describe('preparedInOrder', () => {
  it('yields every chunk in input order, wherever it was prepared and whenever it was ready', async () => {
    const pool = slowPool(2, (chunk) => (chunk % 3) * 4);
    const here: number[] = [];
    const out = await collect(
      preparedInOrder(chunks(12), {
        here: (chunk) => {
          here.push(chunk);
          return `here ${chunk}`;
        },
        pool: () => pool,
      }),
    );
    expect(out.map((value) => Number(value.split(' ')[1]))).toEqual(chunks(12));
    expect(new Set([...here, ...pool.started]).size).toBe(12);
    expect(here.length + pool.started.length).toBe(12); // each chunk prepared once
    expect(pool.started.length).toBeGreaterThan(0);
  });

  it('takes a chunk itself while the next one is still being prepared elsewhere', async () => {
    const pool = slowPool(1, () => 50);
    const here: number[] = [];
    await collect(
      preparedInOrder(chunks(8), {
        here: (chunk) => {
          here.push(chunk);
          return `here ${chunk}`;
        },
        pool: () => pool,
      }),
    );
    expect(here[0]).toBe(0);
    expect(here.some((chunk) => chunk > 0 && chunk < 7)).toBe(true);
    expect(pool.mostBusy()).toBeLessThanOrEqual(2); // one thread, two queued at most
  });

  it('throws the first failure in input order and yields nothing after it', async () => {
    // Chunk 3 fails away, slowly; chunk 5 fails here, at once: the error must be chunk 3's.
    const pool = slowPool(1, () => 20, new Set([3]));
    const yielded: string[] = [];
    const run = async () => {
      for await (const value of preparedInOrder(chunks(9), {
        here: (chunk) => {
          if (chunk === 5 || chunk === 3) throw new Error(`here ${chunk}`);
          return `here ${chunk}`;
        },
        pool: () => pool,
      }))
        yielded.push(value);
    };
    await expect(run()).rejects.toThrow(/ 3$/);
    expect(yielded.map((value) => Number(value.split(' ')[1]))).toEqual([0, 1, 2]);
  });

  it('asks for threads only when there is a second chunk, and works without them', async () => {
    let asked = 0;
    const one = await collect(
      preparedInOrder([7], {
        here: (chunk) => `here ${chunk}`,
        pool: () => {
          asked += 1;
          return slowPool(1, () => 0);
        },
      }),
    );
    expect(one).toEqual(['here 7']);
    expect(asked).toBe(0);
    const none = await collect(
      preparedInOrder(chunks(5), { here: (chunk) => `here ${chunk}`, pool: () => undefined }),
    );
    expect(none).toEqual(chunks(5).map((chunk) => `here ${chunk}`));
    expect(await collect(preparedInOrder([], { here: () => 'x', pool: () => undefined }))).toEqual([]);
  });

  it('asks for threads only once the input has more chunks than it prepares alone', async () => {
    const run = async (count: number) => {
      let asked = 0;
      const here: number[] = [];
      const out = await collect(
        preparedInOrder(chunks(count), {
          here: (chunk) => {
            here.push(chunk);
            return `here ${chunk}`;
          },
          pool: () => {
            asked += 1;
            return slowPool(1, () => 3);
          },
          alone: 4,
        }),
      );
      expect(out.map((value) => Number(value.split(' ')[1]))).toEqual(chunks(count));
      return { asked, here };
    };
    expect(await run(4)).toEqual({ asked: 0, here: chunks(4) });
    const long = await run(12);
    expect(long.asked).toBe(1);
    expect(long.here.slice(0, 3)).toEqual([0, 1, 2]); // before the fifth chunk was read, all here
    expect(long.here.length).toBeLessThan(12);
  });
});
