"""Runs Rasd and its peers on the same inputs in one run and prints a table with ratios (scripts/bench-peers).

Usage: run.py --rasd BIN --sample SAMPLE.jsonl --work DIR --python VENV_PYTHON [--passes N]
              [--date-articles N] [--pages N] [--skip TOOL ...] [--json OUT]
Every figure is the best of N passes in process CPU time, start-up excluded (the start-up is reported beside);
each tool runs in its own process."""
import argparse
import json
import os
import resource
import subprocess
import sys
import time

from score import agreement, extraction, read_lines

HERE = os.path.dirname(os.path.abspath(__file__))


def say(msg):
    print(msg, file=sys.stderr, flush=True)


def timed(cmd, **kw):
    """Runs a command; returns (stdout, whole-process CPU seconds incl. start-up, wall seconds)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    w0 = time.perf_counter()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, **kw)
    wall = time.perf_counter() - w0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"failed ({done.returncode}): {' '.join(cmd)}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout, cpu, wall


def rasd_bench(args, stages, path, passes, extra=()):
    out, cpu, wall = timed([args.rasd, "bench", "--stage", stages, "--input", path, "--repeat", str(passes),
                            "--json", "--quiet", *extra])
    return {r["stage"]: dict(r, process_cpu_seconds=cpu) for r in json.loads(out)["results"]}, json.loads(out)["machine"]


def peer(args, script, *params):
    """A peer script in the venv's Python; None (with the reason printed) when the tool is missing or fails."""
    try:
        out, cpu, wall = timed([args.python, os.path.join(HERE, script), *map(str, params)])
    except RuntimeError as e:
        say(f"bench-peers: {params[0]}: {e} — left out")
        return None
    result = json.loads(out.strip().splitlines()[-1])
    result["process_cpu_seconds"] = cpu
    return result


def write_date_lines(sample, count, path):
    """The non-empty lines of the first `count` articles, one record each with the article's date."""
    records = read_lines(sample)
    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for r in [r for r in records if (r.get("text") or "").strip()][:count]:
            for k, line in enumerate(l.strip() for l in r["text"].split("\n")):
                if line:
                    f.write(json.dumps({"id": f"{r['id']}-{k}", "text": line, "published": r.get("published")},
                                       ensure_ascii=False) + "\n")
                    n += 1
    return n


def rasd_answers(args, lines_path, out_path):
    """`rasd extract` on the same lines (grouped by publication date, later dates preferred as Duckling does)."""
    records = read_lines(lines_path)
    by_date = {}
    for k, r in enumerate(records):
        by_date.setdefault(r.get("published") or "2015-07-21", []).append(k)
    answers = [None] * len(records)
    for date, ks in by_date.items():
        stdin = "".join(records[k]["text"].replace("\n", " ") + "\n" for k in ks)
        done = subprocess.run([args.rasd, "extract", "--date", date, "--prefer-dates-from", "future"], input=stdin,
                              stdout=subprocess.PIPE, text=True, check=True)
        for k, line in zip(ks, done.stdout.splitlines()):
            answers[k] = json.loads(line)
    dates = [[{"start": d["start"], "end": d["end"], "iso": d["date"]} for d in a["dates"]] for a in answers]
    numbers = [[{"start": n["start"], "end": n["end"], "value": n["value"]} for n in a["numbers"]] for a in answers]
    return dates, numbers


