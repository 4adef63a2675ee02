#!/usr/bin/env bash
# Coverage-guided fuzzing of the Jazzer @FuzzTest targets (./mvnw verify only replays their
# committed inputs, in seconds).
#
#   bash fuzz.sh list                       the targets
#   bash fuzz.sh TARGET|all [MINUTES]       fuzz one target (Class#method, a class, or a part of a
#                                           name) or every one, MINUTES each (default 10), niced
#   bash fuzz.sh keep TARGET|all            add the corpus a run grew to the committed inputs
#   bash fuzz.sh seed                       rewrite the seed inputs from spec-tests/, examples/ and
#                                           filter-jackson's 4me fixture (needs python3)
#
# Inputs (Jazzer's layout, replayed by ./mvnw verify): MODULE/src/test/resources/PACKAGE/CLASSInputs/
# METHOD/. A crash is written there as crash-<sha1> and fails verify until fixed. The corpus a run
# grows: MODULE/.cifuzz-corpus/CLASS/METHOD (not committed; `keep` copies it into the inputs).
# Each run prints libFuzzer's status lines (cov: edges, ft: features, exec/s) and a final count.
set -euo pipefail
cd "$(dirname "$0")"

TARGETS=(
  "filter-jackson dev.subfilter.jackson.ReadPathsFuzzTest read_anyPayload_scannerStreamAndTreeAgree"
  "filter-jackson dev.subfilter.jackson.SubscriptionParserFuzzTest parse_anyText_subscriptionOrLocatedProblems"
  "filter-jackson dev.subfilter.jackson.AdaptersFuzzTest read_anyBody_deliveryOrDocumentedRejection"
  "filter-jackson dev.subfilter.jackson.AdaptersFuzzTest read_signedFourMeDelivery_acceptedOnlyWhenUnaltered"
  "filter-cli dev.subfilter.cli.EventSplitterFuzzTest split_anyBytes_piecesOfTheInputAsTheReferenceSplitFinds -max_len=4096"
  "filter-cli dev.subfilter.cli.EventSplitterFuzzTest split_laidOutPayloads_findsExactlyThemAndMatchReportsEach"
  "filter-cli dev.subfilter.cli.SpecFileFuzzTest spec_anyDocument_casesOrOneFailure"
)
# (a fourth field: libFuzzer flags of that target; whole spec files seed the splitter, but it is fuzzed on short inputs)
# what coverage guides: our code and Jackson's tokenizer (where the read paths differ)
INSTRUMENT="dev.subfilter.**,com.fasterxml.jackson.core.**"

selected() {
  local want="$1" t mod cls m flags
  for t in "${TARGETS[@]}"; do
    read -r mod cls m flags <<<"$t"
    if [ "$want" = all ] || [ "$want" = "${cls##*.}#$m" ] || [ "$want" = "${cls##*.}" ] || [[ "${cls##*.}#$m" == *"$want"* ]]; then
      echo "$t"
    fi
  done
}

inputs_dir() { # MODULE CLASS METHOD
  local pkg="${2%.*}"
  echo "$1/src/test/resources/${pkg//.//}/${2##*.}Inputs/$3"
}

build() { # the test classes and a class path file per module, built once (FUZZ_NO_BUILD=1: use the last build)
  [ -z "${FUZZ_NO_BUILD:-}" ] || return 0
  echo "fuzz: building (tests skipped)" >&2
  ./mvnw -B -ntp -q -DskipTests verify -pl filter-jackson,filter-cli -am \
    dependency:build-classpath -Dmdep.outputFile=target/fuzz-classpath.txt -Dmdep.includeScope=test >&2
}

