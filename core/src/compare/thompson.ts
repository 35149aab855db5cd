/**
 * Thompson-sampling allocation for a multi-armed bandit on binary rewards, from logged successes
 * and trials per arm.
 */

import { createRng } from '../random/rng';
import { sampleBeta } from '../stats/sampling';

/** One arm's log: how often it was shown and how often that succeeded. */
export interface BanditArm {
  /** A label for reports; defaults to the arm's index. */
  name?: string;
  successes: number;
  trials: number;
}

/** Options of {@link thompsonAllocation}. */
export interface ThompsonOptions {
  /** Monte Carlo draws from the posteriors (default 20,000: P(best) within ±0.007 at 95 %). */
  draws?: number;
  /** Seed of the generator; the same seed gives the same result on every machine. Default 0. */
  seed?: number;
}

/** Per-arm output of {@link thompsonAllocation}. */
export interface ThompsonArmResult {
  name: string;
  successes: number;
  trials: number;
  /** Posterior Beta(1 + s, 1 + f) parameters (uniform prior). */
  alpha: number;
  beta: number;
  /** Posterior mean (1 + s)/(2 + n). */
  posteriorMean: number;
  /** Share of draws in which this arm had the highest sampled rate. */
  probabilityBest: number;
  /**
   * Expected loss E[max_j θ_j − θ_i]: the rate given up, on average, by committing to this arm.
   * A common stopping rule ends the test when the best arm's loss falls below a set tolerance.
   */
  expectedLoss: number;
  /** The recommended share of new traffic: Thompson sampling allocates in proportion to P(best). */
  allocation: number;
}

/** The result of {@link thompsonAllocation}. */
export interface ThompsonResult {
  arms: ThompsonArmResult[];
  /** Index of the arm with the highest probability of being best. */
  bestArm: number;
  draws: number;
  seed: number;
}

/**
 * Thompson-sampling allocation: each arm's success rate gets the posterior Beta(1 + s, 1 + f)
 * under a uniform prior; `draws` joint samples (seeded, via the engine's generator) estimate the
 * probability that each arm is best and its expected loss; the recommended allocation of the
 * next traffic is P(best) per arm. Ties within a draw go to the lower index.
 */
export function thompsonAllocation(arms: readonly BanditArm[], options: ThompsonOptions = {}): ThompsonResult {
  if (arms.length === 0) throw new RangeError('thompsonAllocation: no arms');
  const draws = options.draws ?? 20_000;
  const seed = options.seed ?? 0;
  if (!(Number.isInteger(draws) && draws > 0))
    throw new RangeError(`thompsonAllocation: draws must be a positive integer, got ${draws}`);
  const params = arms.map((arm, i) => {
    if (
      !Number.isInteger(arm.trials) ||
      arm.trials < 0 ||
      !Number.isInteger(arm.successes) ||
      arm.successes < 0 ||
      arm.successes > arm.trials
    ) {
      throw new RangeError(`thompsonAllocation: arm ${arm.name ?? i} needs integers 0 ≤ successes ≤ trials`);
    }
    return { alpha: 1 + arm.successes, beta: 1 + arm.trials - arm.successes };
  });
  const rng = createRng(seed);
  const k = arms.length;
  const wins = new Float64Array(k);
  const loss = new Float64Array(k);
  const sample = new Float64Array(k);
  for (let draw = 0; draw < draws; draw++) {
    let best = 0;
    let bestValue = -Infinity;
    for (let i = 0; i < k; i++) {
      const p = params[i] ?? { alpha: 1, beta: 1 };
      const value = sampleBeta(rng, p.alpha, p.beta);
      sample[i] = value;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    wins[best] = (wins[best] ?? 0) + 1;
    for (let i = 0; i < k; i++) loss[i] = (loss[i] ?? 0) + (bestValue - (sample[i] ?? 0));
  }
  const results = arms.map((arm, i): ThompsonArmResult => {
    const p = params[i] ?? { alpha: 1, beta: 1 };
    const probabilityBest = (wins[i] ?? 0) / draws;
    return {
      name: arm.name ?? String(i),
      successes: arm.successes,
      trials: arm.trials,
      alpha: p.alpha,
      beta: p.beta,
      posteriorMean: p.alpha / (p.alpha + p.beta),
      probabilityBest,
      expectedLoss: (loss[i] ?? 0) / draws,
      allocation: probabilityBest,
    };
  });
  let bestArm = 0;
  results.forEach((r, i) => {
    if (r.probabilityBest > (results[bestArm]?.probabilityBest ?? -1)) bestArm = i;
  });
  return { arms: results, bestArm, draws, seed };
}
