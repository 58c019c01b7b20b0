#!/usr/bin/env bash
# csat benchmark: csat against the shared peers (DuckDB, polars, chDB, DataFusion,
# pandas) on the five questions, on generated data of 1M and 10M rows.
# `make bench` runs this after building csat.  See bench/README.md.
#
# Env knobs:
#   SIZES="1m 10m"    data sizes (k/m suffix or a plain row count)
#   RUNS=5            timed runs per question (after 1 warm-up), csat and peers
#   LOAD_RUNS=5       loads (csat: fresh processes; peers: as peers.sh does them)
#   ONESHOT_RUNS=3    whole-process one-shot Q2 runs (after 1 warm-up)
#   SKIP_PEERS=1      time csat alone (earlier peer results for the same data file,
#                     if any, are still used in the table)
#   PEER_SKIP="sqlite miller"   peers to leave out (peers.sh names); default skips
#                     the slow sqlite3 CLI and Miller
#   SEED=42  NOW=latest   data seed; csat's --now (latest: the newest response, so that
#                         "since" windows run to the end of the data, as the peers' do)
#   CSAT=.build/release/csat   the binary (built with `swift build -c release` if missing)
#   SHARED_BENCH=../shared/bench   the shared peer scripts
#   STRICT=1          exit 1 when csat's answers differ from the peers'
#   REPORT_SIZES="1m 10m"   sizes in bench/RESULTS.md (besides SIZES), when measured
#   REPORT_ONLY=1     only rewrite bench/RESULTS.md from the results in bench/out/
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
SIZES=${SIZES:-"1m 10m"}
RUNS=${RUNS:-5}
LOAD_RUNS=${LOAD_RUNS:-5}
ONESHOT_RUNS=${ONESHOT_RUNS:-3}
SKIP_PEERS=${SKIP_PEERS:-0}
PEER_SKIP=${PEER_SKIP-"sqlite miller"}
SEED=${SEED:-42}
NOW=${NOW:-latest}
CSAT=${CSAT:-$ROOT/.build/release/csat}
SHARED=${SHARED_BENCH:-$ROOT/../shared/bench}
VENV=$HERE/.venv
DATA_DIR=$HERE/data
OUT_ROOT=$HERE/out
SYSPY=${SYSPY:-python3}

say() { printf '\n== %s\n' "$*" >&2; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

rows_of() {  # 1m -> 1000000, 100k -> 100000, 2500 -> 2500
  case "$1" in
    *[mM]) echo $(( ${1%[mM]} * 1000000 ));;
    *[kK]) echo $(( ${1%[kK]} * 1000 ));;
    *[!0-9]*|'') fail "size '$1': use e.g. 1m, 10m, 500k or a row count";;
    *) echo "$1";;
  esac
}

command -v "$SYSPY" >/dev/null || fail "python3 is needed (standard library only) for bench/bench.py"
[ -d "$SHARED" ] || fail "shared peer scripts not found at $SHARED (set SHARED_BENCH)"
SHARED="$(cd "$SHARED" && pwd)"
if [ ! -x "$CSAT" ]; then
  say "building csat (release)"
  (cd "$ROOT" && swift build -c release --product csat) || fail "csat does not build"
fi
mkdir -p "$DATA_DIR" "$OUT_ROOT"

# ---- peers' Python environment ------------------------------------------------
PEER_NOTES=""
if [ "$SKIP_PEERS" != 1 ] && [ "${REPORT_ONLY:-0}" != 1 ]; then
  if [ ! -x "$VENV/bin/python" ]; then
    say "creating $VENV"
    "$SYSPY" -m venv "$VENV" || fail "cannot create a venv at $VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip || true
  fi
  # peers.sh name : Python modules it needs (pip package = module name here)
  for spec in duckdb:duckdb polars:polars chdb:chdb datafusion:datafusion,pyarrow pandas:pandas,pyarrow; do
    peer=${spec%%:*}; mods=${spec#*:}
    case " $PEER_SKIP " in *" $peer "*) continue;; esac
    missing=""
    for m in ${mods//,/ }; do
      "$VENV/bin/python" -c "import $m" 2>/dev/null || missing="$missing $m"
    done
    if [ -n "$missing" ]; then
      say "pip install$missing (for $peer)"
      if ! "$VENV/bin/python" -m pip install -q $missing; then
        PEER_SKIP="$PEER_SKIP $peer"
        PEER_NOTES="$PEER_NOTES $peer (pip install$missing failed)"
        echo "bench: NOTE: skipping $peer: could not install$missing" >&2
      fi
    fi
  done
  command -v sqlite3 >/dev/null || case " $PEER_SKIP " in *" sqlite "*) ;; *)
    PEER_SKIP="$PEER_SKIP sqlite"; PEER_NOTES="$PEER_NOTES sqlite (no sqlite3 CLI)";; esac
  command -v mlr >/dev/null || case " $PEER_SKIP " in *" miller "*) ;; *)
    PEER_SKIP="$PEER_SKIP miller"; PEER_NOTES="$PEER_NOTES miller (no mlr CLI)";; esac
fi

