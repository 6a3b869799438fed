"""Tiny helper for the notebooks: Spark SQL over the OncoIndicators warehouse through `jobs/query`.

    import onco
    rows = onco.query("SELECT * FROM gold.survival WHERE center_id = 'ALL'")   # list of dicts
    parts = onco.query_parts({"a": "SELECT ...", "b": "SELECT ..."})            # one JVM, several results
    onco.show(rows, ["cancer_group", "estimate"])                             # aligned text table

Environment:
  ONCO_QUERY        command prefix that runs the `query` subcommand (shell-split), e.g.
                    "java -cp ... org.oncoindicators.cli.OncoIndicators query"; default <repo>/jobs/query
  ONCO_WAREHOUSE    warehouse folder or URI (default <repo>/warehouse; a relative path is taken from the repo)
  ONCO_NOTEBOOK_OUT where notebooks write their PNGs (default <repo>/notebooks/out)

Every call starts a JVM (~10 s): keep the number of calls per notebook small.
"""
import json
import math
import os
import shlex
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class QueryError(RuntimeError):
    """jobs/query failed (bad SQL, missing table, JVM error)."""


def _repo_path(value):
    p = Path(value).expanduser()
    return p if p.is_absolute() else REPO / p


def warehouse():
    """The warehouse the queries read (ONCO_WAREHOUSE, default <repo>/warehouse): a folder, or a URI
    such as s3a://bucket/oncoindicators, passed on as it is."""
    value = os.environ.get("ONCO_WAREHOUSE") or "warehouse"
    return value if "://" in value else str(_repo_path(value))


def out_dir():
    """Folder for figures (ONCO_NOTEBOOK_OUT, default <repo>/notebooks/out); created if missing."""
    d = _repo_path(os.environ.get("ONCO_NOTEBOOK_OUT") or "notebooks/out")
    d.mkdir(parents=True, exist_ok=True)
    return d


def _command():
    prefix = os.environ.get("ONCO_QUERY")
    return shlex.split(prefix) if prefix and prefix.strip() else [str(REPO / "jobs" / "query")]


def query(sql):
    """Runs one SQL statement; returns its rows as a list of dicts (column -> value, NULL -> None).

    Raises QueryError with the tool's error line when the command fails (e.g. bad SQL)."""
    cmd = _command() + ["--warehouse", warehouse(), "--format", "json", sql]
    try:
        proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, stdin=subprocess.DEVNULL)
    except OSError as e:
        raise QueryError(f"cannot start {cmd[0]!r}: {e} (set ONCO_QUERY?)") from None
    if proc.returncode != 0:
        lines = [l.strip() for l in proc.stderr.splitlines() if l.strip()]
        errors = [i for i, l in enumerate(lines) if l.startswith("error:")]
        if errors:  # the CLI's one-line message; a Spark exception's text may start on the next line
            i = errors[-1]
            last = lines[i] + (" " + lines[i + 1] if lines[i].endswith(":") and i + 1 < len(lines) else "")
        else:
            last = lines[-1] if lines else "(no stderr)"
        raise QueryError(f"query failed (exit {proc.returncode}): {last}\n  SQL: {sql.strip()[:500]}")
    # One JSON object per line; Spark writes NaN/Infinity bare, which json.loads accepts.
    return [json.loads(l) for l in proc.stdout.splitlines() if l.startswith("{")]


def query_parts(parts):
    """Runs several SELECTs (name -> SQL) in ONE query (one JVM) with UNION ALL; returns name -> rows.

    Each SELECT may have its own columns; row order within a part is not kept (sort in Python).
    Only SELECT queries (no DESCRIBE/SHOW) can be combined."""
    if not parts:
        return {}
    union = "\nUNION ALL\n".join(
        f"SELECT '{name}' AS part, to_json(struct(t.*), map('ignoreNullFields', 'false')) AS row "
        f"FROM ({sql}) t"
        for name, sql in parts.items())
    result = {name: [] for name in parts}
    for r in query(union):
        result[r["part"]].append(json.loads(r["row"]))
    return result


def num(v):
    """A value as float, None/NaN-safe (None -> nan), for matplotlib."""
    try:
        return float(v) if v is not None else math.nan
    except (TypeError, ValueError):
        return math.nan


def show(rows, columns=None, limit=40, floatfmt="{:.4g}"):
    """Prints rows (list of dicts) as an aligned text table, at most `limit` rows."""
    if not rows:
        print("(no rows)")
        return
    columns = list(columns or rows[0].keys())

    def cell(v):
        if v is None:
            return "NULL"
        if isinstance(v, float):
            return floatfmt.format(v)
        if isinstance(v, (dict, list)):
            return json.dumps(v, separators=(",", ":"))
        return str(v)

    body = [[cell(r.get(c)) for c in columns] for r in rows[:limit]]
    width = [max([len(c)] + [len(b[i]) for b in body]) for i, c in enumerate(columns)]
    print(" | ".join(c.ljust(w) for c, w in zip(columns, width)).rstrip())
    print("-+-".join("-" * w for w in width))
    for b in body:
        print(" | ".join(v.ljust(w) for v, w in zip(b, width)).rstrip())
    more = len(rows) - limit
    print(f"({len(rows)} rows{f', {more} not shown' if more > 0 else ''})")
