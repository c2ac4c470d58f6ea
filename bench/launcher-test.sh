#!/usr/bin/env bash
# Checks the `flotilla` launcher's class-data archive handling in a sandbox: a copy of the
# launcher and of the built CLI jar in a temporary root with no sources, so the launcher never
# builds (no mvn, nothing written to ~/.m2). Needs the jar built first:
#   mvn -o -q -pl flotilla-cli -am package -DskipTests -Dspotless.check.skip=true
#   bench/launcher-test.sh
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar_name=flotilla-cli-0.1.0-SNAPSHOT-all.jar
built="$repo/flotilla-cli/target/$jar_name"
[ -f "$built" ] || { echo "no $built: build the CLI first" >&2; exit 2; }

sandbox="$(mktemp -d)"
trap 'chmod -R u+w "$sandbox"; rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/flotilla-cli/target" "$sandbox/bench/cds"
cp "$repo/flotilla" "$sandbox/flotilla"
cp "$repo/bench/cds/training.yaml" "$sandbox/bench/cds/"
touch -d '2000-01-01' "$sandbox/pom.xml"          # older than the jar: nothing is stale
cp "$built" "$sandbox/flotilla-cli/target/$jar_name"
jar="$sandbox/flotilla-cli/target/$jar_name"
archive="${jar%.jar}.jsa"
input="$repo/bench/cds/training.yaml"
failures=0

check() { # description, command...
  local what=$1; shift
  if "$@"; then echo "PASS $what"; else echo "FAIL $what"; failures=$((failures + 1)); fi
}
run() { # stdout file, stderr file, env assignments... -- launcher args
  local out=$1 err=$2; shift 2
  env "$@" "$sandbox/flotilla" plan -f "$input" -o json >"$out" 2>"$err"
}
says() { grep -q "$2" "$1"; }
lacks() { ! grep -q "$2" "$1"; }

run "$sandbox/o1" "$sandbox/e1" X=1
check "the first run creates the archive next to the jar" test -s "$archive"
check "the first run says so on stderr" says "$sandbox/e1" "creating the class-data archive"
run "$sandbox/o2" "$sandbox/e2" X=1
check "the second run uses the archive without creating it again" lacks "$sandbox/e2" "creating"
check "the plan is the same with the archive" cmp -s "$sandbox/o1" "$sandbox/o2"
run "$sandbox/o2b" "$sandbox/e2b" FLOTILLA_JAVA_OPTS="-Xlog:class+load=info:file=$sandbox/classes.txt"
check "the JVM loads application classes from the archive" \
  says "$sandbox/classes.txt" "io.flotilla.core.plan.Planner source: shared objects file (top)"
check "stdout stays JSON" says "$sandbox/o2" '"nodes"'
flags() { # env assignments... -- launcher args: the JVM's final flags
  local envs=()
  while [ "$1" != -- ]; do envs+=("$1"); shift; done
  shift
  env "${envs[@]}" FLOTILLA_JAVA_OPTS=-XX:+PrintCommandLineFlags "$sandbox/flotilla" "$@" 2>/dev/null \
    | grep -- -XX: || true
}
flags X=1 -- --version >"$sandbox/f1"
check "plan runs get C1 only and the serial collector" \
  says "$sandbox/f1" "TieredStopAtLevel=1.*UseSerialGC"
flags X=1 -- bench --help >"$sandbox/f2"
check "bench runs keep the JIT's top tier" lacks "$sandbox/f2" "TieredStopAtLevel"
flags FLOTILLA_JVM_TUNING= -- --version >"$sandbox/f3"
check "an empty FLOTILLA_JVM_TUNING gives the JVM's defaults" lacks "$sandbox/f3" "UseSerialGC"
run "$sandbox/o3" "$sandbox/e3" FLOTILLA_CDS=off
check "FLOTILLA_CDS=off gives the same plan" cmp -s "$sandbox/o1" "$sandbox/o3"

touch -d '2001-01-01' "$jar"                       # older than the archive, yet not its jar
run "$sandbox/o3b" "$sandbox/e3b" X=1
check "an archive the JVM rejects leaves stdout clean" cmp -s "$sandbox/o1" "$sandbox/o3b"

touch "$jar"                                        # a new build
run "$sandbox/o4" "$sandbox/e4" X=1
check "a newer jar gets a new archive" says "$sandbox/e4" "creating the class-data archive"
check "the new archive is newer than the jar" test "$archive" -nt "$jar"

rm -f "$archive"
chmod a-w "$sandbox/flotilla-cli/target"
if [ -w "$sandbox/flotilla-cli/target" ]; then
  echo "SKIP a read-only target directory (running as root: permissions are not enforced)"
else
  run "$sandbox/o5" "$sandbox/e5" X=1
  check "a read-only target directory still plans" cmp -s "$sandbox/o1" "$sandbox/o5"
  check "and creates no archive" test ! -e "$archive"
fi
chmod u+w "$sandbox/flotilla-cli/target"

mv "$sandbox/bench/cds/training.yaml" "$sandbox/bench/cds/training.moved"
touch "$jar"
run "$sandbox/o6" "$sandbox/e6" X=1
check "a failed training run still plans" cmp -s "$sandbox/o1" "$sandbox/o6"
check "and says it starts without the archive" says "$sandbox/e6" "starting without a class-data archive"
check "and marks the failure" test -e "$archive.failed"
run "$sandbox/o7" "$sandbox/e7" X=1
check "a marked failure is not retried for the same jar" lacks "$sandbox/e7" "creating"
mv "$sandbox/bench/cds/training.moved" "$sandbox/bench/cds/training.yaml"
touch "$jar"
run "$sandbox/o8" "$sandbox/e8" X=1
check "a new jar retries after a failure" test -s "$archive" -a ! -e "$archive.failed"

echo "$failures failure(s)"
[ "$failures" -eq 0 ]
