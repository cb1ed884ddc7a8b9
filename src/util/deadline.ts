/**
 * Settle with the promise, or reject with `overrun()` once `ms` have passed. The timer
 * is cleared either way, so it never keeps the process alive.
 *
 * @template T
 * @param {Promise<T>} promise
 *   Work.
 * @param {number} ms
 *   Budget.
 * @param {() => Error} overrun
 *   The error to reject with when the budget runs out.
 * @returns {Promise<T>}
 *   The work's result.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, overrun: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(overrun()), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
