/**
 * A schema made at its first use and shared by every use after. Zod schemas never change (each
 * method returns a new one), so one instance serves every field of its kind: the model's schemas
 * were 702 instances, built cold at each command's start for tens of microseconds each.
 */
export function sharedSchema<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => {
    made ??= make();
    return made;
  };
}
