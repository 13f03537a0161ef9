"""The build pipeline: what is up to date, what to render, and the record of past builds."""
