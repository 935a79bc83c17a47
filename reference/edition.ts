// Which AWS the server behaves as. `seed` is the 2019 CreateEventSourceMapping documentation the
// server was first written from; `current` is today's AWS, from its current service model and the
// recorded answers of real AWS (reference/README.md names the source of each behaviour).
export const REFERENCE_EDITIONS = ['seed', 'current'] as const;
export type ReferenceEdition = (typeof REFERENCE_EDITIONS)[number];

export function isReferenceEdition(name: string): name is ReferenceEdition {
  return (REFERENCE_EDITIONS as readonly string[]).includes(name);
}
