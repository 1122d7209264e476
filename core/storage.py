"""
Uploads in S3-compatible object storage, typed by us, never by the browser.

django-storages stores an object with the Content-Type the upload declared.
Every name here is ours (a random name whose extension the upload views
chose from the file's verified type: Pillow's format for images, the PDF
signature for leaflets), so the type comes from that extension; anything
else is stored as bytes to download, never as a page a browser would run.
"""

from storages.backends.s3 import S3Storage

CONTENT_TYPES = {
    ".jpg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
    ".pdf": "application/pdf",
}
UNKNOWN_TYPE = "application/octet-stream"


def content_type_for(name: str) -> str:
    dot = name.rfind(".")
    return CONTENT_TYPES.get(name[dot:].lower(), UNKNOWN_TYPE) if dot != -1 else UNKNOWN_TYPE


class MediaStorage(S3Storage):
    def get_object_parameters(self, name):
        params = super().get_object_parameters(name)
        params["ContentType"] = content_type_for(name)
        if params["ContentType"] == "application/pdf":
            # Opened in the browser's PDF viewer, saved under a plain name.
            params["ContentDisposition"] = 'inline; filename="leaflet.pdf"'
        params.pop("ContentEncoding", None)
        return params
