import re

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings


def test_collectstatic_writes_hashed_and_compressed_files(tmp_path):
    production_storage = settings.STORAGES | {
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}
    }
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=production_storage):
        call_command("collectstatic", interactive=False, verbosity=0)
    css_files = {path.name for path in (tmp_path / "css").iterdir()}
    hashed = [name for name in css_files if re.fullmatch(r"site\.[0-9a-f]{12}\.css", name)]
    assert hashed, css_files
    assert f"{hashed[0]}.gz" in css_files
    assert (tmp_path / "staticfiles.json").exists()
