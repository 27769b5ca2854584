import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstAnswer, firstAnswerGiven, resetStartup } from '../../utils/background/startup';

/**
 * Start-up upkeep (re-publishing the match table, the managed policy, due
 * subscriptions) must not share the worker's thread with the first answer: it
 * waits for that answer, or runs shortly after start when nothing is asked.
 */
describe('afterFirstAnswer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    resetStartup();
  });
  afterEach(() => {
    resetStartup();
    vi.useRealTimers();
  });

  it('holds the upkeep until the first answer has gone, then runs it in order, one after the other', async () => {
    const ran: string[] = [];
    let finishFirst: () => void = () => undefined;
    afterFirstAnswer(() => {
      ran.push('publish:start');
      return new Promise<void>((resolve) => (finishFirst = () => (ran.push('publish:end'), resolve())));
    });
    afterFirstAnswer(async () => void ran.push('maintain'));
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual([]);

    firstAnswerGiven();
    expect(ran).toEqual([]); // not inside the reply's own turn
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['publish:start']);
    finishFirst();
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toEqual(['publish:start', 'publish:end', 'maintain']);
  });

  it('runs the upkeep shortly after start when the worker was woken by something other than a message', async () => {
    const task = vi.fn(async () => undefined);
    afterFirstAnswer(task);
    await vi.advanceTimersByTimeAsync(200);
    expect(task).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(100);
    expect(task).toHaveBeenCalledTimes(1);
    // A later answer does not run it again.
    firstAnswerGiven();
    await vi.advanceTimersByTimeAsync(300);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('a failing task does not stop the next; work queued after the release runs at once', async () => {
    const second = vi.fn(async () => undefined);
    afterFirstAnswer(() => Promise.reject(new Error('database closed')));
    afterFirstAnswer(second);
    firstAnswerGiven();
    await vi.advanceTimersByTimeAsync(0);
    expect(second).toHaveBeenCalledTimes(1);
    const late = vi.fn(async () => undefined);
    afterFirstAnswer(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
