"""Poster benchmark, the peers' side: the same A4 poster (same text, same
Noto Sans files, the same photo JPEG: the print copy Alerta embeds) drawn in
Alerta's layout (headline, name, the photo half the page wide with the
description and circumstances beside it, the call block with the phone, the
last-seen block and a QR code where the renderer has one, the notes, eight
three-line tear-off strips) by Typst, WeasyPrint and ReportLab, warm, in
this process; and the 12-megapixel phone JPEG normalised by pyvips
(thumbnail to 1200 px, JPEG quality 85). Reads what `cargo bench --bench
poster` wrote to OUT_DIR.

    python benches/poster_peers.py OUT_DIR FONTS_DIR [RUNS]
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

out = Path(sys.argv[1]).resolve()
fonts = Path(sys.argv[2]).resolve()
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 200
poster = json.loads((out / "case.json").read_text())
case = poster["case"]
photo = out / "poster-photo.jpg"
name = f'{case["given_name"]} {case["family_name"]}'
facts = [
    ("Edad", "15 años"),
    ("Sexo", "femenino"),
    ("Estatura", "1,52 m"),
    ("Peso", f'{case["weight_kg"]} kg'),
    ("Cabello", case["hair"]),
    ("Ojos", case["eyes"]),
    ("Señas particulares", case["marks"]),
    ("Vestimenta", case["clothing"]),
    ("Circunstancias", case["circumstances"]),
]
since_when = "20 de noviembre de 2026, 18:30"
since_place = f'{case["last_seen_place"]}, Bolivia'
phone = case["contact_phone"]
public = poster["public_url"]
host = public.split("://", 1)[1]


def more_at(i):
    return f"Más en {host}/c/{poster['id'] + i} · Escanea para ver la ficha y enviar una pista, también anónima"


warning = "Alerta y la policía nunca piden dinero: denuncia a quien te lo pida."


def footer(i):
    return f'Caso N.º {poster["id"] + i} · Emitido por {poster["organisation"]} · Impreso el 25 nov 2026'


def strip_lines(i):
    return [phone, f"Caso N.º {poster['id'] + i}", f"{host}/c/{poster['id'] + i}"]


def timed(render, n):
    render(0)  # warm: fonts loaded, caches filled
    times = []
    result = None
    # Each run a different case number, as a server renders different cases:
    # no renderer may answer from a cache of the previous, identical run.
    for i in range(1, n + 1):
        started = time.perf_counter()
        result = render(i)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def typst_poster():
    import typst

    def esc(s):
        return s.replace("\\", "\\\\").replace("#", "\\#").replace("*", "\\*").replace("[", "\\[").replace("]", "\\]").replace("$", "\\$").replace("@", "\\@").replace("<", "\\<")

    rows = "\n".join(f"#par[*{esc(k)}:* {esc(v)}]" for k, v in facts)

    def source(i):
        strips = ", ".join(
            "rotate(-90deg, reflow: true)[" + " \\ ".join(
                f'#text(weight: "bold", size: 9pt)[{esc(line)}]' if n == 0 else f"#text(size: 7pt)[{esc(line)}]"
                for n, line in enumerate(strip_lines(i))
            ) + "]"
            for _ in range(8)
        )
        return f"""
#set page(paper: "a4", margin: 30pt)
#set text(font: "Noto Sans", size: 12pt, lang: "es")
#set par(spacing: 6pt)
#align(center, text(weight: "bold", size: 66pt)[DESAPARECIDA])
#v(-8pt)
#line(length: 100%, stroke: 4pt)
#align(center, text(weight: "bold", size: 34pt)[{esc(name)}])
#align(center, text(size: 9pt)[También conocida/o como: {esc(case["aliases"])}])
#grid(columns: (52%, 1fr), gutter: 12pt,
  image("poster-photo.jpg", width: 100%, height: 330pt, fit: "cover"),
  [{rows}])
