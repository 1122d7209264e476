import re


def test_collectstatic_writes_hashed_gzip_and_brotli_files(collected_static):
    css_files = {path.name for path in (collected_static / "css").iterdir()}
    hashed = [name for name in css_files if re.fullmatch(r"site\.[0-9a-f]{12}\.css", name)]
    assert hashed, css_files
    assert f"{hashed[0]}.gz" in css_files
    assert f"{hashed[0]}.br" in css_files
    assert (collected_static / "staticfiles.json").exists()
