"""The object a custom admin page is about, found the same way on every such page."""

import re

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

_OBJECT_ID = re.compile(r"[0-9]{1,18}")


def admin_object_or_404(queryset: QuerySet, object_id: str, *, allowed: bool):
    """
    `allowed` is the permission, checked before anything is looked up: someone
    without it gets 403 whether or not the id exists. Then an id that is not a
    plain number (letters, "1.5", other scripts' digits) is 404, like one that
    names nothing: never a server error.
    """
    if not allowed:
        raise PermissionDenied
    if not _OBJECT_ID.fullmatch(str(object_id)):
        raise Http404
    return get_object_or_404(queryset, pk=int(object_id))
