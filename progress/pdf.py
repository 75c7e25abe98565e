"""The certificate as a one-page PDF: reportlab, DejaVu Sans and a QR code to its page.

The core PDF fonts only cover Latin-1, so a Greek or Hungarian name would come out as
boxes; DejaVu Sans (shipped in ``progress/fonts`` with its licence) covers both.
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

import segno
from django.utils import formats, translation
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

FONTS = Path(__file__).resolve().parent / "fonts"
REGULAR = BOLD = "DejaVuSans"  # one face keeps the repository small; size gives the emphasis


@cache
def register_fonts() -> None:
    pdfmetrics.registerFont(TTFont(REGULAR, FONTS / "DejaVuSans.ttf"))


def draw_qr(canvas: Canvas, url: str, x: float, y: float, size: float) -> None:
    """The QR code as filled squares: sharp at any zoom, no image library needed."""
    matrix = segno.make(url, error="m").matrix
    cell = size / len(matrix)
    top = y + size
    for row_number, row in enumerate(matrix):
        for column, dark in enumerate(row):
            if dark:
                canvas.rect(x + column * cell, top - (row_number + 1) * cell, cell, cell, stroke=0, fill=1)


def centred(canvas: Canvas, text: str, y: float, font: str, size: float) -> None:
    width = landscape(A4)[0]
    while size > 10 and pdfmetrics.stringWidth(text, font, size) > width - 120:
        size -= 1  # a long name or title shrinks to fit rather than running off the page
    canvas.setFont(font, size)
    canvas.drawCentredString(width / 2, y, text)


def certificate_pdf(certificate, verify_url: str) -> bytes:
    """The PDF bytes, in the certificate's language."""
    register_fonts()
    buffer = BytesIO()
    width, height = landscape(A4)
    canvas = Canvas(buffer, pagesize=(width, height), invariant=True)
    with translation.override(certificate.language):
        canvas.setTitle(_("Certificate of completion"))
        canvas.setLineWidth(3)
        canvas.rect(30, 30, width - 60, height - 60)
        centred(canvas, _("Certificate of completion"), height - 120, BOLD, 30)
        centred(canvas, _("This certifies that"), height - 175, REGULAR, 14)
        centred(canvas, certificate.holder_name or _("(name withheld)"), height - 220, BOLD, 26)
        centred(canvas, _("has completed the course"), height - 260, REGULAR, 14)
        centred(canvas, certificate.course_title, height - 300, BOLD, 20)
        hours = formats.number_format(certificate.hours, decimal_pos=1)
        date = formats.date_format(certificate.issued_at, "DATE_FORMAT")
        details = _("%(hours)s hours of study · issued on %(date)s") % {"hours": hours, "date": date}
        centred(canvas, details, height - 335, REGULAR, 12)
        draw_qr(canvas, verify_url, 60, 60, 110)
        canvas.setFont(REGULAR, 10)
        canvas.drawString(185, 95, _("Check this certificate at:"))
        canvas.drawString(185, 80, verify_url)
        canvas.drawString(185, 65, _("Code: %(code)s") % {"code": certificate.code})
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