# Runs Jazzer on one target from a copy of the module's classes (a build meanwhile cannot disturb it).
jazzer() { # MODULE CLASS METHOD ARGS...
  local mod="$1" cls="$2" m="$3"
  shift 3
  local run="$mod/target/fuzz-run/${cls##*.}-$m"
  rm -rf "$run" && mkdir -p "$run"
  cp -r "$mod/target/classes" "$run/classes"
  cp -r "$mod/target/test-classes" "$run/test-classes"
  local cp="" entry
  mkdir -p "$run/lib"
  for entry in $(tr ':' ' ' <"$mod/target/fuzz-classpath.txt"); do
    case "$entry" in # the other modules' jars too: a build meanwhile rewrites them
      "$PWD"/*) cp "$entry" "$run/lib/" && entry="$PWD/$run/lib/$(basename "$entry")" ;;
    esac
    cp="$cp:$entry"
  done
  (cd "$mod" && nice -n 10 java -Xmx2g -Xss4m \
    -cp "../$run/test-classes:../$run/classes$cp" \
    com.code_intelligence.jazzer.Jazzer --target_class="$cls" --target_method="$m" --instrument="$INSTRUMENT" "$@")
}

fuzz() { # MODULE CLASS METHOD MINUTES [FLAGS]
  local mod="$1" cls="$2" m="$3" minutes="$4" flags="${5:-}"
  local corpus=".cifuzz-corpus/$cls/$m"
  mkdir -p "$mod/$corpus" "$(inputs_dir "$mod" "$cls" "$m")"
  echo "fuzz: ${cls##*.}#$m for $minutes min ($(date -u +%FT%TZ), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  # shellcheck disable=SC2086
  jazzer "$mod" "$cls" "$m" -max_total_time=$((minutes * 60)) -print_final_stats=1 -timeout=300 -report_slow_units=120 $flags "$corpus"
}

keep() { # MODULE CLASS METHOD: copy the corpus a run grew (inputs that reached new coverage, named by their SHA-1) into the inputs
  local mod="$1" cls="$2" m="$3"
  local inputs corpus before
  inputs="$(inputs_dir "$mod" "$cls" "$m")"
  corpus="$mod/.cifuzz-corpus/$cls/$m"
  [ -d "$corpus" ] || { echo "fuzz: no corpus for ${cls##*.}#$m; fuzz it first" >&2; return 1; }
  before=$(ls "$inputs" | wc -l)
  cp -n "$corpus"/* "$inputs"/ 2>/dev/null || true
  echo "fuzz: ${cls##*.}#$m: $before inputs, now $(ls "$inputs" | wc -l)" >&2
}

seed() { # the seed inputs: every spec case's subscription and event, the examples, the 4me fixture
  python3 - <<'EOF'
import glob, hashlib, json, os
def put(d, name, data):
    os.makedirs(d, exist_ok=True)
    data = data if isinstance(data, bytes) else data.encode()
    open(os.path.join(d, "seed-" + name + "-" + hashlib.sha1(data).hexdigest()[:12]), "wb").write(data)
J = "filter-jackson/src/test/resources/dev/subfilter/jackson/"
C = "filter-cli/src/test/resources/dev/subfilter/cli/"
read_paths = J + "ReadPathsFuzzTestInputs/read_anyPayload_scannerStreamAndTreeAgree"
parser = J + "SubscriptionParserFuzzTestInputs/parse_anyText_subscriptionOrLocatedProblems"
bodies = J + "AdaptersFuzzTestInputs/read_anyBody_deliveryOrDocumentedRejection"
signed = J + "AdaptersFuzzTestInputs/read_signedFourMeDelivery_acceptedOnlyWhenUnaltered"
split = C + "EventSplitterFuzzTestInputs/split_anyBytes_piecesOfTheInputAsTheReferenceSplitFinds"
laid = C + "EventSplitterFuzzTestInputs/split_laidOutPayloads_findsExactlyThemAndMatchReportsEach"
spec = C + "SpecFileFuzzTestInputs/spec_anyDocument_casesOrOneFailure"
compact = lambda v: json.dumps(v, separators=(",", ":"), ensure_ascii=False)
for f in sorted(glob.glob("spec-tests/src/test/resources/spec/*/*.json")):
    area = f.split("/")[-2]
    raw = open(f, "rb").read()
    put(spec, area, raw)
    put(split, area, raw)
    doc = json.loads(raw)
    for c in doc["cases"]:
        if "subscription" in c:
            put(parser, area, compact(c["subscription"]))
        else:
            put(parser, area, c["subscriptionText"])
        event = compact(c["event"])
        fmt = c.get("eventFormat", "workfront")
        put(bodies, area, event)
        if fmt == "workfront":
            put(read_paths, area, event)
            put(read_paths, area + "-pretty", json.dumps(c["event"], indent=2))
        if fmt == "4me" and isinstance(c["event"], dict) and "jwt" not in c["event"]:
            # the signed target's trailer (read from the end): flag, char, position, config, mutation, claims, algorithm
            for trailer in (bytes(11), bytes([0, 0, 65, 0, 0, 0, 7, 0, 1, 0, 0]), bytes([0, 0, 0, 0, 0, 0, 40, 0, 5, 0, 2])):
                put(signed, area, event.encode() + trailer)
for line in open("examples/events.ndjson", "rb").read().splitlines():
    put(bodies, "examples", line)
    if b'"eventType"' in line:
        put(read_paths, "examples", line)
put(split, "examples", open("examples/events.ndjson", "rb").read())
put(laid, "examples", open("examples/events.ndjson", "rb").read()[:300])
for s in json.load(open("examples/subscriptions.json")):
    put(parser, "examples", compact(s))
fixture = "filter-jackson/src/test/resources/fixtures/4me-signed-delivery/"
for name in ("body.json", "body-other-policy.json"):
    put(bodies, "4me-fixture", open(fixture + name, "rb").read())
EOF
}

cmd="${1:-list}"
case "$cmd" in
  list)
    for t in "${TARGETS[@]}"; do read -r mod cls m _ <<<"$t"; echo "${cls##*.}#$m  ($mod)"; done ;;
  seed)
    seed ;;
  keep)
    selected "${2:?keep TARGET|all}" | while read -r mod cls m _; do keep "$mod" "$cls" "$m"; done ;;
  *)
    chosen="$(selected "$cmd")"
    [ -n "$chosen" ] || { echo "fuzz: no target matches $cmd (bash fuzz.sh list)" >&2; exit 2; }
    build
    status=0
    while read -r mod cls m flags; do
      fuzz "$mod" "$cls" "$m" "${2:-10}" "$flags" || status=$?
    done <<<"$chosen"
    exit $status ;;
esac
