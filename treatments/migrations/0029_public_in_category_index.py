"""
Each category's public pages in the editors' order, for the index, the home page and
the category pages.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("treatments", "0028_search_synonyms"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                condition=models.Q(
                    ("live_version__isnull", False), models.Q(("status", "archived"), _negated=True)
                ),
                fields=["category", "position"],
                name="article_public_in_category",
            ),
        ),
    ]
