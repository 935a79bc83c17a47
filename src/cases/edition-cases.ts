import type { Spec } from '../spec/types.ts';
import type { Case } from './case.ts';
import { generateCases } from './generate.ts';
import { propertyCases, type PropertySettings } from './properties/property-cases.ts';

/** Every case a run of the edition has: its example cases, then its property cases, drawn as `properties` says. */
export function editionCases(spec: Spec, properties: PropertySettings): Case[] {
  return [...generateCases(spec), ...propertyCases(spec, properties)];
}
