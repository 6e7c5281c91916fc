"""Times Alembic's autogenerate comparison of a SQLAlchemy metadata with a live PostgreSQL database.

Written out and run by Retort's benchmark (dev.retort.bench.Alembic), once per timed run, with Debian's
python3-alembic. Usage: alembic_compare.py MODELS_FILE SQLALCHEMY_URL. Prints one JSON object: the time to import
the models, to connect, and to run compare_metadata (compare_type and compare_server_default on, as users set
them), how many statements the comparison executed, and the differences Alembic reported (on a database created
from the same schema, every one of them is a false positive).
"""
import importlib.util
import json
import sys
import time

started = time.perf_counter()
import sqlalchemy as sa  # noqa: E402
import alembic  # noqa: E402
from alembic.autogenerate import compare_metadata  # noqa: E402
from alembic.migration import MigrationContext  # noqa: E402

models_file, url = sys.argv[1], sys.argv[2]
spec = importlib.util.spec_from_file_location("alembic_models", models_file)
models = importlib.util.module_from_spec(spec)
spec.loader.exec_module(models)
imported = time.perf_counter()

engine = sa.create_engine(url)
statements = [0]


@sa.event.listens_for(engine, "before_cursor_execute")
def count(conn, cursor, statement, parameters, context, executemany):
    statements[0] += 1


with engine.connect() as conn:
    connected = time.perf_counter()
    context = MigrationContext.configure(conn, opts={"compare_type": True, "compare_server_default": True})
    before = statements[0]
    t = time.perf_counter()
    diffs = compare_metadata(context, models.metadata)
    compared = time.perf_counter()
    queries = statements[0] - before


def describe(diff):
    text = repr(diff)
    return text if len(text) <= 300 else text[:297] + "..."


kinds = {}
for d in diffs:
    first = d[0] if isinstance(d, list) else d
    kind = first[0] if isinstance(first, tuple) and first else type(first).__name__
    kinds[kind] = kinds.get(kind, 0) + 1

print(json.dumps({
    "alembic": alembic.__version__,
    "sqlalchemy": sa.__version__,
    "python": sys.version.split()[0],
    "import_seconds": imported - started,
    "connect_seconds": connected - imported,
    "compare_seconds": compared - t,
    "queries": queries,
    "differences": len(diffs),
    "kinds": kinds,
    "sample": [describe(d) for d in diffs[:8]],
}))
