/**
 * Seeded randomness for the generator: the demo's source (mulberry32), so that
 * the generated dataset is the same on every run and every engine, plus a fast
 * weighted picker for skewed attendance, and timing helpers.
 */
import { Random } from '../src/modules/demo/index.js';
export { Random };

/** Draws indexes 0..n-1 with probability proportional to the given weights. */
export class WeightedPicker {
  private readonly cumulative: Float64Array;

  constructor(weights: ArrayLike<number>) {
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let index = 0; index < weights.length; index++) {
      sum += weights[index];
      this.cumulative[index] = sum;
    }
  }

  pick(random: Random): number {
    const point = random.next() * this.cumulative[this.cumulative.length - 1];
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.cumulative[middle] <= point) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Milliseconds since an arbitrary start, as a float. */
export const now = () => performance.now();

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
