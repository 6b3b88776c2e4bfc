/**
 * How the bench writes its numbers and checks: units for the table and the
 * details, the `ok`/`FAIL` mark, audit problems, and the successes and
 * failures of a load run.
 */

const ms = (value) => `${value.toFixed(1)} ms`
const seconds = (value) => `${value.toFixed(2)} s`
const perSecond = (value, unit) => `${value.toFixed(1)} ${unit}/s`
const thousands = (n) => n.toLocaleString("en-US")

/** The mark a check line starts with. */
const mark = (ok) => (ok ? "ok  " : "FAIL")

/** A check line: to stdout when it passed, to stderr when it failed. */
function printCheck(ok, line) {
  if (ok) {
    console.log(line)
  } else {
    console.error(line)
  }
}

/** The first problems of a failed audit, indented under its check line. */
function auditProblemLines(audit) {
  return audit.ok ? [] : audit.problems.slice(0, 10).map((problem) => `         ${problem.message}`)
}

/**
 * `  <title>: N succeeded, M failed in S s<suffix>`, then one line per kind
 * of failure. `result`: {ok, seconds, failures: Map<reason, count>}.
 */
function printLoadOutcome(title, result, suffix = "") {
  const failed = [...result.failures.values()].reduce((a, b) => a + b, 0)
  console.log(`  ${title}: ${result.ok} succeeded, ${failed} failed in ${result.seconds.toFixed(1)} s${suffix}`)
  for (const [reason, count] of result.failures) {
    console.log(`    ${count} × ${reason}`)
  }
}

module.exports = { ms, seconds, perSecond, thousands, mark, printCheck, auditProblemLines, printLoadOutcome }
