import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from treatments import services
from treatments.models import Article, Category, Source, StaffProfile


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


def nurse(**kwargs):
    return UserFactory(groups=["Nurse editors"], **kwargs)


def approver(**kwargs):
    user = UserFactory(groups=["Clinical approvers"], **kwargs)
    StaffProfile.objects.create(
        user=user, public_name=f"{user.first_name} {user.last_name}", role_title="Clinical nurse specialist"
    )
    return user


def fresh(user):
    """The same user without cached permissions."""
    return get_user_model().objects.get(pk=user.pk)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category

    name = factory.Sequence(lambda n: f"Category {n}")
    position = factory.Sequence(int)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    slug = factory.Sequence(lambda n: f"article-{n}")
    category = factory.SubFactory(CategoryFactory)
    title = factory.Sequence(lambda n: f"Treatment {n}")
    summary = "What this treatment is and who may have it."
    body = "<h2>What it is</h2><p>A plain explanation.</p><h2>Side effects</h2><p>Tiredness.</p>"
    written_by = factory.SubFactory(UserFactory, groups=["Nurse editors"])
    last_edited_by = factory.SelfAttribute("written_by")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(int)
    authors = "Baas P, et al."
    title = factory.Sequence(lambda n: f"A study of treatment {n}")
    publisher = "Lancet"
    year = 2021


def published_article(editor=None, approver_user=None, **kwargs) -> Article:
    """An article written by a nurse and approved, with a full review, by an approver."""
    editor = editor or nurse()
    approver_user = approver_user or approver()
    article = ArticleFactory(written_by=editor, last_edited_by=editor, **kwargs)
    services.article_submit(article=article, user=fresh(editor))
    services.article_approve(article=article, approver=fresh(approver_user), full_review=True)
    article.refresh_from_db()
    return article
