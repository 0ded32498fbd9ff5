"""reportcheck: screen 述职报告 before the 述职评议 meeting."""

__version__ = "0.1.0"
