#!/usr/bin/env python3
"""csat benchmark driver (standard library only).  Called by bench/run.sh.

Subcommands:
  csat     time csat on one data file: load (fresh processes), RSS after load,
           Q1..Q5 in one process with `.timer on`, and the one-shot Q2;
           writes OUT/csat.jsonl and csat's answers in canonical form
  oneshot  time a whole command from outside (wall clock, peak RSS); one JSON line
  check    compare csat's canonical answers with the peers' (peers.sh --dump files)
  report   the Markdown table, the targets with PASS/FAIL, bench/RESULTS.md

JSON lines use the peers' shape: {"tool", "file", "step", "median_s", ...}.
"""

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

# The five questions in csat's language (today = 2026-11-30, UTC).
QUERIES = {
    "Q1": 'csat',
    "Q2": 'csat by rep where product = "Cloud Backup, Business" since 30d',
    "Q3": 'nps by month since 1y',
    "Q4": 'csat, nps by region, customer_type',
    "Q5": 'count by rep where nps <= 6 and not followed_up top 10',
}
QNAMES = tuple(QUERIES)
# Columns of each answer as bench_common.py defines them (peers' canonical rows
# are '|'-joined in this order) and how many leading columns are the group key.
COLUMNS = {
    "Q1": ["n", "csat"],
    "Q2": ["rep", "n", "csat"],
    "Q3": ["month", "n", "nps"],
    "Q4": ["region", "customer_type", "csat_n", "csat", "nps_n", "nps"],
    "Q5": ["rep", "n"],
}
KEYS = {"Q1": 0, "Q2": 1, "Q3": 1, "Q4": 2, "Q5": 1}
ORDERED = {"Q3", "Q5"}  # as in bench_common.py: row order is part of the answer
N_COLUMNS = {"n", "csat_n", "nps_n", "count"}
# csat prints figures to one decimal (half away from zero); the peers' canonical
# form has three.  A csat figure agrees when it is the peer's value to one decimal:
# |csat - peer| <= 0.05 (+ 0.0005 for the peer's own rounding).
TOLERANCE = 0.0505 + 1e-9
RUNTIME = re.compile(r"Run Time: real ([0-9.]+)")


def emit(fh, rec):
    line = json.dumps(rec, ensure_ascii=False)
    print(line, flush=True)
    if fh:
        fh.write(line + "\n")
        fh.flush()


def summary(ts):
    return {"median_s": round(statistics.median(ts), 6), "min_s": round(min(ts), 6),
            "max_s": round(max(ts), 6), "runs": len(ts)}


def proc_status(pid):
    """(VmRSS, VmHWM) of a live process in MiB."""
    rss = hwm = None
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024.0
            elif line.startswith("VmHWM:"):
                hwm = int(line.split()[1]) / 1024.0
    return rss, hwm


def die(msg):
    print(f"bench.py: {msg}", file=sys.stderr)
    sys.exit(1)


# ---------------------------------------------------------------- csat ------

class CsatSession:
    """A csat process reading statements from a pipe, stdout to a file."""

    def __init__(self, binary, now, fmt="json"):
        self.out = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [binary, "--now", now, "--format", fmt], stdin=subprocess.PIPE,
            stdout=self.out, stderr=subprocess.PIPE, text=True, encoding="utf-8", bufsize=1)
        self.stderr_lines = []

    def send(self, *statements):
        for s in statements:
            self.proc.stdin.write(s + "\n")
        self.proc.stdin.flush()

    def wait_timers(self, count):
        """Read stderr until `count` 'Run Time' lines have appeared; return their seconds."""
        times = []
        while len(times) < count:
            line = self.proc.stderr.readline()
            if not line:
                self.proc.wait()
                die("csat stopped early (exit %s); its stderr:\n%s" % (
                    self.proc.returncode, "".join(self.stderr_lines[-30:])))
            self.stderr_lines.append(line)
            m = RUNTIME.search(line)
            if m:
                times.append(float(m.group(1)))
            elif re.search(r"\berror:", line):
                die("csat reported an error:\n" + "".join(self.stderr_lines[-10:]) + "".join(
                    self.proc.stderr.readlines()[:10]))
        return times

    def finish(self):
        self.proc.stdin.close()
        rest = self.proc.stderr.read()
        self.stderr_lines.append(rest)
        rc = self.proc.wait()
        if rc != 0:
            die(f"csat exited with {rc}; stderr:\n" + "".join(self.stderr_lines[-30:]))
        self.out.seek(0)
        return self.out.read().decode("utf-8")


