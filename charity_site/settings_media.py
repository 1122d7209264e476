"""Settings: where uploads (article images, leaflets) are kept and served from. Read by settings.py."""

from pathlib import Path
from urllib.parse import urlsplit

from charity_site.environment import BASE_DIR, env_str

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT") or BASE_DIR / "media")

# Uploads (article images, leaflets): the local MEDIA_ROOT by default; in any
# S3-compatible object storage when MEDIA_S3_BUCKET is set, so every app server
# sees every upload and a redeploy loses none. Objects keep their random names
# and are read by URL only (keep the bucket's listing private).
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET")
MEDIA_S3_ENDPOINT_URL = env_str("MEDIA_S3_ENDPOINT_URL").rstrip("/")  # empty: AWS itself
MEDIA_S3_REGION = env_str("MEDIA_S3_REGION")
MEDIA_S3_CUSTOM_DOMAIN = env_str("MEDIA_S3_CUSTOM_DOMAIN")  # e.g. media.example.org (a CDN in front)
if MEDIA_S3_BUCKET and not MEDIA_S3_ENDPOINT_URL and not MEDIA_S3_CUSTOM_DOMAIN:
    # AWS itself: the bucket's own address.
    MEDIA_S3_CUSTOM_DOMAIN = f"{MEDIA_S3_BUCKET}.s3.{MEDIA_S3_REGION or 'us-east-1'}.amazonaws.com"
if MEDIA_S3_BUCKET:
    MEDIA_STORAGE = {
        "BACKEND": "core.storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": MEDIA_S3_ENDPOINT_URL or None,
            "region_name": MEDIA_S3_REGION or None,
            # Empty: the SDK finds credentials itself (an instance role, ~/.aws).
            "access_key": env_str("MEDIA_S3_ACCESS_KEY_ID") or None,
            "secret_key": env_str("MEDIA_S3_SECRET_ACCESS_KEY") or None,
            "custom_domain": MEDIA_S3_CUSTOM_DOMAIN or None,
            # Other S3-compatible services are addressed as endpoint/bucket/name.
            "addressing_style": "path" if MEDIA_S3_ENDPOINT_URL else None,
            # Plain URLs, not signed ones that expire: public pages are cached.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
    # Where uploads are served from: what the sanitiser lets article images point at,
    # and the origin the Content-Security-Policy lets pages load images from.
    MEDIA_URL = (
        f"https://{MEDIA_S3_CUSTOM_DOMAIN}/"
        if MEDIA_S3_CUSTOM_DOMAIN
        else f"{MEDIA_S3_ENDPOINT_URL}/{MEDIA_S3_BUCKET}/"
    )
    MEDIA_ORIGIN = "{0.scheme}://{0.netloc}".format(urlsplit(MEDIA_URL))
else:
    MEDIA_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    MEDIA_ORIGIN = ""
