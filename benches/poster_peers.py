"""Poster benchmark, the peers' side: the same A4 poster (same text, same
Noto Sans files, same photo JPEG (the print copy Alerta embeds), the same bands: headline, name, photo
beside the description, circumstances, call block, footer, eight tear-off
strips) rendered by Typst, WeasyPrint and ReportLab, warm, in this process;
and the 12-megapixel phone JPEG normalised by pyvips (thumbnail to 1200 px,
JPEG quality 85). Reads what `cargo bench --bench poster` wrote to OUT_DIR.

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
]
last_seen = f'20 de noviembre de 2026, 18:30 — {case["last_seen_place"]}'
phone = case["contact_phone"]
def footer(i):
    return f'Caso N.º {poster["id"] + i} · Emitido por {poster["organisation"]} · Impreso el 25/11/2026'


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

    rows = " \\\n".join(f"*{esc(k)}:* {esc(v)}" for k, v in facts)

    def source(i):
        strips = ", ".join(
            f'rotate(-90deg, reflow: true)[#text(weight: "bold", size: 11pt)[{esc(phone)}] \\ #text(size: 8.5pt)[Caso {poster["id"] + i}]]'
            for _ in range(8)
        )
        return f"""
#set page(paper: "a4", margin: 30pt)
#set text(font: "Noto Sans", size: 12pt, lang: "es")
#align(center, text(weight: "bold", size: 80pt)[DESAPARECIDA])
#line(length: 100%, stroke: 5pt)
#align(center, text(weight: "bold", size: 40pt)[{esc(name)}])
#align(center, text(size: 11pt)[También conocida/o como: {esc(case["aliases"])}])
#grid(columns: (48%, 1fr), gutter: 14pt,
  image("poster-photo.jpg", height: 300pt, fit: "contain"),
  [{rows}])
*Vista por última vez:* {esc(last_seen)} \\
#text(size: 11pt)[*Circunstancias:* {esc(case["circumstances"])}]
#v(1fr)
#rect(width: 100%, stroke: 2.5pt, inset: 8pt)[
  Si la viste o sabes algo, llama al \\
  #text(weight: "bold", size: 39pt)[{esc(phone)}] \\
  #text(size: 8.5pt)[Escanea para ver la ficha y enviar una pista, también anónima]
]
#align(center, text(size: 8.5pt)[{esc(footer(i))}])
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
        strips = "".join(f'<div class="strip"><b>{e(phone)}</b><br><small>Caso {poster["id"] + i}</small></div>' for _ in range(8))
        return f"""<!doctype html><html lang="es"><head><style>
@font-face {{ font-family: Noto; src: url("{(fonts / 'NotoSans-Regular.ttf').as_uri()}"); }}
@font-face {{ font-family: Noto; font-weight: bold; src: url("{(fonts / 'NotoSans-Bold.ttf').as_uri()}"); }}
@page {{ size: A4; margin: 30pt; }}
body {{ font-family: Noto; font-size: 12pt; margin: 0; }}
h1 {{ font-size: 80pt; text-align: center; margin: 0; border-bottom: 5pt solid black; }}
h2 {{ font-size: 40pt; text-align: center; margin: 4pt 0; }}
.body {{ display: flex; gap: 14pt; }} .body img {{ width: 48%; height: 300pt; object-fit: contain; }}
p {{ margin: 2pt 0; }}
.call {{ border: 2.5pt solid black; padding: 8pt; margin-top: 20pt; }} .phone {{ font-size: 39pt; font-weight: bold; }}
.strips {{ display: flex; border-top: 0.75pt dashed black; }}
.strip {{ flex: 1; height: 76pt; writing-mode: vertical-rl; transform: rotate(180deg); font-size: 11pt; border-left: 0.5pt dashed black; }}
</style></head><body>
<h1>DESAPARECIDA</h1><h2>{e(name)}</h2><p style="text-align:center;font-size:11pt">También conocida/o como: {e(case["aliases"])}</p>
<div class="body"><img src="poster-photo.jpg"><div>{rows}</div></div>
<p><b>Vista por última vez:</b> {e(last_seen)}</p><p style="font-size:11pt"><b>Circunstancias:</b> {e(case["circumstances"])}</p>
<div class="call">Si la viste o sabes algo, llama al<div class="phone">{e(phone)}</div><small>Escanea para ver la ficha y enviar una pista, también anónima</small></div>
<p style="text-align:center;font-size:8.5pt">{e(footer(i))}</p><div class="strips">{strips}</div>
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
        c.setFont("Noto-Bold", 80)
        c.drawCentredString(width / 2, height - m - 62, "DESAPARECIDA")
        c.rect(m, height - m - 85, width - 2 * m, 5, fill=1)
        c.setFont("Noto-Bold", 40)
        c.drawCentredString(width / 2, height - m - 130, name)
        c.setFont("Noto", 11)
        c.drawCentredString(width / 2, height - m - 150, f'También conocida/o como: {case["aliases"]}')
        c.drawImage(str(photo), m, height - m - 470, width=250, height=300, preserveAspectRatio=True)
        y = height - m - 180
        col = m + 264
        for k, v in facts:
            for i, line in enumerate(simpleSplit(f"{k}: {v}", "Noto", 12, width - m - col)):
                c.setFont("Noto", 12)
                c.drawString(col, y, line)
                y -= 15
        y = height - m - 490
        for line in simpleSplit(f"Vista por última vez: {last_seen}", "Noto", 12.5, width - 2 * m):
            c.drawString(m, y, line)
            y -= 15
        c.setFont("Noto", 11)
        for line in simpleSplit(f'Circunstancias: {case["circumstances"]}', "Noto", 11, width - 2 * m):
            c.drawString(m, y, line)
            y -= 14
        c.setLineWidth(2.5)
        c.rect(m, 140, width - 2 * m, 100)
        c.setFont("Noto", 12)
        c.drawString(m + 8, 220, "Si la viste o sabes algo, llama al")
        c.setFont("Noto-Bold", 39)
        c.drawString(m + 8, 178, phone)
        c.setFont("Noto", 8.5)
        c.drawString(m + 8, 150, "Escanea para ver la ficha y enviar una pista, también anónima")
        qr = QrCodeWidget(f'{poster["public_url"]}/cases/{poster["id"]}')
        d = Drawing(84, 84)
        d.add(qr)
        renderPDF.draw(d, c, width - m - 92, 148)
        c.drawCentredString(width / 2, 120, footer(i))
        c.setDash(4, 3)
        c.setLineWidth(0.75)
        c.line(m, 106, width - m, 106)
        strip = (width - 2 * m) / 8
        for i in range(8):
            c.saveState()
            c.translate(m + i * strip + strip / 2, 35)
            c.rotate(90)
            c.setFont("Noto-Bold", 11)
            c.drawString(0, 0, phone)
            c.setFont("Noto", 8.5)
            c.drawString(0, -11, f'Caso {poster["id"] + i}')
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