def json_documents(text):
    """The JSON values written one after another (one per statement)."""
    dec = json.JSONDecoder()
    docs, i = [], 0
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text):
            return docs
        doc, i = dec.raw_decode(text, i)
        docs.append(doc)


def canon_csat_value(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.1f}"
    return str(v)


def canon_csat(q, records):
    """csat's JSON rows -> (canonical '|'-joined rows, notes).

    The question's columns are taken in csat's order; csat's extra columns (the
    confidence bounds `<metric>_low`/`_high` and the `low_n` flags) are not part of
    the peers' answers and are left out.  A header missing an expected column is
    noted.  Rows where every respondent count is 0 (csat lists empty groups with
    n = 0 and a blank figure; the peers' definitions leave them out) are dropped
    and counted in the notes; no value is changed.
    """
    notes = []
    rows = []
    dropped = []
    for rec in records:
        wanted = set(COLUMNS[q]) | {"count"}
        cols = [c for c in rec.keys() if c in wanted]
        if [c if c != "count" else "n" for c in cols] != COLUMNS[q] and not any(
                "columns" in n for n in notes):
            notes.append(f"columns {list(rec.keys())} (expected {COLUMNS[q]})")
        ncols = [c for c in cols if c in N_COLUMNS]
        if ncols and all(rec[c] == 0 for c in ncols) and q != "Q5":
            dropped.append(rec)
            continue
        rows.append("|".join(canon_csat_value(rec[c]) for c in cols))
    if dropped:
        keys = ", ".join(str(list(r.values())[0]) for r in dropped[:5])
        notes.append(f"csat lists {len(dropped)} group(s) with n = 0 ({keys}"
                     f"{', ...' if len(dropped) > 5 else ''}); not in the peers' definition, left out")
    if q not in ORDERED:
        rows.sort()
    return rows, notes


