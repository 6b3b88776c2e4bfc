/**
 * Concurrent clients for the throughput measurements: `clients` loops, each
 * awaiting `attempt(clientIndex, n)` again and again until `ms` has passed
 * or `count` attempts were started; requests in flight are waited for.
 * `attempt` resolves with nothing when its request succeeded, otherwise
 * with why it failed. Resolves with {ok, failures: Map<why, count>,
 * seconds}: the successes, the failures by reason, and the time until the
 * last request answered.
 */
async function runClients(attempt, { clients, ms = Infinity, count = Infinity }) {
  const failures = new Map()
  let ok = 0
  let begun = 0
  const started = process.hrtime.bigint()
  const deadline = Date.now() + ms
  await Promise.all(
    Array.from({ length: clients }, async (_, clientIndex) => {
      let n = 0
      while (Date.now() < deadline && begun < count) {
        begun++
        const failure = await attempt(clientIndex, n++)
        if (failure === undefined) {
          ok++
        } else {
          const key = String(failure).slice(0, 160)
          failures.set(key, (failures.get(key) ?? 0) + 1)
        }
      }
    })
  )
  return { ok, failures, seconds: Number(process.hrtime.bigint() - started) / 1e9 }
}

module.exports = { runClients }
