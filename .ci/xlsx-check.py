#!/usr/bin/python3
"""Read a workbook written by `profiler export examples` with openpyxl, a second XLSX reader.

Checks what a user relies on in Excel, LibreOffice, МойОфис or Р7: the sheets, a frozen header
with an autofilter, numbers stored as numbers, list items one per line, and drop-down lists
whose ranges resolve to the allowed values. Usage: xlsx-check.py BOOK.xlsx EXAMPLES_DIR
"""
import glob
import os
import sys

import openpyxl
import yaml

book, examples = sys.argv[1], sys.argv[2]
wb = openpyxl.load_workbook(book)
errors = []


def check(ok, msg):
    if not ok:
        errors.append(msg)


lss = {}
for p in sorted(glob.glob(os.path.join(examples, "*", "life-situation.yaml"))):
    with open(p, encoding="utf-8") as f:
        ls = yaml.safe_load(f)
    profiles = []
    for q in sorted(glob.glob(os.path.join(os.path.dirname(p), "profiles", "*.yaml"))):
        with open(q, encoding="utf-8") as f:
            profiles.append(yaml.safe_load(f))
    lss[ls["id"]] = (ls, profiles)

names = wb.sheetnames
check(names[:2] == ["Жизненные ситуации", "Признаки"], f"first sheets: {names[:2]}")
check("Списки" in names and wb["Списки"].sheet_state == "hidden", "the lists sheet is there and hidden")

index = wb["Жизненные ситуации"]
header = [c.value for c in index[1]]
check(header == ["id", "Название ЖС", "Заказчик", "Статусы", "Лист", "Файл", "Профилей"], f"index header: {header}")
sheet_of = {}
for row in index.iter_rows(min_row=2, values_only=True):
    sheet_of[row[0]] = row[4]
    check(isinstance(row[6], int), f"profile count is a number: {row[6]!r}")
check(sorted(sheet_of) == sorted(lss), f"life situations: {sorted(sheet_of)} vs {sorted(lss)}")


def resolve(formula):
    """The values a drop-down offers: 'Списки'!$A$1:$A$4 → the cells' values."""
    ref = formula.lstrip("=")
    sheet, cells = ref.rsplit("!", 1)
    ws = wb[sheet.strip("'")]
    return [c.value for row in ws[cells.replace("$", "")] for c in row]


for ls_id, (ls, profiles) in lss.items():
    ws = wb[sheet_of[ls_id]]
    check(len(ws.title) <= 31, f"sheet name too long: {ws.title}")
    check(ws.freeze_panes == "A2", f"{ws.title}: frozen header: {ws.freeze_panes}")
    check(ws.auto_filter.ref and ws.auto_filter.ref.replace("$", "").startswith("A1:"), f"{ws.title}: autofilter {ws.auto_filter.ref}")
    header = [c.value for c in ws[1]]
    want = ["id", "Название профиля", "Статус", "Этап"] + [a["title"] for a in ls["attributes"]] + [
        "Емкость сегмента", "Уровень удовлетворенности", "Особенности клиентского пути",
        "Каналы: информирование", "Каналы: получение услуг", "Боли"]
    check(header == want, f"{ws.title}: header {header}\n  want {want}")
    col = {h: i for i, h in enumerate(header)}
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    check(sorted(rows) == sorted(p["id"] for p in profiles), f"{ws.title}: rows {sorted(rows)}")
    for p in profiles:
        r = rows.get(p["id"])
        if r is None:
            continue
        check(r[col["Название профиля"]] == p["title"], f"{p['id']}: title {r[1]!r}")
        check(r[col["Статус"]] == p["status"] and r[col["Этап"]] == p["stage"], f"{p['id']}: status/stage")
        cap = p.get("priority", {}).get("capacity", {}).get("value")
        got = r[col["Емкость сегмента"]]
        check(cap is None and got is None or isinstance(got, (int, float)) and not isinstance(got, bool) and got == cap,
              f"{p['id']}: capacity {got!r} (a number), want {cap!r}")
        sat = p.get("priority", {}).get("satisfaction", {}).get("value")
        got = r[col["Уровень удовлетворенности"]]
        check(sat is None and got is None or isinstance(got, (int, float)) and got == sat, f"{p['id']}: satisfaction {got!r}")
        journey = [j if isinstance(j, str) else j["text"] for j in p.get("journey", [])]
        got = r[col["Особенности клиентского пути"]]
        check((got or "").split("\n") == journey if journey else got is None, f"{p['id']}: journey one item per line: {got!r}")
    dvs = {}
    for dv in ws.data_validations.dataValidation:
        for rng in str(dv.sqref).split():
            dvs[rng.split(":")[0].rstrip("0123456789")] = (dv.type, resolve(dv.formula1), dv.errorStyle)
    letter = lambda h: openpyxl.utils.get_column_letter(col[h] + 1)
    st = dvs.get(letter("Статус"))
    check(st and st[0] == "list" and st[1] == ls["statuses"] and st[2] == "stop", f"{ws.title}: status list {st}")
    sg = dvs.get(letter("Этап"))
    check(sg and sg[1] == ["segment", "hypothesis", "refined", "final"], f"{ws.title}: stage list {sg}")
    for a in ls["attributes"]:
        if a["type"] == "enum" and "values" in a:
            v = dvs.get(letter(a["title"]))
            check(v and v[0] == "list" and [str(x) for x in v[1]] == [str(x) for x in a["values"]],
                  f"{ws.title}: values list of {a['id']}: {v}")

if errors:
    print("xlsx-check: openpyxl disagrees with the exported workbook:", *errors, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"xlsx-check: openpyxl {openpyxl.__version__} read {book}: {len(names)} sheets, header, types and lists as expected")
