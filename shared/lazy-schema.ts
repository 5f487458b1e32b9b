/**
 * Building zod schemas at their first use rather than when their module
 * loads: a start (the browser host printing its address, the export command)
 * would otherwise build every schema of the API, most of which a run never
 * uses. A lazy schema hands every parse, whole, to the schema it builds, so
 * what it accepts, refuses and says is the same.
 */
import { z } from 'zod';

/** A schema built at its first use and kept (z.lazy, whose getter is memoised here too, as the fuzzer calls it directly). */
export function lazy<T extends z.ZodType>(make: () => T): z.ZodLazy<T> {
  return z.lazy(once(make));
}

/** A value (fields several schemas share) made at its first use and kept. */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
