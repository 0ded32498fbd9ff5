"""A self-contained HTML page: the checklist beside the report text, flagged sentences highlighted."""

from __future__ import annotations

from html import escape

from reportcheck.render.common import STATUS_MARK, header_lines, line_col
from reportcheck.schema import Review

_CSS = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f6f6f4}
header{background:#8b1a1a;color:#fff;padding:12px 20px}header h1{font-size:20px;margin:0 0 4px}
main{display:flex;gap:16px;padding:16px}#doc{flex:3;background:#fff;padding:20px 28px;line-height:1.9;white-space:pre-wrap;font-size:16px}
#list{flex:2;background:#fff;padding:12px 16px;font-size:14px;align-self:flex-start;position:sticky;top:0;max-height:100vh;overflow:auto}
#list li{margin:6px 0;list-style:none}#list a{color:#555;font-size:12px}mark:target{outline:2px solid #8b1a1a}
.pass{color:#1b7a1b}.warn{color:#b36b00}.fail{color:#b00020}
mark{padding:0 1px;border-bottom:2px solid}mark.off_topic{background:#e8e0ff}mark.inflated{background:#ffe0e0}
mark.evasive{background:#fff0c8}mark.shallow{background:#dff3ff}mark.toothless{background:#e4f5e4}mark.other{background:#eee}
"""


def render_html(review: Review) -> str:
    head = header_lines(review)
    marks = sorted(((f.start, f.end, f) for f in review.findings if f.scope == "span" and f.end - f.start <= 400), key=lambda t: (t[0], -t[1]))
    body, pos = [], 0
    for start, end, f in marks:
        if start < pos:
            continue  # overlapping findings: the first one is highlighted, all are listed
        body.append(escape(review.text[pos:start]))
        cls = f.code if f.code in ("off_topic", "inflated", "evasive", "shallow", "toothless") else "other"
        body.append(f'<mark id="o{start}" class="{cls}" title="{escape(f.rule)}：{escape(f.message)}">{escape(review.text[start:end])}</mark>')
        pos = end
    body.append(escape(review.text[pos:]))
    marked = {start for start, _end, _f in marks}
    items = "".join(
        f'<li class="{i.status}">{STATUS_MARK[i.status]} <b>{escape(i.item)}</b>：{escape(i.detail)}'
        + "".join(f' <a href="#o{r.start}">第{line_col(review, r.start)}段</a>' for r in i.refs[:5] if r.start in marked)
        + "</li>"
        for i in review.checklist
    )
    return (
        f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(head[0])}</title><style>{_CSS}</style></head>'
        f"<body><header><h1>{escape(head[0])}</h1>{'<br>'.join(escape(h) for h in head[1:])}</header>"
        f'<main><div id="doc">{"".join(body)}</div><ul id="list">{items}</ul></main></body></html>\n'
    )
