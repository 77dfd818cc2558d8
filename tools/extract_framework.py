#!/usr/bin/env python3
"""Extract the built-in indicator framework (fzzf-sx-2021) from the seed document.

The seed is a PDF-to-text conversion of the 卫东区 迎检工作方案; its appendix 任务清单 is a
tab-separated table whose rows are split by page breaks, whose merged cells are blank on all
but one row, and whose first-level and second-level headings repeat (or break) at page tops.

The script parses the numbered rows, re-attaches every continuation fragment to the right
indicator, then applies the judgement calls recorded in
docs/decisions/0100-built-in-framework-judgement-calls.md. It fails loudly when any non-empty
cell of the table is left unconsumed, so a changed seed cannot silently lose text.

Usage: python3 tools/extract_framework.py SEED_TXT OUTPUT_JSON
"""
import json
import re
import sys

METHODS = ["网络检索", "材料查证", "实地核验", "实地核查", "案卷评查", "随机抽考", "座谈访谈"]

# 一级 and 二级 headings, with the range of indicator numbers each covers. The names are
# checked against the seed below (after white space and <b> tags are removed), so a typo
# here fails the run. No. 65 is placed under 6. 健全行政执法人员管理制度: see the ADR.
STRUCTURE = [
    ("政府职能依法全面履行", [
        ("加大简政放权力度", 1, 5),
        ("全面落实权责清单、负面清单制度", 6, 8),
        ("加强事中事后监管", 9, 11),
        ("优化法治化营商环境", 12, 16),
        ("优化公共服务", 17, 20)]),
    ("依法行政制度体系完善", [
        ("健全地方政府制度建设机制", 21, 23),
        ("提高公众参与度", 24, 25),
        ("加强行政规范性文件监督管理", 26, 29),
        ("及时开展备案审查和清理工作", 30, 33)]),
    ("重大行政决策科学民主合法", [
        ("依法决策机制健全", 34, 35),
        ("公众参与", 36, 38),
        ("专家论证、风险评估", 39, 40),
        ("合法性审查", 41, 42),
        ("集体讨论决定", 43, 44),
        ("强化决策规范化建设", 45, 46)]),
    ("行政执法严格规范公正文明", [
        ("行政执法权责统一、权威高效", 47, 51),
        ("全面推行行政执法公示制度", 52, 54),
        ("全面推行执法全过程记录制度", 55, 58),
        ("全面推行重大执法决定法制审核制度", 59, 61),
        ("全面落实行政执法责任", 62, 64),
        ("健全行政执法人员管理制度", 65, 68)]),
    ("行政权力制约监督科学有效", [
        ("自觉接受各类监督", 69, 74),
        ("加强行政监督", 75, 75),
        ("全面推进政务公开", 76, 77)]),
    ("社会矛盾纠纷依法有效化解", [
        ("健全依法化解纠纷机制", 78, 80),
        ("加强行政复议工作", 81, 84)]),
    ("重大突发事件依法预防处置", [
        ("完善突发事件应对机制制度", 85, 87),
        ("提高突发事件依法处置能力", 88, 91)]),
    ("政府工作人员法治思维和依法行政能力全面提高", [
        ("树立重视法治素养和法治能力导向", 92, 93),
        ("强化对政府工作人员的法治教育培训和考查", 94, 95)]),
    ("法治政府建设组织领导落实到位", [
        ("加强党对法治政府建设的领导", 96, 98),
        ("强化考核评价和督促落实", 99, 100)]),
]

# Indicators that share one materials request (merged cells; the request is printed once).
MATERIALS_GROUPS = [
    [26, 27, 28, 29],
    list(range(34, 47)),
    [47, 48, 49, 50, 51],
    [52, 53, 54],
    [71, 72],
    [88, 89, 90],
]
# 62–64: one merged methods cell and one merged materials cell ("不需提供申报材料。"), but no
# filing, so no materials group.
LAYOUT_SHARED = [[62, 63, 64]]

# One canonical name per unit; the table spells some units two ways.
UNIT_ALIASES = {
    "区市场监管局": "区市场监督管理局",
    "区城管局": "区城市管理局",
    # City-level name used by mistake in a district table (no. 98); the district body is
    # 中共卫东区委全面依法治区委员会办公室, the issuer of the seed document.
    "区委依法治市办": "区委依法治区办",
}

# Blank responsible-unit cells and how they are resolved (see the ADR).
BLANK_UNITS = {
    # 权责清单 are compiled by the 机构编制 office; the four departments named by the
    # materials request publish their own lists.
    6: ["区委编办", "区交通运输局", "区文化广电和旅游局", "区市场监督管理局", "区农业农村和水利局"],
    # 35 and 36 sit under 34's units cell, which is merged down the page after the break.
    35: "copy:34",
    36: "copy:34",
    # 71–72 is one merged group; 71's units cell is merged over 72.
    72: "copy:71",
}

