"""
What the errors served leave behind: counts (in process, then the cache and the
database), Prometheus metrics and the catalog's fields on the log record.
"""
