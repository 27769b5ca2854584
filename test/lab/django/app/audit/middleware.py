"""
Writes down, for every request to the audit-log page, what the console was asked (the
query string) and what it applied (the ChangeList's own filters, search, page and result
count, and the entries on the page), one JSON line each. The lab's truth.ts reads it to
check the console's own side of a search; nothing in the console reads it.
"""
import json
import time

from django.conf import settings

AUDIT_LOG_PATH = '/admin/admin/logentry/'


class ChangelistRequestLog:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == 'GET' and request.path == AUDIT_LOG_PATH:
            self.write(request, response)
        return response

    def write(self, request, response):
        record = {
            'at': time.time(),
            'user': getattr(getattr(request, 'user', None), 'username', None),
            'query': request.META.get('QUERY_STRING', ''),
            'get': {key: request.GET.getlist(key) for key in request.GET},
            'status': response.status_code,
            'location': response.get('Location'),
        }
        changelist = (getattr(response, 'context_data', None) or {}).get('cl')
        if changelist is not None:
            record.update(
                {
                    'params': changelist.params,
                    'search': changelist.query,
                    'page': changelist.page_num,
                    'resultCount': changelist.result_count,
                    'ids': [entry.pk for entry in changelist.result_list],
                }
            )
        with open(settings.CHANGELIST_REQUEST_LOG, 'a', encoding='utf-8') as log:
            log.write(json.dumps(record, default=str) + '\n')
