"""Measuring the pipeline against gold labels: gold files, eval, the shortcut check, threshold tuning, training.

It uses the pipeline; the pipeline never imports it."""
