from django.apps import AppConfig


class DemoConfig(AppConfig):
    """
    Development only: the demo accounts and content (`load_demo_content`) and
    the benchmark's data (`load_bench_data`). Installed only when DEBUG is on
    or DEMO_APP is set, so a production process never has these commands.
    """

    name = "demo"
