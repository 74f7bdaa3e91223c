"""Small real servers standing in for outside services in tests: Twilio's REST API (the
official twilio client posts here when TWILIO_API_BASE_URL points at it) and a generic
webhook receiver (Slack / Teams incoming webhooks, clinic callbacks). Each records what
it received."""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable, Dict, List
from urllib.parse import parse_qs

MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC\w+)/Messages\.json$")


class _Recorder:
    def __init__(self, handler_factory: Callable[["_Recorder"], type]) -> None:
        self.received: List[Dict] = []
        self.lock = threading.Lock()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler_factory(self))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def record(self, entry: Dict) -> None:
        with self.lock:
            self.received.append(entry)

    def wait_for(self, predicate: Callable[[Dict], bool], timeout: float = 15) -> Dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self.lock:
                for entry in self.received:
                    if predicate(entry):
                        return entry
            time.sleep(0.1)
        raise AssertionError(f"nothing matching arrived in {timeout} s; received: {self.received}")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _twilio_handler(recorder: _Recorder) -> type:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
            match = MESSAGES_PATH.match(self.path)
            if not match:
                self.send_response(404)
                self.end_headers()
                return
            form = {k: v[0] for k, v in parse_qs(body, keep_blank_values=True).items()}
            recorder.record({"account_sid": match["sid"], "authorization": self.headers.get("Authorization"), **form})
            payload = {"sid": "SM" + "0" * 32, "account_sid": match["sid"], "to": form.get("To"),
                       "from": form.get("From"), "body": form.get("Body"), "status": "queued"}
            data = json.dumps(payload).encode()
            self.send_response(201)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args) -> None:
            pass

    return Handler


class FakeTwilioApi(_Recorder):
    """Records POST /2010-04-01/Accounts/{sid}/Messages.json as Twilio would receive them."""

    def __init__(self) -> None:
        super().__init__(_twilio_handler)


def _webhook_handler(recorder: "WebhookReceiver") -> type:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            failures_left = recorder.fail_next.get(self.path, 0)
            if failures_left:
                recorder.fail_next[self.path] = failures_left - 1
                self.send_response(503)
                self.end_headers()
                return
            recorder.record({"path": self.path, "headers": dict(self.headers), "body": body})
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

        def log_message(self, *args) -> None:
            pass

    return Handler


class WebhookReceiver(_Recorder):
    """Accepts any POST; `fail_next[path] = n` answers the next n POSTs there with 503."""

    def __init__(self) -> None:
        self.fail_next: Dict[str, int] = {}
        super().__init__(_webhook_handler)


class FakeSmtp(_Recorder):
    """A real SMTP server (aiosmtpd) on localhost that keeps every message it accepts."""

    def __init__(self) -> None:
        from email import message_from_bytes, policy

        from aiosmtpd.controller import Controller

        self.received = []
        self.lock = threading.Lock()
        recorder = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
                message = message_from_bytes(envelope.content, policy=policy.default)
                recorder.record({"from": envelope.mail_from, "to": list(envelope.rcpt_tos),
                                 "subject": str(message["Subject"]), "body": message.get_content()})
                return "250 OK"

        from tests.servers import free_port

        self.port = free_port()  # aiosmtpd checks its own start by connecting: no port 0
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def close(self) -> None:
        self.controller.stop()
