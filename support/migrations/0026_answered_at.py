"""
A request is answered until the person writes again: `answered_at` is when staff
last answered, empty while their latest words wait for us. Existing requests take
their last answer (a reply, a call, or the first response) unless an email from
the person came after it.
"""

from django.db import migrations, models
from django.db.models import Max, Q


def answered_from_history(apps, schema_editor):
    ContactRequest = apps.get_model("support", "ContactRequest")
    rows = (
        ContactRequest.objects.filter(first_response_at__isnull=False)
        .annotate(
            last_out=Max("messages__created_at", filter=Q(messages__direction="out")),
            last_call=Max("notes__created_at", filter=~Q(notes__call_outcome="")),
            last_in=Max("messages__created_at", filter=Q(messages__direction="in")),
        )
        .values_list("pk", "first_response_at", "last_out", "last_call", "last_in")
    )
    for pk, first, last_out, last_call, last_in in rows.iterator(chunk_size=1000):
        answered = max(moment for moment in (first, last_out, last_call) if moment is not None)
        if last_in is not None and last_in > answered:
            continue  # their latest email waits for an answer
        ContactRequest.objects.filter(pk=pk).update(answered_at=answered)


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0025_urgent_messages"),
    ]

    operations = [
        migrations.AddField(
            model_name="contactrequest",
            name="answered_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(answered_from_history, migrations.RunPython.noop),
        migrations.RemoveIndex(
            model_name="contactrequest",
            name="contact_unanswered_answer_by",
        ),
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                condition=models.Q(
                    models.Q(("status", "closed"), _negated=True), ("answered_at__isnull", True)
                ),
                fields=["answer_by"],
                name="contact_awaiting_answer_by",
            ),
        ),
    ]