def cmd_csat(a):
    data = os.path.abspath(a.data)
    fname = os.path.basename(data)
    os.makedirs(a.out, exist_ok=True)
    fh = open(os.path.join(a.out, "csat.jsonl"), "w", encoding="utf-8")
    base = {"tool": "csat", "file": fname}
    try:
        ver = subprocess.run([a.bin, "--version"], capture_output=True, text=True).stdout.strip()
        base["version"] = ver.split()[-1] if ver else ""
    except OSError as e:
        die(f"cannot run {a.bin}: {e}")

    with open(data, "rb") as f:  # into the page cache, as peers.sh does
        while f.read(1 << 24):
            pass

    # Load: LOAD_RUNS fresh processes, each `.timer on` + `.load FILE`; RSS read
    # from /proc/PID/status while csat waits on its stdin for more statements.
    # The last process goes on to run the queries.
    loads, rss, hwm = [], [], []
    sess = None
    for i in range(a.load_runs):
        sess = CsatSession(a.bin, a.now)
        t0 = time.perf_counter()
        sess.send(".timer on", ".load " + data)
        t = sess.wait_timers(1)[0]  # `.timer on` does not time itself
        wall = time.perf_counter() - t0
        r, h = proc_status(sess.proc.pid)
        loads.append(t)
        rss.append(r)
        hwm.append(h)
        summ = next((l for l in sess.stderr_lines if l.startswith("loaded ")), "").strip()
        print(f"  csat load {i + 1}/{a.load_runs}: {t:.3f} s (wall {wall:.3f} s), "
              f"RSS {r:.0f} MiB, peak {h:.0f} MiB  [{summ}]", file=sys.stderr, flush=True)
        if i + 1 < a.load_runs:
            sess.finish()
    m = re.search(r"loaded ([0-9,]+) rows", "".join(sess.stderr_lines))
    nrows = int(m.group(1).replace(",", "")) if m else None
    emit(fh, {**base, "step": "load", "rows": nrows, **summary(loads),
              "rss_after_load_mib": round(statistics.median(rss), 1),
              "rss_after_load_runs_mib": [round(x, 1) for x in rss],
              "peak_rss_load_mib": round(statistics.median(hwm), 1),
              "rss_method": "VmRSS of /proc/PID/status, csat idle on stdin after .load"})

    # Queries: 1 warm-up + RUNS each, in the same process, one after another;
    # then Q2 and Q3 again with now at the end of the day (diagnostic only).
    plan = []
    for q in QNAMES:
        plan += [(q, k) for k in range(1 + a.runs)]
    stmts = [QUERIES[q] for q, _ in plan]
    diag_now = a.diag_now
    diag = ["Q2", "Q3"] if diag_now else []
    sess.send(*stmts)
    times = sess.wait_timers(len(stmts))
    if diag:
        sess.send(".set now " + diag_now, *[QUERIES[q] for q in diag])
        sess.wait_timers(1 + len(diag))
    _, hwm_end = proc_status(sess.proc.pid)
    out = sess.finish()
    docs = json_documents(out)
    if len(docs) != len(stmts) + len(diag):
        die(f"expected {len(stmts) + len(diag)} answers on csat's stdout, got {len(docs)}")
    answers, raw = {}, {}
    for q in QNAMES:
        idx = [i for i, (qq, _) in enumerate(plan) if qq == q]
        ts = [times[i] for i in idx[1:]]
        first = docs[idx[0]]
        same = all(docs[i] == first for i in idx)
        raw[q] = first
        emit(fh, {**base, "step": q, **summary(ts), "warmup_s": times[idx[0]],
                  "result_rows": len(first), "runs_identical": same})
        if not same:
            print(f"  WARNING: csat gave different answers to {q} across runs", file=sys.stderr)
    diag_raw = {q: docs[len(stmts) + k] for k, q in enumerate(diag)}

    # One-shot Q2: a fresh `csat FILE -e Q2` timed from outside.
    cmd = [a.bin, data, "--now", a.now, "--format", "csv", "-e", QUERIES["Q2"]]
    ts, peaks = time_command(cmd, a.oneshot_runs)
    emit(fh, {**base, "step": "oneshot_q2", **summary(ts), "peak_rss_mib": round(max(peaks), 1),
              "command": "csat FILE --now NOW --format csv -e Q2"})
    emit(fh, {**base, "step": "end", "peak_rss_mib": round(hwm_end, 1)})
    fh.close()

    canon, notes = {}, {}
    for q in QNAMES:
        canon[q], notes[q] = canon_csat(q, raw[q])
    dcanon, dnotes = {}, {}
    for q in diag:
        dcanon[q], dnotes[q] = canon_csat(q, diag_raw[q])
    with open(os.path.join(a.out, "csat-answers.json"), "w", encoding="utf-8") as f:
        json.dump({"now": a.now, "answers": canon, "notes": notes, "raw": raw,
                   "diagnostic": {"now": diag_now, "answers": dcanon, "notes": dnotes,
                                  "raw": diag_raw}},
                  f, ensure_ascii=False, indent=1)


# ------------------------------------------------------------- oneshot ------

