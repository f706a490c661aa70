"""aiosmtpd that insists on STARTTLS and then XOAUTH2 with a bearer token its own token endpoint issued.

Usage: oauth_smtpd.py SMTP_HOST:PORT HTTP_PORT CERTFILE KEYFILE USER CLIENT_ID CLIENT_SECRET SCOPE MAILDIR

The token endpoint (http://127.0.0.1:HTTP_PORT/token) takes the client-credentials grant (RFC 6749 4.4)
and issues random tokens that expire after a lifetime; the SMTP server accepts a token only if this
endpoint issued it, it has not expired and it names USER. Both share one clock, which the test can move
(POST /advance?seconds=N), so expiry is tested without waiting. POST /refuse-all makes the SMTP
server refuse every token (a revoked application); GET /stats says what happened, as JSON.
"""
import asyncio
import base64
import json
import secrets
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult

lock = threading.Lock()
state = {"offset": 0.0, "lifetime": 3600, "refuse_all": False, "tokens": {}, "issued": 0, "accepted": [], "refused": 0, "bad_requests": 0}


def now():
    return time.monotonic() + state["offset"]


def main():
    listen, http_port, cert, key, user, client_id, client_secret, scope, maildir = sys.argv[1:10]
    host, port = listen.rsplit(":", 1)

    class TokenEndpoint(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, code, body):
            data = json.dumps(body).encode()
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            if urlparse(self.path).path != "/stats":
                return self.reply(404, {"error": "not_found"})
            with lock:
                self.reply(200, {k: state[k] for k in ("issued", "accepted", "refused", "bad_requests")})

        def do_POST(self):
            url = urlparse(self.path)
            query = parse_qs(url.query)
            length = int(self.headers.get("Content-Length", "0"))
            form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
            with lock:
                if url.path == "/advance":
                    state["offset"] += float(query["seconds"][0])
                    return self.reply(200, {})
                if url.path == "/lifetime":
                    state["lifetime"] = int(query["seconds"][0])
                    return self.reply(200, {})
                if url.path == "/refuse-all":
                    state["refuse_all"] = True
                    return self.reply(200, {})
                if url.path != "/token":
                    return self.reply(404, {"error": "not_found"})
                if form.get("grant_type") != "client_credentials":
                    state["bad_requests"] += 1
                    return self.reply(400, {"error": "unsupported_grant_type"})
                if form.get("client_id") != client_id or form.get("client_secret") != client_secret:
                    state["bad_requests"] += 1
                    return self.reply(401, {"error": "invalid_client", "error_description": "Client authentication failed."})
                if form.get("scope") != scope:
                    state["bad_requests"] += 1
                    return self.reply(400, {"error": "invalid_scope"})
                token = secrets.token_urlsafe(24)
                state["tokens"][token] = now() + state["lifetime"]
                state["issued"] += 1
                self.reply(200, {"access_token": token, "token_type": "Bearer", "expires_in": state["lifetime"]})

    http = ThreadingHTTPServer(("127.0.0.1", int(http_port)), TokenEndpoint)
    threading.Thread(target=http.serve_forever, daemon=True).start()

    class OAuthMailbox(Mailbox):
        async def auth_XOAUTH2(self, server, args):
            # RFC-less but well known (Google, Microsoft): base64("user=" U ^A "auth=Bearer " T ^A ^A),
            # as an initial response or after an empty challenge.
            blob = base64.b64decode(args[1]) if len(args) > 1 else await server.challenge_auth("")
            fields = dict(part.split("=", 1) for part in blob.decode().split("\x01") if "=" in part)
            token = fields.get("auth", "").removeprefix("Bearer ")
            with lock:
                expires = state["tokens"].get(token)
                ok = (not state["refuse_all"] and fields.get("user") == user and expires is not None and now() < expires)
                if ok:
                    state["accepted"].append(token)
                else:
                    state["refused"] += 1
            return AuthResult(success=ok, handled=False)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    handler = OAuthMailbox(maildir)
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, tls_context=context, require_starttls=True, auth_required=True, auth_require_tls=True,
                     auth_exclude_mechanism=["LOGIN", "PLAIN"]),
        host=host, port=int(port)))
    try:
        loop.run_forever()
    finally:
        server.close()
        http.shutdown()


if __name__ == "__main__":
    main()
