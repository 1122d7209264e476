from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "support"
    verbose_name = "Support line"

    def ready(self):
        from django.db.models.signals import post_migrate

        from core.roles import role_groups_receiver

        from .roles import ROLES

        # The groups always match roles.py, in every database, after every migrate.
        post_migrate.connect(
            role_groups_receiver(ROLES),
            sender=self,
            weak=False,
            dispatch_uid="support-roles",
        )
