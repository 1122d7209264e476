"""
The support list's "needs action" order as a column the database keeps (so
the order has an index); a note to each member of staff a colleague assigns
a request to, once per assignment; a message in words for every constraint;
canned replies checked for names the site cannot fill in.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

import core.text
import support.placeholders


class Migration(migrations.Migration):
    dependencies = [
        ("support", "0026_answered_at"),
        ("treatments", "0026_version_fragments_structure"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="supportemail",
            name="support_email_kind_valid",
        ),
        migrations.RemoveConstraint(
            model_name="supportemail",
            name="support_email_once",
        ),
        migrations.RemoveIndex(
            model_name="contactrequest",
            name="contact_open_urgent_first",
        ),
        migrations.AddField(
            model_name="supportemail",
            name="assignment",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="emails",
                to="support.statuschange",
            ),
        ),
        migrations.AlterField(
            model_name="cannedreply",
            name="text",
            field=models.TextField(
                help_text="You can use {first_name}, {reference}, {support_phone}, {opening_hours} and {your_name} (the member of staff sending it): each is filled in when the reply is sent.",
                max_length=5000,
                validators=[core.text.validate_multiline_text, support.placeholders.placeholders_check],
            ),
        ),
        migrations.AlterField(
            model_name="cannedreply",
            name="title",
            field=models.CharField(
                error_messages={
                    "unique": "A canned reply already has this title: give this one a title of its own, or change that one."
                },
                max_length=100,
                unique=True,
                validators=[core.text.validate_single_line_text],
            ),
        ),
        migrations.AlterField(
            model_name="contactmessage",
            name="message_id",
            field=models.CharField(
                error_messages={"unique": "This email is already on a request: it is never stored twice."},
                max_length=300,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="contactrequest",
            name="form_token_hash",
            field=models.CharField(
                editable=False,
                error_messages={"unique": "This form was sent already: your message is stored once."},
                max_length=64,
                null=True,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="contactrequest",
            name="reference",
            field=models.CharField(
                editable=False,
                error_messages={"unique": "Another request already has this reference."},
                max_length=20,
                null=True,
                unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="enquirytag",
            name="contact_request",
            field=models.OneToOneField(
                blank=True,
                error_messages={"unique": "This request already has a record of what answered it."},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="enquiry_tag",
                to="support.contactrequest",
            ),
        ),
        migrations.AlterField(
            model_name="supportemail",
            name="kind",
            field=models.CharField(
                choices=[
                    ("urgent_alert", "Urgent alert to the duty address"),
                    ("new_request", "Support inbox alert"),
                    ("acknowledgement", "Acknowledgement to them"),
                    ("assigned", "Note to the member of staff it was assigned to"),
                ],
                max_length=20,
            ),
        ),
        migrations.AddField(
            model_name="contactrequest",
            name="needs_action",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(status="closed", then=models.Value(3)),
                    models.When(answered_at__isnull=False, then=models.Value(2)),
                    models.When(then=models.Value(0), urgent=True),
                    default=models.Value(1),
                ),
                output_field=models.SmallIntegerField(
                    choices=[
                        (0, "Urgent, not answered yet"),
                        (1, "Not answered yet"),
                        (2, "Answered"),
                        (3, "Closed"),
                    ]
                ),
            ),
        ),
        migrations.AddIndex(
            model_name="contactrequest",
            index=models.Index(
                condition=models.Q(("status", "closed"), _negated=True),
                fields=["needs_action", "answer_by", "received_at", "id"],
                name="contact_open_needs_action",
            ),
        ),
        migrations.AddConstraint(
            model_name="supportemail",
            constraint=models.UniqueConstraint(
                condition=models.Q(("assignment__isnull", True), ("message__isnull", True)),
                fields=("contact_request", "kind"),
                name="support_email_once",
                violation_error_message="This email is already owed for this request: it is sent once.",
            ),
        ),
        migrations.AddConstraint(
            model_name="supportemail",
            constraint=models.UniqueConstraint(
                condition=models.Q(("assignment__isnull", False)),
                fields=("assignment", "kind"),
                name="support_email_once_per_assignment",
                violation_error_message="The note for this assignment is already owed: it is sent once.",
            ),
        ),
        migrations.AddConstraint(
            model_name="supportemail",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("kind__in", ["urgent_alert", "new_request", "acknowledgement", "assigned"])
                ),
                name="support_email_kind_valid",
                violation_error_message="Not an email a request can owe.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contactmessage",
            name="contact_message_direction_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("direction__in", ["out", "in"])),
                name="contact_message_direction_valid",
                violation_error_message="An email on a request is either sent to them or from them.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contactmessage",
            name="contact_message_out_has_author",
            constraint=models.CheckConstraint(
                condition=models.Q(("direction", "in"), ("author__isnull", False), _connector="OR"),
                name="contact_message_out_has_author",
                violation_error_message="A reply sent from the site needs the member of staff who wrote it.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contactrequest",
            name="contact_request_status_valid",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", ["new", "in_progress", "waiting", "closed"])),
                name="contact_request_status_valid",
                violation_error_message="Not a status a request can have.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contactrequest",
            name="contact_request_closed_has_outcome",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "closed"), _negated=True),
                    models.Q(("outcome", ""), _negated=True),
                    _connector="OR",
                ),
                name="contact_request_closed_has_outcome",
                violation_error_message="Choose an outcome to close a request.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contactrequest",
            name="contact_request_email_method_has_email",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("contact_method", "email"), _negated=True),
                    models.Q(("email", ""), _negated=True),
                    _connector="OR",
                ),
                name="contact_request_email_method_has_email",
                violation_error_message="To be answered by email, a request needs an email address.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="contactrequest",
            name="contact_request_call_back_has_phone",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("contact_method", "call_back"), _negated=True),
                    models.Q(("phone", ""), _negated=True),
                    _connector="OR",
                ),
                name="contact_request_call_back_has_phone",
                violation_error_message="To be called back, a request needs a phone number.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="enquirytag",
            name="enquiry_tag_not_both",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("article__isnull", False), models.Q(("missing_topic", ""), _negated=True), _negated=True
                ),
                name="enquiry_tag_not_both",
                violation_error_message="Choose the page that answered it, or say that no page covers it: not both.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="refusedsubmissions",
            name="refused_submissions_month_reason",
            constraint=models.UniqueConstraint(
                fields=("month", "reason"),
                name="refused_submissions_month_reason",
                violation_error_message="Each month has one count for each reason a form was refused.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="supportemail",
            name="support_email_once_per_message",
            constraint=models.UniqueConstraint(
                condition=models.Q(("message__isnull", False)),
                fields=("message", "kind"),
                name="support_email_once_per_message",
                violation_error_message="The alert for this email from them is already owed: it is sent once.",
            ),
        ),
        migrations.AlterConstraint(
            model_name="warningphrase",
            name="warning_phrase_unique_any_case",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("phrase"),
                name="warning_phrase_unique_any_case",
                violation_error_message="This phrase is already on the list (perhaps with different capital letters). Search the list for it: if it is switched off, switch it on there.",
            ),
        ),
    ]
