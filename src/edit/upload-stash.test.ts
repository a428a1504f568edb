import { describe, expect, it } from 'vitest';
import { createUploadStash } from './upload-stash.js';

const file = (text: string) => ({ name: 'list.csv', bytes: Buffer.from(text) });

describe('the stash of uploads waiting for confirmation', () => {
  it('gives an upload back only to the user who sent it, until it is dropped', () => {
    const stash = createUploadStash({ maxTotalBytes: 1000 });
    const token = stash.put('user-a', file('Name\nSynthetic\n'));
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(stash.get('user-a', token).bytes.toString()).toBe('Name\nSynthetic\n');
    expect(() => stash.get('user-b', token)).toThrow(/no longer held/);
    expect(() => stash.get('user-a', '../../etc/passwd')).toThrow(/no longer held/);
    stash.drop(token);
    expect(() => stash.get('user-a', token)).toThrow(/upload the file again/);
  });

  it('forgets uploads older than their time', () => {
    let clock = 0;
    const stash = createUploadStash({ maxTotalBytes: 1000, maxAgeMs: 60_000, now: () => clock });
    const token = stash.put('user-a', file('a'));
    clock = 59_999;
    expect(stash.get('user-a', token).name).toBe('list.csv');
    clock = 60_001;
    expect(() => stash.get('user-a', token)).toThrow(/no longer held/);
  });

  it('drops the oldest uploads when newer ones need the room', () => {
    const stash = createUploadStash({ maxTotalBytes: 10 });
    const first = stash.put('user-a', file('12345'));
    const second = stash.put('user-a', file('12345'));
    const third = stash.put('user-b', file('123'));
    expect(() => stash.get('user-a', first)).toThrow(/no longer held/);
    expect(stash.get('user-a', second).bytes.length).toBe(5);
    expect(stash.get('user-b', third).bytes.length).toBe(3);
  });
});