#v(1fr)
#rect(width: 100%, stroke: 2pt, inset: 8pt)[
  #grid(columns: (1.6fr, 1fr), gutter: 10pt,
    [Si la viste o sabes algo, llama al \\ #text(weight: "bold", size: 36pt)[{esc(phone)}]],
    [#text(size: 9pt, weight: "bold")[Vista por última vez:] \\ #text(weight: "bold", size: 13pt)[{esc(since_when)}] \\ #text(size: 10pt)[{esc(since_place)}]])
]
#align(center, text(size: 8.5pt, weight: "bold")[{esc(more_at(i))} \\ {esc(warning)}])
#align(center, text(size: 7.5pt)[{esc(footer(i))}])
#line(length: 100%, stroke: (dash: "dashed", thickness: 0.75pt))
#grid(columns: 8, align: center, {strips})
"""
    (out / "typst.typ").write_text(source(0))
    compiler = typst.Compiler(str(out / "typst.typ"), root=str(out), font_paths=[str(fonts)], ignore_system_fonts=True)
    return lambda i: compiler.compile(input=source(i).encode(), format="pdf")


def weasyprint_poster():
    import weasyprint
    from html import escape as e

    rows = "".join(f"<p><b>{e(k)}:</b> {e(v)}</p>" for k, v in facts)
    def html(i):
        strips = "".join(
            '<div class="strip">' + "<br>".join(
                f"<b>{e(line)}</b>" if n == 0 else f"<small>{e(line)}</small>" for n, line in enumerate(strip_lines(i))
            ) + "</div>"
            for _ in range(8)
        )
        return f"""<!doctype html><html lang="es"><head><style>
@font-face {{ font-family: Noto; src: url("{(fonts / 'NotoSans-Regular.ttf').as_uri()}"); }}
@font-face {{ font-family: Noto; font-weight: bold; src: url("{(fonts / 'NotoSans-Bold.ttf').as_uri()}"); }}
@page {{ size: A4; margin: 30pt; }}
body {{ font-family: Noto; font-size: 12pt; margin: 0; }}
h1 {{ font-size: 66pt; text-align: center; margin: 0; border-bottom: 4pt solid black; line-height: 1.1; }}
h2 {{ font-size: 34pt; text-align: center; margin: 4pt 0 0; }}
.aka {{ text-align: center; font-size: 9pt; margin: 0 0 8pt; }}
.body {{ display: flex; gap: 12pt; height: 340pt; }}
.body img {{ width: 52%; height: 330pt; object-fit: cover; }}
p {{ margin: 2pt 0 5pt; }}
.call {{ display: flex; gap: 10pt; border: 2pt solid black; padding: 8pt; margin-top: 30pt; }}
.call > div:first-child {{ flex: 1.6; }} .call > div:last-child {{ flex: 1; font-size: 10pt; }}
.phone {{ font-size: 36pt; font-weight: bold; }}
.notes {{ text-align: center; font-size: 8.5pt; font-weight: bold; margin: 6pt 0 2pt; }}
.footer {{ text-align: center; font-size: 7.5pt; }}
.strips {{ display: flex; border-top: 0.75pt dashed black; margin-top: 6pt; }}
.strip {{ flex: 1; height: 90pt; writing-mode: vertical-rl; transform: rotate(180deg); font-size: 9pt; border-left: 0.5pt dashed black; }}
.strip small {{ font-size: 7pt; }}
</style></head><body>
<h1>DESAPARECIDA</h1><h2>{e(name)}</h2><p class="aka">También conocida/o como: {e(case["aliases"])}</p>
<div class="body"><img src="poster-photo.jpg"><div>{rows}</div></div>
<div class="call"><div>Si la viste o sabes algo, llama al<div class="phone">{e(phone)}</div></div>
<div><b>Vista por última vez:</b><br><b style="font-size:13pt">{e(since_when)}</b><br>{e(since_place)}</div></div>
<p class="notes">{e(more_at(i))}<br>{e(warning)}</p><p class="footer">{e(footer(i))}</p><div class="strips">{strips}</div>
</body></html>"""
    base = str(out) + "/"
    return lambda i: weasyprint.HTML(string=html(i), base_url=base).write_pdf()


def reportlab_poster():
    from io import BytesIO

    from reportlab.graphics import renderPDF
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import simpleSplit
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Noto", str(fonts / "NotoSans-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("Noto-Bold", str(fonts / "NotoSans-Bold.ttf")))
    width, height = A4
    m = 30

    def render(i):
        buf = BytesIO()
        c = canvas.Canvas(buf, pagesize=A4)
        c.setFont("Noto-Bold", 66)
        c.drawCentredString(width / 2, height - m - 52, "DESAPARECIDA")
        c.rect(m, height - m - 70, width - 2 * m, 4, fill=1)
        c.setFont("Noto-Bold", 34)
        c.drawCentredString(width / 2, height - m - 108, name)
        c.setFont("Noto", 9)
        c.drawCentredString(width / 2, height - m - 124, f'También conocida/o como: {case["aliases"]}')
        photo_w = (width - 2 * m) * 0.52
        top = height - m - 134
        c.drawImage(str(photo), m, top - 330, width=photo_w, height=330, preserveAspectRatio=True)
        y = top - 12
        col = m + photo_w + 12
        for k, v in facts:
            for line in simpleSplit(f"{k}: {v}", "Noto", 12, width - m - col):
                c.setFont("Noto", 12)
                c.drawString(col, y, line)
                y -= 15
            y -= 4
        # The call block: phone, last seen, QR code.
        c.setLineWidth(2)
        c.rect(m, 190, width - 2 * m, 100)
        c.setFont("Noto", 12)
        c.drawString(m + 8, 262, "Si la viste o sabes algo, llama al")
        c.setFont("Noto-Bold", 36)
        c.drawString(m + 8, 215, phone)
        x = m + 300
        c.setFont("Noto-Bold", 9)
        c.drawString(x, 272, "Vista por última vez:")
        c.setFont("Noto-Bold", 13)
        yy = 256
        for line in simpleSplit(since_when, "Noto-Bold", 13, 130):
            c.drawString(x, yy, line)
            yy -= 15
        c.setFont("Noto", 10)
        for line in simpleSplit(since_place, "Noto", 10, 130):
            c.drawString(x, yy, line)
            yy -= 12
        qr = QrCodeWidget(f'{public}/cases/{poster["id"] + i}')
        d = Drawing(84, 84)
        d.add(qr)
        renderPDF.draw(d, c, width - m - 92, 198)
        c.setFont("Noto-Bold", 8.5)
        c.drawCentredString(width / 2, 176, more_at(i))
        c.drawCentredString(width / 2, 165, warning)
        c.setFont("Noto", 7.5)
        c.drawCentredString(width / 2, 153, footer(i))
        c.setDash(4, 3)
        c.setLineWidth(0.75)
        c.line(m, 140, width - m, 140)
        strip = (width - 2 * m) / 8
        for n in range(8):
            c.saveState()
            c.translate(m + n * strip + strip / 2 - 12, 40)
            c.rotate(90)
            for k, line in enumerate(strip_lines(i)):
                c.setFont("Noto-Bold" if k == 0 else "Noto", 9 if k == 0 else 7)
                c.drawString(0, -k * 10, line)
            c.restoreState()
        c.showPage()
        c.save()
        return buf.getvalue()

    return render


def pyvips_normalize(threads):
    import pyvips

    # From bytes in memory, as Alerta gets an upload, and with the operation
    # cache off so that no run reuses an earlier one's work.
    pyvips.cache_set_max(0)
    pyvips.concurrency_set(threads)
    phone_jpeg = (out / "phone.jpg").read_bytes()
    return lambda i: pyvips.Image.thumbnail_buffer(phone_jpeg, 1200).jpegsave_buffer(Q=85)


results = {}
for label, make, n in [
    ("Typst", typst_poster, runs),
    ("ReportLab", reportlab_poster, runs),
    ("WeasyPrint", weasyprint_poster, max(runs // 4, 10)),
]:
    ms, pdf = timed(make(), n)
    (out / f"{label.lower()}.pdf").write_bytes(pdf)
    results[label] = {"runs": n, "median_ms": ms, "bytes": len(pdf)}
# libvips' default uses every core; one thread is the per-core figure.
for label, threads in [("pyvips", os.cpu_count() or 1), ("pyvips 1 thread", 1)]:
    ms, jpeg = timed(pyvips_normalize(threads), max(runs // 4, 10))
    results[label] = {"runs": max(runs // 4, 10), "median_ms": ms, "bytes": len(jpeg)}
(out / "peers.json").write_text(json.dumps(results))
print(json.dumps(results, indent=2))