def time_command(cmd, runs, env=None):
    """1 warm-up + runs; (wall seconds of the timed runs, peak RSS MiB of all)."""
    ts, peaks = [], []
    for k in range(1 + runs):
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        t = time.perf_counter() - t0
        code = os.waitstatus_to_exitcode(status)
        p.returncode = code
        if code != 0:
            die(f"{' '.join(cmd[:3])} ... exited with {code}:\n{err.decode(errors='replace')[-2000:]}")
        peaks.append(ru.ru_maxrss / 1024.0)
        if k:
            ts.append(t)
        print(f"  {os.path.basename(cmd[0])} one-shot run {k}{' (warm-up)' if not k else ''}: "
              f"{t:.3f} s, peak RSS {ru.ru_maxrss / 1024.0:.0f} MiB", file=sys.stderr, flush=True)
    return ts, peaks


def cmd_oneshot(a):
    ts, peaks = time_command(a.command, a.runs)
    with open(a.jsonl, "a", encoding="utf-8") as fh:
        emit(fh, {"tool": a.tool, "file": os.path.basename(a.file), "step": "oneshot_q2",
                  **summary(ts), "peak_rss_mib": round(max(peaks), 1),
                  "command": " ".join(os.path.basename(c) for c in a.command)})


# --------------------------------------------------------------- check ------

def is_number(s):
    try:
        float(s)
        return True
    except ValueError:
        return False


def field_diff(c, p):
    """None when csat's field c agrees with the peer's canonical field p."""
    if c == p:
        return None
    if "." in p and is_number(p) and is_number(c):
        if abs(float(c) - float(p)) <= TOLERANCE:
            return None
        return f"{c} vs {p}"
    return f"{c!r} vs {p!r}"


def compare(q, csat_rows, peer_rows):
    """List of human-readable differences (empty when they agree)."""
    diffs = []
    if q in ORDERED or KEYS[q] == 0:
        if len(csat_rows) != len(peer_rows):
            diffs.append(f"{len(csat_rows)} rows vs {len(peer_rows)}")
        for i, (c, p) in enumerate(zip(csat_rows, peer_rows)):
            cf, pf = c.split("|"), p.split("|")
            bad = [d for d in map(field_diff, cf, pf) if d] if len(cf) == len(pf) else ["shape"]
            if bad:
                diffs.append(f"row {i + 1}: csat [{c}] peer [{p}]")
        for i in range(len(peer_rows), len(csat_rows)):
            diffs.append(f"row {i + 1}: csat [{csat_rows[i]}] peer (none)")
        for i in range(len(csat_rows), len(peer_rows)):
            diffs.append(f"row {i + 1}: csat (none) peer [{peer_rows[i]}]")
        return diffs
    k = KEYS[q]
    cm = {"|".join(r.split("|")[:k]): r for r in csat_rows}
    pm = {"|".join(r.split("|")[:k]): r for r in peer_rows}
    for key in sorted(set(cm) | set(pm)):
        c, p = cm.get(key), pm.get(key)
        if c is None:
            diffs.append(f"{key}: csat (none) peer [{p}]")
        elif p is None:
            diffs.append(f"{key}: csat [{c}] peer (none)")
        else:
            cf, pf = c.split("|"), p.split("|")
            if len(cf) != len(pf) or any(field_diff(x, y) for x, y in zip(cf[k:], pf[k:])):
                diffs.append(f"{key}: csat [{c}] peer [{p}]")
    return diffs


def load_peer_answers(d):
    ans = {}
    if d and os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            if f.endswith(".json"):
                with open(os.path.join(d, f), encoding="utf-8") as fh:
                    ans[f[:-5]] = json.load(fh)
    return ans


