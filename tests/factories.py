"""Factories both apps' tests use: staff users. App factories live in tests/<app>/factories.py."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = "Pat"
    last_name = factory.Sequence(lambda n: f"Tester{n}")
    is_staff = True
    password = factory.django.Password("a-long-test-password")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        for name in names or []:
            user.groups.add(Group.objects.get(name=name))


def fresh(user):
    """The same user without cached permissions."""
    return get_user_model().objects.get(pk=user.pk)
