// One shape for every bench figure (issue 16): {name, value, unit, baseline, ratio, budget, ok}.
// Each script builds its entries with `entry`, then `report` prints them as JSON lines (one per entry, so a
// reader of the log sees them) and, with BENCH_RESULTS=file, merges them into that JSON list by name, the
// convention statistics.mjs started. scripts/bench/run.mjs reads the list back and writes bench/results.*.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/** The median of a list of numbers (the figure we report for "typical" and for repeated runs). */
export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** The nearest-rank percentile: the smallest value with at least q of the values at or below it. */
export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}

const round = (value, digits) => (value === null || value === undefined ? null : Number(value.toFixed(digits)))

/**
 * An entry. `budget` is the absolute limit on `value` (null: none); `maxRatio` the limit on value ÷ baseline
 * (e.g. 3 for "≤ 3× the bare statement"); `minSpeedup` the limit the other way (e.g. 5 for "≥ 5× faster than
 * pandoc": baseline ÷ value ≥ 5). Without a baseline (null) only the absolute budget decides `ok`. `note`
 * says in a few words what the budget is, for the table.
 */
export function entry(name, value, unit, { baseline = null, budget = null, maxRatio = null, minSpeedup = null, note = '', digits = 2 } = {}) {
  const limits = { max: budget, maxRatio, minSpeedup }
  const described = [
    budget !== null ? `≤ ${budget} ${unit}` : null,
    maxRatio !== null ? `≤ ${maxRatio}× baseline` : null,
    minSpeedup !== null ? `≥ ${minSpeedup}× faster than baseline` : null
  ].filter(Boolean)
  const result = {
    name,
    value: round(value, digits),
    unit,
    baseline: round(baseline, digits),
    ratio: baseline ? round(value / baseline, 3) : null,
    budget: described.length ? described.join(' and ') : null,
    ok: null,
    ...(note ? { note } : {}),
    limits
  }
  return { ...result, ok: judge(result) }
}

/**
 * Whether an entry keeps its budget: value ≤ limits.max, value ÷ baseline ≤ limits.maxRatio, baseline ÷ value ≥
 * limits.minSpeedup. A ratio limit without a baseline is not judged (e.g. pandoc missing). null: no budget.
 * run.mjs judges the medians of repeated runs again with this.
 */
export function judge({ value, baseline, limits }) {
  if (!limits) return null
  const checks = []
  if (limits.max !== null) checks.push(value <= limits.max)
  if (baseline && limits.maxRatio !== null) checks.push(value / baseline <= limits.maxRatio)
  if (baseline && limits.minSpeedup !== null) checks.push(baseline / value >= limits.minSpeedup)
  return checks.length ? checks.every(Boolean) : null
}

/** Prints the entries as JSON lines and merges them into BENCH_RESULTS (if set); sets the exit code on a miss. */
export function report(entries) {
  for (const result of entries) console.log(JSON.stringify(result))
  const target = process.env.BENCH_RESULTS
  if (target) {
    const earlier = existsSync(target) ? JSON.parse(readFileSync(target, 'utf8')) : []
    const names = new Set(entries.map((result) => result.name))
    writeFileSync(target, JSON.stringify([...earlier.filter((result) => !names.has(result.name)), ...entries], null, 2) + '\n')
  }
  if (entries.some((result) => result.ok === false)) process.exitCode = 1
}

