"""Requests stored before "answer by" existed get theirs, counted from when they arrived."""

from django.db import migrations


def backfill(apps, schema_editor):
    from support.working_hours import answer_by

    ContactRequest = apps.get_model("support", "ContactRequest")
    for contact_request in (
        ContactRequest.objects.filter(answer_by__isnull=True).only("pk", "received_at").iterator()
    ):
        ContactRequest.objects.filter(pk=contact_request.pk).update(
            answer_by=answer_by(contact_request.received_at)
        )


class Migration(migrations.Migration):
    dependencies = [("support", "0011_answer_by")]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
