#!/usr/bin/env bash
# Mutation testing with PIT (pitest-maven and its JUnit 5 plugin, profile -Ppit of the root pom):
# not part of ./mvnw verify, the whole of it takes about an hour on 2 cores. Niced: run it on a
# shared machine class by class.
#
#   bash pit.sh core [CLASSES [TESTS]]      filter-core: by default every class, by every test but
#                                           Lincheck's (properties included)
#   bash pit.sh jackson [CLASSES [TESTS]]   filter-jackson's readers (FastWorkfrontScanner,
#                                           WorkfrontStreamReader, WorkfrontEnvelope, SubfilterJson)
#
# CLASSES and TESTS are PIT globs, comma-separated, e.g.
#   bash pit.sh core 'dev.subfilter.internal.Values' 'dev.subfilter.ComparisonEdgesTest'
# 2 threads (PIT_THREADS=1 bash pit.sh ... on a loaded machine). The report:
# MODULE/target/pit-reports/index.html (and mutations.xml, mutations.csv). Test strength =
# killed / (mutants a test covers). Mutants that no test can kill are listed, each with the
# reason, in pit-equivalent.md (PIT has no inline suppression).
set -euo pipefail
cd "$(dirname "$0")"

module="${1:-}"
classes="${2:-}"
tests="${3:-}"
args=(-B -ntp -Ppit -Djacoco.skip "-Dpit.threads=${PIT_THREADS:-2}")
[ -n "$classes" ] && args+=("-Dpit.targetClasses=$classes")
[ -n "$tests" ] && args+=("-Dpit.targetTests=$tests")
case "$module" in
  core) exec nice -n 10 ./mvnw "${args[@]}" -pl filter-core test-compile org.pitest:pitest-maven:mutationCoverage ;;
  jackson) exec nice -n 10 ./mvnw "${args[@]}" -Dpit.skip.core=true -pl filter-core,filter-jackson test-compile \
      org.pitest:pitest-maven:mutationCoverage ;;
  *) sed -n '2,18p' "$0"; exit 2 ;;
esac
