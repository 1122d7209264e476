"""Staff as patients see them: the name and role on "Written by" and "Reviewed by"."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models

from core.text import RejectNulBytesMixin, validate_single_line_text


class StaffProfile(RejectNulBytesMixin, models.Model):
    """How a member of staff is named on public pages, e.g. in "Reviewed by"."""

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


@dataclass(frozen=True)
class StaffCredit:
    """How a member of staff is credited on public pages: their profile's name and role."""

    name: str
    role: str

    @classmethod
    def of(cls, user) -> "StaffCredit":
        try:
            profile = user.staff_profile
        except StaffProfile.DoesNotExist:
            return cls(name=user.get_full_name() or user.get_username(), role="")
        return cls(name=profile.public_name, role=profile.role_title)

    def __str__(self):
        return ", ".join(part for part in (self.name, self.role) if part)