stamp() { stat -c '%s %Y' "$1"; }
CHECK_RC=0
[ "${REPORT_ONLY:-0}" = 1 ] && SIZES=""
for size in $SIZES; do
  rows=$(rows_of "$size")
  data="$DATA_DIR/csat-$size-s$SEED.csv"
  out="$OUT_ROOT/$size"
  # ---- data (cached) ----------------------------------------------------------
  if [ ! -s "$data" ]; then
    say "$size: generating $rows rows (seed $SEED) -> ${data#$ROOT/}"
    t0=$(date +%s.%N)
    "$CSAT" generate --rows "$rows" --seed "$SEED" > "$data.tmp" || { rm -f "$data.tmp"; fail "csat generate failed"; }
    mv "$data.tmp" "$data"
    echo "generated in $(echo "$(date +%s.%N) - $t0" | bc) s, $(du -h "$data" | cut -f1)" >&2
  else
    say "$size: reusing ${data#$ROOT/} ($(du -h "$data" | cut -f1)); delete it to regenerate"
  fi
  mkdir -p "$out"
  "$SYSPY" - "$out/meta.json" "$data" "$rows" "$(stamp "$data")" \
      "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')" <<'PY'
import datetime, json, os, sys
path, data, rows, st, commit = sys.argv[1:]
json.dump({"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "data": os.path.basename(data), "rows": int(rows), "bytes": os.path.getsize(data),
           "data_stamp": st, "commit": commit,
           "loadavg_before": open("/proc/loadavg").read().split()[0]}, open(path, "w"))
PY

  # ---- csat ---------------------------------------------------------------------
  say "$size: csat ($LOAD_RUNS loads, $RUNS runs per question, $ONESHOT_RUNS one-shot Q2)"
  "$SYSPY" "$HERE/bench.py" csat --bin "$CSAT" --data "$data" --out "$out" --now "$NOW" \
      --runs "$RUNS" --load-runs "$LOAD_RUNS" --oneshot-runs "$ONESHOT_RUNS" \
    || fail "timing csat on $size failed (see above)"
  "$SYSPY" - "$out/meta.json" <<'PY'
import json, sys
m = json.load(open(sys.argv[1])); m["loadavg_after"] = open("/proc/loadavg").read().split()[0]
json.dump(m, open(sys.argv[1], "w"))
PY

  # ---- peers --------------------------------------------------------------------
  if [ "$SKIP_PEERS" != 1 ]; then
    say "$size: peers via ${SHARED}/peers.sh (skipping:${PEER_SKIP:- none}); this takes a while"
    rm -rf "$out/peers" "$out/oneshot.jsonl"
    mkdir -p "$out/peers"
    peers_rc=0
    la_before=$(cut -d' ' -f1 /proc/loadavg)
    PY="$VENV/bin/python" SKIP="$PEER_SKIP" RUNS="$RUNS" LOAD_RUNS="$LOAD_RUNS" \
      "$SHARED/peers.sh" "$data" "$out/peers" > "$out/peers/log.txt" 2>&1 || peers_rc=$?
    grep -E '^answers|Error|error' "$out/peers/log.txt" | head -20 >&2 || true
    [ "$peers_rc" = 0 ] || echo "bench: NOTE: peers.sh exited with $peers_rc (log: ${out#$ROOT/}/peers/log.txt)" >&2
    case " $PEER_SKIP " in *" duckdb "*) ;; *)
      say "$size: DuckDB one-shot Q2 (${SHARED}/oneshot_q2.sh)"
      PY="$VENV/bin/python" "$SYSPY" "$HERE/bench.py" oneshot --tool duckdb --file "$data" \
          --runs "$ONESHOT_RUNS" --jsonl "$out/oneshot.jsonl" -- "$SHARED/oneshot_q2.sh" "$data" duckdb \
        || echo "bench: NOTE: DuckDB one-shot failed" >&2;;
    esac
    "$SYSPY" - "$out/peers/meta.json" "$(stamp "$data")" "$PEER_SKIP" "$PEER_NOTES" "$peers_rc" "$la_before" <<'PY'
import datetime, json, sys
path, st, skip, notes, rc, la = sys.argv[1:]
json.dump({"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
           "data_stamp": st, "skipped": " ".join((skip + " " + notes).split()),
           "peers_rc": int(rc), "loadavg_before": la,
           "loadavg_after": open("/proc/loadavg").read().split()[0]}, open(path, "w"))
PY
  fi

  # ---- answers ------------------------------------------------------------------
  if [ -f "$out/peers/meta.json" ] && [ "$("$SYSPY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["data_stamp"])' "$out/peers/meta.json")" = "$(stamp "$data")" ]; then
    say "$size: csat's answers against the peers'"
    "$SYSPY" "$HERE/bench.py" check --csat "$out/csat-answers.json" --peers "$out/peers/answers" \
        --json "$out/check.json" | tee "$out/check.txt"
    if grep -q 'DIFFERS\|some peers only' "$out/check.txt" 2>/dev/null; then
      CHECK_RC=1
    fi
  else
    echo "bench: no peer results for this data file: answers not checked" >&2
    rm -f "$out/check.json"
  fi
done

say "report"
# The standard sizes when they have results, plus whatever this run measured.
REPORT_SIZES=${REPORT_SIZES:-"1m 10m $SIZES"}
sizes=$(for s in $REPORT_SIZES; do [ -f "$OUT_ROOT/$s/csat.jsonl" ] && echo "$s"; done | awk '!seen[$0]++')
"$SYSPY" "$HERE/bench.py" report --out-root "$OUT_ROOT" --sizes $sizes \
    --results "$HERE/RESULTS.md" --load-runs-note "median of $LOAD_RUNS processes"
if [ "$CHECK_RC" != 0 ]; then
  echo "bench: csat's answers differ from the peers' (see above and bench/out/*/check.txt)" >&2
  [ "${STRICT:-0}" = 1 ] && exit 1
fi
exit 0
