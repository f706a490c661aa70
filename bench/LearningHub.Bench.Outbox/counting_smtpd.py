"""A counting handler for aiosmtpd (Debian's python3-aiosmtpd), for the outbox benchmark.

Run as aiosmtpd's own server with this class as the handler:

    PYTHONPATH=<this folder> /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c counting_smtpd.CountingHandler LOG

It is a real SMTP server (aiosmtpd speaks the protocol: EHLO, MAIL, RCPT, DATA, QUIT); instead of
writing each message to a Maildir it appends one line per accepted message to LOG, before answering
250, so a message the client saw accepted is always in the log:

    <message-id>\t<recipient count>\t<size in bytes>

The benchmark reads the log to count deliveries and find duplicates (the same Message-ID twice).
A message without a Message-ID header is logged as "-".
"""

import re

_MESSAGE_ID = re.compile(rb"^message-id:[ \t]*(<[^>\r\n]*>)", re.IGNORECASE | re.MULTILINE)


class CountingHandler:
    def __init__(self, log_path):
        # Line-buffered: every accepted message is in the file when the client sees 250.
        self._log = open(log_path, "a", buffering=1, encoding="ascii", errors="replace")
        self.count = 0

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("CountingHandler needs one argument: the log file")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or b""
        end = content.find(b"\r\n\r\n")
        headers = content if end < 0 else content[:end + 2]
        match = _MESSAGE_ID.search(headers)
        message_id = match.group(1).decode("ascii", "replace") if match else "-"
        self.count += 1
        self._log.write(f"{message_id}\t{len(envelope.rcpt_tos)}\t{len(content)}\n")
        return "250 Message accepted for delivery"
