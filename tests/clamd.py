"""A real ClamAV daemon for the tests (clamd from Debian's clamav-daemon, installed by make test). Virus
definitions cannot be downloaded here, so it gets a signature database of its own: one body signature that finds
the EICAR test string anywhere in a file."""

import shutil
import socket
import subprocess
import time

EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
SIGNATURE = "Portal-Test-Eicar"
STARTUP_SECONDS = 60


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _answers_ping(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1) as connection:
            connection.sendall(b"zPING\0")
            return connection.recv(16).startswith(b"PONG")
    except OSError:
        return False


class Clamd:
    """clamd on a loopback port, with its own database and log in `directory`; .address for CLAMAV_ADDRESS."""

    def __init__(self, directory, *, stream_max_length="30M"):
        self.directory = directory
        self.stream_max_length = stream_max_length
        self.port = _free_port()
        self.address = f"127.0.0.1:{self.port}"
        self.process = None

    def start(self):
        binary = shutil.which("clamd") or "/usr/sbin/clamd"
        database = self.directory / "db"
        database.mkdir(parents=True, exist_ok=True)
        (database / "portal-test.ndb").write_text(f"{SIGNATURE}:0:*:{EICAR.hex()}\n")
        config = self.directory / "clamd.conf"
        config.write_text(
            "\n".join(
                [
                    "Foreground yes",
                    f"DatabaseDirectory {database}",
                    f"TCPSocket {self.port}",
                    "TCPAddr 127.0.0.1",
                    f"LogFile {self.directory / 'clamd.log'}",
                    f"TemporaryDirectory {self.directory}",
                    "Bytecode no",
                    f"StreamMaxLength {self.stream_max_length}",
                    "",
                ]
            )
        )
        self.process = subprocess.Popen(
            [binary, f"--config-file={config}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + STARTUP_SECONDS
        while not _answers_ping(self.port):  # clamd loads its database, then listens
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                log = self.directory / "clamd.log"
                raise RuntimeError(f"clamd did not start: {log.read_text() if log.exists() else 'no log'}")
            time.sleep(0.05)
        return self

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