GROUP_NAMES = [
    "区直有行政审批职能的单位",
    "有下属事业单位、行业协会涉及收费事项的区直部门",
    "区直各有关行政执法部门",
    "区直各行政执法单位",
    "区直有关单位",
    "决策承办单位按职责分工负责",
    "行政规范性文件起草单位",
    "区政府各部门",
]

UNIT_START = ("区", "卫东", "决策承办单位", "行政规范性文件起草单位", "有下属事业单位")

# Heading fragments that a continuation row may carry (repeated at page tops or broken
# across a page). Compared after white space and <b> tags are removed.
HEADING_FRAGMENTS = {"民主合法", "作。", "法处置能力。"}
# 二级 headings printed broken across a page: what the seed has, once white space is removed.
SPLIT_HEADINGS = {"2.提高突发事件依法处置能力": ("2.提高突发事件依", "法处置能力。")}


def strip_tags(s):
    return re.sub(r"</?b>", "", s)


def squeeze(s):
    """Remove layout white space; keep a space only between two ASCII letters or digits."""
    s = strip_tags(s).replace("\u3000", " ")
    out = []
    parts = re.split(r"(\s+)", s)
    for i, p in enumerate(parts):
        if p and p.isspace():
            before = parts[i - 1][-1:] if i > 0 else ""
            after = parts[i + 1][:1] if i + 1 < len(parts) else ""
            if re.match(r"[A-Za-z0-9]", before) and re.match(r"[A-Za-z0-9]", after):
                out.append(" ")
        else:
            out.append(p)
    return "".join(out)


def nows(s):
    return re.sub(r"\s+", "", strip_tags(s))


def is_heading(cell):
    """A 一级 or 二级 heading, whole or a fragment of one broken across a page."""
    c = nows(cell)
    if not c:
        return False
    if c in HEADING_FRAGMENTS:
        return True
    m = re.match(r"^[一二三四五六七八九]、(.+)$", c)
    if m:
        return any(name1.startswith(m.group(1)) for name1, _ in STRUCTURE)
    m = re.match(r"^\d\.(.+?)。?$", c)
    if m:
        return any(name2.startswith(m.group(1)) for _, l2s in STRUCTURE for name2, _, _ in l2s)
    return False


def parse_methods(cell):
    c = nows(cell)
    found = []
    while c:
        for m in METHODS:
            if c.startswith(m):
                found.append(m)
                c = c[len(m):]
                break
        else:
            return None
    return found


def is_units(cell):
    toks = cell.split()
    return bool(toks) and all(t.startswith(UNIT_START) for t in toks)


def format_materials(raw):
    """Join a materials cell and put each numbered item on its own line ("1. …；\n2. …")."""
    item, newline = "\u0001", "\u0002"  # survive squeeze(), which drops layout white space
    s = strip_tags(raw)
    # In the raw cell an item number is always followed by a space: "网址； 2. 请提供", "总额。 3. 2019年"
    s = re.sub(r"(^|[；;。：:])\s*(\d{1,2})\.\s+", lambda m: m.group(1) + newline + m.group(2) + "." + item, s)
    s = squeeze(s)
    lead = "请合并提供下列材料："
    s = s.replace(lead, lead + newline)
    s = re.sub(newline + "+", "\n", s).replace(item, " ").strip()
    return s


