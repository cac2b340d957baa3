#!/usr/bin/env python3
"""Keeps RasdKit's public API to the files listed in docs/public-api.md: every other RasdKit source file, and every
file of the layers over it (stores, server, benchmarks), declares `package` (visible to the CLI, server, stores
and tests of this package, not to other packages). Run it after
adding a file or merging a branch; `--check` lists files that still say `public` where they should not (the test
suite runs the check)."""
import pathlib, re, sys

root = pathlib.Path(__file__).resolve().parent.parent
api_doc = root / "docs" / "public-api.md"
sources = [root / "Sources" / name for name in ("RasdKit", "RasdStore", "RasdPostgres", "RasdServer", "RasdBench")]

# `public` as a declaration modifier (not the word in a comment).
DECLARATION = re.compile(r"\bpublic(?=\s+(?:static|final|func|var|let|init|struct|enum|class|protocol|extension|"
                         r"typealias|subscript|mutating|nonmutating|convenience|required|override|indirect|lazy|"
                         r"private|internal|fileprivate|actor|case)\b)")

def api_files():
    # The files named in the doc's list, one `Sources/RasdKit/...swift` path in backticks a line.
    return set(re.findall(r"`(Sources/RasdKit/[^`]+\.swift)`", api_doc.read_text()))

def main():
    check = "--check" in sys.argv
    keep = api_files()
    offenders = []
    for path in sorted(p for folder in sources for p in folder.rglob("*.swift")):
        rel = str(path.relative_to(root))
        if rel in keep:
            continue
        text = path.read_text()
        new = DECLARATION.sub("package", text)
        if new != text:
            offenders.append(rel)
            if not check:
                path.write_text(new)
    for rel in offenders:
        print(("public outside the API: " if check else "made package: ") + rel)
    return 1 if (check and offenders) else 0

if __name__ == "__main__":
    sys.exit(main())
