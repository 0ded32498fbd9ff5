"""述"我": the secretary speaking of what he or she did (我带头…, 本人领办…).

我 that names the institution (我们/我县/我局…) is counted apart and does not count. 我 followed by an
attitude word only (我始终坚持/我深刻认识到/我要求) counts as attitude, not as a personal action.
"""

from __future__ import annotations

import re

from reportcheck.context import Context
from reportcheck.lexicons import load
from reportcheck.models import load_json
from reportcheck.schema import FirstPerson


def analyze(ctx: Context) -> FirstPerson:
    lex = load("first_person")
    inst = re.compile("我(?:" + "|".join(lex["institution_suffix"]) + ")")
    attitude = re.compile("(?:我|本人)(?:" + "|".join(lex["attitude_after"]) + ")")
    text = ctx.shadow
    actions = att = institutional = 0
    for m in re.finditer(r"我|本人", text):
        if m.group() == "我" and (inst.match(text, m.start()) or text[m.start() - 1 : m.start()] in ("自", "敌", "忘")):
            institutional += 1
        elif attitude.match(text, m.start()):
            att += 1
        else:
            actions += 1
    body = max(1, len(text) - ctx.structure.body_start)
    per_1k = actions * 1000 / body
    cuts = {**lex, **load_json("levels").get("first_person", {})}  # tuned by `make train`, else the lexicon's
    if per_1k >= cuts["strong_per_1k"] and actions >= cuts["strong_min"]:
        level = "strong"
    elif actions + att > 0:
        level = "weak"
    else:
        level = "absent"
    return FirstPerson(count=actions, attitude=att, institutional=institutional, per_1k_chars=round(per_1k, 2), level=level)
