/**
 * Remembers the last answer for the same arguments (compared by reference), so renders and store subscriptions that
 * ask again do not recompute. The one memo helper of every derived value in the app.
 *
 * @example
 * const selectVisible = memo((data, filter) => filterFires(data.points, data.analysis, filter));
 */
export function memo<A extends unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (!lastArgs || args.length !== lastArgs.length || args.some((a, i) => a !== lastArgs![i])) {
      last = compute(...args);
      lastArgs = args;
    }
    return last;
  };
}
