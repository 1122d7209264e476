"""A form whose help is written once above a list of its kind (core/templatetags/compact_forms.py)."""

from django import forms


class CompactHelpForm(forms.BaseForm):
    """
    Each field's help moves to one list shown above all the forms of the
    formset, and every input names its entry there (aria-describedby), so a
    screen reader still reads the help with the field.
    """

    compact_help_prefix = "compact"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.compact_help = []  # (label, id, help), as compact_help shows them
        for name, field in self.fields.items():
            if not field.help_text:
                continue
            help_id = f"{self.compact_help_prefix}-help-{name}"
            self.compact_help.append((field.label, help_id, field.help_text))
            field.help_text = ""
            field.widget.attrs["aria-describedby"] = help_id
