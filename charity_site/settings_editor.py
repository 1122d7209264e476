"""Settings: the article editor (CKEditor 5), its uploads and the source-link check. Read by settings.py."""

from charity_site.environment import env_int, env_list
from treatments.editor import ARTICLE_EDITOR

# Rich text: CKEditor 5 in the admin. Whatever it sends is sanitised with
# nh3 on the server (treatments/sanitise.py); the editor is not trusted.
CKEDITOR_5_CONFIGS = {"article": ARTICLE_EDITOR}
# Uploads go through treatments.uploads.article_image_upload, which checks the
# article permission, the type by content, and the size in bytes and pixels.
CK_EDITOR_5_UPLOAD_FILE_VIEW_NAME = "article_image_upload"
CKEDITOR_5_UPLOAD_FILE_TYPES = ["jpeg", "jpg", "png", "webp"]
# Never on: it deletes files by base name, including images other articles use.
CKEDITOR_5_IMAGE_CLEANUP = False
ARTICLE_IMAGE_MAX_BYTES = env_int("ARTICLE_IMAGE_MAX_BYTES", 5 * 1024 * 1024)
ARTICLE_IMAGE_MAX_PIXELS = env_int("ARTICLE_IMAGE_MAX_PIXELS", 25_000_000)
ARTICLE_LEAFLET_MAX_BYTES = env_int("ARTICLE_LEAFLET_MAX_BYTES", 10 * 1024 * 1024)
# check_sources requests only addresses on the public internet; networks listed
# here (CIDR, comma-separated) may be checked too, e.g. an internal document server.
SOURCE_CHECK_ALLOWED_NETWORKS = env_list("SOURCE_CHECK_ALLOWED_NETWORKS")
# Where check_sources looks up a source's publication date by DOI and by PubMed ID
# (treatments/source_dates.py); both are free public APIs (they are told SUPPORT_EMAIL as the contact).
CROSSREF_API_URL = "https://api.crossref.org"
PUBMED_API_URL = "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"
