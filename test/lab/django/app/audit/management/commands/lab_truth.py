"""
The lab's truth: the audit-log entries in the database that match the given filters, read
with Django's ORM (not through the admin page), as JSON on stdout. truth.ts runs it.

  python3 manage.py lab_truth [--user alice] [--flag 2] [--search "Northwind Traders"]
                              [--since 2026-11-01T00:00:00Z] [--until 2026-12-01T00:00:00Z]

--search matches as the admin's search box does over the object's name: every word must
appear in it (case-insensitive). --since is inclusive, --until exclusive, like the
admin's action_time__gte / action_time__lt. Rows come newest first, as the admin lists them.
"""
import json
from datetime import timezone

from django.contrib.admin.models import LogEntry
from django.core.management.base import BaseCommand
from django.utils.dateparse import parse_datetime


class Command(BaseCommand):
    help = 'Prints the audit-log entries matching the filters as JSON (for the lab tests).'

    def add_arguments(self, parser):
        parser.add_argument('--user')
        parser.add_argument('--flag', type=int, choices=[1, 2, 3])
        parser.add_argument('--search')
        parser.add_argument('--since')
        parser.add_argument('--until')

    def handle(self, *args, **options):
        entries = LogEntry.objects.select_related('user', 'content_type').order_by('-action_time', '-id')
        if options['user']:
            entries = entries.filter(user__username=options['user'])
        if options['flag']:
            entries = entries.filter(action_flag=options['flag'])
        for word in (options['search'] or '').split():
            entries = entries.filter(object_repr__icontains=word)
        if options['since']:
            entries = entries.filter(action_time__gte=parse_datetime(options['since']))
        if options['until']:
            entries = entries.filter(action_time__lt=parse_datetime(options['until']))
        rows = [
            {
                'id': entry.pk,
                'time': entry.action_time.astimezone(timezone.utc).isoformat().replace('+00:00', 'Z'),
                'user': entry.user.username,
                'contentType': str(entry.content_type),
                'object': entry.object_repr,
                'flag': entry.action_flag,
                'action': entry.get_action_flag_display(),
                'message': entry.get_change_message(),
            }
            for entry in entries
        ]
        self.stdout.write(json.dumps({'count': len(rows), 'rows': rows}))