def check(csat_answers, notes, peers, label, out):
    """Compare; print and return {Q: verdict dict}."""
    res = {}
    for q in QNAMES:
        have = {t: a[q] for t, a in peers.items() if q in a}
        if not have:
            res[q] = {"verdict": "no peer answers", "agree": [], "differ": {}}
            continue
        agree, differ = [], {}
        for t, rows in have.items():
            d = compare(q, csat_answers[q], rows)
            if d:
                differ[t] = d
            else:
                agree.append(t)
        peers_same = len({json.dumps(v) for v in have.values()}) == 1
        verdict = ("agrees" if not differ else "DIFFERS from all peers" if not agree
                   else "agrees with some peers only")
        res[q] = {"verdict": verdict, "agree": agree, "differ": differ,
                  "peers_agree_among_themselves": peers_same, "notes": notes.get(q, [])}
        line = f"{label}{q} ({QUERIES[q]}): csat {verdict}"
        if agree:
            line += f" [agrees: {', '.join(agree)}]"
        if not peers_same:
            line += " (the peers disagree among themselves)"
        print(line, file=out)
        for n in notes.get(q, []):
            print(f"    note: {n}", file=out)
        if differ:
            t, d = next(iter(differ.items()))
            print(f"    {len(d)} difference(s) vs {t}" + (f" (same for {', '.join(list(differ)[1:])})"
                  if all(v == d for v in differ.values()) and len(differ) > 1 else "") + ":", file=out)
            for x in d[:12]:
                print(f"      {x}", file=out)
            if len(d) > 12:
                print(f"      ... {len(d) - 12} more", file=out)
    return res


def cmd_check(a):
    with open(a.csat, encoding="utf-8") as f:
        ca = json.load(f)
    peers = load_peer_answers(a.peers)
    if not peers:
        print(f"check: no peer answers in {a.peers}; csat's answers not checked")
        json.dump({"checked": False}, open(a.json, "w"))
        return 0
    print(f"answers checked against: {', '.join(peers)} (figures at csat's one decimal)")
    main = check(ca["answers"], ca["notes"], peers, "", sys.stdout)
    diag = {}
    dg = ca.get("diagnostic") or {}
    if dg.get("answers"):
        print(f"diagnostic, not a result: Q2, Q3 again with `.set now {dg['now']}` "
              "(the peers' windows have no upper end):")
        sub = {t: {q: v[q] for q in dg["answers"] if q in v} for t, v in peers.items()}
        full = {**ca["answers"], **dg["answers"]}
        diag = check(full, dg["notes"], {t: v for t, v in sub.items() if v}, "  diag ", sys.stdout)
        diag = {q: diag[q] for q in dg["answers"]}
    with open(a.json, "w", encoding="utf-8") as f:
        json.dump({"checked": True, "peers": list(peers), "now": ca["now"], "result": main,
                   "diagnostic_now": dg.get("now"), "diagnostic": diag}, f, ensure_ascii=False, indent=1)
    bad = [q for q, r in main.items() if r["differ"]]
    return 1 if bad and a.strict else 0


# -------------------------------------------------------------- report ------

def fmt_s(s):
    if s is None:
        return "–"
    if s >= 10:
        return f"{s:.1f} s"
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 0.01:
        return f"{s * 1000:.0f} ms"
    if s >= 0.001:
        return f"{s * 1000:.1f} ms"
    return f"{s * 1000:.2f} ms"


def fmt_mib(m):
    if m is None:
        return "–"
    return f"{m / 1024:.2f} GiB" if m >= 1024 else f"{m:.0f} MiB"


def read_jsonl(path):
    recs = []
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if line.startswith("{"):
                try:
                    recs.append(json.loads(line))
                except ValueError:
                    pass
    return recs


def collect(recs):
    """{tool: {step: median, 'rss': MiB, 'version': v, 'threads': t}} in first-seen order."""
    tools = {}
    for r in recs:
        d = tools.setdefault(r["tool"], {"version": r.get("version", ""),
                                         "threads": r.get("threads", "")})
        if "median_s" in r:
            d[r["step"]] = r["median_s"]
        if r["step"] == "load" and "rss_after_load_mib" in r:
            d["rss"] = r["rss_after_load_mib"]
        if r["step"] == "oneshot_q2" and "peak_rss_mib" in r:
            d["oneshot_rss"] = r["peak_rss_mib"]
    return tools


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "mem": mem, "cpu": cpu,
            "kernel": platform.release()}


def verdict(ok):
    return "PASS" if ok else "**FAIL**"


