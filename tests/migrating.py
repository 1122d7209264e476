"""Moving a test database to an earlier or later set of migrations, for tests of data migrations."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets: list[tuple[str, str]]):
    """Migrate the test database to `targets` and return the apps as they were there (historical models)."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


def latest() -> list[tuple[str, str]]:
    """Every app's last migration."""
    return MigrationExecutor(connection).loader.graph.leaf_nodes()
