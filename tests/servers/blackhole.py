"""A local server that accepts connections and never answers: a hung mail or database server."""

import socket
import threading


class BlackHole:
    """Listens on 127.0.0.1; counts the connections it accepts and keeps them open, silent."""

    def __init__(self):
        self._socket = socket.socket()
        self._socket.bind(("127.0.0.1", 0))
        self._socket.listen(64)
        self.port = self._socket.getsockname()[1]
        self.accepted = 0
        self._held = []
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def _accept(self):
        while True:
            try:
                connection, _ = self._socket.accept()
            except OSError:
                return
            self.accepted += 1
            self._held.append(connection)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._socket.close()
        for connection in self._held:
            connection.close()
