from django_tasks import task

from .notifications import contact_request_send_notifications


@task()
def send_contact_request_notifications(request_id: int) -> bool:
    """Runs outside the web request in production (a worker); at once in development and tests."""
    return contact_request_send_notifications(request_id)
