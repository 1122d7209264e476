"""
A throwaway IMAP server: Debian's dovecot with its own configuration, mail
store and one user under a temporary folder, on a free local port.
"""

import imaplib
import os
import pwd
import shutil
import subprocess
from pathlib import Path

from tests.servers.ports import free_port, wait_until_listening

DOVECOT = shutil.which("dovecot") or ("/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None)
USER = "support@example.org"
PASSWORD = "imap-test-password"

CONFIG = """\
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/users
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
default_internal_user = {internal}
default_login_user = {login}
"""


class ImapServer:
    def __init__(self, root: Path):
        self.root = root
        self.port = free_port()
        self.process = None

    def __enter__(self):
        for folder in ("run", "state", "home"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        (self.root / "users").write_text(f"{USER}:{{PLAIN}}{PASSWORD}\n")
        if os.geteuid() == 0:
            # Dovecot will not keep mail as root: the package's own user owns the store.
            mail_user = pwd.getpwnam("dovecot")
            uid, gid, internal, login = mail_user.pw_uid, mail_user.pw_gid, "dovecot", "dovenull"
            shutil.chown(self.root / "home", uid, gid)
        else:
            uid, gid = os.getuid(), os.getgid()
            internal = login = pwd.getpwuid(uid).pw_name
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(root=self.root, uid=uid, gid=gid, port=self.port, internal=internal, login=login)
        )
        self.process = subprocess.Popen(
            [DOVECOT, "-F", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        wait_until_listening(self.port, self.process, "dovecot")
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait(timeout=10)

    def settings(self) -> dict:
        return {
            "SUPPORT_IMAP_HOST": "127.0.0.1",
            "SUPPORT_IMAP_PORT": self.port,
            "SUPPORT_IMAP_SSL": False,
            "SUPPORT_IMAP_USER": USER,
            "SUPPORT_IMAP_PASSWORD": PASSWORD,
            "SUPPORT_IMAP_FOLDER": "INBOX",
        }

    def connect(self) -> imaplib.IMAP4:
        connection = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        connection.login(USER, PASSWORD)
        return connection

    def deliver(self, raw: bytes) -> None:
        """Put an email in the inbox, as the person's mail server would."""
        connection = self.connect()
        try:
            connection.append("INBOX", None, None, raw)
        finally:
            connection.logout()

    def flags(self) -> list[set[str]]:
        """Each email's flags, in the inbox's order."""
        connection = self.connect()
        try:
            connection.select("INBOX", readonly=True)
            _, data = connection.fetch("1:*", "(FLAGS)")
        finally:
            connection.logout()
        found = []
        for line in data:
            if not line:
                continue
            inside = line.decode().split("FLAGS (", 1)[1].split(")", 1)[0]
            found.append(set(inside.split()))
        return found
