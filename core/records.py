"""Rows that are records: written once and never changed (a correction is a new row)."""


class WrittenOnceMixin:
    record_refusal = "This is a record and cannot be changed."

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError(self.record_refusal)
        super().save(*args, **kwargs)
