#!/usr/bin/env python
import os
import sys
from pathlib import Path


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "morpheus_errors.settings")
    # Development settings `make run` wrote (DJANGO_DEBUG=1); what the environment
    # already sets wins, and gunicorn (wsgi.py) never reads this file.
    env_file = Path(__file__).resolve().parent / ".env"
    if env_file.is_file():
        from dotenv import load_dotenv

        load_dotenv(env_file, override=False)
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
