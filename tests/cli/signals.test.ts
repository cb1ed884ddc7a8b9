import {afterEach, describe, expect, it, vi} from 'vitest';
import {exitCode} from '../../src/cli/exit-codes.js';
import {interruptions} from '../../src/cli/signals.js';
import {captureOutput} from './helpers.js';

const names = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The handler `interruptions` added for a signal (the test runner may have its own). */
function added(before: ReadonlyMap<string, readonly unknown[]>, name: (typeof names)[number]): (signal: NodeJS.Signals) => void {
  const fresh = process.listeners(name).filter((listener) => !before.get(name)?.includes(listener));
  expect(fresh).toHaveLength(1);
  return fresh[0] as (signal: NodeJS.Signals) => void;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('interruptions', () => {
  it('listens to INT, TERM and HUP, and stops listening when disposed', () => {
    const before = new Map(names.map((name) => [name, process.listeners(name)]));
    const stop = interruptions();
    for (const name of names) expect(typeof added(before, name)).toBe('function');
    stop.dispose();
    for (const name of names) expect(process.listeners(name)).toEqual(before.get(name));
  });

  it('aborts on the first signal with a line saying so, and exits at once with 130 on the second', async () => {
    const before = new Map(names.map((name) => [name, process.listeners(name)]));
    const stop = interruptions();
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    try {
      const {stderr} = await captureOutput(() => added(before, 'SIGTERM')('SIGTERM'));
      expect(stop.signal.aborted).toBe(true);
      expect((stop.signal.reason as Error).message).toBe('SIGTERM');
      expect(stderr).toMatch(/briefing: SIGTERM, stopping\n$/);
      expect(exit).not.toHaveBeenCalled();

      await captureOutput(() => added(before, 'SIGINT')('SIGINT'));
      expect(exit).toHaveBeenCalledWith(exitCode.interrupted);
      expect(exitCode.interrupted).toBe(130);
    } finally {
      stop.dispose();
    }
  });
});