def size_section(size, d, lines, targets, largest=True):
    """One size's tables; `largest` when it is the largest size of the report, the only one
    whose load is a target (issue #3: "Load of the 10M file"); smaller sizes show their
    load's ratio for information."""
    meta = json.load(open(os.path.join(d, "meta.json"))) if os.path.exists(os.path.join(d, "meta.json")) else {}
    pmeta_path = os.path.join(d, "peers", "meta.json")
    pmeta = json.load(open(pmeta_path)) if os.path.exists(pmeta_path) else None
    recs = read_jsonl(os.path.join(d, "csat.jsonl"))
    if pmeta and pmeta.get("data_stamp") == meta.get("data_stamp"):
        recs += read_jsonl(os.path.join(d, "peers", "results.jsonl"))
    else:
        pmeta = None
    recs += read_jsonl(os.path.join(d, "oneshot.jsonl")) if pmeta else []
    tools = collect(recs)
    tools.pop("duckdb-csv", None)  # DuckDB querying the CSV each time: not a loaded table
    c = tools.get("csat")
    if not c:
        return None
    rows_n = meta.get("rows")
    lines.append(f"## {size}: {rows_n:,} rows, {meta.get('bytes', 0) / 2**20:.0f} MiB CSV"
                 if rows_n else f"## {size}")
    lines.append("")
    def la(m):
        if m and m.get("loadavg_before"):
            return f" (1-min load average {m['loadavg_before']} → {m.get('loadavg_after', '?')})"
        return ""
    lines.append(f"csat measured {meta.get('date', '?')}{la(meta)}, commit {meta.get('commit', '?')}; "
                 + (f"peers measured {pmeta['date']}{la(pmeta)}" + (f", skipped: {pmeta['skipped']}"
                                                                   if pmeta.get('skipped') else "")
                    if pmeta else "no peer results for this data file"))
    lines.append("")
    busy = [float(x) for m_ in (meta, pmeta) if m_ for x in (m_.get("loadavg_before"), m_.get("loadavg_after")) if x]
    if busy and max(busy) > (os.cpu_count() or 1) / 2:
        lines.append(f"**The machine was busy** (load average up to {max(busy):.1f} on {os.cpu_count()} cores, "
                     "from other work): all times are inflated and noisy, the ratios less so.")
        lines.append("")
    lines.append("| tool | load | Q1 | Q2 | Q3 | Q4 | Q5 | memory after load | one-shot Q2 |")
    lines.append("|---|---|---|---|---|---|---|---|---|")
    for t, v in tools.items():
        name = t + (f" {v['version']}" if v.get("version") else "")
        if v.get("threads") not in ("", None):
            name += f" ({v['threads']} thr)"
        lines.append(f"| {name} | {fmt_s(v.get('load'))} | "
                     + " | ".join(fmt_s(v.get(q)) for q in QNAMES)
                     + f" | {fmt_mib(v.get('rss'))} | {fmt_s(v.get('oneshot_q2'))} |")
    lines.append("")
    peers = {t: v for t, v in tools.items() if t != "csat"}
    tg = []

    def best(step):
        have = [(v[step], t) for t, v in peers.items() if v.get(step) is not None]
        return min(have) if have else (None, None)

    ref, rt = best("load")
    tg.append(("load ≤ 1/3 of the fastest peer's", c.get("load"), ref, rt, 1 / 3))
    for q in QNAMES:
        ref, rt = best(q)
        tg.append((f"{q} ≤ 1/2 of the best peer's", c.get(q), ref, rt, 1 / 2))
    dk = peers.get("duckdb", {})
    tg.append(("memory ≤ 60% of DuckDB's", c.get("rss"), dk.get("rss"), "duckdb", 0.6))
    tg.append(("one-shot Q2 ≤ 1/2 of DuckDB's", c.get("oneshot_q2"), dk.get("oneshot_q2"), "duckdb", 0.5))
    lines.append("| target | csat | reference | ratio csat/ref | goal | verdict |")
    lines.append("|---|---|---|---|---|---|")
    for name, cv, rv, rt, goal in tg:
        ismem = name.startswith("memory")
        f = fmt_mib if ismem else fmt_s
        if cv is None or rv is None:
            lines.append(f"| {name} | {f(cv)} | – | – | ≤ {goal:.2f} | n/a (no reference) |")
            targets.append((size, name, None))
            continue
        ratio = cv / rv
        ok = ratio <= goal + 1e-12
        if ismem:
            rel = f"{ratio * 100:.0f}%"
        elif ratio < 1:
            rel = f"{1 / ratio:.1f}× faster"
        else:
            rel = f"{ratio:.1f}× slower"

        if largest or not name.startswith("load"):
            targets.append((size, name, ok))
            shown = verdict(ok)
        else:
            shown = (f"for information: {'within' if ok else 'beyond'} the goal, "
                     "which is for the largest file")
        lines.append(f"| {name} | {f(cv)} | {f(rv)} ({rt}) | {ratio:.2f} "
                     f"({rel}) "
                     f"| ≤ {goal:.2f} | {shown} |")
    lines.append("")
    ck_path = os.path.join(d, "check.json")
    if pmeta and os.path.exists(ck_path):
        ck = json.load(open(ck_path, encoding="utf-8"))
        if ck.get("checked"):
            lines.append(f"Answers (csat with `--now {ck['now']}`, compared at csat's one decimal "
                         f"with {', '.join(ck['peers'])}):")
            lines.append("")
            for q, r in ck["result"].items():
                s = f"- {q} `{QUERIES[q]}`: {r['verdict']}"
                lines.append(s)
                for n in r.get("notes", []):
                    lines.append(f"  - note: {n}")
                if r["differ"]:
                    t, dd = next(iter(r["differ"].items()))
                    lines.append(f"  - {len(dd)} difference(s), e.g. vs {t}:")
                    for x in dd[:6]:
                        lines.append(f"    - {x}")
            if ck.get("diagnostic"):
                lines.append(f"- diagnostic (not a result): with `.set now {ck['diagnostic_now']}` "
                             + "; ".join(f"{q} {r['verdict']}" for q, r in ck["diagnostic"].items()))
                fixed = [q for q, r in ck["diagnostic"].items()
                         if not r["differ"] and ck["result"][q]["differ"]]
                if fixed:
                    lines.append(f"  - so the whole difference in {', '.join(fixed)} is the responses "
                                 f"after `--now {ck['now']}`: csat's `since` window ends at now, "
                                 "the peers' (`responded_at >= start`) has no upper end, and the "
                                 "generated data runs to the end of 2026-11-30.")
            missing = [t for t in ("chdb", "datafusion") if t in peers and t not in ck["peers"]]
            if missing:
                lines.append(f"- {' and '.join(missing)}: not in the check (`peers.sh` does not "
                             "dump their answers).")
            lines.append("")
    return c


