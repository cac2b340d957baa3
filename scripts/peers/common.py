"""Shared helpers for the peer benchmarks: reading the sample, best-of-N timing in process CPU time."""
import json
import sys
import time

STARTED_WALL = time.perf_counter()


def read_jsonl(path, limit=None):
    """Records of a JSONL file (those with a non-empty text), at most `limit`."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if (r.get("text") or "").strip():
                out.append(r)
            if limit and len(out) >= limit:
                break
    return out


def best_of(fn, passes, budget_s=120.0):
    """Runs fn() up to `passes` times (fewer when the passes so far took over `budget_s` of CPU) and returns
    (best process CPU seconds, wall seconds of that pass, passes run, last result). Process CPU time, not wall
    time: the machine is shared with other jobs."""
    best, best_wall, runs, result, spent = float("inf"), 0.0, 0, None, 0.0
    while runs < passes and (runs == 0 or spent < budget_s):
        c0, w0 = time.process_time(), time.perf_counter()
        result = fn()
        cpu, wall = time.process_time() - c0, time.perf_counter() - w0
        runs += 1
        spent += cpu
        if cpu < best:
            best, best_wall = cpu, wall
    return best, best_wall, runs, result


def report(tool, stage, cpu, wall, runs, import_cpu, import_wall, **units):
    """One JSON object on stdout for the orchestrator."""
    obj = {"tool": tool, "stage": stage, "cpu_seconds": cpu, "wall_seconds": wall, "passes": runs,
           "import_cpu_seconds": import_cpu, "import_wall_seconds": import_wall}
    obj.update(units)
    json.dump(obj, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")


def imported():
    """Start-up cost so far: process CPU seconds since the interpreter started (interpreter + imports), and wall
    seconds since this module was imported (the orchestrator measures the whole process from outside)."""
    return time.process_time(), time.perf_counter() - STARTED_WALL
