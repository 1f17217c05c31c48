"""Writing a report to XLSX (openpyxl), CSV or PDF (reportlab, with the shipped CJK font)."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from shuwu_shared.errors import UserInputError
from shuwu_shared.i18n import _
from shuwu_shared.reports.model import Report
from shuwu_shared.reports.tables import (
    PALETTE,
    ChartSpec,
    ReportTable,
    report_charts,
    report_tables,
)
from shuwu_shared.resources import cjk_font_path

FONT_NAME = "WQYMicroHei"
FORMATS = ("xlsx", "csv", "pdf")


def export_report(report: Report, target: str | Path) -> Path:
    """Write ``report`` to ``target``; the format follows the extension (.xlsx, .csv, .pdf)."""
    path = Path(target)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise UserInputError(
            _("Save the report as .xlsx, .csv or .pdf (not {name}).").format(name=path.name),
            code="format",
        )
    if not path.parent.is_dir():
        raise UserInputError(
            _("The folder {folder} does not exist.").format(folder=path.parent), code="path"
        )
    tmp = path.with_name(path.name + ".part")
    writer = {"xlsx": write_xlsx, "csv": write_csv, "pdf": write_pdf}[fmt]
    try:
        writer(report, tmp)
        os.replace(tmp, path)
    except PermissionError as exc:
        tmp.unlink(missing_ok=True)
        raise UserInputError(
            _("Cannot write {path}: is it open in another program?").format(path=path),
            code="path",
        ) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserInputError(
            _("Cannot write {path}: {reason}").format(path=path, reason=exc.strerror),
            code="path",
        ) from exc
    return path


def report_title(report: Report) -> str:
    return _("{branch} statistics, {start} to {end}").format(
        branch=report.branch_name,
        start=report.period.start.isoformat(),
        end=report.period.end.isoformat(),
    )


# --- XLSX ----------------------------------------------------------------------------------


def write_xlsx(report: Report, path: Path) -> None:
    wb = Workbook()
    first = True
    used: set[str] = set()
    for table in report_tables(report):
        ws = wb.active if first else wb.create_sheet()
        assert ws is not None
        first = False
        ws.title = _sheet_name(table.title, used)
        ws.append([table.title])
        ws["A1"].font = Font(bold=True, size=13)
        ws.append(list(table.headers))
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append(list(row))
        for col, header in enumerate(table.headers, start=1):
            width = max([len(str(header))] + [len(str(r[col - 1])) for r in table.rows] + [6])
            ws.column_dimensions[get_column_letter(col)].width = min(60, width * 2 + 2)
        if table.key == "circulation" and len(table.rows) > 1:
            _xlsx_month_chart(ws, len(table.rows) - 1)
    wb.save(path)


def _xlsx_month_chart(ws: Worksheet, months: int) -> None:
    chart = BarChart()
    chart.title = _("Loans and returns by month")
    data = Reference(ws, min_col=2, max_col=3, min_row=2, max_row=2 + months)
    cats = Reference(ws, min_col=1, min_row=3, max_row=2 + months)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.width, chart.height = 18, 8
    ws.add_chart(chart, "F3")


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(ch for ch in title if ch not in "[]:*?/\\")[:28] or "Sheet"
    name, n = base, 2
    while name in used:
        name = f"{base[:26]}{n}"
        n += 1
    used.add(name)
    return name


# --- CSV -----------------------------------------------------------------------------------


def write_csv(report: Report, path: Path) -> None:
    """All tables in one file, each under its title; UTF-8 with BOM so Excel reads Chinese."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        for table in report_tables(report):
            writer.writerow([table.title])
            writer.writerow(table.headers)
            writer.writerows(table.rows)
            writer.writerow([])


# --- PDF -----------------------------------------------------------------------------------


def register_font() -> str:
    if FONT_NAME not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(FONT_NAME, str(cjk_font_path()), subfontIndex=0))
    return FONT_NAME


def chart_drawing(spec: ChartSpec, width: float = 170 * mm, height: float = 70 * mm) -> Drawing:
    """The chart spec drawn with reportlab.graphics (the screen draws the same spec with Qt)."""
    font = register_font()
    d = Drawing(width, height)
    d.add(String(0, height - 12, spec.title, fontName=font, fontSize=11))
    if spec.empty:
        d.add(
            String(
                width / 2, height / 2, _("No data"), fontName=font, fontSize=10, textAnchor="middle"
            )
        )
        return d
    legend = Legend()
    legend.fontName = font
    legend.fontSize = 8
    legend.alignment = "right"
    if spec.kind == "pie":
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 10, 5, height - 30, height - 30
        pie.data = list(spec.series[0].values)
        pie.labels = None
        pie.slices.strokeWidth = 0.5
        for i in range(len(pie.data)):
            pie.slices[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        d.add(pie)
        legend.x, legend.y = height + 10, height - 25
        legend.columnMaximum = 8
        legend.colorNamePairs = [
            (colors.HexColor(PALETTE[i % len(PALETTE)]), f"{c} ({int(v)})")
            for i, (c, v) in enumerate(zip(spec.categories, spec.series[0].values, strict=True))
        ]
        d.add(legend)
        return d
    bar = VerticalBarChart()
    bar.x, bar.y, bar.width, bar.height = 30, 20, width - 140, height - 45
    bar.data = [list(s.values) for s in spec.series]
    bar.categoryAxis.categoryNames = list(spec.categories)
    bar.categoryAxis.labels.fontName = font
    bar.categoryAxis.labels.fontSize = 7
    bar.valueAxis.labels.fontName = font
    bar.valueAxis.labels.fontSize = 7
    bar.valueAxis.valueMin = 0
    for i in range(len(spec.series)):
        bar.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        bar.bars[i].strokeWidth = 0
    d.add(bar)
    legend.x, legend.y = width - 100, height - 25
    legend.colorNamePairs = [
        (colors.HexColor(PALETTE[i % len(PALETTE)]), s.name) for i, s in enumerate(spec.series)
    ]
    d.add(legend)
    return d


def write_pdf(report: Report, path: Path) -> None:
    font = register_font()
    title_style = ParagraphStyle("t", fontName=font, fontSize=16, leading=22)
    head_style = ParagraphStyle("h", fontName=font, fontSize=12, leading=18, spaceBefore=6)
    cell_style = ParagraphStyle("c", fontName=font, fontSize=8, leading=10)
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=report_title(report),
    )
    story: list[object] = [Paragraph(report_title(report), title_style), Spacer(1, 4 * mm)]
    tables = {t.key: t for t in report_tables(report)}
    story.extend(_pdf_table(tables.pop("summary"), head_style, cell_style, font))
    for spec in report_charts(report):
        story.append(KeepTogether([chart_drawing(spec), Spacer(1, 3 * mm)]))
    for table in tables.values():
        story.extend(_pdf_table(table, head_style, cell_style, font))
    doc.build(story)


def _pdf_table(
    table: ReportTable, head: ParagraphStyle, cell: ParagraphStyle, font: str
) -> list[object]:
    rows = [[Paragraph(str(h), cell) for h in table.headers]]
    rows += [[Paragraph(str(v), cell) for v in r] for r in table.rows]
    if len(rows) == 1:
        rows.append(
            [Paragraph(_("No data"), cell)] + [Paragraph("", cell)] * (len(table.headers) - 1)
        )
    grid = Table(rows, repeatRows=1, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF5")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    title = Paragraph(table.title, head)
    if len(rows) > 30:  # long tables split across pages, the header row repeated
        return [title, grid, Spacer(1, 3 * mm)]
    return [KeepTogether([title, grid, Spacer(1, 3 * mm)])]