def cmd_report(a):
    lines = []
    m = machine()
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    lines.append("# csat benchmark results")
    lines.append("")
    lines.append(f"Written {now} by `bench/run.sh`. Machine: {m['nproc']} cores (`nproc`), "
                 f"{m['mem']} memory, CPU \"{m['cpu']}\", Linux {m['kernel']}.")
    lines.append("")
    lines.append("Medians. csat: load = `.load FILE` with `.timer on` in a fresh process "
                 f"({a.load_runs_note}); Q1–Q5 = `Run Time` of each statement in one process "
                 "(1 warm-up + RUNS runs, nothing cached between statements); memory = VmRSS "
                 "from /proc/PID/status of a csat that has loaded the file and waits on its "
                 "stdin; one-shot Q2 = wall time of a whole `csat FILE -e Q2` process. Peers: "
                 "`shared/bench/peers.sh` (in-process timers, RSS after the first load in a "
                 "fresh Python process) and `oneshot_q2.sh FILE duckdb` timed from outside.")
    lines.append("")
    targets = []
    csat_by_size = {}
    def nrows(size):
        try:
            return json.load(open(os.path.join(a.out_root, size, "meta.json")))["rows"]
        except (OSError, ValueError, KeyError):
            return 0
    ordered = [s for s in sorted(a.sizes, key=nrows)
               if os.path.exists(os.path.join(a.out_root, s, "csat.jsonl"))]
    for size in ordered:
        d = os.path.join(a.out_root, size)
        c = size_section(size, d, lines, targets, largest=size == ordered[-1])
        if c:
            csat_by_size[size] = (c, json.load(open(os.path.join(d, "meta.json"))))
    # Scaling: the largest size against the smallest, per measurement.
    if len(csat_by_size) >= 2:
        items = sorted(csat_by_size.items(), key=lambda kv: kv[1][1]["rows"])
        (s0, (c0, m0)), (s1, (c1, m1)) = items[0], items[-1]
        k = m1["rows"] / m0["rows"]
        tol = a.scale_tolerance
        lines.append(f"## csat scaling: {s1} vs {s0} (rows × {k:g})")
        lines.append("")
        lines.append(f"PASS when {s1}/{s0} ≤ {k:g} × {tol:g} = {k * tol:g} (no worse than linear "
                     f"by more than a factor {tol:g}).")
        lines.append("")
        lines.append(f"| measurement | {s0} | {s1} | ratio | ratio / {k:g} | verdict |")
        lines.append("|---|---|---|---|---|---|")
        for step in ("load",) + QNAMES + ("rss", "oneshot_q2"):
            v0, v1 = c0.get(step), c1.get(step)
            if v0 is None or v1 is None:
                continue
            f = fmt_mib if step == "rss" else fmt_s
            r = v1 / v0
            ok = r <= k * tol
            targets.append(("scaling", step, ok))
            label = {"rss": "memory after load", "oneshot_q2": "one-shot Q2"}.get(step, step)
            lines.append(f"| {label} | {f(v0)} | {f(v1)} | {r:.1f}× | {r / k:.2f} | {verdict(ok)} |")
        lines.append("")
    passed = sum(1 for *_, ok in targets if ok)
    failed = sum(1 for *_, ok in targets if ok is False)
    lines.append(f"Targets: {passed} PASS, {failed} FAIL"
                 + (f", {len(targets) - passed - failed} without a reference" if len(targets) - passed - failed else "")
                 + ".")
    text = "\n".join(lines) + "\n"
    print(text)
    if a.results:
        with open(a.results, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"wrote {a.results}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("csat")
    p.add_argument("--bin", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--now", default="latest")
    p.add_argument("--diag-now", default="2026-11-30T23:59:59")
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--load-runs", type=int, default=5)
    p.add_argument("--oneshot-runs", type=int, default=3)
    p = sub.add_parser("oneshot")
    p.add_argument("--tool", required=True)
    p.add_argument("--file", required=True)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--jsonl", required=True)
    p.add_argument("command", nargs=argparse.REMAINDER)
    p = sub.add_parser("check")
    p.add_argument("--csat", required=True)
    p.add_argument("--peers", required=True)
    p.add_argument("--json", required=True)
    p.add_argument("--strict", action="store_true", help="exit 1 when an answer differs")
    p = sub.add_parser("report")
    p.add_argument("--out-root", required=True)
    p.add_argument("--sizes", nargs="+", required=True)
    p.add_argument("--results", default="")
    p.add_argument("--scale-tolerance", type=float, default=1.5)
    p.add_argument("--load-runs-note", default="median of LOAD_RUNS processes")
    a = ap.parse_args()
    if a.cmd == "oneshot" and a.command and a.command[0] == "--":
        a.command = a.command[1:]
    return {"csat": cmd_csat, "oneshot": cmd_oneshot, "check": cmd_check,
            "report": cmd_report}[a.cmd](a) or 0


if __name__ == "__main__":
    sys.exit(main())
