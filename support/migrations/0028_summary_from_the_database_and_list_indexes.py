"""
The working hours to each request's first response, kept on the request (the
monthly summary reads them from the database), filled in for the requests
answered before; and an index for each order of the support list: the whole
list in its "needs action" order, one person's requests in it, and the closed
requests by closing.
"""

from django.conf import settings
from django.db import migrations, models

BATCH = 2000


def fill_first_response_hours(apps, schema_editor):
    # The working-hours arithmetic the site uses, a pure function of the two moments.
    from support.working_hours import working_hours_between

    ContactRequest = apps.get_model("support", "ContactRequest")
    answered = ContactRequest.objects.filter(
        first_response_at__isnull=False, first_response_hours__isnull=True
    )
    while batch := list(answered.only("pk", "received_at", "first_response_at").order_by("pk")[:BATCH]):
        for request in batch:
            request.first_response_hours = working_hours_between(
                request.received_at, request.first_response_at
            )
        ContactRequest.objects.bulk_update(batch, ["first_response_hours"])


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0027_needs_action_and_assignment_notes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="contactrequest",
            name="contact_open_needs_action",
        ),
        migrations.AddField(
            model_name="contactrequest",
            name="first_response_hours",
            field=models.FloatField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_first_response_hours, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                fields=["needs_action", "answer_by", "received_at", "id"], name="contact_needs_action"
            ),
        ),
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                fields=["assigned_to", "needs_action", "answer_by", "received_at", "id"],
                name="contact_assigned_needs_action",
            ),
        ),
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                condition=models.Q(("status", "closed")),
                fields=["-closed_at", "-id"],
                name="contact_closed_latest",
            ),
        ),
    ]
