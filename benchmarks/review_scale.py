"""How `argmap diff` and `argmap merge` scale, next to git's line-based diff and merge of the same files.

For each size: a map from ``argument_like``, two versions of it with the
same number of random edits each (texts changed, statements added at the
end, statements removed), all written as .argmap. Times (best of
``--repeat``, fresh processes): ``git diff --no-index --numstat`` and
``argmap diff --format json`` of BASE and OURS; ``git merge-file -p`` and
``argmap merge`` of the three; and in-process ``diff_documents`` /
``merge_documents`` next to ``json.loads`` of one file. Also counts what
each merge left to a person: git's conflict hunks, argmap's conflicts.
Prints a table; asserts nothing.

    python benchmarks/review_scale.py [--sizes 1000,10000,100000] [--edits 50] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from timing import best

from argmap.formats import native
from argmap.formats.diff import diff_documents
from argmap.formats.merge import merge_documents
from argmap.model import Statement
from argmap.model.synth import argument_like


def edited(amap, rng: random.Random, edits: int, tag: str):
    """A copy with ``edits`` random edits: a third new texts, a third additions, a third removals."""
    out = amap.copy()
    for k in range(edits):
        ids = list(out.statements)
        roll = k % 3
        if roll == 0:
            sid = rng.choice(ids)
            out.update(sid, text=out.statements[sid].text + f" ({tag} {k})")
        elif roll == 1:
            out.add(Statement(f"{tag}{k}", "claim", f"Added by {tag}."))
        else:
            out.remove([rng.choice(ids)])
    return out




def shell(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(list(args), cwd=cwd, capture_output=True, text=True)


def row(n: int, edits: int, repeat: int, folder: Path) -> dict:
    base = argument_like(n, seed=n)
    ours, theirs = edited(base, random.Random(1), edits, "o"), edited(base, random.Random(2), edits, "t")
    texts = {name: native.dumps(m) for name, m in (("base", base), ("ours", ours), ("theirs", theirs))}
    for name, text in texts.items():
        (folder / f"{name}.argmap").write_text(text, encoding="utf-8")
    docs = [json.loads(texts[name]) for name in ("base", "ours", "theirs")]
    argmap = [sys.executable, "-m", "argmap"]
    git_merge = shell("git", "merge-file", "-p", "ours.argmap", "base.argmap", "theirs.argmap", cwd=folder)
    ours_merge = shell(*argmap, "merge", "base.argmap", "ours.argmap", "theirs.argmap", "-o", "out.argmap",
                       cwd=folder)
    merged = json.loads((folder / "out.argmap").read_text(encoding="utf-8"))
    return {
        "n": n,
        "json.loads": best(lambda: json.loads(texts["base"]), repeat),
        "diff_documents": best(lambda: diff_documents(docs[0], docs[1]), repeat),
        "merge_documents": best(lambda: merge_documents(*docs), repeat),
        "git diff": best(lambda: shell("git", "diff", "--no-index", "--numstat", "base.argmap", "ours.argmap",
                                       cwd=folder), repeat),
        "argmap diff": best(lambda: shell(*argmap, "diff", "base.argmap", "ours.argmap", "--format", "json",
                                          cwd=folder), repeat),
        "git merge-file": best(lambda: shell("git", "merge-file", "-p", "ours.argmap", "base.argmap",
                                             "theirs.argmap", cwd=folder), repeat),
        "argmap merge": best(lambda: shell(*argmap, "merge", "base.argmap", "ours.argmap", "theirs.argmap",
                                           "-o", "out.argmap", cwd=folder), repeat),
        "git hunks": git_merge.stdout.count("\n<<<<<<< "),
        "argmap conflicts": len(merged.get("merge_conflicts", [])),
        "argmap exit": ours_merge.returncode,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"python {platform.python_version()}, {args.edits} edits on each side, best of {args.repeat}")
    print(f"{'statements':>10} | {'json.loads':>10} {'diff_docs':>10} {'merge_docs':>10} | "
          f"{'git diff':>9} {'argmap diff':>11} | {'git merge':>9} {'argmap merge':>12} | "
          f"{'git hunks':>9} {'argmap conflicts':>16}")
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            r = row(n, args.edits, args.repeat, Path(tmp))
        print(f"{r['n']:>10,} | {r['json.loads']:>9.3f}s {r['diff_documents']:>9.3f}s {r['merge_documents']:>9.3f}s | "
              f"{r['git diff']:>8.3f}s {r['argmap diff']:>10.3f}s | {r['git merge-file']:>8.3f}s "
              f"{r['argmap merge']:>11.3f}s | {r['git hunks']:>9} {r['argmap conflicts']:>16}")


if __name__ == "__main__":
    main()
