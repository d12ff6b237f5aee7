#!/usr/bin/env bash
# Apricot's fast SGNS trainer and gensim side by side: same corpus, same hyperparameters, same
# number of threads, runs alternating (Apricot first on odd runs, gensim first on even runs, so
# neither always gets the quieter moment of a shared machine), then the medians.
#
#   src/bench/side-by-side.sh [--corpus FILE] [--threads "1 2"] [--runs 3] [--dim 100] [--window 5]
#                             [--negatives 5] [--sample 1e-3] [--min-count 5] [--epochs 1]
#
# Run r uses seed r in both trainers, so the quality medians are over different seeds.
# Prints every run's RESULT line, then per thread count: median words/s of each, their ratio
# (Apricot / gensim), and median WordSim-353 Spearman ρ and analogy accuracy (3CosAdd, top 30k
# words) of each. Needs target/apricot.jar (built with mvn package if missing) and Debian's
# python3-gensim (installed with apt-get if missing). Logs go to target/bench/.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
# Apricot's JVM flags (the Vector API, the serial GC) come from src/bin/apricot, which builds and calls this.
if [ -z "${APRICOT_TRAIN_JVM_FLAGS+set}" ]; then exec "$root/src/bin/apricot" bench speed "$@"; fi
read -r -a train_jvm_flags <<< "$APRICOT_TRAIN_JVM_FLAGS"
data="${APRICOT_DATA:-$root/../shared/datasets}"
corpus="$data/corpora/pg_mix_4M.txt.gz"
threads="1 2"
runs=3
hyper=(--dim 100 --window 5 --negatives 5 --sample 1e-3 --min-count 5 --epochs 1)
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --corpus) corpus="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --dim|--window|--negatives|--sample|--min-count|--epochs|--eta|--seed) extra+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "side-by-side.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done
hyper+=("${extra[@]}")   # later options win in both drivers
wordsim="$data/eval/wordsim353.tsv"
analogies="$data/eval/questions-words.txt"
for f in "$corpus" "$wordsim" "$analogies"; do
  [ -r "$f" ] || { echo "side-by-side.sh: cannot read $f (set APRICOT_DATA to the datasets folder)" >&2; exit 1; }
done

if ! /usr/bin/python3 -c 'import gensim' 2>/dev/null; then
  echo "installing Debian's python3-gensim ..." >&2
  if [ "$(id -u)" -eq 0 ]; then apt-get install -y python3-gensim >&2; else sudo apt-get install -y python3-gensim >&2; fi
fi
if [ ! -f "$root/target/apricot.jar" ]; then
  (cd "$root" && mvn -q package -DskipTests)
fi

logs="$root/target/bench"
mkdir -p "$logs"
results="$logs/side-by-side-$(date -u +%Y%m%dT%H%M%SZ).txt"
: > "$results"
eval_args=(--wordsim "$wordsim" --analogies "$analogies" --analogy-words 30000)

seed_of_run=0
run_apricot() {
  java "${train_jvm_flags[@]}" -cp "$root/target/apricot.jar:$root/target/lib/*" io.github.apricotcourse.bench.TrainBenchmark \
    --corpus "$corpus" --threads "$1" --seed "$seed_of_run" "${hyper[@]}" "${eval_args[@]}" 2>>"$logs/apricot.err" | tee -a "$logs/apricot.log" | grep '^RESULT'
}
run_gensim() {
  /usr/bin/python3 "$root/src/bench/gensim_train.py" --corpus "$corpus" --threads "$1" --seed "$seed_of_run" "${hyper[@]}" "${eval_args[@]}" \
    2>>"$logs/gensim.err" | tee -a "$logs/gensim.log" | grep '^RESULT'
}

echo "corpus $corpus; hyperparameters ${hyper[*]}; $runs runs each, alternating"
for t in $threads; do
  for r in $(seq 1 "$runs"); do
    seed_of_run=$r                # run r uses seed r in both (a --seed option overrides it)
    if [ $((r % 2)) -eq 1 ]; then order="run_apricot run_gensim"; else order="run_gensim run_apricot"; fi
    for f in $order; do
      line="$($f "$t")" || { echo "side-by-side.sh: $f failed with $t threads, see $logs/*.err" >&2; exit 1; }
      echo "run $r $line" | tee -a "$results"
    done
  done
done

/usr/bin/python3 - "$results" <<'PY'
import statistics, sys
rows = []
for line in open(sys.argv[1]):
    parts = line.split()
    kv = dict(p.split("=", 1) for p in parts if "=" in p)
    rows.append(kv)
print()
print("%-8s %-8s %12s %12s %10s %10s %8s" % ("threads", "impl", "words/s", "train s", "WS353 rho", "analogy%", "RSS MB"))
for t in sorted({r["threads"] for r in rows}, key=int):
    med = {}
    for impl in ("apricot", "gensim"):
        rs = [r for r in rows if r["threads"] == t and r["impl"] == impl]
        m = {k: statistics.median(float(r[k]) for r in rs) for k in ("words_per_s", "seconds", "wordsim", "analogy", "peak_rss_mb")}
        med[impl] = m
        print("%-8s %-8s %12.0f %12.2f %10.4f %10.2f %8.0f" % (t, impl, m["words_per_s"], m["seconds"], m["wordsim"],
                                                            100 * m["analogy"], m["peak_rss_mb"]))
    a, g = med["apricot"], med["gensim"]
    print("%-8s ratio    %.2fx gensim's words/s (medians of %d);  WordSim-353 rho %+.4f;  analogy %+.2f points"
          % (t, a["words_per_s"] / g["words_per_s"], len(rs), a["wordsim"] - g["wordsim"], 100 * (a["analogy"] - g["analogy"])))
PY
echo "(all runs: $results)"
