"""What every browser journey shares: the demo pages and signing in."""

from demo.article_texts import ARTICLES

DEMO_ARTICLES = [article["slug"] for article in ARTICLES]


def sign_in(page, username, password="a-long-test-password"):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/")
