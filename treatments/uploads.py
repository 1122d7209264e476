"""
Image uploads from the article editor.

Replaces django-ckeditor-5's own upload view, which lets in any staff user,
has no size limit and answers 500 to a decompression bomb.
"""

import uuid
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import JsonResponse
from django.views.decorators.http import require_POST
from PIL import Image

# Pillow format name -> stored file extension. No SVG: it can carry script.
ALLOWED_FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def _refuse(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": {"message": message}}, status=status)


@require_POST
def article_image_upload(request):
    user = request.user
    if not (user.is_active and user.is_staff and user.has_perm("treatments.change_article")):
        return _refuse("You do not have permission to upload images.", status=403)

    upload = request.FILES.get("upload")
    if upload is None:
        return _refuse("Choose an image to upload.")
    max_bytes = settings.ARTICLE_IMAGE_MAX_BYTES
    if upload.size > max_bytes:
        return _refuse(f"The image is too large. The limit is {max_bytes // (1024 * 1024)} MB.")

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                image_format, (width, height) = image.format, image.size
                if width * height > settings.ARTICLE_IMAGE_MAX_PIXELS:
                    return _refuse("The image has too many pixels. Resize it to under 5000 pixels wide.")
                image.verify()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return _refuse("The image has too many pixels. Resize it to under 5000 pixels wide.")
    except (OSError, SyntaxError, ValueError):
        return _refuse("That file is not an image we can use. Upload a JPEG, PNG or WebP image.")

    if image_format not in ALLOWED_FORMATS:
        return _refuse("That file is not an image we can use. Upload a JPEG, PNG or WebP image.")

    # A random name: never the uploader's file name, never overwriting another image.
    upload.seek(0)
    name = default_storage.save(f"articles/{uuid.uuid4().hex}.{ALLOWED_FORMATS[image_format]}", upload)
    return JsonResponse({"url": default_storage.url(name)})


def validate_pdf(upload) -> None:
    """
    A leaflet must be a PDF by its content, not only its name: it starts with the
    PDF header and ends with the end-of-file marker. Also within the size limit.
    """
    max_bytes = settings.ARTICLE_LEAFLET_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(f"The file is too large. The limit is {max_bytes // (1024 * 1024)} MB.")
    if not upload.name.lower().endswith(".pdf"):
        raise ValidationError("Upload a PDF file (its name should end in .pdf).")
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(max(upload.size - 2048, 0))
    tail = upload.read()
    upload.seek(0)
    if not head.startswith(b"%PDF-") or b"%%EOF" not in tail:
        raise ValidationError("This file is not a PDF, even though its name ends in .pdf.")
