"""Make the two small PDFs the import tests read (run once; the PDFs are committed).

    pip install reportlab && python scripts/make_pdf_fixtures.py

- tests/fixtures/plan_text_layer.pdf: two pages of a short plan in Chinese, set in the Adobe
  CID font STSong-Light (built into every PDF reader), so the file has a real text layer;
- tests/fixtures/plan_scanned.pdf: a page that carries only drawing (as a scan carries only an
  image): no text layer, which `import` must refuse.
"""

from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

OUT = Path(__file__).resolve().parent.parent / "tests" / "fixtures"

PAGES = [
    [
        "科技创新示范行动计划（2025—2027年）",
        "一、主要目标",
        "到2027年，全省高新技术企业达到5万家，",
        "每年布局150项以上基础研究项目。",
        "二、重点任务",
        "1.完善实验室体系。建设10家左右省实验室。（省科技厅牵头，",
        "省财政厅、省教育厅配合）",
    ],
    [
        "2.推进数据开放。（省大数据局牵头）建成数据专区20个。",
        "（省财政厅、省大数据局牵头，各有关部门配合）",
        "- 2 -",
    ],
]


def main() -> None:
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(OUT / "plan_text_layer.pdf"), invariant=1)
    for page in PAGES:
        c.setFont("STSong-Light", 12)
        y = 800
        for line in page:
            c.drawString(50, y, line)
            y -= 22
        c.showPage()
    c.save()
    c = canvas.Canvas(str(OUT / "plan_scanned.pdf"), invariant=1)
    for i in range(40):  # grey bars where a scan would show lines of text
        c.setFillGray(0.3)
        c.rect(50, 800 - 18 * i, 480 - (i % 5) * 40, 9, stroke=0, fill=1)
    c.showPage()
    c.save()


if __name__ == "__main__":
    main()