def full_analysis(args, passes):
    """The issue's figure: `taskset -c 0 rasd analyze 1000.jsonl -o out.json --quiet`, whole process."""
    path = os.path.join(args.work, "1000.jsonl")
    with open(args.sample, encoding="utf-8") as f, open(path, "w", encoding="utf-8") as out:
        lines = [l for _, l in zip(range(1000), f)]
        out.writelines(lines)
    articles = sum(1 for l in lines if (json.loads(l).get("text") or "").strip())
    best = None
    for _ in range(passes):
        _, cpu, wall = timed(["taskset", "-c", "0", args.rasd, "analyze", path, "-o", os.path.join(args.work, "out.json"),
                              "--quiet"], stderr=subprocess.DEVNULL)
        if best is None or cpu < best[0]:
            best = (cpu, wall)
    return {"articles": articles, "cpu_seconds": best[0], "wall_seconds": best[1],
            "articles_per_cpu_second": articles / best[0], "articles_per_wall_second": articles / best[1]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rasd", required=True)
    ap.add_argument("--sample", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--python", required=True)
    ap.add_argument("--passes", type=int, default=3)
    ap.add_argument("--date-articles", type=int, default=100)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--skip", nargs="*", default=[])
    ap.add_argument("--json")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    rows, notes = [], {}

    def row(stage, rasd, tool, result, unit, quality=""):
        if result is None:
            rows.append((stage, rasd, tool, None, None, unit, quality or "not run (see above)"))
            return
        rows.append((stage, rasd, tool, result["cpu_seconds"], result.get("import_cpu_seconds"), unit, quality))

    say("bench-peers: normalization and tokenization over the whole sample")
    text, machine = rasd_bench(args, "normalize,tokenize", args.sample, args.passes)
    for tool, stage in [("pyarabic", "normalize"), ("camel", "normalize"), ("pyarabic", "tokenize")]:
        if tool in args.skip:
            continue
        say(f"bench-peers: {tool} {stage}")
        row(stage, text[stage], tool, peer(args, "peer_text.py", tool, stage, args.sample, args.passes), "MB")

    lines_path = os.path.join(args.work, "lines.jsonl")
    n_lines = write_date_lines(args.sample, args.date_articles, lines_path)
    say(f"bench-peers: dates and numbers on {n_lines} lines of the first {args.date_articles} articles")
    dn, _ = rasd_bench(args, "dates,numbers", lines_path, max(args.passes, 10))
    rasd_dates, rasd_numbers = rasd_answers(args, lines_path, os.path.join(args.work, "rasd-extract.jsonl"))
    for tool, stage in [("dateparser", "dates"), ("puckling", "dates"), ("puckling", "numbers")]:
        if tool in args.skip:
            continue
        say(f"bench-peers: {tool} {stage}")
        answers = os.path.join(args.work, f"{tool}-{stage}.jsonl")
        result = peer(args, "peer_dates.py", tool, stage, lines_path, args.passes, answers)
        quality = ""
        if result:
            ours = rasd_dates if stage == "dates" else rasd_numbers
            a = agreement(ours, read_lines(answers), "iso" if stage == "dates" else "value")
            notes[f"{tool} {stage}"] = a
            quality = (f"found: Rasd {a['rasd']}, {tool} {a['peer']}; overlapping {a['overlapping']}, "
                       f"same value {a['same']} ({a['same'] / max(a['overlapping'], 1):.0%})")
        row(stage, dn[stage], tool, result, "line", quality)

    pages = os.path.join(args.work, "pages")
    subprocess.run([args.rasd, "bench", "--write-pages", pages, "--pages", str(args.pages), "--input", args.sample,
                    "--quiet"], check=True)
    say(f"bench-peers: article extraction on {args.pages} generated pages")
    rasd_html = os.path.join(args.work, "rasd-html.jsonl")
    html, _ = rasd_bench(args, "html", pages, args.passes, ["--extracted", rasd_html])
    truth = os.path.join(pages, "truth.jsonl")
    notes["rasd html"] = extraction(truth, rasd_html)
    for tool in ["trafilatura", "justext"]:
        if tool in args.skip:
            continue
        say(f"bench-peers: {tool}")
        out = os.path.join(args.work, f"{tool}-html.jsonl")
        result = peer(args, "peer_html.py", tool, pages, args.passes, out)
        quality = ""
        if result:
            s = extraction(truth, out)
            notes[f"{tool} html"] = s
            quality = quality_text(s)
        row("html", html["html"], tool, result, "page", quality)

    say("bench-peers: full analysis, taskset -c 0 rasd analyze 1000.jsonl (whole process)")
    analysis = full_analysis(args, args.passes)

    print_table(rows, notes, analysis, machine, args)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"machine": machine, "analysis": analysis, "notes": notes, "rasd": {**text, **dn, **html},
                       "rows": [dict(zip(["stage", "rasd", "tool", "cpu", "startup_cpu", "unit", "quality"], r))
                                for r in rows]}, f, ensure_ascii=False, indent=1)


def quality_text(s):
    return (f"paragraphs kept {s['paragraph_recall']:.1%}, pages whole {s['pages_whole']:.1%}, "
            f"boilerplate kept {s['boilerplate_kept']:.1%}")


def print_table(rows, notes, analysis, machine, args):
    print(f"\nMachine: {machine['cores']} cores, {machine['cpu']}, {machine['memory_bytes'] >> 30} GiB; load average "
          f"{' '.join(f'{x:.1f}' for x in machine['load_average'])} at the start. Best of {args.passes} passes, "
          "process CPU time, start-up excluded (start-up CPU in its own column).\n")
    print("| stage | input | Rasd | peer | peer | Rasd faster by | ≥ 10×? | peer start-up | answers |")
    print("|---|---|---:|---|---:|---:|---|---:|---|")
    for stage, rasd, tool, cpu, startup, unit, quality in rows:
        size = f"{rasd['articles']} {'lines' if unit == 'line' else 'pages' if unit == 'page' else 'articles'}, {rasd['bytes'] / 1e6:.1f} MB"
        ours = f"{rasd['cpu_seconds']:.3f} s ({rate(rasd, rasd['cpu_seconds'], unit)})"
        if cpu is None:
            print(f"| {stage} | {size} | {ours} | {tool} | – | – | – | – | {quality} |")
            continue
        ratio = cpu / max(rasd["cpu_seconds"], 1e-9)
        print(f"| {stage} | {size} | {ours} | {tool} | {cpu:.3f} s ({rate(rasd, cpu, unit)}) | {ratio:.1f}× | "
              f"{'yes' if ratio >= 10 else '**no**'} | {startup:.2f} s | {quality} |")
    print(f"| html | (Rasd's own extraction) | | | | | | | {quality_text(notes['rasd html'])} |")
    print(f"\nFull analysis, whole process on one core (`taskset -c 0 rasd analyze 1000.jsonl -o out.json --quiet`, "
          f"best of {args.passes}): {analysis['articles']} articles in {analysis['cpu_seconds']:.2f} s CPU "
          f"({analysis['articles_per_cpu_second']:.0f} articles/s of CPU), {analysis['wall_seconds']:.2f} s wall "
          f"({analysis['articles_per_wall_second']:.0f} articles/s). Target > 100 articles/s per core: "
          f"{'met' if analysis['articles_per_cpu_second'] > 100 else '**not met**'}.")


def rate(rasd, seconds, unit):
    if unit == "MB":
        return f"{rasd['bytes'] / 1e6 / seconds:.1f} MB/s"
    return f"{rasd['articles'] / seconds:.0f} {unit}s/s"


if __name__ == "__main__":
    main()
