#!/usr/bin/env python3
"""The lab's Django project: `python3 manage.py <command>` (Debian's python3-django 3.2)."""
import os
import sys

if __name__ == '__main__':
    os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'labsite.settings')
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
