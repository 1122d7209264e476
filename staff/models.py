"""Staff as patients and colleagues see them: the public name and role."""

from django.conf import settings
from django.db import models

from core.text import RejectNulBytesMixin, validate_single_line_text


class StaffProfile(RejectNulBytesMixin, models.Model):
    """How a member of staff is named on public pages ("Reviewed by") and to the people they answer."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_profile"
    )
    public_name = models.CharField(
        max_length=120,
        validators=[validate_single_line_text],
        help_text="Your name as patients will see it, e.g. “Nia Roberts”.",
    )
    role_title = models.CharField(
        max_length=160,
        validators=[validate_single_line_text],
        help_text="Your role as patients will see it, e.g. “Mesothelioma clinical nurse specialist”.",
    )

    class Meta:
        verbose_name = "staff profile"

    def __str__(self):
        return f"{self.public_name}, {self.role_title}"
