"""Feed inputs to the readers and check the reader contract.

The contract (docs/reliability.md): every input ends in an
:class:`~argmap.model.ArgumentMap` or a :class:`~argmap.model.FormatError`
whose one-line message names the file, never in another exception, and never
takes more than 2 s for a file under 1 MB.
"""

from __future__ import annotations

import hashlib
import importlib
import signal
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

from argmap.formats import FORMATS, decode, sniff
from argmap.model import ArgumentMap, FormatError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SLOW_SECONDS = 2.0
READERS = ("argmap", "argdown", "aif", "graphml")
FAMILY = {"argmap": "json", "aif": "json", "graphml": "xml", "argdown": "text"}
EXTENSION = {"argmap": ".argmap", "aif": ".json", "graphml": ".graphml", "argdown": ".argdown"}
CORPUS_GLOBS = {
    "argmap": (),
    "argdown": ("argdown/**/*.argdown", "argdown/**/*.ad"),
    "aif": ("aif/**/*.json",),
    "graphml": ("graphml/**/*.graphml",),
}


class Hang(BaseException):
    """Raised by the alarm when one input runs too long (a BaseException, so readers cannot swallow it)."""


@dataclass
class Outcome:
    """What one input did: ``kind`` is ``map``, ``error`` or a finding (``crash``, ``hang``, ``slow``, ``message``)."""

    kind: str
    seconds: float
    detail: str = ""
    signature: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def is_finding(self) -> bool:
        return self.kind not in ("map", "error")


def reader(fmt: str):
    """The ``loads`` of format ``fmt``, or raise :class:`LookupError` saying why it is unavailable."""
    spec = FORMATS.get(fmt)
    if spec is None or spec.reader is None:
        raise LookupError(f"{fmt}: no reader registered in argmap.formats.FORMATS")
    try:
        module = importlib.import_module(spec.module)
    except ImportError as exc:
        raise LookupError(f"{fmt}: {spec.module} cannot be imported yet ({exc})") from None
    function = getattr(module, spec.reader, None)
    if function is None:
        raise LookupError(f"{fmt}: {spec.module} has no {spec.reader}() yet")
    return function


def writer(fmt: str):
    """The ``dumps`` of format ``fmt``, or None when it is missing."""
    spec = FORMATS.get(fmt)
    try:
        return spec.dump_function() if spec and spec.writer else None
    except (ImportError, AttributeError):
        return None


def _on_alarm(signum, frame):
    raise Hang()


def run_one(fmt: str, data: str | bytes, name: str | None = None, hang_seconds: float = 10.0) -> Outcome:
    """Feed ``data`` to the reader of ``fmt`` and classify what happened.

    Bytes are decoded as :func:`argmap.formats.read_file` decodes a file;
    JSON formats are also sniffed, as a ``.json`` file would be.
    """
    loads = reader(fmt)
    name = name or f"fuzz{EXTENSION[fmt]}"
    warnings: list[str] = []
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, hang_seconds)
    start = time.perf_counter()
    try:
        text = decode(data, name) if isinstance(data, bytes) else data
        if FAMILY[fmt] == "json":
            sniff(text)
        result = loads(text, name=name, warnings=warnings)
        kind, detail = ("map", "") if isinstance(result, ArgumentMap) else ("crash", f"returned {type(result)}")
    except FormatError as exc:
        kind, detail = "error", str(exc)
        problem = message_problem(exc, name)
        if problem:
            kind, detail = "message", f"{problem}: {exc}"
    except Hang:
        kind, detail = "hang", f"still running after {hang_seconds:g} s"
    except BaseException as exc:  # noqa: B036 - any other exception is exactly what we look for
        if isinstance(exc, KeyboardInterrupt):
            raise
        kind, detail = "crash", "".join(traceback.format_exception(exc, limit=-12))
        return _finish(Outcome(kind, time.perf_counter() - start, detail, _signature(fmt, exc), warnings), previous)
    seconds = time.perf_counter() - start
    if kind in ("map", "error") and seconds > SLOW_SECONDS:
        kind, detail = "slow", f"{seconds:.2f} s ({kind}: {detail[:200]})"
    if kind == "map" and any(not isinstance(w, str) or "\n" in w for w in warnings):
        kind, detail = "message", f"a warning is not one line of text: {warnings!r:.300}"
    key = detail.split(":", 1)[0] if kind == "message" else detail  # one finding per kind of bad message
    return _finish(Outcome(kind, seconds, detail, f"{fmt}:{kind}:{_digest(key)}", warnings), previous)


def _finish(outcome: Outcome, previous) -> Outcome:
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, previous)
    if outcome.kind in ("hang", "slow"):
        outcome.signature = f"{outcome.signature.split(':')[0]}:{outcome.kind}"
    return outcome


def message_problem(exc: FormatError, name: str) -> str:
    """What is wrong with the message of ``exc`` (empty when it keeps the contract)."""
    text = str(exc)
    if exc.file != name or not text.startswith(name):
        return "the message does not start with the file name"
    if any(c in text for c in "\n\r\u2028\u2029\x85"):
        return "the message is not one line"
    if exc.line is not None and (type(exc.line) is not int or exc.line < 1):
        return f"the line number {exc.line!r} is not a line"
    return ""


def _signature(fmt: str, exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/argmap/" in f.filename]
    where = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "?"
    return f"{fmt}:crash:{type(exc).__name__}:{where}"


def _digest(text: str) -> str:
    return hashlib.sha1(text[:80].encode("utf-8", "surrogatepass")).hexdigest()[:8]


def corpus_seeds(fmt: str, max_bytes: int = 300_000) -> list[tuple[str, str]]:
    """Seed documents of ``fmt`` from ../shared/corpora, ../shared/cases, tests/data and the bundled map."""
    paths: list[Path] = []
    for pattern in CORPUS_GLOBS[fmt]:
        paths += sorted((SHARED / "corpora").glob(pattern))
    if fmt == "argmap":
        paths += sorted((SHARED / "cases").glob("*.argmap")) + sorted((ROOT / "resources").glob("**/*.argmap"))
    data = ROOT / "tests" / "data" / fmt
    if data.is_dir():
        paths += sorted(p for p in data.iterdir() if p.suffix in (".json", ".graphml", ".argdown", ".argmap"))
    out = []
    for p in paths:
        if p.is_file() and p.stat().st_size <= max_bytes:
            try:
                out.append((str(p), p.read_text(encoding="utf-8")))
            except (UnicodeDecodeError, OSError):
                continue
    return out


def synthetic_seeds(fmt: str, sizes: tuple[int, ...] = (5, 40, 300)) -> list[tuple[str, str]]:
    """Maps made by :func:`argmap.model.synth.argument_like`, written through the format's ``dumps``;
    the smaller ones graded too (:func:`~argmap.model.synth.with_tradecraft`: version-2 data)."""
    from argmap.model.synth import argument_like, with_tradecraft

    dumps = writer(fmt)
    out = []
    for n in sizes:
        try:
            out.append((f"synth-{n}", dumps(argument_like(n, seed=n))))
            if n <= 40:
                graded = with_tradecraft(argument_like(n, seed=n), 4, seed=n, assumed=0.3, comments=0.2)
                out.append((f"graded-{n}", dumps(graded)))
        except Exception:  # noqa: BLE001 - a writer still being written is simply not a seed source
            return out
    return out


def all_seeds(fmt: str) -> list[tuple[str, str]]:
    """Corpus seeds and synthetic seeds of ``fmt``."""
    return corpus_seeds(fmt) + synthetic_seeds(fmt)
