"""aiosmtpd that insists on STARTTLS and then a user name and password before it takes mail.

Usage: auth_smtpd.py HOST:PORT CERTFILE KEYFILE USER PASSWORD MAILDIR
The aiosmtpd command line cannot ask for authentication, so the tests start this instead.
"""
import asyncio
import ssl
import sys

from aiosmtpd.handlers import Mailbox
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def main():
    listen, cert, key, user, password, maildir = sys.argv[1:7]
    host, port = listen.rsplit(":", 1)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)

    handler = Mailbox(maildir)
    loop = asyncio.new_event_loop()
    server = loop.run_until_complete(loop.create_server(
        lambda: SMTP(handler, tls_context=context, require_starttls=True, auth_required=True,
                     auth_require_tls=True, authenticator=authenticator),
        host=host, port=int(port)))
    try:
        loop.run_forever()
    finally:
        server.close()


if __name__ == "__main__":
    main()
