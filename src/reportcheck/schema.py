"""The review JSON of CONTRACT.md as pydantic models: every output is rendered from a Review."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

SCHEMA_VERSION = 1
Part = Literal["achievements", "problems", "causes", "next_steps", "question", "other"]
AntiCode = Literal["off_topic", "inflated", "evasive", "shallow", "toothless"]
ANTI_CODES: tuple[str, ...] = ("off_topic", "inflated", "evasive", "shallow", "toothless")


class Source(BaseModel):
    path: str
    format: str
    sha256: str
    chars: int
    pages: int | None = None
    notes: list[str] = Field(default_factory=list, description="what a reviewer should know about the file itself")
    traditional: bool = False
    footnotes: list[str] = Field(default_factory=list, description="footnote/endnote texts, kept out of the review text")


class Ref(BaseModel):
    start: int
    end: int


class Section(BaseModel):
    id: str
    heading: str
    level: int
    start: int
    end: int
    areas: list[str] = Field(default_factory=list)
    part: Part
    source: str = Field(description="how the heading was found: number | style | bold | keyword | paragraph")
    parent: str | None = None


class Area(BaseModel):
    id: str
    name: str
    covered: bool
    confidence: float = Field(description="share of the area's evidence terms and concreteness checks met, 0-1")
    section_ids: list[str] = Field(default_factory=list)
    matched: list[str] = Field(default_factory=list, description="the profile terms found in the covering text")
    start: int | None = None
    end: int | None = None


class Question(BaseModel):
    question: str
    answered: bool
    confidence: float
    section_ids: list[str] = Field(default_factory=list)
    start: int | None = None
    end: int | None = None
    reason: str = ""


class Evidence(BaseModel):
    data_points: int
    examples: int
    per_1k_chars: float
    level: Literal["high", "medium", "low"]


class FirstPerson(BaseModel):
    count: int = Field(description="我/本人 as the secretary, doing something")
    attitude: int = Field(0, description="我 with attitude verbs only (认为/坚持/深刻认识到…)")
    institutional: int = Field(0, description="我们/我县/我局… (the institution, not counted)")
    per_1k_chars: float
    level: Literal["strong", "weak", "absent"]


class AntiPattern(BaseModel):
    present: bool
    score: float = Field(description="sum of the weights of the findings of this code, capped at 1")


class Finding(BaseModel):
    code: str
    severity: Literal["high", "medium", "low"]
    start: int
    end: int
    text: str
    message: str
    rule: str
    scope: Literal["span", "document"] = Field("span", description="document: a finding about the whole report (e.g. a missing area), anchored to its title")


class PartSpan(BaseModel):
    part: Part
    start: int
    end: int
    source: Literal["heading", "cue", "position"] = Field(description="heading: named by a heading; cue: found from the wording; position: body before any heading or cue (achievements)")


class StructureFlags(BaseModel):
    achievements: bool
    problems: bool
    cause_analysis: bool
    next_steps: bool
    reading_minutes: float
    chars_by_part: dict[str, int] = Field(default_factory=dict)


class Overall(BaseModel):
    score: float
    grade: Literal["好", "较好", "一般", "差"]
    reasons: list[str] = Field(default_factory=list, description="each deduction, in words, so the score can be traced")


class ChecklistItem(BaseModel):
    id: str
    item: str
    status: Literal["pass", "warn", "fail"]
    detail: str
    refs: list[Ref] = Field(default_factory=list)


class Review(BaseModel):
    schema_version: int = SCHEMA_VERSION
    source: Source
    text: str
    title: str | None
    reporter: str | None
    org_level: str | None
    profile: str
    sections: list[Section]
    parts: list[PartSpan] = Field(default_factory=list)
    areas: list[Area]
    questions: list[Question]
    evidence: Evidence
    first_person: FirstPerson
    antipatterns: dict[str, AntiPattern]
    findings: list[Finding]
    structure: StructureFlags
    overall: Overall
    checklist: list[ChecklistItem]
