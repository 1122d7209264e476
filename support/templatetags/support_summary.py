from django import template

register = template.Library()


@register.filter
def counts(summary, method: str) -> list[int]:
    """A month summary's counts of one kind (its `topic_counts`, `who_counts` ...), for the summary tables."""
    if method not in {"topic_counts", "who_counts", "outcome_counts", "refused_counts"}:
        raise ValueError(f"No such counts: {method}")
    return getattr(summary, method)()
