/**
 * Writes the run's counts to STOCKROOM_JEST_SUMMARY. Unlike `jest --json`,
 * it never serialises failure details, which can hold circular HTTP
 * request/response objects and make the whole report throw.
 */
const fs = require("fs")

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const file = process.env.STOCKROOM_JEST_SUMMARY
    if (!file) {
      return
    }
    const failedSuites = results.testResults.filter(
      (suite) => suite.testExecError || suite.failureMessage
    ).length
    fs.writeFileSync(
      file,
      JSON.stringify({
        passed: results.numPassedTests,
        failed: results.numFailedTests + results.numRuntimeErrorTestSuites,
        skipped: results.numPendingTests + results.numTodoTests,
        failedSuites,
      })
    )
  }
}

module.exports = SummaryReporter
