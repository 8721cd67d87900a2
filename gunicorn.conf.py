"""
gunicorn settings, read from the working directory.

gunicorn answers an over-long request line or header with its own HTML 400/414
before Django sees it; these limits let such requests reach Django, whose
catalog handlers answer them as JSON.
"""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
limit_request_line = 0  # unlimited: Django and the catalog decide
limit_request_fields = 200
limit_request_field_size = 16384
accesslog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
