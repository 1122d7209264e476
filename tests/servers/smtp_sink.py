"""A local SMTP server that accepts every message and keeps it: where real sends can be counted."""

import socketserver
import threading
from email import message_from_bytes


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 sink ready")
        data = None
        while line := self.rfile.readline():
            command = line.decode(errors="replace").strip()
            verb = command.split(" ", 1)[0].upper()
            if data is not None:
                if command == ".":
                    self.server.messages.append(message_from_bytes(b"".join(data)))
                    data = None
                    self.reply("250 queued")
                else:
                    data.append(line[1:] if line.startswith(b"..") else line)
            elif verb in {"EHLO", "HELO"}:
                self.reply("250 sink")
            elif verb == "DATA":
                data = []
                self.reply("354 go ahead")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


class SmtpSink(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.messages = []
        self.port = self.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.shutdown()
        self.server_close()
