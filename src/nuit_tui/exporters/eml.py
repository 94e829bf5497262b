"""An e-mail draft as an .eml file that Outlook opens as an unsent message (`X-Unsent: 1`).

Built with the standard library's `email.message.EmailMessage`: the text as UTF-8, each
part as a base64 attachment under its file name (RFC 2231 when it has æøå), lines ending
in CRLF as mail has them. No From: Outlook sends from the account that opens it.
"""

from __future__ import annotations

from email import policy
from email.headerregistry import Address
from email.message import EmailMessage

from ..documents.mail import MailDocument, one_line

POLICY = policy.default.clone(linesep="\r\n")


def render(document: MailDocument) -> bytes:
    message = EmailMessage(policy=POLICY)
    message["X-Unsent"] = "1"
    if document.to:
        message["To"] = [Address(display_name=one_line(r.name), addr_spec=r.address) for r in document.to]
    message["Subject"] = one_line(document.subject)
    message.set_content(document.text, charset="utf-8")
    for part in document.parts:
        maintype, _, subtype = part.media_type.partition("/")
        if not maintype or not subtype:
            maintype, subtype = "application", "octet-stream"
        message.add_attachment(part.content, maintype=maintype, subtype=subtype, filename=one_line(part.file_name))
    return message.as_bytes(policy=POLICY)
