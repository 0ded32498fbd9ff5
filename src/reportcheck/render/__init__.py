"""Review -> text, markdown, html. Renderers read only the Review model."""

from reportcheck.render.html import render_html
from reportcheck.render.markdown import render_markdown
from reportcheck.render.text import render_text

RENDERERS = {"text": render_text, "markdown": render_markdown, "html": render_html, "json": lambda r: r.model_dump_json(indent=2)}
