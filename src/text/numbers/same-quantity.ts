import type { Quantity } from './quantity.js';
import { unitsCompatible } from './units.js';

/** How a claim's figure relates to an archive figure of the same slot. */
export type QuantityRelation = 'same' | 'different' | 'incomparable';

/**
 * Whether two quantities state the same figure: same kind, compatible units, equal values
 * (ranges: equal ends), and bounds that do not oppose each other (超1800 and 1800 agree; 超1800 and 近1800 do not).
 * Dates agree when every part both of them write is equal. Symmetric.
 */
export function sameQuantity(first: Quantity, second: Quantity): boolean {
  if (first.kind !== second.kind || !unitsCompatible(first.unit, second.unit, first.kind)) return false;
  if (first.kind === 'date') return compareDates(first, second) === 'same';
  if (!nearlyEqual(first.value, second.value) || !nearlyEqual(first.upper ?? first.value, second.upper ?? second.value)) return false;
  return !boundsOppose(first, second);
}

/**
 * Compares a claim's figure with an archive figure: `same` when they state the same figure or the archive
 * figure implies the claim's open-bounded one (archive 2600余万元 implies claim 超过2000万元, but not claim
 * 2000多万元, which names another figure); `different` when
 * both measure the same thing with different figures; `incomparable` for different kinds or units.
 */
export function compareQuantities(claim: Quantity, archive: Quantity, options: CompareQuantitiesOptions = {}): QuantityRelation {
  if (claim.kind === 'plain' && archive.kind !== 'plain' && UNITLESS_COMPARABLE.has(archive.kind)) {
    // "小巨人企业有96" typed without its unit: compare the number with figures that keep their written value.
    return compareQuantities({ ...claim, kind: archive.kind, unit: archive.unit }, archive, options);
  }
  if (claim.kind !== archive.kind || !unitsCompatible(claim.unit, archive.unit, claim.kind)) return 'incomparable';
  if (claim.kind === 'date') return compareDates(claim, archive);
  if (sameQuantity(claim, archive)) return 'same';
  // An open bound (超过2000万元) is implied by a larger archive figure; a bracket (200多个) names its own figure.
  const allowImplied = options.allowImplied ?? true;
  if (allowImplied && claim.bound !== 'exact' && claim.step === undefined && implies(archive, claim)) return 'same';
  return 'different';
}

export interface CompareQuantitiesOptions {
  /**
   * Whether an archive figure that implies the claim's open-bounded one counts as the same (archive 2600余万元,
   * claim 超过2000万元). Default true. The fact check turns it off: a newsroom asking "did we report 100万?"
   * against 突破126万户 wants to hear 126万.
   */
  allowImplied?: boolean;
}

/** Kinds whose value is the number as written (no unit conversion), so a claim's bare number can be set against them. */
const UNITLESS_COMPARABLE: ReadonlySet<Quantity['kind']> = new Set(['count', 'money', 'percent', 'ordinal']);

/** Lowest share of the mark an "under" figure (近, 不到, 不足) is read as: 近千名 is 800 to 1000. */
const NEAR_BELOW = 0.8;

/** The interval a figure allows: [low, high]. */
export function quantityInterval(quantity: Quantity): [number, number] {
  const { value } = quantity;
  switch (quantity.bound) {
    case 'exact':
      return [value, quantity.upper ?? value];
    case 'atLeast':
      return [value, quantity.step !== undefined ? value + quantity.step : Infinity];
    case 'atMost':
      // 近千名, 不到2000人: news uses these for figures just under the mark.
      return [value * NEAR_BELOW, value];
    case 'about':
      return [value * 0.9, (quantity.upper ?? value) * 1.1];
  }
}

/** Whether every value `premise` allows is allowed by `conclusion`. */
function implies(premise: Quantity, conclusion: Quantity): boolean {
  const [premiseLow, premiseHigh] = quantityInterval(premise);
  const [conclusionLow, conclusionHigh] = quantityInterval(conclusion);
  if (premise.bound === 'atMost') return false; // 近千名 says little about the lower end
  return premiseLow >= conclusionLow - tolerance(conclusionLow) && premiseHigh <= conclusionHigh + tolerance(conclusionHigh);
}

function compareDates(first: Quantity, second: Quantity): 'same' | 'different' | 'incomparable' {
  const firstParts = first.date ?? {};
  const secondParts = second.date ?? {};
  let shared = 0;
  for (const part of ['year', 'month', 'day'] as const) {
    const firstValue = firstParts[part];
    const secondValue = secondParts[part];
    if (firstValue === undefined || secondValue === undefined) continue;
    if (firstValue !== secondValue) return 'different';
    shared += 1;
  }
  return shared > 0 ? 'same' : 'incomparable';
}

function boundsOppose(first: Quantity, second: Quantity): boolean {
  return (first.bound === 'atLeast' && second.bound === 'atMost') || (first.bound === 'atMost' && second.bound === 'atLeast');
}

function nearlyEqual(first: number, second: number): boolean {
  return Math.abs(first - second) <= tolerance(Math.max(Math.abs(first), Math.abs(second)));
}

function tolerance(magnitude: number): number {
  return Number.isFinite(magnitude) ? Math.max(Math.abs(magnitude) * 1e-9, 1e-12) : 0;
}
