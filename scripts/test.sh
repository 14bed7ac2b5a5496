#!/usr/bin/env bash
# The whole test suite: system packages the tests need (when run as root and missing), a build of
# every package, then every vitest project from the root, then a secret grep of every log the tests
# wrote. Ends with one line "tests: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
export npm_config_nodedir=/usr

if [ "$(id -u)" = 0 ]; then
  for setup in scripts/ci/*.sh; do bash "$setup"; done
else
  echo "not root: skipping system package setup (scripts/ci/*.sh); directory tests need slapd and samba" >&2
fi

pnpm exec turbo run build --output-logs=errors-only
# typescript-eslint over every package (eslint.config.js), and every published package must pack
# cleanly: publint and @arethetypeswrong/cli.
pnpm exec turbo run lint --output-logs=errors-only
mkdir -p .tmp
# Every logger the tests create (fixtures, spawned servers) writes JSON lines here, at debug level;
# after the run scripts/check-test-logs.mjs fails the suite if any line holds a password, code,
# secret or token.
export OAUTH_RO_TEST_LOG_DIR="$PWD/.tmp/test-logs"
rm -rf "$OAUTH_RO_TEST_LOG_DIR" && mkdir -p "$OAUTH_RO_TEST_LOG_DIR"
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-report.json "$@" || status=$?
node scripts/check-test-logs.mjs "$OAUTH_RO_TEST_LOG_DIR" || status=1
node -e '
  const r = JSON.parse(require("fs").readFileSync(".tmp/vitest-report.json", "utf8"));
  // A failing beforeAll fails its file while its tests count as skipped: say so, or the line reads green.
  const failed = r.testResults.filter((file) => file.status === "failed").length;
  const failedFiles = failed ? `, ${failed} test file(s) failed` : "";
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : "") + failedFiles);
' || true
exit "$status"