def main(seed_path, out_path):
    lines = open(seed_path, encoding="utf-8").read().split("\n")
    start = next(i for i, l in enumerate(lines) if l.startswith("一级指标\t二级指标\t序号"))
    rows = lines[start + 1:]

    ind = {}  # no -> dict(text=[...], methods=[...], materials=[...], units=[...])
    consumed = 0
    total_cells = 0
    cur = None
    group_of = {n: g for g in MATERIALS_GROUPS for n in g}
    for line in rows:
        cells = line.split("\t")
        nonempty = [c for c in cells if c.strip()]
        total_cells += len(nonempty)
        if not nonempty:
            continue
        expected = (cur or 0) + 1
        num_idx = next((i for i, c in enumerate(cells) if c.strip() == str(expected)), None)
        if num_idx is not None:
            cur = expected
            rec = ind.setdefault(cur, {"text": [], "methods": None, "materials": [], "units": None})
            consumed += sum(1 for c in cells[:num_idx] if c.strip() and is_heading(c))
            consumed += 1  # the number
            rest = [c for c in cells[num_idx + 1:] if c.strip()]
            rec["text"].append(rest[0])
            consumed += 1
            for c in rest[1:]:
                m = parse_methods(c)
                if m is not None:
                    rec["methods"] = m
                elif is_units(c):
                    rec["units"] = c.split()
                else:
                    g = group_of.get(cur)
                    if g and g[0] != cur:
                        if nows(c).startswith("第"):
                            # The group's request printed again on this page: must equal the lead's.
                            rec["materials_repeat"] = c
                        else:
                            ind[g[0]]["materials"].append(c)
                    else:
                        rec["materials"].append(c)
                consumed += 1
        else:
            if cur is None:
                continue
            # Headings can only lead a row; a later "1. …" cell is a materials item.
            lead = 0
            while lead < len(nonempty) and is_heading(nonempty[lead]):
                lead += 1
            body = nonempty[lead:]
            consumed += lead
            rec = ind[cur]
            if body:
                rec["text"].append(body[0])
                consumed += 1
            for c in body[1:]:
                g = group_of.get(cur)
                target = ind[g[0]] if g else rec
                target["materials"].append(c)
                consumed += 1

    if consumed != total_cells:
        sys.exit(f"unconsumed cells: {total_cells - consumed}")
    if sorted(ind) != list(range(1, 101)):
        sys.exit(f"indicator numbers: {sorted(ind)}")

    # Finalise fields.
    out = {}
    for n, r in ind.items():
        text = squeeze("".join(nows(t) for t in r["text"]))
        mats = format_materials("".join(r["materials"])) if r["materials"] else None
        out[n] = {"no": n, "text": text, "methods": r["methods"], "materials": mats,
                  "units": r["units"], "materialsGroup": None}
        if "materials_repeat" in r:
            out[n]["_repeat"] = format_materials(r["materials_repeat"])

    for g in MATERIALS_GROUPS:
        lead = out[g[0]]
        for n in g:
            o = out[n]
            if n != g[0]:
                if o["materials"] is not None:
                    sys.exit(f"group member {n} has its own materials")
                if "_repeat" in o and o.pop("_repeat") != lead["materials"]:
                    sys.exit(f"group member {n} repeats a different request")
                o["materials"] = lead["materials"]
                if o["methods"] is None:
                    o["methods"] = lead["methods"]
                elif o["methods"] != lead["methods"]:
                    sys.exit(f"group member {n} has other methods")
            o["materialsGroup"] = g
    for g in LAYOUT_SHARED:
        for n in g[1:]:
            if out[n]["methods"] is not None or out[n]["materials"] is not None:
                sys.exit(f"{n} was expected blank")
            out[n]["methods"] = out[g[0]]["methods"]
            out[n]["materials"] = out[g[0]]["materials"]

    for n, how in BLANK_UNITS.items():
        if out[n]["units"] is not None:
            sys.exit(f"units of {n} were expected blank")
        out[n]["units"] = list(out[int(how[5:])]["units"]) if isinstance(how, str) else list(how)

    for o in out.values():
        o["units"] = [UNIT_ALIASES.get(u, u) for u in o["units"]]
        if len(set(o["units"])) != len(o["units"]):
            sys.exit(f"duplicate unit in {o['no']}")
        for k in ("text", "methods", "materials", "units"):
            if not o[k]:
                sys.exit(f"{o['no']} has no {k}")
        o.pop("_repeat", None)

    # Check headings against the seed and build the tree.
    seed_flat = nows("\n".join(lines))
    level1 = []
    for i, (name1, l2s) in enumerate(STRUCTURE, 1):
        if name1 not in seed_flat:
            sys.exit(f"level-1 name not in seed: {name1}")
        level2 = []
        for j, (name2, a, b) in enumerate(l2s, 1):
            fragments = SPLIT_HEADINGS.get(f"{j}.{name2}", (f"{j}.{name2}",))
            if not all(f in seed_flat for f in fragments):
                sys.exit(f"level-2 name not in seed: {j}.{name2}")
            level2.append({"no": j, "name": name2, "indicators": [out[n] for n in range(a, b + 1)]})
        level1.append({"no": i, "name": name1, "level2": level2})
    covered = [o["no"] for l1 in level1 for l2 in l1["level2"] for o in l2["indicators"]]
    if covered != list(range(1, 101)):
        sys.exit("structure does not cover 1..100 in order")

    doc = {
        "code": "fzzf-sx-2021",
        "name": "市县法治政府建设示范指标体系（2021年版）",
        "version": "2021",
        "level1": level1,
    }
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    # Keep lists of plain values (methods, units, materialsGroup) on one line.
    text = re.sub(r"\[\n\s*((?:(?:\"[^\"\n]*\"|\d+),\n\s*)*(?:\"[^\"\n]*\"|\d+))\n\s*\]",
                  lambda m: "[" + re.sub(r",\n\s*", ", ", m.group(1)) + "]", text)
    if json.loads(text) != doc:
        sys.exit("compact formatting changed the data")
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
