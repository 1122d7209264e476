"""Calls made at the same moment from threads of their own, as two people's requests are."""

import threading

from django.db import connection


def at_once(*calls) -> list[str]:
    """Run each call in its own thread, released together; "done" or the error, for each in turn."""
    barrier = threading.Barrier(len(calls))
    outcomes = [""] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            call()
            outcomes[index] = "done"
        except Exception as error:
            outcomes[index] = repr(error)
        finally:
            connection.close()  # each thread's own database connection

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
